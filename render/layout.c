/* layout.c: the window's regions at any size and zoom (see layout.h). */
#include "render/layout.h"

#include <math.h>
#include <string.h>

static int px(float scale, int n)
{
    return (int)lroundf((float)n * scale);
}

void layout_compute(app_layout *l, int width, int height, float scale, int ngraphs, int keys,
                    int tool_rows)
{
    memset(l, 0, sizeof *l);
    if (ngraphs < 1)
        ngraphs = 1;
    if (ngraphs > APP_GRAPHS_MAX)
        ngraphs = APP_GRAPHS_MAX;
    if (width < 1)
        width = 1;
    if (height < 1)
        height = 1;
    int gap = px(scale, 12);
    int tool_h = px(scale, tool_rows > 1 ? 88 : 48);
    int status_h = px(scale, 28);
    if (tool_h + status_h > height / 2) {
        tool_h = height / 4;
        status_h = height / 8;
    }
    l->toolbar = ui_rect_make(0, 0, width, tool_h);
    l->status = ui_rect_make(0, height - status_h, width, status_h);
    int body_y = tool_h, body_h = height - tool_h - status_h;

    /* The left panel keeps a readable width but never more than 40 %. */
    int left_w = px(scale, 360);
    if (left_w > width * 2 / 5)
        left_w = width * 2 / 5;
    l->left = ui_rect_make(0, body_y, left_w, body_h);
    int inner_x = gap, inner_w = left_w - 2 * gap;
    int tabs_h = px(scale, 36);
    l->tabs = ui_rect_make(inner_x, body_y + gap, inner_w, tabs_h);
    l->group_by = ui_rect_make(inner_x, l->tabs.y + tabs_h + px(scale, 8), inner_w, px(scale, 30));
    /* The levers keep at least ~120 px; the budget meter gives way first. */
    int lev_y = l->group_by.y + l->group_by.h + px(scale, 8);
    int budget_h = px(scale, 118);
    int room = body_y + body_h - lev_y - px(scale, 120) - 2 * gap;
    if (budget_h > room)
        budget_h = room < px(scale, 70) ? 0 : room;
    int budget_y = body_y + body_h - budget_h - gap;
    l->budget = ui_rect_make(inner_x, budget_y, inner_w, budget_h);
    int lev_bottom = budget_h > 0 ? budget_y - gap : body_y + body_h;
    int lev_h = lev_bottom - lev_y;
    l->levers = ui_rect_make(0, lev_y, left_w, lev_h > 0 ? lev_h : 0);

    int main_x = left_w + gap, main_w = width - left_w - 2 * gap;
    if (main_w < 1)
        main_w = 1;
    int keys_h = keys ? px(scale, 92) : 0;
    if (keys_h > body_h / 4)
        keys_h = body_h / 4;
    l->keys = ui_rect_make(main_x, body_y + gap, main_w, keys_h);
    int gy = keys_h > 0 ? l->keys.y + keys_h + gap : body_y + gap;
    int gh = body_y + body_h - gap - gy;
    l->graphs = ui_rect_make(main_x, gy, main_w, gh > 0 ? gh : 0);

    /* Columns: the grid whose cells are largest relative to a readable graph
     * of about 380 x 230 px (at zoom 1) in their tighter direction. */
    int min_w = px(scale, 380), min_h = px(scale, 230);
    int cols = 1;
    double best = -1;
    for (int c = 1; c <= 3 && c <= ngraphs; c++) {
        int r = (ngraphs + c - 1) / c;
        double fw = (double)(main_w - (c - 1) * gap) / c / (min_w > 0 ? min_w : 1);
        double fh = (double)(l->graphs.h - (r - 1) * gap) / r / (min_h > 0 ? min_h : 1);
        double fit = fw < fh ? fw : fh;
        if (fit > best + 1e-9) {
            best = fit;
            cols = c;
        }
    }
    int rows = (ngraphs + cols - 1) / cols;
    l->cols = cols;
    l->rows = rows;
    l->ngraphs = ngraphs;
    int cw = (main_w - (cols - 1) * gap) / cols;
    int ch = (l->graphs.h - (rows - 1) * gap) / rows;
    if (cw < 1)
        cw = 1;
    if (ch < 1)
        ch = 1;
    for (int i = 0; i < ngraphs; i++) {
        int c = i % cols, r = i / cols;
        l->graph[i] = ui_rect_make(main_x + c * (cw + gap), gy + r * (ch + gap), cw, ch);
    }
}

/* The toolbar's rows at scale: 2 when its buttons and a title overflow one
 * (as app_ui decides from the measured text; 3 % spare for font hinting). */
static int tool_rows_at(const layout_needs *n, int width, float scale)
{
    return n->tool_one_row * scale * 1.03f > (float)width ? 2 : 1;
}

int layout_readable(const app_layout *l, int width, float scale, const layout_needs *n)
{
    if (n->tool_two_rows * scale * 1.03f > (float)width)
        return 0;
    if (l->status.h < px(scale, 28) || l->left.w < px(scale, LAYOUT_LEFT_MIN_W))
        return 0;
    if (l->levers.h < px(scale, 120) || l->budget.h < px(scale, 118))
        return 0;
    if (n->keys && l->keys.h < px(scale, 92))
        return 0;
    for (int g = 0; g < l->ngraphs; g++)
        if (l->graph[g].w < px(scale, LAYOUT_GRAPH_MIN_W) || l->graph[g].h < px(scale, LAYOUT_GRAPH_MIN_H))
            return 0;
    return 1;
}

/* The largest scale on a 2 % ladder down from want that is readable with
 * ngraphs graphs, or floor. */
static float fit_graphs(int width, int height, float want, float floor, const layout_needs *n, int ngraphs)
{
    app_layout l;
    for (float s = want; s > floor; s *= 0.98f) {
        layout_compute(&l, width, height, s, ngraphs, n->keys, tool_rows_at(n, width, s));
        if (layout_readable(&l, width, s, n))
            return s;
    }
    return floor;
}

float layout_fit(int width, int height, float want, float floor, const layout_needs *n, int *shown)
{
    *shown = n->ngraphs;
    if (want <= floor)
        return want;
    float all = fit_graphs(width, height, want, floor, n, n->ngraphs);
    if (all >= want || n->ngraphs <= 2)
        return all;
    /* Fewer graphs only when they buy a clearly larger scale. */
    float two = fit_graphs(width, height, want, floor, n, 2);
    if (two > all * 1.02f) {
        *shown = 2;
        return two;
    }
    return all;
}
