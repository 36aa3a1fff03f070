/* demography.c: age groups, births, deaths, ageing and migration (rows in
 * sim/model/demography.def). Runs after inclusion and before the labour module,
 * which adds this module's flows into the 20-64 stocks it owns. Migration
 * responds to the perceived unemployment rate (a stock of the labour
 * module), so this module needs no value computed later in the evaluation. */
#include "sim/model/model.h"
#include "sim/model/smooth.h"

void demography_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_POP_YOUNG] = v[V_REF_POP_YOUNG];
    y[S_POP_OLD] = v[V_REF_POP_OLD];
}

void demography_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    const double *restrict k = f->k;

    /* Summed by group, not in one row: the groups add up in parallel, and
     * the whole evaluation waits for this sum. */
    double ne = y[S_NE_LOW] + y[S_NE_MED] + y[S_NE_HIGH];
    double emp = y[S_EMP_LOW] + y[S_EMP_MED] + y[S_EMP_HIGH];
    double he = y[S_HE_1] + y[S_HE_2] + y[S_HE_3];
    double tr_low = y[S_TRAINING_LOW_1] + y[S_TRAINING_LOW_2] + y[S_TRAINING_LOW_3];
    double tr_med = y[S_TRAINING_MED_1] + y[S_TRAINING_MED_2] + y[S_TRAINING_MED_3];
    double wa = (ne + emp) + (he + (tr_low + tr_med));
    double young = y[S_POP_YOUNG], old = y[S_POP_OLD];
    v[V_WORKING_AGE_POP] = wa;
    v[V_POPULATION] = young + wa + old;
    double ageing = young * k[K_AGEING_RATE];
    v[V_POP_16_64] = wa + 4.0 * ageing;

    /* Study choice follows the perceived job prospects of graduates
     * relative to the medium-skilled, bounded by the share that completes
     * upper secondary. */
    double s0 = v[V_HE_ENTRY_SHARE_START], s_max = k[K_HE_ENTRY_MAX];
    /* r = s0 x pull with pull = smooth_pos(x, 1e-3): the halving of
     * smooth_pos goes into the factor s0 (exactly), one multiplication
     * less on this chain of a square root and a division, which the
     * whole evaluation waits for. */
    double r = (0.5 * s0) * smooth_pos_twice(1.0 + v[V_STUDY_RESPONSE] *
                                                       (y[S_PERCEIVED_PROSPECTS] - 1.0),
                                             1e-3);
    /* Entries into higher education he_share x ageing, with he_share =
     * s_max r / (r + s_max - s0): the factor s_max x ageing and s_max - s0
     * found before r, so that r is followed by one step and the division.
     * The share itself is an indicator only (below). */
    double s_max_ageing = s_max * ageing;
    double entry_he = s_max_ageing * r / (r + (s_max - s0));

    v[V_BIRTHS] = v[V_BIRTH_RATE] * wa;
    v[V_DEATHS] = old * k[K_DEATH_RATE];
    v[V_ENTRY_LOW] = v[V_LOW_ENTRY_SHARE] * ageing;
    v[V_ENTRY_HIGHER_ED] = entry_he;
    v[V_ENTRY_MED] = s_max_ageing - entry_he;

    double retire = k[K_RETIRE_RATE];
    v[V_RETIRE_NE_LOW] = y[S_NE_LOW] * retire;
    v[V_RETIRE_NE_MED] = y[S_NE_MED] * retire;
    v[V_RETIRE_NE_HIGH] = y[S_NE_HIGH] * retire;
    v[V_RETIRE_EMP_LOW] = y[S_EMP_LOW] * retire;
    v[V_RETIRE_EMP_MED] = y[S_EMP_MED] * retire;
    v[V_RETIRE_EMP_HIGH] = y[S_EMP_HIGH] * retire;

    double attract = smooth_pos(1.0 + v[V_MIGRATION_JOB_RESPONSE] *
                                          (y[S_PERCEIVED_EMPLOYMENT] * k[K_INV_REF_EMPLOYMENT] - 1.0) +
                                    v[V_ATTRACTIVENESS_BOOST],
                                0.02);
    double in = v[V_IN_MIGRATION_START] * v[V_MIGRATION_PRESSURE] * attract;
    double in_adult = in * k[K_ADULT_MIGRANT_SHARE];
    v[V_ATTRACTIVENESS] = attract;
    v[V_IN_MIGRATION] = in;
    v[V_MIG_IN_YOUNG] = in * v[V_MIGRANT_SHARE_YOUNG];
    v[V_MIG_IN_LOW] = in_adult * v[V_MIGRANT_SHARE_LOW];
    v[V_MIG_IN_HIGH] = in_adult * v[V_MIGRANT_SHARE_HIGH];
    v[V_MIG_IN_MED] = in_adult * k[K_MIGRANT_SHARE_MED];

    double out = v[V_REF_OUT_MIGRATION];
    v[V_MIG_OUT_YOUNG] = out * young;
    v[V_MIG_OUT_NE_LOW] = out * y[S_NE_LOW];
    v[V_MIG_OUT_NE_MED] = out * y[S_NE_MED];
    v[V_MIG_OUT_NE_HIGH] = out * y[S_NE_HIGH];
    v[V_MIG_OUT_EMP_LOW] = out * y[S_EMP_LOW];
    v[V_MIG_OUT_EMP_MED] = out * y[S_EMP_MED];
    v[V_MIG_OUT_EMP_HIGH] = out * y[S_EMP_HIGH];

    f->dydt[S_POP_YOUNG] = v[V_BIRTHS] + v[V_MIG_IN_YOUNG] - v[V_MIG_OUT_YOUNG] - v[V_ENTRY_LOW] -
                           v[V_ENTRY_MED] - v[V_ENTRY_HIGHER_ED];
    f->dydt[S_POP_OLD] = v[V_RETIRE_NE_LOW] + v[V_RETIRE_NE_MED] + v[V_RETIRE_NE_HIGH] +
                         v[V_RETIRE_EMP_LOW] + v[V_RETIRE_EMP_MED] + v[V_RETIRE_EMP_HIGH] -
                         v[V_DEATHS];
    if (f->report) { /* indicators, last: no derivative reads them */
        v[V_HE_ENTRY_SHARE] = s_max * r / (r + s_max - s0);
        v[V_DEPENDENCY_RATIO] = (y[S_POP_YOUNG] + y[S_POP_OLD]) / (v[V_WORKING_AGE_POP] + 1.0);
        v[V_NATURAL_CHANGE] = v[V_BIRTHS] - v[V_DEATHS];
    }
}
