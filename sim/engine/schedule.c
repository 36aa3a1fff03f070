/* schedule.c: the baseline scenario and the time schedules of levers and
 * series.
 *
 * A lever acts from its start year, ramping linearly from its baseline value
 * to its target over `ramp` years (En-ROADS's detailed lever view). The
 * schedule is piecewise linear; its kinks are the integrator's breakpoints.
 * A series holds each yearly value through its year (sim/files/scenario.h);
 * its steps are breakpoints too. */
#include "sim/files/scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void scenario_init(scenario *sc)
{
    memset(sc, 0, sizeof *sc);
    snprintf(sc->name, sizeof sc->name, "%s", "Baseline");
    sc->start = SCENARIO_START_DEFAULT;
    sc->end = 2050.0;
    for (int i = 0; i < VAR_COUNT; i++) {
        sc->value[i] = var_table[i].value;
        sc->lever_start[i] = sc->start;
        sc->lever_ramp[i] = 0.0;
    }
}

double scenario_lever_at(const scenario *sc, int var, double t, double t_phase)
{
    double base = var_table[var].value, target = sc->value[var];
    if (target == base)
        return base;
    double start = sc->lever_start[var], ramp = sc->lever_ramp[var];
    if (t_phase < start)
        return base;
    if (ramp <= 0.0 || t_phase >= start + ramp)
        return target;
    return base + (target - base) * (t - start) / ramp;
}

/* The integral from the start of the schedule to t of max(0, value - base):
 * 0 before the start, a parabola along the ramp, then linear. */
static double excess_until(double delta, double start, double ramp, double t)
{
    if (t <= start)
        return 0.0;
    if (ramp > 0.0 && t < start + ramp)
        return delta * (t - start) * (t - start) / (2.0 * ramp);
    return delta * (0.5 * ramp + (t - start - ramp));
}

double scenario_lever_excess(const scenario *sc, int var, double t0, double t)
{
    double delta = sc->value[var] - var_table[var].value;
    if (!(delta > 0.0))
        return 0.0;
    double start = sc->lever_start[var], ramp = sc->lever_ramp[var];
    return excess_until(delta, start, ramp, t) - excess_until(delta, start, ramp, t0);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

size_t scenario_breakpoints(const scenario *sc, double from, double to, double *out, size_t cap)
{
    size_t n = 0;
    for (int l = 0; l < LEVER_COUNT; l++) {
        int v = var_lever_ids[l];
        if (sc->value[v] == var_table[v].value)
            continue;
        double kinks[2] = {sc->lever_start[v], sc->lever_start[v] + sc->lever_ramp[v]};
        for (int k = 0; k < 2; k++)
            if (kinks[k] > from && kinks[k] < to && n < cap)
                out[n++] = kinks[k];
    }
    for (int i = 0; i < sc->nseries; i++) {
        const scenario_series *s = &sc->series[i];
        for (int k = 0; k <= s->n; k++) {
            double y = k < s->n ? s->year[k] : s->year[s->n - 1] + 1.0;
            if (y > from && y < to && n < cap)
                out[n++] = y;
        }
    }
    qsort(out, n, sizeof *out, cmp_double);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || out[i] != out[m - 1])
            out[m++] = out[i];
    return m;
}

const scenario_series *scenario_series_of(const scenario *sc, int var)
{
    for (int i = 0; i < sc->nseries; i++)
        if (sc->series[i].var == var)
            return &sc->series[i];
    return NULL;
}

double scenario_series_at(const scenario_series *s, double t, double t_phase, double fallback)
{
    (void)t; /* steps: the value is constant inside a piece */
    if (s == NULL || s->n == 0 || t_phase < s->year[0] || t_phase >= s->year[s->n - 1] + 1.0)
        return fallback;
    int k = 0;
    while (k + 1 < s->n && t_phase >= s->year[k + 1])
        k++;
    return s->value[k];
}

/* Skips blanks. */
static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

int scenario_series_parse(scenario_series *s, int var, const char *text, sim_error *why)
{
    const var_desc *d = &var_table[var];
    memset(s, 0, sizeof *s); /* whole, so that scenarios compare bytewise */
    s->var = var;
    const char *p = skip_blanks(text);
    if (*p == '\0') {
        sim_error_set(why, SIM_EPARSE, NULL, 0, "series of '%s' is empty (expected YEAR:VALUE, ...)", d->name);
        return 0;
    }
    while (*p != '\0') {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char knot[128];
        while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len == 0 || len >= sizeof knot) {
            sim_error_set(why, SIM_EPARSE, NULL, 0, "empty or overlong knot %d in the series of '%s'", s->n + 1,
                     d->name);
            return 0;
        }
        memcpy(knot, p, len);
        knot[len] = '\0';
        char *colon = strchr(knot, ':');
        char *end1 = NULL, *end2 = NULL;
        double year = NAN, value = NAN;
        if (colon != NULL) {
            *colon = '\0';
            year = strtod(knot, &end1);
            value = strtod(colon + 1, &end2);
        }
        if (colon == NULL || end1 == knot || *skip_blanks(end1) != '\0' ||
            end2 == colon + 1 || *skip_blanks(end2) != '\0' || !isfinite(year) ||
            !isfinite(value)) {
            if (colon != NULL)
                *colon = ':';
            sim_error_set(why, SIM_EPARSE, NULL, 0, "knot '%s' of the series of '%s' is not YEAR:VALUE", knot,
                     d->name);
            return 0;
        }
        if (year != floor(year)) {
            sim_error_set(why, SIM_EPARSE, NULL, 0, "year %g in the series of '%s' is not a whole year", year,
                     d->name);
            return 0;
        }
        if (s->n > 0 && !(year > s->year[s->n - 1])) {
            sim_error_set(why, SIM_EPARSE, NULL, 0, "year %g in the series of '%s' does not follow %g", year,
                     d->name, s->year[s->n - 1]);
            return 0;
        }
        if (!(value >= d->min && value <= d->max)) {
            sim_error_set(why, SIM_EPARSE, NULL, 0, "value %g for %g of %s '%s' is outside its range %g to %g",
                     value, year, var_kind_name(d->kind), d->name, d->min, d->max);
            return 0;
        }
        if (s->n == SCENARIO_KNOTS_MAX) {
            sim_error_set(why, SIM_EPARSE, NULL, 0, "series of '%s' has more than %d knots", d->name,
                     SCENARIO_KNOTS_MAX);
            return 0;
        }
        /* A negative zero ("-0.") is stored as the zero the writer writes
         * back, as the reader does for single values. */
        s->year[s->n] = year == 0.0 ? 0.0 : year;
        s->value[s->n] = value == 0.0 ? 0.0 : value;
        s->n++;
        if (comma == NULL)
            break;
        p = skip_blanks(comma + 1);
        if (*p == '\0') {
            sim_error_set(why, SIM_EPARSE, NULL, 0, "series of '%s' ends with a comma", d->name);
            return 0;
        }
    }
    return 1;
}
