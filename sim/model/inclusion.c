/* inclusion.c: rural broadband, remote-work hubs, urban-rural links,
 * skills anticipation and integration (rows in sim/model/inclusion.def).
 * Runs first: demography and the labour market read its matching,
 * participation and attractiveness factors. Each lever's part above its
 * baseline counts net of deadweight and displacement. */
#include "sim/model/labour.h"
#include "sim/model/model.h"

void inclusion_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_BROADBAND_RURAL] = v[V_BROADBAND_RURAL_START];
}

MODEL_CLONES
void inclusion_eval(model_frame *f)
{
    double *restrict v = f->v;
    double bb = f->y[S_BROADBAND_RURAL], bb0 = v[V_BROADBAND_RURAL_START];

    /* The connection rate falls with the share left: the last households
     * are the most remote and the costliest to reach. */
    double funding = labour_additional(v, V_RURAL_BROADBAND, V_RURAL_BROADBAND_DEADWEIGHT,
                                       V_RURAL_BROADBAND_DISPLACEMENT);
    double rate = v[V_BROADBAND_RATE] + v[V_BROADBAND_RATE_GAIN] * saturate(funding, 100.0);
    v[V_BROADBAND_RATE_EFF] = rate;
    v[V_BROADBAND_CONNECTIONS] = rate * (1.0 - bb) * (1.0 - bb) / (1.0 - bb0);
    f->dydt[S_BROADBAND_RURAL] = v[V_BROADBAND_CONNECTIONS];
    v[V_RURAL_BROADBAND_UPTAKE] = 1.0;

    double links = labour_additional(v, V_URBAN_RURAL, V_URBAN_RURAL_DEADWEIGHT,
                                     V_URBAN_RURAL_DISPLACEMENT);
    double foresight = labour_additional(v, V_SKILLS_FORESIGHT, V_SKILLS_FORESIGHT_DEADWEIGHT,
                                         V_SKILLS_FORESIGHT_DISPLACEMENT);
    double hubs = labour_additional(v, V_REMOTE_HUBS, V_REMOTE_HUBS_DEADWEIGHT,
                                    V_REMOTE_HUBS_DISPLACEMENT);
    double participants = labour_additional(v, V_INTEGRATION, V_INTEGRATION_DEADWEIGHT,
                                            V_INTEGRATION_DISPLACEMENT);
    double integration = saturate(participants, 2000.0);
    v[V_URBAN_RURAL_UPTAKE] = 1.0;
    v[V_REMOTE_HUBS_UPTAKE] = 1.0;
    v[V_INTEGRATION_RESPONSE] = integration;
    v[V_MATCHING_BOOST] = (1.0 + v[V_BROADBAND_MATCH_EFFECT] * (bb - bb0)) *
                          (1.0 + v[V_LINKS_MATCH_GAIN] * links) *
                          (1.0 + v[V_FORESIGHT_MATCH_GAIN] * foresight);
    v[V_PARTICIPATION_BOOST] = v[V_HUB_PARTICIPATION_GAIN] * hubs +
                               v[V_INTEGRATION_PARTICIPATION_GAIN] * integration;
    v[V_ATTRACTIVENESS_BOOST] =
        v[V_BROADBAND_ATTRACT_EFFECT] * (bb - bb0) + v[V_HUB_ATTRACT_GAIN] * hubs;
    v[V_RURAL_BROADBAND_COVERAGE] = bb;
}
