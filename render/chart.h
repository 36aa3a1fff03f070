/* chart.h: line charts of model results over the years, drawn as ui
 * commands (no SDL): axes with "nice" ticks, units, grid, up to six series
 * (the baseline in grey, the scenario in colour, saved scenarios overlaid)
 * with a legend, and a hover read-out of the year and every value. */
#ifndef RENDER_CHART_H
#define RENDER_CHART_H

#include <stddef.h>

#include "render/ui.h"

#define CHART_SERIES_MAX 6 /* baseline, scenario and four compared scenarios */
#define CHART_TICKS_MAX 16

/* The Okabe-Ito palette (safe for colour-blind readers) and the baseline grey. */
extern const ui_color chart_palette[8];
extern const ui_color chart_baseline_grey;

typedef struct chart_series {
    const double *t;  /* n report times, years */
    const double *y;  /* values at y[i * stride] */
    size_t stride;    /* elements between consecutive values (1 for an array) */
    int n;            /* points */
    double scale;     /* display multiplier (0 = 1) */
    ui_color color;   /* line colour */
    int thickness;    /* line width at zoom 1, pixels */
    int dashed;       /* 1 for a dashed line */
    const char *label;/* legend text */
    const double *lo, *hi; /* NULL, or an uncertainty band: n values each (before scale) */
} chart_series;

/* Observed values drawn as points (render/history_points.h). */
typedef struct chart_dots {
    const double *t;   /* n years, increasing */
    const double *v;   /* n values, display units */
    int n;             /* points (0: none) */
    ui_color color;    /* fill */
    const char *label; /* legend text */
} chart_dots;

typedef struct chart_spec {
    const char *title;   /* shown above the plot (may be NULL when drawn elsewhere) */
    const char *unit;    /* display unit of the y axis */
    int swedish;         /* number format */
    int legend;          /* 1 draws the legend: every entry, wrapped onto rows */
    const char *band_label; /* legend text of the bands ("5-95 %"), NULL for none */
    chart_series series[CHART_SERIES_MAX];
    int nseries;
    const char *hint;    /* a last line of the hover read-out ("Click a line: ..."), NULL none */
    chart_dots dots;     /* observed points: the value axis holds them, and the year axis
                            reaches back to the first (n = 0: none) */
} chart_spec;

/* Ticks of an axis: first, step and count. */
typedef struct chart_ticks {
    double lo, hi;     /* axis range: first and last tick */
    double step;       /* distance between ticks */
    int n;             /* ticks from lo to hi inclusive */
    int decimals;      /* decimals to print the tick labels with */
    int every;         /* a label at every this many ticks from the first (1: all; 0 reads as 1) */
} chart_ticks;

/* The computed layout of a chart in its rectangle. */
typedef struct chart_geom {
    ui_rect plot;      /* the plotting area inside the axes */
    ui_rect legend;    /* the legend's rows (h = 0 when none) */
    int legend_rows;   /* rows the legend wraps onto (0 when none) */
    chart_ticks y;     /* value axis */
    chart_ticks x;     /* year axis */
    double t0, t1;     /* years at the left and right edges */
} chart_geom;

/* Nice ticks covering [lo, hi] with about target intervals: steps of 1, 2,
 * 2.5 or 5 times a power of ten; lo and hi rounded outwards to the step.
 * A degenerate range (lo == hi) is widened around the value. */
chart_ticks chart_ticks_nice(double lo, double hi, int target);

/* The value range the y axis should show for spec's data: the data's min and
 * max, widened to include zero when the data lie close to it. Writes lo, hi;
 * returns 0 when there is no finite data. */
int chart_data_range(const chart_spec *spec, double *lo, double *hi);

/* Lays out spec in r: ticks from the data and the text sizes of ctx. The
 * ticks are thinned until their labels do not overlap: years step 1, 2,
 * 5, 10, 20, 50 as the plot narrows, values to fewer ticks as it shortens,
 * and at the last a label on every second (third ...) tick only. */
void chart_layout(const ui_ctx *ctx, const chart_spec *spec, ui_rect r, chart_geom *g);

/* Pixel position of year t and value v (display units) in g's plot. */
float chart_x_of(const chart_geom *g, double t);
float chart_y_of(const chart_geom *g, double v);

/* Index of the point of series s nearest in time to the mouse x, or -1 when
 * x lies outside the plot or more than half a report step outside the
 * series' years (left of a run's start on an axis that shows history). */
int chart_hover_index(const chart_geom *g, const chart_series *s, int x);

/* Draws the chart in r and, when the mouse is over its plot, the hover
 * read-out. Returns the hovered point index or -1. */
int chart_draw(ui_ctx *ctx, const chart_spec *spec, ui_rect r);

#endif
