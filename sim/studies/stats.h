/* stats.h: summary statistics of Monte Carlo ensembles: sample quantiles by
 * linear interpolation between order statistics (Hyndman and Fan 1996,
 * definition 7: the default of R's quantile() and of NumPy), mean and
 * standard deviation. Pure functions; no allocation. */
#ifndef SIM_STATS_H
#define SIM_STATS_H

#include <stddef.h>

#include "sim/engine/status.h"

/* The p-quantile (p in [0, 1]) of n >= 1 values sorted ascending: with
 * h = (n - 1) p, x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * p = 0 gives the minimum, p = 1 the maximum. */
double stats_quantile_sorted(const double *sorted, size_t n, double p);

/* Writes the np quantiles probs[k] of the n values x to q[k], by the same
 * definition as stats_quantile_sorted but without a full sort: x is
 * reordered in place, by selection (Hoare's FIND) for small n and by
 * counting values into ordered bins for large n; O(n) either way. The
 * values must not be NaN. */
void stats_quantiles(double *x, size_t n, const double *probs, size_t np, double *q);

/* Mean and sample standard deviation (n - 1 in the denominator; 0 for
 * n < 2) of n values, in two passes (the mean, then the deviations). */
void stats_mean_sd(const double *x, size_t n, double *mean, double *sd);

/* Bands of an ensemble: data holds n samples of `cells` values each,
 * sample-major (sample i, cell c at data[i * cells + c]). For every cell
 * writes the mean to mean[c], the standard deviation to sd[c] and the np
 * quantiles to q[c * np + k]. scratch holds n doubles. Samples are taken in
 * index order, so the figures depend on the data alone. */
void stats_bands(const double *data, size_t n, size_t cells, const double *probs, size_t np,
                 double *mean, double *sd, double *q, double *scratch);

/* Parses a list of percentages such as "5,25,50,75,95" into probabilities
 * (0.05, 0.25, ...), up to cap of them. Each must be a number in [0, 100],
 * the list strictly increasing. Returns the count, or 0 with err filled. */
size_t stats_parse_percentiles(const char *text, double *probs, size_t cap, sim_error *err);

#endif
