/* model_test_util.h: helpers shared by the model's tests (test_model_*.c):
 * a tolerance assert, running a scenario to a result, reading a named
 * variable at a year, and the start-up jump criterion. Header-only so that
 * each test stays one executable. */
#ifndef TESTS_MODEL_TEST_UTIL_H
#define TESTS_MODEL_TEST_UTIL_H

#include <math.h>
#include <stdio.h>

#include "sim/model/model.h"
#include "sim/engine/run.h"

#define assert_close(a, b, tol)                                                              \
    do {                                                                                     \
        double a_ = (a), b_ = (b);                                                           \
        if (!(fabs(a_ - b_) <= (tol)))                                                       \
            fail_msg("%s = %.12g, expected %.12g (tolerance %g)", #a, a_, b_, (double)(tol)); \
    } while (0)

/* The V_ index of name; fails the test when there is none. */
static inline int model_var(const char *name)
{
    int id = var_find(name);
    if (id < 0)
        fail_msg("no variable '%s'", name);
    return id;
}

/* Runs sc with yearly reports into r (released by the caller); fails the
 * test with the engine's message when the run fails. */
static inline void model_run(const scenario *sc, run_result *r)
{
    run_result_init(r);
    sim_error err;
    sim_status st = run_scenario(sc, NULL, r, &err);
    if (st != SIM_OK) {
        char buf[1200];
        fail_msg("run failed: %s", sim_error_format(&err, buf, sizeof buf));
    }
}

/* Value of the named variable at year in r. */
static inline double model_at(const run_result *r, const char *name, double year)
{
    size_t row = run_row_at(r, year);
    if (row == (size_t)-1)
        fail_msg("year %g is not in the result", year);
    return run_value(r, row, model_var(name));
}

/* Whether the yearly changes d1 (2020-21), d2 and d3 of an indicator show a
 * start-up jump: d1 much larger than the d2 * d2 / d3 that the smooth trend
 * of the following years implies. A steady exponential approach or decline
 * has d1 / d2 = d2 / d3 and is no jump; a step in the first year is. The
 * factor 1.25 leaves room for a trend that turns gently (a sum of two
 * exponentials); written as a product so that d3 = 0 needs no division. */
static inline int model_starts_with_a_jump(double d1, double d2, double d3)
{
    return !(fabs(d1) * fabs(d3) <= 1.25 * d2 * d2);
}

/* Fails the test unless name moves without a start-up jump in r, and unless
 * the criterion would flag a 10 % step of name in 2020-21. */
static inline void model_check_no_jump(const run_result *r, const char *name)
{
    double x0 = model_at(r, name, 2020), x1 = model_at(r, name, 2021);
    double x2 = model_at(r, name, 2022), x3 = model_at(r, name, 2023);
    double d1 = x1 - x0, d2 = x2 - x1, d3 = x3 - x2;
    if (model_starts_with_a_jump(d1, d2, d3))
        fail_msg("'%s' moves %.6g in 2020-21, %.6g in 2021-22 and %.6g in 2022-23", name, d1, d2,
                 d3);
    if (x0 != 0.0 && !model_starts_with_a_jump(d1 + copysign(0.1 * x0, d1), d2, d3))
        fail_msg("a 10 %% step of '%s' in 2020-21 would pass as no jump", name);
}

#endif
