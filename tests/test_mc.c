/* test_mc.c: the Monte Carlo building blocks (per-sample streams, inverse
 * distribution functions, quantiles, bands) against closed forms. The region
 * model has no closed form, so the whole chain is checked on exponential
 * decay with an uncertain rate, integrated by the project's own solver. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "sim/engine/ode.h"
#include "sim/studies/sample.h"
#include "sim/studies/stats.h"

#define assert_near(a, b, tol)                                                            \
    do {                                                                                  \
        double a_ = (a), b_ = (b);                                                        \
        if (!(fabs(a_ - b_) <= (tol)))                                                    \
            fail_msg("%s = %.12g, expected %.12g within %g", #a, a_, b_, (double)(tol)); \
    } while (0)

static void test_quantile_interpolates_between_order_statistics(void **state)
{
    (void)state;
    const double x[] = {1, 2, 3, 4};
    assert_near(stats_quantile_sorted(x, 4, 0.0), 1.0, 0);
    assert_near(stats_quantile_sorted(x, 4, 0.25), 1.75, 1e-15);
    assert_near(stats_quantile_sorted(x, 4, 0.5), 2.5, 1e-15);
    assert_near(stats_quantile_sorted(x, 4, 1.0), 4.0, 0);
    const double one[] = {7};
    assert_near(stats_quantile_sorted(one, 1, 0.3), 7.0, 0);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void test_selection_quantiles_equal_the_sorted_definition(void **state)
{
    (void)state;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    const double probs[] = {0.0, 0.05, 0.25, 0.5, 0.5, 0.75, 0.95, 1.0};
    const size_t np = sizeof probs / sizeof *probs;
    /* Small arrays, and large ones (which take the Floyd-Rivest path), with
     * many ties, with distinct values, sorted and reversed. */
    static const size_t large[] = {601, 5000, 20011};
    for (size_t t = 0; t < 29 + 3 * 7; t++) {
        size_t n = t < 29 ? 1 + 7 * t : large[(t - 29) % 3];
        int kind = t < 29 ? 0 : (int)((t - 29) / 3);
        double *x = malloc(n * sizeof *x), *s = malloc(n * sizeof *s);
        for (size_t i = 0; i < n; i++) {
            double u = gsl_rng_uniform(rng);
            switch (kind) {
            case 0: x[i] = floor(u * 10.0); break; /* many ties */
            case 1: x[i] = u; break;
            case 2: x[i] = (double)i; break;
            case 3: x[i] = (double)(n - i); break;
            case 4: x[i] = i == n / 2 ? 1e300 : u; break; /* one far outlier */
            case 5: x[i] = (u - 0.5) * 3.0e307 * 10.0; break; /* a range that overflows */
            default: x[i] = 7.0; break;                   /* all equal */
            }
        }
        memcpy(s, x, n * sizeof *x);
        qsort(s, n, sizeof *s, cmp_double);
        double q[8];
        stats_quantiles(x, n, probs, np, q);
        for (size_t k = 0; k < np; k++)
            assert_near(q[k], stats_quantile_sorted(s, n, probs[k]), 0);
        free(x);
        free(s);
    }
    gsl_rng_free(rng);
}

static void test_same_seed_and_index_give_the_same_stream(void **state)
{
    (void)state;
    gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(gsl_rng_mt19937);
    sample_stream(a, 42, 7);
    gsl_rng_uniform(a); /* the stream does not depend on what came before */
    sample_stream(a, 42, 7);
    sample_stream(b, 42, 7);
    for (int i = 0; i < 100; i++)
        assert_true(gsl_rng_get(a) == gsl_rng_get(b));
    sample_stream(b, 42, 8);
    sample_stream(a, 42, 7);
    assert_true(gsl_rng_get(a) != gsl_rng_get(b));
    assert_true(sample_stream_seed(1, 0) != sample_stream_seed(0, 1));
    gsl_rng_free(a);
    gsl_rng_free(b);
}

static void test_triangular_inverse_cdf_matches_its_closed_form(void **state)
{
    (void)state;
    double a = 1.0, c = 2.0, b = 5.0;
    assert_near(sample_inverse_cdf(DIST_TRIANGULAR, a, c, b, 0.0), a, 1e-15);
    assert_near(sample_inverse_cdf(DIST_TRIANGULAR, a, c, b, 1.0), b, 1e-15);
    assert_near(sample_inverse_cdf(DIST_TRIANGULAR, a, c, b, (c - a) / (b - a)), c, 1e-12);
    /* F(x) = (x - a)^2 / ((b - a)(c - a)) below the mode. */
    double x = sample_inverse_cdf(DIST_TRIANGULAR, a, c, b, 0.1);
    assert_near((x - a) * (x - a) / ((b - a) * (c - a)), 0.1, 1e-12);
    /* 1 - F(x) = (b - x)^2 / ((b - a)(b - c)) above it. */
    x = sample_inverse_cdf(DIST_TRIANGULAR, a, c, b, 0.9);
    assert_near((b - x) * (b - x) / ((b - a) * (b - c)), 0.1, 1e-12);
    assert_near(sample_inverse_cdf(DIST_UNIFORM, 2, 3, 6, 0.25), 3.0, 1e-15);
    assert_near(sample_inverse_cdf(DIST_NONE, 2, 3, 6, 0.25), 3.0, 0);
}

/* dy/dt = -k y, y(0) = 1. */
static int decay_rhs(double t, const double y[], double dydt[], void *params)
{
    (void)t;
    dydt[0] = -*(const double *)params * y[0];
    return 0;
}

static void test_monte_carlo_quantiles_of_exponential_decay_match_closed_form(void **state)
{
    (void)state;
    /* k ~ U[0.05, 0.15]; y(T) = exp(-k T) falls in k, so its p-quantile is
     * exp(-(lo + (1 - p)(hi - lo)) T). Each sample draws from its own stream. */
    enum { N = 4000, YEARS = 3 };
    const double lo = 0.05, hi = 0.15, years[YEARS] = {1, 10, 30};
    const double probs[] = {0.05, 0.25, 0.5, 0.75, 0.95};
    const size_t np = 5;
    double *data = malloc(N * YEARS * sizeof *data), scratch[N];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    ode_solver *s = ode_create(1, ODE_ADAPTIVE, 1e-9, NULL, 0.1);
    assert_non_null(s);
    for (size_t i = 0; i < N; i++) {
        sample_stream(rng, 2024, i);
        double k = sample_inverse_cdf(DIST_UNIFORM, lo, 0.1, hi, gsl_rng_uniform(rng));
        double t = 0.0, y = 1.0;
        for (int c = 0; c < YEARS; c++) {
            assert_int_equal(ode_advance(s, decay_rhs, &k, &t, years[c], &y), SIM_OK);
            data[i * YEARS + (size_t)c] = y;
        }
    }
    double mean[YEARS], sd[YEARS], q[YEARS * 5];
    stats_bands(data, N, YEARS, probs, np, mean, sd, q, scratch);
    for (int c = 0; c < YEARS; c++) {
        double T = years[c];
        for (size_t k = 0; k < np; k++) {
            double exact = exp(-(lo + (1.0 - probs[k]) * (hi - lo)) * T);
            /* Sampling error of a quantile: sqrt(p(1-p)/N) / density; the
             * density of k is 10, so k's quantile is within ~0.0008 (3 sd). */
            double dk = 3.0 * sqrt(probs[k] * (1 - probs[k]) / N) / 10.0 + 1e-6;
            assert_near(q[(size_t)c * np + k], exact, exact * T * dk);
        }
        /* E[exp(-kT)] = (exp(-lo T) - exp(-hi T)) / ((hi - lo) T). */
        double emean = (exp(-lo * T) - exp(-hi * T)) / ((hi - lo) * T);
        assert_near(mean[c], emean, emean * T * 0.003);
    }
    ode_destroy(s);
    gsl_rng_free(rng);
    free(data);
}

static void test_triangular_sample_mean_matches_closed_form(void **state)
{
    (void)state;
    enum { N = 20000 };
    double a = 0.0, c = 0.3, b = 1.0, x[N], mean, sd;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    for (size_t i = 0; i < N; i++) {
        sample_stream(rng, 5, i);
        x[i] = sample_inverse_cdf(DIST_TRIANGULAR, a, c, b, gsl_rng_uniform(rng));
    }
    stats_mean_sd(x, N, &mean, &sd);
    double var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
    assert_near(mean, (a + b + c) / 3.0, 4.0 * sqrt(var / N));
    assert_near(sd, sqrt(var), 0.01);
    gsl_rng_free(rng);
}

static void test_percentile_list_parses_and_rejects_bad_lists(void **state)
{
    (void)state;
    double p[16];
    sim_error err;
    assert_int_equal(stats_parse_percentiles("5,25,50,75,95", p, 16, &err), 5);
    assert_near(p[0], 0.05, 1e-15);
    assert_near(p[4], 0.95, 1e-15);
    assert_int_equal(stats_parse_percentiles("50,25", p, 16, &err), 0);
    assert_non_null(strstr(err.msg, "increasing"));
    assert_int_equal(stats_parse_percentiles("5,x", p, 16, &err), 0);
    assert_non_null(strstr(err.msg, "'5,x'"));
    assert_int_equal(stats_parse_percentiles("101", p, 16, &err), 0);
    assert_int_equal(stats_parse_percentiles("", p, 16, &err), 0);
}

static void test_uncertain_vars_are_estimates_with_a_distribution(void **state)
{
    (void)state;
    int vars[VAR_COUNT];
    size_t n = sample_uncertain_vars(vars, VAR_COUNT);
    for (size_t i = 0; i < n; i++) {
        const var_desc *d = &var_table[vars[i]];
        assert_true(var_is_estimate(d));
        assert_true(d->dist != DIST_NONE);
        assert_true(d->unc_lo < d->unc_hi);
        /* Every draw must be a value the scenario validator accepts. */
        if (d->min < d->max && (d->unc_lo < d->min || d->unc_hi > d->max))
            fail_msg("'%s': uncertainty range %g to %g leaves its allowed range %g to %g",
                     d->name, d->unc_lo, d->unc_hi, d->min, d->max);
        if (d->dist == DIST_TRIANGULAR && (d->value < d->unc_lo || d->value > d->unc_hi))
            fail_msg("'%s': mode %g lies outside its uncertainty range %g to %g", d->name,
                     d->value, d->unc_lo, d->unc_hi);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quantile_interpolates_between_order_statistics),
        cmocka_unit_test(test_selection_quantiles_equal_the_sorted_definition),
        cmocka_unit_test(test_same_seed_and_index_give_the_same_stream),
        cmocka_unit_test(test_triangular_inverse_cdf_matches_its_closed_form),
        cmocka_unit_test(test_monte_carlo_quantiles_of_exponential_decay_match_closed_form),
        cmocka_unit_test(test_triangular_sample_mean_matches_closed_form),
        cmocka_unit_test(test_percentile_list_parses_and_rejects_bad_lists),
        cmocka_unit_test(test_uncertain_vars_are_estimates_with_a_distribution),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
