/* labour.c: skills and the labour market (rows in sim/model/labour.def).
 *
 * Runs after demography (whose flows into the 20-64 stocks it adds up) and
 * production (whose labour demand by skill it matches). Per skill level s:
 *   labour force   LF_s = participation_s x (not employed_s + employed_s)
 *   unemployed     U_s  = max(0, LF_s - E_s);  vacancies V_s = max(0, D_s - E_s)
 *   hires          mu_s x factor x sqrt(U_s x V_s)   (elasticity 1/2 [S51])
 *   separations    E_s x (base rate + layoffs when E_s > D_s)
 * Higher education and adult training are third-order delays (three stocks
 * of equal residence time). */
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
    y[S_PERCEIVED_EMPLOYMENT] = v[V_REF_EMPLOYMENT_RATE];
}

/* Indicators that no derivative reads: only at report times, from the
 * values labour_eval has stored (kept apart so that the evaluations inside
 * the integrator hold none of them in registers). The mismatch index
 * (Jackman, Layard and Roper) is the share of the unemployed who would have
 * to change skill level for the skill mix of job-seekers to match that of
 * vacancies. */
static void labour_report(double *v, const double *y)
{
    double u_l = v[V_UNEMPLOYED_LOW], u_m = v[V_UNEMPLOYED_MED], u_h = v[V_UNEMPLOYED_HIGH];
    double vac_l = v[V_VACANCIES_LOW], vac_m = v[V_VACANCIES_MED], vac_h = v[V_VACANCIES_HIGH];
    double lf_l = v[V_LABOUR_FORCE_LOW], lf_m = v[V_LABOUR_FORCE_MED];
    double lf_h = v[V_LABOUR_FORCE_HIGH];
    double d_sum = v[V_LABOUR_DEMAND_LOW] + v[V_LABOUR_DEMAND_MED] + v[V_LABOUR_DEMAND_HIGH];
    double e_sum = y[S_EMP_LOW] + y[S_EMP_MED] + y[S_EMP_HIGH];
    double u_inv = 1.0 / (u_l + u_m + u_h), v_inv = 1.0 / (vac_l + vac_m + vac_h);
    v[V_SKILL_MISMATCH] = 0.5 * (smooth_abs(u_l * u_inv - vac_l * v_inv, 1e-4) +
                                 smooth_abs(u_m * u_inv - vac_m * v_inv, 1e-4) +
                                 smooth_abs(u_h * u_inv - vac_h * v_inv, 1e-4));
    v[V_EMPLOYED_20_64] = e_sum;
    v[V_EMPLOYMENT] = e_sum / (1.0 - v[V_OTHER_AGES_SHARE]);
    v[V_UNEMPLOYMENT_RATE_LOW] = u_l / (lf_l + 1.0);
    v[V_UNEMPLOYMENT_RATE_MED] = u_m / (lf_m + 1.0);
    v[V_UNEMPLOYMENT_RATE_HIGH] = u_h / (lf_h + 1.0);
    v[V_VACANCY_RATE] = (vac_l + vac_m + vac_h) / d_sum;
    v[V_SKILL_SHORTAGE] = (smooth_pos(vac_l - u_l, LABOUR_CORNER) +
                           smooth_pos(vac_m - u_m, LABOUR_CORNER) +
                           smooth_pos(vac_h - u_h, LABOUR_CORNER)) / d_sum;
    v[V_NET_MIGRATION] = v[V_IN_MIGRATION] - v[V_MIG_OUT_YOUNG] - v[V_MIG_OUT_NE_LOW] -
                         v[V_MIG_OUT_NE_MED] - v[V_MIG_OUT_NE_HIGH] - v[V_MIG_OUT_EMP_LOW] -
                         v[V_MIG_OUT_EMP_MED] - v[V_MIG_OUT_EMP_HIGH] - v[V_GRAD_LEAVE];
}

void labour_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    double *restrict dy = f->dydt;
    const double *restrict k = f->k;
    double nl = y[S_NE_LOW], nm = y[S_NE_MED], nh = y[S_NE_HIGH];
    double el = y[S_EMP_LOW], em = y[S_EMP_MED], eh = y[S_EMP_HIGH];

    double part_low = k[K_PART_LOW];
    double lf_l = part_low * (nl + el);
    double lf_m = v[V_PARTICIPATION_MED] * (nm + em);
    double lf_h = v[V_PARTICIPATION_HIGH] * (nh + eh);
    double u_l = labour_unemployed(lf_l, el), u_m = labour_unemployed(lf_m, em);
    double u_h = labour_unemployed(lf_h, eh);
    double d_l = v[V_LABOUR_DEMAND_LOW], d_m = v[V_LABOUR_DEMAND_MED];
    double d_h = v[V_LABOUR_DEMAND_HIGH];
    /* Twice the vacancies, smooth_pos_twice: the formulas below take them
     * with factors that absorb the halving exactly (scaling by 2 is exact),
     * one multiplication sooner; the values equal labour_vacancies. */
    double vac2_l = smooth_pos_twice(d_l - el, LABOUR_CORNER);
    double vac2_m = smooth_pos_twice(d_m - em, LABOUR_CORNER);
    double vac2_h = smooth_pos_twice(d_h - eh, LABOUR_CORNER);
    double vac_l = 0.5 * vac2_l, vac_m = 0.5 * vac2_m, vac_h = 0.5 * vac2_h;
    double u2_l = 2.0 * u_l, u2_m = 2.0 * u_m, u2_h = 2.0 * u_h;
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
    double lf_sum = lf_l + lf_m + lf_h;
    double lf_inv = 1.0 / lf_sum; /* early, off the chain through the unemployed */
    double factor = v[V_MATCHING_SCALE] * v[V_MATCHING_BOOST];
    v[V_MATCHING_FACTOR] = factor;

    v[V_HIRES_LOW] =
        v[V_REF_MATCH_LOW] * factor * v[V_MATCHING_BOOST_LOW] * labour_match(0.5 * u_l, vac2_l, nl);
    v[V_HIRES_MED] = v[V_REF_MATCH_MED] * factor * labour_match(0.5 * u_m, vac2_m, nm);
    v[V_HIRES_HIGH] = v[V_REF_MATCH_HIGH] * factor * labour_match(0.5 * u_h, vac2_h, nh);
    double sep = v[V_SEPARATION_RATE], half_lay = 0.5 * k[K_LAYOFF_RATE];
    v[V_SEP_LOW] = labour_separations(el, d_l, sep, half_lay);
    v[V_SEP_MED] = labour_separations(em, d_m, sep, half_lay);
    v[V_SEP_HIGH] = labour_separations(eh, d_h, sep, half_lay);
    v[V_UPGRADING] = k[K_UPGRADING_RATE] * el;
    v[V_INTEGRATION_UPSKILLING] = k[K_UPSKILLING] * u_l / (u_l + 1000.0);

    /* Higher education: three stages of he_years / 3 each. */
    double k_he = k[K_HE_STAGE_RATE];
    double he_out = y[S_HE_3] * k_he, done = v[V_HE_COMPLETION];
    double stay = v[V_GRADUATE_RETENTION];
    v[V_HE_12] = y[S_HE_1] * k_he;
    v[V_HE_23] = y[S_HE_2] * k_he;
    v[V_GRAD_STAY] = he_out * done * stay;
    v[V_GRAD_LEAVE] = he_out * done * k[K_GRAD_LEAVE_SHARE];
    v[V_HE_DROPOUT] = he_out * k[K_DROPOUT_SHARE];

    /* Adult training takes the unemployed low- and medium-skilled and
     * moves completers up one level. Programmes are planned with employers:
     * they train for the vacancies of the level above that the unemployed
     * could fill (the needs n), within the places available (capacity C);
     * starts = C n / (n + C) tend to the smaller of the two. */
    double k_tr = k[K_TRAINING_STAGE_RATE];
    double cap = k[K_TRAINING_CAPACITY];
    /* With n = A / B for each level, C n_l / (n_l + n_m + C) written over
     * one common denominator: one division instead of three in a row. From
     * twice the unemployed and vacancies, a_ = 4 A, b_ = 2 B and the
     * denominator 8 times its value, all exactly: starts is 1/8 of its
     * value and starts a_ b_ the flow itself. */
    double a_l = u2_l * vac2_m * k[K_NEED_RATE], b_l = u2_l + vac2_m;
    double a_m = u2_m * vac2_h * k[K_NEED_RATE], b_m = u2_m + vac2_h;
    double starts =
        cap / (a_l * b_m + a_m * b_l + (2.0 * k[K_TRAINING_SLACK]) * b_l * b_m);
    double out_l = y[S_TRAINING_LOW_3] * k_tr, out_m = y[S_TRAINING_MED_3] * k_tr;
    double pass = v[V_TRAINING_COMPLETION];
    v[V_TRAIN_ENROL_LOW] = starts * (a_l * b_m);
    v[V_TRAIN_ENROL_MED] = starts * (a_m * b_l);
    v[V_TRAIN_LOW_12] = y[S_TRAINING_LOW_1] * k_tr;
    v[V_TRAIN_LOW_23] = y[S_TRAINING_LOW_2] * k_tr;
    v[V_TRAIN_MED_12] = y[S_TRAINING_MED_1] * k_tr;
    v[V_TRAIN_MED_23] = y[S_TRAINING_MED_2] * k_tr;
    v[V_TRAIN_FAIL_LOW] = out_l * k[K_TRAINING_FAIL_SHARE];
    v[V_TRAIN_PASS_LOW] = out_l * pass;
    v[V_TRAIN_FAIL_MED] = out_m * k[K_TRAINING_FAIL_SHARE];
    v[V_TRAIN_PASS_MED] = out_m * pass;

    /* Information delays: study choices and movers see the market late. */
    double ptime = k[K_PERCEPTION_TIME];
    double prate = k[K_PERCEPTION_RATE];
    double u_rate = (u_l + u_m + u_h) * lf_inv;
    v[V_PERCEPTION_TIME] = ptime;
    /* (tight_h / tight_m) / ref_prospects with tight = V / (U + V), in
     * one division (from twice U and V: numerator and denominator are both
     * 4 times their value, exactly). */
    double prospects =
        vac2_h * (u2_m + vac2_m) / (vac2_m * (u2_h + vac2_h)) * k[K_INV_REF_PROSPECTS];
    v[V_TERTIARY_PROSPECTS] = prospects;
    v[V_PROSPECTS_PERCEPTION] = (prospects - y[S_PERCEIVED_PROSPECTS]) * prate;
    double e_sum = el + em + eh;
    double e_rate = e_sum / v[V_WORKING_AGE_POP];
    v[V_EMPLOYMENT_PERCEPTION] = (e_rate - y[S_PERCEIVED_EMPLOYMENT]) * k[K_JOB_PERCEPTION_RATE];
    v[V_UNEMPLOYMENT_RATE] = u_rate;
    v[V_EMPLOYMENT_RATE] = e_rate;
    v[V_TERTIARY_SHARE] = (nh + eh) / (nl + nm + nh + el + em + eh);
    /* In each sum the flows known last in the evaluation (separations,
     * hires, training starts) come last, so that little waits for them. */
    dy[S_NE_LOW] = v[V_ENTRY_LOW] + v[V_MIG_IN_LOW] + v[V_TRAIN_FAIL_LOW] - v[V_RETIRE_NE_LOW] -
                   v[V_MIG_OUT_NE_LOW] - v[V_INTEGRATION_UPSKILLING] + v[V_SEP_LOW] -
                   v[V_HIRES_LOW] - v[V_TRAIN_ENROL_LOW];
    dy[S_NE_MED] = v[V_ENTRY_MED] + v[V_MIG_IN_MED] + v[V_TRAIN_PASS_LOW] + v[V_TRAIN_FAIL_MED] +
                   v[V_HE_DROPOUT] - v[V_RETIRE_NE_MED] - v[V_MIG_OUT_NE_MED] +
                   v[V_INTEGRATION_UPSKILLING] + v[V_SEP_MED] - v[V_HIRES_MED] -
                   v[V_TRAIN_ENROL_MED];
    dy[S_NE_HIGH] = v[V_GRAD_STAY] + v[V_MIG_IN_HIGH] + v[V_TRAIN_PASS_MED] - v[V_RETIRE_NE_HIGH] -
                    v[V_MIG_OUT_NE_HIGH] + v[V_SEP_HIGH] - v[V_HIRES_HIGH];
    dy[S_EMP_LOW] = -v[V_RETIRE_EMP_LOW] - v[V_MIG_OUT_EMP_LOW] - v[V_UPGRADING] - v[V_SEP_LOW] +
                    v[V_HIRES_LOW];
    dy[S_EMP_MED] = v[V_UPGRADING] - v[V_RETIRE_EMP_MED] - v[V_MIG_OUT_EMP_MED] - v[V_SEP_MED] +
                    v[V_HIRES_MED];
    dy[S_EMP_HIGH] = -v[V_RETIRE_EMP_HIGH] - v[V_MIG_OUT_EMP_HIGH] - v[V_SEP_HIGH] +
                     v[V_HIRES_HIGH];
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
    if (f->report)
        labour_report(v, y);
}
