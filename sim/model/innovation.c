/* innovation.c: Bass diffusion of digital tools and of innovation among
 * established SMEs, and the R&D knowledge stock (rows in
 * sim/model/innovation.def). Runs after production (GRP) and firms. Adopters
 * leave with closing firms at the established exit rate, and adoption
 * stops at the market size, so adopters never exceed the firms. */
#include "sim/model/model.h"
#include "sim/model/smooth.h"

void innovation_init(double t0, const double *v, double *y)
{
    (void)t0;
    double est = v[V_ACTIVE_FIRMS_START] - v[V_REF_YOUNG_FIRMS];
    y[S_DIGITAL_ADOPTERS] = v[V_DIGITAL_SHARE_START] * est;
    y[S_INNOVATION_ACTIVE] = v[V_INNOVATION_SHARE_START] * est;
    y[S_KNOWLEDGE] = v[V_REF_KNOWLEDGE];
}

void innovation_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    const double *restrict k = f->k;
    double firms = y[S_FIRMS_EST], dig = y[S_DIGITAL_ADOPTERS], inn = y[S_INNOVATION_ACTIVE];
    double exit = v[V_EST_EXIT_RATE];

    double need = v[V_DIGITAL_BROADBAND_NEED];
    double market = firms * (k[K_BROADBAND_FREE_SHARE] + need * y[S_BROADBAND_RURAL]);
    double per_firm = 1.0 / (firms + 1.0);
    /* Products and sums of parameters and levers alone come from k
     * (calib_lever_consts). */
    double p_d = v[V_DIGITAL_P] + k[K_DIGITAL_SUPPORT] * per_firm;
    double q_d = k[K_DIGITAL_Q];
    v[V_DIGITAL_MARKET] = market;
    v[V_DIGITAL_P_EFF] = p_d;
    v[V_DIGITAL_Q_EFF] = q_d;
    v[V_DIGITAL_ADOPTION] = (p_d + q_d * dig / (market + 1.0)) * smooth_pos(market - dig, 10.0);
    v[V_DIGITAL_OBSOLESCENCE] = dig * k[K_DIGITAL_LIFE_RATE];
    v[V_DIGITAL_EXITS] = exit * dig;

    double grp = v[V_GRP];
    /* 1 + e (knowledge / (grp x scale) - 1) written as (1 - e) + e knowledge
     * scale / grp, and the terms known early summed apart: GRP comes late
     * in the evaluation, and fewer steps then wait for it. */
    double kie = v[V_KNOWLEDGE_INNOVATION_EFFECT];
    double k_resp = (1.0 - kie) + kie * y[S_KNOWLEDGE] * k[K_KNOWLEDGE_SCALE] / grp;
    double p_i = (0.5 * v[V_INNOVATION_P]) * smooth_pos_twice(k_resp, 0.01) +
                 (v[V_RD_COLLAB_INNOVATION_GAIN] * v[V_RD_COLLAB] +
                 v[V_CHEQUE_INNOVATION_GAIN] * k[K_SAT_CHEQUES] +
                 v[V_LAB_INNOVATION_GAIN] * k[K_SAT_CHALLENGE_LAB]);
    double q_i = k[K_INNOVATION_Q];
    double share_i = inn * per_firm;
    v[V_INNOVATION_P_EFF] = p_i;
    v[V_INNOVATION_Q_EFF] = q_i;
    v[V_INNOVATION_ADOPTION] = (p_i + q_i * share_i) * smooth_pos(firms - inn, 10.0);
    v[V_INNOVATION_LAPSE] = inn * k[K_INNOVATION_LAPSE_RATE];
    v[V_INNOVATION_EXITS] = exit * inn;

    double rd = v[V_RD_INTENSITY_START] *
                    smooth_pos(1.0 + v[V_RD_INNOVATION_RESPONSE] *
                                         (share_i * k[K_INV_INNOVATION_SHARE_START] - 1.0),
                               0.01) +
                k[K_RD_COLLAB_INTENSITY];
    v[V_RD_INTENSITY] = rd;
    v[V_RD_SPENDING] = rd * grp;
    v[V_KNOWLEDGE_DEPRECIATION] = v[V_KNOWLEDGE_DEPRECIATION_RATE] * y[S_KNOWLEDGE];
    v[V_DIGITAL_SHARE] = dig * per_firm;
    v[V_INNOVATION_SHARE] = share_i;

    f->dydt[S_DIGITAL_ADOPTERS] =
        v[V_DIGITAL_ADOPTION] - v[V_DIGITAL_OBSOLESCENCE] - v[V_DIGITAL_EXITS];
    f->dydt[S_INNOVATION_ACTIVE] = /* adoption, known last, added last */
        -v[V_INNOVATION_LAPSE] - v[V_INNOVATION_EXITS] + v[V_INNOVATION_ADOPTION];
    f->dydt[S_KNOWLEDGE] = v[V_RD_SPENDING] - v[V_KNOWLEDGE_DEPRECIATION];
}
