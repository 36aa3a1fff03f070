/* test_evidence.c: the evidence study (sim/studies/evidence.c): its cost per
 * job-year and per tonne equal what two runs give by hand, its Monte Carlo
 * bands contain the central run, and its figures are the same bytes on one
 * thread and on two. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sim/studies/evidence.h"
#include "tests/model_test_util.h"

static evidence_result res_a, res_b;

static void study(size_t samples, unsigned threads, evidence_result *out)
{
    scenario base;
    scenario_init(&base);
    evidence_study s = {.base = &base, .opts = run_opts_default(), .seed = 7,
                        .samples = samples, .p_lo = 0.05, .p_hi = 0.95};
    s.opts.from = 2020;
    s.opts.to = 2050;
    s.opts.step = 0.25;
    pool_exec ex;
    pool_exec_init(&ex, threads);
    sim_error err;
    if (evidence_study_run(&s, &ex, out, &err) != 0)
        fail_msg("the study failed: %s", err.msg);
}

static const evidence_row *row_of(const evidence_result *r, int lever)
{
    for (size_t i = 0; i < r->rows; i++)
        if (r->row[i].lever == lever)
            return &r->row[i];
    fail_msg("no row for '%s'", var_table[lever].name);
    return NULL;
}

/* The trapezoid integral of var over the quarter-year reports of r, by hand. */
static double by_hand(const run_result *r, int var)
{
    double sum = 0.0;
    for (size_t i = 0; i + 1 < r->rows; i++)
        sum += 0.125 * (run_value(r, i, var) + run_value(r, i + 1, var));
    return sum;
}

static void test_cost_per_unit_is_cost_over_effect_from_two_runs(void **st)
{
    (void)st;
    study(0, 1, &res_a);
    const int levers[] = {V_ADULT_TRAINING, V_ENERGY_AUDITS};
    for (size_t k = 0; k < 2; k++) {
        int lever = levers[k];
        scenario base, sc;
        scenario_init(&base);
        evidence_scenario(&base, lever, var_table[lever].policy, 2020, &sc);
        run_opts o = run_opts_default();
        o.step = 0.25;
        run_result a, b;
        run_result_init(&a);
        run_result_init(&b);
        assert_int_equal(run_scenario(&base, &o, &a, NULL), SIM_OK);
        assert_int_equal(run_scenario(&sc, &o, &b, NULL), SIM_OK);
        assert_int_equal(b.rows, 121);
        double cost = run_value(&b, b.rows - 1, V_SPEND_CUM);
        double jobs = by_hand(&b, V_EMPLOYMENT) - by_hand(&a, V_EMPLOYMENT);
        double tonnes = 1000.0 * (by_hand(&a, V_EMISSIONS_TOTAL) - by_hand(&b, V_EMISSIONS_TOTAL));
        const var_desc *d = &var_table[lever];
        /* Spending follows take-up: the cost is the integral of what was
         * spent, at most the full allocation. */
        assert_close(cost, by_hand(&b, V_SPEND_TOTAL), 1e-3 * cost);
        assert_true(cost <= d->cost * (d->policy - d->value) * 30.0 * (1.0 + 1e-9));
        const evidence_row *row = row_of(&res_a, lever);
        assert_close(row->cost, cost, 1e-9 * cost);
        assert_close(row->job_years, jobs, 1e-6 * fabs(jobs));
        assert_true(jobs > 0.0);
        assert_close(row->per_job, cost * 1e6 / jobs, 1e-6 * row->per_job);
        if (tonnes > 0.0)
            assert_close(row->per_t, cost * 1e6 / tonnes, 1e-6 * row->per_t);
        else
            assert_true(isnan(row->per_t));
        run_result_release(&a);
        run_result_release(&b);
    }
    assert_true(row_of(&res_a, V_ENERGY_AUDITS)->avoided > 0.0);
}

static void test_bands_contain_the_central_run(void **st)
{
    (void)st;
    study(30, 2, &res_a);
    const evidence_row *r = row_of(&res_a, V_ENERGY_AUDITS);
    assert_true(r->per_t_lo <= r->per_t && r->per_t <= r->per_t_hi);
    assert_true(r->per_job_lo <= r->per_job && r->per_job <= r->per_job_hi);
    r = row_of(&res_a, V_ADULT_TRAINING);
    assert_true(r->per_job_lo <= r->per_job && r->per_job <= r->per_job_hi);
    assert_true(r->per_job_lo < r->per_job_hi);
}

static void test_same_figures_on_one_thread_and_two(void **st)
{
    (void)st;
    study(12, 1, &res_a);
    study(12, 2, &res_b);
    assert_memory_equal(&res_a, &res_b, sizeof res_a);
}

static void test_verdict_follows_the_evidence_range(void **st)
{
    (void)st;
    study(0, 2, &res_a);
    for (size_t i = 0; i < res_a.rows; i++) {
        const evidence_row *r = &res_a.row[i];
        const var_desc *d = &var_table[r->lever];
        if (!var_has_job_evidence(d)) {
            assert_int_equal(r->job_verdict, EVIDENCE_NA);
            continue;
        }
        evidence_verdict want = !(r->job_years > 0.0)     ? EVIDENCE_ABOVE
                                : r->per_job < d->ev_job_lo ? EVIDENCE_BELOW
                                : r->per_job > d->ev_job_hi ? EVIDENCE_ABOVE
                                                            : EVIDENCE_WITHIN;
        assert_int_equal(r->job_verdict, want);
        if (want != EVIDENCE_WITHIN && r->why[0] == '\0')
            fail_msg("'%s' falls outside the evidence without a reason", d->name);
    }
    assert_string_equal(evidence_verdict_name(EVIDENCE_BELOW), "below");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cost_per_unit_is_cost_over_effect_from_two_runs),
        cmocka_unit_test(test_bands_contain_the_central_run),
        cmocka_unit_test(test_same_figures_on_one_thread_and_two),
        cmocka_unit_test(test_verdict_follows_the_evidence_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
