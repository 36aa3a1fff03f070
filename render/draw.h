/* draw.h: the thin SDL2 + SDL2_ttf layer that draws a ui command list:
 * filled and outlined rectangles, anti-aliased-looking thick polylines and
 * discs (SDL_RenderGeometry), clip rectangles, and text from DejaVu Sans
 * with a cache of text textures. Also supplies the ui's text measurement. */
#ifndef RENDER_DRAW_H
#define RENDER_DRAW_H

#include <stddef.h>

#include <SDL.h>

#include "render/ui.h"

typedef struct draw_ctx draw_ctx;

/* Finds DejaVu Sans (regular and bold): $TRANSIM_FONT_DIR, then assets/ in
 * the working directory, next to the program (../assets) and in the source
 * tree, then /usr/share/fonts/truetype/dejavu. Writes the regular font's path
 * into buf and returns 1, or 0 when none is found. */
int draw_find_font(char *buf, size_t n, const char *file);

/* Creates the layer for renderer (not owned) with fonts sized for scale.
 * Returns NULL with a message in msg when TTF cannot start or no font is
 * found ("install fonts-dejavu-core ..."). */
draw_ctx *draw_create(SDL_Renderer *renderer, float scale, char *msg, size_t n);
void draw_destroy(draw_ctx *d);

/* Reopens the fonts when scale changed (zoom or display); clears the cache. */
int draw_set_scale(draw_ctx *d, float scale);

/* Text measurement for ui_init (user = the draw_ctx). */
int draw_text_width(void *user, ui_font f, const char *s, int len);
int draw_text_height(void *user, ui_font f);

/* Draws the commands of ctx within the areas rects[0..nrect) (the whole
 * output: one rectangle of its size): each area is cleared to bg, then the
 * commands that reach into it are drawn there, layer 0, then layer 1. The
 * text textures the frame needs are made first. */
void draw_commands(draw_ctx *d, const ui_ctx *ctx, ui_color bg, const ui_rect *rects, int nrect);

/* Text textures cached (for tests and the profiler). */
int draw_cache_count(const draw_ctx *d);

#endif
