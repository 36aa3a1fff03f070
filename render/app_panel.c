/* app_panel.c: the left panel: tabs for levers and assumptions, the levers
 * grouped by priority or theme in collapsible groups, each a labelled
 * slider with value and unit, and a lever's detail view (exact value, start
 * year, ramp, description and source). Everything named comes from the
 * model table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/app_ui.h"
#include "render/fmt.h"
#include "render/strings.h"

unsigned app_slider_id(int group, int var)
{
    return ui_id2("slider", group, var);
}

ui_rect app_slider_rect(const app *a, int var)
{
    if (var < 0 || var >= VAR_COUNT)
        return ui_rect_make(0, 0, 0, 0);
    return a->slider_rect[var];
}

/* Value text with unit in display units: "3,000 places/yr". */
static void value_text(const app *a, int var, double v, char *buf, size_t n)
{
    const var_desc *d = &var_table[var];
    char num[64];
    fmt_value(num, sizeof num, var_display(d, v), a->swedish);
    const char *unit = app_unit(a, var);
    if (*unit && strcmp(unit, "1") != 0)
        snprintf(buf, n, "%s %s", num, unit);
    else
        snprintf(buf, n, "%s", num);
}

/* Fills the detail view's entries from the scenario. */
static void detail_fill(app *a, int var)
{
    /* In display units, as the slider shows it (a share as percent). */
    char num[64];
    snprintf(num, sizeof num, "%.10g", var_display(&var_table[var], a->sc.value[var]));
    snprintf(a->detail_value, sizeof a->detail_value, "%s", num);
    snprintf(a->detail_start, sizeof a->detail_start, "%.0f", a->sc.lever_start[var]);
    snprintf(a->detail_ramp, sizeof a->detail_ramp, "%g", a->sc.lever_ramp[var]);
    a->detail_filled = var;
}

/* Parses a number typed with a decimal point or comma and optional spaces. */
static int parse_typed(const char *text, double *out)
{
    char buf[64];
    size_t n = 0;
    for (const char *p = text; *p && n + 1 < sizeof buf; p++) {
        if (*p == ' ' || (unsigned char)*p == 0xC2 || (unsigned char)*p == 0xA0)
            continue;
        buf[n++] = *p == ',' ? '.' : *p;
    }
    buf[n] = '\0';
    if (n == 0)
        return 0;
    char *end;
    double v = strtod(buf, &end);
    if (*end != '\0' || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

/* Applies the detail view's typed entries as one undo step. */
static void detail_apply(app *a, int var)
{
    const var_desc *d = &var_table[var];
    double v, s = a->sc.lever_start[var], r = a->sc.lever_ramp[var];
    if (!parse_typed(a->detail_value, &v)) {
        app_status(a, 1, "%s: '%s'", app_label(a, var), a->detail_value);
        return;
    }
    if (d->display_scale != 0)
        v /= d->display_scale; /* typed in display units */
    /* A hair of rounding slack, for values typed from the shown range. */
    double slack = 1e-12 * (fabs(d->max) + fabs(d->min));
    if (v < d->min && v > d->min - slack)
        v = d->min;
    if (v > d->max && v < d->max + slack)
        v = d->max;
    if (d->max > d->min && (v < d->min || v > d->max)) {
        char lo[64], hi[64];
        fmt_value(lo, sizeof lo, var_display(d, d->min), a->swedish);
        fmt_value(hi, sizeof hi, var_display(d, d->max), a->swedish);
        app_status(a, 1, "%s: %s \xE2\x80\x93 %s", app_label(a, var), lo, hi);
        return;
    }
    if (d->kind == VAR_LEVER && (!parse_typed(a->detail_start, &s) ||
                                 !parse_typed(a->detail_ramp, &r) || r < 0)) {
        app_status(a, 1, "%s: %s / %s", app_label(a, var), a->detail_start, a->detail_ramp);
        return;
    }
    unsigned group = ui_id("detail-apply", a->nundo + 1);
    app_set_value(a, var, v, group);
    if (d->kind == VAR_LEVER) {
        app_set_start(a, var, s, group);
        app_set_ramp(a, var, r, group);
    }
    detail_fill(a, var);
    a->status[0] = '\0';
}

/* The detail view under a row; returns the y after it. */
static int draw_detail(app *a, ui_ctx *ctx, int var, int x, int y, int w)
{
    const var_desc *d = &var_table[var];
    int pad = ui_px(ctx, 10), rh = ui_px(ctx, 30), gap = ui_px(ctx, 6);
    int top = y;
    if (a->detail_filled != var)
        detail_fill(a, var);
    ui_color muted = ctx->colors[UI_COL_MUTED], text = ctx->colors[UI_COL_TEXT];
    /* The card's background is drawn first, at its final height, below. */
    int bg_cmd = ctx->ncmd;
    ui_draw_rect(ctx, ui_rect_make(x, y, w, 1), ctx->colors[UI_COL_HEADER]);
    y += pad;
    int iw = w - 2 * pad, ix = x + pad;
    if (*app_desc(a, var))
        y += ui_draw_wrapped(ctx, UI_FONT_SMALL, app_desc(a, var), ix, y, iw, text) + gap;
    char line[1024], lo[64], hi[64];
    fmt_value(lo, sizeof lo, var_display(d, d->min), a->swedish);
    fmt_value(hi, sizeof hi, var_display(d, d->max), a->swedish);
    snprintf(line, sizeof line, "%s: %s \xE2\x80\x93 %s %s", str_get(STR_DETAIL_RANGE, a->swedish),
             lo, hi, app_unit(a, var));
    y += ui_draw_wrapped(ctx, UI_FONT_SMALL, line, ix, y, iw, muted);
    if (d->kind == VAR_LEVER && d->cost > 0) {
        char c[64], unit[64];
        fmt_value(c, sizeof c, d->cost, a->swedish);
        snprintf(line, sizeof line, str_get(STR_DETAIL_COST_FMT, a->swedish), c,
                 str_unit(d->unit, a->swedish, unit, sizeof unit));
        y += ui_draw_wrapped(ctx, UI_FONT_SMALL, line, ix, y, iw, muted);
    }
    if (d->source && *d->source) {
        snprintf(line, sizeof line, "%s: %s", str_get(STR_DETAIL_SOURCE, a->swedish),
                 var_source_text(d, a->swedish));
        y += ui_draw_wrapped(ctx, UI_FONT_SMALL, line, ix, y, iw, muted);
    }
    y += gap;

    int submit = 0;
    int lw = iw * 9 / 20;
    char vlabel[128];
    const char *du = app_unit(a, var);
    if (*du && strcmp(du, "1") != 0)
        snprintf(vlabel, sizeof vlabel, "%s (%s)", str_get(STR_DETAIL_VALUE, a->swedish), du);
    else
        snprintf(vlabel, sizeof vlabel, "%s", str_get(STR_DETAIL_VALUE, a->swedish));
    ui_draw_text_in(ctx, UI_FONT_BODY, vlabel, ui_rect_make(ix, y, lw, rh), -1, text);
    submit |= ui_textbox(ctx, ui_id("detail-value", var), ui_rect_make(ix + lw, y, iw - lw, rh),
                         a->detail_value, sizeof a->detail_value);
    y += rh + gap;
    if (d->kind == VAR_LEVER) {
        ui_draw_text_in(ctx, UI_FONT_BODY, str_get(STR_DETAIL_START, a->swedish),
                        ui_rect_make(ix, y, lw, rh), -1, text);
        submit |= ui_textbox(ctx, ui_id("detail-start", var),
                             ui_rect_make(ix + lw, y, iw - lw, rh), a->detail_start,
                             sizeof a->detail_start);
        y += rh + gap;
        ui_draw_text_in(ctx, UI_FONT_BODY, str_get(STR_DETAIL_RAMP, a->swedish),
                        ui_rect_make(ix, y, lw, rh), -1, text);
        submit |= ui_textbox(ctx, ui_id("detail-ramp", var), ui_rect_make(ix + lw, y, iw - lw, rh),
                             a->detail_ramp, sizeof a->detail_ramp);
        y += rh + gap;
    }
    int bw = (iw - 2 * gap) / 3;
    if (ui_button(ctx, ui_id("detail-apply", var), ui_rect_make(ix, y, bw, rh),
                  str_get(STR_DETAIL_APPLY, a->swedish), 0) & UI_SUBMIT)
        submit |= UI_SUBMIT;
    if (submit & UI_SUBMIT)
        detail_apply(a, var);
    if (ui_button(ctx, ui_id("detail-reset", var), ui_rect_make(ix + bw + gap, y, bw, rh),
                  str_get(STR_RESET, a->swedish), 0) & UI_SUBMIT) {
        app_reset_var(a, var);
        detail_fill(a, var);
    }
    if (ui_button(ctx, ui_id("detail-close", var), ui_rect_make(ix + 2 * (bw + gap), y, bw, rh),
                  str_get(STR_DETAIL_CLOSE, a->swedish), 0) & UI_SUBMIT)
        a->detail_var = -1;
    y += rh + pad;
    /* Now that the height is known, turn the first command into the card. */
    if (bg_cmd < ctx->ncmd) {
        ctx->cmd[bg_cmd].rect = ui_rect_make(x, top, w, y - top);
        ctx->cmd[bg_cmd].color = ctx->colors[UI_COL_HEADER];
    }
    return y;
}

/* One input row: label, value and unit, slider; returns the y after it. */
static int draw_row(app *a, ui_ctx *ctx, int group, int var, int x, int y, int w)
{
    const var_desc *d = &var_table[var];
    int pad = ui_px(ctx, 14), lh = ui_px(ctx, 22), sh = ui_px(ctx, 26);
    ui_color text = ctx->colors[UI_COL_TEXT], muted = ctx->colors[UI_COL_MUTED];
    int changed = a->sc.value[var] != a->base_sc.value[var] ||
                  a->sc.lever_start[var] != a->base_sc.lever_start[var] ||
                  a->sc.lever_ramp[var] != a->base_sc.lever_ramp[var];
    char val[128];
    value_text(a, var, a->sc.value[var], val, sizeof val);
    int vw = ui_text_width(ctx, UI_FONT_BOLD, val);
    int rw = changed ? ui_px(ctx, 22) : 0;
    ui_rect label_r = ui_rect_make(x + pad, y + ui_px(ctx, 6), w - 2 * pad - vw - rw - ui_px(ctx, 8), lh);
    /* A name too long for the room beside the value goes on two lines (the
     * second one the whole row wide): a lever's name cut short says too
     * little to choose it by. */
    const char *label = app_label(a, var), *rest = NULL;
    int first_len = (int)strlen(label);
    if (ui_text_width(ctx, UI_FONT_BODY, label) > label_r.w) {
        int n = ui_wrap_line(ctx, UI_FONT_BODY, label, label_r.w, &rest);
        if (n > 0 && *rest)
            first_len = n;
        else
            rest = NULL;
    }
    int label_h = rest ? 2 * lh : lh;
    /* The label opens and closes the detail view; hovering explains it. */
    int lc = ui_control(ctx, ui_id2("label", group, var),
                        rest ? ui_rect_make(label_r.x, label_r.y, w - 2 * pad, label_h) : label_r, 0);
    if (lc & UI_SUBMIT) {
        a->detail_var = a->detail_var == var ? -1 : var;
        if (a->detail_var == var)
            detail_fill(a, var);
    }
    char first[300];
    snprintf(first, sizeof first, "%.*s", first_len, label);
    ui_color lcol = (lc & UI_HOVER) ? ctx->colors[UI_COL_ACCENT] : text;
    ui_draw_text_in(ctx, UI_FONT_BODY, first, label_r, -1, lcol);
    if (rest)
        ui_draw_text_in(ctx, UI_FONT_BODY, rest, ui_rect_make(label_r.x, label_r.y + lh, w - 2 * pad, lh), -1,
                        lcol);
    if ((lc & UI_HOVER) && !(lc & UI_ACTIVE)) {
        char tip[1400];
        snprintf(tip, sizeof tip, "%s\n%s\n%s: %s", app_label(a, var), app_desc(a, var),
                 str_get(STR_DETAIL_SOURCE, a->swedish), var_source_text(d, a->swedish));
        /* Beside the lever panel, not over the lever, its detail view or
         * the next levers. */
        ui_tooltip_beside(ctx, tip, ctx->nclip ? ctx->clip[ctx->nclip - 1] : label_r);
    }
    ui_draw_text_in(ctx, UI_FONT_BOLD, val,
                    ui_rect_make(x + w - pad - rw - vw, label_r.y, vw, lh), 1,
                    changed ? ctx->colors[UI_COL_ACCENT] : muted);
    if (changed) {
        /* A small reset button: U+21BA anticlockwise open circle arrow. */
        ui_rect rr = ui_rect_make(x + w - pad - rw + ui_px(ctx, 4), label_r.y, rw - ui_px(ctx, 4), lh);
        int rc = ui_control(ctx, ui_id2("reset", group, var), rr, 0);
        ui_draw_text_in(ctx, UI_FONT_BODY, "\xE2\x86\xBA", rr, 0,
                        (rc & UI_HOVER) ? ctx->colors[UI_COL_BAD] : muted);
        if (rc & UI_SUBMIT) {
            app_reset_var(a, var);
            if (a->detail_var == var)
                detail_fill(a, var);
        }
    }
    y = label_r.y + label_h;
    ui_rect sr = ui_rect_make(x + pad - ui_px(ctx, 8), y, w - 2 * pad + ui_px(ctx, 16), sh);
    double v = a->sc.value[var];
    unsigned sid = app_slider_id(group, var);
    int res = ui_slider(ctx, sid, sr, &v, d->min, d->max, app_step_of(var), a->base_sc.value[var]);
    if (a->slider_rect[var].w == 0)
        a->slider_rect[var] = sr;
    /* The keyboard focuses the slider, but the panel scrolls its whole row
     * into view: the name above it, on two lines where it wraps, says which
     * lever it is. */
    if (ctx->focus == sid && ctx->focus_moved && ctx->focus_rect_set)
        ctx->focus_rect = ui_rect_make(sr.x, label_r.y, sr.w, sr.y + sr.h - label_r.y);
    if (res & UI_CHANGED) {
        /* One drag, or a run of key presses on one slider, is one undo step. */
        app_set_value(a, var, v, ui_id2("drag", (int)sid, ctx->press_serial));
        if (a->detail_var == var)
            detail_fill(a, var);
    }
    if (ctx->focus == sid && (ctx->key_pressed & UI_KEY_RETURN) && !(ctx->key_used & UI_KEY_RETURN)) {
        ctx->key_used |= UI_KEY_RETURN;
        a->detail_var = a->detail_var == var ? -1 : var;
        if (a->detail_var == var)
            detail_fill(a, var);
    }
    if (ctx->focus == sid && (ctx->key_pressed & UI_KEY_DELETE)) {
        app_reset_var(a, var);
        if (a->detail_var == var)
            detail_fill(a, var);
    }
    y += sh + ui_px(ctx, 4);
    /* A schedule other than "from the start, at once" is worth seeing. */
    if (d->kind == VAR_LEVER && a->detail_var != var &&
        (a->sc.lever_start[var] != a->sc.start || a->sc.lever_ramp[var] != 0)) {
        char when[160], ramp[64];
        fmt_value(ramp, sizeof ramp, a->sc.lever_ramp[var], a->swedish);
        if (a->sc.lever_ramp[var] > 0)
            snprintf(when, sizeof when, str_get(STR_SCHEDULE_FMT, a->swedish),
                     a->sc.lever_start[var], ramp);
        else
            snprintf(when, sizeof when, str_get(STR_SCHEDULE_START_FMT, a->swedish),
                     a->sc.lever_start[var]);
        int th = ui_text_height(ctx, UI_FONT_SMALL);
        ui_draw_text_in(ctx, UI_FONT_SMALL, when, ui_rect_make(x + pad, y - ui_px(ctx, 2), w - 2 * pad, th),
                        -1, muted);
        y += th + ui_px(ctx, 4);
    }
    if (a->detail_var == var)
        y = draw_detail(a, ctx, var, x + ui_px(ctx, 6), y, w - ui_px(ctx, 12)) + ui_px(ctx, 6);
    return y;
}

/* A collapsible group of inputs; returns the y after it. */
static int draw_group(app *a, ui_ctx *ctx, int gi, const char *title, const char *code,
                      const int *vars, int n, int x, int y, int w)
{
    int hh = ui_px(ctx, 34);
    char note[64];
    snprintf(note, sizeof note, "%s%s%d", code ? code : "", code ? " \xC2\xB7 " : "", n);
    ui_header(ctx, ui_id("group", gi), ui_rect_make(x + ui_px(ctx, 8), y, w - ui_px(ctx, 16), hh),
              title, note, &a->group_open[gi]);
    y += hh + ui_px(ctx, 2);
    if (a->group_open[gi])
        for (int k = 0; k < n; k++)
            y = draw_row(a, ctx, gi, vars[k], x, y, w);
    return y + ui_px(ctx, 8);
}

void app_panel_draw(app *a, ui_ctx *ctx, const app_layout *l)
{
    memset(a->slider_rect, 0, sizeof a->slider_rect);
    ui_draw_rect(ctx, l->left, ctx->colors[UI_COL_PANEL]);
    ui_draw_rect(ctx, ui_rect_make(l->left.x + l->left.w - 1, l->left.y, 1, l->left.h),
                 ctx->colors[UI_COL_BORDER]);
    const char *tabs[2] = {str_get(STR_LEVERS, a->swedish), str_get(STR_ASSUMPTIONS, a->swedish)};
    if (ui_tabs(ctx, ui_id("left-tabs", 0), l->tabs, tabs, 2, &a->left_tab) & UI_CHANGED)
        a->lever_scroll = 0;
    if (a->left_tab == 0) {
        const char *by[2] = {str_get(STR_BY_PRIORITY, a->swedish), str_get(STR_BY_THEME, a->swedish)};
        if (ui_tabs(ctx, ui_id("group-by", 0), l->group_by, by, 2, &a->by_theme) & UI_CHANGED)
            a->lever_scroll = 0;
    } else {
        ui_checkbox(ctx, ui_id("show-params", 0), l->group_by, str_get(STR_SHOW_PARAMS, a->swedish),
                    &a->show_params);
    }

    int vars[VAR_COUNT];
    int y = ui_panel_begin(ctx, l->levers, &a->lever_scroll);
    int x = l->levers.x, w = l->levers.w - ui_px(ctx, 6);
    if (a->left_tab == 0) {
        int ng = a->by_theme ? THEME_COUNT : PRIO_COUNT;
        for (int g = 0; g < ng; g++) {
            int n = 0;
            for (int i = 0; i < LEVER_COUNT; i++) {
                const var_desc *d = &var_table[var_lever_ids[i]];
                if ((a->by_theme ? d->themes : d->priorities) & (1u << g))
                    vars[n++] = var_lever_ids[i];
            }
            if (n == 0)
                continue;
            y = draw_group(a, ctx, a->by_theme ? PRIO_COUNT + g : g,
                           a->by_theme ? var_theme_label(g, a->swedish)
                                       : var_priority_label(g, a->swedish),
                           a->by_theme ? var_theme_code(g) : var_priority_code(g), vars, n, x, y, w);
        }
    } else {
        static const var_kind kinds[3] = {VAR_ASSUMPTION, VAR_SETTING, VAR_PARAM};
        static const str_id titles[3] = {STR_ASSUMPTIONS, STR_BUDGET, STR_PARAMS};
        for (int k = 0; k < 3; k++) {
            if (kinds[k] == VAR_PARAM && !a->show_params)
                continue;
            int n = 0;
            for (int i = 0; i < VAR_COUNT; i++)
                if (var_table[i].kind == kinds[k])
                    vars[n++] = i;
            if (n > 0)
                y = draw_group(a, ctx, 9 + k, str_get(titles[k], a->swedish), NULL, vars, n, x, y, w);
        }
    }
    ui_panel_end(ctx, l->levers, &a->lever_scroll, y);
}
