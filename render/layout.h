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

/* Readable minimum sizes at zoom 1, pixels: a graph card (chooser and a plot
 * about seven rows of small text tall) and the left panel. */
#define LAYOUT_GRAPH_MIN_W 260
#define LAYOUT_GRAPH_MIN_H 170
#define LAYOUT_LEFT_MIN_W 300

/* What the window must hold, for layout_fit. */
typedef struct layout_needs {
    float tool_one_row;  /* toolbar's buttons and a short title in one row, px at scale 1 */
    float tool_two_rows; /* its wider group of buttons (two rows), px at scale 1 */
    int keys;            /* 1: the key-indicator strip is shown */
    int ngraphs;         /* graphs asked for (4 or 6) */
} layout_needs;

/* 1 when l, computed by layout_compute at scale for a window width pixels
 * wide, keeps every part readable: the toolbar's buttons inside the window,
 * the left panel, levers and budget meter, the key strip and each graph card
 * at no less than their minimum sizes times scale. */
int layout_readable(const app_layout *l, int width, float scale, const layout_needs *n);

/* The largest scale, at most want, at which a width x height window holds
 * the layout readably; never below floor (returns floor when even that does
 * not fit, and want when want <= floor). Writes into *shown the graphs to lay
 * out: n->ngraphs, or 2 when two graphs allow a larger scale than all of
 * them (a projector at high zoom). Example: 1280x720, want 2.5, floor 1 ->
 * about 1.4 with 2 graphs. */
float layout_fit(int width, int height, float want, float floor, const layout_needs *n, int *shown);

#endif
