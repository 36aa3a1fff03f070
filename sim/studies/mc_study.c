/* mc_study.c: Monte Carlo samples and their bands, through a pool_exec.
 *
 * Who holds what under MPI: every rank runs its share of the samples
 * (pool_share) and keeps only that share's draws and outputs; rank 0
 * gathers all samples x stride doubles (stride = uncertain inputs + report
 * years x outputs), because each quantile needs every sample of its cell,
 * and computes the bands alone with its own worker threads. So rank 0 needs
 * samples x stride x 8 bytes and every other rank 1/size of that (see
 * docs/cluster.md). */
#include "sim/studies/mc_study.h"

#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "sim/studies/sample.h"
#include "sim/studies/stats.h"

/* The bands stage takes MC_BAND_GROUP neighbouring cells per task, so that
 * each cache line of the sample-major data is read once rather than once
 * per cell. */
#define MC_BAND_GROUP 8

/* What one worker thread owns. Created by the worker's own thread on its
 * first task (so the allocator gives each thread memory of its own) and
 * padded, so that two workers never write the same cache line: sharing
 * one costs a third of the speed-up on two cores. */
typedef struct mc_worker {
    runner *rn;
    run_result res;
    gsl_rng *rng;
    double *scratch; /* samples doubles for the bands stage */
    scenario sc;
    char pad[128];
} mc_worker;

typedef struct mc_ctx {
    const mc_study *s;
    int uncertain[VAR_COUNT];
    size_t n_uncertain;
    size_t rows;
    mc_worker *w;
    size_t stride;      /* doubles per sample: n_uncertain draws, rows x nvars outputs */
    const double *data; /* samples x stride, for the bands stage */
} mc_ctx;

static int mc_sample_task(void *vctx, size_t index, unsigned worker, double *out,
                          sim_error *err)
{
    mc_ctx *c = vctx;
    mc_worker *w = &c->w[worker];
    const mc_study *s = c->s;
    if (w->rn == NULL && (w->rn = runner_create()) == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    if (w->rng == NULL && (w->rng = gsl_rng_alloc(gsl_rng_mt19937)) == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    w->sc = *s->sc;
    sample_mc_draw(&w->sc, c->uncertain, c->n_uncertain, w->rng, s->seed, index, out);
    out += c->n_uncertain;
    sim_status st = runner_run(w->rn, &w->sc, &s->opts, &w->res, err);
    if (st != SIM_OK) {
        sim_error inner = *err;
        sim_error_set(err, st, NULL, 0, "sample %zu of seed %llu: %s", index,
                      (unsigned long long)s->seed, sim_error_nested(&inner));
        return 1;
    }
    if (w->res.rows != c->rows)
        return sim_error_set(err, SIM_ESOLVER, NULL, 0, "sample %zu gave %zu report years, not %zu",
                             index, w->res.rows, c->rows) != SIM_OK;
    for (size_t r = 0; r < c->rows; r++)
        for (size_t k = 0; k < s->nvars; k++)
            out[r * s->nvars + k] = run_value(&w->res, r, s->vars[k]);
    return 0;
}

static int mc_band_task(void *vctx, size_t group, unsigned worker, double *out, sim_error *err)
{
    mc_ctx *c = vctx;
    const mc_study *s = c->s;
    size_t cells = c->rows * s->nvars, n = s->samples, width = 2 + s->nprobs;
    size_t first = group * MC_BAND_GROUP;
    size_t count = cells - first < MC_BAND_GROUP ? cells - first : MC_BAND_GROUP;
    mc_worker *w = &c->w[worker];
    if (w->scratch == NULL &&
        (w->scratch = malloc(MC_BAND_GROUP * n * sizeof *w->scratch)) == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    double *x = w->scratch;
    for (size_t i = 0; i < n; i++) {
        const double *row = c->data + i * c->stride + c->n_uncertain + first;
        for (size_t g = 0; g < count; g++)
            x[g * n + i] = row[g];
    }
    for (size_t g = 0; g < count; g++) {
        double *o = out + g * width;
        stats_mean_sd(x + g * n, n, &o[0], &o[1]);
        stats_quantiles(x + g * n, n, s->probs, s->nprobs, o + 2);
    }
    return 0;
}

static void mc_workers_free(mc_worker *w, unsigned n)
{
    if (w == NULL)
        return;
    for (unsigned i = 0; i < n; i++) {
        runner_destroy(w[i].rn);
        run_result_release(&w[i].res);
        gsl_rng_free(w[i].rng);
        free(w[i].scratch);
    }
    free(w);
}

void mc_bands_release(mc_bands *b)
{
    free(b->t);
    free(b->samples);
    free(b->stats);
    memset(b, 0, sizeof *b);
}

int mc_study_run(const mc_study *s, pool_exec *ex, mc_bands *out, sim_error *err)
{
    mc_ctx c = {.s = s};
    memset(out, 0, sizeof *out);
    if (s->samples == 0)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "zero samples") != SIM_OK;
    c.n_uncertain = sample_uncertain_vars(c.uncertain, VAR_COUNT);

    /* The central run fixes the report years and catches a bad scenario
     * before any sample runs. */
    run_result central;
    run_result_init(&central);
    if (run_scenario(s->sc, &s->opts, &central, err) != SIM_OK) {
        run_result_release(&central);
        return 1;
    }
    c.rows = central.rows;
    size_t cells = c.rows * s->nvars, width = 2 + s->nprobs;
    c.stride = c.n_uncertain + cells;
    /* Rank 0 holds every sample; another rank only its own share. */
    size_t lo, hi;
    pool_share(s->samples, ex->rank, ex->size, &lo, &hi);
    size_t held = ex->rank == 0 ? s->samples : hi - lo;
    double *data = malloc((held ? held : 1) * c.stride * sizeof *data);
    size_t groups = (cells + MC_BAND_GROUP - 1) / MC_BAND_GROUP;
    double *stats = malloc(groups * MC_BAND_GROUP * width * sizeof *stats);
    double *t = malloc(c.rows * sizeof *t);
    unsigned nw = ex->workers ? ex->workers : 1;
    c.w = calloc(nw, sizeof *c.w);
    int rc = 0;
    if (data == NULL || stats == NULL || t == NULL || c.w == NULL) {
        sim_error_set(err, SIM_ENOMEM, NULL, 0,
                      "out of memory for %zu samples of %zu values", s->samples, cells);
        rc = 1;
    }
    for (unsigned i = 0; rc == 0 && i < nw; i++)
        run_result_init(&c.w[i].res);
    if (rc == 0) {
        memcpy(t, central.t, c.rows * sizeof *t);
        size_t failed;
        rc = ex->map(ex, s->samples, c.stride, mc_sample_task, &c, data, err, &failed);
    }
    if (rc == 0) {
        /* The bands need every sample, which only rank 0 holds: it computes
         * them on its own threads (no progress bar: one bar, for the runs)
         * and the ranks then agree on whether that worked. */
        c.data = data;
        size_t failed;
        if (ex->rank == 0)
            rc = pool_map_range(ex->workers, 0, 0, groups, MC_BAND_GROUP * width, mc_band_task,
                                &c, stats, err, &failed);
        if (!ex->agree(ex, rc == 0) && rc == 0) {
            sim_error_set(err, SIM_ENOMEM, NULL, 0, "the quantiles failed on MPI rank 0");
            rc = 1;
        }
    }
    run_result_release(&central);
    mc_workers_free(c.w, nw);
    if (rc != 0 || !s->keep_samples || ex->rank != 0) {
        free(data);
        data = NULL;
    }
    if (rc != 0 || ex->rank != 0) {
        free(stats);
        free(t);
        return rc;
    }
    *out = (mc_bands){.rows = c.rows, .t = t, .nvars = s->nvars, .width = width,
                      .stats = stats, .n_uncertain = c.n_uncertain, .samples = data};
    return 0;
}
