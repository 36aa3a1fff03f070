/* stats.c: quantiles, mean and standard deviation of ensembles. */
#include "sim/studies/stats.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

double stats_quantile_sorted(const double *sorted, size_t n, double p)
{
    if (n == 0)
        return NAN;
    if (!(p > 0.0))
        return sorted[0];
    if (p >= 1.0)
        return sorted[n - 1];
    double h = (double)(n - 1) * p;
    size_t j = (size_t)floor(h);
    if (j + 1 >= n)
        return sorted[n - 1];
    double g = h - (double)j;
    /* Equal neighbours give that value exactly (no rounding from g). */
    if (g == 0.0 || sorted[j + 1] == sorted[j])
        return sorted[j];
    return sorted[j] + g * (sorted[j + 1] - sorted[j]);
}

/* Rearranges x[lo..hi] so that x[k] holds the value it would hold sorted,
 * with nothing larger before it and nothing smaller after it. */
static void stats_select(double *x, size_t lo, size_t hi, size_t k)
{
    while (lo < hi) {
        /* Median of three as pivot keeps sorted and reversed data linear. */
        size_t mid = lo + (hi - lo) / 2;
        double a = x[lo], b = x[mid], c = x[hi];
        double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        size_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j) {
                double t = x[i];
                x[i] = x[j];
                x[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        /* Now x[lo..j] <= pivot <= x[i..hi], and i > j. */
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

/* Quantiles by repeated selection: for small ensembles. */
static void stats_quantiles_select(double *x, size_t n, const double *probs, size_t np,
                                   double *q)
{
    size_t lo = 0; /* x[0..lo-1] hold the lo smallest values, in order of rank */
    for (size_t k = 0; k < np; k++) {
        if (n == 0) {
            q[k] = NAN;
            continue;
        }
        double p = probs[k] > 0.0 ? (probs[k] < 1.0 ? probs[k] : 1.0) : 0.0;
        double h = (double)(n - 1) * p;
        size_t j = (size_t)floor(h);
        if (j > n - 1)
            j = n - 1;
        double g = h - (double)j;
        /* Selections at increasing ranks reuse the partition already made. */
        size_t from = j >= lo ? lo : 0;
        stats_select(x, from, n - 1, j);
        lo = j + 1;
        double v = x[j];
        if (g > 0.0 && j + 1 < n) {
            double next = x[j + 1];
            for (size_t i = j + 2; i < n; i++)
                if (x[i] < next)
                    next = x[i];
            if (next != v)
                v = v + g * (next - v);
        }
        q[k] = v;
    }
}

static int stats_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Where p's quantile lies: ranks j and j + 1 with weight g on the second. */
static void stats_rank(size_t n, double p, size_t *j, double *g)
{
    p = p > 0.0 ? (p < 1.0 ? p : 1.0) : 0.0;
    double h = (double)(n - 1) * p;
    *j = (size_t)floor(h);
    if (*j > n - 1)
        *j = n - 1;
    *g = h - (double)*j;
}

/* Quantiles of large ensembles by counting: the values are binned by value
 * (a monotone map, so the bins are ordered), the bins holding the wanted
 * ranks are found from the counts, and only their values are sorted. Three
 * passes with few unpredictable branches instead of a partition per
 * quantile. Exact: the same order statistics as a full sort. Returns 0 when
 * the values are not all finite (the caller then selects). */
#define STATS_BINS 1024
#define STATS_RANKS_MAX 128

static int stats_quantiles_binned(double *x, size_t n, const double *probs, size_t np,
                                  double *q)
{
    if (np > STATS_RANKS_MAX / 2)
        return 0;
    double lo = x[0], hi = x[0];
    int nan = 0;
    for (size_t i = 0; i < n; i++) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
        nan |= isnan(x[i]);
    }
    if (nan || !isfinite(hi - lo)) /* (and so lo and hi finite) */
        return 0;
    if (lo == hi) {
        for (size_t k = 0; k < np; k++)
            q[k] = lo;
        return 1;
    }
    double scale = (double)STATS_BINS / (hi - lo);
    size_t count[STATS_BINS] = {0};
    for (size_t i = 0; i < n; i++) {
        size_t b = (size_t)((x[i] - lo) * scale);
        count[b < STATS_BINS ? b : STATS_BINS - 1]++;
    }
    /* below[b]: values in the bins before b. */
    size_t below[STATS_BINS + 1];
    below[0] = 0;
    for (size_t b = 0; b < STATS_BINS; b++)
        below[b + 1] = below[b] + count[b];

    /* The ranks wanted, their bins, and the bins to gather. */
    size_t rank[STATS_RANKS_MAX], rbin[STATS_RANKS_MAX], nr = 0;
    unsigned char want[STATS_BINS] = {0};
    for (size_t k = 0; k < np; k++) {
        size_t j;
        double g;
        stats_rank(n, probs[k], &j, &g);
        rank[nr++] = j;
        rank[nr++] = j + 1 < n ? j + 1 : j;
    }
    for (size_t r = 0; r < nr; r++) {
        size_t b0 = 0, b1 = STATS_BINS; /* the bin with below[b] <= rank < below[b + 1] */
        while (b1 - b0 > 1) {
            size_t mid = (b0 + b1) / 2;
            if (below[mid] <= rank[r])
                b0 = mid;
            else
                b1 = mid;
        }
        rbin[r] = b0;
        want[b0] = 1;
    }
    /* Gather the wanted bins' values at the front of x, sort them, and find
     * where each wanted bin starts among them. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t b = (size_t)((x[i] - lo) * scale);
        if (want[b < STATS_BINS ? b : STATS_BINS - 1]) {
            double t = x[m];
            x[m++] = x[i];
            x[i] = t;
        }
    }
    qsort(x, m, sizeof *x, stats_cmp);
    size_t start[STATS_BINS], at = 0;
    for (size_t b = 0; b < STATS_BINS; b++) {
        start[b] = at;
        if (want[b])
            at += count[b];
    }
    for (size_t k = 0; k < np; k++) {
        size_t j;
        double g;
        stats_rank(n, probs[k], &j, &g);
        double v = x[start[rbin[2 * k]] + (rank[2 * k] - below[rbin[2 * k]])];
        if (g > 0.0 && j + 1 < n) {
            double next = x[start[rbin[2 * k + 1]] + (rank[2 * k + 1] - below[rbin[2 * k + 1]])];
            if (next != v)
                v = v + g * (next - v);
        }
        q[k] = v;
    }
    return 1;
}

void stats_quantiles(double *x, size_t n, const double *probs, size_t np, double *q)
{
    if (n > 4 * STATS_BINS && stats_quantiles_binned(x, n, probs, np, q))
        return;
    stats_quantiles_select(x, n, probs, np, q);
}

void stats_mean_sd(const double *x, size_t n, double *mean, double *sd)
{
    /* Two passes (the mean, then the squared deviations from it): as
     * accurate as Welford's update, without a division per value. */
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += x[i];
    double m = n ? sum / (double)n : NAN, s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += (x[i] - m) * (x[i] - m);
    *mean = m;
    *sd = n > 1 ? sqrt(s / (double)(n - 1)) : 0.0;
}

void stats_bands(const double *data, size_t n, size_t cells, const double *probs, size_t np,
                 double *mean, double *sd, double *q, double *scratch)
{
    for (size_t c = 0; c < cells; c++) {
        for (size_t i = 0; i < n; i++)
            scratch[i] = data[i * cells + c];
        stats_mean_sd(scratch, n, &mean[c], &sd[c]);
        stats_quantiles(scratch, n, probs, np, q + c * np);
    }
}

size_t stats_parse_percentiles(const char *text, double *probs, size_t cap, sim_error *err)
{
    size_t n = 0;
    const char *p = text;
    if (*p == '\0') {
        sim_error_set(err, SIM_EINVAL, NULL, 0, "empty quantile list");
        return 0;
    }
    for (;;) {
        char *end;
        errno = 0;
        double v = strtod(p, &end);
        if (end == p || errno != 0 || !isfinite(v) || (*end != ',' && *end != '\0')) {
            sim_error_set(err, SIM_EINVAL, NULL, 0,
                          "'%s' is not a comma-separated list of percentages", text);
            return 0;
        }
        if (v < 0.0 || v > 100.0) {
            sim_error_set(err, SIM_EINVAL, NULL, 0, "quantile %g lies outside 0 to 100", v);
            return 0;
        }
        if (n > 0 && v / 100.0 <= probs[n - 1]) {
            sim_error_set(err, SIM_EINVAL, NULL, 0,
                          "quantiles in '%s' must be strictly increasing", text);
            return 0;
        }
        if (n == cap) {
            sim_error_set(err, SIM_EINVAL, NULL, 0, "more than %zu quantiles in '%s'", cap,
                          text);
            return 0;
        }
        probs[n++] = v / 100.0;
        if (*end == '\0')
            break;
        p = end + 1;
    }
    return n;
}
