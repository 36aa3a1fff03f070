/* demography.c: age groups, births, deaths, ageing, retirement and migration
 * (rows in sim/model/demography.def). Runs after inclusion and before
 * production and the labour module, which adds this module's flows into the
 * 20-64 stocks it owns. Migration responds to the perceived employment rate
 * and study choice to graduates' perceived prospects (stocks of the labour
 * module), so this module needs no value computed later in the evaluation;
 * for the same reason it computes the human-capital index of the employed
 * that production reads. */
#include "sim/model/model.h"
#include "sim/model/smooth.h"

void demography_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_POP_YOUNG] = v[V_REF_POP_YOUNG];
    y[S_POP_OLD] = v[V_REF_POP_OLD];
    y[S_MIGRATION_PRESSURE_AHEAD] = y[S_MIGRATION_PRESSURE_LEVEL] = 1.0;
}

MODEL_CLONES
void demography_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    double *restrict dy = f->dydt;

    double el = y[S_EMP_LOW], em = y[S_EMP_MED], eh = y[S_EMP_HIGH];
    double settled = y[S_NE_LOW] + y[S_NE_MED] + y[S_NE_HIGH] + el + em + eh;
    double students = y[S_HE_1] + y[S_HE_2] + y[S_HE_3] + y[S_TRAINING_LOW_1] +
                      y[S_TRAINING_LOW_2] + y[S_TRAINING_LOW_3] + y[S_TRAINING_MED_1] +
                      y[S_TRAINING_MED_2] + y[S_TRAINING_MED_3];
    double wa = settled + students;
    double young = y[S_POP_YOUNG], old = y[S_POP_OLD];
    v[V_WORKING_AGE_POP] = wa;
    v[V_POPULATION] = young + wa + old;
    double ageing = young / v[V_YOUNG_YEARS];
    v[V_POP_16_64] = wa + 4.0 / v[V_YOUNG_YEARS] * young;
    v[V_HUMAN_CAPITAL_INDEX] =
        (v[V_WAGE_RELATIVE_LOW] * el + em + v[V_WAGE_RELATIVE_HIGH] * eh) / (el + em + eh) /
        v[V_REF_HUMAN_CAPITAL];

    /* Study choice follows the perceived job prospects of graduates
     * relative to the medium-skilled, bounded by the share that completes
     * upper secondary. */
    double s0 = v[V_HE_ENTRY_SHARE_START], s_max = 1.0 - v[V_LOW_ENTRY_SHARE];
    double r = s0 * smooth_pos(1.0 + v[V_STUDY_RESPONSE] * (y[S_PERCEIVED_PROSPECTS] - 1.0), 1e-3);
    double he_share = s_max * r / (r + s_max - s0);
    v[V_HE_ENTRY_SHARE] = he_share;

    v[V_BIRTHS] = v[V_BIRTH_RATE] * wa;
    v[V_DEATHS] = old / v[V_OLD_AGE_YEARS];
    v[V_ENTRY_LOW] = v[V_LOW_ENTRY_SHARE] * ageing;
    v[V_ENTRY_HIGHER_ED] = he_share * ageing;
    v[V_ENTRY_MED] = (s_max - he_share) * ageing;

    /* Retirement: older cohorts are less educated than the 20-64 stock, so
     * each skill level turns 65 at its own rate. */
    double years = v[V_WORKING_AGE_YEARS];
    double r_low = v[V_RETIRE_RATIO_LOW] / years;
    double r_med = v[V_REF_RETIRE_RATIO_MED] / years;
    double r_high = v[V_RETIRE_RATIO_HIGH] / years;
    v[V_RETIRE_NE_LOW] = y[S_NE_LOW] * r_low;
    v[V_RETIRE_NE_MED] = y[S_NE_MED] * r_med;
    v[V_RETIRE_NE_HIGH] = y[S_NE_HIGH] * r_high;
    v[V_RETIRE_EMP_LOW] = el * r_low;
    v[V_RETIRE_EMP_MED] = em * r_med;
    v[V_RETIRE_EMP_HIGH] = eh * r_high;

    /* Migration: movers see the employment rate through a delay; better
     * prospects draw people in and keep them (the young above all). */
    double prospects = y[S_PERCEIVED_EMPLOYMENT] / v[V_REF_JOB_PROSPECTS] - 1.0;
    double attract = smooth_pos(1.0 + v[V_MIGRATION_JOB_RESPONSE] * prospects +
                                    v[V_ATTRACTIVENESS_BOOST],
                                0.02);
    double push = smooth_pos(1.0 - v[V_OUT_MIGRATION_RESPONSE] * prospects, 0.02);
    double push_young = smooth_pos(1.0 - v[V_OUT_MIGRATION_RESPONSE_YOUNG] * prospects, 0.02);
    v[V_IMMIGRATION_FACTOR] =
        1.0 + v[V_IN_MIGRATION_IMMIGRATION_RESPONSE] * (v[V_IMMIGRATION_SWEDEN] - 1.0);
    double in =
        v[V_IN_MIGRATION_START] * y[S_MIGRATION_PRESSURE_LEVEL] * v[V_IMMIGRATION_FACTOR] * attract;
    double in_adult = in * (1.0 - v[V_MIGRANT_SHARE_YOUNG]);
    v[V_ATTRACTIVENESS] = attract;
    v[V_OUT_MIGRATION_PUSH] = push;
    v[V_OUT_MIGRATION_PUSH_YOUNG] = push_young;
    v[V_IN_MIGRATION] = in;
    /* Migration pressure moves from 2020 as it stands to the assumed level
     * in two stages (anticipated, then as it stands), so that the move
     * starts gently: a first-order move would take its largest step in
     * 2020-21, a start-up jump of population and employment under draws of
     * migration_pressure. */
    double stage = v[V_MIGRATION_PRESSURE_YEARS] / 2.0;
    v[V_MIGRATION_PRESSURE_AHEAD_CHANGE] =
        (v[V_MIGRATION_PRESSURE] - y[S_MIGRATION_PRESSURE_AHEAD]) / stage;
    v[V_MIGRATION_PRESSURE_CHANGE] =
        (y[S_MIGRATION_PRESSURE_AHEAD] - y[S_MIGRATION_PRESSURE_LEVEL]) / stage;
    v[V_MIG_IN_YOUNG] = in * v[V_MIGRANT_SHARE_YOUNG];
    v[V_MIG_IN_LOW] = in_adult * v[V_MIGRANT_SHARE_LOW];
    v[V_MIG_IN_MED] = in_adult * (1.0 - v[V_MIGRANT_SHARE_LOW] - v[V_MIGRANT_SHARE_HIGH]);
    v[V_MIG_IN_HIGH] = in_adult * v[V_MIGRANT_SHARE_HIGH];

    double out = v[V_REF_OUT_MIGRATION];
    v[V_MIG_OUT_YOUNG] = out * push_young * young;
    v[V_MIG_OUT_NE_LOW] = out * push * y[S_NE_LOW];
    v[V_MIG_OUT_NE_MED] = out * push * y[S_NE_MED];
    v[V_MIG_OUT_NE_HIGH] = out * push * y[S_NE_HIGH];
    v[V_MIG_OUT_EMP_LOW] = out * push * el;
    v[V_MIG_OUT_EMP_MED] = out * push * em;
    v[V_MIG_OUT_EMP_HIGH] = out * push * eh;

    dy[S_POP_YOUNG] = v[V_BIRTHS] + v[V_MIG_IN_YOUNG] - v[V_MIG_OUT_YOUNG] - v[V_ENTRY_LOW] -
                      v[V_ENTRY_MED] - v[V_ENTRY_HIGHER_ED];
    dy[S_POP_OLD] = v[V_RETIRE_NE_LOW] + v[V_RETIRE_NE_MED] + v[V_RETIRE_NE_HIGH] +
                    v[V_RETIRE_EMP_LOW] + v[V_RETIRE_EMP_MED] + v[V_RETIRE_EMP_HIGH] -
                    v[V_DEATHS];
    dy[S_MIGRATION_PRESSURE_AHEAD] = v[V_MIGRATION_PRESSURE_AHEAD_CHANGE];
    dy[S_MIGRATION_PRESSURE_LEVEL] = v[V_MIGRATION_PRESSURE_CHANGE];
    if (f->report) { /* indicators, last: no derivative reads them */
        v[V_DEPENDENCY_RATIO] = (young + old) / wa;
        v[V_NATURAL_CHANGE] = v[V_BIRTHS] - v[V_DEATHS];
    }
}
