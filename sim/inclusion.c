/* inclusion.c: rural broadband and urban-rural links (rows in
 * sim/inclusion.def). Runs before the labour market and demography, which
 * read its matching, participation and attractiveness factors. */
#include "sim/model.h"
#include "sim/smooth.h"

void inclusion_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_BROADBAND_RURAL] = v[V_BROADBAND_RURAL_2020];
}

void inclusion_eval(model_frame *f)
{
    double *v = f->v;
    const double *k = f->k;
    double bb = f->y[S_BROADBAND_RURAL], bb0 = v[V_BROADBAND_RURAL_2020];
    double rate = v[V_BROADBAND_RATE] +
                  v[V_BROADBAND_RATE_GAIN] *
                      k[K_SAT_BROADBAND];
    double gap = 1.0 - bb;
    v[V_BROADBAND_RATE_EFF] = rate;
    /* The connection rate falls with the share left: the last households
     * are the most remote and the costliest to reach. */
    v[V_BROADBAND_CONNECTIONS] = rate * gap * gap * k[K_BROADBAND_SCALE];
    f->dydt[S_BROADBAND_RURAL] = v[V_BROADBAND_CONNECTIONS];

    v[V_MATCHING_BOOST] = (1.0 + v[V_BROADBAND_MATCH_EFFECT] * (bb - bb0)) *
                          (1.0 + v[V_LINKS_MATCH_GAIN] * v[V_URBAN_RURAL]) *
                          (1.0 + v[V_FORESIGHT_MATCH_GAIN] * v[V_SKILLS_FORESIGHT]);
    double integration = k[K_SAT_INTEGRATION];
    v[V_PARTICIPATION_BOOST] = v[V_HUB_PARTICIPATION_GAIN] * v[V_REMOTE_HUBS] +
                               v[V_INTEGRATION_PARTICIPATION_GAIN] * integration;
    v[V_MATCHING_BOOST_LOW] = 1.0 + v[V_INTEGRATION_MATCH_GAIN] * integration;
    v[V_ATTRACTIVENESS_BOOST] =
        v[V_BROADBAND_ATTRACT_EFFECT] * (bb - bb0) + v[V_HUB_ATTRACT_GAIN] * v[V_REMOTE_HUBS];
    v[V_RURAL_BROADBAND_COVERAGE] = bb;
}
