/* app_history.h: what a graph adds for "explain every number"
 * (app_history.c): observed points with their sources, their toggle, and a
 * click on a line that opens "why". Called by draw_graph (app_ui.c). */
#ifndef RENDER_APP_HISTORY_H
#define RENDER_APP_HISTORY_H

#include "render/app.h"
#include "render/chart.h"
#include "render/ui.h"

/* 1 when the model ships observed values of var (assets/history), loading
 * them at the first call. */
int app_history_has(app *a, int var);

/* The observed points of var for its graph while a->history is on (n = 0
 * otherwise, or when there are none). They stay valid while a lives. */
chart_dots app_history_dots(app *a, int var);

/* At the right end of row (graph g's chooser row), when var has observed
 * values, the toggle that shows or hides them (for every graph); returns
 * the part of row left for the chooser. */
ui_rect app_history_toggle(app *a, ui_ctx *ctx, ui_rect row, int g, int var);

/* After chart_draw(ctx, spec, cr) of graph g of var: over an observed point
 * its tooltip (year, value, source); a click on one of the lines opens
 * "why" for var. */
void app_graph_pointer(app *a, ui_ctx *ctx, const chart_spec *spec, ui_rect cr, int g, int var);

#endif
