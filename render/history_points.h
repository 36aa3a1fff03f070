/* history_points.h: the observed series the model ships (assets/history:
 * fit.ini names each series, the model variable it stands for and the rule
 * that maps one onto the other; observed.csv holds the data with their
 * sources), read by the fit's loader (sim/studies/history.h) and turned
 * into points on the graphs of those variables, with the text of a point's
 * tooltip in English and Swedish. No SDL. */
#ifndef RENDER_HISTORY_POINTS_H
#define RENDER_HISTORY_POINTS_H

#include <stddef.h>

#include "render/chart.h"
#include "sim/engine/status.h"
#include "sim/studies/history.h"

/* The observed series, loaded once. */
typedef struct hist_data {
    int state;          /* 0 not tried, 1 loaded, -1 failed (msg says why) */
    char msg[1200];     /* why loading failed */
    history_spec spec;  /* the series and their data */
    double pt[HISTORY_SERIES_MAX][HISTORY_YEARS_MAX]; /* each series' points: years */
    double pv[HISTORY_SERIES_MAX][HISTORY_YEARS_MAX]; /* and values (hist_points) */
    char source[HISTORY_SERIES_MAX][HISTORY_YEARS_MAX][160]; /* each datum's source ("" =
                                                              the series' first) */
    char source_sv[HISTORY_SERIES_MAX][HISTORY_YEARS_MAX][160]; /* the same in Swedish, from
                                                                 the column source_sv ("" =
                                                                 none: the English) */
} hist_data;

/* Loads the spec at path (NULL: the first that exists of $TRANSIM_HISTORY,
 * assets/history/fit.ini, the source tree's and, installed, the share
 * folder's history/fit.ini) into h. SIM_OK, or the loader's error (also in
 * h->msg). Either way h->state says what happened. */
sim_status hist_load(hist_data *h, const char *path, sim_error *err);

/* The points of variable var as a chart's dots (years and display values
 * held by h, hist_points), in color with label; n = 0 when var has none. */
chart_dots hist_dots(const hist_data *h, int var, ui_color color, const char *label);

/* The series observed for variable var in h, or NULL (none, or h not loaded). */
const history_series *hist_series_of(const hist_data *h, int var);

/* The points of series s on the graph of its variable: t[i] the year and
 * v[i] the value in the variable's display units (data / the series' scale,
 * the value of the model's variable the datum stands for). Writes at most cap;
 * returns how many. */
int hist_points(const history_series *s, double *t, double *v, int cap);

/* The source of datum i of s (a series of h); in Swedish (swedish = 1) where
 * the data file gives one (its optional sixth column, source_sv). */
const char *hist_source(const hist_data *h, const history_series *s, int i, int swedish);

/* The tooltip of point i of s (a series of h): "Observed 2015" (bold first line), the
 * variable's label and the value in display units (label and unit as the
 * window shows them), the datum in its own unit when a scale maps it, and
 * the source. swedish picks the language. Returns buf. */
char *hist_tooltip(char *buf, size_t n, const hist_data *h, const history_series *s, int i,
                   const char *label, const char *unit, int swedish);

#endif
