/* dirty.h: which parts of the window a frame changes, from its command
 * list alone (no SDL), so that the drawing layer redraws and presents only
 * those. The window is cut into square cells; each cell keeps a hash of the
 * commands that touch it, in drawing order, and the cells whose hash
 * differs from the last frame's are merged into a few rectangles. This is
 * rxi's "cached software rendering" (the microui author's), with lines and
 * bands hashed segment by segment so that a moving curve dirties the cells
 * it crosses, not its whole chart. */
#ifndef RENDER_DIRTY_H
#define RENDER_DIRTY_H

#include "render/ui.h"

#define DIRTY_CELL 32  /* cell side, pixels */
#define DIRTY_RECTS 64 /* rectangles at most; more are merged into their bounds */

typedef struct dirty {
    int width, height;       /* of the last frame, pixels */
    int cols, rows;          /* cells across and down */
    int cap;                 /* cells allocated in prev and cur */
    unsigned *prev, *cur;    /* owned: the hash of each cell, last frame and this one */
    int valid;               /* 0: prev is not what is on screen; the next frame is whole */
    ui_rect rect[DIRTY_RECTS]; /* this frame's changed areas (they may overlap), pixels */
    int nrect;               /* their count; 0 when nothing changed */
} dirty;

/* Initializes d with nothing on screen (the first frame is whole). */
void dirty_init(dirty *d);
/* Frees the cells. */
void dirty_release(dirty *d);
/* Forgets what is on screen: the next dirty_update gives the whole window
 * (after a resize, a change of fonts, an exposed window). */
void dirty_invalidate(dirty *d);

/* Compares the commands of ctx (drawn on a width x height output) with the
 * last frame's and fills d->rect and d->nrect with the areas to redraw.
 * Returns d->nrect, or -1 when the cells cannot be allocated (then the
 * whole window is in d->rect[0]). The cells grow only when the window
 * does; nothing is allocated otherwise. */
int dirty_update(dirty *d, const ui_ctx *ctx, int width, int height);

/* The area command c of ctx may paint, before clipping (lines and bands
 * with their width and soft edge). */
ui_rect dirty_cmd_bounds(const ui_ctx *ctx, const ui_cmd *c);

#endif
