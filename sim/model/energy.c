/* energy.c: industrial energy (electricity and fuels), efficiency
 * diffusion, energy audits, the decarbonisation pipeline and the grid it
 * needs, the cost of all this to industry, and emissions by sector (rows in
 * sim/model/energy.def).
 *
 * Runs after production, whose manufacturing value added scales energy use
 * and emissions; production reads the cost burden through the smoothed
 * stock industry_cost_seen. Efficiency measures diffuse (Bass) from a
 * potential that technical progress renews; abatement projects start in
 * proportion to the abatable emissions not yet addressed, plus what support
 * buys, and pass a third-order build delay whose last stage waits for grid
 * capacity. Shares stay in [0, 1]: every outflow is proportional to its
 * stock and every inflow to the room left. */
#include <math.h>

#include "sim/model/energy.h"
#include "sim/model/model.h"

/* A soft minimum of x >= 0 and room > 0: x / sqrt(1 + (x / room)^2). It is
 * x when room is ample, room when x is, 0 at x = 0 and rises with both. */
static double soft_min(double x, double room)
{
    double r = x / room;
    return x / sqrt(1.0 + r * r);
}

void energy_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_ENERGY_PRICE_FORWARD] = y[S_ENERGY_PRICE_LEVEL] = v[V_ENERGY_PRICE_START];
    y[S_CARBON_PRICE_FORWARD] = y[S_CARBON_PRICE_LEVEL] = v[V_CARBON_PRICE_START];
    y[S_ENERGY_BACKGROUND] = 1.0;
    y[S_EFFICIENCY_POTENTIAL] = v[V_EFFICIENCY_POTENTIAL_START];
    y[S_EFFICIENCY_SAVED] = 0.0;
    y[S_FIRMS_AUDITED] = 0.0;
    y[S_ABATEMENT_1] = y[S_ABATEMENT_2] = y[S_ABATEMENT_3] = y[S_ABATEMENT_DONE] = 0.0;
    y[S_SUPPORT_CAPITAL] = 0.0;
    y[S_INDUSTRY_FOSSIL_INTENSITY] = 1.0;
    y[S_GRID_CAPACITY] =
        v[V_GRID_HEADROOM_START] * v[V_ENERGY_INDUSTRY_START] * v[V_ELECTRICITY_SHARE_START];
    y[S_INDUSTRY_COST_SEEN] = v[V_REF_ENERGY_COST];

    double other = v[V_EMISSIONS_START] - v[V_EMISSIONS_INDUSTRY_START];
    double shares = v[V_TRANSPORT_SHARE_START] + v[V_HEATING_SHARE_START] +
                    v[V_MACHINERY_SHARE_START] + v[V_AGRICULTURE_SHARE_START] +
                    v[V_REST_SHARE_START];
    y[S_EMISSIONS_TRANSPORT] = other * v[V_TRANSPORT_SHARE_START] / shares;
    y[S_EMISSIONS_HEATING] = other * v[V_HEATING_SHARE_START] / shares;
    y[S_EMISSIONS_MACHINERY] = other * v[V_MACHINERY_SHARE_START] / shares;
    y[S_EMISSIONS_AGRICULTURE] = other * v[V_AGRICULTURE_SHARE_START] / shares;
    y[S_EMISSIONS_REST] = other * v[V_REST_SHARE_START] / shares;
    y[S_TRANSPORT_ELECTRIFIED] = 0.0;
}

/* Prices move from their 2020 levels to the assumed ones in two stages,
 * forward contracts first and the price paid after them, so that the move
 * starts gently: a first-order move would take its largest step in the
 * first year, a start-up jump that 2020's state does not hold. */
static void energy_prices(double *v, const double *y)
{
    double stage = v[V_PRICE_ADJUST_YEARS] / 2.0;
    v[V_ENERGY_FORWARD_CHANGE] = (v[V_ENERGY_PRICE] - y[S_ENERGY_PRICE_FORWARD]) / stage;
    v[V_ENERGY_PRICE_CHANGE] = (y[S_ENERGY_PRICE_FORWARD] - y[S_ENERGY_PRICE_LEVEL]) / stage;
    v[V_CARBON_FORWARD_CHANGE] = (v[V_CARBON_PRICE] - y[S_CARBON_PRICE_FORWARD]) / stage;
    v[V_CARBON_PRICE_CHANGE] = (y[S_CARBON_PRICE_FORWARD] - y[S_CARBON_PRICE_LEVEL]) / stage;
}

/* Energy audits and the diffusion of efficiency measures (Bass). */
static void energy_efficiency(double *v, const double *y)
{
    double pot = y[S_EFFICIENCY_POTENTIAL], saved = y[S_EFFICIENCY_SAVED];
    v[V_BACKGROUND_GAIN] = v[V_BACKGROUND_EFFICIENCY] * y[S_ENERGY_BACKGROUND];

    /* Audits done: the funded number while firms not yet audited remain
     * (room: all of them in a year). */
    double funded = v[V_ENERGY_AUDITS];
    double room = smooth_pos(v[V_AUDIT_ELIGIBLE_FIRMS] - y[S_FIRMS_AUDITED], 1.0);
    double done = soft_min(funded, room);
    v[V_AUDITS_DONE] = done;
    v[V_AUDIT_EXPIRY] = y[S_FIRMS_AUDITED] / v[V_AUDIT_VALID_YEARS];
    v[V_ENERGY_AUDITS_UPTAKE] = funded > 0.0 ? done / funded : 1.0;

    double audit_net =
        (1.0 - v[V_ENERGY_AUDITS_DEADWEIGHT]) * (1.0 - v[V_ENERGY_AUDITS_DISPLACEMENT]);
    v[V_EFFICIENCY_P_EFF] =
        v[V_EFFICIENCY_P] + v[V_AUDIT_EFFICIENCY_GAIN] * audit_net * done / (done + 150.0);
    /* Clusters and Challenge Labs (their levers' own module) spread
     * efficiency measures by word of mouth, net of their additionality. */
    double cluster_net = (1.0 - v[V_CLUSTERS_DEADWEIGHT]) * (1.0 - v[V_CLUSTERS_DISPLACEMENT]);
    double labs = v[V_CHALLENGE_LAB];
    double labs_net =
        (1.0 - v[V_CHALLENGE_LAB_DEADWEIGHT]) * (1.0 - v[V_CHALLENGE_LAB_DISPLACEMENT]);
    v[V_EFFICIENCY_Q_EFF] = v[V_EFFICIENCY_Q] +
                            v[V_CLUSTER_Q_GAIN] / 2.0 * v[V_CLUSTERS] * cluster_net +
                            v[V_LAB_EFFICIENCY_GAIN] * labs_net * labs / (labs + 20.0);
    double price = smooth_pos(1.0 + v[V_ENERGY_PRICE_RESPONSE] *
                                        (y[S_ENERGY_PRICE_LEVEL] / v[V_ENERGY_PRICE_START] - 1.0),
                              0.01);
    v[V_EFFICIENCY_ADOPTION] =
        (v[V_EFFICIENCY_P_EFF] + v[V_EFFICIENCY_Q_EFF] * saved / (saved + pot + 1e-9)) * pot *
        price;
    v[V_EFFICIENCY_RENEWAL_FLOW] = v[V_EFFICIENCY_RENEWAL] * (1.0 - pot - saved);

    v[V_OUTPUT_ENERGY_SCALE] =
        v[V_MFG_GVA] / v[V_REF_MFG_OUTPUT] * y[S_ENERGY_BACKGROUND] * (1.0 - saved);
}

/* Fuel switching outside the pipeline: the 2010-20 trend, fading after the
 * fitted history ends. t: the model time. */
static void energy_fuel_switch(double *v, const double *y, double t)
{
    double fade = exp(-fmax(0.0, t - v[V_FUEL_SWITCH_FADE_FROM]) / v[V_FUEL_SWITCH_FADE_YEARS]);
    v[V_FUEL_SWITCH_FLOW] = v[V_INDUSTRY_FUEL_SWITCH] * fade * y[S_INDUSTRY_FOSSIL_INTENSITY];
}

/* The decarbonisation pipeline, its electricity and the grid. */
static void energy_decarbonisation(double *v, const double *y)
{
    double a1 = y[S_ABATEMENT_1], a2 = y[S_ABATEMENT_2], a3 = y[S_ABATEMENT_3];
    double done = y[S_ABATEMENT_DONE];
    double gross =
        v[V_EMISSIONS_INDUSTRY_START] * v[V_OUTPUT_ENERGY_SCALE] * y[S_INDUSTRY_FOSSIL_INTENSITY];
    v[V_EMISSIONS_INDUSTRY_GROSS] = gross;
    double left = smooth_pos(v[V_ABATABLE_SHARE] - a1 - a2 - a3 - done, 1e-4);
    v[V_ABATABLE_LEFT] = left;

    /* Support buys projects while abatable emissions are left; deadweight
     * projects are paid for but add nothing. */
    double support = v[V_DECARB_SUPPORT];
    double bought = support / v[V_SUPPORT_COST_PER_KT];
    double supported = soft_min(bought, left * gross / v[V_PROJECT_LEAD_YEARS]);
    v[V_SUPPORTED_STARTS] = supported;
    v[V_SUPPORT_PAID] = supported * v[V_SUPPORT_COST_PER_KT];
    v[V_DECARB_SUPPORT_UPTAKE] = support > 0.0 ? v[V_SUPPORT_PAID] / support : 1.0;
    double support_net =
        (1.0 - v[V_DECARB_SUPPORT_DEADWEIGHT]) * (1.0 - v[V_DECARB_SUPPORT_DISPLACEMENT]);
    v[V_DECARB_START_RATE] = v[V_DECARB_RATE] * y[S_CARBON_PRICE_LEVEL] / v[V_DECARB_PRICE_REF];
    v[V_DECARB_STARTS] = v[V_DECARB_START_RATE] * left + supported * support_net / gross;

    /* Electricity: the 2020 share scaled like all energy, plus what the
     * electrified processes use. The grid for new load, counted at 2020
     * output (it keeps up with output growth), is expanded towards what the
     * pipeline will need and holds up electrified projects when short. */
    double el_kt = v[V_ELECTRIFIED_SHARE] * gross; /* electrified kt per unit share */
    double el_per = v[V_ELECTRICITY_PER_ABATEMENT] / 1000.0;
    double el_2020 = v[V_ENERGY_INDUSTRY_START] * v[V_ELECTRICITY_SHARE_START];
    v[V_ELECTRIFIED_LOAD] = el_kt * done * el_per;
    v[V_ELECTRICITY_INDUSTRY] = el_2020 * v[V_OUTPUT_ENERGY_SCALE] + v[V_ELECTRIFIED_LOAD];

    double grid_kt = v[V_ELECTRIFIED_SHARE] * v[V_EMISSIONS_INDUSTRY_START];
    double grid_load = grid_kt * done * el_per;
    v[V_GRID_BUILD_TIME] = energy_lead_time(v, v[V_GRID_BUILD_YEARS], v[V_GRID_PERMITTING_CUT]);
    v[V_GRID_NEED] = grid_load + grid_kt * (a1 + a2 + a3) * el_per +
                     v[V_GRID_HEADROOM_START] * el_2020;
    v[V_GRID_EXPANSION] =
        smooth_pos(v[V_GRID_NEED] - y[S_GRID_CAPACITY], 1e-3) / v[V_GRID_BUILD_TIME];
    double headroom = smooth_pos(y[S_GRID_CAPACITY] - grid_load, 1e-3);
    double connecting = grid_kt * a3 * el_per;
    v[V_GRID_AVAILABILITY] = 1.0 - exp(-headroom / (connecting + 1e-12));

    double build = energy_build_time(v);
    v[V_BUILD_TIME] = build;
    v[V_PERMITTING_UPTAKE] = 1.0;
    v[V_ABATEMENT_12] = a1 / (build / 3.0);
    v[V_ABATEMENT_23] = a2 / (build / 3.0);
    v[V_ABATEMENT_COMMISSIONED] =
        a3 / (build / 3.0) * (1.0 - v[V_ELECTRIFIED_SHARE] * (1.0 - v[V_GRID_AVAILABILITY]));
}

/* What industry pays: energy, carbon on the remaining emissions and the
 * capital cost of abatement net of support, as a share of value added. */
static void energy_costs(double *v, const double *y)
{
    double gross = v[V_EMISSIONS_INDUSTRY_GROSS], done = y[S_ABATEMENT_DONE];
    double electrified_kt = v[V_ELECTRIFIED_SHARE] * gross * done;
    v[V_FUELS_INDUSTRY] = v[V_ENERGY_INDUSTRY_START] * (1.0 - v[V_ELECTRICITY_SHARE_START]) *
                              v[V_OUTPUT_ENERGY_SCALE] -
                          electrified_kt * v[V_FUEL_PER_EMISSION] / 1000.0;
    v[V_ENERGY_INDUSTRY] = v[V_ELECTRICITY_INDUSTRY] + v[V_FUELS_INDUSTRY];
    v[V_EMISSIONS_INDUSTRY] = gross * (1.0 - done);

    /* Firms renew the abatement equipment as it wears out; support pays
     * for the first generation only. */
    v[V_SUPPORT_WRITE_OFF] = y[S_SUPPORT_CAPITAL] / v[V_ABATEMENT_ASSET_YEARS];
    v[V_ABATEMENT_CAPITAL] =
        v[V_DECARB_CAPEX] * gross * (y[S_ABATEMENT_1] + y[S_ABATEMENT_2] + y[S_ABATEMENT_3] + done);
    v[V_ABATEMENT_CAPITAL_COST] = smooth_pos(v[V_ABATEMENT_CAPITAL] - y[S_SUPPORT_CAPITAL], 1e-3) *
                                  (1.0 / v[V_ABATEMENT_ASSET_YEARS] + v[V_CAPITAL_COST_RATE]);
    v[V_INDUSTRY_COST_BURDEN] =
        (v[V_ENERGY_INDUSTRY] * y[S_ENERGY_PRICE_LEVEL] * 1000.0 +
         v[V_EMISSIONS_INDUSTRY] * y[S_CARBON_PRICE_LEVEL] / 1000.0 + v[V_ABATEMENT_CAPITAL_COST]) /
        v[V_MFG_GVA];
    v[V_INDUSTRY_COST_CHANGE] =
        (v[V_INDUSTRY_COST_BURDEN] - y[S_INDUSTRY_COST_SEEN]) / v[V_COST_PERCEPTION_YEARS];
}

/* Emissions outside industry: each sector falls at its assumed rate;
 * transport also electrifies, faster as more of it is electric. */
static void energy_sectors(double *v, const double *y)
{
    double fossil = y[S_EMISSIONS_TRANSPORT], electric = y[S_TRANSPORT_ELECTRIFIED];
    v[V_TRANSPORT_ELECTRIFIED_FLOW] =
        (v[V_TRANSPORT_ELECTRIFICATION] +
         v[V_TRANSPORT_EV_IMITATION] * electric / (electric + fossil + 1e-9)) *
        fossil;
    v[V_TRANSPORT_EMISSIONS_CUT] =
        v[V_TRANSPORT_EMISSIONS_DECLINE] * fossil + v[V_TRANSPORT_ELECTRIFIED_FLOW];
    v[V_HEATING_EMISSIONS_CUT] = v[V_HEATING_EMISSIONS_DECLINE] * y[S_EMISSIONS_HEATING];
    v[V_MACHINERY_EMISSIONS_CUT] = v[V_MACHINERY_EMISSIONS_DECLINE] * y[S_EMISSIONS_MACHINERY];
    v[V_AGRICULTURE_EMISSIONS_CUT] =
        v[V_AGRICULTURE_EMISSIONS_DECLINE] * y[S_EMISSIONS_AGRICULTURE];
    v[V_REST_EMISSIONS_CUT] = v[V_REST_EMISSIONS_DECLINE] * y[S_EMISSIONS_REST];
}

/* Indicators that no derivative reads. */
static void energy_report(double *v, const double *y)
{
    v[V_ELECTRICITY_TRANSPORT] =
        y[S_TRANSPORT_ELECTRIFIED] * v[V_ELECTRICITY_PER_TRANSPORT] / 1000.0;
    v[V_ELECTRICITY_ADDED] = v[V_ELECTRICITY_INDUSTRY] + v[V_ELECTRICITY_TRANSPORT] -
                             v[V_ENERGY_INDUSTRY_START] * v[V_ELECTRICITY_SHARE_START];
    v[V_ENERGY_INTENSITY] = v[V_ENERGY_INDUSTRY] * 1000.0 / v[V_MFG_GVA];
    v[V_EFFICIENCY_SAVINGS] = v[V_ENERGY_INDUSTRY_START] * v[V_MFG_GVA] / v[V_REF_MFG_OUTPUT] *
                              y[S_ENERGY_BACKGROUND] * y[S_EFFICIENCY_SAVED];
    v[V_ABATEMENT_KT] = v[V_EMISSIONS_INDUSTRY_GROSS] * y[S_ABATEMENT_DONE];
    v[V_EMISSIONS_OTHER] = y[S_EMISSIONS_TRANSPORT] + y[S_EMISSIONS_HEATING] +
                           y[S_EMISSIONS_MACHINERY] + y[S_EMISSIONS_AGRICULTURE] +
                           y[S_EMISSIONS_REST];
    v[V_EMISSIONS_TOTAL] = v[V_EMISSIONS_INDUSTRY] + v[V_EMISSIONS_OTHER];
    v[V_EMISSIONS_VS_2010] = v[V_EMISSIONS_TOTAL] / v[V_EMISSIONS_2010];
    v[V_EMISSIONS_PER_CAPITA] = v[V_EMISSIONS_TOTAL] * 1000.0 / v[V_POPULATION];
}

MODEL_CLONES
void energy_eval(model_frame *f)
{
    double *v = f->v;
    const double *y = f->y;
    double *dy = f->dydt;

    energy_prices(v, y);
    energy_efficiency(v, y);
    energy_fuel_switch(v, y, f->t);
    energy_decarbonisation(v, y);
    energy_costs(v, y);
    energy_sectors(v, y);

    dy[S_ENERGY_PRICE_FORWARD] = v[V_ENERGY_FORWARD_CHANGE];
    dy[S_ENERGY_PRICE_LEVEL] = v[V_ENERGY_PRICE_CHANGE];
    dy[S_CARBON_PRICE_FORWARD] = v[V_CARBON_FORWARD_CHANGE];
    dy[S_CARBON_PRICE_LEVEL] = v[V_CARBON_PRICE_CHANGE];
    dy[S_ENERGY_BACKGROUND] = -v[V_BACKGROUND_GAIN];
    dy[S_EFFICIENCY_POTENTIAL] = v[V_EFFICIENCY_RENEWAL_FLOW] - v[V_EFFICIENCY_ADOPTION];
    dy[S_EFFICIENCY_SAVED] = v[V_EFFICIENCY_ADOPTION];
    dy[S_FIRMS_AUDITED] = v[V_AUDITS_DONE] - v[V_AUDIT_EXPIRY];
    dy[S_ABATEMENT_1] = v[V_DECARB_STARTS] - v[V_ABATEMENT_12];
    dy[S_ABATEMENT_2] = v[V_ABATEMENT_12] - v[V_ABATEMENT_23];
    dy[S_ABATEMENT_3] = v[V_ABATEMENT_23] - v[V_ABATEMENT_COMMISSIONED];
    dy[S_ABATEMENT_DONE] = v[V_ABATEMENT_COMMISSIONED];
    dy[S_INDUSTRY_FOSSIL_INTENSITY] = -v[V_FUEL_SWITCH_FLOW];
    dy[S_SUPPORT_CAPITAL] = v[V_SUPPORT_PAID] - v[V_SUPPORT_WRITE_OFF];
    dy[S_GRID_CAPACITY] = v[V_GRID_EXPANSION];
    dy[S_INDUSTRY_COST_SEEN] = v[V_INDUSTRY_COST_CHANGE];
    dy[S_EMISSIONS_TRANSPORT] = -v[V_TRANSPORT_EMISSIONS_CUT];
    dy[S_TRANSPORT_ELECTRIFIED] = v[V_TRANSPORT_ELECTRIFIED_FLOW];
    dy[S_EMISSIONS_HEATING] = -v[V_HEATING_EMISSIONS_CUT];
    dy[S_EMISSIONS_MACHINERY] = -v[V_MACHINERY_EMISSIONS_CUT];
    dy[S_EMISSIONS_AGRICULTURE] = -v[V_AGRICULTURE_EMISSIONS_CUT];
    dy[S_EMISSIONS_REST] = -v[V_REST_EMISSIONS_CUT];

    if (f->report)
        energy_report(v, y);
}
