/* test_constraint.c: the joint constraints on the model's inputs
 * (sim/model/constraint.c). Runs the model at corners of the input ranges
 * and requires each run either to succeed or to be refused by validation
 * with a message: none may fail in the run. A single input at an end of its
 * range, and a Monte Carlo draw, are never refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "sim/engine/run.h"
#include "sim/model/constraint.h"
#include "sim/studies/sample.h"

static int is_input(int v)
{
    var_kind k = var_table[v].kind;
    return k == VAR_LEVER || k == VAR_ASSUMPTION || k == VAR_PARAM;
}

/* Runs sc: returns 1 when it ran, 0 when validation refused it with a
 * message; fails the test when the run itself failed. */
static int run_or_refuse(runner *rn, const scenario *sc, const char *what)
{
    run_result r;
    run_result_init(&r);
    sim_error err;
    sim_status st = runner_run(rn, sc, NULL, &r, &err);
    if (st == SIM_EINVAL)
        assert_true(err.msg[0] != '\0');
    else if (st != SIM_OK)
        print_error("%s: failed in the run: %s\n", what, err.msg);
    assert_true(st == SIM_OK || st == SIM_EINVAL);
    if (st == SIM_OK) {
        /* No stock is negative in a report. */
        for (size_t row = 0; row < r.rows; row++)
            for (int s = 0; s < STOCK_COUNT; s++)
                assert_true(run_value(&r, row, var_stock_ids[s]) >= 0.0);
    }
    run_result_release(&r);
    return st == SIM_OK;
}

static void test_the_table_defaults_hold_every_constraint(void **state)
{
    (void)state;
    scenario sc;
    scenario_init(&sc);
    assert_int_equal(constraint_first_broken(sc.value), -1);
    sim_error err;
    assert_int_equal(scenario_validate(&sc, &err), SIM_OK);
}

/* Each input alone at either end of its range (the others at their table
 * values) runs: a range is what the evidence allows, and no end of it may
 * be a value that the joint constraints refuse. */
static void test_each_input_at_either_end_runs(void **state)
{
    (void)state;
    runner *rn = runner_create();
    assert_non_null(rn);
    scenario sc;
    for (int v = 0; v < VAR_COUNT; v++) {
        if (!is_input(v))
            continue;
        for (int end = 0; end < 2; end++) {
            scenario_init(&sc);
            sc.value[v] = end ? var_table[v].max : var_table[v].min;
            if (!run_or_refuse(rn, &sc, var_table[v].name))
                fail_msg("'%s' = %g, an end of its range, is refused", var_table[v].name,
                         sc.value[v]);
        }
    }
    runner_destroy(rn);
}

/* Monte Carlo never draws a combination the constraints refuse: 2,000
 * draws of the uncertain inputs each pass constraint_check. */
static void test_monte_carlo_draws_are_never_refused(void **state)
{
    (void)state;
    int vars[VAR_COUNT];
    size_t n = sample_uncertain_vars(vars, VAR_COUNT);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    assert_non_null(rng);
    scenario sc;
    sim_error why;
    int named[CONSTRAINT_NAMED_MAX], nnamed = 0;
    for (uint64_t k = 0; k < 2000; k++) {
        scenario_init(&sc);
        sample_mc_draw(&sc, vars, n, rng, 1, k, NULL);
        if (!constraint_check(sc.value, &why, named, &nnamed))
            fail_msg("draw %u is refused: %s", (unsigned)k, why.msg);
    }
    gsl_rng_free(rng);
}

/* Every corner of the inputs each constraint names (the others at their
 * table values), and each such corner with all the other inputs of the
 * constraints at one end. */
static void test_corners_of_each_constraint_run_or_are_refused(void **state)
{
    (void)state;
    runner *rn = runner_create();
    assert_non_null(rn);
    scenario sc;
    int ran = 0, refused = 0;
    for (size_t c = 0; c < constraint_count; c++) {
        const constraint *k = &constraint_table[c];
        int n = 0;
        while (n < CONSTRAINT_INPUTS_MAX && k->input[n] >= 0)
            n++;
        for (unsigned corner = 0; corner < (1u << n); corner++) {
            scenario_init(&sc);
            for (int i = 0; i < n; i++) {
                const var_desc *d = &var_table[k->input[i]];
                sc.value[k->input[i]] = (corner >> i) & 1 ? d->max : d->min;
            }
            char what[64];
            snprintf(what, sizeof what, "constraint %zu corner %u", c, corner);
            if (run_or_refuse(rn, &sc, what))
                ran++;
            else
                refused++;
        }
    }
    assert_true(ran > 0 && refused > 0);
    runner_destroy(rn);
}

static void test_shares_that_sum_past_one_are_refused_with_the_line(void **state)
{
    (void)state;
    scenario sc;
    sim_error err;
    assert_int_equal(scenario_parse(&sc, "[assumptions]\nhe_entry_share_start = 0.8\n"
                                         "low_entry_share = 0.4\n",
                                    "mine.ini", &err),
                     SIM_EPARSE);
    assert_string_equal(err.path, "mine.ini");
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "'he_entry_share_start' 0.8 + 'low_entry_share' 0.4"));
    assert_int_equal(scenario_parse(&sc, "[assumptions]\nskill_high_mfg = 0\n"
                                         "skill_high_construction = 0\nskill_high_services = 0\n"
                                         "skill_high_public = 0\nskill_high_primary = 0\n",
                                    "mine.ini", &err),
                     SIM_EPARSE);
    assert_int_equal(err.line, 6);
    assert_non_null(strstr(err.msg, "skill_high_primary"));
    /* Set by calls, the run refuses it before integrating. */
    scenario_init(&sc);
    assert_int_equal(scenario_set(&sc, "he_entry_share_start=0.8", &err), SIM_OK);
    assert_int_equal(scenario_set(&sc, "low_entry_share=0.4", &err), SIM_OK);
    run_result r;
    run_result_init(&r);
    assert_int_equal(run_scenario(&sc, NULL, &r, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "low_entry_share"));
    run_result_release(&r);
}

static void test_a_calibrated_state_below_zero_is_refused_with_the_line(void **state)
{
    (void)state;
    scenario sc;
    sim_error err;
    /* Each inside its range, together they leave GRP too small for the
     * jobs outside private services: services' productivity comes out
     * negative. */
    static const char text[] = "[scenario]\nname = x\n[assumptions]\n"
                               "mfg_jobs_start = 80000\nconstruction_jobs_start = 50000\n"
                               "lp_public = 0.9\ngrp_start = 280000\nlp_construction = 1.5\n";
    assert_int_equal(scenario_parse(&sc, text, "mine.ini", &err), SIM_EPARSE);
    assert_int_equal(err.line, 8);
    assert_non_null(strstr(err.msg, "'ref_lp_services'"));
    assert_non_null(strstr(err.msg, "lp_construction"));
    scenario_init(&sc);
    sc.value[V_MFG_JOBS_START] = 80000;
    sc.value[V_CONSTRUCTION_JOBS_START] = 50000;
    sc.value[V_LP_PUBLIC] = 0.9;
    sc.value[V_GRP_START] = 280000;
    sc.value[V_LP_CONSTRUCTION] = 1.5;
    assert_int_equal(scenario_validate(&sc, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "'ref_lp_services'"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_table_defaults_hold_every_constraint),
        cmocka_unit_test(test_each_input_at_either_end_runs),
        cmocka_unit_test(test_monte_carlo_draws_are_never_refused),
        cmocka_unit_test(test_corners_of_each_constraint_run_or_are_refused),
        cmocka_unit_test(test_shares_that_sum_past_one_are_refused_with_the_line),
        cmocka_unit_test(test_a_calibrated_state_below_zero_is_refused_with_the_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
