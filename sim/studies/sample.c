/* sample.c: per-sample random streams, inverse distribution functions,
 * Latin hypercube and factorial grids, and sweep-axis parsing. */
#include "sim/studies/sample.h"
#include "sim/engine/gsl_init.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

uint64_t sample_stream_seed(uint64_t seed, uint64_t index)
{
    return splitmix64(splitmix64(seed) ^ index);
}

void sample_stream(gsl_rng *rng, uint64_t seed, uint64_t index)
{
    /* gsl_rng_set takes an unsigned long; fold the 64 bits so that 32-bit
     * longs see them all. mt19937 treats seed 0 as its default seed 4357,
     * which is still a fixed function of (seed, index). */
    uint64_t s = sample_stream_seed(seed, index);
    gsl_rng_set(rng, (unsigned long)(s ^ (s >> 32)));
}

double sample_inverse_cdf(var_dist dist, double lo, double mode, double hi, double u)
{
    if (u < 0.0)
        u = 0.0;
    if (u > 1.0)
        u = 1.0;
    switch (dist) {
    case DIST_UNIFORM:
        return lo + u * (hi - lo);
    case DIST_TRIANGULAR: {
        if (hi <= lo)
            return lo;
        double c = mode < lo ? lo : mode > hi ? hi : mode;
        double fc = (c - lo) / (hi - lo); /* the CDF at the mode */
        if (u < fc)
            return lo + sqrt(u * (hi - lo) * (c - lo));
        return hi - sqrt((1.0 - u) * (hi - lo) * (hi - c));
    }
    case DIST_NONE:
    default:
        return mode;
    }
}

int sample_is_uncertain(const var_desc *d)
{
    return (d->kind == VAR_ASSUMPTION || d->kind == VAR_PARAM) && var_is_estimate(d) &&
           d->dist != DIST_NONE && d->unc_lo < d->unc_hi;
}

size_t sample_uncertain_vars(int *vars, size_t cap)
{
    size_t n = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        if (!sample_is_uncertain(&var_table[i]))
            continue;
        if (n < cap)
            vars[n] = i;
        n++;
    }
    return n;
}

void sample_mc_draw(scenario *sc, const int *vars, size_t n, gsl_rng *rng, uint64_t seed,
                    uint64_t index, double *values)
{
    sample_stream(rng, seed, index);
    for (size_t k = 0; k < n; k++) {
        const var_desc *d = &var_table[vars[k]];
        double u = gsl_rng_uniform(rng);
        double x = sample_inverse_cdf(d->dist, d->unc_lo, d->value, d->unc_hi, u);
        sc->value[vars[k]] = x;
        if (values)
            values[k] = x;
    }
}

void sample_lhs(size_t n, size_t dims, uint64_t seed, double *u)
{
    if (n == 0 || dims == 0)
        return;
    sim_gsl_init(); /* GSL's default handler aborts on a failed alloc */
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    size_t *perm = malloc(n * sizeof *perm);
    if (rng == NULL || perm == NULL) {
        /* Out of memory: fall back to the stratum centres in order, which
         * is still a valid (if unshuffled) design. */
        for (size_t i = 0; i < n; i++)
            for (size_t d = 0; d < dims; d++)
                u[i * dims + d] = ((double)i + 0.5) / (double)n;
        gsl_rng_free(rng);
        free(perm);
        return;
    }
    for (size_t d = 0; d < dims; d++) {
        /* One stream per dimension, so adding an axis leaves the others'
         * points where they were. */
        sample_stream(rng, seed, (uint64_t)d);
        for (size_t i = 0; i < n; i++)
            perm[i] = i;
        for (size_t i = n - 1; i > 0; i--) { /* Fisher-Yates */
            size_t j = (size_t)gsl_rng_uniform_int(rng, (unsigned long)(i + 1));
            size_t t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (size_t i = 0; i < n; i++)
            u[i * dims + d] = ((double)perm[i] + gsl_rng_uniform(rng)) / (double)n;
    }
    free(perm);
    gsl_rng_free(rng);
}

void sample_grid_point(const size_t *steps, size_t dims, size_t index, double *u)
{
    for (size_t d = dims; d-- > 0;) {
        size_t level = index % steps[d];
        index /= steps[d];
        u[d] = steps[d] > 1 ? (double)level / (double)(steps[d] - 1) : 0.0;
    }
}

size_t sample_grid_size(const size_t *steps, size_t dims, size_t max_points)
{
    size_t n = 1;
    for (size_t d = 0; d < dims; d++) {
        if (steps[d] == 0 || n > max_points / steps[d])
            return 0;
        n *= steps[d];
    }
    return n;
}

/* Parses a whole finite number from [s, end); 0 on failure. */
static int parse_number(const char *s, size_t len, double *x)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (end == buf || *end != '\0' || errno != 0 || !isfinite(v))
        return 0;
    *x = v;
    return 1;
}

sim_status sample_axis_parse(const char *text, int need_steps, sample_axis *axis,
                             sim_error *err)
{
    const char *eq = strchr(text, '=');
    if (eq == NULL || eq == text)
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "'%s' is not NAME=LO:HI:STEPS", text);
    char name[128];
    size_t nlen = (size_t)(eq - text);
    if (nlen >= sizeof name)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "name too long in '%s'", text);
    memcpy(name, text, nlen);
    name[nlen] = '\0';
    sample_field field = SAMPLE_VALUE;
    char *dot = strrchr(name, '.');
    if (dot != NULL && (strcmp(dot, ".start") == 0 || strcmp(dot, ".ramp") == 0)) {
        field = dot[1] == 's' ? SAMPLE_START : SAMPLE_RAMP;
        *dot = '\0';
        int lv = var_find(name);
        if (lv < 0 || var_table[lv].kind != VAR_LEVER) {
            int s = var_suggest(name, 1u << VAR_LEVER);
            if (s >= 0)
                return sim_error_set(err, SIM_EINVAL, NULL, 0,
                                     "'%s' is not a lever (did you mean '%s'?)", name,
                                     var_table[s].name);
            return sim_error_set(err, SIM_EINVAL, NULL, 0, "'%s' is not a lever", name);
        }
    }
    int v = var_find(name);
    unsigned kinds = 1u << VAR_LEVER | 1u << VAR_ASSUMPTION | 1u << VAR_PARAM;
    if (v < 0 || !(kinds & (1u << var_table[v].kind))) {
        int s = var_suggest(name, kinds);
        if (s >= 0)
            return sim_error_set(err, SIM_EINVAL, NULL, 0,
                                 "'%s' is not a lever, assumption or parameter "
                                 "(did you mean '%s'?)", name, var_table[s].name);
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "'%s' is not a lever, assumption or parameter", name);
    }

    const char *p = eq + 1;
    const char *c1 = strchr(p, ':');
    const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    double lo, hi, steps = 1.0;
    if (c1 == NULL || !parse_number(p, (size_t)(c1 - p), &lo) ||
        !parse_number(c1 + 1, c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1), &hi))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "'%s' is not %s", text,
                             need_steps ? "NAME=LO:HI:STEPS" : "NAME=LO:HI[:STEPS]");
    if (c2 != NULL) {
        if (!parse_number(c2 + 1, strlen(c2 + 1), &steps) || steps < 1.0 ||
            steps != floor(steps) || steps > 1e9)
            return sim_error_set(err, SIM_EINVAL, NULL, 0,
                                 "steps in '%s' must be a whole number of at least 1", text);
    } else if (need_steps) {
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "'%s' has no STEPS (NAME=LO:HI:STEPS)", text);
    }
    if (lo > hi)
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "LO %g is above HI %g in '%s'", lo, hi, text);
    const var_desc *d = &var_table[v];
    if (field == SAMPLE_START && (lo < SCENARIO_START_MIN || hi > SCENARIO_END_MAX))
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "start years %g:%g of '%s' lie outside the model's years %g to %g",
                             lo, hi, name, SCENARIO_START_MIN, SCENARIO_END_MAX);
    if (field == SAMPLE_RAMP && lo < 0.0)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "negative ramp %g of '%s'", lo, name);
    if (field == SAMPLE_VALUE && d->min < d->max && (lo < d->min || hi > d->max))
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "'%s' range %g:%g lies outside its allowed range %g to %g",
                             name, lo, hi, d->min, d->max);
    if (steps > 1.0 && lo == hi)
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "'%s' asks for %g steps between equal bounds", text, steps);
    axis->var = v;
    axis->field = field;
    axis->lo = lo;
    axis->hi = hi;
    axis->steps = (size_t)steps;
    return SIM_OK;
}

double sample_axis_value(const sample_axis *axis, double u)
{
    return u >= 1.0 ? axis->hi : axis->lo + u * (axis->hi - axis->lo);
}

void sample_axis_apply(const sample_axis *axis, double x, scenario *sc)
{
    int v = axis->var;
    switch (axis->field) {
    case SAMPLE_START: sc->lever_start[v] = x; break;
    case SAMPLE_RAMP: sc->lever_ramp[v] = x; break;
    case SAMPLE_VALUE:
    default: sc->value[v] = x; break;
    }
    sc->set[v] = 1;
}

const char *sample_axis_name(const sample_axis *axis, char *buf, size_t n)
{
    static const char *const suffix[] = {"", ".start", ".ramp"};
    snprintf(buf, n, "%s%s", var_table[axis->var].name, suffix[axis->field]);
    return buf;
}
