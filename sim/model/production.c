/* production.c: sectors, productivity, export demand, the local multiplier,
 * labour demand by skill and GRP (rows in sim/model/production.def).
 *
 * Runs after demography (population) and before the labour market, which
 * matches the labour demand computed here. Manufacturing sells what export
 * demand and its competitiveness allow; its jobs are sales over
 * productivity, so productivity growth above sales growth sheds jobs (the
 * 2016-21 trend). Services follow population, manufacturing (the local
 * multiplier) and new firms; public jobs follow the weighted population.
 * Output is cut when skill shortages leave jobs unstaffed (fill rate). */
#include <math.h>

#include "sim/model/model.h"

void production_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_EXPORT_DEMAND] = 1.0;
    y[S_LP_MFG] = v[V_LP_MFG_START];
    y[S_LP_BENCHMARK] = 1.0;
    y[S_PRODUCTIVITY_OTHER] = 1.0;
}

/* Staffed jobs at one skill level: the demand when employment is at its
 * normal level below demand (2020 vacancies), less when short; rounded over
 * 200 jobs. */
static double staffed_of(double emp, double demand, double normal_vacancy)
{
    return smooth_cap(emp * (1.0 + normal_vacancy), demand, 200.0);
}

/* Indicators that no derivative reads: only at report times, from the
 * values production_eval has stored (kept apart so that the evaluations
 * inside the integrator hold none of them in registers). years: since the
 * start of the run. */
static void production_report(double *v, double years)
{
    v[V_GRP_PER_CAPITA] = v[V_GRP] / v[V_POPULATION] * 1000.0;
    v[V_GRP_VS_SWEDEN] = v[V_GRP_PER_CAPITA] /
                         (v[V_SWEDEN_GRP_PER_CAPITA_START] *
                          pow(1.0 + v[V_PRODUCTIVITY_GROWTH], years));
    v[V_MFG_JOBS] = v[V_MFG_JOBS_DEMAND] * v[V_FILL_RATE];
}

void production_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    double *restrict dy = f->dydt;
    const double *restrict k = f->k;

    double per_firm = 1.0 / (y[S_FIRMS_EST] + 1.0);
    double dig_gap = y[S_DIGITAL_ADOPTERS] * per_firm - v[V_DIGITAL_SHARE_START];
    double inn_gap = y[S_INNOVATION_ACTIVE] * per_firm - v[V_INNOVATION_SHARE_START];
    v[V_DIGITAL_GAP] = dig_gap;

    /* Competitiveness: productivity lead, innovation, energy and carbon
     * costs per unit of value added, and a premium for green production. */
    double ab = y[S_ABATEMENT_DONE];
    double cost_scale =
        y[S_ENERGY_BACKGROUND] * (1.0 - y[S_EFFICIENCY_SAVED]) * k[K_INV_REF_MFG_OUTPUT];
    double cost = (v[V_ENERGY_INDUSTRY_START] * y[S_ENERGY_PRICE_LEVEL] * 1000.0 +
                   v[V_EMISSIONS_INDUSTRY_START] * y[S_CARBON_PRICE_LEVEL] * 0.001 * (1.0 - ab)) *
                  cost_scale;
    /* Divisions by stocks early, off the long chain of dependent steps
     * that follows. */
    double lp = y[S_LP_MFG], lp_inv = 1.0 / lp;
    double lead = lp / (v[V_LP_MFG_START] * y[S_LP_BENCHMARK]) - 1.0;
    /* The cost term, known last, enters last: - c (cost - ref) = c ref - c cost. */
    double ecc = v[V_ENERGY_COST_COMPETITIVENESS];
    double comp2 = smooth_pos_twice((1.0 + ecc * v[V_REF_ENERGY_COST]) +
                                        v[V_PRICE_COMPETITIVENESS] * lead +
                                        v[V_INNOVATION_COMPETITIVENESS] * inn_gap +
                                        v[V_GREEN_PREMIUM] * ab - ecc * cost
                                        /* energy module: the whole cost burden (abatement
                                           capital net of support included), as firms see it,
                                           replaces the energy and carbon cost above */
                                        - ecc * (y[S_INDUSTRY_COST_SEEN] - cost),
                                    0.01);
    double comp = 0.5 * comp2; /* smooth_pos; the halving moves into the factors below */
    double out_scale = v[V_REF_MFG_OUTPUT] * y[S_EXPORT_DEMAND];
    double out = (0.5 * out_scale) * comp2;
    double j_m = (0.5 * (out_scale * lp_inv)) * comp2;
    v[V_ENERGY_COST_SHARE] = cost;
    v[V_COMPETITIVENESS] = comp;
    v[V_MFG_OUTPUT] = out;
    v[V_MFG_JOBS_DEMAND] = j_m;

    /* Jobs in the other sectors. */
    double pop = v[V_POPULATION], pop_rel = pop * k[K_INV_POPULATION_START] - 1.0;
    double inv = v[V_DECARB_CAPEX] * v[V_EMISSIONS_INDUSTRY_START] *
                 (y[S_ABATEMENT_1] + y[S_ABATEMENT_2] + y[S_ABATEMENT_3]) *
                 k[K_INV_BUILD_TIME];
    double j_c = v[V_CONSTRUCTION_JOBS_START] * (1.0 + v[V_CONSTRUCTION_POP_ELASTICITY] * pop_rel) +
                 v[V_CONSTRUCTION_JOBS_PER_MSEK] * (inv + v[V_RURAL_BROADBAND]);
    double j_p = k[K_PUBLIC_SCALE] *
                 (v[V_PUBLIC_WEIGHT_YOUNG] * y[S_POP_YOUNG] + v[V_WORKING_AGE_POP] +
                  v[V_PUBLIC_WEIGHT_OLD] * y[S_POP_OLD]);
    /* A linear trend; a falling one bends towards zero instead of below. */
    double trend = v[V_PRIMARY_JOBS_TREND] * (f->t - f->t0);
    double j_a = v[V_PRIMARY_JOBS_START] * (trend >= 0.0 ? 1.0 + trend : 1.0 / (1.0 - trend));
    double young_jobs = v[V_YOUNG_FIRM_JOBS] *
                        (y[S_FIRMS_YOUNG] * k[K_SEED_GROWTH] - v[V_REF_YOUNG_FIRMS]);
    double est_jobs = v[V_EST_FIRM_JOBS] *
                      (y[S_FIRMS_EST] - k[K_EST_FIRMS_START]);
    /* Service jobs follow manufacturing jobs, j_m = c comp2 with c known
     * early: mult j_m enters as (mult c) comp2, one multiplication after
     * the square root of comp2. The halving of smooth_pos moves into the
     * factors of j_s2 = 2 j_s below. */
    double mult = v[V_SERVICE_MULTIPLIER];
    double s_base = v[V_REF_SERVICE_JOBS] * (1.0 + v[V_SERVICE_POP_ELASTICITY] * pop_rel) +
                    young_jobs + est_jobs - mult * v[V_MFG_JOBS_START];
    double j_s2 = smooth_pos_twice(s_base + (mult * (0.5 * (out_scale * lp_inv))) * comp2, 100.0);
    double j_s = 0.5 * j_s2;
    v[V_DECARB_INVESTMENT] = inv;
    v[V_CONSTRUCTION_JOBS] = j_c;
    v[V_PUBLIC_JOBS] = j_p;
    v[V_PRIMARY_JOBS] = j_a;
    v[V_SERVICE_JOBS] = j_s;
    double jobs0 = j_c + j_p + j_a + j_m; /* every sector but services */
    double jobs = jobs0 + j_s;
    v[V_JOBS_TOTAL] = jobs;

    /* Labour demand by skill: the 2020 demand scaled by sector jobs weighted
     * with each sector's skill intensities; digitalisation moves part of
     * the low-skill demand to high skill. Each demand is linear in the
     * service jobs, known last (after two square roots): it is written as
     * a part without them plus a factor known early times j_s2, so that
     * each waits for one multiplication and one addition only. */
    double x_low0 = j_c * v[V_SKILL_LOW_CONSTRUCTION] + j_p * v[V_SKILL_LOW_PUBLIC] +
                    j_a * v[V_SKILL_LOW_PRIMARY] + j_m * v[V_SKILL_LOW_MFG];
    double x_high0 = j_c * v[V_SKILL_HIGH_CONSTRUCTION] + j_p * v[V_SKILL_HIGH_PUBLIC] +
                     j_a * v[V_SKILL_HIGH_PRIMARY] + j_m * v[V_SKILL_HIGH_MFG];
    double s_low = v[V_SKILL_LOW_SERVICES], s_high = v[V_SKILL_HIGH_SERVICES];
    double vac0 = v[V_VACANCY_RATE_START];
    double shift_share = v[V_DIGITAL_SKILL_SHIFT] * dig_gap;
    double c_shift = k[K_DEMAND_LOW] * shift_share, c_low = k[K_DEMAND_LOW] * (1.0 - shift_share);
    double c_med = k[K_DEMAND_MED], c_high = k[K_DEMAND_HIGH];
    double d_l = c_low * x_low0 + (0.5 * (c_low * s_low)) * j_s2;
    double d_m = c_med * (jobs0 - x_low0 - x_high0) +
                 (0.5 * (c_med * (1.0 - s_low - s_high))) * j_s2;
    double d_h = (c_high * x_high0 + c_shift * x_low0) +
                 (0.5 * (c_high * s_high + c_shift * s_low)) * j_s2;
    v[V_LABOUR_DEMAND_LOW] = d_l;
    v[V_LABOUR_DEMAND_MED] = d_m;
    v[V_LABOUR_DEMAND_HIGH] = d_h;

    /* One division for the fill rate and the manufacturing share of jobs,
     * under way while the staffed jobs (square roots) are computed. */
    double d_sum = d_l + d_m + d_h, inv_dj = 1.0 / (d_sum * jobs);
    double fill = (staffed_of(y[S_EMP_LOW], d_l, vac0) + staffed_of(y[S_EMP_MED], d_m, vac0) +
                   staffed_of(y[S_EMP_HIGH], d_h, vac0)) *
                  (jobs * inv_dj);
    v[V_FILL_RATE] = fill;
    double other = v[V_LP_CONSTRUCTION] * j_c + v[V_LP_PRIMARY] * j_a + v[V_LP_PUBLIC] * j_p +
                   v[V_REF_LP_SERVICES] * j_s;
    double foe = v[V_FILL_OUTPUT_ELASTICITY];
    double staffed = (1.0 - foe) + foe * fill; /* 1 - foe (1 - fill) */
    double grp = staffed * (k[K_TAX_FACTOR] * (out + y[S_PRODUCTIVITY_OTHER] * other));
    v[V_GRP] = grp;
    v[V_MFG_GVA] = out * staffed;
    v[V_MFG_JOB_SHARE] = j_m * (d_sum * inv_dj);

    double g = v[V_PRODUCTIVITY_GROWTH];
    double kp = v[V_KNOWLEDGE_PRODUCTIVITY];
    /* kp x knowledge relative to GRP, less kp below: kp (k_rel + 1), with
     * k_rel = knowledge / (grp x scale) - 1, one step after GRP. */
    double kp_rel = kp * y[S_KNOWLEDGE] * k[K_KNOWLEDGE_SCALE] / grp;
    v[V_EXPORT_DEMAND_GROWTH] = v[V_EXPORT_GROWTH] * y[S_EXPORT_DEMAND];
    v[V_LP_MFG_GROWTH] = lp * (g + v[V_MFG_PRODUCTIVITY_PREMIUM] +
                               v[V_DIGITAL_PRODUCTIVITY] * dig_gap - kp + kp_rel);
    v[V_BENCHMARK_GROWTH] = y[S_LP_BENCHMARK] * (g + v[V_MFG_PRODUCTIVITY_PREMIUM]);
    v[V_PRODUCTIVITY_OTHER_GROWTH] =
        y[S_PRODUCTIVITY_OTHER] * (g + k[K_HALF_DIGITAL_PRODUCTIVITY] * dig_gap);
    dy[S_EXPORT_DEMAND] = v[V_EXPORT_DEMAND_GROWTH];
    dy[S_LP_MFG] = v[V_LP_MFG_GROWTH];
    dy[S_LP_BENCHMARK] = v[V_BENCHMARK_GROWTH];
    dy[S_PRODUCTIVITY_OTHER] = v[V_PRODUCTIVITY_OTHER_GROWTH];
    if (f->report)
        production_report(v, f->t - f->t0);
}
