/* firms.c: young and established firms as an aging chain (rows in
 * sim/model/firms.def). Runs after the labour market (unemployment, tertiary
 * share) and production (the manufacturing share of jobs). Every outflow is
 * proportional to its stock, so no firm stock can go negative. */
#include <math.h>

#include "sim/model/model.h"
#include "sim/model/smooth.h"

void firms_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_FIRMS_YOUNG] = v[V_REF_YOUNG_FIRMS];
    y[S_FIRMS_EST] = v[V_ACTIVE_FIRMS_START] - v[V_REF_YOUNG_FIRMS];
}

void firms_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    const double *restrict k = f->k;
    double young = y[S_FIRMS_YOUNG], est = y[S_FIRMS_EST];

    /* Relative to 2020: unemployment, the tertiary share of the settled
     * 20-64 and the manufacturing share of jobs. */
    /* The manufacturing share, known last in the evaluation, enters last,
     * as 1 - c (share / share_2020 - 1) = (1 + c) - (c / share_2020) share. */
    double large = v[V_START_LARGE_EMPLOYER_EFFECT];
    double climate =
        (1.0 + v[V_START_UNEMPLOYMENT_EFFECT] *
                   (v[V_UNEMPLOYMENT_RATE] * k[K_INV_UNEMPLOYMENT_START] - 1.0)) *
        (1.0 + v[V_START_SKILL_EFFECT] * (v[V_TERTIARY_SHARE] * k[K_INV_TERTIARY_START] - 1.0)) *
        k[K_ENTRE_START] *
        ((1.0 + large) - (large * k[K_INV_MFG_SHARE_START]) * v[V_MFG_JOB_SHARE]);
    climate = smooth_pos(climate, 0.01);
    double hazard = k[K_YOUNG_EXIT_HAZARD]; /* levers and parameters alone */
    v[V_START_CONDITIONS] = climate;
    v[V_FIRM_STARTS] = v[V_REF_START_RATE] * v[V_POP_16_64] * climate;
    v[V_YOUNG_EXIT_HAZARD] = hazard;
    v[V_YOUNG_EXITS] = hazard * young;
    v[V_FIRMS_MATURING] = young * k[K_MATURING_RATE];
    v[V_EST_EXITS] = v[V_EST_EXIT_RATE] * est;
    f->dydt[S_FIRMS_YOUNG] = v[V_FIRM_STARTS] - v[V_YOUNG_EXITS] - v[V_FIRMS_MATURING];
    f->dydt[S_FIRMS_EST] = v[V_FIRMS_MATURING] - v[V_EST_EXITS];

    if (f->report) {
        v[V_FIRM_STARTS_PER_1000] = v[V_FIRM_STARTS] / v[V_POP_16_64] * 1000.0;
        v[V_ACTIVE_FIRMS] = young + est;
        v[V_SURVIVAL_3Y] = exp(-3.0 * hazard);
    }
}
