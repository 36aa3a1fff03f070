/* test_model_accounting.c: every stock of the model changes exactly by the
 * flows that the table says move it, every flow moves some stock, people and
 * firms are conserved by the flows between their stocks, and population
 * change is births - deaths + net migration. Checked at the 2020 state and
 * at states reached by a baseline and a full-policy run. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "tests/model_test_util.h"

/* Each stock with its inflows (+name) and outflows (-name), as written in the
 * stock's equation in the model table. */
static const char *const flows_of[][16] = {
    {"pop_young", "+births", "+mig_in_young", "-mig_out_young", "-entry_low", "-entry_med",
     "-entry_higher_ed"},
    {"pop_old", "+retire_not_employed_low", "+retire_not_employed_med",
     "+retire_not_employed_high", "+retire_employed_low", "+retire_employed_med",
     "+retire_employed_high", "-deaths"},
    {"not_employed_low", "+entry_low", "+mig_in_low", "+separations_low", "+training_fail_low",
     "-integration_upskilling", "-integration_placement", "-hires_low", "-retire_not_employed_low",
     "-mig_out_not_employed_low", "-training_enrol_low"},
    {"not_employed_med", "+entry_med", "+mig_in_med", "+separations_med", "+training_pass_low",
     "+training_fail_med", "+higher_ed_dropout", "+integration_upskilling", "-hires_med",
     "-retire_not_employed_med", "-mig_out_not_employed_med", "-training_enrol_med"},
    {"not_employed_high", "+graduates_stay", "+mig_in_high", "+separations_high",
     "+training_pass_med", "-hires_high", "-retire_not_employed_high",
     "-mig_out_not_employed_high"},
    {"employed_low", "+hires_low", "-separations_low", "-retire_employed_low",
     "-mig_out_employed_low", "-in_firm_upgrading"},
    {"employed_med", "+hires_med", "+in_firm_upgrading", "+integration_placement", "-separations_med",
     "-retire_employed_med", "-mig_out_employed_med"},
    {"employed_high", "+hires_high", "-separations_high", "-retire_employed_high",
     "-mig_out_employed_high"},
    {"higher_ed_1", "+entry_higher_ed", "-higher_ed_12"},
    {"higher_ed_2", "+higher_ed_12", "-higher_ed_23"},
    {"higher_ed_3", "+higher_ed_23", "-graduates_stay", "-graduates_leave", "-higher_ed_dropout"},
    {"adult_training_low_1", "+training_enrol_low", "-training_low_12"},
    {"adult_training_low_2", "+training_low_12", "-training_low_23"},
    {"adult_training_low_3", "+training_low_23", "-training_fail_low", "-training_pass_low"},
    {"adult_training_med_1", "+training_enrol_med", "-training_med_12"},
    {"adult_training_med_2", "+training_med_12", "-training_med_23"},
    {"adult_training_med_3", "+training_med_23", "-training_fail_med", "-training_pass_med"},
    {"perceived_tertiary_prospects", "+prospects_perception"},
    {"perceived_employment", "+employment_perception"},
    {"upgraded_job_share", "+job_upgrading"},
    {"skill_upgraded_share", "+skill_job_creation"},
    {"training_plan_low", "+training_plan_change_low"},
    {"training_plan_med", "+training_plan_change_med"},
    {"migration_pressure_ahead", "+migration_pressure_ahead_change"},
    {"migration_pressure_level", "+migration_pressure_change"},
    {"export_demand", "+export_demand_growth"},
    {"lp_mfg", "+lp_mfg_growth"},
    {"lp_mfg_benchmark", "+benchmark_growth"},
    {"productivity_other", "+productivity_other_growth"},
    {"industry_cost_seen", "+industry_cost_change"},
    {"sweden_digital_share", "+sweden_digital_change"},
    {"sweden_productivity", "+sweden_productivity_growth"},
    {"sweden_knowledge", "+sweden_knowledge_change"},
    {"firms_funded", "+seed_fundings", "-funded_exits", "-funded_maturing"},
    {"firms_young", "+firm_starts", "-young_firm_exits", "-firms_maturing"},
    {"firms_established", "+firms_maturing", "-established_exits"},
    {"digital_adopters", "+digital_adoption", "-digital_obsolescence", "-digital_exits"},
    {"innovation_active", "+innovation_adoption", "-innovation_lapse", "-innovation_exits"},
    {"knowledge_stock", "+rd_spending", "-knowledge_depreciation"},
    {"energy_price_forward", "+energy_forward_change"},
    {"energy_price_level", "+energy_price_change"},
    {"carbon_price_forward", "+carbon_forward_change"},
    {"carbon_price_level", "+carbon_price_change"},
    {"energy_background", "-background_gain"},
    {"efficiency_potential", "+efficiency_renewal_flow", "-efficiency_adoption"},
    {"efficiency_saved", "+efficiency_adoption"},
    {"abatement_pipe_1", "+decarb_starts", "-abatement_12"},
    {"abatement_pipe_2", "+abatement_12", "-abatement_23"},
    {"abatement_pipe_3", "+abatement_23", "-abatement_commissioned"},
    {"abatement_done", "+abatement_commissioned"},
    {"firms_audited", "+audits_done", "-audit_expiry"},
    {"support_capital", "+support_paid", "-support_write_off"},
    {"industry_fossil_intensity", "-fuel_switch_flow"},
    {"grid_capacity", "+grid_expansion"},
    {"industry_cost_seen", "+industry_cost_change"},
    {"emissions_transport", "-transport_emissions_cut"},
    {"transport_electrified", "+transport_electrified_flow"},
    {"emissions_heating", "-heating_emissions_cut"},
    {"emissions_machinery", "-machinery_emissions_cut"},
    {"emissions_agriculture", "-agriculture_emissions_cut"},
    {"emissions_rest", "-rest_emissions_cut"},
    {"broadband_rural", "+broadband_connections"},
    {"spend_cumulative", "+spend_total"},
    {"spend_cumulative_p1", "+spend_p1"},
    {"spend_cumulative_p2", "+spend_p2"},
    {"spend_cumulative_p3", "+spend_p3"},
    {"spend_cumulative_p4", "+spend_p4"},
    {"spend_cumulative_p5", "+spend_p5"},
    {"spend_cumulative_t1", "+spend_t1"},
    {"spend_cumulative_t2", "+spend_t2"},
    {"spend_cumulative_t3", "+spend_t3"},
    {"spend_cumulative_t4", "+spend_t4"},
};
enum { N_STOCK_ROWS = sizeof flows_of / sizeof flows_of[0] };

/* The people and firm stocks, whose totals the flows between them conserve. */
static const char *const people[] = {
    "pop_young", "pop_old", "not_employed_low", "not_employed_med", "not_employed_high",
    "employed_low", "employed_med", "employed_high", "higher_ed_1", "higher_ed_2", "higher_ed_3",
    "adult_training_low_1", "adult_training_low_2", "adult_training_low_3",
    "adult_training_med_1", "adult_training_med_2", "adult_training_med_3",
};

/* A model state to check: the scenario, the year, and the stocks. */
typedef struct state {
    const scenario *sc;
    double t;
    double y[STOCK_COUNT];
    double v[VAR_COUNT];
    double dydt[STOCK_COUNT];
} state;

/* Evaluates the model at (sc, t, y) as the engine does, with indicators. */
static void evaluate(state *s)
{
    for (int i = 0; i < VAR_COUNT; i++)
        s->v[i] = s->sc->value[i];
    for (int l = 0; l < LEVER_COUNT; l++) {
        int id = var_lever_ids[l];
        s->v[id] = scenario_lever_at(s->sc, id, s->t, s->t);
    }
    model_frame f = {.t = s->t, .t0 = SCENARIO_START_MIN, .y = s->y, .v = s->v,
                     .dydt = s->dydt, .report = 1, .sc = s->sc};
    model_eval(&f);
}

/* The 2020 state of sc, and the states at 2030 and 2045 of a run of sc. */
static size_t states_of(const scenario *sc, state *out)
{
    out[0].sc = sc;
    out[0].t = SCENARIO_START_MIN;
    for (int i = 0; i < VAR_COUNT; i++)
        out[0].v[i] = sc->value[i];
    model_init(SCENARIO_START_MIN, out[0].v, out[0].y);
    evaluate(&out[0]);
    run_result r;
    model_run(sc, &r);
    const double years[] = {2030.0, 2045.0};
    for (size_t k = 0; k < 2; k++) {
        state *s = &out[k + 1];
        s->sc = sc;
        s->t = years[k];
        size_t row = run_row_at(&r, years[k]);
        for (int st = 0; st < STOCK_COUNT; st++)
            s->y[st] = run_value(&r, row, var_stock_ids[st]);
        evaluate(s);
    }
    run_result_release(&r);
    return 3;
}

static void full_policy(scenario *sc)
{
    scenario_init(sc);
    for (int l = 0; l < LEVER_COUNT; l++) {
        int id = var_lever_ids[l];
        sc->value[id] = var_table[id].policy;
        sc->lever_start[id] = 2022;
        sc->lever_ramp[id] = 3;
    }
}

static void check_stocks_change_by_their_flows(const scenario *sc)
{
    state *s = calloc(3, sizeof *s);
    assert_non_null(s);
    size_t n = states_of(sc, s);
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < N_STOCK_ROWS; i++) {
            int stock = var_table[model_var(flows_of[i][0])].stock;
            assert_true(stock >= 0);
            double sum = 0.0, scale = 0.0;
            for (size_t j = 1; j < 16 && flows_of[i][j] != NULL; j++) {
                double x = s[k].v[model_var(flows_of[i][j] + 1)];
                sum += flows_of[i][j][0] == '+' ? x : -x;
                scale += fabs(x);
            }
            double d = s[k].dydt[stock];
            if (!(fabs(d - sum) <= 1e-12 * (scale + 1e-300)))
                fail_msg("in %g, d %s/dt = %.15g but its flows sum to %.15g", s[k].t,
                         flows_of[i][0], d, sum);
        }
    }
    free(s);
}

static void test_baseline_stocks_change_exactly_by_their_flows(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    check_stocks_change_by_their_flows(&sc);
}

static void test_policy_stocks_change_exactly_by_their_flows(void **st)
{
    (void)st;
    scenario sc;
    full_policy(&sc);
    check_stocks_change_by_their_flows(&sc);
}

static void test_every_stock_and_flow_is_in_the_accounts(void **st)
{
    (void)st;
    for (int s = 0; s < STOCK_COUNT; s++) {
        const char *name = var_table[var_stock_ids[s]].name;
        size_t i = 0;
        while (i < N_STOCK_ROWS && strcmp(flows_of[i][0], name) != 0)
            i++;
        if (i == N_STOCK_ROWS)
            fail_msg("stock '%s' has no accounts in this test", name);
    }
    for (int v = 0; v < VAR_COUNT; v++) {
        if (var_table[v].kind != VAR_FLOW)
            continue;
        int found = 0;
        for (size_t i = 0; i < N_STOCK_ROWS && !found; i++)
            for (size_t j = 1; j < 16 && flows_of[i][j] != NULL; j++)
                if (strcmp(flows_of[i][j] + 1, var_table[v].name) == 0)
                    found = 1;
        if (!found)
            fail_msg("flow '%s' moves no stock", var_table[v].name);
    }
}

/* Sum of the derivatives of the named stocks. */
static double total_change(const state *s, const char *const *names, size_t n)
{
    double d = 0.0;
    for (size_t i = 0; i < n; i++)
        d += s->dydt[var_table[model_var(names[i])].stock];
    return d;
}

static void test_population_changes_by_births_deaths_and_net_migration(void **st)
{
    (void)st;
    scenario sc;
    full_policy(&sc);
    state *s = calloc(3, sizeof *s);
    assert_non_null(s);
    size_t n = states_of(&sc, s);
    for (size_t k = 0; k < n; k++) {
        double d = total_change(&s[k], people, sizeof people / sizeof people[0]);
        double want = s[k].v[V_BIRTHS] - s[k].v[V_DEATHS] + s[k].v[V_NET_MIGRATION];
        double scale = s[k].v[V_BIRTHS] + s[k].v[V_DEATHS] + s[k].v[V_IN_MIGRATION];
        if (!(fabs(d - want) <= 1e-9 * scale))
            fail_msg("in %g population changes by %.12g, births - deaths + net migration = %.12g",
                     s[k].t, d, want);
        double pop = 0.0;
        for (size_t i = 0; i < sizeof people / sizeof people[0]; i++)
            pop += s[k].y[var_table[model_var(people[i])].stock];
        assert_close(s[k].v[V_POPULATION], pop, 1e-9 * pop);
    }
    free(s);
}

static void test_firms_change_by_starts_and_exits(void **st)
{
    (void)st;
    scenario sc;
    full_policy(&sc);
    state *s = calloc(3, sizeof *s);
    assert_non_null(s);
    size_t n = states_of(&sc, s);
    static const char *const firms[] = {"firms_young", "firms_established"};
    for (size_t k = 0; k < n; k++) {
        double d = total_change(&s[k], firms, 2);
        double want = s[k].v[V_FIRM_STARTS] - s[k].v[V_YOUNG_EXITS] - s[k].v[V_EST_EXITS];
        assert_close(d, want, 1e-9 * s[k].v[V_FIRM_STARTS]);
    }
    free(s);
}

static void test_the_2020_state_is_the_initial_state(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result r;
    model_run(&sc, &r);
    state *s = calloc(3, sizeof *s);
    assert_non_null(s);
    states_of(&sc, s);
    for (int i = 0; i < STOCK_COUNT; i++)
        assert_close(run_value(&r, 0, var_stock_ids[i]), s->y[i], 1e-12 * (1.0 + fabs(s->y[i])));
    free(s);
    run_result_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_baseline_stocks_change_exactly_by_their_flows),
        cmocka_unit_test(test_policy_stocks_change_exactly_by_their_flows),
        cmocka_unit_test(test_every_stock_and_flow_is_in_the_accounts),
        cmocka_unit_test(test_population_changes_by_births_deaths_and_net_migration),
        cmocka_unit_test(test_firms_change_by_starts_and_exits),
        cmocka_unit_test(test_the_2020_state_is_the_initial_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
