/* model_test_util.h: helpers shared by the model's tests (test_model_*.c):
 * a tolerance assert, running a scenario to a result, and reading a named
 * variable at a year. Header-only so that each test stays one executable. */
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

#endif
