/* test_budget.c: spending follows take-up (sim/model/budget.c): a lever is
 * charged on the units taken up only, what is not taken up is reported
 * apart, cumulative spending is the integral of spending under every
 * method, and the lever table names a take-up row for every lever, with
 * distributions on the estimated additionality rows and ordered evidence
 * ranges. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "tests/model_test_util.h"

/* Evaluates the budget alone on the values of sc's baseline with lever at
 * value and its take-up at uptake; returns the derivatives in dydt. */
static void budget_at(int lever, double value, double uptake, double *v, double *dydt)
{
    scenario sc;
    scenario_init(&sc);
    memcpy(v, sc.value, VAR_COUNT * sizeof *v);
    v[lever] = value;
    v[var_table[lever].uptake] = uptake;
    int levers[1] = {lever};
    static double y[STOCK_COUNT];
    model_frame f = {.t = 2030, .t0 = 2020, .y = y, .v = v, .dydt = dydt, .report = 1,
                     .levers = levers, .nlevers = 1};
    budget_eval(&f);
}

static void test_spending_is_charged_on_the_units_taken_up(void **st)
{
    (void)st;
    static double v[VAR_COUNT], dydt[STOCK_COUNT];
    const var_desc *d = &var_table[V_ADULT_TRAINING];
    budget_at(V_ADULT_TRAINING, d->value + 1000.0, 0.4, v, dydt);
    double allocated = d->cost * 1000.0;
    assert_close(v[V_SPEND_TOTAL], 0.4 * allocated, 1e-12);
    assert_close(v[V_SPEND_UNUSED], 0.6 * allocated, 1e-12);
    assert_close(dydt[S_SPEND_CUM], 0.4 * allocated, 1e-12);
    assert_close(v[V_SPEND_P1], 0.4 * allocated, 1e-12);
    assert_close(v[V_SPEND_T4], 0.4 * allocated, 1e-12);
    assert_close(dydt[S_SPEND_CUM_P1], 0.4 * allocated, 1e-12);
    assert_close(dydt[S_SPEND_CUM_P2], 0.0, 0.0);
}

static void test_nothing_taken_up_costs_nothing(void **st)
{
    (void)st;
    static double v[VAR_COUNT], dydt[STOCK_COUNT];
    const var_desc *d = &var_table[V_ENERGY_AUDITS];
    budget_at(V_ENERGY_AUDITS, d->policy, 0.0, v, dydt);
    assert_close(v[V_SPEND_TOTAL], 0.0, 0.0);
    assert_close(dydt[S_SPEND_CUM], 0.0, 0.0);
    assert_close(v[V_SPEND_UNUSED], d->cost * (d->policy - d->value), 1e-12);
}

static void test_take_up_outside_zero_to_one_is_clamped(void **st)
{
    (void)st;
    static double v[VAR_COUNT];
    v[V_SEED_CAPITAL_UPTAKE] = 1.5;
    assert_close(budget_uptake(v, V_SEED_CAPITAL), 1.0, 0.0);
    v[V_SEED_CAPITAL_UPTAKE] = -0.5;
    assert_close(budget_uptake(v, V_SEED_CAPITAL), 0.0, 0.0);
}

static void test_cap_is_checked_against_spending(void **st)
{
    (void)st;
    static double v[VAR_COUNT], dydt[STOCK_COUNT];
    scenario sc;
    scenario_init(&sc);
    const var_desc *d = &var_table[V_URBAN_RURAL]; /* take-up 1 */
    sc.value[V_URBAN_RURAL] = d->policy;
    sc.value[V_BUDGET_CAP] = 0.5 * d->cost * d->policy;
    run_result r;
    model_run(&sc, &r);
    double first = 0, last = 0, worst = 0;
    size_t n = budget_rows_over(&r, &first, &last, &worst);
    assert_int_equal(n, r.rows);
    assert_close(worst, 0.5 * d->cost * d->policy, 1e-9);
    run_result_release(&r);
    budget_at(V_URBAN_RURAL, d->policy, 0.25, v, dydt);
    v[V_BUDGET_CAP] = 0.5 * d->cost * d->policy;
    model_frame f = {.t = 2030, .t0 = 2020, .y = NULL, .v = v, .dydt = dydt, .report = 1,
                     .levers = (const int[]){V_URBAN_RURAL}, .nlevers = 1};
    budget_eval(&f);
    assert_close(v[V_BUDGET_OVER], 0.0, 0.0); /* a quarter taken up is within half */
}

/* A lever ramping from 2022 to 2026: spending is linear, then constant. */
static void ramp_scenario(scenario *sc, int lever)
{
    scenario_init(sc);
    sc->value[lever] = var_table[lever].max;
    sc->lever_start[lever] = 2022.0;
    sc->lever_ramp[lever] = 4.0;
}

static void test_cumulative_spending_is_the_integral_of_spending(void **st)
{
    (void)st;
    int lever = V_URBAN_RURAL; /* every funded unit used: take-up 1 */
    double delta = var_table[lever].max - var_table[lever].value, cost = var_table[lever].cost;
    double exact = cost * delta * (2.0 + 4.0); /* half over the ramp, then full */
    scenario sc;
    ramp_scenario(&sc, lever);
    for (int m = ODE_ADAPTIVE; m <= ODE_EULER; m++) {
        run_opts o = run_opts_default();
        o.method = (ode_method)m;
        run_result r;
        run_result_init(&r);
        assert_int_equal(run_scenario(&sc, &o, &r, NULL), SIM_OK);
        /* Linear spending: exact for the Runge-Kutta methods; Euler's left
         * sums miss half a step of the ramp's rise in each step. */
        double tol = m == ODE_EULER ? 0.5 * o.dt * cost * delta : 1e-8 * exact;
        assert_close(run_value(&r, 10, V_SPEND_CUM), exact, tol);
        double parts = run_value(&r, 10, V_SPEND_CUM_P5);
        assert_close(parts, run_value(&r, 10, V_SPEND_CUM), 1e-9 * exact);
        run_result_release(&r);
    }
}

static void test_every_lever_names_its_uptake_row(void **st)
{
    (void)st;
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        if (d->uptake <= 0)
            fail_msg("lever '%s' names no take-up row", d->name);
        const var_desc *u = &var_table[d->uptake];
        char want[160];
        snprintf(want, sizeof want, "%s_uptake", d->name);
        if (strcmp(u->name, want) != 0 || u->kind != VAR_AUX)
            fail_msg("lever '%s' names '%s' as its take-up, not the auxiliary '%s'", d->name,
                     u->name, want);
    }
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

static void test_every_estimated_additionality_row_has_a_distribution(void **st)
{
    (void)st;
    for (int l = 0; l < LEVER_COUNT; l++)
        for (int k = 0; k < 2; k++) {
            char name[128];
            snprintf(name, sizeof name, "%s_%s", var_table[var_lever_ids[l]].name,
                     k == 0 ? "deadweight" : "displacement");
            if (var_find(name) < 0)
                fail_msg("lever '%s' has no row '%s'", var_table[var_lever_ids[l]].name, name);
        }
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (!ends_with(d->name, "_deadweight") && !ends_with(d->name, "_displacement"))
            continue;
        if (!var_is_estimate(d))
            continue;
        if (d->dist == DIST_NONE || !(d->unc_lo < d->unc_hi) || d->unc_lo < d->min ||
            d->unc_hi > d->max)
            fail_msg("'%s' is an estimate without a distribution inside its range", d->name);
    }
}

static void test_evidence_ranges_are_ordered_and_cited(void **st)
{
    (void)st;
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        if (d->ev_job_lo < 0.0 || d->ev_job_lo > d->ev_job_hi || d->ev_t_lo < 0.0 ||
            d->ev_t_lo > d->ev_t_hi)
            fail_msg("lever '%s' has an evidence range out of order", d->name);
        if ((var_has_job_evidence(d) || var_has_t_evidence(d)) &&
            (d->ev_source == NULL || strstr(d->ev_source, "[E") == NULL))
            fail_msg("lever '%s' gives an evidence range without citing it", d->name);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spending_is_charged_on_the_units_taken_up),
        cmocka_unit_test(test_nothing_taken_up_costs_nothing),
        cmocka_unit_test(test_take_up_outside_zero_to_one_is_clamped),
        cmocka_unit_test(test_cap_is_checked_against_spending),
        cmocka_unit_test(test_cumulative_spending_is_the_integral_of_spending),
        cmocka_unit_test(test_every_lever_names_its_uptake_row),
        cmocka_unit_test(test_every_estimated_additionality_row_has_a_distribution),
        cmocka_unit_test(test_evidence_ranges_are_ordered_and_cited),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
