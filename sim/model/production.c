/* production.c: sectors, productivity, export demand, the local multiplier,
 * labour demand by skill, GRP and Sweden's yardstick (rows in
 * sim/model/production.def).
 *
 * Runs after demography (population) and before the labour market, which
 * matches the labour demand computed here. Manufacturing sells what export
 * demand and its competitiveness allow; its jobs are sales over
 * productivity, so productivity growth above sales growth sheds jobs (the
 * 2016-21 trend). Services follow population, manufacturing (the local
 * multiplier) and the net jobs of new firms; public jobs follow the weighted
 * population. Output is cut when skill shortages leave jobs unstaffed (fill
 * rate). Sweden's GDP per capita grows by the same productivity rules at
 * national values. Competitiveness reads industry's cost burden as firms
 * see it (a stock of the energy module, which runs later). */
#include <math.h>

#include "sim/model/energy.h"
#include "sim/model/model.h"

void production_init(double t0, const double *v, double *y)
{
    (void)t0;
    y[S_EXPORT_DEMAND] = 1.0;
    y[S_LP_MFG] = v[V_LP_MFG_START];
    y[S_LP_BENCHMARK] = 1.0;
    y[S_PRODUCTIVITY_OTHER] = 1.0;
    y[S_SWEDEN_DIGITAL_SHARE] = v[V_SWEDEN_DIGITAL_SHARE_START];
    y[S_SWEDEN_PRODUCTIVITY] = 1.0;
    y[S_SWEDEN_KNOWLEDGE] = 1.0;
}

/* Staffed jobs at one skill level: the demand when employment is at its
 * normal level below demand (2020 vacancies), less when short; rounded over
 * 200 jobs, never above the demand (so that the fill rate stays <= 1). */
static double staffed_of(double emp, double demand, double normal_vacancy)
{
    return smooth_cap_below(emp * (1.0 + normal_vacancy), demand, 200.0);
}

/* Sweden's yardstick: digital diffusion, knowledge and GDP per capita by
 * the rules the region follows, at national values. years: since the start
 * of the run. */
static void sweden_eval(model_frame *f, double years)
{
    double *v = f->v;
    const double *y = f->y;
    double *dy = f->dydt;
    double share = y[S_SWEDEN_DIGITAL_SHARE];
    double mfg = v[V_SWEDEN_MFG_SHARE];

    v[V_SWEDEN_HUMAN_CAPITAL_INDEX] = 1.0 + v[V_SWEDEN_HUMAN_CAPITAL_GROWTH] * years;
    double per_capita = v[V_SWEDEN_GRP_PER_CAPITA_START] * y[S_SWEDEN_PRODUCTIVITY] *
                        (1.0 + v[V_DIGITAL_PRODUCTIVITY] *
                                   (share - v[V_SWEDEN_DIGITAL_SHARE_START]) *
                                   (mfg + (1.0 - mfg) / 2.0)) *
                        (1.0 + v[V_HUMAN_CAPITAL_PRODUCTIVITY] *
                                   (v[V_SWEDEN_HUMAN_CAPITAL_INDEX] - 1.0)) *
                        exp(v[V_SWEDEN_JOBS_PER_RESIDENT_TREND] * years);
    v[V_SWEDEN_GRP_PER_CAPITA] = per_capita;
    v[V_SWEDEN_GDP_INDEX] = per_capita / v[V_SWEDEN_GRP_PER_CAPITA_START] *
                            exp(v[V_SWEDEN_POPULATION_GROWTH] * years);
    v[V_SWEDEN_KNOWLEDGE_RATIO] = y[S_SWEDEN_KNOWLEDGE] / v[V_SWEDEN_GDP_INDEX];

    v[V_SWEDEN_DIGITAL_CHANGE] =
        (v[V_DIGITAL_P] + v[V_REF_DIGITAL_Q] * share) * (1.0 - share) -
        share * (1.0 / v[V_DIGITAL_LIFE_YEARS] + v[V_EST_EXIT_RATE]);
    v[V_SWEDEN_KNOWLEDGE_CHANGE] =
        (v[V_KNOWLEDGE_DEPRECIATION_RATE] + v[V_KNOWLEDGE_GROWTH_START]) * v[V_SWEDEN_GDP_INDEX] -
        v[V_KNOWLEDGE_DEPRECIATION_RATE] * y[S_SWEDEN_KNOWLEDGE];
    v[V_SWEDEN_PRODUCTIVITY_GROWTH] =
        y[S_SWEDEN_PRODUCTIVITY] *
        (v[V_PRODUCTIVITY_GROWTH] +
         v[V_KNOWLEDGE_PRODUCTIVITY] * mfg * (v[V_SWEDEN_KNOWLEDGE_RATIO] - 1.0));
    dy[S_SWEDEN_DIGITAL_SHARE] = v[V_SWEDEN_DIGITAL_CHANGE];
    dy[S_SWEDEN_KNOWLEDGE] = v[V_SWEDEN_KNOWLEDGE_CHANGE];
    dy[S_SWEDEN_PRODUCTIVITY] = v[V_SWEDEN_PRODUCTIVITY_GROWTH];
}

MODEL_CLONES
void production_eval(model_frame *f)
{
    double *v = f->v;
    const double *y = f->y;
    double *dy = f->dydt;
    double years = f->t - f->t0;

    v[V_DIGITAL_GAP] = y[S_DIGITAL_ADOPTERS] / y[S_FIRMS_EST] - v[V_DIGITAL_SHARE_START];
    double innovation_gap = y[S_INNOVATION_ACTIVE] / y[S_FIRMS_EST] - v[V_INNOVATION_SHARE_START];

    /* Human capital (the demography module's index of the employed's skill
     * against 2020): the productivity it brings in every sector. */
    v[V_HUMAN_CAPITAL_FACTOR] =
        1.0 + v[V_HUMAN_CAPITAL_PRODUCTIVITY] * (v[V_HUMAN_CAPITAL_INDEX] - 1.0);
    /* Digital tools: productivity of manufacturing (half of it elsewhere)
     * rises with the adoption share since 2020. */
    v[V_DIGITAL_FACTOR] = 1.0 + v[V_DIGITAL_PRODUCTIVITY] * v[V_DIGITAL_GAP];
    double digital_other = 1.0 + v[V_DIGITAL_PRODUCTIVITY] / 2.0 * v[V_DIGITAL_GAP];

    /* Manufacturing: sales from export demand and competitiveness; jobs from
     * sales over productivity. */
    double lp = y[S_LP_MFG] * v[V_HUMAN_CAPITAL_FACTOR] * v[V_DIGITAL_FACTOR];
    v[V_ENERGY_COST_SHARE] =
        (v[V_ENERGY_INDUSTRY_START] * y[S_ENERGY_PRICE_LEVEL] * 1000.0 +
         v[V_EMISSIONS_INDUSTRY_START] * y[S_CARBON_PRICE_LEVEL] / 1000.0 *
             y[S_INDUSTRY_FOSSIL_INTENSITY] * (1.0 - y[S_ABATEMENT_DONE])) *
        y[S_ENERGY_BACKGROUND] * (1.0 - y[S_EFFICIENCY_SAVED]) / v[V_REF_MFG_OUTPUT];
    v[V_COMPETITIVENESS] = smooth_pos(
        1.0 + v[V_PRICE_COMPETITIVENESS] * (lp / (v[V_LP_MFG_START] * y[S_LP_BENCHMARK]) - 1.0) +
            v[V_INNOVATION_COMPETITIVENESS] * innovation_gap +
            v[V_GREEN_PREMIUM] * y[S_ABATEMENT_DONE] -
            v[V_ENERGY_COST_COMPETITIVENESS] * (y[S_INDUSTRY_COST_SEEN] - v[V_REF_ENERGY_COST]),
        0.01);
    v[V_MFG_OUTPUT] = v[V_REF_MFG_OUTPUT] * y[S_EXPORT_DEMAND] * v[V_COMPETITIVENESS];
    v[V_MFG_JOBS_DEMAND] = v[V_MFG_OUTPUT] / lp;

    /* Jobs in the other sectors. */
    double pop_change = v[V_POPULATION] / v[V_POPULATION_START] - 1.0;
    v[V_DECARB_INVESTMENT] = v[V_DECARB_CAPEX] * v[V_EMISSIONS_INDUSTRY_START] *
                             (y[S_ABATEMENT_1] + y[S_ABATEMENT_2] + y[S_ABATEMENT_3]) /
                             energy_build_time(v);
    v[V_CONSTRUCTION_JOBS] =
        v[V_CONSTRUCTION_JOBS_START] * (1.0 + v[V_CONSTRUCTION_POP_ELASTICITY] * pop_change) +
        v[V_CONSTRUCTION_JOBS_PER_MSEK] * (v[V_DECARB_INVESTMENT] + v[V_RURAL_BROADBAND]);
    v[V_PUBLIC_JOBS] = v[V_PUBLIC_JOBS_START] *
                       (v[V_PUBLIC_WEIGHT_YOUNG] * y[S_POP_YOUNG] + v[V_WORKING_AGE_POP] +
                        v[V_PUBLIC_WEIGHT_OLD] * y[S_POP_OLD]) /
                       v[V_REF_PUBLIC_BASE];
    /* A linear trend; a falling one bends towards zero instead of below. */
    double trend = v[V_PRIMARY_JOBS_TREND] * years;
    v[V_PRIMARY_JOBS] =
        v[V_PRIMARY_JOBS_START] * (trend >= 0.0 ? 1.0 + trend : 1.0 / (1.0 - trend));
    /* New firms: the jobs of young firms beyond those the 2020 start rate
     * gives the present population, net of incumbents' jobs they displace;
     * and the extra jobs of firms holding seed capital, net of deadweight
     * and displacement. */
    v[V_FUNDED_FIRM_JOBS] = v[V_SEED_JOBS_GAIN] * y[S_FIRMS_FUNDED] *
                            (1.0 - v[V_SEED_CAPITAL_DEADWEIGHT]) *
                            (1.0 - v[V_SEED_CAPITAL_DISPLACEMENT]);
    v[V_NEW_FIRM_JOBS] =
        v[V_YOUNG_FIRM_JOBS] * (1.0 - v[V_NEW_FIRM_DISPLACEMENT]) *
            (y[S_FIRMS_YOUNG] - v[V_REF_YOUNG_FIRMS] * v[V_POP_16_64] / v[V_REF_POP_16_64]) +
        v[V_FUNDED_FIRM_JOBS];
    v[V_SERVICE_JOBS] = smooth_pos(
        v[V_REF_SERVICE_JOBS] * (1.0 + v[V_SERVICE_POP_ELASTICITY] * pop_change) +
            v[V_SERVICE_MULTIPLIER] * (v[V_MFG_JOBS_DEMAND] - v[V_MFG_JOBS_START]) +
            v[V_NEW_FIRM_JOBS],
        100.0);
    double j_m = v[V_MFG_JOBS_DEMAND], j_c = v[V_CONSTRUCTION_JOBS];
    double j_s = v[V_SERVICE_JOBS], j_p = v[V_PUBLIC_JOBS], j_a = v[V_PRIMARY_JOBS];
    v[V_JOBS_TOTAL] = j_m + j_c + j_s + j_p + j_a;

    /* Labour demand by skill: the 2020 demand scaled by sector jobs weighted
     * with each sector's skill intensities; digitalisation moves part of
     * the low-skill demand to high skill. */
    double vacancy = 1.0 + v[V_VACANCY_RATE_START];
    double x_low = j_m * v[V_SKILL_LOW_MFG] + j_c * v[V_SKILL_LOW_CONSTRUCTION] +
                   j_s * v[V_SKILL_LOW_SERVICES] + j_p * v[V_SKILL_LOW_PUBLIC] +
                   j_a * v[V_SKILL_LOW_PRIMARY];
    double x_high = j_m * v[V_SKILL_HIGH_MFG] + j_c * v[V_SKILL_HIGH_CONSTRUCTION] +
                    j_s * v[V_SKILL_HIGH_SERVICES] + j_p * v[V_SKILL_HIGH_PUBLIC] +
                    j_a * v[V_SKILL_HIGH_PRIMARY];
    double low_base = v[V_REF_EMP_LOW] * vacancy * x_low / v[V_REF_SKILL_JOBS_LOW];
    double shifted = v[V_DIGITAL_SKILL_SHIFT] * v[V_DIGITAL_GAP];
    double demand_low = low_base * (1.0 - shifted);
    /* Jobs that in-firm training upgraded with their workers (labour.def). */
    double upgraded = y[S_UPGRADED_JOB_SHARE] * demand_low;
    v[V_LABOUR_DEMAND_LOW] = demand_low - upgraded;
    /* Medium-skill jobs that firms turned into high-skill ones as graduates
     * became more plentiful (skill_upgraded_share, labour.def). */
    double med_base =
        v[V_REF_EMP_MED] * vacancy * (v[V_JOBS_TOTAL] - x_low - x_high) / v[V_REF_SKILL_JOBS_MED];
    double skill_jobs = y[S_SKILL_UPGRADED_SHARE] * med_base;
    v[V_MED_DEMAND_BASE] = med_base;
    v[V_SKILL_UPGRADED_JOBS] = skill_jobs;
    v[V_LABOUR_DEMAND_MED] = med_base - skill_jobs + upgraded;
    v[V_LABOUR_DEMAND_HIGH] =
        v[V_REF_EMP_HIGH] * vacancy * x_high / v[V_REF_SKILL_JOBS_HIGH] + low_base * shifted +
        skill_jobs;

    double demand = v[V_LABOUR_DEMAND_LOW] + v[V_LABOUR_DEMAND_MED] + v[V_LABOUR_DEMAND_HIGH];
    double vac0 = v[V_VACANCY_RATE_START];
    v[V_FILL_RATE] = (staffed_of(y[S_EMP_LOW], v[V_LABOUR_DEMAND_LOW], vac0) +
                      staffed_of(y[S_EMP_MED], v[V_LABOUR_DEMAND_MED], vac0) +
                      staffed_of(y[S_EMP_HIGH], v[V_LABOUR_DEMAND_HIGH], vac0)) /
                     demand;
    double staffed = 1.0 - v[V_FILL_OUTPUT_ELASTICITY] * (1.0 - v[V_FILL_RATE]);
    double other = v[V_LP_CONSTRUCTION] * j_c + v[V_LP_PRIMARY] * j_a + v[V_LP_PUBLIC] * j_p +
                   v[V_REF_LP_SERVICES] * j_s;
    v[V_GRP] = (1.0 + v[V_PRODUCT_TAX_SHARE]) * staffed *
               (v[V_MFG_OUTPUT] +
                y[S_PRODUCTIVITY_OTHER] * v[V_HUMAN_CAPITAL_FACTOR] * digital_other * other);
    v[V_MFG_GVA] = v[V_MFG_OUTPUT] * staffed;
    v[V_MFG_JOB_SHARE] = j_m / v[V_JOBS_TOTAL];

    /* Productivity growth: the national trend and R&D knowledge per unit
     * of GRP against 2020. */
    double g = v[V_PRODUCTIVITY_GROWTH];
    double knowledge_change = y[S_KNOWLEDGE] / v[V_GRP] /
                                  (v[V_REF_KNOWLEDGE] / v[V_GRP_START]) -
                              1.0;
    v[V_EXPORT_DEMAND_GROWTH] = v[V_EXPORT_GROWTH] * y[S_EXPORT_DEMAND];
    v[V_LP_MFG_GROWTH] =
        y[S_LP_MFG] *
        (g + v[V_MFG_PRODUCTIVITY_PREMIUM] + v[V_KNOWLEDGE_PRODUCTIVITY] * knowledge_change);
    v[V_BENCHMARK_GROWTH] = y[S_LP_BENCHMARK] * (g + v[V_MFG_PRODUCTIVITY_PREMIUM]);
    v[V_PRODUCTIVITY_OTHER_GROWTH] =
        y[S_PRODUCTIVITY_OTHER] * (g + v[V_REGIONAL_PRODUCTIVITY_DRIFT]);
    dy[S_EXPORT_DEMAND] = v[V_EXPORT_DEMAND_GROWTH];
    dy[S_LP_MFG] = v[V_LP_MFG_GROWTH];
    dy[S_LP_BENCHMARK] = v[V_BENCHMARK_GROWTH];
    dy[S_PRODUCTIVITY_OTHER] = v[V_PRODUCTIVITY_OTHER_GROWTH];

    sweden_eval(f, years);

    if (f->report) {
        v[V_GRP_PER_CAPITA] = v[V_GRP] / v[V_POPULATION] * 1000.0;
        v[V_GRP_VS_SWEDEN] = v[V_GRP_PER_CAPITA] / v[V_SWEDEN_GRP_PER_CAPITA];
        v[V_MFG_JOBS] = v[V_MFG_JOBS_DEMAND] * v[V_FILL_RATE];
    }
}
