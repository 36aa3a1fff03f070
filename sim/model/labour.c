/* labour.c: skills and the labour market (rows in sim/model/labour.def).
 *
 * Runs after demography (whose flows into the 20-64 stocks it adds up) and
 * production (whose labour demand by skill it matches). Per skill level s:
 *   labour force   LF_s = E_s + a_s x (not employed_s), a_s the job-seeking
 *                  share of the not employed that gives 2020's participation
 *   unemployed     U_s  = max(0, LF_s - E_s);  vacancies V_s = max(0, D_s - E_s)
 *   hires          mu_s x factor x sqrt(max(0, U_s - f LF_s) x V_s)  (elasticity 1/2 [S51])
 *   separations    E_s x (base rate + layoffs when E_s > D_s)
 * with f the frictional floor of unemployment. In-firm training moves a
 * worker and the job together from low to medium skill (the upgraded share
 * of low-skill jobs, which production's skill split reads). Higher
 * education and adult training are third-order delays. */
#include "sim/model/labour.h"
#include "sim/model/model.h"

void labour_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_EMP_LOW] = v[V_REF_EMP_LOW];
    y[S_EMP_MED] = v[V_REF_EMP_MED];
    y[S_EMP_HIGH] = v[V_REF_EMP_HIGH];
    y[S_NE_LOW] = v[V_REF_SKILL_POP_LOW] - v[V_REF_EMP_LOW];
    y[S_NE_MED] = v[V_REF_SKILL_POP_MED] - v[V_REF_EMP_MED];
    y[S_NE_HIGH] = v[V_REF_SKILL_POP_HIGH] - v[V_REF_EMP_HIGH];
    double he_stage = v[V_REF_HE_ENTRY] * v[V_HE_YEARS] / 3.0;
    y[S_HE_1] = y[S_HE_2] = y[S_HE_3] = he_stage;
    double low_stage = v[V_REF_TRAINING_LOW] * v[V_TRAINING_YEARS] / 3.0;
    double med_stage = v[V_REF_TRAINING_MED] * v[V_TRAINING_YEARS] / 3.0;
    y[S_TRAINING_LOW_1] = y[S_TRAINING_LOW_2] = y[S_TRAINING_LOW_3] = low_stage;
    y[S_TRAINING_MED_1] = y[S_TRAINING_MED_2] = y[S_TRAINING_MED_3] = med_stage;
    y[S_PERCEIVED_PROSPECTS] = 1.0;
    y[S_PERCEIVED_EMPLOYMENT] = v[V_REF_JOB_PROSPECTS];
    y[S_UPGRADED_JOB_SHARE] = 0.0;
    y[S_SKILL_UPGRADED_SHARE] = 0.0;
    y[S_TRAINING_PLAN_LOW] = v[V_REF_TRAINING_NEED_LOW];
    y[S_TRAINING_PLAN_MED] = v[V_REF_TRAINING_NEED_MED];
}

/* Indicators that no derivative reads: only at report times. */
static void labour_report(double *v, const double *y)
{
    const double u[3] = {v[V_UNEMPLOYED_LOW], v[V_UNEMPLOYED_MED], v[V_UNEMPLOYED_HIGH]};
    const double vac[3] = {v[V_VACANCIES_LOW], v[V_VACANCIES_MED], v[V_VACANCIES_HIGH]};
    double lf = v[V_LABOUR_FORCE_LOW] + v[V_LABOUR_FORCE_MED] + v[V_LABOUR_FORCE_HIGH];
    double demand = v[V_LABOUR_DEMAND_LOW] + v[V_LABOUR_DEMAND_MED] + v[V_LABOUR_DEMAND_HIGH];
    double employed = y[S_EMP_LOW] + y[S_EMP_MED] + y[S_EMP_HIGH];
    v[V_SKILL_MISMATCH] = labour_mismatch(u, vac, lf);
    v[V_EMPLOYED_20_64] = employed;
    v[V_EMPLOYMENT] = employed / (1.0 - v[V_OTHER_AGES_SHARE]);
    v[V_UNEMPLOYMENT_RATE_LOW] = u[0] / (v[V_LABOUR_FORCE_LOW] + 1.0);
    v[V_UNEMPLOYMENT_RATE_MED] = u[1] / (v[V_LABOUR_FORCE_MED] + 1.0);
    v[V_UNEMPLOYMENT_RATE_HIGH] = u[2] / (v[V_LABOUR_FORCE_HIGH] + 1.0);
    v[V_VACANCY_RATE] = (vac[0] + vac[1] + vac[2]) / demand;
    v[V_SKILL_SHORTAGE] = (smooth_pos(vac[0] - u[0], LABOUR_CORNER) +
                           smooth_pos(vac[1] - u[1], LABOUR_CORNER) +
                           smooth_pos(vac[2] - u[2], LABOUR_CORNER)) / demand;
    v[V_NET_MIGRATION] = v[V_IN_MIGRATION] - v[V_MIG_OUT_YOUNG] - v[V_MIG_OUT_NE_LOW] -
                         v[V_MIG_OUT_NE_MED] - v[V_MIG_OUT_NE_HIGH] - v[V_MIG_OUT_EMP_LOW] -
                         v[V_MIG_OUT_EMP_MED] - v[V_MIG_OUT_EMP_HIGH] - v[V_GRAD_LEAVE];
}

MODEL_CLONES
void labour_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    double *restrict dy = f->dydt;
    double nl = y[S_NE_LOW], nm = y[S_NE_MED], nh = y[S_NE_HIGH];
    double el = y[S_EMP_LOW], em = y[S_EMP_MED], eh = y[S_EMP_HIGH];

    /* The labour force is the employed and the job-seekers among those not
     * employed, who seek work in the share that gives 2020's participation
     * (labour_seek_share): an employed worker moved up a level by in-firm
     * training takes no job-seeker with them. */
    double seek_l = labour_seek_share(
        smooth_min(v[V_PARTICIPATION_LOW] + v[V_PARTICIPATION_BOOST], 1.0, 0.01),
        v[V_REF_SKILL_POP_LOW], v[V_REF_EMP_LOW]);
    double seek_m = labour_seek_share(v[V_PARTICIPATION_MED], v[V_REF_SKILL_POP_MED],
                                      v[V_REF_EMP_MED]);
    double seek_h = labour_seek_share(v[V_PARTICIPATION_HIGH], v[V_REF_SKILL_POP_HIGH],
                                      v[V_REF_EMP_HIGH]);
    v[V_SEEK_SHARE_LOW] = seek_l;
    v[V_SEEK_SHARE_MED] = seek_m;
    v[V_SEEK_SHARE_HIGH] = seek_h;
    double lf_l = el + seek_l * nl;
    double lf_m = em + seek_m * nm;
    double lf_h = eh + seek_h * nh;
    double u_l = labour_unemployed(lf_l, el);
    double u_m = labour_unemployed(lf_m, em);
    double u_h = labour_unemployed(lf_h, eh);
    double d_l = v[V_LABOUR_DEMAND_LOW], d_m = v[V_LABOUR_DEMAND_MED];
    double d_h = v[V_LABOUR_DEMAND_HIGH];
    double vac_l = labour_vacancies(d_l, el);
    double vac_m = labour_vacancies(d_m, em);
    double vac_h = labour_vacancies(d_h, eh);
    v[V_LABOUR_FORCE_LOW] = lf_l;
    v[V_LABOUR_FORCE_MED] = lf_m;
    v[V_LABOUR_FORCE_HIGH] = lf_h;
    v[V_UNEMPLOYED_LOW] = u_l;
    v[V_UNEMPLOYED_MED] = u_m;
    v[V_UNEMPLOYED_HIGH] = u_h;
    v[V_VACANCIES_LOW] = vac_l;
    v[V_VACANCIES_MED] = vac_m;
    v[V_VACANCIES_HIGH] = vac_h;

    /* Job-seekers and vacancies meet only within a skill level: mismatch
     * between levels acts through the separate matching functions. */
    double factor = v[V_MATCHING_SCALE] * v[V_MATCHING_BOOST];
    double fric = v[V_FRICTIONAL_UNEMPLOYMENT];
    v[V_MATCHING_FACTOR] = factor;
    v[V_HIRES_LOW] = v[V_REF_MATCH_LOW] * factor *
                     labour_match(labour_seekers(u_l, lf_l, fric), vac_l, nl);
    v[V_HIRES_MED] = v[V_REF_MATCH_MED] * factor *
                     labour_match(labour_seekers(u_m, lf_m, fric), vac_m, nm);
    v[V_HIRES_HIGH] = v[V_REF_MATCH_HIGH] * factor *
                      labour_match(labour_seekers(u_h, lf_h, fric), vac_h, nh);
    double sep = v[V_SEPARATION_RATE], lay = v[V_LAYOFF_YEARS];
    v[V_SEP_LOW] = el * labour_sep_rate(el, d_l, sep, lay);
    v[V_SEP_MED] = em * labour_sep_rate(em, d_m, sep, lay);
    v[V_SEP_HIGH] = eh * labour_sep_rate(eh, d_h, sep, lay);

    /* Firms turn medium-skill jobs into high-skill ones where graduates are
     * more plentiful than in 2020: demand for skill follows its supply, as
     * a share of the medium-skill jobs left to turn. */
    double idle_h = u_h - v[V_UNEMP_RELATIVE_HIGH] * v[V_REF_UNEMP_SCALE] * lf_h;
    v[V_SKILL_JOB_CREATION] = v[V_SKILL_DEMAND_RESPONSE] * smooth_pos(idle_h, LABOUR_CORNER) *
                              (1.0 - y[S_SKILL_UPGRADED_SHARE]) / v[V_MED_DEMAND_BASE];

    /* In-firm training: the worker and the job move up together. */
    double upgrading = labour_additional(v, V_IN_FIRM_TRAINING, V_IN_FIRM_TRAINING_DEADWEIGHT,
                                         V_IN_FIRM_TRAINING_DISPLACEMENT) / 100.0 * el;
    v[V_UPGRADING] = upgrading;
    v[V_JOB_UPGRADING] = upgrading * (1.0 - y[S_UPGRADED_JOB_SHARE]) / d_l;
    v[V_IN_FIRM_TRAINING_UPTAKE] = 1.0;


    /* Higher education: three stages of he_years / 3 each; graduates stay
     * with the retention lever, more when their prospects look better. */
    double he_stage = v[V_HE_YEARS] / 3.0;
    double he_out = y[S_HE_3] / he_stage;
    double retention = labour_additional(v, V_GRADUATE_RETENTION, V_GRADUATE_RETENTION_DEADWEIGHT,
                                         V_GRADUATE_RETENTION_DISPLACEMENT) *
                       smooth_pos(1.0 + v[V_GRADUATE_PROSPECTS_RESPONSE] *
                                            (y[S_PERCEIVED_PROSPECTS] - 1.0),
                                  0.01);
    retention = smooth_min(retention, 0.95, 0.01);
    v[V_GRADUATE_RETENTION_EFF] = retention;
    v[V_GRADUATE_RETENTION_UPTAKE] = 1.0;
    v[V_HE_12] = y[S_HE_1] / he_stage;
    v[V_HE_23] = y[S_HE_2] / he_stage;
    v[V_GRAD_STAY] = he_out * v[V_HE_COMPLETION] * retention;
    v[V_GRAD_LEAVE] = he_out * v[V_HE_COMPLETION] * (1.0 - retention);
    v[V_HE_DROPOUT] = he_out * (1.0 - v[V_HE_COMPLETION]);

    /* Adult training takes the unemployed low- and medium-skilled where
     * they outnumber what the vacancies of their level call for, planned
     * with employers for the level above where job-seekers are short (the
     * needs n, labour_training_need), revised in yearly rounds (the plans
     * p, an information delay), within the capacity C: starts
     * C p / (p_low + p_med + C) tend to the smaller of plan and capacity,
     * tapered as the pool they draw on empties (first-order in the pool). */
    const double u[3] = {u_l, u_m, u_h}, vac[3] = {vac_l, vac_m, vac_h};
    double n_l = labour_training_need(u, vac, 0, v[V_TRAINING_NEED_YEARS]);
    double n_m = labour_training_need(u, vac, 1, v[V_TRAINING_NEED_YEARS]);
    double cap = labour_additional(v, V_ADULT_TRAINING, V_ADULT_TRAINING_DEADWEIGHT,
                                   V_ADULT_TRAINING_DISPLACEMENT) / v[V_TRAINING_YEARS];
    double p_l = y[S_TRAINING_PLAN_LOW], p_m = y[S_TRAINING_PLAN_MED];
    v[V_TRAINING_PLAN_CHANGE_LOW] = (n_l - p_l) / v[V_TRAINING_PLAN_YEARS];
    v[V_TRAINING_PLAN_CHANGE_MED] = (n_m - p_m) / v[V_TRAINING_PLAN_YEARS];
    double filled = (p_l + p_m) / (p_l + p_m + cap + 1e-9); /* share of places filled */
    /* Integration's vocational tracks lead to the same medium-skill
     * shortages: completions tend to the smaller of the tracks' places and
     * that need. */
    double participants = labour_additional(v, V_INTEGRATION, V_INTEGRATION_DEADWEIGHT,
                                            V_INTEGRATION_DISPLACEMENT);
    double tracks = v[V_INTEGRATION_VOCATIONAL_SHARE] * participants;
    double track_fill = p_l / (p_l + tracks + 1e-9);
    v[V_INTEGRATION_UPSKILLING] = tracks * track_fill * labour_pool_taper(nl);
    double placed = v[V_INTEGRATION_PLACEMENT_SHARE] * participants;
    v[V_INTEGRATION_PLACEMENT] = placed * p_l / (p_l + placed + 1e-9) * labour_pool_taper(nl);
    v[V_INTEGRATION_UPTAKE] = u_l / (u_l + 1000.0); /* found while there are job-seekers */
    v[V_TRAINING_CAPACITY] = cap;
    v[V_TRAINING_NEED_LOW] = n_l;
    v[V_TRAINING_NEED_MED] = n_m;
    v[V_TRAIN_ENROL_LOW] = cap * p_l / (p_l + p_m + cap + 1e-9) * labour_pool_taper(nl);
    v[V_TRAIN_ENROL_MED] = cap * p_m / (p_l + p_m + cap + 1e-9) * labour_pool_taper(nm);
    /* The places above the baseline are taken up as far as they add
     * starts to those the baseline places would give at the same plans:
     * with more places each is filled less often, the baseline's too, so
     * the share of all places filled would charge the lever for starts
     * the baseline places lose. */
    double cap_b = var_table[V_ADULT_TRAINING].value / v[V_TRAINING_YEARS];
    double starts_b = cap_b * (p_l * labour_pool_taper(nl) + p_m * labour_pool_taper(nm)) /
                      (p_l + p_m + cap_b + 1e-9);
    v[V_ADULT_TRAINING_UPTAKE] =
        cap > cap_b ? (v[V_TRAIN_ENROL_LOW] + v[V_TRAIN_ENROL_MED] - starts_b) / (cap - cap_b)
                    : filled;
    double tr_stage = v[V_TRAINING_YEARS] / 3.0;
    double gain = v[V_TRAINING_COMPLETION] * v[V_TRAINING_SKILL_GAIN];
    double out_l = y[S_TRAINING_LOW_3] / tr_stage, out_m = y[S_TRAINING_MED_3] / tr_stage;
    v[V_TRAIN_LOW_12] = y[S_TRAINING_LOW_1] / tr_stage;
    v[V_TRAIN_LOW_23] = y[S_TRAINING_LOW_2] / tr_stage;
    v[V_TRAIN_MED_12] = y[S_TRAINING_MED_1] / tr_stage;
    v[V_TRAIN_MED_23] = y[S_TRAINING_MED_2] / tr_stage;
    v[V_TRAIN_PASS_LOW] = out_l * gain;
    v[V_TRAIN_FAIL_LOW] = out_l * (1.0 - gain);
    v[V_TRAIN_PASS_MED] = out_m * gain;
    v[V_TRAIN_FAIL_MED] = out_m * (1.0 - gain);

    /* Information delays: study choices, graduates and movers see the
     * market late; skills anticipation shortens the delay of the first. */
    double ptime = smooth_pos(v[V_PERCEPTION_YEARS] -
                                  v[V_FORESIGHT_DELAY_CUT] * v[V_SKILLS_FORESIGHT] *
                                      (1.0 - v[V_SKILLS_FORESIGHT_DEADWEIGHT]) *
                                      (1.0 - v[V_SKILLS_FORESIGHT_DISPLACEMENT]) - 0.5,
                              0.1) + 0.5;
    v[V_PERCEPTION_TIME] = ptime;
    v[V_SKILLS_FORESIGHT_UPTAKE] = 1.0;
    /* Those choosing studies judge the prospects they will meet when they
     * graduate: the graduates already in the pipeline beyond the 2020
     * pipeline will be job-seekers then (the supply line, Sterman 2000
     * ch. 17), so a pipeline that has already shrunk raises the outlook. */
    double pipeline = y[S_HE_1] + y[S_HE_2] + y[S_HE_3] - v[V_REF_HE_ENTRY] * v[V_HE_YEARS];
    double u_h_ahead = smooth_pos(u_h + v[V_PARTICIPATION_HIGH] * v[V_HE_COMPLETION] * retention *
                                            pipeline,
                                  LABOUR_CORNER);
    v[V_GRADUATE_PIPELINE] = pipeline;
    double tight_h = vac_h / (u_h_ahead + vac_h), tight_m = vac_m / (u_m + vac_m);
    double prospects = tight_h / tight_m / v[V_REF_PROSPECTS];
    v[V_TERTIARY_PROSPECTS] = prospects;
    v[V_PROSPECTS_PERCEPTION] = (prospects - y[S_PERCEIVED_PROSPECTS]) / ptime;
    double employed = el + em + eh;
    double e_rate = employed / v[V_WORKING_AGE_POP];
    double u_rate = (u_l + u_m + u_h) / (lf_l + lf_m + lf_h);
    v[V_EMPLOYMENT_PERCEPTION] =
        (1.0 - u_rate - y[S_PERCEIVED_EMPLOYMENT]) / v[V_JOB_PERCEPTION_YEARS];
    v[V_UNEMPLOYMENT_RATE] = u_rate;
    v[V_EMPLOYMENT_RATE] = e_rate;
    v[V_TERTIARY_SHARE] = (nh + eh) / (nl + nm + nh + el + em + eh);

    dy[S_NE_LOW] = v[V_ENTRY_LOW] + v[V_MIG_IN_LOW] + v[V_SEP_LOW] + v[V_TRAIN_FAIL_LOW] -
                   v[V_HIRES_LOW] - v[V_INTEGRATION_UPSKILLING] - v[V_INTEGRATION_PLACEMENT] - v[V_RETIRE_NE_LOW] -
                   v[V_MIG_OUT_NE_LOW] - v[V_TRAIN_ENROL_LOW];
    dy[S_NE_MED] = v[V_ENTRY_MED] + v[V_MIG_IN_MED] + v[V_SEP_MED] + v[V_TRAIN_PASS_LOW] +
                   v[V_TRAIN_FAIL_MED] + v[V_HE_DROPOUT] + v[V_INTEGRATION_UPSKILLING] -
                   v[V_HIRES_MED] - v[V_RETIRE_NE_MED] - v[V_MIG_OUT_NE_MED] -
                   v[V_TRAIN_ENROL_MED];
    dy[S_NE_HIGH] = v[V_GRAD_STAY] + v[V_MIG_IN_HIGH] + v[V_SEP_HIGH] + v[V_TRAIN_PASS_MED] -
                    v[V_HIRES_HIGH] - v[V_RETIRE_NE_HIGH] - v[V_MIG_OUT_NE_HIGH];
    dy[S_EMP_LOW] = v[V_HIRES_LOW] - v[V_SEP_LOW] - v[V_RETIRE_EMP_LOW] - v[V_MIG_OUT_EMP_LOW] -
                    v[V_UPGRADING];
    dy[S_EMP_MED] = v[V_HIRES_MED] + v[V_UPGRADING] + v[V_INTEGRATION_PLACEMENT] - v[V_SEP_MED] - v[V_RETIRE_EMP_MED] -
                    v[V_MIG_OUT_EMP_MED];
    dy[S_EMP_HIGH] = v[V_HIRES_HIGH] - v[V_SEP_HIGH] - v[V_RETIRE_EMP_HIGH] -
                     v[V_MIG_OUT_EMP_HIGH];
    dy[S_HE_1] = v[V_ENTRY_HIGHER_ED] - v[V_HE_12];
    dy[S_HE_2] = v[V_HE_12] - v[V_HE_23];
    dy[S_HE_3] = v[V_HE_23] - v[V_GRAD_STAY] - v[V_GRAD_LEAVE] - v[V_HE_DROPOUT];
    dy[S_TRAINING_LOW_1] = v[V_TRAIN_ENROL_LOW] - v[V_TRAIN_LOW_12];
    dy[S_TRAINING_LOW_2] = v[V_TRAIN_LOW_12] - v[V_TRAIN_LOW_23];
    dy[S_TRAINING_LOW_3] = v[V_TRAIN_LOW_23] - v[V_TRAIN_FAIL_LOW] - v[V_TRAIN_PASS_LOW];
    dy[S_TRAINING_MED_1] = v[V_TRAIN_ENROL_MED] - v[V_TRAIN_MED_12];
    dy[S_TRAINING_MED_2] = v[V_TRAIN_MED_12] - v[V_TRAIN_MED_23];
    dy[S_TRAINING_MED_3] = v[V_TRAIN_MED_23] - v[V_TRAIN_FAIL_MED] - v[V_TRAIN_PASS_MED];
    dy[S_PERCEIVED_PROSPECTS] = v[V_PROSPECTS_PERCEPTION];
    dy[S_PERCEIVED_EMPLOYMENT] = v[V_EMPLOYMENT_PERCEPTION];
    dy[S_UPGRADED_JOB_SHARE] = v[V_JOB_UPGRADING];
    dy[S_SKILL_UPGRADED_SHARE] = v[V_SKILL_JOB_CREATION];
    dy[S_TRAINING_PLAN_LOW] = v[V_TRAINING_PLAN_CHANGE_LOW];
    dy[S_TRAINING_PLAN_MED] = v[V_TRAINING_PLAN_CHANGE_MED];
    if (f->report)
        labour_report(v, y);
}
