/* chart.c: line charts as ui commands (see chart.h). */
#include "render/chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/chart_hit.h"
#include "render/fmt.h"

/* Okabe & Ito (2008), "Color Universal Design": black, orange, sky blue,
 * bluish green, yellow, blue, vermillion, reddish purple. */
const ui_color chart_palette[8] = {
    {0x00, 0x00, 0x00, 255}, {0xE6, 0x9F, 0x00, 255}, {0x56, 0xB4, 0xE9, 255},
    {0x00, 0x9E, 0x73, 255}, {0xF0, 0xE4, 0x42, 255}, {0x00, 0x72, 0xB2, 255},
    {0xD5, 0x5E, 0x00, 255}, {0xCC, 0x79, 0xA7, 255},
};
const ui_color chart_baseline_grey = {0x8A, 0x93, 0x9D, 255};

chart_ticks chart_ticks_nice(double lo, double hi, int target)
{
    chart_ticks t;
    if (target < 2)
        target = 2;
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi < lo) {
        double s = lo;
        lo = hi;
        hi = s;
    }
    if (hi - lo <= 1e-12 * fmax(fabs(lo), fabs(hi))) {
        double pad = fabs(lo) > 0 ? fabs(lo) * 0.1 : 1.0;
        lo -= pad;
        hi += pad;
        if (lo < 0 && lo + pad >= 0)
            lo = 0; /* a flat non-negative line keeps a zero floor */
    }
    double raw = (hi - lo) / target;
    double mag = pow(10.0, floor(log10(raw)));
    double f = raw / mag;
    double nice = f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 2.5 ? 2.5 : f <= 5.0 ? 5.0 : 10.0;
    t.step = nice * mag;
    t.lo = floor(lo / t.step + 1e-9) * t.step;
    t.hi = ceil(hi / t.step - 1e-9) * t.step;
    t.n = (int)lround((t.hi - t.lo) / t.step) + 1;
    if (t.n > CHART_TICKS_MAX) {
        /* Only reachable for odd targets: thin the ticks out. */
        t.step *= 2;
        t.lo = floor(lo / t.step + 1e-9) * t.step;
        t.hi = ceil(hi / t.step - 1e-9) * t.step;
        t.n = (int)lround((t.hi - t.lo) / t.step) + 1;
    }
    t.decimals = fmt_decimals_for_step(t.step);
    return t;
}

static double series_value(const chart_series *s, int i)
{
    double v = s->y[(size_t)i * (s->stride ? s->stride : 1)];
    return s->scale != 0 ? v * s->scale : v;
}

/* A band's value i in display units. */
static double band_value(const chart_series *s, const double *b, int i)
{
    return s->scale != 0 ? b[i] * s->scale : b[i];
}

int chart_data_range(const chart_spec *spec, double *lo, double *hi)
{
    double mn = INFINITY, mx = -INFINITY;
    for (int k = 0; k < spec->nseries; k++) {
        const chart_series *s = &spec->series[k];
        for (int i = 0; i < s->n; i++) {
            double v[3] = {series_value(s, i), s->lo ? band_value(s, s->lo, i) : NAN,
                           s->hi ? band_value(s, s->hi, i) : NAN};
            for (int j = 0; j < 3; j++) {
                if (!isfinite(v[j]))
                    continue;
                mn = fmin(mn, v[j]);
                mx = fmax(mx, v[j]);
            }
        }
    }
    for (int i = 0; i < spec->dots.n; i++)
        if (isfinite(spec->dots.v[i])) {
            mn = fmin(mn, spec->dots.v[i]);
            mx = fmax(mx, spec->dots.v[i]);
        }
    if (!(mn <= mx))
        return 0;
    /* Include zero when the data sit near it, so that shares and rates are
     * not exaggerated; keep a tight range for large stocks such as people. */
    if (mn >= 0 && mn < 0.35 * mx)
        mn = 0;
    if (mx <= 0 && mx > 0.35 * mn)
        mx = 0;
    *lo = mn;
    *hi = mx;
    return 1;
}

/* Legend entries: every series, then the band swatch when a series has a
 * band and the spec names it, then the observed points when there are any. */
enum { LEGEND_ITEMS_MAX = CHART_SERIES_MAX + 2, LEGEND_BAND = -1, LEGEND_DOTS = -2 };

typedef struct legend_slot {
    int x;      /* left edge of the swatch, pixels from the legend's left */
    int row;    /* row from the top, 0 first */
    int text_w; /* room for the label, pixels; a wider label gets an ellipsis */
    int k;      /* series index, LEGEND_BAND or LEGEND_DOTS */
} legend_slot;

/* The series whose band the legend shows, or -1. */
static int legend_band_series(const chart_spec *spec)
{
    if (!spec->band_label)
        return -1;
    for (int k = 0; k < spec->nseries; k++)
        if (spec->series[k].lo && spec->series[k].hi)
            return k;
    return -1;
}

/* Greedy flow of the legend's entries into rows of width w, each label no
 * wider than cap pixels. Fills slot (when not NULL); returns the rows used. */
static int legend_flow(const ui_ctx *ctx, const char *const *label, const int *k, int n, int w, int cap,
                       legend_slot *slot)
{
    int sw = ui_px(ctx, 18), gap = ui_px(ctx, 6), sep = ui_px(ctx, 14);
    int x = 0, row = 0;
    for (int i = 0; i < n; i++) {
        int tw = ui_text_width(ctx, UI_FONT_SMALL, label[i]);
        if (tw > cap)
            tw = cap;
        if (x > 0 && x + sw + gap + tw > w) {
            x = 0;
            row++;
        }
        if (x + sw + gap + tw > w)
            tw = w - x - sw - gap > 0 ? w - x - sw - gap : 0; /* alone and still too wide */
        if (slot)
            slot[i] = (legend_slot){x, row, tw, k[i]};
        x += sw + gap + tw + sep;
    }
    return n > 0 ? row + 1 : 0;
}

/* Places every legend entry in width w on at most maxrows rows: at natural
 * width when they fit, else with the longest labels shortened to the widest
 * common cap that fits. Writes slot[0..entries-1], marking entries that find
 * no room even as a bare ellipsis with row >= maxrows; returns the rows used
 * (1..maxrows), 0 when there are no entries. */
static int legend_place(const ui_ctx *ctx, const chart_spec *spec, int w, int maxrows, legend_slot *slot)
{
    const char *label[LEGEND_ITEMS_MAX];
    int k[LEGEND_ITEMS_MAX], n = 0, tmax = 0;
    for (int i = 0; i < spec->nseries && i < CHART_SERIES_MAX; i++) {
        label[n] = spec->series[i].label ? spec->series[i].label : "";
        k[n++] = i;
    }
    if (legend_band_series(spec) >= 0) {
        label[n] = spec->band_label;
        k[n++] = LEGEND_BAND;
    }
    if (spec->dots.n > 0) {
        label[n] = spec->dots.label ? spec->dots.label : "";
        k[n++] = LEGEND_DOTS;
    }
    for (int i = 0; i < n; i++) {
        int tw = ui_text_width(ctx, UI_FONT_SMALL, label[i]);
        if (tw > tmax)
            tmax = tw;
    }
    int rows = legend_flow(ctx, label, k, n, w, tmax, slot);
    if (rows <= maxrows)
        return rows;
    /* Fewer rows need a smaller cap: bisect for the widest that fits, never
     * below the width of an ellipsis. */
    int lo = ui_text_width(ctx, UI_FONT_SMALL, "\xE2\x80\xA6"), hi = tmax;
    if (legend_flow(ctx, label, k, n, w, lo, NULL) > maxrows) {
        legend_flow(ctx, label, k, n, w, lo, slot);
        return maxrows;
    }
    while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        if (legend_flow(ctx, label, k, n, w, mid, NULL) <= maxrows)
            lo = mid;
        else
            hi = mid;
    }
    return legend_flow(ctx, label, k, n, w, lo, slot);
}

void chart_layout(const ui_ctx *ctx, const chart_spec *spec, ui_rect r, chart_geom *g)
{
    memset(g, 0, sizeof *g);
    double lo = 0, hi = 1;
    chart_data_range(spec, &lo, &hi);
    int sh = ui_text_height(ctx, UI_FONT_SMALL);
    int target = r.h / (3 * sh) > 6 ? 6 : r.h / (3 * sh) < 2 ? 2 : r.h / (3 * sh);
    g->y = chart_ticks_nice(lo, hi, target);

    g->t0 = 2020;
    g->t1 = 2050;
    if (spec->nseries > 0 && spec->series[0].n > 1) {
        g->t0 = spec->series[0].t[0];
        g->t1 = spec->series[0].t[spec->series[0].n - 1];
    }
    if (spec->dots.n > 0) {
        g->t0 = fmin(g->t0, spec->dots.t[0]);
        g->t1 = fmax(g->t1, spec->dots.t[spec->dots.n - 1]);
    }
    double span = g->t1 - g->t0;
    double xstep = span > 60 ? 20 : span > 24 ? 10 : span > 8 ? 5 : 1;
    g->x.step = xstep;
    g->x.lo = ceil(g->t0 / xstep - 1e-9) * xstep;
    g->x.hi = floor(g->t1 / xstep + 1e-9) * xstep;
    g->x.n = (int)lround((g->x.hi - g->x.lo) / xstep) + 1;
    g->x.decimals = 0;

    /* The widest tick label sets the left margin. */
    int wmax = 0;
    char buf[64];
    for (int i = 0; i < g->y.n; i++) {
        fmt_fixed(buf, sizeof buf, g->y.lo + i * g->y.step, g->y.decimals, spec->swedish);
        int w = ui_text_width(ctx, UI_FONT_SMALL, buf);
        if (w > wmax)
            wmax = w;
    }
    int pad = ui_px(ctx, 8);
    /* Room for the unit above the axis and for half of the top tick label;
     * a short chart drops its legend, then its unit line. */
    int show_unit = spec->unit && *spec->unit && r.h >= 6 * sh;
    int top = (show_unit ? sh + ui_px(ctx, 4) : 0) + sh / 2 + ui_px(ctx, 2);
    int legend_h = 0;
    if (spec->legend && spec->nseries > 0 && r.h >= 9 * sh) {
        /* The legend wraps onto as many rows as its entries need, up to a
         * quarter of the chart's height; beyond that labels are shortened. */
        int rh = sh + ui_px(ctx, 4);
        int maxrows = (r.h / 4 - ui_px(ctx, 4)) / rh;
        if (maxrows < 1)
            maxrows = 1;
        legend_slot slot[LEGEND_ITEMS_MAX];
        g->legend_rows = legend_place(ctx, spec, r.w - 2 * pad, maxrows, slot);
        legend_h = g->legend_rows * rh + ui_px(ctx, 4);
    }
    int bottom = sh + ui_px(ctx, 8) + legend_h;
    g->plot = ui_rect_make(r.x + wmax + 2 * pad, r.y + top, r.w - wmax - 3 * pad - ui_px(ctx, 6),
                           r.h - top - bottom);
    if (g->plot.w < 1)
        g->plot.w = 1;
    if (g->plot.h < 1)
        g->plot.h = 1;
    g->legend = ui_rect_make(r.x + pad, r.y + r.h - legend_h, r.w - 2 * pad, legend_h);

    /* Thin the value ticks until a label's height fits between two. */
    int ygap = sh + ui_px(ctx, 2);
    for (int t = target - 1; t >= 2 && g->y.n > 1 && g->plot.h < ygap * (g->y.n - 1); t--)
        g->y = chart_ticks_nice(lo, hi, t);
    g->y.every = 1;
    while (g->y.n > 1 && g->plot.h * g->y.every < ygap * (g->y.n - 1))
        g->y.every++;
    /* The years: a wider step until a label fits between two ticks. */
    static const double steps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500};
    int xgap = ui_text_width(ctx, UI_FONT_SMALL, "0000") + ui_px(ctx, 8);
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (steps[i] < xstep)
            continue;
        xstep = steps[i];
        if (span <= 0 || g->plot.w * xstep >= xgap * span)
            break;
    }
    g->x.step = xstep;
    g->x.lo = ceil(g->t0 / xstep - 1e-9) * xstep;
    g->x.hi = floor(g->t1 / xstep + 1e-9) * xstep;
    g->x.n = (int)lround((g->x.hi - g->x.lo) / xstep) + 1;
    if (g->x.n < 0)
        g->x.n = 0;
    g->x.every = 1;
}

float chart_x_of(const chart_geom *g, double t)
{
    double f = g->t1 > g->t0 ? (t - g->t0) / (g->t1 - g->t0) : 0;
    return (float)g->plot.x + (float)(f * (double)(g->plot.w - 1));
}

float chart_y_of(const chart_geom *g, double v)
{
    double f = g->y.hi > g->y.lo ? (v - g->y.lo) / (g->y.hi - g->y.lo) : 0;
    return (float)(g->plot.y + g->plot.h - 1) - (float)(f * (double)(g->plot.h - 1));
}

int chart_hover_index(const chart_geom *g, const chart_series *s, int x)
{
    if (s->n <= 0 || x < g->plot.x || x >= g->plot.x + g->plot.w)
        return -1;
    double step = s->n > 1 ? (s->t[s->n - 1] - s->t[0]) / (s->n - 1) : 0;
    if (s->n > 1 && ((float)x < chart_x_of(g, s->t[0] - step / 2) ||
                     (float)x > chart_x_of(g, s->t[s->n - 1] + step / 2)))
        return -1;
    int best = -1;
    float bd = INFINITY;
    for (int i = 0; i < s->n; i++) {
        float d = fabsf(chart_x_of(g, s->t[i]) - (float)x);
        if (d < bd) {
            bd = d;
            best = i;
        }
    }
    return best;
}

static void draw_series(ui_ctx *ctx, const chart_geom *g, const chart_series *s)
{
    enum { MAXP = 1024 };
    ui_point p[MAXP];
    int n = 0;
    for (int i = 0; i < s->n && n < MAXP; i++) {
        double v = series_value(s, i);
        if (!isfinite(v)) {
            ui_draw_polyline(ctx, p, n, s->color, ui_px(ctx, s->thickness), s->dashed);
            n = 0;
            continue;
        }
        p[n].x = chart_x_of(g, s->t[i]);
        p[n].y = chart_y_of(g, v);
        n++;
    }
    ui_draw_polyline(ctx, p, n, s->color, ui_px(ctx, s->thickness), s->dashed);
}

/* The band's colour: the series' at 22 %, mixed with the card beneath
 * beforehand, so that the band is opaque: the software renderer fills an
 * opaque triangle in place but a translucent one through a scratch surface
 * of its bounding box (SDL 2.26), several times the work. */
static ui_color band_color(const ui_ctx *ctx, ui_color c)
{
    ui_color card = ctx->colors[UI_COL_CARD];
    const int a = 56;
    c.r = (unsigned char)((c.r * a + card.r * (255 - a) + 127) / 255);
    c.g = (unsigned char)((c.g * a + card.g * (255 - a) + 127) / 255);
    c.b = (unsigned char)((c.b * a + card.b * (255 - a) + 127) / 255);
    c.a = 255;
    return c;
}

/* The band of s, in a pale shade of its colour (under the grid). */
static void draw_band(ui_ctx *ctx, const chart_geom *g, const chart_series *s)
{
    enum { MAXP = 1024 };
    ui_point up[MAXP], lo[MAXP];
    int n = 0;
    for (int i = 0; i < s->n && n < MAXP; i++) {
        double a = band_value(s, s->lo, i), b = band_value(s, s->hi, i);
        if (!isfinite(a) || !isfinite(b))
            continue;
        float x = chart_x_of(g, s->t[i]);
        up[n] = (ui_point){x, chart_y_of(g, b)};
        lo[n] = (ui_point){x, chart_y_of(g, a)};
        n++;
    }
    ui_draw_band(ctx, up, lo, n, band_color(ctx, s->color));
}

static void draw_legend(ui_ctx *ctx, const chart_spec *spec, const chart_geom *g)
{
    legend_slot slot[LEGEND_ITEMS_MAX];
    int n = spec->nseries + (legend_band_series(spec) >= 0) + (spec->dots.n > 0);
    legend_place(ctx, spec, g->legend.w, g->legend_rows, slot);
    int sw = ui_px(ctx, 18), gap = ui_px(ctx, 6), rh = ui_text_height(ctx, UI_FONT_SMALL) + ui_px(ctx, 4);
    for (int i = 0; i < n; i++) {
        if (slot[i].row >= g->legend_rows)
            continue; /* no room even for an ellipsis */
        int x = g->legend.x + slot[i].x;
        int y = g->legend.y + ui_px(ctx, 2) + slot[i].row * rh, cy = y + rh / 2;
        ui_rect tr = ui_rect_make(x + sw + gap, y, slot[i].text_w, rh);
        if (slot[i].k >= 0) {
            const chart_series *s = &spec->series[slot[i].k];
            ui_point line[2] = {{(float)x, (float)cy}, {(float)(x + sw), (float)cy}};
            ui_draw_polyline(ctx, line, 2, s->color, ui_px(ctx, s->thickness), s->dashed);
            ui_draw_text_in(ctx, UI_FONT_SMALL, s->label ? s->label : "", tr, -1, ctx->colors[UI_COL_MUTED]);
        } else if (slot[i].k == LEGEND_DOTS) {
            ui_draw_circle(ctx, x + sw / 2, cy, ui_px(ctx, 4), spec->dots.color);
            ui_draw_text_in(ctx, UI_FONT_SMALL, spec->dots.label ? spec->dots.label : "", tr, -1,
                            ctx->colors[UI_COL_MUTED]);
        } else {
            ui_color c = band_color(ctx, spec->series[legend_band_series(spec)].color);
            ui_draw_rect(ctx, ui_rect_make(x, cy - ui_px(ctx, 5), sw, ui_px(ctx, 10)), c);
            ui_draw_text_in(ctx, UI_FONT_SMALL, spec->band_label, tr, -1, ctx->colors[UI_COL_MUTED]);
        }
    }
}

/* The read-out box: the year, then one line per series with its value. */
static void draw_hover(ui_ctx *ctx, const chart_spec *spec, const chart_geom *g, int idx)
{
    const chart_series *s0 = &spec->series[0];
    float x = chart_x_of(g, s0->t[idx]);
    ui_draw_rect(ctx, ui_rect_make((int)x, g->plot.y, 1, g->plot.h), ctx->colors[UI_COL_MUTED]);
    for (int k = 0; k < spec->nseries; k++) {
        const chart_series *s = &spec->series[k];
        if (idx < s->n && isfinite(series_value(s, idx)))
            ui_draw_circle(ctx, (int)x, (int)chart_y_of(g, series_value(s, idx)), ui_px(ctx, 4),
                           s->color);
    }
    int prev = ctx->layer;
    ui_layer_set(ctx, 1);
    int pad = ui_px(ctx, 8), lh = ui_text_height(ctx, UI_FONT_SMALL) + ui_px(ctx, 2);
    char year[128], val[64], line[256];
    /* The year, and the unit every value below is in. */
    if (spec->unit && *spec->unit && strcmp(spec->unit, "1") != 0)
        snprintf(year, sizeof year, "%.0f \xC2\xB7 %s", s0->t[idx], spec->unit);
    else
        snprintf(year, sizeof year, "%.0f", s0->t[idx]);
    int w = ui_text_width(ctx, UI_FONT_BOLD, year);
    int sw = ui_px(ctx, 12);
    for (int k = 0; k < spec->nseries; k++) {
        const chart_series *s = &spec->series[k];
        fmt_value(val, sizeof val, idx < s->n ? series_value(s, idx) : NAN, spec->swedish);
        snprintf(line, sizeof line, "%s: %s", s->label ? s->label : "", val);
        int lw = ui_text_width(ctx, UI_FONT_SMALL, line) + sw + pad / 2;
        if (lw > w)
            w = lw;
    }
    /* The scenario's band, when it has one, on a line of its own. */
    char band[160] = "";
    if (s0->lo && s0->hi && spec->band_label && idx < s0->n) {
        char a[64], b[64];
        fmt_value(a, sizeof a, band_value(s0, s0->lo, idx), spec->swedish);
        fmt_value(b, sizeof b, band_value(s0, s0->hi, idx), spec->swedish);
        snprintf(band, sizeof band, "%s: %s \xE2\x80\x93 %s", spec->band_label, a, b);
        int lw = ui_text_width(ctx, UI_FONT_SMALL, band) + sw + pad / 2;
        if (lw > w)
            w = lw;
    }
    if (spec->hint) {
        int lw = ui_text_width(ctx, UI_FONT_SMALL, spec->hint);
        if (lw > w)
            w = lw;
    }
    int nlines = spec->nseries + 1 + (band[0] ? 1 : 0) + (spec->hint ? 1 : 0);
    int bw = w + 2 * pad, bh = nlines * lh + 2 * pad;
    int bx = (int)x + ui_px(ctx, 12);
    if (bx + bw > g->plot.x + g->plot.w)
        bx = (int)x - ui_px(ctx, 12) - bw;
    int by = g->plot.y + ui_px(ctx, 4);
    ui_rect box = ui_rect_make(bx, by, bw, bh);
    ui_draw_rect(ctx, ui_rect_make(bx + 2, by + 3, bw, bh), ctx->colors[UI_COL_SHADOW]);
    ui_draw_rect(ctx, box, ctx->colors[UI_COL_CARD]);
    ui_draw_frame(ctx, box, ctx->colors[UI_COL_BORDER], 1);
    ui_draw_text(ctx, UI_FONT_BOLD, year, bx + pad, by + pad, ctx->colors[UI_COL_TEXT]);
    for (int k = 0; k < spec->nseries; k++) {
        const chart_series *s = &spec->series[k];
        int ly = by + pad + (k + 1) * lh;
        ui_draw_rect(ctx, ui_rect_make(bx + pad, ly + lh / 2 - ui_px(ctx, 2), sw - ui_px(ctx, 3),
                                       ui_px(ctx, 4)),
                     s->color);
        fmt_value(val, sizeof val, idx < s->n ? series_value(s, idx) : NAN, spec->swedish);
        snprintf(line, sizeof line, "%s: %s", s->label ? s->label : "", val);
        ui_draw_text(ctx, UI_FONT_SMALL, line, bx + pad + sw, ly, ctx->colors[UI_COL_TEXT]);
    }
    if (band[0]) {
        int ly = by + pad + (spec->nseries + 1) * lh;
        ui_color c = s0->color;
        c.a = 90;
        ui_draw_rect(ctx, ui_rect_make(bx + pad, ly + lh / 2 - ui_px(ctx, 4), sw - ui_px(ctx, 3),
                                       ui_px(ctx, 8)),
                     c);
        ui_draw_text(ctx, UI_FONT_SMALL, band, bx + pad + sw, ly, ctx->colors[UI_COL_MUTED]);
    }
    if (spec->hint)
        ui_draw_text(ctx, UI_FONT_SMALL, spec->hint, bx + pad, by + pad + (nlines - 1) * lh,
                     ctx->colors[UI_COL_MUTED]);
    ui_layer_set(ctx, prev);
}

int chart_draw(ui_ctx *ctx, const chart_spec *spec, ui_rect r)
{
    chart_geom g;
    chart_layout(ctx, spec, r, &g);
    ui_color grid = ctx->colors[UI_COL_BORDER];
    ui_color muted = ctx->colors[UI_COL_MUTED];
    int sh = ui_text_height(ctx, UI_FONT_SMALL);
    char buf[64];

    if (spec->unit && *spec->unit && g.plot.y - r.y >= sh + sh / 2)
        ui_draw_text(ctx, UI_FONT_SMALL, spec->unit, r.x + ui_px(ctx, 8), r.y, muted);
    ui_rect plot_clip = ui_rect_make(g.plot.x - ui_px(ctx, 4), g.plot.y - ui_px(ctx, 4),
                                     g.plot.w + ui_px(ctx, 8), g.plot.h + ui_px(ctx, 8));
    /* Bands first, opaque, with the grid over them; compared scenarios
     * first, then the baseline, then the scenario on top. */
    ui_clip_push(ctx, plot_clip);
    for (int k = spec->nseries - 1; k >= 0; k--)
        if (spec->series[k].lo && spec->series[k].hi)
            draw_band(ctx, &g, &spec->series[k]);
    ui_clip_pop(ctx);
    for (int i = 0; i < g.y.n; i++) {
        double v = g.y.lo + i * g.y.step;
        int y = (int)lroundf(chart_y_of(&g, v));
        ui_draw_rect(ctx, ui_rect_make(g.plot.x, y, g.plot.w, 1), grid);
        if (g.y.every > 1 && i % g.y.every != 0)
            continue;
        fmt_fixed(buf, sizeof buf, v, g.y.decimals, spec->swedish);
        int w = ui_text_width(ctx, UI_FONT_SMALL, buf);
        ui_draw_text(ctx, UI_FONT_SMALL, buf, g.plot.x - ui_px(ctx, 8) - w, y - sh / 2, muted);
    }
    for (int i = 0; i < g.x.n; i++) {
        double t = g.x.lo + i * g.x.step;
        int x = (int)lroundf(chart_x_of(&g, t));
        int y0 = g.plot.y + g.plot.h;
        ui_draw_rect(ctx, ui_rect_make(x, y0, 1, ui_px(ctx, 4)), muted);
        snprintf(buf, sizeof buf, "%.0f", t);
        int w = ui_text_width(ctx, UI_FONT_SMALL, buf);
        int tx = x - w / 2;
        if (i == 0 && tx < g.plot.x - ui_px(ctx, 4))
            tx = g.plot.x - ui_px(ctx, 4); /* clear of the lowest value's label */
        if (tx + w > r.x + r.w)
            tx = r.x + r.w - w;
        ui_draw_text(ctx, UI_FONT_SMALL, buf, tx, y0 + ui_px(ctx, 5), muted);
    }
    ui_draw_rect(ctx, ui_rect_make(g.plot.x, g.plot.y + g.plot.h, g.plot.w, 1), muted);

    ui_clip_push(ctx, plot_clip);
    for (int k = spec->nseries - 1; k >= 0; k--)
        draw_series(ctx, &g, &spec->series[k]);
    for (int i = 0; i < spec->dots.n; i++) {
        /* A ring in the card's colour keeps each point clear of the lines. */
        int x = (int)lroundf(chart_x_of(&g, spec->dots.t[i]));
        int y = (int)lroundf(chart_y_of(&g, spec->dots.v[i]));
        ui_draw_circle(ctx, x, y, ui_px(ctx, CHART_DOT_RADIUS) + ui_px(ctx, 1), ctx->colors[UI_COL_CARD]);
        ui_draw_circle(ctx, x, y, ui_px(ctx, CHART_DOT_RADIUS), spec->dots.color);
    }
    ui_clip_pop(ctx);
    if (g.legend.h > 0)
        draw_legend(ctx, spec, &g);

    int idx = -1;
    /* On an observed point its own tooltip (the caller's) says what it is. */
    if (spec->nseries > 0 && ui_mouse_over(ctx, g.plot) &&
        chart_dot_at(&g, &spec->dots, ctx->mouse_x, ctx->mouse_y, ui_px(ctx, CHART_DOT_HIT)) < 0) {
        idx = chart_hover_index(&g, &spec->series[0], ctx->mouse_x);
        if (idx >= 0)
            draw_hover(ctx, spec, &g, idx);
    }
    return idx;
}
