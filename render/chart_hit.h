/* chart_hit.h: what the mouse is on in a chart laid out by chart_layout
 * (render/chart.h): an observed point, or one of the lines. No SDL; the
 * graphs use them to show a point's source and to open "why" from a line. */
#ifndef RENDER_CHART_HIT_H
#define RENDER_CHART_HIT_H

#include "render/chart.h"

#define CHART_DOT_RADIUS 4 /* an observed point's radius at zoom 1, pixels */
#define CHART_DOT_HIT 7    /* how near the pointer must be to a point's centre, zoom 1 */
#define CHART_LINE_HIT 8   /* how near to a line, pixels at zoom 1 */

/* The index of the point of d nearest to (x, y) within radius pixels (of
 * its centre), or -1. */
int chart_dot_at(const chart_geom *g, const chart_dots *d, int x, int y, int radius);

/* The series of spec whose line passes within tol pixels of (x, y) (the
 * distance to its segments, the nearest first), or -1. Only inside the plot. */
int chart_line_at(const chart_geom *g, const chart_spec *spec, int x, int y, int tol);

#endif
