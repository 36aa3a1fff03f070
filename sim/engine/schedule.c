/* schedule.c: the baseline scenario and the time schedules of levers.
 *
 * A lever acts from its start year, ramping linearly from its baseline value
 * to its target over `ramp` years (En-ROADS's detailed lever view). The
 * schedule is piecewise linear; its kinks are the integrator's breakpoints. */
#include "sim/files/scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void scenario_init(scenario *sc)
{
    memset(sc, 0, sizeof *sc);
    snprintf(sc->name, sizeof sc->name, "%s", "Baseline");
    sc->start = SCENARIO_START_MIN;
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
    qsort(out, n, sizeof *out, cmp_double);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || out[i] != out[m - 1])
            out[m++] = out[i];
    return m;
}
