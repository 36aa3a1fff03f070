/* draw.c: draws ui commands with SDL2 and SDL2_ttf (see draw.h). */
#include "render/draw.h"

#include "render/dirty.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL_ttf.h>

#ifndef TRANSIM_ASSETS_DIR
#define TRANSIM_ASSETS_DIR "assets"
#endif

#define CACHE_CAP 4096   /* slots of the text cache (power of two) */
#define CACHE_TRIM 1000  /* entries above which a frame drops those it did not use */
#define CACHE_FULL 3500  /* entries at which the cache is emptied at once */
#define TEXT_MAX 1024    /* longest text measured or drawn, bytes */

/* Pixel sizes of the font roles at scale 1. */
static const int font_px[UI_FONT_COUNT] = {14, 12, 14, 19};
static const int font_bold[UI_FONT_COUNT] = {0, 0, 1, 1};

typedef struct cache_entry {
    unsigned hash;        /* 0 = empty slot */
    int font;             /* ui_font */
    int colored;          /* 1: holds a texture in color; 0: a measurement only */
    ui_color color;       /* of the texture */
    char *text;           /* owned copy of the key */
    SDL_Texture *tex;     /* owned; NULL for measurements */
    int w, h;             /* pixels */
    unsigned used;        /* draw_ctx.frame when last looked up */
} cache_entry;

struct draw_ctx {
    SDL_Renderer *r;                 /* not owned */
    TTF_Font *font[UI_FONT_COUNT];   /* owned */
    int height[UI_FONT_COUNT];       /* line height of each role, pixels */
    float scale;                     /* the fonts' scale */
    char regular[1024], bold[1024];  /* font files */
    cache_entry *cache;              /* CACHE_CAP slots */
    cache_entry *keep;               /* CACHE_CAP slots of scratch for trimming */
    int ncache;
    unsigned frame;                  /* frames drawn, for the cache's use stamps */
    ui_rect clip;                    /* the clip in force, pixels (w < 0: none) */
    SDL_Vertex *verts;               /* scratch for geometry */
    int nverts_cap;
    ui_color backdrop;               /* what lines are drawn on (the cards), for their
                                        soft edges mixed beforehand */
};

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int draw_find_font(char *buf, size_t n, const char *file)
{
    char dirs[5][1024];
    int nd = 0;
    const char *env = getenv("TRANSIM_FONT_DIR");
    if (env && *env)
        snprintf(dirs[nd++], sizeof dirs[0], "%s", env);
    snprintf(dirs[nd++], sizeof dirs[0], "%s", "assets");
    char *base = SDL_GetBasePath();
    if (base) {
        snprintf(dirs[nd++], sizeof dirs[0], "%.1000s../assets", base);
        SDL_free(base);
    }
    snprintf(dirs[nd++], sizeof dirs[0], "%s", TRANSIM_ASSETS_DIR);
    snprintf(dirs[nd++], sizeof dirs[0], "%s", "/usr/share/fonts/truetype/dejavu");
    for (int i = 0; i < nd; i++) {
        char p[1200];
        int w = snprintf(p, sizeof p, "%s/%s", dirs[i], file);
        if (w > 0 && (size_t)w < sizeof p && file_exists(p) && strlen(p) < n) {
            memcpy(buf, p, strlen(p) + 1);
            return 1;
        }
    }
    return 0;
}

static void cache_clear(draw_ctx *d)
{
    for (int i = 0; i < CACHE_CAP; i++) {
        cache_entry *e = &d->cache[i];
        if (e->hash) {
            if (e->tex)
                SDL_DestroyTexture(e->tex);
            free(e->text);
        }
    }
    memset(d->cache, 0, CACHE_CAP * sizeof *d->cache);
    d->ncache = 0;
}

/* Drops the entries neither this frame nor the last one used (values that
 * changed while a slider moved), keeping the rest, so that a long drag
 * never empties the whole cache at once. */
static void cache_trim(draw_ctx *d)
{
    int nkeep = 0;
    for (int i = 0; i < CACHE_CAP; i++) {
        cache_entry *e = &d->cache[i];
        if (!e->hash)
            continue;
        if (d->frame - e->used <= 1) {
            d->keep[nkeep++] = *e;
        } else {
            if (e->tex)
                SDL_DestroyTexture(e->tex);
            free(e->text);
        }
    }
    memset(d->cache, 0, CACHE_CAP * sizeof *d->cache);
    for (int k = 0; k < nkeep; k++) {
        unsigned i = d->keep[k].hash & (CACHE_CAP - 1);
        while (d->cache[i].hash)
            i = (i + 1) & (CACHE_CAP - 1);
        d->cache[i] = d->keep[k];
    }
    d->ncache = nkeep;
}

static void close_fonts(draw_ctx *d)
{
    for (int i = 0; i < UI_FONT_COUNT; i++) {
        if (d->font[i])
            TTF_CloseFont(d->font[i]);
        d->font[i] = NULL;
    }
}

static int open_fonts(draw_ctx *d, float scale)
{
    close_fonts(d);
    for (int i = 0; i < UI_FONT_COUNT; i++) {
        int px = (int)lroundf((float)font_px[i] * scale);
        if (px < 6)
            px = 6;
        const char *file = font_bold[i] && d->bold[0] ? d->bold : d->regular;
        d->font[i] = TTF_OpenFont(file, px);
        if (!d->font[i])
            return 0;
        if (font_bold[i] && !d->bold[0])
            TTF_SetFontStyle(d->font[i], TTF_STYLE_BOLD);
        TTF_SetFontHinting(d->font[i], TTF_HINTING_LIGHT);
        d->height[i] = TTF_FontHeight(d->font[i]);
    }
    d->scale = scale;
    return 1;
}

draw_ctx *draw_create(SDL_Renderer *renderer, float scale, char *msg, size_t n)
{
    /* SDL_ttf counts its starts: each layer starts it and draw_destroy
     * stops it once, so a second layer (the scoreboard's sheet) may come
     * and go while the window's stays. */
    if (TTF_Init() != 0) {
        snprintf(msg, n, "cannot start the font engine: %s", TTF_GetError());
        return NULL;
    }
    draw_ctx *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(msg, n, "out of memory");
        TTF_Quit();
        return NULL;
    }
    d->r = renderer;
    d->clip = ui_rect_make(0, 0, -1, -1);
    d->cache = calloc(CACHE_CAP, sizeof *d->cache);
    d->keep = calloc(CACHE_CAP, sizeof *d->keep);
    if (!d->cache || !d->keep) {
        snprintf(msg, n, "out of memory");
        draw_destroy(d);
        return NULL;
    }
    if (!draw_find_font(d->regular, sizeof d->regular, "DejaVuSans.ttf")) {
        snprintf(msg, n,
                 "font 'DejaVuSans.ttf' not found in assets/ or /usr/share/fonts/truetype/dejavu "
                 "(install the package fonts-dejavu-core, or set TRANSIM_FONT_DIR)");
        draw_destroy(d);
        return NULL;
    }
    if (!draw_find_font(d->bold, sizeof d->bold, "DejaVuSans-Bold.ttf"))
        d->bold[0] = '\0';
    if (!open_fonts(d, scale)) {
        snprintf(msg, n, "cannot open font '%s': %s", d->regular, TTF_GetError());
        draw_destroy(d);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    return d;
}

void draw_destroy(draw_ctx *d)
{
    if (!d)
        return;
    if (d->cache) {
        cache_clear(d);
        free(d->cache);
    }
    free(d->keep);
    close_fonts(d);
    free(d->verts);
    free(d);
    TTF_Quit();
}

int draw_set_scale(draw_ctx *d, float scale)
{
    if (fabsf(scale - d->scale) < 1e-4f)
        return 1;
    cache_clear(d);
    return open_fonts(d, scale);
}

int draw_cache_count(const draw_ctx *d)
{
    return d->ncache;
}

static unsigned hash_key(int font, int colored, ui_color c, const char *s, size_t len)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    h = (h ^ (unsigned)font) * 16777619u;
    if (colored) {
        h = (h ^ c.r) * 16777619u;
        h = (h ^ c.g) * 16777619u;
        h = (h ^ c.b) * 16777619u;
        h = (h ^ c.a) * 16777619u;
    }
    return h ? h : 1;
}

/* The cache slot for the key: found (hash set) or the empty slot to fill. */
static cache_entry *cache_slot(draw_ctx *d, int font, int colored, ui_color c, const char *s,
                               size_t len, unsigned *hash)
{
    *hash = hash_key(font, colored, c, s, len);
    unsigned i = *hash & (CACHE_CAP - 1);
    for (;;) {
        cache_entry *e = &d->cache[i];
        if (e->hash == 0)
            return e;
        if (e->hash == *hash && e->font == font && e->colored == colored &&
            strlen(e->text) == len && memcmp(e->text, s, len) == 0 &&
            (!colored || memcmp(&e->color, &c, sizeof c) == 0))
            return e;
        i = (i + 1) & (CACHE_CAP - 1);
    }
}

/* Fills a new slot's key; returns 0 when out of memory. */
static int cache_fill(draw_ctx *d, cache_entry *e, unsigned hash, int font, int colored,
                      ui_color c, const char *s, size_t len)
{
    e->text = malloc(len + 1);
    if (!e->text)
        return 0;
    memcpy(e->text, s, len);
    e->text[len] = '\0';
    e->hash = hash;
    e->font = font;
    e->colored = colored;
    e->color = c;
    e->used = d->frame;
    d->ncache++;
    return 1;
}

int draw_text_width(void *user, ui_font f, const char *s, int len)
{
    draw_ctx *d = user;
    size_t n = len < 0 ? strlen(s) : (size_t)len;
    if (n == 0)
        return 0;
    if (n >= TEXT_MAX)
        n = TEXT_MAX - 1;
    if (d->ncache >= CACHE_FULL)
        cache_clear(d);
    ui_color none = {0, 0, 0, 0};
    unsigned h;
    cache_entry *e = cache_slot(d, (int)f, 0, none, s, n, &h);
    if (e->hash) {
        e->used = d->frame;
        return e->w;
    }
    char buf[TEXT_MAX];
    memcpy(buf, s, n);
    buf[n] = '\0';
    int w = 0, hh = 0;
    if (TTF_SizeUTF8(d->font[f], buf, &w, &hh) != 0)
        w = 0;
    if (cache_fill(d, e, h, (int)f, 0, none, s, n))
        e->w = w;
    return w;
}

int draw_text_height(void *user, ui_font f)
{
    const draw_ctx *d = user;
    return d->height[f];
}

/* The cache entry holding the texture of the text of c, made now when
 * missing; NULL when it cannot be made. */
static cache_entry *text_entry(draw_ctx *d, const ui_cmd *c, const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= TEXT_MAX)
        return NULL;
    unsigned h;
    if (d->ncache >= CACHE_FULL)
        return NULL; /* a frame of more texts than the cache holds: the rest wait */
    cache_entry *e = cache_slot(d, (int)c->font, 1, c->color, s, n, &h);
    if (!e->hash) {
        SDL_Color col = {c->color.r, c->color.g, c->color.b, c->color.a};
        SDL_Surface *surf = TTF_RenderUTF8_Blended(d->font[c->font], s, col);
        if (!surf)
            return NULL;
        SDL_Texture *tex = SDL_CreateTextureFromSurface(d->r, surf);
        int w = surf->w, hh = surf->h;
        SDL_FreeSurface(surf);
        if (!tex)
            return NULL;
        if (!cache_fill(d, e, h, (int)c->font, 1, c->color, s, n)) {
            SDL_DestroyTexture(tex);
            return NULL;
        }
        e->tex = tex;
        e->w = w;
        e->h = hh;
    }
    e->used = d->frame;
    return e;
}

static void draw_text(draw_ctx *d, const ui_cmd *c, const char *s)
{
    cache_entry *e = text_entry(d, c, s);
    if (!e)
        return;
    SDL_Rect dst = {c->rect.x, c->rect.y, e->w, e->h};
    SDL_RenderCopy(d->r, e->tex, NULL, &dst);
}

static int reserve_verts(draw_ctx *d, int n)
{
    if (n <= d->nverts_cap)
        return 1;
    int cap = d->nverts_cap ? d->nverts_cap : 1024;
    while (cap < n)
        cap *= 2;
    SDL_Vertex *v = realloc(d->verts, (size_t)cap * sizeof *v);
    if (!v)
        return 0;
    d->verts = v;
    d->nverts_cap = cap;
    return 1;
}

static SDL_Vertex vert(float x, float y, ui_color c)
{
    SDL_Vertex v;
    v.position.x = x;
    v.position.y = y;
    v.color.r = c.r;
    v.color.g = c.g;
    v.color.b = c.b;
    v.color.a = c.a;
    v.tex_coord.x = 0;
    v.tex_coord.y = 0;
    return v;
}

/* 1 when the box from (x0, y0) to (x1, y1), grown by pad, can show
 * through the clip: geometry wholly outside it is not built (a frame drawn
 * in parts replays each line once per part). */
static int visible(const draw_ctx *d, float x0, float y0, float x1, float y1, float pad)
{
    if (d->clip.w < 0)
        return 1;
    float lx = fminf(x0, x1) - pad, hx = fmaxf(x0, x1) + pad;
    float ly = fminf(y0, y1) - pad, hy = fmaxf(y0, y1) + pad;
    return hx >= (float)d->clip.x && lx <= (float)(d->clip.x + d->clip.w) && hy >= (float)d->clip.y &&
           ly <= (float)(d->clip.y + d->clip.h);
}

/* A filled disc as a triangle fan, of as many sides as keep its edge
 * within a tenth of a pixel of the circle (8 for a line's join of 1.5 px,
 * 20 at most): the software renderer pays for every triangle. */
static void draw_disc(draw_ctx *d, float cx, float cy, float r, ui_color c)
{
    int seg = (int)ceilf(3.1415927f * sqrtf(r / 0.8f));
    seg = seg < 8 ? 8 : seg > 20 ? 20 : seg;
    if (!visible(d, cx, cy, cx, cy, r + 1) || !reserve_verts(d, seg * 3))
        return;
    SDL_SetRenderDrawBlendMode(d->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    int n = 0;
    for (int i = 0; i < seg; i++) {
        float a0 = 6.2831853f * (float)i / (float)seg, a1 = 6.2831853f * (float)(i + 1) / (float)seg;
        d->verts[n++] = vert(cx, cy, c);
        d->verts[n++] = vert(cx + r * cosf(a0), cy + r * sinf(a0), c);
        d->verts[n++] = vert(cx + r * cosf(a1), cy + r * sinf(a1), c);
    }
    SDL_RenderGeometry(d->r, NULL, d->verts, n, NULL, 0);
}

/* Appends the quad of a segment of width w to the vertex list. */
static int add_segment(draw_ctx *d, int n, ui_point a, ui_point b, float w, ui_color c)
{
    float dx = b.x - a.x, dy = b.y - a.y;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 1e-4f)
        return n;
    float nx = -dy / len * w / 2, ny = dx / len * w / 2;
    SDL_Vertex q[4] = {vert(a.x + nx, a.y + ny, c), vert(b.x + nx, b.y + ny, c),
                       vert(b.x - nx, b.y - ny, c), vert(a.x - nx, a.y - ny, c)};
    d->verts[n++] = q[0];
    d->verts[n++] = q[1];
    d->verts[n++] = q[2];
    d->verts[n++] = q[0];
    d->verts[n++] = q[2];
    d->verts[n++] = q[3];
    return n;
}

/* A thick polyline: a soft translucent edge under the solid stroke makes
 * it look smooth on a renderer without anti-aliasing; dashes of 6 x width. */
static void draw_polyline(draw_ctx *d, const ui_point *p, int np, ui_color c, int thick,
                          int dashed)
{
    if (np < 2 || !reserve_verts(d, (np - 1) * 6 * 16 + 6))
        return;
    float w = (float)thick;
    /* An opaque line's soft edge is mixed with the card beforehand, so
     * that both passes are opaque: the software renderer fills a
     * translucent triangle through a scratch surface of its bounding box
     * (SDL 2.26), which made lines most of a frame's drawing. */
    ui_color bd = d->backdrop;
    int premix = c.a == 255 && bd.a == 255 && (c.r != bd.r || c.g != bd.g || c.b != bd.b);
    for (int pass = 0; pass < 2; pass++) {
        ui_color cc = c;
        float ww = w;
        if (pass == 0) {
            cc.a = (unsigned char)(c.a * 0.35f);
            ww = w + 1.2f;
            if (premix) {
                cc.r = (unsigned char)((c.r * 35 + bd.r * 65 + 50) / 100);
                cc.g = (unsigned char)((c.g * 35 + bd.g * 65 + 50) / 100);
                cc.b = (unsigned char)((c.b * 35 + bd.b * 65 + 50) / 100);
                cc.a = 255;
            }
        }
        SDL_SetRenderDrawBlendMode(d->r, cc.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        int n = 0;
        float dash = 6.0f * w, gap = 4.0f * w, pos = 0;
        for (int i = 0; i + 1 < np; i++) {
            if (!dashed) {
                if (visible(d, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, ww + 1))
                    n = add_segment(d, n, p[i], p[i + 1], ww, cc);
                continue;
            }
            float dx = p[i + 1].x - p[i].x, dy = p[i + 1].y - p[i].y;
            float len = sqrtf(dx * dx + dy * dy), s = 0;
            while (s < len && n + 6 <= d->nverts_cap) {
                float period = dash + gap, ph = fmodf(pos, period);
                float step = ph < dash ? dash - ph : period - ph;
                if (step > len - s)
                    step = len - s;
                if (ph < dash) {
                    ui_point a = {p[i].x + dx * s / len, p[i].y + dy * s / len};
                    ui_point b = {p[i].x + dx * (s + step) / len, p[i].y + dy * (s + step) / len};
                    n = add_segment(d, n, a, b, ww, cc);
                }
                s += step;
                pos += step;
            }
        }
        SDL_RenderGeometry(d->r, NULL, d->verts, n, NULL, 0);
        /* Round joins for thick solid lines (draw_disc skips those out of
         * sight), where the line turns enough for the notch between two
         * segments to show: by more than 0.2 radians, a notch of
         * w/2 x 0.2 = 0.3 px at a width of 3. */
        if (!dashed && pass == 1 && thick >= 3)
            for (int i = 1; i + 1 < np; i++) {
                float ax = p[i].x - p[i - 1].x, ay = p[i].y - p[i - 1].y;
                float bx = p[i + 1].x - p[i].x, by = p[i + 1].y - p[i].y;
                float cross = ax * by - ay * bx, dot = ax * bx + ay * by;
                if (fabsf(atan2f(cross, dot)) > 0.2f)
                    draw_disc(d, p[i].x, p[i].y, w / 2, c);
            }
    }
}

/* The area between two lines as a strip of triangles. */
static void draw_band(draw_ctx *d, const ui_point *p, int np, ui_color c)
{
    int n = np / 2;
    if (n < 2 || !reserve_verts(d, (n - 1) * 6))
        return;
    SDL_SetRenderDrawBlendMode(d->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    const ui_point *up = p, *lo = p + n;
    int k = 0;
    for (int i = 0; i + 1 < n; i++) {
        if (!visible(d, fminf(fminf(up[i].x, up[i + 1].x), fminf(lo[i].x, lo[i + 1].x)),
                     fminf(fminf(up[i].y, up[i + 1].y), fminf(lo[i].y, lo[i + 1].y)),
                     fmaxf(fmaxf(up[i].x, up[i + 1].x), fmaxf(lo[i].x, lo[i + 1].x)),
                     fmaxf(fmaxf(up[i].y, up[i + 1].y), fmaxf(lo[i].y, lo[i + 1].y)), 1))
            continue;
        d->verts[k++] = vert(up[i].x, up[i].y, c);
        d->verts[k++] = vert(up[i + 1].x, up[i + 1].y, c);
        d->verts[k++] = vert(lo[i + 1].x, lo[i + 1].y, c);
        d->verts[k++] = vert(up[i].x, up[i].y, c);
        d->verts[k++] = vert(lo[i + 1].x, lo[i + 1].y, c);
        d->verts[k++] = vert(lo[i].x, lo[i].y, c);
    }
    SDL_RenderGeometry(d->r, NULL, d->verts, k, NULL, 0);
}

static void set_clip(draw_ctx *d, ui_rect r)
{
    d->clip = r;
    if (r.w < 0) {
        SDL_RenderSetClipRect(d->r, NULL);
        return;
    }
    SDL_Rect sr = {r.x, r.y, r.w > 0 ? r.w : 1, r.h > 0 ? r.h : 1};
    if (r.w == 0 || r.h == 0)
        sr.x = -10, sr.y = -10; /* an empty clip: nothing visible */
    SDL_RenderSetClipRect(d->r, &sr);
}

/* Opaque fills skip blending, which the software renderer does per pixel. */
static void set_color(draw_ctx *d, ui_color c)
{
    SDL_SetRenderDrawBlendMode(d->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
}

/* Draws one command (not a clip). */
static void draw_cmd(draw_ctx *d, const ui_ctx *ctx, const ui_cmd *c)
{
    switch (c->type) {
    case UI_CMD_CLIP:
        break;
    case UI_CMD_RECT: {
        SDL_Rect r = {c->rect.x, c->rect.y, c->rect.w, c->rect.h};
        set_color(d, c->color);
        SDL_RenderFillRect(d->r, &r);
        break;
    }
    case UI_CMD_FRAME: {
        set_color(d, c->color);
        int t = c->thickness;
        SDL_Rect e[4] = {{c->rect.x, c->rect.y, c->rect.w, t},
                         {c->rect.x, c->rect.y + c->rect.h - t, c->rect.w, t},
                         {c->rect.x, c->rect.y, t, c->rect.h},
                         {c->rect.x + c->rect.w - t, c->rect.y, t, c->rect.h}};
        SDL_RenderFillRects(d->r, e, 4);
        break;
    }
    case UI_CMD_TEXT:
        draw_text(d, c, ctx->text + c->text);
        break;
    case UI_CMD_CIRCLE: {
        float r = (float)c->rect.w / 2;
        draw_disc(d, (float)c->rect.x + r, (float)c->rect.y + r, r, c->color);
        break;
    }
    case UI_CMD_BAND:
        draw_band(d, ctx->point + c->points, c->npoints, c->color);
        break;
    case UI_CMD_POLYLINE:
        draw_polyline(d, ctx->point + c->points, c->npoints, c->color, c->thickness,
                      c->dashed);
        break;
    }
}

void draw_commands(draw_ctx *d, const ui_ctx *ctx, ui_color bg, const ui_rect *rects, int nrect)
{
    if (d->ncache > CACHE_TRIM)
        cache_trim(d);
    /* Every text texture the frame lacks is made before anything is drawn:
     * SDL flushes its queue of drawing before it creates or destroys a
     * texture, and on a GL renderer each flush in mid-frame costs a pass of
     * the rasterizer over the window (Mesa's llvmpipe under Xvfb: a drag
     * that changes twenty numbers took 30-60 ms a frame, with them made
     * first it draws in one pass). */
    int ntext = 0;
    for (int i = 0; i < ctx->ncmd; i++)
        ntext += ctx->cmd[i].type == UI_CMD_TEXT;
    if (d->ncache + ntext >= CACHE_FULL)
        cache_clear(d);
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT)
            text_entry(d, &ctx->cmd[i], ctx->text + ctx->cmd[i].text);
    d->backdrop = ctx->colors[UI_COL_CARD];
    for (int k = 0; k < nrect; k++) {
        ui_rect area = rects[k];
        if (area.w <= 0 || area.h <= 0)
            continue;
        set_clip(d, area);
        SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(d->r, bg.r, bg.g, bg.b, 255);
        SDL_Rect ar = {area.x, area.y, area.w, area.h};
        SDL_RenderFillRect(d->r, &ar);
        for (int layer = 0; layer < 2; layer++) {
            ui_rect clip = area;
            set_clip(d, clip);
            for (int i = 0; i < ctx->ncmd; i++) {
                const ui_cmd *c = &ctx->cmd[i];
                if (c->layer != layer)
                    continue;
                if (c->type == UI_CMD_CLIP) {
                    clip = c->rect.w < 0 ? area : ui_rect_intersect(c->rect, area);
                    set_clip(d, clip);
                    continue;
                }
                ui_rect b = ui_rect_intersect(dirty_cmd_bounds(ctx, c), clip);
                if (b.w <= 0 || b.h <= 0)
                    continue;
                draw_cmd(d, ctx, c);
            }
        }
    }
    SDL_RenderSetClipRect(d->r, NULL);
    d->clip = ui_rect_make(0, 0, -1, -1);
    d->frame++;
}
