/* present.h: presentation mode, for a workshop's projector (1280x720 and
 * down to 1024x600): one toolbar row of the buttons a facilitator needs, a
 * lever panel that folds away, the key-indicator strip and one large
 * headline chart (the first graph). Pure arithmetic like layout.h, which it
 * complements; app_ui.c draws the frame it describes. */
#ifndef RENDER_PRESENT_H
#define RENDER_PRESENT_H

#include "render/app_ui.h"
#include "render/layout.h"

/* Readable minimum of the headline chart at zoom 1, pixels. */
#define PRESENT_CHART_MIN_W 420
#define PRESENT_CHART_MIN_H 240

/* The zoom presentation mode asks for at least (large text for the back of
 * the room); the window's size may lower it (present_fit). */
#define PRESENT_ZOOM 1.3f

/* 1 when the toolbar button of cmd is shown in presentation mode. */
int present_has_tool(app_cmd cmd);

/* The presentation layout of a width x height window at scale: a toolbar
 * of one row, the status line, the lever panel (levers = 1) with the
 * budget meter below it or nothing on the left (levers = 0), the key strip
 * (keys = 1, when the height allows it) and one graph filling the rest. */
void present_layout(app_layout *l, int width, int height, float scale, int levers, int keys);

/* The largest scale, at most want and not below floor, at which the
 * presentation layout is readable in a width x height window: the toolbar's
 * one row (tool_w px at scale 1) inside the width, the chart at least
 * PRESENT_CHART_MIN_W x PRESENT_CHART_MIN_H times the scale, the lever
 * panel (when open) at least LAYOUT_LEFT_MIN_W wide. floor when none is. */
float present_fit(int width, int height, float want, float floor, float tool_w, int levers, int keys);

/* 1 when l (present_layout at scale) is readable as present_fit asks. */
int present_readable(const app_layout *l, int width, float scale, float tool_w, int levers);

#endif
