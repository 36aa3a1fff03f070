/* energy.c: industrial energy use, efficiency diffusion, the
 * decarbonisation pipeline and emissions (rows in sim/model/energy.def).
 *
 * Runs after production, whose manufacturing value added scales energy use
 * and emissions. Efficiency measures diffuse (Bass) from a potential that
 * technical progress renews; abatement projects start in proportion to the
 * abatable emissions not yet addressed and pass a third-order build delay.
 * Shares stay in [0, 1]: every outflow is proportional to its stock and
 * every inflow to the room left. */
#include "sim/model/energy.h"
#include "sim/model/model.h"

void energy_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_ENERGY_PRICE_LEVEL] = v[V_ENERGY_PRICE_START];
    y[S_CARBON_PRICE_LEVEL] = v[V_CARBON_PRICE_START];
    y[S_ENERGY_BACKGROUND] = 1.0;
    y[S_EFFICIENCY_POTENTIAL] = v[V_EFFICIENCY_POTENTIAL_START];
    y[S_EFFICIENCY_SAVED] = 0.0;
    y[S_ABATEMENT_1] = y[S_ABATEMENT_2] = y[S_ABATEMENT_3] = y[S_ABATEMENT_DONE] = 0.0;
    y[S_EMISSIONS_OTHER] = v[V_EMISSIONS_START] - v[V_EMISSIONS_INDUSTRY_START];
    y[S_INDUSTRY_COST_SEEN] = v[V_REF_ENERGY_COST];
}

void energy_eval(model_frame *f)
{
    double *restrict v = f->v;
    const double *restrict y = f->y;
    double *restrict dy = f->dydt;
    const double *restrict k = f->k;
    double bg = y[S_ENERGY_BACKGROUND], pot = y[S_EFFICIENCY_POTENTIAL];
    double saved = y[S_EFFICIENCY_SAVED];
    double a1 = y[S_ABATEMENT_1], a2 = y[S_ABATEMENT_2], a3 = y[S_ABATEMENT_3];
    double done = y[S_ABATEMENT_DONE];

    /* Prices move from their 2020 levels to the assumed ones. */
    double adjust = k[K_PRICE_ADJUST_RATE];
    v[V_ENERGY_PRICE_CHANGE] = (v[V_ENERGY_PRICE] - y[S_ENERGY_PRICE_LEVEL]) * adjust;
    v[V_CARBON_PRICE_CHANGE] = (v[V_CARBON_PRICE] - y[S_CARBON_PRICE_LEVEL]) * adjust;

    v[V_BACKGROUND_GAIN] = v[V_BACKGROUND_EFFICIENCY] * bg;
    /* Bass coefficients: parameters plus responses to audits, clusters and
     * challenge labs, from k (calib_lever_consts). */
    double p = k[K_EFFICIENCY_P];
    double q = k[K_EFFICIENCY_Q];
    double price = smooth_pos(1.0 + v[V_ENERGY_PRICE_RESPONSE] *
                                        (y[S_ENERGY_PRICE_LEVEL] * k[K_INV_ENERGY_PRICE_START] - 1.0),
                              0.01);
    v[V_EFFICIENCY_P_EFF] = p;
    v[V_EFFICIENCY_Q_EFF] = q;
    v[V_EFFICIENCY_ADOPTION] = (p + q * saved / (saved + pot + 1e-9)) * pot * price;
    v[V_EFFICIENCY_RENEWAL_FLOW] = v[V_EFFICIENCY_RENEWAL] * (1.0 - pot - saved);

    double build = k[K_BUILD_TIME];
    double k_build = k[K_BUILD_STAGE_RATE];
    double rate = k[K_DECARB_PRICE_RATE] * y[S_CARBON_PRICE_LEVEL] + k[K_SUPPORT_RATE];
    v[V_BUILD_TIME] = build;
    v[V_DECARB_START_RATE] = rate;
    v[V_DECARB_STARTS] = rate * smooth_pos(v[V_ABATABLE_SHARE] - a1 - a2 - a3 - done, 1e-4);
    v[V_ABATEMENT_12] = a1 * k_build;
    v[V_ABATEMENT_23] = a2 * k_build;
    v[V_ABATEMENT_COMMISSIONED] = a3 * k_build;
    v[V_OTHER_EMISSIONS_CUT] = v[V_OTHER_EMISSIONS_DECLINE] * y[S_EMISSIONS_OTHER];

    dy[S_ENERGY_PRICE_LEVEL] = v[V_ENERGY_PRICE_CHANGE];
    dy[S_CARBON_PRICE_LEVEL] = v[V_CARBON_PRICE_CHANGE];
    dy[S_ENERGY_BACKGROUND] = -v[V_BACKGROUND_GAIN];
    dy[S_EFFICIENCY_POTENTIAL] = v[V_EFFICIENCY_RENEWAL_FLOW] - v[V_EFFICIENCY_ADOPTION];
    dy[S_EFFICIENCY_SAVED] = v[V_EFFICIENCY_ADOPTION];
    dy[S_ABATEMENT_1] = v[V_DECARB_STARTS] - v[V_ABATEMENT_12];
    dy[S_ABATEMENT_2] = v[V_ABATEMENT_12] - v[V_ABATEMENT_23];
    dy[S_ABATEMENT_3] = v[V_ABATEMENT_23] - v[V_ABATEMENT_COMMISSIONED];
    dy[S_ABATEMENT_DONE] = v[V_ABATEMENT_COMMISSIONED];
    dy[S_EMISSIONS_OTHER] = -v[V_OTHER_EMISSIONS_CUT];
    /* Industry's cost burden, which production reads as firms see it:
     * energy and carbon costs per unit of value added (the capital cost of
     * abatement is still to be added here). */
    v[V_INDUSTRY_COST_BURDEN] = v[V_ENERGY_COST_SHARE];
    v[V_INDUSTRY_COST_CHANGE] = (v[V_INDUSTRY_COST_BURDEN] - y[S_INDUSTRY_COST_SEEN]) / 1.0;
    dy[S_INDUSTRY_COST_SEEN] = v[V_INDUSTRY_COST_CHANGE];

    /* Indicators (no derivative reads them): energy and emissions scale
     * with manufacturing value added. */
    if (!f->report)
        return;
    double scale = v[V_MFG_GVA] / v[V_REF_MFG_OUTPUT] * bg * (1.0 - saved);
    double energy = v[V_ENERGY_INDUSTRY_START] * scale;
    double gross = v[V_EMISSIONS_INDUSTRY_START] * scale;
    v[V_ENERGY_INDUSTRY] = energy;
    v[V_ENERGY_INTENSITY] = energy * 1000.0 / v[V_MFG_GVA];
    v[V_EFFICIENCY_SAVINGS] = v[V_ENERGY_INDUSTRY_START] * v[V_MFG_GVA] / v[V_REF_MFG_OUTPUT] * bg * saved;
    v[V_EMISSIONS_INDUSTRY] = gross * (1.0 - done);
    v[V_ABATEMENT_KT] = gross * done;
    v[V_EMISSIONS_TOTAL] = v[V_EMISSIONS_INDUSTRY] + y[S_EMISSIONS_OTHER];
    v[V_EMISSIONS_PER_CAPITA] = v[V_EMISSIONS_TOTAL] * 1000.0 / v[V_POPULATION];
}
