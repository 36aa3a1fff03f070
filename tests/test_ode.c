/* test_ode.c: the integrator against closed forms, for each method, at the
 * accuracy each method promises. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim/engine/ode.h"

#define assert_close(a, b, tol)                                                              \
    do {                                                                                     \
        double a_ = (a), b_ = (b);                                                           \
        if (!(fabs(a_ - b_) <= (tol)))                                                       \
            fail_msg("%s = %.12g, expected %.12g (tolerance %g)", #a, a_, b_, (double)(tol)); \
    } while (0)

typedef struct rates {
    double k;       /* decay rate or growth rate, 1/yr */
    double cap;     /* logistic capacity */
    int calls;
} rates;

static int decay(double t, const double y[], double dydt[], void *p)
{
    (void)t;
    rates *r = p;
    r->calls++;
    dydt[0] = -r->k * y[0];
    return 0;
}

static int logistic(double t, const double y[], double dydt[], void *p)
{
    (void)t;
    rates *r = p;
    dydt[0] = r->k * y[0] * (1.0 - y[0] / r->cap);
    return 0;
}

static int failing(double t, const double y[], double dydt[], void *p)
{
    (void)y;
    (void)p;
    dydt[0] = t > 2.5 ? NAN : 1.0;
    return t > 2.5;
}

/* y(t) = y0 exp(-k t) over 30 years, reported every year. */
static double decay_error(ode_method m, double h)
{
    rates r = {.k = 0.3};
    ode_solver *s = ode_create(1, m, 1e-6, NULL, h);
    assert_non_null(s);
    double y = 1000.0, t = 0.0, worst = 0.0;
    for (int year = 1; year <= 30; year++) {
        assert_int_equal(ode_advance(s, decay, &r, &t, (double)year, &y), SIM_OK);
        assert_close(t, (double)year, 0.0);
        double exact = 1000.0 * exp(-0.3 * year);
        double rel = fabs(y - exact) / exact;
        if (rel > worst)
            worst = rel;
    }
    ode_destroy(s);
    return worst;
}

static void test_adaptive_decay_meets_relative_tolerance(void **state)
{
    (void)state;
    /* Cash-Karp controls the local error; the global error over 30 steps of
     * report stays within a small multiple of the 1e-6 tolerance. */
    assert_true(decay_error(ODE_ADAPTIVE, 1.0 / 16) < 2e-5);
}

/* A decay whose wanted step is a little under a year (k = 0.275 at rtol
 * 1e-6): each year between reports is one step, stretched onto the report
 * time, not the wanted step and a sliver (which took 295 evaluations). */
static void test_adaptive_step_is_stretched_onto_report_times(void **state)
{
    (void)state;
    rates r = {.k = 0.275};
    ode_solver *s = ode_create(1, ODE_ADAPTIVE, 1e-6, NULL, 1.0 / 16);
    assert_non_null(s);
    double y = 1000.0, t = 0.0;
    for (int year = 1; year <= 30; year++) {
        assert_int_equal(ode_advance(s, decay, &r, &t, (double)year, &y), SIM_OK);
        assert_close(t, (double)year, 0.0);
    }
    /* Six evaluations a step: 30 yearly steps and three more in the first
     * year, which starts at 1/16 of a year. */
    if (ode_evaluations(s) > 6ul * 34ul)
        fail_msg("%lu evaluations for 30 years", ode_evaluations(s));
    assert_close(y, 1000.0 * exp(-0.275 * 30.0), 2e-6 * 1000.0 * exp(-0.275 * 30.0));
    ode_destroy(s);
}

static void test_rk4_decay_is_fourth_order(void **state)
{
    (void)state;
    double e1 = decay_error(ODE_RK4, 1.0 / 8), e2 = decay_error(ODE_RK4, 1.0 / 16);
    assert_true(e2 < 1e-6);
    /* Halving the step divides the error by about 2^4. */
    assert_true(e1 / e2 > 12.0 && e1 / e2 < 20.0);
}

static void test_rk4_takes_its_steps_whatever_the_tolerance(void **state)
{
    (void)state;
    /* A fixed-step method has no error control: a tolerance far below its
     * error neither stops it nor changes its result. */
    rates r = {.k = 0.3};
    ode_solver *tight = ode_create(1, ODE_RK4, 1e-12, NULL, 1.0 / 16);
    ode_solver *loose = ode_create(1, ODE_RK4, 1e-3, NULL, 1.0 / 16);
    double y1 = 1000.0, y2 = 1000.0, t1 = 0.0, t2 = 0.0;
    assert_int_equal(ode_advance(tight, decay, &r, &t1, 30.0, &y1), SIM_OK);
    assert_int_equal(ode_advance(loose, decay, &r, &t2, 30.0, &y2), SIM_OK);
    assert_close(y1, y2, 0.0);
    /* Four evaluations a step: 30 years of 1/16. */
    assert_int_equal(ode_evaluations(tight), 4ul * 480ul);
    ode_destroy(tight);
    ode_destroy(loose);
}

static void test_euler_decay_is_first_order(void **state)
{
    (void)state;
    double e1 = decay_error(ODE_EULER, 1.0 / 8), e2 = decay_error(ODE_EULER, 1.0 / 16);
    /* Global error about t k^2 h / 2 = 0.084 relative at 30 years. */
    assert_true(e2 < 0.1);
    assert_true(e1 / e2 > 1.8 && e1 / e2 < 2.2);
}

static void test_euler_matches_its_own_closed_form(void **state)
{
    (void)state;
    /* Euler with step h multiplies by (1 - k h) per step, exactly. */
    rates r = {.k = 0.3};
    ode_solver *s = ode_create(1, ODE_EULER, 1e-6, NULL, 0.25);
    double y = 1.0, t = 0.0;
    assert_int_equal(ode_advance(s, decay, &r, &t, 10.0, &y), SIM_OK);
    assert_close(y, pow(1.0 - 0.3 * 0.25, 40.0), 1e-14);
    ode_destroy(s);
}

static void test_logistic_growth_for_each_method(void **state)
{
    (void)state;
    const ode_method methods[] = {ODE_ADAPTIVE, ODE_RK4, ODE_EULER};
    const double tolerance[] = {1e-5, 1e-6, 5e-3};
    for (int i = 0; i < 3; i++) {
        rates r = {.k = 0.5, .cap = 100.0};
        ode_solver *s = ode_create(1, methods[i], 1e-6, NULL, 1.0 / 16);
        double y = 1.0, t = 0.0;
        assert_int_equal(ode_advance(s, logistic, &r, &t, 20.0, &y), SIM_OK);
        double exact = 100.0 / (1.0 + 99.0 * exp(-0.5 * 20.0));
        assert_true(fabs(y - exact) / exact < tolerance[i]);
        ode_destroy(s);
    }
}

static void test_rhs_failure_stops_with_solver_status(void **state)
{
    (void)state;
    for (int m = ODE_ADAPTIVE; m <= ODE_EULER; m++) {
        ode_solver *s = ode_create(1, (ode_method)m, 1e-6, NULL, 1.0 / 16);
        double y = 0.0, t = 0.0;
        assert_int_equal(ode_advance(s, failing, NULL, &t, 5.0, &y), SIM_ESOLVER);
        assert_true(t <= 2.5 + 1.0 / 16);
        ode_destroy(s);
    }
}

/* A right-hand side that reports success but gives a NaN after t = 2.5. */
static int silent_nan(double t, const double y[], double dydt[], void *p)
{
    (void)y;
    (void)p;
    dydt[0] = t > 2.5 ? NAN : 1.0;
    return 0;
}

static void test_non_finite_derivative_stops_each_method(void **state)
{
    (void)state;
    for (int m = ODE_ADAPTIVE; m <= ODE_EULER; m++) {
        ode_solver *s = ode_create(1, (ode_method)m, 1e-6, NULL, 1.0 / 16);
        double y = 0.0, t = 0.0;
        assert_int_equal(ode_advance(s, silent_nan, NULL, &t, 5.0, &y), SIM_ESOLVER);
        if (m != ODE_ADAPTIVE) {
            /* Fixed steps stop at the last good step. */
            assert_true(t <= 2.5 + 1.0 / 16);
            assert_true(isfinite(y));
        }
        ode_destroy(s);
    }
}

/* A right-hand side with a jump at t = 2.5, which picks its piece from the
 * segment being integrated (as the engine does with lever schedules). */
typedef struct jump {
    double phase; /* a time inside the segment being integrated */
} jump;

static int jumping(double t, const double y[], double dydt[], void *p)
{
    (void)t;
    (void)y;
    const jump *j = p;
    dydt[0] = j->phase < 2.5 ? 1.0 : 3.0;
    return 0;
}

static void test_jump_is_integrated_exactly_when_split_at_it(void **state)
{
    (void)state;
    for (int m = ODE_ADAPTIVE; m <= ODE_EULER; m++) {
        ode_solver *s = ode_create(1, (ode_method)m, 1e-6, NULL, 1.0 / 16);
        jump j = {.phase = 1.0};
        double y = 0.0, t = 0.0;
        assert_int_equal(ode_advance(s, jumping, &j, &t, 2.5, &y), SIM_OK);
        ode_reset(s);
        j.phase = 3.0;
        assert_int_equal(ode_advance(s, jumping, &j, &t, 5.0, &y), SIM_OK);
        assert_close(t, 5.0, 0.0);
        assert_close(y, 1.0 * 2.5 + 3.0 * 2.5, 1e-12);
        ode_destroy(s);
    }
}

/* Two decays: a large slow stock and a small fast one (as a stage of a
 * training pipeline beside the region's population). */
static int two_decays(double t, const double y[], double dydt[], void *p)
{
    (void)t;
    (void)p;
    dydt[0] = -0.05 * y[0];
    dydt[1] = 300.0 * exp(-0.05 * t) - 2.0 * y[1]; /* settles near 150 */
    return 0;
}

static void test_scaled_tolerance_spares_small_stocks_and_keeps_the_error(void **state)
{
    (void)state;
    const double scale[2] = {1e6, 1e6}; /* both in persons */
    unsigned long evals[2];
    double y_end[2][2];
    for (int k = 0; k < 2; k++) {
        ode_solver *s = ode_create(2, ODE_ADAPTIVE, 1e-6, k == 0 ? NULL : scale, 0.1);
        assert_non_null(s);
        double y[2] = {1e6, 150.0}, t = 0.0;
        assert_int_equal(ode_advance(s, two_decays, NULL, &t, 30.0, y), SIM_OK);
        evals[k] = ode_evaluations(s);
        y_end[k][0] = y[0];
        y_end[k][1] = y[1];
        ode_destroy(s);
    }
    assert_true(evals[1] < evals[0]);
    /* Each stock within a few tolerances of its scale: rtol x 1e6 = 1 person. */
    assert_close(y_end[1][0], 1e6 * exp(-0.05 * 30.0), 30.0 * 1e-6 * 1e6);
    assert_close(y_end[1][1], y_end[0][1], 30.0 * 1e-6 * 1e6);
}

static void test_invalid_arguments_give_no_solver(void **state)
{
    (void)state;
    assert_null(ode_create(0, ODE_ADAPTIVE, 1e-6, NULL, 0.1));
    assert_null(ode_create(1, ODE_ADAPTIVE, 0.0, NULL, 0.1));
    assert_null(ode_create(1, ODE_RK4, 1e-6, NULL, -1.0));
    ode_destroy(NULL);
}

static void test_method_names_round_trip(void **state)
{
    (void)state;
    for (int m = ODE_ADAPTIVE; m <= ODE_EULER; m++)
        assert_int_equal(ode_method_parse(ode_method_name((ode_method)m)), m);
    assert_int_equal(ode_method_parse("rk45"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_adaptive_decay_meets_relative_tolerance),
        cmocka_unit_test(test_adaptive_step_is_stretched_onto_report_times),
        cmocka_unit_test(test_rk4_decay_is_fourth_order),
        cmocka_unit_test(test_rk4_takes_its_steps_whatever_the_tolerance),
        cmocka_unit_test(test_euler_decay_is_first_order),
        cmocka_unit_test(test_euler_matches_its_own_closed_form),
        cmocka_unit_test(test_logistic_growth_for_each_method),
        cmocka_unit_test(test_rhs_failure_stops_with_solver_status),
        cmocka_unit_test(test_non_finite_derivative_stops_each_method),
        cmocka_unit_test(test_jump_is_integrated_exactly_when_split_at_it),
        cmocka_unit_test(test_scaled_tolerance_spares_small_stocks_and_keeps_the_error),
        cmocka_unit_test(test_invalid_arguments_give_no_solver),
        cmocka_unit_test(test_method_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
