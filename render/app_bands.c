/* app_bands.c: the uncertainty bands of the graphs (see app_update_bands in
 * app.h): a Monte Carlo of APP_BAND_MAX draws over the model's uncertain
 * assumptions and parameters around the current scenario, run by worker
 * threads (render/bands.h) while the window's thread only draws. Each
 * change posts a new job that supersedes the last; the band grows as the
 * draws come in. The same seed at every change gives the same draws, so the
 * band moves with the lever instead of flickering, and the same scenario
 * always gets the same band. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/app.h"
#include "render/bands.h"
#include "sim/studies/sample.h"
#include "sim/studies/stats.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Makes the buffers hold rows report times; 0 when out of memory. Buffers
 * of another row count hold nothing valid any more. */
static int reserve(app *a, size_t rows)
{
    if (rows == a->band_rows && a->band)
        return 1;
    size_t n = (size_t)APP_GRAPHS_MAX * 2 * rows;
    double *band = realloc(a->band, n * sizeof *band);
    if (band)
        a->band = band;
    double *dev = band ? realloc(a->band_dev, n * sizeof *dev) : NULL;
    if (dev)
        a->band_dev = dev;
    double *line = dev ? realloc(a->band_line, n / 2 * sizeof *line) : NULL;
    if (line)
        a->band_line = line;
    double *x = line ? realloc(a->band_x, APP_BAND_MAX * sizeof *x) : NULL;
    if (x)
        a->band_x = x;
    if (!x)
        return 0;
    a->band_rows = rows;
    for (int g = 0; g < APP_GRAPHS_MAX; g++)
        a->band_dev_var[g] = -1;
    a->band_from = 0;
    return 1;
}

static int graph_var(const app *a, int g)
{
    return a->ind[a->graph_sel[g]];
}

/* Posts the job of the current scenario and graphs. */
static sim_status post(app *a)
{
    static bands_job job; /* large; only the window's thread posts */
    job.sc = a->sc;
    /* The uncertain inputs the user has not set: the draws vary those. */
    size_t n = sample_uncertain_vars(job.vary, VAR_COUNT), m = 0;
    for (size_t k = 0; k < n && k < VAR_COUNT; k++)
        if (a->sc.value[job.vary[k]] == a->base_sc.value[job.vary[k]])
            job.vary[m++] = job.vary[k];
    job.nvary = m;
    job.nout = a->ngraphs;
    for (int g = 0; g < a->ngraphs; g++)
        job.out[g] = graph_var(a, g);
    job.rows = a->cur.rows;
    job.draws = APP_BAND_MAX;
    job.seed = APP_BAND_SEED;
    job.notify_every = APP_BAND_STEP;
    long gen = bands_post(a->band_work, &job);
    if (gen == 0)
        return SIM_ENOMEM;
    a->band_job = gen;
    a->band_posted = a->runs;
    a->band_t0 = now_ms();
    for (int g = 0; g < APP_GRAPHS_MAX; g++)
        a->band_post_var[g] = g < a->ngraphs ? graph_var(a, g) : -1;
    /* The run the band is computed around: the scenario's own. */
    for (int g = 0; g < a->ngraphs; g++)
        for (size_t r = 0; r < a->cur.rows; r++)
            a->band_line[(size_t)g * a->cur.rows + r] = run_value(&a->cur, r, job.out[g]);
    return SIM_OK;
}

/* The 5 and 95 % quantiles of the first `ready` draws as offsets from the
 * scenario's run, each widened to reach it. */
static void take_draws(app *a, int ready)
{
    static const double probs[2] = {0.05, 0.95};
    size_t rows = a->band_rows;
    int good = 0;
    for (int g = 0; g < a->ngraphs; g++) {
        double *lo = a->band_dev + (size_t)g * 2 * rows, *hi = lo + rows;
        const double *line = a->band_line + (size_t)g * rows;
        int ok = 1;
        for (size_t r = 0; r < rows && ok; r++) {
            int n = 0;
            for (int i = 0; i < ready; i++) {
                double v = bands_value(a->band_work, i, g, r);
                /* A failed run is NAN in every value: left out. */
                if (!isnan(v))
                    a->band_x[n++] = v;
                ok &= isnan(v) || isfinite(v);
            }
            if (g == 0 && r == 0)
                good = n;
            if (n < 2 || !ok || !isfinite(line[r])) {
                ok = 0;
                break;
            }
            double q[2];
            stats_quantiles(a->band_x, (size_t)n, probs, 2, q);
            lo[r] = fmin(q[0] - line[r], 0.0);
            hi[r] = fmax(q[1] - line[r], 0.0);
        }
        a->band_dev_var[g] = ok ? a->band_post_var[g] : -1;
    }
    a->band_from = a->band_job;
    a->band_takes++;
    a->band_ready = ready;
    a->band_n = good;
    a->band_ms = now_ms() - a->band_t0;
}

/* Places each graph's offsets around the current run. */
static void place(app *a)
{
    size_t rows = a->cur.rows;
    for (int g = 0; g < APP_GRAPHS_MAX; g++) {
        a->band_ok[g] = 0;
        a->band_var[g] = -1;
        if (g >= a->ngraphs || rows != a->band_rows)
            continue;
        int var = graph_var(a, g);
        /* The offsets of a graph that showed another variable do not fit:
         * look for this one's among them. */
        int from = -1;
        for (int k = 0; k < a->ngraphs && from < 0; k++)
            if (a->band_dev_var[k] == var)
                from = k;
        if (from < 0)
            continue;
        const double *dlo = a->band_dev + (size_t)from * 2 * rows, *dhi = dlo + rows;
        double *lo = a->band + (size_t)g * 2 * rows, *hi = lo + rows;
        for (size_t r = 0; r < rows; r++) {
            double y = run_value(&a->cur, r, var);
            lo[r] = y + dlo[r];
            hi[r] = y + dhi[r];
        }
        a->band_ok[g] = 1;
        a->band_var[g] = var;
    }
    a->band_stamp = a->runs;
}

sim_status app_update_bands(app *a)
{
    if (!a->bands || a->cur.rows == 0)
        return SIM_OK;
    if (!a->band_work) {
        a->band_work = bands_create(a->band_threads);
        if (!a->band_work)
            return SIM_ENOMEM;
        bands_set_notify(a->band_work, a->band_notify, a->band_notify_user);
    }
    if (!reserve(a, a->cur.rows))
        return SIM_ENOMEM;
    int same = a->band_posted == a->runs;
    for (int g = 0; g < APP_GRAPHS_MAX && same; g++)
        same = a->band_post_var[g] == (g < a->ngraphs ? graph_var(a, g) : -1);
    if (!same && post(a) != SIM_OK)
        return SIM_ENOMEM;
    int shown = 0;
    for (int g = 0; g < a->ngraphs; g++)
        shown |= a->band_dev_var[g] >= 0;
    if (bands_threads(a->band_work) == 0 && !(a->band_hold && shown))
        bands_step(a->band_work, APP_BAND_SAMPLES);
    int ready = 0;
    long gen = bands_ready(a->band_work, &ready);
    /* A first band once APP_BAND_SAMPLES draws are in; then each
     * APP_BAND_STEP more, and when all are. */
    int fresh = gen == a->band_job && a->band_from != gen && ready >= APP_BAND_SAMPLES;
    int more = gen == a->band_job && a->band_from == gen && ready > a->band_ready &&
               (ready / APP_BAND_STEP > a->band_ready / APP_BAND_STEP || ready == APP_BAND_MAX);
    if (fresh || more)
        take_draws(a, ready);
    place(a);
    return SIM_OK;
}

sim_status app_bands_wait(app *a)
{
    sim_status st = app_update_bands(a);
    if (st != SIM_OK || !a->band_work)
        return st;
    bands_wait(a->band_work);
    return app_update_bands(a);
}

unsigned app_bands_threads(const app *a)
{
    return a->band_work ? bands_threads(a->band_work) : 0;
}

int app_bands_pending(const app *a)
{
    if (!a->bands || !a->band_work)
        return 0;
    int ready = 0;
    long gen = bands_ready(a->band_work, &ready);
    return gen != a->band_job || ready < APP_BAND_MAX || a->band_posted != a->runs;
}

int app_bands_growing(const app *a)
{
    if (a->bands && !a->band_work)
        return a->cur.rows > 0; /* the draws start at the next frame */
    return a->bands && a->band_work && bands_threads(a->band_work) == 0 && !a->band_hold &&
           app_bands_pending(a);
}

int app_band(const app *a, int g, const double **lo, const double **hi)
{
    if (!a->bands || g < 0 || g >= a->ngraphs || !a->band_ok[g] || a->band_stamp != a->runs ||
        a->band_var[g] != graph_var(a, g) || a->band_rows != a->cur.rows)
        return 0;
    *lo = a->band + (size_t)g * 2 * a->cur.rows;
    *hi = *lo + a->cur.rows;
    return 1;
}

void app_bands_release(app *a)
{
    bands_destroy(a->band_work);
    a->band_work = NULL;
    free(a->band);
    free(a->band_dev);
    free(a->band_line);
    free(a->band_x);
    a->band = a->band_dev = a->band_line = a->band_x = NULL;
    a->band_rows = 0;
    a->band_posted = -1;
    a->band_stamp = -1;
    a->band_from = 0;
    a->band_n = 0;
}
