/* innovation.c: Bass diffusion of digital tools and of innovation among
 * established SMEs, the R&D knowledge stock, and the take-up of the levers
 * that act on them (rows in sim/model/innovation.def). Runs after
 * production (GRP) and firms. Adopters leave with closing firms at the
 * established exit rate, and adoption stops at the market size, so adopters
 * never exceed the firms. Each lever's units are bounded by the firms
 * eligible for them (take-up), and its effect is net of deadweight and
 * displacement (sim/model/additionality.def). */
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

/* The additional share of a lever's gross effect. */
static double additional(double deadweight, double displacement)
{
    return (1.0 - deadweight) * (1.0 - displacement);
}

MODEL_CLONES
void innovation_eval(model_frame *f)
{
    double *v = f->v;
    const double *y = f->y;
    double *dy = f->dydt;
    double firms = y[S_FIRMS_EST], dig = y[S_DIGITAL_ADOPTERS], inn = y[S_INNOVATION_ACTIVE];

    /* Clusters: programme strength, all of it used (the firms of the target
     * industries are within the established firms); word of mouth rises
     * by the additional part of its effect. */
    v[V_CLUSTERS_UPTAKE] = 1.0;
    double cluster_q = v[V_CLUSTER_Q_GAIN] * v[V_CLUSTERS] * v[V_CLUSTERS_UPTAKE] *
                       additional(v[V_CLUSTERS_DEADWEIGHT], v[V_CLUSTERS_DISPLACEMENT]);
    v[V_DIGITAL_Q_EFF] = v[V_REF_DIGITAL_Q] + cluster_q;
    v[V_INNOVATION_Q_EFF] = v[V_REF_INNOVATION_Q] + cluster_q / 2.0;

    /* Digital tools: Bass diffusion within the market that rural fibre
     * allows; support reaches the non-adopters who seek it. */
    v[V_DIGITAL_MARKET] = firms * (1.0 - v[V_DIGITAL_BROADBAND_NEED] +
                                   v[V_DIGITAL_BROADBAND_NEED] * y[S_BROADBAND_RURAL]);
    v[V_DIGITAL_SUPPORT_ELIGIBLE] =
        v[V_DIGITAL_SUPPORT_DEMAND] * smooth_pos(v[V_DIGITAL_MARKET] - dig, 10.0);
    v[V_SME_DIGITAL_UPTAKE] =
        smooth_share_within(v[V_SME_DIGITAL], v[V_DIGITAL_SUPPORT_ELIGIBLE]);
    double supported_net = v[V_SME_DIGITAL] * v[V_SME_DIGITAL_UPTAKE] *
                           additional(v[V_SME_DIGITAL_DEADWEIGHT], v[V_SME_DIGITAL_DISPLACEMENT]);
    v[V_DIGITAL_P_EFF] = v[V_DIGITAL_P] + v[V_DIGITAL_SUPPORT_EFFECT] * supported_net / firms;
    v[V_DIGITAL_ADOPTION] =
        (v[V_DIGITAL_P_EFF] + v[V_DIGITAL_Q_EFF] * dig / (v[V_DIGITAL_MARKET] + 1.0)) *
        smooth_pos(v[V_DIGITAL_MARKET] - dig, 10.0);
    v[V_DIGITAL_OBSOLESCENCE] = dig / v[V_DIGITAL_LIFE_YEARS];
    v[V_DIGITAL_EXITS] = v[V_EST_EXIT_RATE] * dig;

    /* Take-up of the innovation levers: cheques by the non-innovating SMEs
     * that apply, Challenge Lab projects by the innovation-active firms that
     * can host them, collaborative R&D by what those firms can co-fund. */
    v[V_CHEQUE_ELIGIBLE] = v[V_CHEQUE_DEMAND] * smooth_pos(firms - inn, 10.0);
    v[V_INNOVATION_CHEQUES_UPTAKE] =
        smooth_share_within(v[V_INNOVATION_CHEQUES], v[V_CHEQUE_ELIGIBLE]);
    v[V_CHALLENGE_LAB_UPTAKE] = smooth_share_within(v[V_CHALLENGE_LAB], inn);
    double share_i = inn / firms;
    v[V_RD_COLLAB_UPTAKE] = smooth_share_within(
        v[V_RD_COLLAB], v[V_RD_COLLAB_CAPACITY] * share_i / v[V_INNOVATION_SHARE_START]);
    /* The additional part of what is taken up. */
    double rd_collab = v[V_RD_COLLAB] * v[V_RD_COLLAB_UPTAKE] *
                       additional(v[V_RD_COLLAB_DEADWEIGHT], v[V_RD_COLLAB_DISPLACEMENT]);
    double cheques_gain =
        v[V_CHEQUE_INNOVATION_GAIN] *
        saturate(v[V_INNOVATION_CHEQUES] * v[V_INNOVATION_CHEQUES_UPTAKE], 400.0) *
        additional(v[V_INNOVATION_CHEQUES_DEADWEIGHT], v[V_INNOVATION_CHEQUES_DISPLACEMENT]);
    double labs_gain =
        v[V_LAB_INNOVATION_GAIN] * saturate(v[V_CHALLENGE_LAB] * v[V_CHALLENGE_LAB_UPTAKE], 20.0) *
        additional(v[V_CHALLENGE_LAB_DEADWEIGHT], v[V_CHALLENGE_LAB_DISPLACEMENT]);

    /* Innovation: Bass diffusion; the external rate rises with knowledge
     * per unit of GRP and with the levers. */
    double knowledge_change = y[S_KNOWLEDGE] / v[V_GRP] /
                                  (v[V_REF_KNOWLEDGE] / v[V_GRP_START]) -
                              1.0;
    v[V_INNOVATION_P_EFF] =
        v[V_INNOVATION_P] *
            smooth_pos(1.0 + v[V_KNOWLEDGE_INNOVATION_EFFECT] * knowledge_change, 0.01) +
        v[V_RD_COLLAB_INNOVATION_GAIN] * rd_collab + cheques_gain + labs_gain;
    v[V_INNOVATION_ADOPTION] = (v[V_INNOVATION_P_EFF] + v[V_INNOVATION_Q_EFF] * share_i) *
                               smooth_pos(firms - inn, 10.0);
    v[V_INNOVATION_LAPSE] = inn / v[V_INNOVATION_YEARS];
    v[V_INNOVATION_EXITS] = v[V_EST_EXIT_RATE] * inn;

    /* R&D: business R&D follows the innovation-active share; collaboration
     * adds the additional part of what it funds. */
    v[V_RD_INTENSITY] =
        v[V_RD_INTENSITY_START] *
            smooth_pos(1.0 + v[V_RD_INNOVATION_RESPONSE] *
                                 (share_i / v[V_INNOVATION_SHARE_START] - 1.0),
                       0.01) +
        rd_collab / 100.0;
    v[V_RD_SPENDING] = v[V_RD_INTENSITY] * v[V_GRP];
    v[V_KNOWLEDGE_DEPRECIATION] = v[V_KNOWLEDGE_DEPRECIATION_RATE] * y[S_KNOWLEDGE];
    v[V_DIGITAL_SHARE] = dig / firms;
    v[V_INNOVATION_SHARE] = share_i;

    dy[S_DIGITAL_ADOPTERS] =
        v[V_DIGITAL_ADOPTION] - v[V_DIGITAL_OBSOLESCENCE] - v[V_DIGITAL_EXITS];
    dy[S_INNOVATION_ACTIVE] =
        v[V_INNOVATION_ADOPTION] - v[V_INNOVATION_LAPSE] - v[V_INNOVATION_EXITS];
    dy[S_KNOWLEDGE] = v[V_RD_SPENDING] - v[V_KNOWLEDGE_DEPRECIATION];
}
