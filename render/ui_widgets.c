/* ui_widgets.c: the widgets of the immediate-mode interface (see ui.h):
 * slider, button, check box, tabs, group header, text entry, drop-down list,
 * list box, scrolling panel and tooltip. Each draws itself into the command
 * list and reports what happened as UI_ bits. */
#include "render/ui.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/textfield.h"

static ui_color col(const ui_ctx *ctx, ui_color_id id)
{
    return ctx->colors[id];
}

/* Draws the focus ring around r, when the keyboard put the focus there
 * (a click focuses without a ring, as :focus-visible on the web). */
static void focus_ring(ui_ctx *ctx, ui_rect r)
{
    if (!ctx->focus_visible)
        return;
    int d = ui_px(ctx, 2);
    ui_draw_frame(ctx, ui_rect_make(r.x - d, r.y - d, r.w + 2 * d, r.h + 2 * d),
                  col(ctx, UI_COL_ACCENT), d);
}

int ui_slider(ui_ctx *ctx, unsigned id, ui_rect r, double *value, double lo, double hi,
              double step, double mark)
{
    int res = ui_control(ctx, id, r, 1);
    int knob = ui_px(ctx, 8);
    ui_rect track = ui_rect_make(r.x + knob, r.y, r.w - 2 * knob, r.h);
    double v = *value;
    if ((res & UI_ACTIVE) && (ctx->mouse_down || ctx->mouse_pressed || ctx->mouse_released))
        v = ui_slider_value_at(track, ctx->mouse_x, lo, hi, step);
    if (ctx->focus == id && ctx->edit_id != id) {
        double k = step > 0 ? step : (hi - lo) / 100.0;
        if (ctx->mods & UI_MOD_SHIFT)
            k /= 10.0;
        if (ctx->mods & UI_MOD_CTRL)
            k *= 10.0;
        if (ui_take_key(ctx, UI_KEY_LEFT))
            v -= k;
        if (ui_take_key(ctx, UI_KEY_RIGHT))
            v += k;
        if (ui_take_key(ctx, UI_KEY_PAGEDOWN))
            v -= (hi - lo) / 10.0;
        if (ui_take_key(ctx, UI_KEY_PAGEUP))
            v += (hi - lo) / 10.0;
        if (ui_take_key(ctx, UI_KEY_HOME))
            v = lo;
        if (ui_take_key(ctx, UI_KEY_END))
            v = hi;
        /* Keep keyboard steps on the grid unless the step is a fine one. */
        if (step > 0 && !(ctx->mods & UI_MOD_SHIFT))
            v = lo + round((v - lo) / step) * step;
        if (v < lo)
            v = lo;
        if (v > hi)
            v = hi;
    }
    if (v != *value) {
        *value = v;
        res |= UI_CHANGED;
    }

    int cy = r.y + r.h / 2;
    int th = ui_px(ctx, 4);
    ui_rect bar = ui_rect_make(track.x, cy - th / 2, track.w, th);
    ui_draw_rect(ctx, bar, col(ctx, UI_COL_CONTROL));
    int xv = ui_slider_x_of(track, *value, lo, hi);
    ui_draw_rect(ctx, ui_rect_make(track.x, bar.y, xv - track.x, th), col(ctx, UI_COL_ACCENT));
    if (!isnan(mark) && mark >= lo && mark <= hi) {
        int xm = ui_slider_x_of(track, mark, lo, hi);
        int mh = ui_px(ctx, 7);
        ui_draw_rect(ctx, ui_rect_make(xm - ui_px(ctx, 1), cy - mh, ui_px(ctx, 2), 2 * mh),
                     col(ctx, UI_COL_MUTED));
    }
    ui_color kc = (res & UI_ACTIVE)  ? col(ctx, UI_COL_ACCENT)
                  : (res & UI_HOVER) ? col(ctx, UI_COL_PRESSED)
                                     : col(ctx, UI_COL_CARD);
    ui_draw_circle(ctx, xv, cy, knob, col(ctx, UI_COL_ACCENT));
    ui_draw_circle(ctx, xv, cy, knob - ui_px(ctx, 2), kc);
    if (ctx->focus == id)
        focus_ring(ctx, r);
    return res;
}

int ui_button(ui_ctx *ctx, unsigned id, ui_rect r, const char *label, int selected)
{
    int res = ui_control(ctx, id, r, 1);
    if (ctx->focus == id && (ui_take_key(ctx, UI_KEY_RETURN) || ui_take_key(ctx, UI_KEY_SPACE)))
        res |= UI_SUBMIT;
    ui_color bg = selected             ? col(ctx, UI_COL_ACCENT)
                  : (res & UI_ACTIVE)  ? col(ctx, UI_COL_PRESSED)
                  : (res & UI_HOVER)   ? col(ctx, UI_COL_HOVER)
                                       : col(ctx, UI_COL_CONTROL);
    ui_draw_rect(ctx, r, bg);
    ui_draw_text_in(ctx, UI_FONT_BODY, label, ui_rect_inset(r, ui_px(ctx, 4)), 0,
                    selected ? col(ctx, UI_COL_CARD) : col(ctx, UI_COL_TEXT));
    if (ctx->focus == id)
        focus_ring(ctx, r);
    return res;
}

int ui_checkbox(ui_ctx *ctx, unsigned id, ui_rect r, const char *label, int *state)
{
    int res = ui_control(ctx, id, r, 1);
    if ((res & UI_SUBMIT) ||
        (ctx->focus == id && (ui_take_key(ctx, UI_KEY_SPACE) || ui_take_key(ctx, UI_KEY_RETURN)))) {
        *state = !*state;
        res |= UI_CHANGED | UI_SUBMIT;
    }
    int bs = ui_px(ctx, 16);
    ui_rect box = ui_rect_make(r.x, r.y + (r.h - bs) / 2, bs, bs);
    ui_draw_rect(ctx, box, *state ? col(ctx, UI_COL_ACCENT)
                                  : (res & UI_HOVER) ? col(ctx, UI_COL_HOVER)
                                                     : col(ctx, UI_COL_CARD));
    ui_draw_frame(ctx, box, *state ? col(ctx, UI_COL_ACCENT) : col(ctx, UI_COL_MUTED), 1);
    if (*state) {
        ui_point tick[3] = {
            {(float)box.x + 0.22f * (float)bs, (float)box.y + 0.52f * (float)bs},
            {(float)box.x + 0.42f * (float)bs, (float)box.y + 0.72f * (float)bs},
            {(float)box.x + 0.78f * (float)bs, (float)box.y + 0.28f * (float)bs},
        };
        ui_draw_polyline(ctx, tick, 3, col(ctx, UI_COL_CARD), ui_px(ctx, 2), 0);
    }
    int gap = ui_px(ctx, 8);
    ui_draw_text_in(ctx, UI_FONT_BODY, label,
                    ui_rect_make(r.x + bs + gap, r.y, r.w - bs - gap, r.h), -1,
                    col(ctx, UI_COL_TEXT));
    if (ctx->focus == id)
        focus_ring(ctx, r);
    return res;
}

int ui_tabs(ui_ctx *ctx, unsigned id, ui_rect r, const char *const *labels, int n, int *sel)
{
    int res = 0;
    if (n <= 0)
        return 0;
    ui_draw_rect(ctx, r, col(ctx, UI_COL_CONTROL));
    for (int i = 0; i < n; i++) {
        int x0 = r.x + r.w * i / n, x1 = r.x + r.w * (i + 1) / n;
        ui_rect tr = ui_rect_make(x0, r.y, x1 - x0, r.h);
        unsigned tid = ui_id2("tab", (int)id, i);
        int c = ui_control(ctx, tid, tr, 1);
        if ((c & UI_SUBMIT) || (ctx->focus == tid && (ui_take_key(ctx, UI_KEY_RETURN) ||
                                                      ui_take_key(ctx, UI_KEY_SPACE)))) {
            if (*sel != i)
                res |= UI_CHANGED;
            *sel = i;
        }
        /* Left/Right on a focused tab choose the neighbour and follow it. */
        int step = 0;
        if (ctx->focus == tid && i > 0 && ui_take_key(ctx, UI_KEY_LEFT))
            step = -1;
        if (ctx->focus == tid && i < n - 1 && ui_take_key(ctx, UI_KEY_RIGHT))
            step = 1;
        if (step != 0) {
            *sel = i + step;
            res |= UI_CHANGED;
            ctx->focus = ui_id2("tab", (int)id, i + step);
            ctx->focus_visible = 1;
        }
        int on = *sel == i;
        int pad = ui_px(ctx, 3);
        if (on)
            ui_draw_rect(ctx, ui_rect_inset(tr, pad), col(ctx, UI_COL_CARD));
        else if (c & UI_HOVER)
            ui_draw_rect(ctx, ui_rect_inset(tr, pad), col(ctx, UI_COL_HOVER));
        ui_draw_text_in(ctx, on ? UI_FONT_BOLD : UI_FONT_BODY, labels[i],
                        ui_rect_inset(tr, ui_px(ctx, 6)), 0,
                        on ? col(ctx, UI_COL_TEXT) : col(ctx, UI_COL_MUTED));
        if (ctx->focus == tid)
            focus_ring(ctx, ui_rect_inset(tr, pad));
    }
    return res;
}

int ui_header(ui_ctx *ctx, unsigned id, ui_rect r, const char *label, const char *note,
              int *open)
{
    int res = ui_control(ctx, id, r, 1);
    if ((res & UI_SUBMIT) ||
        (ctx->focus == id && (ui_take_key(ctx, UI_KEY_RETURN) || ui_take_key(ctx, UI_KEY_SPACE)))) {
        *open = !*open;
        res |= UI_CHANGED;
    }
    ui_draw_rect(ctx, r, (res & UI_HOVER) ? col(ctx, UI_COL_HOVER) : col(ctx, UI_COL_HEADER));
    int pad = ui_px(ctx, 8);
    /* U+25BE down-pointing and U+25B8 right-pointing small triangles. */
    const char *arrow = *open ? "\xE2\x96\xBE" : "\xE2\x96\xB8";
    int aw = ui_draw_text(ctx, UI_FONT_BOLD, arrow, r.x + pad,
                          r.y + (r.h - ui_text_height(ctx, UI_FONT_BOLD)) / 2,
                          col(ctx, UI_COL_MUTED));
    int nw = note && *note ? ui_text_width(ctx, UI_FONT_SMALL, note) + pad : 0;
    int lx = r.x + pad + aw + ui_px(ctx, 6);
    ui_draw_text_in(ctx, UI_FONT_BOLD, label, ui_rect_make(lx, r.y, r.x + r.w - lx - nw, r.h),
                    -1, col(ctx, UI_COL_TEXT));
    if (nw)
        ui_draw_text_in(ctx, UI_FONT_SMALL, note,
                        ui_rect_make(r.x + r.w - nw, r.y, nw - pad, r.h), 1,
                        col(ctx, UI_COL_MUTED));
    if (ctx->focus == id)
        focus_ring(ctx, r);
    return res;
}

/* The character boundary of buf nearest to pixel x, for text drawn from x0. */
static int offset_at(const ui_ctx *ctx, const char *buf, int x0, int x)
{
    int best = 0, best_d = 1 << 30;
    for (int i = 0;; i = textfield_next(buf, i)) {
        int d = abs(x0 + ctx->text_width(ctx->text_user, UI_FONT_BODY, buf, i) - x);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
        if (buf[i] == '\0')
            break;
    }
    return best;
}

/* Keys a focused text entry keeps from the rest of the interface. */
#define TEXTBOX_KEYS                                                                          \
    (UI_KEY_LEFT | UI_KEY_RIGHT | UI_KEY_SPACE | UI_KEY_HOME | UI_KEY_END | UI_KEY_BACKSPACE | \
     UI_KEY_DELETE | UI_KEY_SELECT_ALL | UI_KEY_COPY | UI_KEY_CUT | UI_KEY_PASTE)

int ui_textbox(ui_ctx *ctx, unsigned id, ui_rect r, char *buf, size_t cap)
{
    /* A click only focuses: submitting is for Return (or the form's button). */
    int res = ui_control(ctx, id, r, 1) & ~UI_SUBMIT;
    int focused = ctx->focus == id;
    int pad = ui_px(ctx, 6);
    ui_rect inner = ui_rect_make(r.x + pad, r.y, r.w - 2 * pad, r.h);
    textfield t = {buf, cap, ctx->edit_cursor, ctx->edit_anchor};
    if (focused) {
        if (ctx->edit_id != id) {
            /* Just focused: by the keyboard the whole text is selected, so
             * that typing replaces it; by a click the cursor goes there. */
            ctx->edit_id = id;
            ctx->edit_scroll = 0;
            t.cursor = (int)strlen(buf);
            t.anchor = ctx->focus_visible ? 0 : t.cursor;
        }
        textfield_clamp(&t);
        res |= UI_ACTIVE;
        int x0 = inner.x - ctx->edit_scroll;
        if (ctx->active == id && ctx->mouse_pressed) {
            t.cursor = offset_at(ctx, buf, x0, ctx->mouse_x);
            t.anchor = t.cursor;
        } else if (ctx->active == id && ctx->mouse_down) {
            t.cursor = offset_at(ctx, buf, x0, ctx->mouse_x); /* a drag selects */
        }
        if (ctx->input_text[0] && textfield_insert(&t, ctx->input_text))
            res |= UI_CHANGED;
        unsigned k = ctx->key_pressed & TEXTBOX_KEYS & ~ctx->key_used;
        if (k) {
            int tr = textfield_key(&t, k, ctx->mods, &ctx->clipboard, ctx->clip_local,
                                   sizeof ctx->clip_local);
            if (tr & TEXTFIELD_CHANGED)
                res |= UI_CHANGED;
        }
        if (ui_take_key(ctx, UI_KEY_RETURN))
            res |= UI_SUBMIT;
        if (ui_take_key(ctx, UI_KEY_ESCAPE)) {
            ctx->focus = 0;
            ctx->edit_id = 0;
        }
        /* Editing keys belong to the text while it has the focus. */
        ctx->key_used |= TEXTBOX_KEYS;
        ctx->edit_cursor = t.cursor;
        ctx->edit_anchor = t.anchor;
    }
    ui_draw_rect(ctx, r, col(ctx, UI_COL_CARD));
    ui_draw_frame(ctx, r, focused ? col(ctx, UI_COL_ACCENT) : col(ctx, UI_COL_BORDER),
                  focused ? ui_px(ctx, 2) : 1);
    ui_clip_push(ctx, inner);
    int tw = ui_text_width(ctx, UI_FONT_BODY, buf);
    int th = ui_text_height(ctx, UI_FONT_BODY);
    int ty = r.y + (r.h - th) / 2;
    int x = inner.x;
    if (focused && ctx->edit_id == id) {
        /* Scroll just enough to keep the cursor in view. */
        int cx = ctx->text_width(ctx->text_user, UI_FONT_BODY, buf, t.cursor);
        int room = inner.w - ui_px(ctx, 3);
        if (cx - ctx->edit_scroll > room)
            ctx->edit_scroll = cx - room;
        if (cx < ctx->edit_scroll)
            ctx->edit_scroll = cx;
        if (ctx->edit_scroll > 0 && tw - ctx->edit_scroll < room)
            ctx->edit_scroll = tw > room ? tw - room : 0;
        x = inner.x - ctx->edit_scroll;
        int from, to;
        if (textfield_selection(&t, &from, &to) > 0) {
            int sx = ctx->text_width(ctx->text_user, UI_FONT_BODY, buf, from);
            int ex = ctx->text_width(ctx->text_user, UI_FONT_BODY, buf, to);
            ui_color sc = col(ctx, UI_COL_ACCENT);
            sc.a = 60;
            ui_draw_rect(ctx, ui_rect_make(x + sx, ty, ex - sx, th), sc);
        }
        ui_draw_text(ctx, UI_FONT_BODY, buf, x, ty, col(ctx, UI_COL_TEXT));
        ui_draw_rect(ctx, ui_rect_make(x + cx, ty, ui_px(ctx, 2), th), col(ctx, UI_COL_ACCENT));
    } else {
        if (tw > inner.w - pad)
            x = inner.x + inner.w - pad - tw; /* unfocused, a long text shows its end */
        ui_draw_text(ctx, UI_FONT_BODY, buf, x, ty, col(ctx, UI_COL_TEXT));
    }
    ui_clip_pop(ctx);
    return res;
}

/* 1 when text contains pat, ignoring the case of ASCII letters. */
static int contains_nocase(const char *text, const char *pat)
{
    size_t lp = strlen(pat);
    if (lp == 0)
        return 1;
    for (const char *t = text; *t; t++) {
        size_t i = 0;
        while (i < lp && t[i] && tolower((unsigned char)t[i]) == tolower((unsigned char)pat[i]))
            i++;
        if (i == lp)
            return 1;
    }
    return 0;
}

int ui_dropdown(ui_ctx *ctx, unsigned id, ui_rect r, ui_item_fn item, void *user, int n,
                int *sel)
{
    enum { MATCH_MAX = 1024 };
    int match[MATCH_MAX];
    char buf[256];
    int open = ctx->popup == id;
    int res = 0;
    /* The owner stays clickable while its own popup is open. */
    unsigned saved_popup = ctx->popup;
    if (open)
        ctx->popup = 0;
    int c = ui_control(ctx, id, r, 1);
    ctx->popup = saved_popup;
    res |= c & UI_HOVER;
    if ((c & UI_SUBMIT) || (ctx->focus == id && (ui_take_key(ctx, UI_KEY_RETURN) ||
                                                 (!open && ui_take_key(ctx, UI_KEY_SPACE))))) {
        if (open) {
            ctx->popup = 0;
        } else {
            ctx->popup = id;
            ctx->popup_scroll = *sel > 3 ? *sel - 3 : 0;
            ctx->popup_filter[0] = '\0';
        }
        open = ctx->popup == id;
    }
    /* While the list is open, typing filters it. */
    int refilter = 0;
    if (open && ctx->focus == id) {
        size_t fl = strlen(ctx->popup_filter), add = strlen(ctx->input_text);
        if (add > 0 && fl + add < sizeof ctx->popup_filter) {
            memcpy(ctx->popup_filter + fl, ctx->input_text, add + 1);
            refilter = 1;
        }
        if (ui_take_key(ctx, UI_KEY_BACKSPACE) && fl > 0) {
            fl--;
            while (fl > 0 && ((unsigned char)ctx->popup_filter[fl] & 0xC0) == 0x80)
                fl--;
            ctx->popup_filter[fl] = '\0';
            refilter = 1;
        }
        ctx->key_used |= UI_KEY_SPACE;
    }
    const char *filter = open ? ctx->popup_filter : "";
    int nm = 0, k = -1;
    for (int i = 0; i < n && nm < MATCH_MAX; i++) {
        if (*filter && !contains_nocase(item(user, i, buf, sizeof buf), filter))
            continue;
        if (i == *sel)
            k = nm;
        match[nm++] = i;
    }
    if (ctx->focus == id && nm > 0) {
        int s = *sel;
        if (!open) {
            if (ui_take_key(ctx, UI_KEY_LEFT) && s > 0)
                s--;
            if (ui_take_key(ctx, UI_KEY_RIGHT) && s < n - 1)
                s++;
        } else {
            int kk = k;
            if (ui_take_key(ctx, UI_KEY_UP))
                kk = kk > 0 ? kk - 1 : 0;
            if (ui_take_key(ctx, UI_KEY_DOWN))
                kk = kk < 0 ? 0 : kk < nm - 1 ? kk + 1 : kk;
            if (refilter && kk < 0)
                kk = 0;
            if (kk >= 0)
                s = match[kk];
            if (kk != k) {
                k = kk;
                if (k < ctx->popup_scroll)
                    ctx->popup_scroll = k;
            }
        }
        if (s != *sel) {
            *sel = s;
            res |= UI_CHANGED;
        }
    }
    ui_draw_rect(ctx, r, (c & UI_HOVER) ? col(ctx, UI_COL_HOVER) : col(ctx, UI_COL_CONTROL));
    int pad = ui_px(ctx, 8);
    int aw = ui_text_width(ctx, UI_FONT_BODY, "\xE2\x96\xBE");
    const char *label = (*sel >= 0 && *sel < n) ? item(user, *sel, buf, sizeof buf) : "";
    ui_draw_text_in(ctx, UI_FONT_BOLD, label,
                    ui_rect_make(r.x + pad, r.y, r.w - 3 * pad - aw, r.h), -1,
                    col(ctx, UI_COL_TEXT));
    ui_draw_text_in(ctx, UI_FONT_BODY, "\xE2\x96\xBE",
                    ui_rect_make(r.x + r.w - pad - aw, r.y, aw, r.h), 1, col(ctx, UI_COL_MUTED));
    if (ctx->focus == id)
        focus_ring(ctx, r);
    if (!open)
        return res;

    /* The list, on the overlay layer, below r or above it when there is no
     * room; the filter typed so far heads it. */
    int ih = ui_px(ctx, 26);
    int head = *filter ? 1 : 0;
    int rows = nm + head < 14 ? nm + head : 14;
    if (rows < 1)
        rows = 1;
    int room_below = ctx->height - (r.y + r.h) - ui_px(ctx, 8);
    int room_above = r.y - ui_px(ctx, 8);
    int below = rows * ih <= room_below || room_below >= room_above;
    int room = below ? room_below : room_above;
    if (rows * ih > room)
        rows = room / ih;
    if (rows < 1 + head)
        rows = 1 + head;
    int shown = rows - head;
    int ph = rows * ih;
    int w = r.w > ui_px(ctx, 260) ? r.w : ui_px(ctx, 260);
    int px = r.x + w > ctx->width ? ctx->width - w : r.x;
    ui_rect pr = ui_rect_make(px, below ? r.y + r.h + 2 : r.y - ph - 2, w, ph);
    int prev_layer = ctx->layer;
    ui_layer_set(ctx, 1);
    ctx->popup_rect = pr;
    if (ui_mouse_over(ctx, pr) && ctx->wheel != 0) {
        ctx->popup_scroll -= ctx->wheel;
        ctx->wheel = 0;
    }
    /* Keep the selection in view when moved by keys or the filter. */
    if (k >= 0 && k >= ctx->popup_scroll + shown)
        ctx->popup_scroll = k - shown + 1;
    if (ctx->popup_scroll > nm - shown)
        ctx->popup_scroll = nm - shown;
    if (ctx->popup_scroll < 0)
        ctx->popup_scroll = 0;
    ui_draw_rect(ctx, ui_rect_make(pr.x + 2, pr.y + 3, pr.w, pr.h), ctx->colors[UI_COL_SHADOW]);
    ui_draw_rect(ctx, pr, col(ctx, UI_COL_CARD));
    ui_clip_push(ctx, pr);
    if (head) {
        ui_rect fr = ui_rect_make(pr.x, pr.y, pr.w, ih);
        ui_draw_rect(ctx, fr, col(ctx, UI_COL_HEADER));
        int tw = ui_draw_text(ctx, UI_FONT_BODY, filter, fr.x + pad,
                              fr.y + (ih - ui_text_height(ctx, UI_FONT_BODY)) / 2,
                              col(ctx, UI_COL_ACCENT));
        ui_draw_rect(ctx, ui_rect_make(fr.x + pad + tw + 1, fr.y + ui_px(ctx, 5), ui_px(ctx, 2),
                                       ih - ui_px(ctx, 10)),
                     col(ctx, UI_COL_ACCENT));
    }
    for (int j = 0; j < shown && ctx->popup_scroll + j < nm; j++) {
        int i = match[ctx->popup_scroll + j];
        ui_rect ir = ui_rect_make(pr.x, pr.y + (j + head) * ih, pr.w, ih);
        int ic = ui_control(ctx, ui_id2("popup-item", (int)id, i), ir, 0);
        if (i == *sel)
            ui_draw_rect(ctx, ir, col(ctx, UI_COL_HEADER));
        if (ic & UI_HOVER)
            ui_draw_rect(ctx, ir, col(ctx, UI_COL_HOVER));
        ui_draw_text_in(ctx, UI_FONT_BODY, item(user, i, buf, sizeof buf),
                        ui_rect_make(ir.x + pad, ir.y, ir.w - 2 * pad, ir.h), -1,
                        col(ctx, UI_COL_TEXT));
        if (ic & UI_SUBMIT) {
            if (*sel != i)
                res |= UI_CHANGED;
            *sel = i;
            ctx->popup = 0;
            ctx->focus = id;
        }
    }
    ui_clip_pop(ctx);
    if (nm > shown) {
        /* Where the visible part lies in the whole list. */
        int bw = ui_px(ctx, 4), lh = shown * ih;
        int th = lh * shown / nm, ty = pr.y + head * ih + (lh - th) * ctx->popup_scroll / (nm - shown);
        ui_draw_rect(ctx, ui_rect_make(pr.x + pr.w - bw - 2, ty, bw, th), col(ctx, UI_COL_PRESSED));
    }
    ui_draw_frame(ctx, pr, col(ctx, UI_COL_BORDER), 1);
    if (ctx->focus == id && ui_take_key(ctx, UI_KEY_ESCAPE))
        ctx->popup = 0;
    ui_layer_set(ctx, prev_layer);
    return res;
}

int ui_list(ui_ctx *ctx, unsigned id, ui_rect r, ui_item_fn item, void *user, int n, int *sel,
            int *scroll)
{
    char buf[512];
    int res = 0;
    int ih = ui_px(ctx, 26);
    int shown = r.h / ih;
    if (shown < 1)
        shown = 1;
    if (ui_mouse_over(ctx, r) && ctx->wheel != 0) {
        *scroll -= ctx->wheel;
        ctx->wheel = 0;
    }
    int focused = ui_focusable(ctx, id);
    if (focused && n > 0) {
        int s = *sel;
        if (ui_take_key(ctx, UI_KEY_UP) && s > 0)
            s--;
        if (ui_take_key(ctx, UI_KEY_DOWN) && s < n - 1)
            s++;
        if (ui_take_key(ctx, UI_KEY_RETURN))
            res |= UI_SUBMIT;
        if (s != *sel) {
            *sel = s;
            res |= UI_CHANGED;
            if (s < *scroll)
                *scroll = s;
            if (s >= *scroll + shown)
                *scroll = s - shown + 1;
        }
    }
    if (*scroll > n - shown)
        *scroll = n - shown;
    if (*scroll < 0)
        *scroll = 0;
    ui_draw_rect(ctx, r, col(ctx, UI_COL_CARD));
    ui_clip_push(ctx, r);
    int pad = ui_px(ctx, 8);
    for (int k = 0; k < shown && *scroll + k < n; k++) {
        int i = *scroll + k;
        ui_rect ir = ui_rect_make(r.x, r.y + k * ih, r.w, ih);
        int ic = ui_control(ctx, ui_id2("list-item", (int)id, i), ir, 0);
        if (ic & UI_ACTIVE && ctx->mouse_pressed)
            ctx->focus = id;
        if (i == *sel)
            ui_draw_rect(ctx, ir, col(ctx, UI_COL_HEADER));
        else if (ic & UI_HOVER)
            ui_draw_rect(ctx, ir, col(ctx, UI_COL_HOVER));
        ui_draw_text_in(ctx, UI_FONT_BODY, item(user, i, buf, sizeof buf),
                        ui_rect_make(ir.x + pad, ir.y, ir.w - 2 * pad, ir.h), -1,
                        col(ctx, UI_COL_TEXT));
        if (ic & UI_SUBMIT) {
            if (*sel == i)
                res |= UI_SUBMIT;
            else
                res |= UI_CHANGED;
            *sel = i;
        }
    }
    ui_clip_pop(ctx);
    if (n > shown) {
        /* Where the visible part lies in the whole list. */
        int bw = ui_px(ctx, 4), lh = shown * ih;
        int th = lh * shown / n, ty = r.y + (lh - th) * *scroll / (n - shown);
        ui_draw_rect(ctx, ui_rect_make(r.x + r.w - bw - 2, ty, bw, th), col(ctx, UI_COL_PRESSED));
    }
    ui_draw_frame(ctx, r, focused ? col(ctx, UI_COL_ACCENT) : col(ctx, UI_COL_BORDER), 1);
    return res;
}

int ui_panel_begin(ui_ctx *ctx, ui_rect r, int *scroll)
{
    if (ui_mouse_over(ctx, r) && ctx->wheel != 0) {
        *scroll -= ctx->wheel * ui_px(ctx, 48);
        ctx->wheel = 0;
    }
    if (*scroll < 0)
        *scroll = 0;
    ctx->focus_rect_set = 0;
    ui_clip_push(ctx, r);
    return r.y - *scroll;
}

void ui_panel_end(ui_ctx *ctx, ui_rect r, int *scroll, int content_bottom)
{
    int content = content_bottom - (r.y - *scroll);
    int max = content > r.h ? content - r.h : 0;
    if (ctx->focus_moved && ctx->focus_rect_set) {
        int m = ui_px(ctx, 24);
        ui_rect f = ctx->focus_rect;
        if (f.y < r.y)
            *scroll -= r.y - f.y + m;
        else if (f.y + f.h > r.y + r.h)
            *scroll += f.y + f.h - (r.y + r.h) + m;
        ctx->focus_rect_set = 0;
    }
    if (*scroll > max)
        *scroll = max;
    if (*scroll < 0)
        *scroll = 0;
    ui_clip_pop(ctx);
    if (max > 0) {
        int bw = ui_px(ctx, 4);
        int th = r.h * r.h / content;
        int ty = r.y + (int)((long)(r.h - th) * *scroll / max);
        ui_draw_rect(ctx, ui_rect_make(r.x + r.w - bw - 1, ty, bw, th), col(ctx, UI_COL_PRESSED));
    }
}

int ui_wrap_line(const ui_ctx *ctx, ui_font f, const char *text, int w, const char **next)
{
    const char *brk = NULL;
    const char *q = text;
    while (*q && *q != '\n') {
        const char *we = q;
        while (*we && *we != ' ' && *we != '\n')
            we++;
        int tw = ctx->text_width(ctx->text_user, f, text, (int)(we - text));
        if (tw > w && brk != NULL)
            break;
        brk = we;
        q = *we == ' ' ? we + 1 : we;
    }
    const char *end = brk ? brk : q;
    const char *p = end;
    while (*p == ' ')
        p++;
    if (*p == '\n')
        p++;
    *next = p;
    return (int)(end - text);
}

/* Draws len bytes of s (copied through a bounded buffer). */
static void draw_span(ui_ctx *ctx, ui_font f, const char *s, int len, int x, int y, ui_color c)
{
    char buf[512];
    int n = len < (int)sizeof buf - 1 ? len : (int)sizeof buf - 1;
    memcpy(buf, s, (size_t)n);
    buf[n] = '\0';
    ui_draw_text(ctx, f, buf, x, y, c);
}

int ui_draw_wrapped(ui_ctx *ctx, ui_font f, const char *text, int x, int y, int w, ui_color c)
{
    int lh = ui_text_height(ctx, f);
    int h = 0;
    const char *p = text;
    while (*p) {
        const char *next;
        int len = ui_wrap_line(ctx, f, p, w, &next);
        draw_span(ctx, f, p, len, x, y + h, c);
        h += lh;
        if (next == p)
            break;
        p = next;
    }
    return h;
}

/* 1 when r lies inside a W x H window. */
static int inside(ui_rect r, int W, int H)
{
    return r.x >= 0 && r.y >= 0 && r.x + r.w <= W && r.y + r.h <= H;
}

static int clamp_to(int v, int lo, int hi)
{
    return v > hi ? (hi > lo ? hi : lo) : v < lo ? lo : v;
}

ui_rect ui_tooltip_place(int w, int h, int mx, int my, ui_rect avoid, int W, int H, int gap)
{
    /* Beside the area along the pointer: right, below, left, above; the
     * first that fits in the window. */
    int ax1 = avoid.x + avoid.w, ay1 = avoid.y + avoid.h;
    int ty = clamp_to(my - h / 4, 0, H - h), tx = clamp_to(mx - w / 4, 0, W - w);
    ui_rect cand[4] = {ui_rect_make(ax1 + gap, ty, w, h), ui_rect_make(tx, ay1 + gap, w, h),
                       ui_rect_make(avoid.x - gap - w, ty, w, h),
                       ui_rect_make(tx, avoid.y - gap - h, w, h)};
    for (int i = 0; i < 4; i++)
        if (inside(cand[i], W, H))
            return cand[i];
    /* Nowhere beside it: inside the window, as far from the pointer as it can. */
    ui_rect r = ui_rect_make(clamp_to(mx + gap, 0, W - w), clamp_to(my + gap, 0, H - h), w, h);
    if (r.y <= my && my < r.y + r.h && my - h - gap >= 0)
        r.y = my - h - gap;
    return r;
}

void ui_tooltip(ui_ctx *ctx, const char *text)
{
    /* Clear of the pointer and what is right under it. */
    ui_tooltip_beside(ctx, text, ui_rect_make(ctx->mouse_x - ui_px(ctx, 8), ctx->mouse_y - ui_px(ctx, 8),
                                              ui_px(ctx, 16), ui_px(ctx, 18)));
}

void ui_tooltip_beside(ui_ctx *ctx, const char *text, ui_rect avoid)
{
    enum { MAX_LINES = 24 };
    /* No tooltips while something is being dragged. */
    if (ctx->active != 0 && ctx->mouse_down)
        return;
    const char *start[MAX_LINES];
    int len[MAX_LINES];
    int nlines = 0;
    int maxw = ui_px(ctx, 380);
    int pad = ui_px(ctx, 8);
    int lh = ui_text_height(ctx, UI_FONT_SMALL) + ui_px(ctx, 1);
    int widest = 0;
    const char *p = text;
    while (*p && nlines < MAX_LINES) {
        const char *next;
        ui_font f = nlines == 0 ? UI_FONT_BOLD : UI_FONT_SMALL;
        start[nlines] = p;
        len[nlines] = ui_wrap_line(ctx, f, p, maxw, &next);
        int w = ctx->text_width(ctx->text_user, f, p, len[nlines]);
        if (w > widest)
            widest = w;
        nlines++;
        if (next == p)
            break;
        p = next;
    }
    int bh = ui_text_height(ctx, UI_FONT_BOLD) + ui_px(ctx, 4);
    int w = widest + 2 * pad, h = bh + (nlines - 1) * lh + 2 * pad;
    ui_rect r = ui_tooltip_place(w, h, ctx->mouse_x, ctx->mouse_y, avoid, ctx->width, ctx->height,
                                 ui_px(ctx, 8));
    int x = r.x, y = r.y;
    /* The overlay without the clip of the panel that asked: a tooltip is
     * cut only by the window. */
    int prev = ctx->layer, nclip = ctx->nclip;
    ctx->nclip = 0;
    ui_layer_set(ctx, 1);
    ui_draw_rect(ctx, ui_rect_make(x + 2, y + 3, w, h), ctx->colors[UI_COL_SHADOW]);
    ui_draw_rect(ctx, r, col(ctx, UI_COL_CARD));
    ui_draw_frame(ctx, r, col(ctx, UI_COL_BORDER), 1);
    for (int i = 0; i < nlines; i++)
        draw_span(ctx, i == 0 ? UI_FONT_BOLD : UI_FONT_SMALL, start[i], len[i], x + pad,
                  i == 0 ? y + pad : y + pad + bh + (i - 1) * lh, col(ctx, UI_COL_TEXT));
    ctx->nclip = nclip;
    ui_layer_set(ctx, prev);
}
