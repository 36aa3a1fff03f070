/* app_history.c: what a graph adds for "explain every number" (see app.h):
 * the observed series as points with their source on hover (from
 * render/history_points.h, loaded at the first graph that asks), the
 * toggle that shows or hides them, and a click on a line that opens "why"
 * for the graph's variable. Called by draw_graph in app_ui.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/app_history.h"
#include "render/chart_hit.h"
#include "render/history_points.h"
#include "sim/files/graph.h"

/* The observed series, loaded at the first call (a failure is said once on
 * the status line, and the graphs go on without points). */
static const hist_data *history(app *a)
{
    if (a->hist == NULL) {
        a->hist = calloc(1, sizeof *a->hist);
        if (a->hist == NULL)
            return NULL;
        sim_error err;
        char msg[1400];
        if (hist_load(a->hist, NULL, &err) != SIM_OK)
            app_status(a, 0, "%s: %s", a->swedish ? "observerade data" : "observed data",
                       sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
    }
    return a->hist;
}

int app_history_has(app *a, int var)
{
    return hist_series_of(history(a), var) != NULL;
}

chart_dots app_history_dots(app *a, int var)
{
    chart_dots none = {0};
    if (!a->history)
        return none;
    /* Vermillion: no scenario line uses it. */
    return hist_dots(history(a), var, chart_palette[6], a->swedish ? "Observerat" : "Observed");
}

ui_rect app_history_toggle(app *a, ui_ctx *ctx, ui_rect row, int g, int var)
{
    if (!app_history_has(a, var))
        return row;
    const char *label = a->swedish ? "Historik" : "History";
    int w = ui_text_width(ctx, UI_FONT_BODY, label) + ui_px(ctx, 24), gap = ui_px(ctx, 6);
    if (row.w - w - gap < ui_px(ctx, 120))
        return row; /* too narrow: the chooser keeps the row */
    ui_rect b = ui_rect_make(row.x + row.w - w, row.y, w, row.h);
    int c = ui_button(ctx, ui_id("graph-history", g), b, label, a->history);
    if (c & UI_SUBMIT)
        a->history = !a->history;
    if (c & UI_HOVER)
        ui_tooltip_beside(ctx,
                          a->swedish ? "Historik\nVisa de observerade v\xC3\xA4rdena som punkter "
                                       "(assets/history, k\xC3\xA4llan n\xC3\xA4r du pekar p\xC3\xA5 en); "
                                       "\xC3\xA5rsaxeln b\xC3\xB6rjar d\xC3\xA5 vid det f\xC3\xB6rsta "
                                       "observerade \xC3\xA5ret."
                                     : "History\nShow the observed values as points (assets/history, "
                                       "with the source when you point at one); the year axis then "
                                       "starts at the first observed year.",
                          b);
    return ui_rect_make(row.x, row.y, row.w - w - gap, row.h);
}

void app_graph_pointer(app *a, ui_ctx *ctx, const chart_spec *spec, ui_rect cr, int g, int var)
{
    chart_geom geom;
    chart_layout(ctx, spec, cr, &geom);
    int dot = ui_mouse_over(ctx, geom.plot)
                  ? chart_dot_at(&geom, &spec->dots, ctx->mouse_x, ctx->mouse_y, ui_px(ctx, CHART_DOT_HIT))
                  : -1;
    if (dot >= 0) {
        const hist_data *h = history(a);
        const history_series *s = hist_series_of(h, var);
        if (s != NULL && dot < s->n) {
            char tip[800];
            hist_tooltip(tip, sizeof tip, h, s, dot, app_label(a, var), app_unit(a, var), a->swedish);
            int r = ui_px(ctx, CHART_DOT_HIT);
            ui_tooltip_beside(ctx, tip,
                              ui_rect_make((int)chart_x_of(&geom, spec->dots.t[dot]) - r,
                                           (int)chart_y_of(&geom, spec->dots.v[dot]) - r, 2 * r, 2 * r));
        }
        return;
    }
    /* A click on a line: why it changed. */
    int c = ui_control(ctx, ui_id("graph-plot", g), geom.plot, 0);
    if ((c & UI_SUBMIT) &&
        chart_line_at(&geom, spec, ctx->mouse_x, ctx->mouse_y, ui_px(ctx, CHART_LINE_HIT)) >= 0) {
        a->why_var = var;
        a->why_stamp = -1;
        a->why_scroll = 0;
        a->dialog = APP_DLG_WHY;
    }
}

void app_why_release(app *a)
{
    if (a->why_graph != NULL)
        graph_release(a->why_graph);
    free(a->why_graph);
    a->why_graph = NULL;
    free(a->hist);
    a->hist = NULL;
}
