/* present.c: presentation mode's layout (see present.h). */
#include "render/present.h"

#include <math.h>
#include <string.h>

static int px(float scale, int n)
{
    return (int)lroundf((float)n * scale);
}

int present_has_tool(app_cmd cmd)
{
    /* What a facilitator reaches for in front of a room; the rest keeps its
     * keys (Ctrl+Z undo, Ctrl+S save, F11 full screen), so that the row fits
     * 1024 px in Swedish at 100 % and a projector at PRESENT_ZOOM. */
    switch (cmd) {
    case APP_CMD_OPEN:
    case APP_CMD_COMPARE:
    case APP_CMD_SCOREBOARD:
    case APP_CMD_LEVERS:
    case APP_CMD_BANDS:
    case APP_CMD_LANGUAGE:
    case APP_CMD_PRESENT:
        return 1;
    default:
        return 0;
    }
}

void present_layout(app_layout *l, int width, int height, float scale, int levers, int keys)
{
    /* The normal layout with one graph gives the toolbar, status line,
     * panel and strip; then the panel folds and the strip may go. */
    layout_compute(l, width, height, scale, 1, keys, 1);
    int gap = px(scale, 12);
    int body_y = l->toolbar.y + l->toolbar.h, body_h = l->status.y - body_y;
    if (!levers) {
        l->left = ui_rect_make(0, body_y, 0, body_h);
        l->tabs = l->group_by = l->levers = l->budget = ui_rect_make(0, body_y, 0, 0);
    }
    int main_x = l->left.w + gap, main_w = width - l->left.w - 2 * gap;
    if (main_w < 1)
        main_w = 1;
    /* The strip stays while the chart keeps two thirds of the body. */
    int keys_h = keys ? px(scale, 92) : 0;
    if (keys_h > body_h / 3)
        keys_h = 0;
    l->keys = ui_rect_make(main_x, body_y + gap, main_w, keys_h);
    int gy = keys_h > 0 ? l->keys.y + keys_h + gap : body_y + gap;
    int gh = body_y + body_h - gap - gy;
    l->graphs = ui_rect_make(main_x, gy, main_w, gh > 0 ? gh : 0);
    l->graph[0] = l->graphs;
    l->ngraphs = 1;
    l->cols = l->rows = 1;
}

int present_readable(const app_layout *l, int width, float scale, float tool_w, int levers)
{
    if (tool_w * scale * 1.03f > (float)width)
        return 0;
    if (levers && (l->left.w < px(scale, LAYOUT_LEFT_MIN_W) || l->levers.h < px(scale, 120)))
        return 0;
    return l->graph[0].w >= px(scale, PRESENT_CHART_MIN_W) && l->graph[0].h >= px(scale, PRESENT_CHART_MIN_H);
}

float present_fit(int width, int height, float want, float floor, float tool_w, int levers, int keys)
{
    app_layout l;
    if (want <= floor)
        return want;
    for (float s = want; s > floor; s *= 0.98f) {
        present_layout(&l, width, height, s, levers, keys);
        if (present_readable(&l, width, s, tool_w, levers))
            return s;
    }
    return floor;
}
