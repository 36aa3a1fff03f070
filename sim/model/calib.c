/* calib.c: the calibrated 2020 reference state (rows in sim/model/calib.def).
 *
 * Everything here follows from parameter values alone: the 2020 stocks that
 * model_init starts from, and the constants fitted so that the 2020 state
 * reproduces the sourced figures (population, jobs, GRP, unemployment, firm
 * starts, emissions). model_init runs it to build the initial state, and
 * model_eval on the first evaluation of a run (the results stay in the ref_*
 * slots), which keeps the calibration exact under any parameter values
 * (Monte Carlo draws, --set). */
#include "sim/model/energy.h"
#include "sim/model/labour.h"
#include "sim/model/model.h"

/* Fitted matching efficiency of one skill level: the hires that keep 2020
 * employment steady (separations, retirements, out-migration and, for the
 * low and medium levels, in-firm upgrading) over the matching term. */
static double match_fit(const double *v, double emp, double pop, double part, double net_out)
{
    double lf = part * pop;
    double demand = emp * (1.0 + v[V_VACANCY_RATE_START]);
    double rate = labour_sep_rate(emp, demand, v[V_SEPARATION_RATE], 1.0 / v[V_LAYOFF_YEARS]) +
                  1.0 / v[V_WORKING_AGE_YEARS] + v[V_REF_OUT_MIGRATION];
    double need = rate * emp + net_out;
    double m = labour_match(labour_unemployed(lf, emp), labour_vacancies(demand, emp), pop - emp);
    return m > 0.0 ? need / m : 0.0;
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
    double need_rate = 1.0 / v[V_TRAINING_NEED_YEARS]; /* as calib_consts */
    s->w_train_low = s->u_low * vac_med / (s->u_low + vac_med) * need_rate;
    s->w_train_med = s->u_med * vac_high / (s->u_med + vac_high) * need_rate;
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
     * people not in training: two passes settle the split to a fraction of
     * a person. */
    double years = v[V_TRAINING_YEARS];
    double cap = var_table[V_ADULT_TRAINING].value * (1.0 / years); /* as labour.c */
    split s;
    split_compute(v, wa - he - cap * years, &s);
    double trainees = cap * years * (s.w_train_low + s.w_train_med) /
                      (s.w_train_low + s.w_train_med + cap);
    double settled = wa - he - trainees;
    split_compute(v, settled, &s);
    double pool = s.w_train_low + s.w_train_med + cap;
    v[V_REF_TRAINING_LOW] = cap * s.w_train_low / pool;
    v[V_REF_TRAINING_MED] = cap * s.w_train_med / pool;
    v[V_REF_PROSPECTS] = s.tight_high / s.tight_med;
    v[V_REF_POP_YOUNG] = young;
    v[V_REF_POP_OLD] = old;
    v[V_REF_WORKING_AGE] = wa;
    v[V_REF_HE_ENTRY] = he_entry;
    v[V_REF_STUDENTS] = he + trainees;
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
    v[V_REF_START_RATE] =
        v[V_FIRM_STARTS_START] / (wa + 4.0 / v[V_YOUNG_YEARS] * young);

    /* Migration: gross out-migration that leaves the 2020 net figure, given
     * the graduates who leave the region. */
    double grads_leaving = he_entry * v[V_HE_COMPLETION] *
                           (1.0 - var_table[V_GRADUATE_RETENTION].value);
    v[V_REF_OUT_MIGRATION] = (v[V_IN_MIGRATION_START] - v[V_NET_MIGRATION_START] - grads_leaving) /
                             (young + settled);

    /* Matching efficiencies that hold 2020 employment steady. */
    double upgrade = var_table[V_IN_FIRM_TRAINING].value / 100.0 * e_low;
    v[V_REF_MATCH_LOW] = match_fit(v, e_low, w_low, smooth_min(v[V_PARTICIPATION_LOW], 1.0, 0.01), upgrade);
    v[V_REF_MATCH_MED] = match_fit(v, e_med, w_med, v[V_PARTICIPATION_MED], -upgrade);
    v[V_REF_MATCH_HIGH] = match_fit(v, e_high, w_high, v[V_PARTICIPATION_HIGH], 0.0);

    v[V_REF_EMPLOYMENT_RATE] = (e_low + e_med + e_high) / wa;

    v[V_REF_KNOWLEDGE] = v[V_RD_INTENSITY_START] * v[V_GRP_START] /
                         (v[V_KNOWLEDGE_DEPRECIATION_RATE] + v[V_KNOWLEDGE_GROWTH_START]);
    v[V_REF_ENERGY_COST] = (v[V_ENERGY_INDUSTRY_START] * v[V_ENERGY_PRICE_START] * 1000.0 +
                            v[V_EMISSIONS_INDUSTRY_START] * v[V_CARBON_PRICE_START] / 1000.0) / y_m;
}

void calib_consts(const double *v, double *k)
{
    k[K_LAYOFF_RATE] = 1.0 / v[V_LAYOFF_YEARS];
    k[K_HE_STAGE_RATE] = 3.0 / v[V_HE_YEARS];
    k[K_TRAINING_STAGE_RATE] = 3.0 / v[V_TRAINING_YEARS];
    k[K_TRAINING_RATE] = 1.0 / v[V_TRAINING_YEARS];
    k[K_NEED_RATE] = 1.0 / v[V_TRAINING_NEED_YEARS];
    k[K_JOB_PERCEPTION_RATE] = 1.0 / v[V_JOB_PERCEPTION_YEARS];
    k[K_INV_REF_PROSPECTS] = 1.0 / v[V_REF_PROSPECTS];
    k[K_AGEING_RATE] = 1.0 / v[V_YOUNG_YEARS];
    k[K_DEATH_RATE] = 1.0 / v[V_OLD_AGE_YEARS];
    k[K_RETIRE_RATE] = 1.0 / v[V_WORKING_AGE_YEARS];
    k[K_INV_REF_EMPLOYMENT] = 1.0 / v[V_REF_EMPLOYMENT_RATE];
    k[K_INV_REF_MFG_OUTPUT] = 1.0 / v[V_REF_MFG_OUTPUT];
    k[K_INV_POPULATION_START] = 1.0 / v[V_POPULATION_START];
    k[K_PUBLIC_SCALE] = v[V_PUBLIC_JOBS_START] / v[V_REF_PUBLIC_BASE];
    double vac = 1.0 + v[V_VACANCY_RATE_START];
    k[K_DEMAND_LOW] = v[V_REF_EMP_LOW] * vac / v[V_REF_SKILL_JOBS_LOW];
    k[K_DEMAND_MED] = v[V_REF_EMP_MED] * vac / v[V_REF_SKILL_JOBS_MED];
    k[K_DEMAND_HIGH] = v[V_REF_EMP_HIGH] * vac / v[V_REF_SKILL_JOBS_HIGH];
    k[K_KNOWLEDGE_SCALE] = v[V_GRP_START] / v[V_REF_KNOWLEDGE];
    k[K_INV_TERTIARY_START] =
        (v[V_REF_SKILL_POP_LOW] + v[V_REF_SKILL_POP_MED] + v[V_REF_SKILL_POP_HIGH]) /
        v[V_REF_SKILL_POP_HIGH];
    k[K_INV_MFG_SHARE_START] = v[V_REF_JOBS_TOTAL] / v[V_MFG_JOBS_START];
    k[K_INV_UNEMPLOYMENT_START] = 1.0 / v[V_UNEMPLOYMENT_START];
    k[K_MATURING_RATE] = 1.0 / v[V_YOUNG_FIRM_YEARS];
    k[K_DIGITAL_LIFE_RATE] = 1.0 / v[V_DIGITAL_LIFE_YEARS];
    k[K_INNOVATION_LAPSE_RATE] = 1.0 / v[V_INNOVATION_YEARS];
    k[K_INV_INNOVATION_SHARE_START] = 1.0 / v[V_INNOVATION_SHARE_START];
    k[K_BROADBAND_SCALE] = 1.0 / (1.0 - v[V_BROADBAND_RURAL_START]);
    k[K_DROPOUT_SHARE] = 1.0 - v[V_HE_COMPLETION];
    k[K_TRAINING_FAIL_SHARE] = 1.0 - v[V_TRAINING_COMPLETION];
    k[K_ADULT_MIGRANT_SHARE] = 1.0 - v[V_MIGRANT_SHARE_YOUNG];
    k[K_MIGRANT_SHARE_MED] = 1.0 - v[V_MIGRANT_SHARE_LOW] - v[V_MIGRANT_SHARE_HIGH];
    k[K_HE_ENTRY_MAX] = 1.0 - v[V_LOW_ENTRY_SHARE];
    k[K_BROADBAND_FREE_SHARE] = 1.0 - v[V_DIGITAL_BROADBAND_NEED];
    k[K_TAX_FACTOR] = 1.0 + v[V_PRODUCT_TAX_SHARE];
    k[K_EST_FIRMS_START] = v[V_ACTIVE_FIRMS_START] - v[V_REF_YOUNG_FIRMS];
    k[K_HALF_DIGITAL_PRODUCTIVITY] = 0.5 * v[V_DIGITAL_PRODUCTIVITY];
    calib_lever_consts(v, k);
}

void calib_lever_consts(const double *v, double *k)
{
    k[K_SAT_BROADBAND] = saturate(v[V_RURAL_BROADBAND], 100.0);
    k[K_SAT_INTEGRATION] = model_integration_response(v);
    k[K_SAT_SEED] = saturate(v[V_SEED_CAPITAL], 100.0);
    k[K_SAT_CHALLENGE_LAB] = saturate(v[V_CHALLENGE_LAB], 20.0);
    k[K_SAT_CHEQUES] = saturate(v[V_INNOVATION_CHEQUES], 400.0);
    k[K_INV_BUILD_TIME] = 1.0 / energy_build_time(v);
    k[K_PART_LOW] = model_participation_low(v, model_participation_boost(v));
    k[K_PERCEPTION_TIME] = model_perception_time(v);
    k[K_PERCEPTION_RATE] = 1.0 / k[K_PERCEPTION_TIME];
    double integration = k[K_SAT_INTEGRATION];
    k[K_PARTICIPATION_BOOST] = v[V_HUB_PARTICIPATION_GAIN] * v[V_REMOTE_HUBS] +
                               v[V_INTEGRATION_PARTICIPATION_GAIN] * integration;
    k[K_MATCHING_BOOST_LOW] = 1.0 + v[V_INTEGRATION_MATCH_GAIN] * integration;
    k[K_LINKS_MATCH] = 1.0 + v[V_LINKS_MATCH_GAIN] * v[V_URBAN_RURAL];
    k[K_FORESIGHT_MATCH] = 1.0 + v[V_FORESIGHT_MATCH_GAIN] * v[V_SKILLS_FORESIGHT];
    k[K_HUB_ATTRACT] = v[V_HUB_ATTRACT_GAIN] * v[V_REMOTE_HUBS];
    k[K_BROADBAND_RATE] = v[V_BROADBAND_RATE] + v[V_BROADBAND_RATE_GAIN] * k[K_SAT_BROADBAND];
    k[K_UPGRADING_RATE] = v[V_IN_FIRM_TRAINING] * 0.01;
    k[K_UPSKILLING] = v[V_INTEGRATION_VOCATIONAL_SHARE] * v[V_INTEGRATION];
    k[K_TRAINING_CAPACITY] = v[V_ADULT_TRAINING] * k[K_TRAINING_RATE];
    k[K_SEED_GROWTH] = 1.0 + v[V_SEED_GROWTH_GAIN] * k[K_SAT_SEED];
    double entre = v[V_ENTREPRENEURSHIP];
    k[K_YOUNG_EXIT_HAZARD] = v[V_YOUNG_EXIT_RATE] * (1.0 - v[V_ENTRE_EXIT_CUT] * entre) *
                             (1.0 - v[V_SEED_EXIT_CUT] * k[K_SAT_SEED]);
    k[K_ENTRE_START] = 1.0 + v[V_ENTRE_START_GAIN] * entre;
    k[K_DIGITAL_SUPPORT] = v[V_DIGITAL_SUPPORT_EFFECT] * v[V_SME_DIGITAL];
    k[K_DIGITAL_Q] = v[V_DIGITAL_Q] + v[V_CLUSTER_Q_GAIN] * v[V_CLUSTERS];
    k[K_INNOVATION_Q] = v[V_INNOVATION_Q] + 0.5 * v[V_CLUSTER_Q_GAIN] * v[V_CLUSTERS];
    k[K_RD_COLLAB_INTENSITY] = v[V_RD_COLLAB] * 0.01;
    k[K_GRAD_LEAVE_SHARE] = 1.0 - v[V_GRADUATE_RETENTION];
    k[K_TRAINING_SLACK] = k[K_TRAINING_CAPACITY] + 1e-9;
}
