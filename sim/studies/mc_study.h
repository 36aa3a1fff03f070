/* mc_study.h: the computation behind `transim mc`, apart from its
 * arguments and output so that the benchmark and the MPI program run the
 * very same code.
 *
 * Sample i copies the scenario, draws every uncertain input (see
 * sim/studies/sample.h) from its own stream seeded by (seed, i), runs the model and
 * keeps the chosen variables at every report year. Then each (year,
 * variable) cell gets its mean, standard deviation and quantiles over the
 * samples. Both stages go through a pool_exec, so threads and MPI ranks
 * share the work and the figures do not depend on how it was shared. */
#ifndef CLI_MC_STUDY_H
#define CLI_MC_STUDY_H

#include <stddef.h>
#include <stdint.h>

#include "sim/studies/pool.h"
#include "sim/engine/run.h"
#include "sim/files/scenario.h"

typedef struct mc_study {
    const scenario *sc;   /* scenario whose uncertain inputs are drawn */
    run_opts opts;        /* solver and report settings */
    uint64_t seed;        /* study seed */
    size_t samples;       /* number of samples, >= 1 */
    const int *vars;      /* V_ ids of the outputs */
    size_t nvars;         /* their number */
    const double *probs;  /* quantile probabilities in [0, 1] */
    size_t nprobs;        /* their number */
    int keep_samples;     /* 1: keep every sample's draws and outputs in the bands */
} mc_study;

typedef struct mc_bands {
    size_t rows;         /* report years */
    double *t;           /* rows report years */
    size_t nvars;        /* outputs per year (as in the study) */
    size_t width;        /* 2 + nprobs figures per cell */
    double *stats;       /* rows x nvars cells of width figures: mean, sd, quantiles;
                            cell (row, k) at stats[(row * nvars + k) * width] */
    size_t n_uncertain;  /* uncertain inputs drawn per sample (sample_uncertain_vars order) */
    double *samples;     /* keep_samples: per sample, its n_uncertain draws then its
                            rows x nvars outputs (row-major); NULL otherwise */
} mc_bands;

/* Runs the study over ex into out (owned; release with mc_bands_release).
 * Returns 0, or non-zero with err filled: a sample whose run fails names
 * its index, so `--seed` and the index reproduce it. Under MPI every rank
 * calls it and gets the same return value, but only rank 0 gets the bands
 * (and keeps all samples x (n_uncertain + rows x nvars) doubles while it
 * runs); on the other ranks out is left empty (all zero). */
int mc_study_run(const mc_study *s, pool_exec *ex, mc_bands *out, sim_error *err);
void mc_bands_release(mc_bands *b);

#endif
