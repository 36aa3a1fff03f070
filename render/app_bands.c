/* app_bands.c: the uncertainty bands of the graphs (see app_update_bands in
 * app.h): a small Monte Carlo over the model's uncertain assumptions and
 * parameters around the current scenario, re-run at every change. With the
 * model at about 0.2 ms a run, a batch of 24 draws costs about 5 ms, which
 * keeps a drag fluid; once the scenario holds still, each frame adds a batch
 * until 200 draws are behind the band. The same seed at every change gives
 * the same draws, so the band moves with the lever instead of flickering. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/app.h"
#include "sim/studies/sample.h"
#include "sim/studies/stats.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Makes the buffers hold rows report times; 0 when out of memory. */
static int reserve(app *a, size_t rows)
{
    if (rows <= a->band_rows && a->band)
        return 1;
    double *band = realloc(a->band, (size_t)APP_GRAPHS_MAX * 2 * rows * sizeof *band);
    if (!band)
        return 0;
    a->band = band;
    double *draws = realloc(a->band_draws,
                            (size_t)APP_GRAPHS_MAX * rows * APP_BAND_MAX * sizeof *draws);
    if (!draws)
        return 0;
    a->band_draws = draws;
    a->band_rows = rows;
    return 1;
}

sim_status app_update_bands(app *a)
{
    if (!a->bands || a->cur.rows == 0)
        return SIM_OK;
    int same = a->band_stamp == a->runs;
    for (int g = 0; g < a->ngraphs && same; g++)
        same = a->band_var[g] == a->ind[a->graph_sel[g]];
    /* Growing waits while the user drags: the frames of a drag keep their
     * time for the drag. */
    if (same && (a->band_tried >= APP_BAND_MAX || a->band_hold))
        return SIM_OK;
    double t0 = now_ms();
    size_t rows = a->cur.rows;
    if (!a->rng) {
        a->rng = gsl_rng_alloc(gsl_rng_mt19937);
        if (!a->rng)
            return SIM_ENOMEM;
    }
    if (!reserve(a, rows))
        return SIM_ENOMEM;

    /* The uncertain inputs the user has not set: the draws vary those. */
    int vars[VAR_COUNT];
    size_t n = sample_uncertain_vars(vars, VAR_COUNT), m = 0;
    for (size_t k = 0; k < n && k < VAR_COUNT; k++)
        if (a->sc.value[vars[k]] == a->base_sc.value[vars[k]])
            vars[m++] = vars[k];

    int ng = a->ngraphs;
    if (!same) {
        a->band_tried = 0;
        a->band_n = 0;
    }
    size_t good = (size_t)a->band_n;
    int s1 = a->band_tried + APP_BAND_SAMPLES < APP_BAND_MAX ? a->band_tried + APP_BAND_SAMPLES
                                                              : APP_BAND_MAX;
    for (int s = a->band_tried; s < s1; s++) {
        a->band_sc = a->sc;
        sample_mc_draw(&a->band_sc, vars, m, a->rng, APP_BAND_SEED, (uint64_t)s, NULL);
        if (runner_run(a->rn, &a->band_sc, NULL, &a->band_run, NULL) != SIM_OK ||
            a->band_run.rows != rows)
            continue;
        for (int g = 0; g < ng; g++) {
            int var = a->ind[a->graph_sel[g]];
            for (size_t r = 0; r < rows; r++)
                a->band_draws[((size_t)g * rows + r) * APP_BAND_MAX + good] =
                    run_value(&a->band_run, r, var);
        }
        good++;
    }
    static const double probs[2] = {0.05, 0.95};
    for (int g = 0; g < APP_GRAPHS_MAX; g++) {
        a->band_ok[g] = 0;
        a->band_var[g] = g < ng ? a->ind[a->graph_sel[g]] : -1;
    }
    for (int g = 0; g < ng && good >= 2; g++) {
        double *lo = a->band + (size_t)g * 2 * rows, *hi = lo + rows;
        int finite = 1;
        for (size_t r = 0; r < rows; r++) {
            double *x = a->band_draws + ((size_t)g * rows + r) * APP_BAND_MAX;
            for (size_t k = 0; k < good; k++)
                finite &= isfinite(x[k]) != 0;
            if (!finite)
                break;
            double q[2];
            stats_quantiles(x, good, probs, 2, q);
            lo[r] = q[0];
            hi[r] = q[1];
        }
        a->band_ok[g] = finite;
        a->band_var[g] = a->ind[a->graph_sel[g]];
    }
    a->band_n = (int)good;
    a->band_tried = s1;
    a->band_stamp = a->runs;
    a->band_ms = now_ms() - t0;
    return SIM_OK;
}

int app_bands_growing(const app *a)
{
    return a->bands && !a->band_hold && a->band_stamp == a->runs && a->band_tried < APP_BAND_MAX;
}

int app_band(const app *a, int g, const double **lo, const double **hi)
{
    if (!a->bands || g < 0 || g >= a->ngraphs || !a->band_ok[g] || a->band_stamp != a->runs ||
        a->band_var[g] != a->ind[a->graph_sel[g]] || a->band_rows < a->cur.rows)
        return 0;
    *lo = a->band + (size_t)g * 2 * a->cur.rows;
    *hi = *lo + a->cur.rows;
    return 1;
}
