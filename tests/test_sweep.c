/* test_sweep.c: the designs of `transim sweep`: factorial grids, Latin
 * hypercubes and the parsing of --vary axes with their errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/studies/sample.h"

static void test_grid_enumerates_every_level_with_the_last_axis_fastest(void **state)
{
    (void)state;
    const size_t steps[3] = {3, 1, 2};
    assert_int_equal(sample_grid_size(steps, 3, 1000), 6);
    double u[3];
    sample_grid_point(steps, 3, 0, u);
    assert_true(u[0] == 0.0 && u[1] == 0.0 && u[2] == 0.0);
    sample_grid_point(steps, 3, 1, u);
    assert_true(u[0] == 0.0 && u[2] == 1.0);
    sample_grid_point(steps, 3, 2, u);
    assert_true(u[0] == 0.5 && u[2] == 0.0);
    sample_grid_point(steps, 3, 5, u);
    assert_true(u[0] == 1.0 && u[1] == 0.0 && u[2] == 1.0);
}

static void test_grid_larger_than_the_limit_has_size_zero(void **state)
{
    (void)state;
    const size_t steps[2] = {1000, 1001};
    assert_int_equal(sample_grid_size(steps, 2, 1000000), 0);
    const size_t huge[3] = {(size_t)1 << 40, (size_t)1 << 40, 2};
    assert_int_equal(sample_grid_size(huge, 3, (size_t)-1), 0);
}

static void test_latin_hypercube_puts_one_point_in_each_stratum(void **state)
{
    (void)state;
    enum { N = 50, D = 4 };
    double u[N * D];
    sample_lhs(N, D, 77, u);
    for (size_t d = 0; d < D; d++) {
        int seen[N] = {0};
        for (size_t i = 0; i < N; i++) {
            double x = u[i * D + d];
            assert_true(x >= 0.0 && x < 1.0);
            seen[(size_t)floor(x * N)]++;
        }
        for (size_t k = 0; k < N; k++)
            assert_int_equal(seen[k], 1);
    }
    double v[N * D];
    sample_lhs(N, D, 77, v);
    assert_memory_equal(u, v, sizeof u);
    sample_lhs(N, D, 78, v);
    assert_memory_not_equal(u, v, sizeof u);
}

static void test_vary_axis_parses_a_lever_range(void **state)
{
    (void)state;
    sample_axis a;
    const var_desc *d = &var_table[var_lever_ids[0]];
    char text[256];
    snprintf(text, sizeof text, "%s=%g:%g:5", d->name, d->min, d->max);
    assert_int_equal(sample_axis_parse(text, 1, &a, NULL), SIM_OK);
    assert_int_equal(a.var, var_lever_ids[0]);
    assert_int_equal(a.steps, 5);
    assert_true(sample_axis_value(&a, 0.0) == d->min);
    assert_true(sample_axis_value(&a, 1.0) == d->max);
    snprintf(text, sizeof text, "%s=%g:%g", d->name, d->min, d->max);
    assert_int_equal(sample_axis_parse(text, 0, &a, NULL), SIM_OK);
    assert_int_equal(a.steps, 1);
}

static void test_vary_axis_takes_a_lever_start_or_ramp(void **state)
{
    (void)state;
    const var_desc *d = &var_table[var_lever_ids[0]];
    char text[256], name[160];
    sample_axis a;
    snprintf(text, sizeof text, "%s.start=2022:2030:5", d->name);
    assert_int_equal(sample_axis_parse(text, 1, &a, NULL), SIM_OK);
    assert_int_equal(a.field, SAMPLE_START);
    assert_int_equal(a.var, var_lever_ids[0]);
    snprintf(text, sizeof text, "%s.start", d->name);
    assert_string_equal(sample_axis_name(&a, name, sizeof name), text);

    scenario sc;
    memset(&sc, 0, sizeof sc);
    sample_axis_apply(&a, 2026.0, &sc);
    assert_true(sc.lever_start[a.var] == 2026.0);
    assert_true(sc.value[a.var] == 0.0);
    assert_true(sc.set[a.var]);

    snprintf(text, sizeof text, "%s.ramp=0:4:3", d->name);
    assert_int_equal(sample_axis_parse(text, 1, &a, NULL), SIM_OK);
    assert_int_equal(a.field, SAMPLE_RAMP);
    sample_axis_apply(&a, 2.0, &sc);
    assert_true(sc.lever_ramp[a.var] == 2.0);
}

static void expect_axis_error(const char *text, int need_steps, const char *fragment)
{
    sample_axis a = {.var = -7};
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(sample_axis_parse(text, need_steps, &a, &err), SIM_EINVAL);
    if (strstr(err.msg, fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", err.msg, fragment);
    assert_int_equal(a.var, -7); /* untouched */
}

static void test_vary_axis_errors_name_the_problem(void **state)
{
    (void)state;
    const var_desc *d = &var_table[var_lever_ids[0]];
    char text[256];
    expect_axis_error("no_such_thing=0:1:3", 1, "'no_such_thing' is not a lever");
    snprintf(text, sizeof text, "%.*sx=0:1:3", (int)strlen(d->name) - 1, d->name);
    expect_axis_error(text, 1, "did you mean");
    snprintf(text, sizeof text, "%s=%g:%g:3", d->name, d->max, d->min);
    expect_axis_error(text, 1, "is above HI");
    snprintf(text, sizeof text, "%s=%g:%g:0", d->name, d->min, d->max);
    expect_axis_error(text, 1, "whole number");
    snprintf(text, sizeof text, "%s=%g:%g:2.5", d->name, d->min, d->max);
    expect_axis_error(text, 1, "whole number");
    snprintf(text, sizeof text, "%s=%g:%g", d->name, d->min, d->max);
    expect_axis_error(text, 1, "no STEPS");
    snprintf(text, sizeof text, "%s=%g:%g:3", d->name, d->min, d->max + 1e6);
    expect_axis_error(text, 1, "outside its allowed range");
    snprintf(text, sizeof text, "%s=a:b:3", d->name);
    expect_axis_error(text, 1, "is not NAME=LO:HI:STEPS");
    expect_axis_error("=1:2:3", 1, "is not NAME=LO:HI:STEPS");
    expect_axis_error("spend_total=1:2:3", 1, "is not a lever, assumption or parameter");
    snprintf(text, sizeof text, "%s.ramp=-1:2:3", d->name);
    expect_axis_error(text, 1, "negative ramp");
    snprintf(text, sizeof text, "%s.start=2005:2030:3", d->name);
    expect_axis_error(text, 1, "outside the model's years");
    expect_axis_error("spend_total.start=2020:2030:3", 1, "'spend_total' is not a lever");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grid_enumerates_every_level_with_the_last_axis_fastest),
        cmocka_unit_test(test_grid_larger_than_the_limit_has_size_zero),
        cmocka_unit_test(test_latin_hypercube_puts_one_point_in_each_stratum),
        cmocka_unit_test(test_vary_axis_parses_a_lever_range),
        cmocka_unit_test(test_vary_axis_takes_a_lever_start_or_ramp),
        cmocka_unit_test(test_vary_axis_errors_name_the_problem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
