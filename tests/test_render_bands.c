/* test_render_bands.c: the uncertainty bands without a display: the draws'
 * worker threads (render/bands.h) give the same values as the calling
 * thread, a new job supersedes the last, draws arrive in order with their
 * notifications; the bands of the window (render/app_bands.c) are the 5-95 %
 * quantiles of APP_BAND_MAX draws computed around the scenario's own run, so
 * the scenario's line lies inside its band in every graph of the bundled
 * scenarios, and a band follows its line while a lever moves. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <gsl/gsl_rng.h>

#include "render/app.h"
#include "render/bands.h"
#include "sim/engine/run.h"
#include "sim/studies/sample.h"
#include "sim/studies/stats.h"

#define SCENARIOS TRANSIM_SOURCE_DIR "/scenarios/"

/* A job over the baseline (or sc) with the graphs' first few indicators. */
static void job_of(bands_job *j, const scenario *sc, int draws)
{
    memset(j, 0, sizeof *j);
    j->sc = *sc;
    j->nvary = sample_uncertain_vars(j->vary, VAR_COUNT);
    int n = 0;
    for (int v = 0; v < VAR_COUNT && n < 3; v++)
        if (var_table[v].kind == VAR_INDICATOR)
            j->out[n++] = v;
    j->nout = n;
    j->rows = (size_t)(sc->end - sc->start) + 1;
    j->draws = draws;
    j->seed = 77;
}

static double *values_of(bands *b, const bands_job *j)
{
    double *v = malloc((size_t)j->draws * (size_t)j->nout * j->rows * sizeof *v);
    assert_non_null(v);
    size_t x = 0;
    for (int i = 0; i < j->draws; i++)
        for (int k = 0; k < j->nout; k++)
            for (size_t r = 0; r < j->rows; r++)
                v[x++] = bands_value(b, i, k, r);
    return v;
}

static void test_worker_threads_give_the_same_draws_as_the_calling_thread(void **state)
{
    (void)state;
    static bands_job j;
    scenario sc;
    scenario_init(&sc);
    job_of(&j, &sc, 40);
    bands *one = bands_create(0), *two = bands_create(2);
    assert_non_null(one);
    assert_non_null(two);
    assert_int_equal(bands_threads(one), 0);
    assert_int_equal(bands_threads(two), 2);
    assert_int_equal(bands_post(one, &j), 1);
    assert_int_equal(bands_post(two, &j), 1);
    int ready = -1;
    bands_ready(one, &ready);
    assert_int_equal(ready, 0);
    assert_int_equal(bands_step(one, 5), 5);
    bands_ready(one, &ready);
    assert_int_equal(ready, 5);
    bands_wait(one);
    bands_wait(two);
    bands_ready(two, &ready);
    assert_int_equal(ready, 40);
    double *a = values_of(one, &j), *b = values_of(two, &j);
    size_t n = (size_t)j.draws * (size_t)j.nout * j.rows;
    assert_memory_equal(a, b, n * sizeof *a);
    /* The draws differ from one another: the inputs are drawn. */
    assert_true(a[0] != a[(size_t)j.nout * j.rows] || a[j.rows - 1] != a[(size_t)j.nout * j.rows + j.rows - 1]);
    free(a);
    free(b);
    bands_destroy(one);
    bands_destroy(two);
    bands_destroy(NULL);
}

/* Draw i is sample i of `transim mc` with the job's seed: the values of a
 * run made here by hand. */
static void test_a_draw_is_the_run_of_its_sample(void **state)
{
    (void)state;
    static bands_job j;
    scenario sc;
    scenario_init(&sc);
    job_of(&j, &sc, 8);
    bands *b = bands_create(2);
    assert_non_null(b);
    bands_post(b, &j);
    bands_wait(b);
    runner *rn = runner_create();
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    run_result res;
    run_result_init(&res);
    scenario d = sc;
    sample_mc_draw(&d, j.vary, j.nvary, rng, j.seed, 7, NULL);
    assert_int_equal(runner_run(rn, &d, NULL, &res, NULL), SIM_OK);
    for (int k = 0; k < j.nout; k++)
        for (size_t r = 0; r < j.rows; r++)
            assert_true(bands_value(b, 7, k, r) == run_value(&res, r, j.out[k]));
    run_result_release(&res);
    gsl_rng_free(rng);
    runner_destroy(rn);
    bands_destroy(b);
}

static SDL_atomic_t notified_atomic;

static void count_notify(void *user)
{
    (void)user;
    SDL_AtomicAdd(&notified_atomic, 1);
}

/* A second post while the first is being drawn supersedes it: what is
 * ready in the end is the second job's draws, the same as when it is
 * drawn alone; the notifier is called as the draws come in. */
static void test_a_new_job_supersedes_the_one_being_drawn(void **state)
{
    (void)state;
    static bands_job first, second;
    scenario sc;
    scenario_init(&sc);
    job_of(&first, &sc, 200);
    int lever = var_lever_ids[0];
    sc.value[lever] = var_table[lever].max;
    sc.set[lever] = 1;
    job_of(&second, &sc, 60);
    second.notify_every = 20;
    bands *b = bands_create(2), *alone = bands_create(0);
    assert_non_null(b);
    assert_non_null(alone);
    SDL_AtomicSet(&notified_atomic, 0);
    bands_set_notify(b, count_notify, NULL);
    assert_int_equal(bands_post(b, &first), 1);
    assert_int_equal(bands_post(b, &second), 2);
    bands_wait(b);
    int ready = 0;
    assert_int_equal(bands_ready(b, &ready), 2);
    assert_int_equal(ready, 60);
    /* At least when all are ready (draws finishing out of order can pass
     * two steps at once). */
    assert_true(SDL_AtomicGet(&notified_atomic) >= 1);
    bands_post(alone, &second);
    bands_wait(alone);
    double *x = values_of(b, &second), *y = values_of(alone, &second);
    assert_memory_equal(x, y, (size_t)60 * (size_t)second.nout * second.rows * sizeof *x);
    free(x);
    free(y);
    /* A job out of range is refused. */
    second.nout = 0;
    assert_int_equal(bands_post(b, &second), 0);
    bands_destroy(b);
    bands_destroy(alone);
}

/* The app on a scenario file with the bands on and six graphs. */
static app *app_on(const char *file, unsigned threads)
{
    sim_error err;
    sim_error_clear(&err);
    app *a = app_create(&err);
    assert_non_null(a);
    a->band_threads = threads;
    if (file) {
        char path[1024];
        snprintf(path, sizeof path, "%s%s", SCENARIOS, file);
        assert_int_equal(app_open(a, path, &err), SIM_OK);
    }
    a->ngraphs = 6;
    a->bands = 1;
    return a;
}

/* Checks that every graph's line lies in its band, and that the band is
 * the draws' 5-95 % range reaching out to the line; returns how many rows
 * the band is wider than a line. */
static int check_graphs(app *a, const char *what)
{
    const double *lo, *hi;
    int wide = 0;
    for (int g = 0; g < a->ngraphs; g++) {
        int var = a->ind[a->graph_sel[g]];
        if (!app_band(a, g, &lo, &hi))
            fail_msg("%s: no band for '%s'", what, var_table[var].name);
        for (size_t r = 0; r < a->cur.rows; r++) {
            double y = run_value(&a->cur, r, var);
            if (!(lo[r] <= y && y <= hi[r]))
                fail_msg("%s: '%s' in %.0f is %.10g, outside its band %.10g to %.10g", what,
                         var_table[var].name, a->cur.t[r], y, lo[r], hi[r]);
            wide += hi[r] > lo[r];
        }
    }
    return wide;
}

/* Every indicator and stock the graphs offer, six at a time, in the
 * baseline with a lever moved and in three bundled scenarios: the line is
 * inside its band at every report year. */
static void test_the_scenario_line_lies_inside_its_band(void **state)
{
    (void)state;
    static const char *files[] = {NULL, "p1_jobs_of_the_future.ini", "full_toolbox.ini",
                                  "t4_people_in_industry.ini"};
    for (size_t s = 0; s < sizeof files / sizeof *files; s++) {
        app *a = app_on(files[s], 2);
        if (!files[s])
            app_set_value(a, var_lever_ids[0], var_table[var_lever_ids[0]].max, 0);
        int step = s == 0 ? 1 : 3; /* every variable once in the first; a third in the others */
        int wide = 0;
        for (int first = 0; first < a->nind; first += 6 * step) {
            for (int g = 0; g < 6; g++)
                a->graph_sel[g] = (first + g * step) % a->nind;
            assert_int_equal(app_bands_wait(a), SIM_OK);
            assert_int_equal(a->band_n, APP_BAND_MAX);
            wide += check_graphs(a, files[s] ? files[s] : "baseline with a lever moved");
        }
        assert_true(wide > 0);
        app_destroy(a);
    }
}

/* The band of a graph is [min(q5, line), max(q95, line)] of APP_BAND_MAX
 * draws with APP_BAND_SEED, the inputs the user set kept: computed here by
 * hand for the first graph. */
static void test_the_band_is_the_draws_quantiles_around_the_line(void **state)
{
    (void)state;
    app *a = app_on(NULL, 2);
    int lever = var_lever_ids[0];
    app_set_value(a, lever, var_table[lever].max, 0);
    assert_int_equal(app_bands_wait(a), SIM_OK);
    const double *lo, *hi;
    assert_true(app_band(a, 0, &lo, &hi));
    int var = a->ind[a->graph_sel[0]];
    int vary[VAR_COUNT];
    size_t nv = sample_uncertain_vars(vary, VAR_COUNT);
    runner *rn = runner_create();
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    run_result res;
    run_result_init(&res);
    size_t rows = a->cur.rows;
    double *x = malloc((size_t)APP_BAND_MAX * rows * sizeof *x);
    assert_non_null(x);
    for (int i = 0; i < APP_BAND_MAX; i++) {
        scenario d = a->sc;
        sample_mc_draw(&d, vary, nv, rng, APP_BAND_SEED, (uint64_t)i, NULL);
        assert_int_equal(runner_run(rn, &d, NULL, &res, NULL), SIM_OK);
        for (size_t r = 0; r < rows; r++)
            x[r * APP_BAND_MAX + (size_t)i] = run_value(&res, r, var);
    }
    static const double p[2] = {0.05, 0.95};
    for (size_t r = 0; r < rows; r++) {
        double q[2], y = run_value(&a->cur, r, var);
        stats_quantiles(x + r * APP_BAND_MAX, APP_BAND_MAX, p, 2, q);
        double want_lo = y + fmin(q[0] - y, 0.0), want_hi = y + fmax(q[1] - y, 0.0);
        if (fabs(lo[r] - want_lo) > 1e-9 * (1 + fabs(want_lo)) ||
            fabs(hi[r] - want_hi) > 1e-9 * (1 + fabs(want_hi)))
            fail_msg("row %zu: band %.12g..%.12g, want %.12g..%.12g", r, lo[r], hi[r], want_lo,
                     want_hi);
    }
    free(x);
    run_result_release(&res);
    gsl_rng_free(rng);
    runner_destroy(rn);
    app_destroy(a);
}

/* While a lever is dragged and the new draws are not in, the last band
 * follows the line, still around it, with the draw count it was made of;
 * once released, the new scenario's draws replace it. */
static void test_a_band_follows_its_line_while_the_lever_moves(void **state)
{
    (void)state;
    app *a = app_on(NULL, 0);
    assert_int_equal(app_bands_wait(a), SIM_OK);
    assert_int_equal(a->band_n, APP_BAND_MAX);
    long job = a->band_from;
    a->band_hold = 1;
    int lever = var_lever_ids[0];
    for (int k = 1; k <= 4; k++) {
        app_set_value(a, lever, var_table[lever].min + k * (var_table[lever].max - var_table[lever].min) / 4, 1);
        assert_int_equal(app_update_bands(a), SIM_OK);
        assert_int_equal(a->band_from, job); /* no draws ran during the drag */
        assert_int_equal(a->band_n, APP_BAND_MAX);
        check_graphs(a, "during a drag");
    }
    a->band_hold = 0;
    assert_int_equal(app_update_bands(a), SIM_OK);
    assert_true(a->band_from != job);
    assert_int_equal(a->band_n, APP_BAND_SAMPLES);
    check_graphs(a, "after the drag");
    /* The same scenario gets the same band on threads as without. */
    assert_int_equal(app_bands_wait(a), SIM_OK);
    app *b = app_on(NULL, 2);
    app_set_value(b, lever, a->sc.value[lever], 0);
    assert_int_equal(app_bands_wait(b), SIM_OK);
    for (int g = 0; g < a->ngraphs; g++) {
        const double *alo, *ahi, *blo, *bhi;
        assert_true(app_band(a, g, &alo, &ahi));
        assert_true(app_band(b, g, &blo, &bhi));
        assert_memory_equal(alo, blo, a->cur.rows * sizeof *alo);
        assert_memory_equal(ahi, bhi, a->cur.rows * sizeof *ahi);
    }
    app_destroy(a);
    app_destroy(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_worker_threads_give_the_same_draws_as_the_calling_thread),
        cmocka_unit_test(test_a_draw_is_the_run_of_its_sample),
        cmocka_unit_test(test_a_new_job_supersedes_the_one_being_drawn),
        cmocka_unit_test(test_the_scenario_line_lies_inside_its_band),
        cmocka_unit_test(test_the_band_is_the_draws_quantiles_around_the_line),
        cmocka_unit_test(test_a_band_follows_its_line_while_the_lever_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
