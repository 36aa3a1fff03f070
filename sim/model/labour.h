/* labour.h: formulas of the labour market shared by the labour module
 * (sim/model/labour.c) and the 2020 calibration (sim/model/calib.c), so that the fitted
 * matching efficiencies reproduce exactly the flows the model computes. */
#ifndef SIM_LABOUR_H
#define SIM_LABOUR_H

#include "sim/model/smooth.h"
#include "sim/engine/var.h"

#define LABOUR_CORNER 10.0   /* persons: rounding of unemployed and vacancies at zero */
#define LABOUR_POOL_HALF 100.0 /* persons: hires fall off below this many not employed */

/* Separations per employed person and year: the base rate plus layoffs of
 * the excess of employment over demand within layoff_years. */
static inline double labour_sep_rate(double emp, double demand, double base, double layoff_years)
{
    return base + smooth_pos(1.0 - demand / (emp + 1.0), 0.01) / layoff_years;
}

/* Share of the people of a skill level not employed who seek work: the
 * share that gives the level's participation rate `participation` in the
 * 2020 state of pop people of whom emp are employed. The labour force is
 * then the employed plus this share of those not employed, so that flows
 * between employment and non-employment move job-seekers and the inactive
 * in the 2020 proportion, and moving an employed person to another level
 * moves no job-seeker. At most 1 while participation is. */
static inline double labour_seek_share(double participation, double pop, double emp)
{
    return (participation * pop - emp) / (pop - emp);
}

/* Unemployed: the labour force not employed (never negative). */
static inline double labour_unemployed(double labour_force, double emp)
{
    return smooth_pos(labour_force - emp, LABOUR_CORNER);
}

/* Vacancies: labour demand not filled (never negative). */
static inline double labour_vacancies(double demand, double emp)
{
    return smooth_pos(demand - emp, LABOUR_CORNER);
}

/* Job-seekers the matching function can place: the unemployed above the
 * frictional floor (people between jobs, who are never all placed at once). */
static inline double labour_seekers(double unemployed, double labour_force, double frictional)
{
    return smooth_pos(unemployed - frictional * labour_force, LABOUR_CORNER);
}

/* The factor that tapers an outflow of a pool of people not employed to
 * zero as the pool empties (half at LABOUR_POOL_HALF persons), so that the
 * outflow is first-order in the pool and the pool never goes negative. */
static inline double labour_pool_taper(double not_employed)
{
    return not_employed / (not_employed + LABOUR_POOL_HALF);
}

/* Hires per unit of matching efficiency: the Cobb-Douglas matching function
 * with elasticity 1/2, sqrt(S x V) [S51], tapered with the pool of people
 * not employed. */
static inline double labour_match(double seekers, double vacancies, double not_employed)
{
    return sqrt(seekers * vacancies) * labour_pool_taper(not_employed);
}

/* Skill mismatch as a share of the labour force: the unemployed who would
 * have to change skill level for the skill mix of the unemployed to match
 * that of vacancies (Jackman and Roper 1987: the mismatch index times the
 * unemployed), over the labour force. u_s, v_s: unemployed and vacancies
 * by skill; lf: the whole labour force. */
static inline double labour_mismatch(const double u[3], const double v[3], double lf)
{
    double u_sum = u[0] + u[1] + u[2], v_sum = v[0] + v[1] + v[2];
    double gap = 0.0;
    for (int s = 0; s < 3; s++)
        gap += smooth_abs(u[s] / u_sum - v[s] / v_sum, 1e-4);
    return 0.5 * gap * u_sum / lf;
}

/* Adult-training need of one skill level (persons/yr): the job-seekers of
 * the level beyond what the skill mix of vacancies calls for there
 * (excess), for the level above where job-seekers fall short of that mix
 * (shortfall); the smaller of the two in harmonic form, planned over
 * need_years. Moving such people up a level narrows the gap between the
 * skill mixes of the unemployed and of vacancies (labour_mismatch), so
 * programmes train where the unemployed are over-represented and for the
 * skills that vacancies lack. u, vac: unemployed and vacancies by skill;
 * s: the level trained from (0 low, 1 medium). */
static inline double labour_training_need(const double u[3], const double vac[3], int s,
                                          double need_years)
{
    double u_sum = u[0] + u[1] + u[2], v_sum = vac[0] + vac[1] + vac[2] + 1e-9;
    double excess = smooth_pos(u[s] - u_sum * vac[s] / v_sum, LABOUR_CORNER);
    double shortfall = smooth_pos(u_sum * vac[s + 1] / v_sum - u[s + 1], LABOUR_CORNER);
    return excess * shortfall / (excess + shortfall + 1e-9) / need_years;
}

/* The value of a lever of the people modules with its part above the
 * baseline (model table) value counted net of deadweight and displacement
 * (V_ ids of the lever and its two additionality rows): what the lever adds. */
static inline double labour_additional(const double *v, int lever, int deadweight,
                                       int displacement)
{
    double base = var_table[lever].value;
    return base + (v[lever] - base) * (1.0 - v[deadweight]) * (1.0 - v[displacement]);
}

#endif
