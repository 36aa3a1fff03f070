/* ui.c: the immediate-mode context, command list and basic drawing (see
 * ui.h). The widgets themselves are in ui_widgets.c. */
#include "render/ui.h"

#include <math.h>
#include <string.h>

static ui_color rgba(int r, int g, int b, int a)
{
    ui_color c = {(unsigned char)r, (unsigned char)g, (unsigned char)b, (unsigned char)a};
    return c;
}

void ui_init(ui_ctx *ctx, ui_text_width_fn tw, ui_text_height_fn th, void *user)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->command = -1;
    ctx->text_width = tw;
    ctx->text_height = th;
    ctx->text_user = user;
    ctx->scale = 1.0f;
    ctx->width = 1280;
    ctx->height = 800;
    ctx->colors[UI_COL_BG] = rgba(0xF3, 0xF4, 0xF6, 255);
    ctx->colors[UI_COL_PANEL] = rgba(0xFB, 0xFB, 0xFC, 255);
    ctx->colors[UI_COL_CARD] = rgba(0xFF, 0xFF, 0xFF, 255);
    ctx->colors[UI_COL_BORDER] = rgba(0xD9, 0xDD, 0xE3, 255);
    ctx->colors[UI_COL_TEXT] = rgba(0x1F, 0x29, 0x33, 255);
    ctx->colors[UI_COL_MUTED] = rgba(0x5F, 0x6B, 0x78, 255);
    ctx->colors[UI_COL_ACCENT] = rgba(0x00, 0x72, 0xB2, 255);
    ctx->colors[UI_COL_CONTROL] = rgba(0xE6, 0xE9, 0xED, 255);
    ctx->colors[UI_COL_HOVER] = rgba(0xD8, 0xDF, 0xE7, 255);
    ctx->colors[UI_COL_PRESSED] = rgba(0xC4, 0xCF, 0xDB, 255);
    ctx->colors[UI_COL_HEADER] = rgba(0xEC, 0xEF, 0xF3, 255);
    ctx->colors[UI_COL_GOOD] = rgba(0x00, 0x9E, 0x73, 255);
    ctx->colors[UI_COL_BAD] = rgba(0xD5, 0x5E, 0x00, 255);
    ctx->colors[UI_COL_SHADOW] = rgba(0x10, 0x18, 0x20, 110);
}

/* Removes the first n events of the queue. */
static void queue_drop(ui_ctx *ctx, int n)
{
    ctx->nqueue -= n;
    memmove(ctx->queue, ctx->queue + n, (size_t)ctx->nqueue * sizeof ctx->queue[0]);
}

/* This frame's input from the queue: one key, one command, or a run of
 * text (see ui_begin). */
static void take_input(ui_ctx *ctx)
{
    ctx->key_pressed = 0;
    ctx->input_text[0] = '\0';
    ctx->command = -1;
    if (ctx->nqueue == 0)
        return;
    const ui_event *e = &ctx->queue[0];
    if (e->type == UI_EV_KEY) {
        ctx->key_pressed = e->key;
        ctx->mods = e->mods;
        queue_drop(ctx, 1);
    } else if (e->type == UI_EV_COMMAND) {
        ctx->command = e->command;
        ctx->mods = e->mods;
        queue_drop(ctx, 1);
    } else {
        int n = 0;
        size_t used = 0;
        while (n < ctx->nqueue && ctx->queue[n].type == UI_EV_TEXT) {
            size_t add = strlen(ctx->queue[n].text);
            if (used + add >= sizeof ctx->input_text)
                break;
            memcpy(ctx->input_text + used, ctx->queue[n].text, add + 1);
            used += add;
            n++;
        }
        queue_drop(ctx, n);
    }
}

void ui_begin(ui_ctx *ctx)
{
    ctx->ncmd = 0;
    ctx->ntext = 0;
    ctx->npoint = 0;
    ctx->nclip = 0;
    ctx->nfocus = 0;
    ctx->layer = 0;
    ctx->hot = 0;
    ctx->key_used = 0;
    ctx->overflow = 0;
    ctx->focus_rect_set = 0;
    ctx->press_taken = 0;
    if (ctx->mouse_pressed)
        ctx->press_serial++;
    take_input(ctx);
}

/* Index of id in the focus list, or -1. */
static int focus_index(const ui_ctx *ctx, unsigned id)
{
    for (int i = 0; i < ctx->nfocus; i++)
        if (ctx->focus_list[i] == id)
            return i;
    return -1;
}

void ui_end(ui_ctx *ctx)
{
    ctx->focus_moved = 0;
    unsigned nav = ctx->key_pressed & ~ctx->key_used;
    int dir = 0;
    if (nav & UI_KEY_TAB)
        dir = (ctx->mods & UI_MOD_SHIFT) ? -1 : 1;
    else if (nav & UI_KEY_DOWN)
        dir = 1;
    else if (nav & UI_KEY_UP)
        dir = -1;
    if (dir != 0 && ctx->nfocus > 0) {
        int i = focus_index(ctx, ctx->focus);
        if (i < 0)
            i = dir > 0 ? 0 : ctx->nfocus - 1;
        else
            i = (i + dir + ctx->nfocus) % ctx->nfocus;
        ctx->focus = ctx->focus_list[i];
        ctx->focus_moved = 1;
        ctx->focus_visible = 1;
        ctx->edit_id = 0;
    }
    if ((nav & UI_KEY_ESCAPE) && ctx->popup)
        ctx->popup = 0;
    /* A press outside any widget and outside the popup drops focus and popup. */
    if (ctx->mouse_pressed && !ctx->press_taken) {
        if (ctx->popup && !ui_rect_contains(ctx->popup_rect, ctx->mouse_x, ctx->mouse_y))
            ctx->popup = 0;
        ctx->focus = 0;
        ctx->edit_id = 0;
    }
    if (focus_index(ctx, ctx->focus) < 0 && ctx->nfocus > 0)
        ctx->focus = 0;
    if (!ctx->mouse_down)
        ctx->active = 0;
    ctx->mouse_pressed = 0;
    ctx->mouse_released = 0;
    ctx->wheel = 0;
    ctx->key_pressed = 0;
    ctx->input_text[0] = '\0';
    ctx->command = -1;
    ctx->frame++;
}

void ui_input_mouse_move(ui_ctx *ctx, int x, int y)
{
    ctx->mouse_x = x;
    ctx->mouse_y = y;
}

void ui_input_mouse_button(ui_ctx *ctx, int x, int y, int down)
{
    ui_input_mouse_move(ctx, x, y);
    if (down && !ctx->mouse_down)
        ctx->mouse_pressed = 1;
    if (!down && ctx->mouse_down)
        ctx->mouse_released = 1;
    ctx->mouse_down = down;
}

void ui_input_wheel(ui_ctx *ctx, int steps)
{
    ctx->wheel += steps;
}

/* A new event at the end of the queue, or NULL when it is full. */
static ui_event *queue_push(ui_ctx *ctx, ui_event_type type)
{
    if (ctx->nqueue >= UI_QUEUE_MAX)
        return NULL;
    ui_event *e = &ctx->queue[ctx->nqueue++];
    memset(e, 0, sizeof *e);
    e->type = type;
    return e;
}

int ui_input_key(ui_ctx *ctx, unsigned key, unsigned mods)
{
    ui_event *e = queue_push(ctx, UI_EV_KEY);
    if (!e)
        return -1;
    e->key = key;
    e->mods = mods;
    return 0;
}

int ui_input_text(ui_ctx *ctx, const char *utf8)
{
    size_t len = strlen(utf8);
    while (len > 0) {
        size_t n = len < UI_EVENT_TEXT - 1 ? len : UI_EVENT_TEXT - 1;
        while (n < len && n > 0 && ((unsigned char)utf8[n] & 0xC0) == 0x80)
            n--; /* do not split a character */
        ui_event *e = queue_push(ctx, UI_EV_TEXT);
        if (!e || n == 0)
            return -1;
        memcpy(e->text, utf8, n);
        e->text[n] = '\0';
        utf8 += n;
        len -= n;
    }
    return 0;
}

int ui_input_command(ui_ctx *ctx, int code, unsigned mods)
{
    ui_event *e = code >= 0 ? queue_push(ctx, UI_EV_COMMAND) : NULL;
    if (!e)
        return -1;
    e->command = code;
    e->mods = mods;
    return 0;
}

int ui_input_pending(const ui_ctx *ctx)
{
    return ctx->nqueue;
}

int ui_take_key(ui_ctx *ctx, unsigned key)
{
    if ((ctx->key_pressed & key) && !(ctx->key_used & key)) {
        ctx->key_used |= key;
        return 1;
    }
    return 0;
}

int ui_px(const ui_ctx *ctx, int n)
{
    if (n <= 0)
        return 0;
    int p = (int)lroundf((float)n * ctx->scale);
    return p < 1 ? 1 : p;
}

/* FNV-1a over the name, then the indexes. */
static unsigned hash_step(unsigned h, unsigned char byte)
{
    return (h ^ byte) * 16777619u;
}

unsigned ui_id2(const char *name, int a, int b)
{
    unsigned h = 2166136261u;
    for (const char *p = name; *p; p++)
        h = hash_step(h, (unsigned char)*p);
    unsigned ua = (unsigned)a, ub = (unsigned)b;
    for (int i = 0; i < 4; i++)
        h = hash_step(h, (unsigned char)(ua >> (8 * i)));
    for (int i = 0; i < 4; i++)
        h = hash_step(h, (unsigned char)(ub >> (8 * i)));
    return h ? h : 1;
}

unsigned ui_id(const char *name, int index)
{
    return ui_id2(name, index, 0);
}

ui_rect ui_rect_make(int x, int y, int w, int h)
{
    ui_rect r = {x, y, w, h};
    return r;
}

int ui_rect_contains(ui_rect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

ui_rect ui_rect_intersect(ui_rect a, ui_rect b)
{
    int x0 = a.x > b.x ? a.x : b.x;
    int y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return ui_rect_make(x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0);
}

ui_rect ui_rect_inset(ui_rect r, int d)
{
    return ui_rect_make(r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d);
}

ui_rect ui_clip_current(const ui_ctx *ctx)
{
    if (ctx->nclip == 0)
        return ui_rect_make(0, 0, 1 << 24, 1 << 24);
    return ctx->clip[ctx->nclip - 1];
}

int ui_mouse_over(const ui_ctx *ctx, ui_rect r)
{
    if (!ui_rect_contains(r, ctx->mouse_x, ctx->mouse_y))
        return 0;
    if (!ui_rect_contains(ui_clip_current(ctx), ctx->mouse_x, ctx->mouse_y))
        return 0;
    if (ctx->layer == 0 && (ctx->modal || ctx->popup))
        return 0;
    if (ctx->layer == 1 && ctx->modal == 0 && ctx->popup &&
        !ui_rect_contains(ctx->popup_rect, ctx->mouse_x, ctx->mouse_y))
        return 0;
    return 1;
}

static ui_cmd *push_cmd(ui_ctx *ctx, ui_cmd_type type)
{
    if (ctx->ncmd >= UI_CMD_MAX) {
        ctx->overflow = 1;
        return NULL;
    }
    ui_cmd *c = &ctx->cmd[ctx->ncmd++];
    memset(c, 0, sizeof *c);
    c->type = type;
    c->layer = ctx->layer;
    return c;
}

static void emit_clip(ui_ctx *ctx)
{
    ui_cmd *c = push_cmd(ctx, UI_CMD_CLIP);
    if (c)
        c->rect = ctx->nclip ? ctx->clip[ctx->nclip - 1] : ui_rect_make(0, 0, -1, -1);
}

void ui_clip_push(ui_ctx *ctx, ui_rect r)
{
    if (ctx->nclip >= UI_CLIP_DEPTH) {
        ctx->overflow = 1;
        return;
    }
    ctx->clip[ctx->nclip] = ctx->nclip ? ui_rect_intersect(r, ctx->clip[ctx->nclip - 1]) : r;
    ctx->nclip++;
    emit_clip(ctx);
}

void ui_clip_pop(ui_ctx *ctx)
{
    if (ctx->nclip > 0)
        ctx->nclip--;
    emit_clip(ctx);
}

void ui_layer_set(ui_ctx *ctx, int layer)
{
    ctx->layer = layer;
    emit_clip(ctx);
}

void ui_draw_rect(ui_ctx *ctx, ui_rect r, ui_color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    ui_cmd *cmd = push_cmd(ctx, UI_CMD_RECT);
    if (cmd) {
        cmd->rect = r;
        cmd->color = c;
    }
}

void ui_draw_frame(ui_ctx *ctx, ui_rect r, ui_color c, int thickness)
{
    ui_cmd *cmd = push_cmd(ctx, UI_CMD_FRAME);
    if (cmd) {
        cmd->rect = r;
        cmd->color = c;
        cmd->thickness = thickness < 1 ? 1 : thickness;
    }
}

void ui_draw_circle(ui_ctx *ctx, int cx, int cy, int radius, ui_color c)
{
    ui_cmd *cmd = push_cmd(ctx, UI_CMD_CIRCLE);
    if (cmd) {
        cmd->rect = ui_rect_make(cx - radius, cy - radius, 2 * radius, 2 * radius);
        cmd->color = c;
    }
}

int ui_text_width(const ui_ctx *ctx, ui_font f, const char *s)
{
    return ctx->text_width(ctx->text_user, f, s, -1);
}

int ui_text_height(const ui_ctx *ctx, ui_font f)
{
    return ctx->text_height(ctx->text_user, f);
}

/* Copies len bytes of s into the text pool; returns the offset or -1. */
static int store_text(ui_ctx *ctx, const char *s, size_t len)
{
    if ((size_t)ctx->ntext + len + 1 > UI_TEXT_MAX) {
        ctx->overflow = 1;
        return -1;
    }
    int off = ctx->ntext;
    memcpy(ctx->text + off, s, len);
    ctx->text[(size_t)off + len] = '\0';
    ctx->ntext += (int)len + 1;
    return off;
}

static int draw_text_n(ui_ctx *ctx, ui_font f, const char *s, size_t len, int x, int y,
                       ui_color c)
{
    if (len == 0)
        return 0;
    int off = store_text(ctx, s, len);
    if (off < 0)
        return 0;
    ui_cmd *cmd = push_cmd(ctx, UI_CMD_TEXT);
    if (!cmd)
        return 0;
    int w = ctx->text_width(ctx->text_user, f, s, (int)len);
    cmd->rect = ui_rect_make(x, y, w, ctx->text_height(ctx->text_user, f));
    cmd->color = c;
    cmd->font = f;
    cmd->text = off;
    return w;
}

int ui_draw_text(ui_ctx *ctx, ui_font f, const char *s, int x, int y, ui_color c)
{
    return draw_text_n(ctx, f, s, strlen(s), x, y, c);
}

void ui_draw_text_in(ui_ctx *ctx, ui_font f, const char *s, ui_rect r, int align, ui_color c)
{
    size_t len = strlen(s);
    int w = ctx->text_width(ctx->text_user, f, s, (int)len);
    int h = ctx->text_height(ctx->text_user, f);
    int y = r.y + (r.h - h) / 2;
    if (w > r.w) {
        /* Shorten at a UTF-8 boundary and add an ellipsis. */
        static const char ell[] = "\xE2\x80\xA6";
        int ew = ctx->text_width(ctx->text_user, f, ell, 3);
        char buf[512];
        while (len > 0) {
            len--;
            while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
                len--;
            if (ctx->text_width(ctx->text_user, f, s, (int)len) + ew <= r.w)
                break;
        }
        if (len + 4 > sizeof buf)
            len = sizeof buf - 4;
        memcpy(buf, s, len);
        memcpy(buf + len, ell, 4);
        draw_text_n(ctx, f, buf, len + 3, r.x, y, c);
        return;
    }
    int x = align < 0 ? r.x : align > 0 ? r.x + r.w - w : r.x + (r.w - w) / 2;
    draw_text_n(ctx, f, s, len, x, y, c);
}

void ui_draw_polyline(ui_ctx *ctx, const ui_point *p, int n, ui_color c, int thickness, int dashed)
{
    if (n < 2)
        return;
    if (ctx->npoint + n > UI_POINT_MAX) {
        ctx->overflow = 1;
        return;
    }
    ui_cmd *cmd = push_cmd(ctx, UI_CMD_POLYLINE);
    if (!cmd)
        return;
    memcpy(ctx->point + ctx->npoint, p, (size_t)n * sizeof *p);
    cmd->points = ctx->npoint;
    cmd->npoints = n;
    cmd->color = c;
    cmd->thickness = thickness < 1 ? 1 : thickness;
    cmd->dashed = dashed;
    ctx->npoint += n;
}

void ui_draw_band(ui_ctx *ctx, const ui_point *upper, const ui_point *lower, int n, ui_color c)
{
    if (n < 2)
        return;
    if (ctx->npoint + 2 * n > UI_POINT_MAX) {
        ctx->overflow = 1;
        return;
    }
    ui_cmd *cmd = push_cmd(ctx, UI_CMD_BAND);
    if (!cmd)
        return;
    memcpy(ctx->point + ctx->npoint, upper, (size_t)n * sizeof *upper);
    memcpy(ctx->point + ctx->npoint + n, lower, (size_t)n * sizeof *lower);
    cmd->points = ctx->npoint;
    cmd->npoints = 2 * n;
    cmd->color = c;
    ctx->npoint += 2 * n;
}

int ui_focusable(ui_ctx *ctx, unsigned id)
{
    if (ctx->layer == 0 && ctx->modal)
        return 0;
    if (ctx->nfocus < UI_FOCUS_MAX)
        ctx->focus_list[ctx->nfocus++] = id;
    return ctx->focus == id;
}

void ui_focus_set(ui_ctx *ctx, unsigned id)
{
    ctx->focus = id;
    ctx->focus_moved = 1;
    ctx->focus_visible = 1;
}

int ui_control(ui_ctx *ctx, unsigned id, ui_rect r, int focusable)
{
    int res = 0;
    int over = ui_mouse_over(ctx, r);
    if (focusable && ui_focusable(ctx, id) && ctx->focus_moved) {
        ctx->focus_rect = r;
        ctx->focus_rect_set = 1;
    }
    if (over) {
        ctx->hot = id;
        res |= UI_HOVER;
        if (ctx->mouse_pressed && ctx->active == 0) {
            ctx->active = id;
            ctx->press_taken = 1;
            ctx->focus = focusable ? id : 0;
            ctx->focus_visible = 0;
        }
    }
    if (ctx->active == id) {
        res |= UI_ACTIVE;
        if (ctx->mouse_released) {
            if (over)
                res |= UI_SUBMIT;
            ctx->active = 0;
        }
    }
    return res;
}

double ui_slider_value_at(ui_rect track, int x, double lo, double hi, double step)
{
    if (track.w <= 1 || hi <= lo)
        return lo;
    double f = (double)(x - track.x) / (double)(track.w - 1);
    if (f < 0)
        f = 0;
    if (f > 1)
        f = 1;
    double v = lo + f * (hi - lo);
    if (step > 0) {
        v = lo + round((v - lo) / step) * step;
        if (v > hi)
            v = hi;
        if (v < lo)
            v = lo;
    }
    return v;
}

int ui_slider_x_of(ui_rect track, double value, double lo, double hi)
{
    if (hi <= lo || track.w <= 1)
        return track.x;
    double f = (value - lo) / (hi - lo);
    if (f < 0)
        f = 0;
    if (f > 1)
        f = 1;
    return track.x + (int)lround(f * (double)(track.w - 1));
}
