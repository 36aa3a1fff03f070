/* chart_hit.c: hit testing of observed points and lines (see chart_hit.h). */
#include "render/chart_hit.h"

#include <math.h>

int chart_dot_at(const chart_geom *g, const chart_dots *d, int x, int y, int radius)
{
    int best = -1;
    double bd = (double)radius * radius;
    for (int i = 0; i < d->n; i++) {
        if (!isfinite(d->v[i]))
            continue;
        double dx = (double)chart_x_of(g, d->t[i]) - x, dy = (double)chart_y_of(g, d->v[i]) - y;
        double dd = dx * dx + dy * dy;
        if (dd <= bd) {
            bd = dd;
            best = i;
        }
    }
    return best;
}

/* Squared distance from p to the segment a-b. */
static double seg_dist2(double px, double py, double ax, double ay, double bx, double by)
{
    double vx = bx - ax, vy = by - ay, wx = px - ax, wy = py - ay;
    double len2 = vx * vx + vy * vy;
    double f = len2 > 0 ? (wx * vx + wy * vy) / len2 : 0;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    double dx = wx - f * vx, dy = wy - f * vy;
    return dx * dx + dy * dy;
}

int chart_line_at(const chart_geom *g, const chart_spec *spec, int x, int y, int tol)
{
    if (!ui_rect_contains(g->plot, x, y))
        return -1;
    int best = -1;
    double bd = (double)tol * tol;
    for (int k = 0; k < spec->nseries; k++) {
        const chart_series *s = &spec->series[k];
        size_t st = s->stride ? s->stride : 1;
        double sc = s->scale != 0 ? s->scale : 1;
        for (int i = 0; i + 1 < s->n; i++) {
            double v0 = s->y[(size_t)i * st] * sc, v1 = s->y[(size_t)(i + 1) * st] * sc;
            if (!isfinite(v0) || !isfinite(v1))
                continue;
            double ax = (double)chart_x_of(g, s->t[i]), bx = (double)chart_x_of(g, s->t[i + 1]);
            if (x < ax - tol || x > bx + tol)
                continue;
            double d = seg_dist2(x, y, ax, (double)chart_y_of(g, v0), bx, (double)chart_y_of(g, v1));
            if (d <= bd) {
                bd = d;
                best = k;
            }
        }
    }
    return best;
}
