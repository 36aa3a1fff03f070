/* inclusion.c: rural broadband and urban-rural links (rows in
 * sim/model/inclusion.def). Runs before the labour market and demography, which
 * read its matching, participation and attractiveness factors. */
#include "sim/model/model.h"
#include "sim/model/smooth.h"

void inclusion_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_BROADBAND_RURAL] = v[V_BROADBAND_RURAL_START];
}

void inclusion_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict k = f->k;
    double bb = f->y[S_BROADBAND_RURAL], bb0 = v[V_BROADBAND_RURAL_START];
    double rate = k[K_BROADBAND_RATE]; /* the parameter and lever parts, in k */
    double gap = 1.0 - bb;
    v[V_BROADBAND_RATE_EFF] = rate;
    /* The connection rate falls with the share left: the last households
     * are the most remote and the costliest to reach. */
    v[V_BROADBAND_CONNECTIONS] = rate * gap * gap * k[K_BROADBAND_SCALE];
    f->dydt[S_BROADBAND_RURAL] = v[V_BROADBAND_CONNECTIONS];

    /* (1 + broadband effect) (1 + links x urban_rural) (1 + foresight gain x
     * skills_foresight); the responses to levers alone are in k (calib_lever_consts),
     * and so are the participation and integration boosts. */
    v[V_MATCHING_BOOST] = (1.0 + v[V_BROADBAND_MATCH_EFFECT] * (bb - bb0)) * k[K_LINKS_MATCH] *
                          k[K_FORESIGHT_MATCH];
    v[V_PARTICIPATION_BOOST] = k[K_PARTICIPATION_BOOST];
    v[V_MATCHING_BOOST_LOW] = k[K_MATCHING_BOOST_LOW];
    v[V_ATTRACTIVENESS_BOOST] = v[V_BROADBAND_ATTRACT_EFFECT] * (bb - bb0) + k[K_HUB_ATTRACT];
    v[V_RURAL_BROADBAND_COVERAGE] = bb;
}
