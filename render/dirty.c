/* dirty.c: the changed areas of a frame from its command list (see dirty.h).
 * No SDL: draw.c redraws the areas, gui.c presents them. */
#include "render/dirty.h"

#include <stdlib.h>
#include <string.h>

void dirty_init(dirty *d)
{
    memset(d, 0, sizeof *d);
}

void dirty_release(dirty *d)
{
    free(d->prev);
    free(d->cur);
    dirty_init(d);
}

void dirty_invalidate(dirty *d)
{
    d->valid = 0;
}

static unsigned mix(unsigned h, unsigned v)
{
    return (h ^ v) * 16777619u;
}

static unsigned hash_bytes(unsigned h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = mix(h, b[i]);
    return h;
}

/* The hash of what c draws, apart from its points. */
static unsigned hash_cmd(const ui_ctx *ctx, const ui_cmd *c)
{
    unsigned h = 2166136261u;
    h = mix(h, (unsigned)c->type);
    h = hash_bytes(h, &c->rect, sizeof c->rect);
    h = hash_bytes(h, &c->color, sizeof c->color);
    h = mix(h, (unsigned)c->thickness);
    h = mix(h, (unsigned)c->dashed);
    h = mix(h, (unsigned)c->font);
    if (c->type == UI_CMD_TEXT) {
        const char *s = ctx->text + c->text;
        h = hash_bytes(h, s, strlen(s));
    }
    return h ? h : 1;
}

static ui_rect bounds_of(const ui_point *p, int n, float pad)
{
    float x0 = p[0].x, x1 = p[0].x, y0 = p[0].y, y1 = p[0].y;
    for (int i = 1; i < n; i++) {
        x0 = p[i].x < x0 ? p[i].x : x0;
        x1 = p[i].x > x1 ? p[i].x : x1;
        y0 = p[i].y < y0 ? p[i].y : y0;
        y1 = p[i].y > y1 ? p[i].y : y1;
    }
    int ix = (int)(x0 - pad) - 1, iy = (int)(y0 - pad) - 1;
    return ui_rect_make(ix, iy, (int)(x1 + pad) + 2 - ix, (int)(y1 + pad) + 2 - iy);
}

/* Half the width a line of c paints beyond its centre, with the soft edge,
 * the round joins and the rounding of the rasterizer. */
static float line_pad(const ui_cmd *c)
{
    return (float)c->thickness / 2 + 2;
}

ui_rect dirty_cmd_bounds(const ui_ctx *ctx, const ui_cmd *c)
{
    switch (c->type) {
    case UI_CMD_TEXT:
        /* Glyphs may overhang their advance by a pixel or two. */
        return ui_rect_make(c->rect.x - 3, c->rect.y - 1, c->rect.w + 6, c->rect.h + 2);
    case UI_CMD_POLYLINE:
        if (c->npoints < 1)
            return ui_rect_make(0, 0, 0, 0);
        return bounds_of(ctx->point + c->points, c->npoints, line_pad(c));
    case UI_CMD_BAND:
        if (c->npoints < 1)
            return ui_rect_make(0, 0, 0, 0);
        return bounds_of(ctx->point + c->points, c->npoints, 1);
    case UI_CMD_CLIP:
        return ui_rect_make(0, 0, 0, 0);
    default:
        return c->rect;
    }
}

/* Adds hash h to the cells of r (clipped to clip and the grid). */
static void touch(dirty *d, ui_rect r, ui_rect clip, unsigned h)
{
    r = ui_rect_intersect(r, clip);
    if (r.w <= 0 || r.h <= 0)
        return;
    int c0 = r.x / DIRTY_CELL, c1 = (r.x + r.w - 1) / DIRTY_CELL;
    int r0 = r.y / DIRTY_CELL, r1 = (r.y + r.h - 1) / DIRTY_CELL;
    if (c1 >= d->cols)
        c1 = d->cols - 1;
    if (r1 >= d->rows)
        r1 = d->rows - 1;
    for (int y = r0; y <= r1; y++)
        for (int x = c0; x <= c1; x++) {
            unsigned *cell = &d->cur[y * d->cols + x];
            *cell = (*cell * 1000003u) ^ h;
        }
}

/* Hashes one command into the cells it can paint. */
static void hash_into_cells(dirty *d, const ui_ctx *ctx, const ui_cmd *c, ui_rect clip)
{
    unsigned h = mix(hash_cmd(ctx, c), (unsigned)c->layer);
    const ui_point *p = ctx->point + c->points;
    if (c->type == UI_CMD_POLYLINE && c->npoints >= 2) {
        /* Segment by segment, each with its neighbours (the joins). */
        float pad = line_pad(c);
        for (int i = 0; i + 1 < c->npoints; i++) {
            int a = i > 0 ? i - 1 : i, b = i + 2 < c->npoints ? i + 2 : i + 1;
            unsigned hs = hash_bytes(mix(h, (unsigned)i), p + a, (size_t)(b - a + 1) * sizeof *p);
            touch(d, bounds_of(p + i, 2, pad), clip, hs);
        }
        /* Dashes run on along the line: a change anywhere moves them all. */
        if (c->dashed)
            touch(d, dirty_cmd_bounds(ctx, c), clip,
                  hash_bytes(h, p, (size_t)c->npoints * sizeof *p));
    } else if (c->type == UI_CMD_BAND && c->npoints >= 4) {
        int n = c->npoints / 2;
        const ui_point *lo = p + n;
        for (int i = 0; i + 1 < n; i++) {
            ui_point q[4] = {p[i], p[i + 1], lo[i], lo[i + 1]};
            touch(d, bounds_of(q, 4, 1), clip, hash_bytes(mix(h, (unsigned)i), q, sizeof q));
        }
    } else if (c->type == UI_CMD_POLYLINE || c->type == UI_CMD_BAND) {
        touch(d, dirty_cmd_bounds(ctx, c), clip,
              hash_bytes(h, p, (size_t)c->npoints * sizeof *p));
    } else {
        touch(d, dirty_cmd_bounds(ctx, c), clip, h);
    }
}

/* Adds a changed cell run (row y, cells x0..x1) to the rectangles: below
 * one of the same columns that ends just above, or as a new one. */
static void add_run(dirty *d, int x0, int x1, int y)
{
    ui_rect r = ui_rect_make(x0 * DIRTY_CELL, y * DIRTY_CELL, (x1 - x0 + 1) * DIRTY_CELL, DIRTY_CELL);
    for (int i = 0; i < d->nrect; i++) {
        ui_rect *o = &d->rect[i];
        if (o->x == r.x && o->w == r.w && o->y + o->h == r.y) {
            o->h += r.h;
            return;
        }
    }
    if (d->nrect < DIRTY_RECTS) {
        d->rect[d->nrect++] = r;
        return;
    }
    /* Too many: one rectangle around them all. */
    ui_rect *a = &d->rect[0];
    for (int i = 1; i < d->nrect; i++) {
        ui_rect o = d->rect[i];
        int ax1 = a->x + a->w > o.x + o.w ? a->x + a->w : o.x + o.w;
        int ay1 = a->y + a->h > o.y + o.h ? a->y + a->h : o.y + o.h;
        a->x = a->x < o.x ? a->x : o.x;
        a->y = a->y < o.y ? a->y : o.y;
        a->w = ax1 - a->x;
        a->h = ay1 - a->y;
    }
    int ax1 = a->x + a->w > r.x + r.w ? a->x + a->w : r.x + r.w;
    int ay1 = a->y + a->h > r.y + r.h ? a->y + a->h : r.y + r.h;
    a->x = a->x < r.x ? a->x : r.x;
    a->y = a->y < r.y ? a->y : r.y;
    a->w = ax1 - a->x;
    a->h = ay1 - a->y;
    d->nrect = 1;
}

int dirty_update(dirty *d, const ui_ctx *ctx, int width, int height)
{
    ui_rect all = ui_rect_make(0, 0, width, height);
    int cols = (width + DIRTY_CELL - 1) / DIRTY_CELL, rows = (height + DIRTY_CELL - 1) / DIRTY_CELL;
    if (cols < 1 || rows < 1) {
        d->nrect = 0;
        return 0;
    }
    if (cols * rows > d->cap) {
        unsigned *p = realloc(d->prev, (size_t)cols * (size_t)rows * sizeof *p);
        if (p)
            d->prev = p;
        unsigned *c = p ? realloc(d->cur, (size_t)cols * (size_t)rows * sizeof *c) : NULL;
        if (!p || !c) {
            d->valid = 0;
            d->rect[0] = all;
            d->nrect = 1;
            return -1;
        }
        d->cur = c;
        d->cap = cols * rows;
        d->valid = 0;
    }
    if (width != d->width || height != d->height)
        d->valid = 0;
    d->width = width;
    d->height = height;
    d->cols = cols;
    d->rows = rows;
    memset(d->cur, 0, (size_t)cols * (size_t)rows * sizeof *d->cur);
    for (int layer = 0; layer < 2; layer++) {
        ui_rect clip = all;
        for (int i = 0; i < ctx->ncmd; i++) {
            const ui_cmd *c = &ctx->cmd[i];
            if (c->layer != layer)
                continue;
            if (c->type == UI_CMD_CLIP)
                clip = c->rect.w < 0 ? all : ui_rect_intersect(c->rect, all);
            else
                hash_into_cells(d, ctx, c, clip);
        }
    }
    d->nrect = 0;
    if (!d->valid) {
        d->rect[0] = all;
        d->nrect = 1;
    } else {
        for (int y = 0; y < rows; y++) {
            int x = 0;
            while (x < cols) {
                if (d->cur[y * cols + x] == d->prev[y * cols + x]) {
                    x++;
                    continue;
                }
                int x0 = x;
                while (x < cols && d->cur[y * cols + x] != d->prev[y * cols + x])
                    x++;
                add_run(d, x0, x - 1, y);
            }
        }
        for (int i = 0; i < d->nrect; i++)
            d->rect[i] = ui_rect_intersect(d->rect[i], all);
    }
    unsigned *t = d->prev;
    d->prev = d->cur;
    d->cur = t;
    d->valid = 1;
    return d->nrect;
}
