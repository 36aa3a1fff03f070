/* test_batch_mc.c: the Monte Carlo study of `transim mc` (sim/studies/mc_study.c,
 * compiled into this test with the thread pool) on the region model.
 *
 * The model as a whole has no closed form, but the value slot of an
 * uncertain input is its draw: the study's bands of that slot must match the
 * closed-form quantiles and mean of the input's distribution. The same study
 * must give the same bits for any number of threads, and its quantiles must
 * be ordered. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/studies/mc_study.c"
#include "sim/studies/pool.c"
#include "sim/studies/sample.h"

enum { N = 3000, NPROBS = 5 };
static const double probs[NPROBS] = {0.05, 0.25, 0.5, 0.75, 0.95};

/* The closed-form CDF of an uncertain input's distribution. */
static double input_cdf(const var_desc *d, double x)
{
    double a = d->unc_lo, b = d->unc_hi;
    if (x <= a)
        return 0.0;
    if (x >= b)
        return 1.0;
    if (d->dist == DIST_UNIFORM)
        return (x - a) / (b - a);
    double c = d->value < a ? a : d->value > b ? b : d->value;
    if (x <= c)
        return (x - a) * (x - a) / ((b - a) * (c - a));
    return 1.0 - (b - x) * (b - x) / ((b - a) * (b - c));
}

static double input_mean(const var_desc *d)
{
    if (d->dist == DIST_UNIFORM)
        return 0.5 * (d->unc_lo + d->unc_hi);
    return (d->unc_lo + d->value + d->unc_hi) / 3.0;
}

static double input_sd(const var_desc *d)
{
    double a = d->unc_lo, b = d->unc_hi, c = d->value;
    if (d->dist == DIST_UNIFORM)
        return (b - a) / sqrt(12.0);
    return sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18.0);
}

static int run_study(unsigned workers, const int *vars, size_t nvars, size_t samples,
                     mc_bands *b, sim_error *err)
{
    scenario sc;
    scenario_init(&sc);
    mc_study st = {.sc = &sc, .opts = run_opts_default(), .seed = 99, .samples = samples,
                   .vars = vars, .nvars = nvars, .probs = probs, .nprobs = NPROBS};
    st.opts.to = 2025; /* the inputs are constant: a short run suffices */
    pool_exec ex;
    pool_exec_init(&ex, workers);
    return mc_study_run(&st, &ex, b, err);
}

static void test_bands_of_a_drawn_input_match_its_distribution(void **state)
{
    (void)state;
    int uncertain[VAR_COUNT];
    size_t nu = sample_uncertain_vars(uncertain, VAR_COUNT);
    if (nu == 0)
        skip(); /* a model without uncertain inputs has nothing to draw */
    /* The first uniform and the first triangular input, and an indicator. */
    int vars[3], nv = 0;
    for (int want = DIST_UNIFORM; want <= DIST_TRIANGULAR; want++)
        for (size_t k = 0; k < nu; k++)
            if ((int)var_table[uncertain[k]].dist == want) {
                vars[nv++] = uncertain[k];
                break;
            }
    int ninputs = nv;
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].kind == VAR_INDICATOR) {
            vars[nv++] = i;
            break;
        }
    mc_bands b;
    sim_error err;
    assert_int_equal(run_study(2, vars, (size_t)nv, N, &b, &err), 0);
    assert_int_equal(b.n_uncertain, nu);
    for (int k = 0; k < ninputs; k++) {
        const var_desc *d = &var_table[vars[k]];
        for (size_t row = 0; row < b.rows; row++) {
            const double *cell = b.stats + (row * b.nvars + (size_t)k) * b.width;
            /* Mean and sd against the closed form (4 standard errors). */
            double sd = input_sd(d);
            if (fabs(cell[0] - input_mean(d)) > 4.0 * sd / sqrt(N))
                fail_msg("'%s': mean %g, expected %g", d->name, cell[0], input_mean(d));
            if (fabs(cell[1] - sd) > 0.05 * sd)
                fail_msg("'%s': sd %g, expected %g", d->name, cell[1], sd);
            /* Each quantile's probability under the true CDF is within four
             * binomial standard errors of the level asked for. */
            for (size_t q = 0; q < NPROBS; q++) {
                double p = input_cdf(d, cell[2 + q]);
                double tol = 4.0 * sqrt(probs[q] * (1.0 - probs[q]) / N);
                if (fabs(p - probs[q]) > tol)
                    fail_msg("'%s': quantile %g has probability %g", d->name, probs[q], p);
            }
        }
    }
    mc_bands_release(&b);
}

static void test_bands_are_the_same_bits_for_any_thread_count(void **state)
{
    (void)state;
    int vars[VAR_COUNT];
    size_t nv = 0;
    for (int i = 0; i < VAR_COUNT && nv < 12; i++)
        if (var_table[i].kind == VAR_INDICATOR)
            vars[nv++] = i;
    mc_bands one, three;
    sim_error err;
    assert_int_equal(run_study(1, vars, nv, 200, &one, &err), 0);
    assert_int_equal(run_study(3, vars, nv, 200, &three, &err), 0);
    assert_int_equal(one.rows, three.rows);
    assert_memory_equal(one.stats, three.stats, one.rows * nv * one.width * sizeof(double));
    /* Ordered: p5 <= p25 <= ... <= p95, and the mean within the extremes. */
    for (size_t c = 0; c < one.rows * nv; c++) {
        const double *cell = one.stats + c * one.width;
        for (size_t q = 1; q < NPROBS; q++)
            assert_true(cell[2 + q - 1] <= cell[2 + q]);
        assert_true(cell[1] >= 0.0);
    }
    mc_bands_release(&one);
    mc_bands_release(&three);
}

static void test_a_sample_is_the_same_in_a_larger_study(void **state)
{
    (void)state;
    /* Sample i's draws and outputs depend on (seed, i) alone: the first 40
     * samples of a 40-sample study are the first 40 of a 90-sample one. */
    int vars[2] = {0, 0};
    size_t nv = 0;
    for (int i = 0; i < VAR_COUNT && nv < 2; i++)
        if (var_table[i].kind == VAR_INDICATOR)
            vars[nv++] = i;
    scenario sc;
    scenario_init(&sc);
    mc_bands small, big;
    sim_error err;
    for (int pass = 0; pass < 2; pass++) {
        mc_study st = {.sc = &sc, .opts = run_opts_default(), .seed = 5,
                       .samples = pass ? 90 : 40, .vars = vars, .nvars = nv,
                       .probs = probs, .nprobs = NPROBS, .keep_samples = 1};
        st.opts.to = 2024;
        pool_exec ex;
        pool_exec_init(&ex, pass ? 2 : 1);
        assert_int_equal(mc_study_run(&st, &ex, pass ? &big : &small, &err), 0);
    }
    size_t stride = small.n_uncertain + small.rows * small.nvars;
    assert_int_equal(stride, big.n_uncertain + big.rows * big.nvars);
    assert_memory_equal(small.samples, big.samples, 40 * stride * sizeof(double));
    mc_bands_release(&small);
    mc_bands_release(&big);
}

static void test_zero_samples_is_an_error(void **state)
{
    (void)state;
    int vars[1] = {0};
    mc_bands b;
    sim_error err;
    assert_int_not_equal(run_study(2, vars, 1, 0, &b, &err), 0);
    assert_non_null(strstr(err.msg, "zero samples"));
    assert_null(b.stats);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bands_of_a_drawn_input_match_its_distribution),
        cmocka_unit_test(test_bands_are_the_same_bits_for_any_thread_count),
        cmocka_unit_test(test_a_sample_is_the_same_in_a_larger_study),
        cmocka_unit_test(test_zero_samples_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
