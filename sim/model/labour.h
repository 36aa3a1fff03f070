/* labour.h: formulas of the labour market shared by the labour module
 * (sim/model/labour.c) and the 2020 calibration (sim/model/calib.c), so that the fitted
 * matching efficiencies reproduce exactly the flows the model computes. */
#ifndef SIM_LABOUR_H
#define SIM_LABOUR_H

#include "sim/model/smooth.h"

#define LABOUR_CORNER 10.0   /* persons: rounding of unemployed and vacancies at zero */
#define LABOUR_POOL_HALF 100.0 /* persons: hires fall off below this many not employed */

/* Separations per employed person and year: the base rate plus layoffs at
 * layoff_rate (1/layoff_years) times the excess when employment exceeds
 * demand. */
static inline double labour_sep_rate(double emp, double demand, double base, double layoff_rate)
{
    /* 1 / (emp + 1) first: emp is a stock, known early, demand late. */
    return base + smooth_pos(1.0 - demand * (1.0 / (emp + 1.0)), 0.01) * layoff_rate;
}

/* Separations per year, emp x labour_sep_rate(emp, demand, base, layoff_rate)
 * multiplied out (equal to rounding): the factors known early, with the
 * halving of smooth_pos in half_layoff_rate = layoff_rate / 2, so that the
 * square root on demand is followed by one multiplication and one addition. */
static inline double labour_separations(double emp, double demand, double base,
                                        double half_layoff_rate)
{
    return emp * base +
           (emp * half_layoff_rate) * smooth_pos_twice(1.0 - demand * (1.0 / (emp + 1.0)), 0.01);
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

/* Hires per unit of matching efficiency: the Cobb-Douglas matching function
 * with elasticity 1/2, sqrt(U x V) [S51], tapered to zero with the pool of
 * people not employed so that the pool never goes negative. */
static inline double labour_match(double unemployed, double vacancies, double not_employed)
{
    /* The taper first: not_employed is a stock, known early. */
    return smooth_sqrt(unemployed * vacancies) * (not_employed / (not_employed + LABOUR_POOL_HALF));
}

#endif
