/* firms.c: young and established firms as an aging chain, and the young
 * firms that hold public seed capital (rows in sim/model/firms.def). Runs
 * after the labour market (unemployment, tertiary share) and production
 * (the manufacturing share of jobs). Every outflow is proportional to its
 * stock, so no firm stock can go negative; funded firms are a part of the
 * young firms and leave them by the same routes. */
#include <math.h>

#include "sim/model/model.h"
#include "sim/model/smooth.h"

void firms_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_FIRMS_YOUNG] = v[V_REF_YOUNG_FIRMS];
    y[S_FIRMS_EST] = v[V_ACTIVE_FIRMS_START] - v[V_REF_YOUNG_FIRMS];
    y[S_FIRMS_FUNDED] = 0.0;
}

MODEL_CLONES
void firms_eval(model_frame *f)
{
    double *v = f->v;
    const double *y = f->y;
    double *dy = f->dydt;
    double young = y[S_FIRMS_YOUNG], est = y[S_FIRMS_EST], funded = y[S_FIRMS_FUNDED];

    /* Entrepreneurship support: the would-be entrepreneurs it coaches,
     * bounded by those who start a firm in a year at the 2020 rate; its
     * effects net of deadweight (and, for starts, of displacement). */
    double places = v[V_ENTREPRENEURSHIP] * v[V_ENTRE_PLACES_FULL];
    v[V_ENTRE_ELIGIBLE] = v[V_REF_START_RATE] * v[V_POP_16_64];
    v[V_ENTREPRENEURSHIP_UPTAKE] = smooth_share_within(places, v[V_ENTRE_ELIGIBLE]);
    double entre_net = v[V_ENTREPRENEURSHIP] * v[V_ENTREPRENEURSHIP_UPTAKE] *
                       (1.0 - v[V_ENTREPRENEURSHIP_DEADWEIGHT]);

    /* Starts: the 2020 rate, moved by unemployment, the tertiary share and
     * the manufacturing share of jobs against 2020, and by support. */
    double tertiary_start = v[V_REF_SKILL_POP_HIGH] /
                            (v[V_REF_SKILL_POP_LOW] + v[V_REF_SKILL_POP_MED] +
                             v[V_REF_SKILL_POP_HIGH]);
    double mfg_share_start = v[V_MFG_JOBS_START] / v[V_REF_JOBS_TOTAL];
    v[V_START_CONDITIONS] = smooth_pos(
        (1.0 + v[V_START_UNEMPLOYMENT_EFFECT] *
                   (v[V_UNEMPLOYMENT_RATE] / v[V_UNEMPLOYMENT_START] - 1.0)) *
            (1.0 + v[V_START_SKILL_EFFECT] * (v[V_TERTIARY_SHARE] / tertiary_start - 1.0)) *
            (1.0 -
             v[V_START_LARGE_EMPLOYER_EFFECT] * (v[V_MFG_JOB_SHARE] / mfg_share_start - 1.0)) *
            (1.0 + v[V_ENTRE_START_GAIN] * entre_net *
                       (1.0 - v[V_ENTREPRENEURSHIP_DISPLACEMENT])),
        0.01);
    v[V_FIRM_STARTS] = v[V_REF_START_RATE] * v[V_POP_16_64] * v[V_START_CONDITIONS];

    /* Seed capital: the firms it can fund, bounded by the starts that seek
     * equity; funded firms exit less (net of deadweight) while young. */
    double offered = v[V_SEED_CAPITAL] / v[V_SEED_CAPITAL_PER_FIRM];
    v[V_SEED_ELIGIBLE] = v[V_SEED_ELIGIBLE_SHARE] * v[V_FIRM_STARTS];
    v[V_SEED_CAPITAL_UPTAKE] = smooth_share_within(offered, v[V_SEED_ELIGIBLE]);
    v[V_SEED_FUNDINGS] = offered * v[V_SEED_CAPITAL_UPTAKE];

    v[V_YOUNG_EXIT_HAZARD] = v[V_YOUNG_EXIT_RATE] * (1.0 - v[V_ENTRE_EXIT_CUT] * entre_net);
    v[V_FUNDED_EXIT_HAZARD] = v[V_YOUNG_EXIT_HAZARD] *
                              (1.0 - v[V_SEED_EXIT_CUT] * (1.0 - v[V_SEED_CAPITAL_DEADWEIGHT]));
    v[V_FUNDED_EXITS] = v[V_FUNDED_EXIT_HAZARD] * funded;
    v[V_FUNDED_MATURING] = funded / v[V_YOUNG_FIRM_YEARS];
    v[V_YOUNG_EXITS] = v[V_YOUNG_EXIT_HAZARD] * (young - funded) + v[V_FUNDED_EXITS];
    v[V_FIRMS_MATURING] = young / v[V_YOUNG_FIRM_YEARS];
    v[V_EST_EXITS] = v[V_EST_EXIT_RATE] * est;
    dy[S_FIRMS_YOUNG] = v[V_FIRM_STARTS] - v[V_YOUNG_EXITS] - v[V_FIRMS_MATURING];
    dy[S_FIRMS_EST] = v[V_FIRMS_MATURING] - v[V_EST_EXITS];
    dy[S_FIRMS_FUNDED] = v[V_SEED_FUNDINGS] - v[V_FUNDED_EXITS] - v[V_FUNDED_MATURING];

    if (f->report) {
        v[V_FIRM_STARTS_PER_1000] = v[V_FIRM_STARTS] / v[V_POP_16_64] * 1000.0;
        v[V_ACTIVE_FIRMS] = young + est;
        /* The mean hazard of the young firms (with none, that of a new one). */
        double hazard = young > 0.0 ? v[V_YOUNG_EXITS] / young : v[V_YOUNG_EXIT_HAZARD];
        v[V_SURVIVAL_3Y] = exp(-3.0 * hazard);
    }
}
