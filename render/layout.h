/* layout.h: where the parts of the simulator's window go, for any window
 * size and zoom: toolbar on top, levers and budget on the left, the key
 * indicators above a grid of graphs, a status line at the bottom. Pure
 * arithmetic, tested at several sizes. */
#ifndef RENDER_LAYOUT_H
#define RENDER_LAYOUT_H

#include "render/app.h"
#include "render/ui.h"

typedef struct app_layout {
    ui_rect toolbar;  /* buttons across the top */
    ui_rect left;     /* the left panel: tabs, levers, budget */
    ui_rect tabs;     /* levers / assumptions tabs */
    ui_rect group_by; /* priorities / themes switch (levers tab) */
    ui_rect levers;   /* the scrolling list of levers or assumptions */
    ui_rect budget;   /* the budget meter */
    ui_rect keys;     /* the key-indicator strip */
    ui_rect graphs;   /* the area of all graphs (exported as PNG) */
    ui_rect graph[APP_GRAPHS_MAX]; /* one card per graph */
    int ngraphs;      /* graphs laid out */
    int cols, rows;   /* of the graph grid */
    ui_rect status;   /* the status line */
} app_layout;

/* Computes the layout of a width x height window at scale (zoom x display
 * scale) with ngraphs graphs (clamped to 1..APP_GRAPHS_MAX); keys = 0 leaves
 * out the key-indicator strip (a model without key indicators); tool_rows
 * (1 or 2) is the toolbar's rows, 2 when its buttons do not fit in one. */
void layout_compute(app_layout *l, int width, int height, float scale, int ngraphs, int keys,
                    int tool_rows);

#endif
