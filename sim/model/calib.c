/* calib.c: the calibrated 2020 reference state (rows in sim/model/calib.def).
 *
 * Everything here follows from parameter values alone: the 2020 stocks that
 * model_init starts from, and the constants fitted so that the 2020 state
 * reproduces the sourced figures (population, jobs, GRP, unemployment, firm
 * starts, emissions). model_init runs it to build the initial state, and
 * model_eval on the first evaluation of a run (the results stay in the ref_*
 * slots), which keeps the calibration exact under any parameter values
 * (Monte Carlo draws, --set). */
#include <math.h>
#include <string.h>

#include "sim/model/energy.h"
#include "sim/model/labour.h"
#include "sim/model/model.h"

/* Fitted matching efficiency of one skill level: hires replace the 2020
 * outflows from employment (separations, retirements at the level's own
 * rate, out-migration) and add growth (persons/yr) to employment; shift:
 * employed moved out (+) or in (-) by in-firm upgrading. */
static double match_fit(const double *v, double emp, double pop, double part,
                        double retire_ratio, double growth, double shift)
{
    double lf = part * pop;
    double demand = emp * (1.0 + v[V_VACANCY_RATE_START]);
    double rate = labour_sep_rate(emp, demand, v[V_SEPARATION_RATE], v[V_LAYOFF_YEARS]) +
                  retire_ratio / v[V_WORKING_AGE_YEARS] + v[V_REF_OUT_MIGRATION];
    double need = rate * emp + shift + growth;
    double seekers = labour_seekers(labour_unemployed(lf, emp), lf, v[V_FRICTIONAL_UNEMPLOYMENT]);
    double m = labour_match(seekers, labour_vacancies(demand, emp), pop - emp);
    return m > 0.0 && need > 0.0 ? need / m : 0.0;
}

/* The 2020 split of the settled working-age population (not studying) by
 * skill and status: unemployment by skill in proportion to relative risks,
 * with the total at the registered rate of 2020. */
typedef struct split {
    double w_low, w_med, w_high;    /* people by skill */
    double lf_low, lf_med, lf_high; /* labour force */
    double e_low, e_med, e_high;    /* employed */
    double u_low, u_med, u_high;    /* unemployed */
    double tight_med, tight_high;   /* vacancies / (unemployed + vacancies) */
    double w_train_low, w_train_med; /* adult-training needs, persons/yr (labour.c) */
    double scale;                   /* unemployment rate of the medium-skilled */
} split;

static void split_compute(const double *v, double settled, split *s)
{
    s->w_low = settled * v[V_SKILL_SHARE_LOW_START];
    s->w_high = settled * v[V_SKILL_SHARE_HIGH_START];
    s->w_med = settled - s->w_low - s->w_high;
    s->lf_low = smooth_min(v[V_PARTICIPATION_LOW], 1.0, 0.01) * s->w_low;
    s->lf_med = v[V_PARTICIPATION_MED] * s->w_med;
    s->lf_high = v[V_PARTICIPATION_HIGH] * s->w_high;
    double risk = v[V_UNEMP_RELATIVE_LOW] * s->lf_low + s->lf_med +
                  v[V_UNEMP_RELATIVE_HIGH] * s->lf_high;
    s->scale = v[V_UNEMPLOYMENT_START] * (s->lf_low + s->lf_med + s->lf_high) / risk;
    s->e_low = s->lf_low * (1.0 - v[V_UNEMP_RELATIVE_LOW] * s->scale);
    s->e_med = s->lf_med * (1.0 - s->scale);
    s->e_high = s->lf_high * (1.0 - v[V_UNEMP_RELATIVE_HIGH] * s->scale);
    s->u_low = labour_unemployed(s->lf_low, s->e_low);
    s->u_med = labour_unemployed(s->lf_med, s->e_med);
    s->u_high = labour_unemployed(s->lf_high, s->e_high);
    double vac = v[V_VACANCY_RATE_START];
    double vac_med = labour_vacancies(s->e_med * (1.0 + vac), s->e_med);
    double vac_high = labour_vacancies(s->e_high * (1.0 + vac), s->e_high);
    s->tight_med = vac_med / (s->u_med + vac_med);
    s->tight_high = vac_high / (s->u_high + vac_high);
    double vac_low = labour_vacancies(s->e_low * (1.0 + vac), s->e_low);
    const double u[3] = {s->u_low, s->u_med, s->u_high}, vs[3] = {vac_low, vac_med, vac_high};
    s->w_train_low = labour_training_need(u, vs, 0, v[V_TRAINING_NEED_YEARS]); /* as labour.c */
    s->w_train_med = labour_training_need(u, vs, 1, v[V_TRAINING_NEED_YEARS]);
}

/* Adult-training starts a year from the low (level 0) or medium (1)
 * skilled with the needs of split s and capacity cap (as labour.c). */
static double training_starts(const split *s, double cap, int level)
{
    double need = level == 0 ? s->w_train_low : s->w_train_med;
    double pool = level == 0 ? s->w_low - s->e_low : s->w_med - s->e_med;
    return cap * need / (s->w_train_low + s->w_train_med + cap + 1e-9) * labour_pool_taper(pool);
}

/* The rate of change of labour demand by skill (low, medium, high;
 * jobs/yr) in the start-year state under the baseline policy: two
 * evaluations of the whole model, at the initial stocks and a thousandth of
 * a year on, with every lever at its baseline value (its table value), so
 * that the calibration depends on parameters, assumptions and settings only
 * and a scenario's levers act against the same 2020 state as the
 * baseline's. v holds a complete calibration (every ref_* slot), which it
 * leaves unchanged. */
static void demand_trend(double t0, const double *v, double trend[3])
{
    static const int rows[3] = {V_LABOUR_DEMAND_LOW, V_LABOUR_DEMAND_MED, V_LABOUR_DEMAND_HIGH};
    double w[VAR_COUNT], y[STOCK_COUNT], y1[STOCK_COUNT], dy[STOCK_COUNT], d0[3];
    memcpy(w, v, sizeof w);
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].kind == VAR_LEVER)
            w[i] = var_table[i].value;
    model_init_calibrated(t0, w, y);
    const double h = 1e-3; /* yr */
    model_frame g = {.t = t0, .t0 = t0, .y = y, .v = w, .dydt = dy};
    model_eval(&g);
    for (int i = 0; i < 3; i++)
        d0[i] = w[rows[i]];
    for (int s = 0; s < STOCK_COUNT; s++)
        y1[s] = y[s] + h * dy[s];
    g.t = t0 + h;
    g.y = y1;
    model_eval(&g);
    for (int i = 0; i < 3; i++)
        trend[i] = (w[rows[i]] - d0[i]) / h;
}

void calib_eval(model_frame *f)
{
    double *v = f->v;

    /* Demography: the 2020 age split and the two education pipelines. */
    double pop = v[V_POPULATION_START];
    double young = pop * v[V_YOUNG_SHARE_START];
    double old = pop * v[V_OLD_SHARE_START];
    double wa = pop - young - old;
    double he_entry = v[V_HE_ENTRY_SHARE_START] * young / v[V_YOUNG_YEARS];
    double he = he_entry * v[V_HE_YEARS];

    /* Adult training draws on the unemployed, whose number depends on the
     * people not in training: a few passes settle the split to a fraction
     * of a person. */
    double years = v[V_TRAINING_YEARS];
    double cap = var_table[V_ADULT_TRAINING].value / years; /* as labour.c */
    split s;
    double settled = wa - he - cap * years;
    for (int pass = 0; pass < 8; pass++) {
        split_compute(v, settled, &s);
        settled = wa - he - years * (training_starts(&s, cap, 0) + training_starts(&s, cap, 1));
    }
    split_compute(v, settled, &s);
    v[V_REF_TRAINING_NEED_LOW] = s.w_train_low;
    v[V_REF_TRAINING_NEED_MED] = s.w_train_med;
    v[V_REF_TRAINING_LOW] = training_starts(&s, cap, 0);
    v[V_REF_TRAINING_MED] = training_starts(&s, cap, 1);
    v[V_REF_PROSPECTS] = s.tight_high / s.tight_med;
    v[V_REF_POP_YOUNG] = young;
    v[V_REF_POP_OLD] = old;
    v[V_REF_WORKING_AGE] = wa;
    v[V_REF_HE_ENTRY] = he_entry;
    v[V_REF_STUDENTS] = wa - settled;
    double w_low = s.w_low, w_med = s.w_med, w_high = s.w_high;
    double e_low = s.e_low, e_med = s.e_med, e_high = s.e_high;
    v[V_REF_SKILL_POP_LOW] = w_low;
    v[V_REF_SKILL_POP_MED] = w_med;
    v[V_REF_SKILL_POP_HIGH] = w_high;
    v[V_REF_UNEMP_SCALE] = s.scale;
    v[V_REF_EMP_LOW] = e_low;
    v[V_REF_EMP_MED] = e_med;
    v[V_REF_EMP_HIGH] = e_high;

    /* Jobs by sector; private services balance the total. */
    double jobs = (e_low + e_med + e_high) / (1.0 - v[V_OTHER_AGES_SHARE]);
    double j_m = v[V_MFG_JOBS_START], j_c = v[V_CONSTRUCTION_JOBS_START];
    double j_a = v[V_PRIMARY_JOBS_START], j_p = v[V_PUBLIC_JOBS_START];
    double j_s = jobs - j_m - j_c - j_a - j_p;
    double y_m = v[V_LP_MFG_START] * j_m;
    v[V_REF_JOBS_TOTAL] = jobs;
    v[V_REF_SERVICE_JOBS] = j_s;
    v[V_REF_MFG_OUTPUT] = y_m;
    v[V_REF_LP_SERVICES] = (v[V_GRP_START] / (1.0 + v[V_PRODUCT_TAX_SHARE]) - y_m -
                            v[V_LP_CONSTRUCTION] * j_c - v[V_LP_PRIMARY] * j_a -
                            v[V_LP_PUBLIC] * j_p) / j_s;
    double lo_m = v[V_SKILL_LOW_MFG], lo_c = v[V_SKILL_LOW_CONSTRUCTION];
    double lo_s = v[V_SKILL_LOW_SERVICES], lo_p = v[V_SKILL_LOW_PUBLIC];
    double lo_a = v[V_SKILL_LOW_PRIMARY];
    double hi_m = v[V_SKILL_HIGH_MFG], hi_c = v[V_SKILL_HIGH_CONSTRUCTION];
    double hi_s = v[V_SKILL_HIGH_SERVICES], hi_p = v[V_SKILL_HIGH_PUBLIC];
    double hi_a = v[V_SKILL_HIGH_PRIMARY];
    double x_low = j_m * lo_m + j_c * lo_c + j_s * lo_s + j_p * lo_p + j_a * lo_a;
    double x_high = j_m * hi_m + j_c * hi_c + j_s * hi_s + j_p * hi_p + j_a * hi_a;
    v[V_REF_SKILL_JOBS_LOW] = x_low;
    v[V_REF_SKILL_JOBS_HIGH] = x_high;
    v[V_REF_SKILL_JOBS_MED] = j_m + j_c + j_s + j_p + j_a - x_low - x_high;
    v[V_REF_PUBLIC_BASE] =
        v[V_PUBLIC_WEIGHT_YOUNG] * young + wa + v[V_PUBLIC_WEIGHT_OLD] * old;

    /* Firms: young firms in steady state with the 2020 starts. */
    v[V_REF_YOUNG_FIRMS] =
        v[V_FIRM_STARTS_START] / (v[V_YOUNG_EXIT_RATE] + 1.0 / v[V_YOUNG_FIRM_YEARS]);
    v[V_REF_POP_16_64] = wa + 4.0 / v[V_YOUNG_YEARS] * young;
    v[V_REF_START_RATE] = v[V_FIRM_STARTS_START] / v[V_REF_POP_16_64];

    /* Migration: gross out-migration that leaves the start year's net
     * figure, given the in-migration that immigration to Sweden then gives
     * (in 2020 in_migration_start itself) and the graduates who leave. */
    double grads_leaving = he_entry * v[V_HE_COMPLETION] *
                           (1.0 - var_table[V_GRADUATE_RETENTION].value);
    double in_start =
        v[V_IN_MIGRATION_START] *
        (1.0 + v[V_IN_MIGRATION_IMMIGRATION_RESPONSE] * (v[V_IMMIGRATION_SWEDEN] - 1.0));
    v[V_REF_OUT_MIGRATION] =
        (in_start - v[V_NET_MIGRATION_START] - grads_leaving) / (young + settled);

    /* Retirement by skill: the medium level's relative rate makes the 2020
     * retirements total the settled 20-64 over working_age_years. */
    double s_low = v[V_SKILL_SHARE_LOW_START], s_high = v[V_SKILL_SHARE_HIGH_START];
    v[V_REF_RETIRE_RATIO_MED] = (1.0 - v[V_RETIRE_RATIO_LOW] * s_low -
                                 v[V_RETIRE_RATIO_HIGH] * s_high) / (1.0 - s_low - s_high);

    double upgrade = var_table[V_IN_FIRM_TRAINING].value / 100.0 * e_low;
    /* First pass: hires that keep employment steady (labour demand, whose
     * trend the second pass uses, does not depend on them). */
    double part_low = smooth_min(v[V_PARTICIPATION_LOW], 1.0, 0.01);
    v[V_REF_MATCH_LOW] = match_fit(v, e_low, w_low, part_low, v[V_RETIRE_RATIO_LOW], 0.0, upgrade);
    v[V_REF_MATCH_MED] = match_fit(v, e_med, w_med, v[V_PARTICIPATION_MED],
                                   v[V_REF_RETIRE_RATIO_MED], 0.0, -upgrade);
    v[V_REF_MATCH_HIGH] = match_fit(v, e_high, w_high, v[V_PARTICIPATION_HIGH],
                                    v[V_RETIRE_RATIO_HIGH], 0.0, 0.0);

    v[V_REF_EMPLOYMENT_RATE] = (e_low + e_med + e_high) / wa;
    v[V_REF_JOB_PROSPECTS] = 1.0 - (s.u_low + s.u_med + s.u_high) / (s.lf_low + s.lf_med + s.lf_high);
    v[V_REF_HUMAN_CAPITAL] =
        (v[V_WAGE_RELATIVE_LOW] * e_low + e_med + v[V_WAGE_RELATIVE_HIGH] * e_high) /
        (e_low + e_med + e_high);

    v[V_REF_KNOWLEDGE] = v[V_RD_INTENSITY_START] * v[V_GRP_START] /
                         (v[V_KNOWLEDGE_DEPRECIATION_RATE] + v[V_KNOWLEDGE_GROWTH_START]);
    /* Diffusion of digital tools and of innovation: the imitation
     * coefficients that make each 2020 share a point on a steady path.
     * Adoptions replace what obsolescence, lapse and closures take and add
     * the 2020 trend, so a share drawn with the rates around it moves at
     * that trend from the start instead of relaxing towards a steady state
     * of its own (a start-up jump). */
    double est = v[V_ACTIVE_FIRMS_START] - v[V_REF_YOUNG_FIRMS];
    double dig = v[V_DIGITAL_SHARE_START] * est;
    double market = est * (1.0 - v[V_DIGITAL_BROADBAND_NEED] +
                           v[V_DIGITAL_BROADBAND_NEED] * v[V_BROADBAND_RURAL_START]);
    double dig_need = dig * (1.0 / v[V_DIGITAL_LIFE_YEARS] + v[V_EST_EXIT_RATE]) +
                      v[V_DIGITAL_ADOPTION_TREND] * est;
    v[V_REF_DIGITAL_Q] =
        dig > 0.0 && market > dig ? fmax(0.0, (dig_need - v[V_DIGITAL_P] * (market - dig)) * (market + 1.0) /
                                     (dig * (market - dig)))
                     : 0.0;
    double s_i = v[V_INNOVATION_SHARE_START];
    double inn_need = s_i * (1.0 / v[V_INNOVATION_YEARS] + v[V_EST_EXIT_RATE]) +
                      v[V_INNOVATION_ADOPTION_TREND];
    v[V_REF_INNOVATION_Q] =
        fmax(0.0, (inn_need - v[V_INNOVATION_P] * (1.0 - s_i)) / (s_i * (1.0 - s_i)));
    v[V_REF_ENERGY_COST] = (v[V_ENERGY_INDUSTRY_START] * v[V_ENERGY_PRICE_START] * 1000.0 +
                            v[V_EMISSIONS_INDUSTRY_START] * v[V_CARBON_PRICE_START] / 1000.0) / y_m;

    /* Second pass: the fast loop of the labour market (hires fill
     * vacancies within months) starts in equilibrium when employment at
     * each level moves with its labour demand, so that vacancies hold
     * their 2020 rate; production's trends set how fast demand moves. */
    double trend[3];
    demand_trend(f->t0, v, trend);
    double vac = 1.0 + v[V_VACANCY_RATE_START];
    v[V_REF_MATCH_LOW] = match_fit(v, e_low, w_low, part_low, v[V_RETIRE_RATIO_LOW],
                                   trend[0] / vac, upgrade);
    v[V_REF_MATCH_MED] = match_fit(v, e_med, w_med, v[V_PARTICIPATION_MED],
                                   v[V_REF_RETIRE_RATIO_MED], trend[1] / vac, -upgrade);
    v[V_REF_MATCH_HIGH] = match_fit(v, e_high, w_high, v[V_PARTICIPATION_HIGH],
                                    v[V_RETIRE_RATIO_HIGH], trend[2] / vac, 0.0);
}
