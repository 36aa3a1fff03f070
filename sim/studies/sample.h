/* sample.h: reproducible sampling for sweeps and Monte Carlo.
 *
 * Every sample draws from a random stream of its own, seeded from the pair
 * (seed, sample index) by a fixed mixing function, so that sample i has the
 * same values whichever thread, rank or order computes it. Points are first
 * drawn in the unit cube and then mapped to a variable's range or
 * distribution; the Latin hypercube and the factorial grid are generated
 * whole, from the seed alone. Pure functions of their arguments. */
#ifndef SIM_SAMPLE_H
#define SIM_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "sim/files/scenario.h"
#include "sim/engine/status.h"
#include "sim/engine/var.h"

/* The seed of sample `index`'s stream: SplitMix64 (Steele, Lea and Flood
 * 2014) applied to seed and index, so nearby seeds and indices give
 * unrelated streams. */
uint64_t sample_stream_seed(uint64_t seed, uint64_t index);

/* Reseeds rng (any GSL generator; transim uses gsl_rng_mt19937) for sample
 * `index` of a study with `seed`. */
void sample_stream(gsl_rng *rng, uint64_t seed, uint64_t index);

/* The value with cumulative probability u in [0, 1] of a distribution on
 * [lo, hi]: DIST_UNIFORM is lo + u (hi - lo); DIST_TRIANGULAR has its mode
 * at `mode` (clamped into [lo, hi]). DIST_NONE returns mode. */
double sample_inverse_cdf(var_dist dist, double lo, double mode, double hi, double u);

/* 1 when Monte Carlo draws the row d: an [est] or [fit] assumption or
 * parameter with a distribution over a range that is not empty. */
int sample_is_uncertain(const var_desc *d);

/* The uncertain inputs of the model: the assumptions and parameters whose
 * source is "[est]" and that have a distribution (dist != DIST_NONE) with
 * unc_lo < unc_hi. Writes up to cap V_ indices, in table order, to vars;
 * returns how many there are (which may exceed cap). */
size_t sample_uncertain_vars(int *vars, size_t cap);

/* Draws sample `index` of a Monte Carlo study with `seed` into sc: each of
 * the n vars (from sample_uncertain_vars) gets a value from its
 * distribution, one uniform number each, in the order given. rng is scratch
 * (reseeded here). When values is not NULL the n drawn values are copied
 * to it. */
void sample_mc_draw(scenario *sc, const int *vars, size_t n, gsl_rng *rng, uint64_t seed,
                    uint64_t index, double *values);

/* Latin hypercube: n points in [0, 1)^dims, row-major into u (n * dims).
 * In each dimension exactly one point falls in each of the n strata
 * [k/n, (k+1)/n); the strata are matched across dimensions by random
 * permutations and each point is uniform within its stratum (McKay,
 * Beckman and Conover 1979). Deterministic in seed. */
void sample_lhs(size_t n, size_t dims, uint64_t seed, double *u);

/* Point `index` of a full factorial grid with steps[d] >= 1 levels in each
 * of dims dimensions, the last dimension varying fastest: writes the
 * fractions level / (steps - 1) (0 when steps == 1) into u[dims]. */
void sample_grid_point(const size_t *steps, size_t dims, size_t index, double *u);

/* The number of points of that grid, or 0 when it exceeds max_points
 * (or overflows). */
size_t sample_grid_size(const size_t *steps, size_t dims, size_t max_points);

/* What an axis sets: a value, or a lever's start year or ramp. */
typedef enum sample_field {
    SAMPLE_VALUE = 0, /* the lever's target, or the assumption's or parameter's value */
    SAMPLE_START,     /* LEVER.start: the year the lever starts acting */
    SAMPLE_RAMP       /* LEVER.ramp: years from start to full value */
} sample_field;

/* One `--vary NAME=LO:HI:STEPS` axis of a sweep. */
typedef struct sample_axis {
    int var;      /* V_ index of a lever, assumption or parameter */
    sample_field field; /* what of it the axis sets */
    double lo;    /* lowest value */
    double hi;    /* highest value (>= lo) */
    size_t steps; /* grid levels (>= 1; 1 = lo only) */
} sample_axis;

/* Parses "NAME=LO:HI:STEPS" (STEPS may be left out with --lhs: "NAME=LO:HI")
 * into axis. NAME is a lever, assumption or parameter, or LEVER.start or
 * LEVER.ramp. Checks the name (with a "did you mean"), that LO <= HI, that
 * both lie in the variable's range (start: the model's years; ramp: 0 or
 * more), and that STEPS is a whole number >= 1 (when need_steps). Whether a
 * start lies within a scenario's run is for scenario_validate. SIM_EINVAL
 * with a message on failure; axis is written only on success. */
sim_status sample_axis_parse(const char *text, int need_steps, sample_axis *axis,
                             sim_error *err);

/* The value of an axis at unit-cube fraction u: lo + u (hi - lo). */
double sample_axis_value(const sample_axis *axis, double u);

/* Sets what the axis names to x in sc (and marks it set). */
void sample_axis_apply(const sample_axis *axis, double x, scenario *sc);

/* The axis's name as typed: "adult_training_places.start". buf >= 160. */
const char *sample_axis_name(const sample_axis *axis, char *buf, size_t n);

#endif
