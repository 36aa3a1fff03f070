/* app_ui.c: one frame of the simulator's screen (see app_ui.h): toolbar,
 * key-indicator strip, budget meter, graphs and status line; the left panel
 * and the dialogs are in app_panel.c and app_dialogs.c. */
#include "render/app_ui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "render/app_history.h"
#include "render/chart.h"
#include "render/fmt.h"
#include "render/present.h"
#include "render/scoreboard.h"
#include "render/strings.h"
#include "sim/files/datadir.h"
#include "sim/files/output.h"
#include "sim/model/model.h"

#define ZOOM_MIN 0.6f
#define ZOOM_MAX 2.5f

/* The directory part of path ("." when none). */
static void dir_of(const char *path, char *buf, size_t n)
{
    const char *s = strrchr(path, '/');
    if (!s) {
        snprintf(buf, n, "%s", ".");
        return;
    }
    int len = (int)(s - path);
    snprintf(buf, n, "%.*s", len > 0 ? len : 1, len > 0 ? path : "/");
}

/* The directory the file dialogs start in: the scenario's, else the bundled
 * scenarios' (sim/files/datadir.h), else the current one. */
static void dialog_dir(app *a)
{
    char dir[1024];
    if (a->path[0])
        dir_of(a->path, dir, sizeof dir);
    else if (!datadir_scenarios(dir, sizeof dir))
        snprintf(dir, sizeof dir, "%s", ".");
    app_list_files(a, dir);
}

sim_status app_request_open(app *a, const char *path)
{
    if (app_dirty(a)) {
        snprintf(a->pending_path, sizeof a->pending_path, "%s", path);
        a->pending = APP_PENDING_OPEN;
        a->dialog = APP_DLG_CONFIRM;
        return SIM_OK;
    }
    sim_error err;
    sim_error_clear(&err);
    sim_status st = app_open(a, path, &err);
    if (st == SIM_OK) {
        /* An empty file opens as the baseline: say so, or it looks as if
         * nothing happened. */
        if (app_sets_nothing(&a->sc))
            app_status(a, 0, "%s: %s: %s", str_get(STR_OPENED, a->swedish), path,
                       str_get(STR_EMPTY_FILE, a->swedish));
        else
            app_status(a, 0, "%s: %s", str_get(STR_OPENED, a->swedish), path);
        a->dialog = APP_DLG_NONE;
    } else {
        char msg[1200];
        app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        a->open_err = err;
    }
    return st;
}

sim_status app_open_at_start(app *a, const char *path)
{
    sim_status st = app_request_open(a, path);
    if (st == SIM_OK)
        return st;
    snprintf(a->open_failed_path, sizeof a->open_failed_path, "%s", path);
    a->open_failed = a->open_err;
    if (a->dialog == APP_DLG_NONE)
        a->dialog = APP_DLG_OPEN_FAILED;
    return st;
}

int app_request_compare(app *a, const char *path)
{
    sim_error err;
    sim_error_clear(&err);
    char msg[1200];
    if (a->ncompare >= APP_COMPARE_MAX) {
        app_status(a, 1, "%s", str_get(STR_COMPARE_FULL, a->swedish));
        return 0;
    }
    if (app_compare_add(a, path, &err) != SIM_OK) {
        app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        return 0;
    }
    app_status(a, 0, "%s: %s", str_get(STR_COMPARE, a->swedish), a->compare[a->ncompare - 1].label);
    return 1;
}

/* The file Save as proposes: a new file in the user's own folder named
 * after the scenario (or, for a file already there or elsewhere outside the
 * bundled scenarios, next to it); never an existing file. */
static void propose_path(app *a, const char *name)
{
    char dir[1024];
    if (a->path[0] && !app_is_bundled(a->path))
        dir_of(a->path, dir, sizeof dir);
    else if (app_user_dir(dir, sizeof dir) != 0)
        snprintf(dir, sizeof dir, "%s", ".");
    if (app_propose_path(dir, name, a->entry, sizeof a->entry) != 0)
        a->entry[0] = '\0';
    snprintf(a->entry_name_seen, sizeof a->entry_name_seen, "%s", name);
}

void app_save_dialog_follow(app *a)
{
    if (a->entry_auto && strcmp(a->entry_name, a->entry_name_seen) != 0)
        propose_path(a, a->entry_name);
}

static void open_save_dialog(app *a)
{
    dialog_dir(a);
    /* A changed baseline is a new scenario: ask for its name. */
    if (strcmp(a->sc.name, a->base_sc.name) == 0)
        a->entry_name[0] = '\0';
    else
        snprintf(a->entry_name, sizeof a->entry_name, "%s", a->sc.name);
    propose_path(a, a->entry_name);
    a->entry_auto = 1;
    a->dialog = APP_DLG_SAVE;
}

void app_ask_overwrite(app *a, const char *path, app_dialog back)
{
    snprintf(a->overwrite_path, sizeof a->overwrite_path, "%s", path);
    a->overwrite_back = back;
    int scenario_file = back != APP_DLG_EXPORT; /* an export's PNG or CSV is no scenario */
    a->overwrite_heirs =
        scenario_file ? app_count_heirs(path, a->overwrite_heir, sizeof a->overwrite_heir) : 0;
    a->overwrite_bundled = scenario_file && app_is_bundled(path);
    a->dialog = APP_DLG_OVERWRITE;
}

void app_command(app *a, app_cmd cmd)
{
    sim_error err;
    sim_error_clear(&err);
    char msg[1200];
    switch (cmd) {
    case APP_CMD_UNDO:
        if (!app_undo(a))
            app_status(a, 0, "%s", str_get(STR_NOTHING_TO_UNDO, a->swedish));
        break;
    case APP_CMD_REDO:
        if (!app_redo(a))
            app_status(a, 0, "%s", str_get(STR_NOTHING_TO_REDO, a->swedish));
        break;
    case APP_CMD_OPEN:
        dialog_dir(a);
        a->entry[0] = '\0';
        a->dialog = APP_DLG_OPEN;
        break;
    case APP_CMD_SAVE:
        if (a->path[0] && app_is_bundled(a->path)) {
            /* The bundled scenarios stay as they came: save a copy instead. */
            open_save_dialog(a);
            app_status(a, 0, "%s", str_get(STR_BUNDLED_SAVE_AS, a->swedish));
            break;
        }
        if (a->path[0] && app_is_read_only(a->path)) {
            /* Kept as its owner marked it: save a copy instead. */
            open_save_dialog(a);
            app_status(a, 0, "%s: %s", a->path, str_get(STR_READ_ONLY, a->swedish));
            break;
        }
        if (a->path[0] && app_count_heirs(a->path, NULL, 0) > 0) {
            app_ask_overwrite(a, a->path, APP_DLG_NONE); /* others build on it */
            break;
        }
        if (a->path[0]) {
            if (app_save(a, a->path, &err) == SIM_OK)
                app_status(a, 0, "%s: %s", str_get(STR_SAVED_TO, a->swedish), a->path);
            else
                app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
            break;
        }
        open_save_dialog(a); /* a new scenario needs a name first */
        break;
    case APP_CMD_SAVE_AS:
        open_save_dialog(a);
        break;
    case APP_CMD_RESET_ALL:
        app_reset_all(a);
        break;
    case APP_CMD_COMPARE:
        dialog_dir(a);
        a->entry[0] = '\0';
        a->dialog = APP_DLG_COMPARE;
        break;
    case APP_CMD_EXPORT:
        snprintf(a->entry, sizeof a->entry, "%s", "transim-export");
        a->dialog = APP_DLG_EXPORT;
        break;
    case APP_CMD_LANGUAGE:
        a->swedish = !a->swedish;
        break;
    case APP_CMD_SHARE:
        a->share_requested = 1;
        break;
    case APP_CMD_FULLSCREEN:
        a->want_fullscreen = !a->want_fullscreen;
        break;
    case APP_CMD_ZOOM_IN:
        a->zoom = a->zoom * 1.125f > ZOOM_MAX ? ZOOM_MAX : a->zoom * 1.125f;
        break;
    case APP_CMD_ZOOM_OUT:
        /* From the zoom in use, so that each press shows when the window
         * held less than the zoom asked for. */
        if (a->zoom_fit > 0 && a->zoom_fit < a->zoom)
            a->zoom = a->zoom_fit;
        a->zoom = a->zoom / 1.125f < ZOOM_MIN ? ZOOM_MIN : a->zoom / 1.125f;
        break;
    case APP_CMD_ZOOM_RESET:
        a->zoom = 1.0f;
        break;
    case APP_CMD_HELP:
        a->dialog = a->dialog == APP_DLG_HELP ? APP_DLG_NONE : APP_DLG_HELP;
        break;
    case APP_CMD_QUIT:
        if (app_dirty(a)) {
            a->pending = APP_PENDING_QUIT;
            a->dialog = APP_DLG_CONFIRM;
        } else {
            a->want_quit = 1;
        }
        break;
    case APP_CMD_GRAPHS:
        a->ngraphs = a->ngraphs == 4 ? 6 : 4;
        break;
    case APP_CMD_BANDS:
        a->bands = !a->bands;
        break;
    case APP_CMD_SCOREBOARD:
        if (a->dialog == APP_DLG_SCOREBOARD)
            a->dialog = APP_DLG_NONE;
        else
            app_board_open(a);
        break;
    case APP_CMD_PRESENT:
        /* Large text for the room; the lever panel starts folded. */
        a->present = !a->present;
        if (a->present) {
            a->present_levers = 0;
            a->present_zoom_back = a->zoom;
            if (a->zoom < PRESENT_ZOOM)
                a->zoom = PRESENT_ZOOM;
        } else if (a->present_zoom_back > 0) {
            a->zoom = a->present_zoom_back;
        }
        break;
    case APP_CMD_LEVERS:
        a->present_levers = !a->present_levers;
        break;
    }
}

/* The toolbar's buttons: file and edit actions on the left, view on the right. */
typedef struct tool {
    const char *name; /* widget id name */
    str_id label;     /* its text (STR_COUNT: the graph-count label) */
    app_cmd cmd;      /* what it does */
    int right;        /* 1: in the right-hand group */
} tool;

static const tool tools[] = {
    {"tb-open", STR_OPEN, APP_CMD_OPEN, 0},          {"tb-save", STR_SAVE, APP_CMD_SAVE, 0},
    {"tb-saveas", STR_SAVE_AS, APP_CMD_SAVE_AS, 0},  {"tb-undo", STR_UNDO, APP_CMD_UNDO, 0},
    {"tb-redo", STR_REDO, APP_CMD_REDO, 0},          {"tb-reset", STR_RESET_ALL, APP_CMD_RESET_ALL, 0},
    {"tb-compare", STR_COMPARE, APP_CMD_COMPARE, 0}, {"tb-export", STR_EXPORT, APP_CMD_EXPORT, 0},
    {"tb-share", STR_SHARE, APP_CMD_SHARE, 0},
    {"tb-board", STR_COUNT, APP_CMD_SCOREBOARD, 0},
    {"tb-levers", STR_COUNT, APP_CMD_LEVERS, 1},      {"tb-present", STR_COUNT, APP_CMD_PRESENT, 1},
    {"tb-bands", STR_UNCERTAINTY, APP_CMD_BANDS, 1}, {"tb-graphs", STR_COUNT, APP_CMD_GRAPHS, 1},
    {"tb-zout", STR_ZOOM_OUT, APP_CMD_ZOOM_OUT, 1},
    {"tb-zin", STR_ZOOM_IN, APP_CMD_ZOOM_IN, 1},     {"tb-lang", STR_LANGUAGE, APP_CMD_LANGUAGE, 1},
    {"tb-full", STR_FULLSCREEN, APP_CMD_FULLSCREEN, 1}, {"tb-help", STR_COUNT, APP_CMD_HELP, 1},
};
#define NTOOLS ((int)(sizeof tools / sizeof tools[0]))

static const char *tool_label(const app *a, const tool *t, char *buf, size_t n)
{
    if (t->cmd == APP_CMD_GRAPHS) {
        snprintf(buf, n, "%s: %d", str_get(STR_GRAPH_COUNT, a->swedish), a->ngraphs);
        return buf;
    }
    if (t->cmd == APP_CMD_HELP)
        return "?";
    if (t->cmd == APP_CMD_SCOREBOARD)
        return board_text(BOARD_STR_BUTTON, a->swedish);
    if (t->cmd == APP_CMD_PRESENT)
        return board_text(BOARD_STR_PRESENT, a->swedish); /* drawn as on while presenting */
    if (t->cmd == APP_CMD_LEVERS)
        return board_text(a->present_levers ? BOARD_STR_LEVERS_HIDE : BOARD_STR_LEVERS_SHOW, a->swedish);
    return str_get(t->label, a->swedish);
}

static int tool_selected(const app *a, const tool *t)
{
    return (t->cmd == APP_CMD_COMPARE && a->ncompare > 0) || (t->cmd == APP_CMD_BANDS && a->bands) ||
           (t->cmd == APP_CMD_FULLSCREEN && a->want_fullscreen) ||
           (t->cmd == APP_CMD_HELP && a->dialog == APP_DLG_HELP) ||
           (t->cmd == APP_CMD_SCOREBOARD && a->dialog == APP_DLG_SCOREBOARD) ||
           (t->cmd == APP_CMD_PRESENT && a->present);
}

/* 1 when tool t is on the toolbar: presentation mode has its own few, and
 * the lever panel's switch only there. */
static int tool_shown(const app *a, const tool *t)
{
    return a->present ? present_has_tool(t->cmd) : t->cmd != APP_CMD_LEVERS;
}

/* Width of the left (right = 0) or right group, gaps included. */
static int tools_width(const app *a, const ui_ctx *ctx, int right)
{
    char buf[64];
    int w = 0;
    for (int i = 0; i < NTOOLS; i++)
        if (tools[i].right == right && tool_shown(a, &tools[i]))
            w += ui_text_width(ctx, UI_FONT_BODY, tool_label(a, &tools[i], buf, sizeof buf)) +
                 ui_px(ctx, 24) + ui_px(ctx, 6);
    return w + 2 * ui_px(ctx, 10); /* the separators between the left group's parts */
}

void app_toolbar_widths(const app *a, const ui_ctx *ctx, int *one_row, int *two_rows)
{
    int left = tools_width(a, ctx, 0), right = tools_width(a, ctx, 1);
    *one_row = left + right + ui_px(ctx, 24 + 120);
    *two_rows = (left > right ? left : right) + ui_px(ctx, 24);
}

/* 2 when the buttons and a short title do not fit in one row. */
static int toolbar_rows(const app *a, const ui_ctx *ctx)
{
    int one, two;
    app_toolbar_widths(a, ctx, &one, &two);
    return one > ctx->width && !a->present ? 2 : 1;
}

static void draw_toolbar(app *a, ui_ctx *ctx, const app_layout *l, int rows)
{
    ui_rect r = l->toolbar;
    int sv = a->swedish;
    ui_draw_rect(ctx, r, ctx->colors[UI_COL_CARD]);
    ui_draw_rect(ctx, ui_rect_make(r.x, r.y + r.h - 1, r.w, 1), ctx->colors[UI_COL_BORDER]);
    int bh = ui_px(ctx, 32), row_h = r.h / rows, gap = ui_px(ctx, 6), sep = ui_px(ctx, 10);
    int y1 = r.y + (row_h - bh) / 2, y2 = r.y + (rows - 1) * row_h + (row_h - bh) / 2;
    int x = r.x + ui_px(ctx, 12), rx = r.x + r.w - ui_px(ctx, 12);
    char buf[64];
    int clicked = -1;
    for (int i = 0; i < NTOOLS; i++) {
        const tool *t = &tools[i];
        if (t->right || !tool_shown(a, t))
            continue;
        if (i == 3 || i == 6)
            x += sep;
        const char *label = tool_label(a, t, buf, sizeof buf);
        int w = ui_text_width(ctx, UI_FONT_BODY, label) + ui_px(ctx, 24);
        if (ui_button(ctx, ui_id(t->name, 0), ui_rect_make(x, y1, w, bh), label, tool_selected(a, t)) &
            UI_SUBMIT)
            clicked = i;
        x += w + gap;
    }
    int left_end = rows == 1 ? x : r.x + ui_px(ctx, 12);
    for (int i = NTOOLS - 1; i >= 0; i--) {
        const tool *t = &tools[i];
        if (!t->right || !tool_shown(a, t))
            continue;
        const char *label = tool_label(a, t, buf, sizeof buf);
        int w = ui_text_width(ctx, UI_FONT_BODY, label) + ui_px(ctx, 24);
        rx -= w;
        if (ui_button(ctx, ui_id(t->name, 0), ui_rect_make(rx, y2, w, bh), label, tool_selected(a, t)) &
            UI_SUBMIT)
            clicked = i;
        rx -= gap;
    }
    if (clicked >= 0)
        app_command(a, tools[clicked].cmd);

    /* The scenario's name in the free space, with an unsaved mark. */
    char title[300];
    const char *name = a->sc.name[0] ? app_scenario_name(a, a->sc.name) : str_get(STR_SCENARIO, sv);
    if (app_dirty(a))
        snprintf(title, sizeof title, "%s \xE2\x80\xA2 %s", name, str_get(STR_UNSAVED_MARK, sv));
    else
        snprintf(title, sizeof title, "%s", name);
    int tx = left_end + sep, tw = rx - tx - sep;
    if (tw > ui_px(ctx, 60)) {
        ui_rect tr = ui_rect_make(tx, y2, tw, bh);
        ui_draw_text_in(ctx, UI_FONT_BOLD, title, tr, rows == 1 ? 0 : -1, ctx->colors[UI_COL_TEXT]);
        /* Hovering the name shows the description a teacher can read aloud. */
        if (ui_mouse_over(ctx, tr) && (a->sc.description[0] || a->path[0])) {
            char tip[2400];
            snprintf(tip, sizeof tip, "%s\n%s%s%s", name, a->sc.description,
                     a->sc.description[0] && a->path[0] ? "\n" : "", a->path);
            ui_tooltip(ctx, tip);
        }
    }
}

/* The chart_palette colours of the compared scenarios (Okabe-Ito indexes). */
static const int compare_colors[APP_COMPARE_MAX] = {1, 7, 3, 0};

/* Year shown as "the end" of the key strip: 2050 or the run's last year. */
static double end_year(const app *a)
{
    return a->cur.rows ? a->cur.t[a->cur.rows - 1] : a->sc.end;
}

/* The half-width of the uncertainty band of var in year when a graph shows
 * var with its band; 0 otherwise (bands off, or var in no graph). */
static double key_noise(const app *a, int var, double year)
{
    if (!a->bands)
        return 0;
    for (int g = 0; g < a->ngraphs; g++) {
        const double *lo, *hi;
        if (a->ind[a->graph_sel[g]] != var || !app_band(a, g, &lo, &hi))
            continue;
        for (size_t i = 0; i < a->cur.rows; i++)
            if (fabs(a->cur.t[i] - year) < 1e-6)
                return var_display(&var_table[var], (hi[i] - lo[i]) / 2);
    }
    return 0;
}

static void draw_key_card(app *a, ui_ctx *ctx, int var, ui_rect r)
{
    const var_desc *d = &var_table[var];
    int sv = a->swedish, pad = ui_px(ctx, 10);
    ui_color muted = ctx->colors[UI_COL_MUTED], text = ctx->colors[UI_COL_TEXT];
    ui_draw_rect(ctx, r, ctx->colors[UI_COL_CARD]);
    ui_draw_frame(ctx, r, ctx->colors[UI_COL_BORDER], 1);
    int c = ui_control(ctx, ui_id("key-card", var), r, 0);
    if (c & UI_SUBMIT) { /* why it changed */
        a->why_var = var;
        a->why_stamp = -1;
        a->dialog = APP_DLG_WHY;
    }
    double y_mid = 2030, y_end = end_year(a);
    double v30 = var_display(d, app_value_at(&a->cur, var, y_mid));
    double v50 = var_display(d, app_value_at(&a->cur, var, y_end));
    double b50 = var_display(d, app_value_at(&a->base, var, y_end));
    double b30 = var_display(d, app_value_at(&a->base, var, y_mid));
    int sh = ui_text_height(ctx, UI_FONT_SMALL), bh = ui_text_height(ctx, UI_FONT_BOLD);
    int y = r.y + pad;
    char head[300];
    const char *unit = app_unit(a, var);
    int has_unit = *unit && strcmp(unit, "1") != 0;
    if (has_unit)
        snprintf(head, sizeof head, "%s (%s)", app_label(a, var), unit);
    else
        snprintf(head, sizeof head, "%s", app_label(a, var));
    /* A narrow card keeps the whole name and moves the unit after the
     * 2050 value, or, when that has no room either, onto a small line of
     * its own under the values: a name cut short says nothing, and a
     * number without its unit misleads. */
    const char *unit_after = NULL;
    if (has_unit && ui_text_width(ctx, UI_FONT_SMALL, head) > r.w - 2 * pad) {
        snprintf(head, sizeof head, "%s", app_label(a, var));
        unit_after = unit;
    }
    ui_draw_text_in(ctx, UI_FONT_SMALL, head, ui_rect_make(r.x + pad, y, r.w - 2 * pad, sh), -1, muted);
    y += sh + ui_px(ctx, 4);
    int half = (r.w - 2 * pad) / 2;
    char num[64], line[256];
    double years[2] = {y_mid, y_end};
    double vals[2] = {v30, v50};
    int below_x = -1; /* where the unit goes on a line of its own */
    for (int k = 0; k < 2; k++) {
        int x = r.x + pad + k * half;
        snprintf(line, sizeof line, "%.0f", years[k]);
        int yw = ui_draw_text(ctx, UI_FONT_SMALL, line, x, y + (bh - sh) / 2, muted);
        fmt_value(num, sizeof num, vals[k], sv);
        ui_draw_text_in(ctx, UI_FONT_BOLD, num,
                        ui_rect_make(x + yw + ui_px(ctx, 5), y, half - yw - ui_px(ctx, 8), bh), -1, text);
        int ux = x + yw + ui_px(ctx, 5) + ui_text_width(ctx, UI_FONT_BOLD, num) + ui_px(ctx, 4);
        if (k == 1 && unit_after) {
            if (ux + ui_text_width(ctx, UI_FONT_SMALL, unit_after) <= r.x + r.w - pad)
                ui_draw_text(ctx, UI_FONT_SMALL, unit_after, ux, y + (bh - sh) / 2, muted);
            else
                below_x = x + yw + ui_px(ctx, 5);
        }
    }
    y += bh + ui_px(ctx, 4);
    if (below_x >= 0) {
        /* Under the 2050 value, or from the values' left edge when it is
         * wider than what is left of the card. */
        int uw = ui_text_width(ctx, UI_FONT_SMALL, unit_after);
        if (below_x + uw > r.x + r.w - pad)
            below_x = r.x + pad;
        ui_draw_text_in(ctx, UI_FONT_SMALL, unit_after,
                        ui_rect_make(below_x, y - ui_px(ctx, 3), r.x + r.w - pad - below_x, sh), -1, muted);
        y += sh;
    }
    fmt_key_change kc = fmt_key_change_of(b50, v50, app_is_share(var), key_noise(a, var, y_end));
    ui_color cc = muted;
    const char *arrow = ""; /* within the margin: no arrow, no colour */
    if (kc.sign != 0) {
        arrow = kc.sign > 0 ? "\xE2\x96\xB2" : "\xE2\x96\xBC"; /* U+25B2 up, U+25BC down */
        int good = d->better * kc.sign;
        cc = good > 0 ? ctx->colors[UI_COL_GOOD] : good < 0 ? ctx->colors[UI_COL_BAD] : muted;
    }
    /* A share or rate changes in percentage points, anything else in percent
     * of the baseline (in units when the baseline is 0); the tooltip gives
     * both. */
    char chg[64];
    fmt_key_change_text(chg, sizeof chg, &kc, sv);
    snprintf(line, sizeof line, "%s%s%s %s", arrow, *arrow ? " " : "", chg, str_get(STR_VS_BASELINE, sv));
    ui_draw_text_in(ctx, UI_FONT_SMALL, line, ui_rect_make(r.x + pad, y, r.w - 2 * pad, sh), -1, cc);
    if (c & UI_HOVER) {
        char tip[1400], b1[64], b2[64], abs_s[64], rel_s[96] = "";
        fmt_change(abs_s, sizeof abs_s, kc.absolute, sv);
        char tip_unit[64];
        snprintf(tip_unit, sizeof tip_unit, " %s", app_unit(a, var));
        if (kc.kind == FMT_CHANGE_POINTS) {
            snprintf(abs_s + strlen(abs_s), sizeof abs_s - strlen(abs_s), " %s", str_get(STR_PP_LONG, sv));
            tip_unit[0] = '\0';
        }
        fmt_value(b2, sizeof b2, b50, sv);
        if (kc.kind == FMT_CHANGE_POINTS && b50 != 0) {
            char r1[64];
            snprintf(rel_s, sizeof rel_s, " (%s %% %s %s %%)",
                     fmt_change(r1, sizeof r1, 100 * kc.absolute / fabs(b50), sv),
                     str_get(STR_OF_BASELINE, sv), b2);
        }
        snprintf(tip, sizeof tip, "%s (%s)\n%s\n%s: %.0f %s, %.0f %s\n%s %.0f: %s%s%s%s%s",
                 app_label(a, var), app_unit(a, var), app_desc(a, var),
                 str_get(STR_BASELINE, sv), y_mid, fmt_value(b1, sizeof b1, b30, sv), y_end, b2,
                 str_get(STR_VS_BASELINE, sv), y_end, abs_s, tip_unit, rel_s,
                 kc.sign == 0 ? "\n" : "", kc.sign == 0 ? str_get(STR_NOT_SIGNIFICANT, sv) : "");
        strncat(tip, "\n", sizeof tip - strlen(tip) - 1);
        strncat(tip, str_get(STR_WHY_OPEN, sv), sizeof tip - strlen(tip) - 1);
        ui_tooltip_beside(ctx, tip, r);
    }
}

/* The key-indicator strip: as many cards as fit; when there are more, page
 * buttons (and the wheel over the strip) move through them. */
static void draw_keys(app *a, ui_ctx *ctx, const app_layout *l)
{
    ui_rect r = l->keys;
    int gap = ui_px(ctx, 10);
    int n = a->nkeys;
    if (n == 0 || r.h <= 0)
        return;
    int minw = ui_px(ctx, 180);
    int fit = (r.w + gap) / (minw + gap);
    if (fit < 1)
        fit = 1;
    int paged = n > fit;
    int bw = paged ? ui_px(ctx, 26) : 0;
    if (paged) {
        fit = (r.w - 2 * (bw + gap) + gap) / (minw + gap);
        if (fit < 1)
            fit = 1;
        if (ui_mouse_over(ctx, r) && ctx->wheel != 0) {
            a->key_first -= ctx->wheel;
            ctx->wheel = 0;
        }
        ui_rect prev = ui_rect_make(r.x, r.y, bw, r.h);
        ui_rect next = ui_rect_make(r.x + r.w - bw, r.y, bw, r.h);
        /* U+2039 and U+203A, single angle quotation marks. */
        if (ui_button(ctx, ui_id("keys-prev", 0), prev, "\xE2\x80\xB9", 0) & UI_SUBMIT)
            a->key_first -= fit;
        if (ui_button(ctx, ui_id("keys-next", 0), next, "\xE2\x80\xBA", 0) & UI_SUBMIT)
            a->key_first += fit;
    }
    if (a->key_first > n - fit)
        a->key_first = n - fit;
    if (a->key_first < 0)
        a->key_first = 0;
    int shown = n < fit ? n : fit;
    int x0 = r.x + (paged ? bw + gap : 0), span = r.w - (paged ? 2 * (bw + gap) : 0);
    int w = (span - (shown - 1) * gap) / shown;
    for (int k = 0; k < shown; k++)
        draw_key_card(a, ctx, a->keys[a->key_first + k], ui_rect_make(x0 + k * (w + gap), r.y, w, r.h));
}

static void draw_budget(app *a, ui_ctx *ctx, const app_layout *l)
{
    ui_rect r = l->budget;
    int sv = a->swedish, pad = ui_px(ctx, 10);
    if (a->v_spend < 0 || r.h <= 0)
        return;
    ui_color muted = ctx->colors[UI_COL_MUTED], text = ctx->colors[UI_COL_TEXT];
    ui_draw_rect(ctx, r, ctx->colors[UI_COL_CARD]);
    ui_draw_frame(ctx, r, ctx->colors[UI_COL_BORDER], 1);
    double peak = 0, peak_year = a->sc.start, over = 0;
    for (size_t i = 0; i < a->cur.rows; i++) {
        double s = run_value(&a->cur, i, a->v_spend);
        if (s > peak) {
            peak = s;
            peak_year = a->cur.t[i];
        }
        if (a->v_over >= 0)
            over = fmax(over, run_value(&a->cur, i, a->v_over));
    }
    double cap = a->v_cap >= 0 ? a->sc.value[a->v_cap] : 0;
    double total = a->v_spend_cum >= 0 ? app_value_at(&a->cur, a->v_spend_cum, end_year(a)) : NAN;
    int is_over = over > 0 || (cap > 0 && peak > cap * (1 + 1e-9));
    int bh = ui_text_height(ctx, UI_FONT_BOLD), sh = ui_text_height(ctx, UI_FONT_SMALL);
    int y = r.y + pad;
    ui_draw_text(ctx, UI_FONT_BOLD, str_get(STR_BUDGET, sv), r.x + pad, y, text);
    char num[64], line[256], per_yr[32];
    str_unit("MSEK/yr", sv, per_yr, sizeof per_yr);
    if (cap > 0)
        snprintf(line, sizeof line, "%s %s %s", str_get(STR_CAP, sv),
                 fmt_value(num, sizeof num, cap, sv), per_yr);
    else
        snprintf(line, sizeof line, "%s", str_get(STR_NO_CAP, sv));
    ui_draw_text_in(ctx, UI_FONT_SMALL, line, ui_rect_make(r.x + pad, y, r.w - 2 * pad, bh), 1,
                    is_over ? ctx->colors[UI_COL_BAD] : muted);
    y += bh + ui_px(ctx, 6);

    /* The bar: peak yearly spending against the cap (a tick marks the cap). */
    int barh = ui_px(ctx, 14);
    ui_rect bar = ui_rect_make(r.x + pad, y, r.w - 2 * pad, barh);
    /* Without a cap the bar compares the scenario with the compared ones
     * (a tick in each one's colour at its peak), or shows no fill. */
    double others[APP_COMPARE_MAX];
    for (int i = 0; i < a->ncompare; i++) {
        others[i] = 0;
        for (size_t k = 0; k < a->compare[i].res.rows; k++)
            others[i] = fmax(others[i], run_value(&a->compare[i].res, k, a->v_spend));
    }
    double full = app_budget_full(cap, peak, others, a->ncompare);
    if (full > 0) {
        ui_draw_rect(ctx, bar, ctx->colors[UI_COL_CONTROL]);
        int fw = (int)lround((double)bar.w * fmin(1.0, peak / full));
        ui_draw_rect(ctx, ui_rect_make(bar.x, bar.y, fw, bar.h),
                     is_over ? ctx->colors[UI_COL_BAD] : ctx->colors[UI_COL_ACCENT]);
        if (cap > 0) {
            int cx = bar.x + (int)lround((double)bar.w * cap / full);
            ui_draw_rect(ctx, ui_rect_make(cx - ui_px(ctx, 1), bar.y - ui_px(ctx, 4), ui_px(ctx, 2),
                                           bar.h + ui_px(ctx, 8)),
                         text);
        } else {
            for (int i = 0; i < a->ncompare; i++) {
                int cx = bar.x + (int)lround((double)bar.w * others[i] / full);
                ui_draw_rect(ctx, ui_rect_make(cx - ui_px(ctx, 1), bar.y - ui_px(ctx, 3), ui_px(ctx, 3),
                                               bar.h + ui_px(ctx, 6)),
                             chart_palette[compare_colors[i]]);
            }
        }
    }
    y += barh + ui_px(ctx, 8);
    snprintf(line, sizeof line, "%s: %s %s (%.0f)", str_get(STR_PER_YEAR_PEAK, sv),
             fmt_value(num, sizeof num, peak, sv), per_yr, peak_year);
    ui_draw_text_in(ctx, UI_FONT_SMALL, line, ui_rect_make(r.x + pad, y, r.w - 2 * pad, sh), -1,
                    is_over ? ctx->colors[UI_COL_BAD] : text);
    y += sh + ui_px(ctx, 2);
    if (isfinite(total)) {
        snprintf(line, sizeof line, "%s %.0f\xE2\x80\x93%.0f: %s MSEK", str_get(STR_TOTAL, sv),
                 a->sc.start, end_year(a), fmt_value(num, sizeof num, total, sv));
        ui_draw_text_in(ctx, UI_FONT_SMALL, line, ui_rect_make(r.x + pad, y, r.w - 2 * pad, sh), -1,
                        text);
        y += sh + ui_px(ctx, 2);
    }
    if (is_over) {
        snprintf(line, sizeof line, "%s %s %s",
                 fmt_value(num, sizeof num, over > 0 ? over : peak - cap, sv), per_yr,
                 str_get(STR_OVER_CAP, sv));
        ui_draw_text_in(ctx, UI_FONT_SMALL, line, ui_rect_make(r.x + pad, y, r.w - 2 * pad, sh), -1,
                        ctx->colors[UI_COL_BAD]);
    }
}

/* Item text of the indicator drop-down. */
static const char *indicator_item(void *user, int i, char *buf, size_t cap)
{
    const app *a = user;
    snprintf(buf, cap, "%s", app_label(a, a->ind[i]));
    return buf;
}

static void series_of(chart_series *s, const run_result *r, int var, ui_color c, int thick,
                      const char *label)
{
    memset(s, 0, sizeof *s);
    s->t = r->t;
    s->y = r->v ? r->v + var : NULL;
    s->stride = VAR_COUNT;
    s->n = r->v ? (int)r->rows : 0;
    s->scale = var_table[var].display_scale;
    s->color = c;
    s->thickness = thick;
    s->label = label;
}

static void draw_graph(app *a, ui_ctx *ctx, int g, ui_rect r)
{
    ui_draw_rect(ctx, r, ctx->colors[UI_COL_CARD]);
    ui_draw_frame(ctx, r, ctx->colors[UI_COL_BORDER], 1);
    int pad = ui_px(ctx, 8), dh = ui_px(ctx, 30);
    int var = a->ind[a->graph_sel[g]];
    chart_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.unit = app_unit(a, var);
    spec.swedish = a->swedish;
    spec.legend = 1;
    const char *name = a->sc.name[0] && strcmp(a->sc.name, "Baseline") != 0 ? a->sc.name
                                                                             : str_get(STR_SCENARIO, a->swedish);
    series_of(&spec.series[spec.nseries++], &a->cur, var, chart_palette[5], 3, name);
    const double *lo, *hi;
    if (app_band(a, g, &lo, &hi)) {
        spec.series[0].lo = lo;
        spec.series[0].hi = hi;
        /* The draw count says how much the band can be trusted; an
         * ellipsis, that it is the last position's band moving with the
         * line until the new draws are in. */
        snprintf(a->band_label, sizeof a->band_label, "%s, %d %s%s", str_get(STR_BAND, a->swedish),
                 a->band_n, str_get(STR_DRAWS, a->swedish),
                 a->band_from != a->band_job ? " \xE2\x80\xA6" : "");
        spec.band_label = a->band_label;
    }
    series_of(&spec.series[spec.nseries++], &a->base, var, chart_baseline_grey, 2,
              str_get(STR_BASELINE, a->swedish));
    for (int i = 0; i < a->ncompare && spec.nseries < CHART_SERIES_MAX; i++)
        series_of(&spec.series[spec.nseries++], &a->compare[i].res, var,
                  chart_palette[compare_colors[i]], 2, a->compare[i].label);
    /* The observed points' toggle first: the chart below follows a click at once. */
    ui_rect row = app_history_toggle(a, ctx, ui_rect_make(r.x + pad, r.y + pad, r.w - 2 * pad, dh), g, var);
    spec.dots = app_history_dots(a, var);
    spec.hint = a->swedish ? "Klicka p\xC3\xA5 en linje: varf\xC3\xB6r" : "Click a line: why";
    ui_rect cr = ui_rect_make(r.x + pad, r.y + pad + dh + ui_px(ctx, 6), r.w - 2 * pad,
                              r.h - 2 * pad - dh - ui_px(ctx, 6));
    chart_draw(ctx, &spec, cr);
    if (a->ncompare > 0) {
        chart_geom geom;
        chart_layout(ctx, &spec, cr, &geom);
        if (geom.legend_rows == 0)
            a->legend_hidden = 1;
    }
    app_graph_pointer(a, ctx, &spec, cr, g, var);
    /* The chooser last, so that its list lies above the chart. */
    ui_dropdown(ctx, ui_id("graph-var", g), row, indicator_item, a, a->nind, &a->graph_sel[g]);
}


/* A duration in milliseconds with the language's decimal mark: "0.33 ms",
 * "0,33 ms". */
static void ms_text(char *buf, size_t n, double ms, int decimals, int swedish)
{
    snprintf(buf, n, "%.*f ms", decimals, ms);
    output_decimal_comma(buf, swedish);
}

/* The compared scenarios' colours and names at the right of r, for a
 * window whose graphs are too short for their legends (1024x600): a short
 * line in each colour before its name, names shortened to share r. Returns
 * the width used. */
static int status_legend(app *a, ui_ctx *ctx, ui_rect r)
{
    int sw = ui_px(ctx, 16), gap = ui_px(ctx, 6), sep = ui_px(ctx, 14);
    int each = (r.w - a->ncompare * (sw + gap + sep)) / (a->ncompare > 0 ? a->ncompare : 1);
    int total = 0, w[APP_COMPARE_MAX];
    for (int i = 0; i < a->ncompare; i++) {
        w[i] = ui_text_width(ctx, UI_FONT_SMALL, a->compare[i].label);
        if (w[i] > each)
            w[i] = each > 0 ? each : 0;
        total += sw + gap + w[i] + (i > 0 ? sep : 0);
    }
    int x = r.x + r.w - total;
    for (int i = 0; i < a->ncompare; i++) {
        if (i > 0)
            x += sep;
        ui_draw_rect(ctx, ui_rect_make(x, r.y + r.h / 2 - ui_px(ctx, 1), sw, ui_px(ctx, 3)),
                     chart_palette[compare_colors[i]]);
        x += sw + gap;
        ui_draw_text_in(ctx, UI_FONT_SMALL, a->compare[i].label, ui_rect_make(x, r.y, w[i], r.h), -1,
                        ctx->colors[UI_COL_TEXT]);
        x += w[i];
    }
    return total;
}

/* The key hint in w pixels of the small font: whole when it fits, else
 * without its parts (between " · ") from the second last backwards, so
 * that the first ones and the last (F1 help, which lists every key) show
 * whole rather than a part cut short; into buf (n bytes), or hint itself. */
static const char *fit_hint(const ui_ctx *ctx, const char *hint, int w, char *buf, size_t n)
{
    static const char sep[] = " \xC2\xB7 ";
    if (ui_text_width(ctx, UI_FONT_SMALL, hint) <= w)
        return hint;
    const char *last = NULL;
    for (const char *p = strstr(hint, sep); p; p = strstr(p + 1, sep))
        last = p;
    if (!last)
        return hint;
    for (const char *cut = last;;) {
        const char *prev = NULL;
        for (const char *p = strstr(hint, sep); p && p < cut; p = strstr(p + 1, sep))
            prev = p;
        if (!prev)
            break;
        snprintf(buf, n, "%.*s%s", (int)(prev - hint), hint, last);
        if (ui_text_width(ctx, UI_FONT_SMALL, buf) <= w)
            return buf;
        cut = prev;
    }
    snprintf(buf, n, "%s", last + strlen(sep));
    return buf;
}

static void draw_status(app *a, ui_ctx *ctx, const app_layout *l)
{
    ui_rect r = l->status;
    int pad = ui_px(ctx, 12);
    ui_draw_rect(ctx, r, ctx->colors[UI_COL_CARD]);
    ui_draw_rect(ctx, ui_rect_make(r.x, r.y, r.w, 1), ctx->colors[UI_COL_BORDER]);
    char right[256], fit[128] = "";
    /* Said when the window holds less than the zoom asked for; the model's
     * name gives way to it. */
    if (a->zoom_fit > 0 && a->graphs_fit > 0)
        snprintf(fit, sizeof fit, "%s %.0f %% \xC2\xB7 %d/%d %s", str_get(STR_ZOOM_LIMITED, a->swedish),
                 100.0 * a->zoom_fit, a->graphs_fit, a->ngraphs, str_get(STR_GRAPHS_WORD, a->swedish));
    else if (a->zoom_fit > 0)
        snprintf(fit, sizeof fit, "%s %.0f %%", str_get(STR_ZOOM_LIMITED, a->swedish), 100.0 * a->zoom_fit);
    char run_ms[32], band_ms[32];
    ms_text(run_ms, sizeof run_ms, a->run_ms, 2, a->swedish);
    ms_text(band_ms, sizeof band_ms, a->band_ms, 0, a->swedish);
    if (fit[0])
        snprintf(right, sizeof right, "%s \xC2\xB7 %s %s", fit, str_get(STR_RUN, a->swedish), run_ms);
    else if (a->bands)
        snprintf(right, sizeof right, "%s %s \xC2\xB7 %s %s \xC2\xB7 %s: %d %s, %s",
                 MODEL_NAME, MODEL_VERSION, str_get(STR_RUN, a->swedish), run_ms,
                 str_get(STR_UNCERTAINTY, a->swedish), a->band_n, str_get(STR_DRAWS, a->swedish),
                 band_ms);
    else
        snprintf(right, sizeof right, "%s %s \xC2\xB7 %s %s", MODEL_NAME, MODEL_VERSION,
                 str_get(STR_RUN, a->swedish), run_ms);
    int rw = ui_text_width(ctx, UI_FONT_SMALL, right);
    if (a->legend_hidden)
        rw = status_legend(a, ctx, ui_rect_make(r.x + r.w / 3, r.y, r.w - r.w / 3 - pad, r.h));
    else
        ui_draw_text_in(ctx, UI_FONT_SMALL, right, ui_rect_make(r.x + r.w - pad - rw, r.y, rw, r.h), 1,
                        ctx->colors[UI_COL_MUTED]);
    ui_rect mr = ui_rect_make(r.x + pad, r.y, r.w - 3 * pad - rw, r.h);
    char hint[256];
    const char *msg = a->status[0] ? a->status
                                   : fit_hint(ctx, str_get(STR_HELP_KEYS, a->swedish), mr.w, hint, sizeof hint);
    ui_color c = a->status_error ? ctx->colors[UI_COL_BAD]
                 : a->status[0]  ? ctx->colors[UI_COL_TEXT]
                                 : ctx->colors[UI_COL_MUTED];
    ui_draw_text_in(ctx, UI_FONT_SMALL, msg, mr, -1, c);
}

/* The band above the graphs that titles an exported PNG: its height. */
static int export_band_h(const ui_ctx *ctx)
{
    return ui_text_height(ctx, UI_FONT_TITLE) + ui_text_height(ctx, UI_FONT_SMALL) + ui_px(ctx, 14);
}

ui_rect app_export_rect(const ui_ctx *ctx, const app_layout *l)
{
    int bh = export_band_h(ctx);
    int top = l->graphs.y - bh < 0 ? 0 : l->graphs.y - bh;
    return ui_rect_make(l->graphs.x, top, l->graphs.w, l->graphs.y + l->graphs.h - top);
}

/* An exported PNG's title and provenance, drawn over what lies just above
 * the graphs in the frame that is exported: the scenario, its file, the
 * model and program versions and the date. */
static void draw_export_title(app *a, ui_ctx *ctx, const app_layout *l)
{
    ui_rect r = app_export_rect(ctx, l);
    r.h = l->graphs.y - r.y;
    ui_draw_rect(ctx, r, ctx->colors[UI_COL_BG]);
    int pad = ui_px(ctx, 4), th = ui_text_height(ctx, UI_FONT_TITLE);
    char title[256], line[1400], when[64] = "";
    app_title(a, title, sizeof title);
    char *dash = strstr(title, " \xE2\x80\x94 transim");
    if (dash)
        *dash = '\0'; /* the name, without the program */
    const char *name = title;
    if (strncmp(name, "\xE2\x80\xA2 ", 4) == 0)
        name += 4; /* nor the unsaved mark */
    ui_draw_text_in(ctx, UI_FONT_TITLE, name, ui_rect_make(r.x + pad, r.y + pad, r.w - 2 * pad, th), -1,
                    ctx->colors[UI_COL_TEXT]);
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    snprintf(line, sizeof line, "%s %s \xC2\xB7 transim %s \xC2\xB7 %s%s%s", MODEL_NAME, MODEL_VERSION,
             TRANSIM_VERSION, when, a->path[0] ? " \xC2\xB7 " : "", a->path);
    ui_draw_text_in(ctx, UI_FONT_SMALL, line,
                    ui_rect_make(r.x + pad, r.y + pad + th + ui_px(ctx, 2), r.w - 2 * pad,
                                 ui_text_height(ctx, UI_FONT_SMALL)),
                    -1, ctx->colors[UI_COL_MUTED]);
}

void app_frame(app *a, ui_ctx *ctx, app_layout *l)
{
    ui_begin(ctx);
    /* A shortcut queued by the window layer takes its turn with the keys. */
    if (ctx->command >= 0)
        app_command(a, (app_cmd)ctx->command);
    ctx->modal = a->dialog != APP_DLG_NONE;
    a->band_hold = ctx->mouse_down;
    if (a->frames++ > 0 && app_update_bands(a) != SIM_OK)
        app_status(a, 1, "%s", str_get(STR_OUT_OF_MEMORY_BANDS, a->swedish));
    int rows = toolbar_rows(a, ctx);
    int ngraphs = a->graphs_fit > 0 && a->graphs_fit < a->ngraphs ? a->graphs_fit : a->ngraphs;
    if (a->present)
        present_layout(l, ctx->width, ctx->height, ctx->scale, a->present_levers, a->nkeys > 0);
    else
        layout_compute(l, ctx->width, ctx->height, ctx->scale, ngraphs, a->nkeys > 0, rows);
    ui_draw_rect(ctx, ui_rect_make(0, 0, ctx->width, ctx->height), ctx->colors[UI_COL_BG]);
    if (l->left.w > 0)
        app_panel_draw(a, ctx, l);
    draw_budget(a, ctx, l);
    draw_keys(a, ctx, l);
    a->legend_hidden = 0;
    for (int g = 0; g < l->ngraphs; g++)
        draw_graph(a, ctx, g, l->graph[g]);
    draw_status(a, ctx, l);
    /* The toolbar last among the base layer: drop-downs open below it. */
    draw_toolbar(a, ctx, l, rows);
    if (a->export_frame)
        draw_export_title(a, ctx, l);
    app_dialogs_draw(a, ctx);
    /* Escape that nothing else took leaves presentation mode. */
    if (a->present && a->dialog == APP_DLG_NONE && ui_take_key(ctx, UI_KEY_ESCAPE))
        app_command(a, APP_CMD_PRESENT);
    ui_end(ctx);
}

int app_show(app *a, const char *panel)
{
    const char *colon = strchr(panel, ':');
    size_t len = colon ? (size_t)(colon - panel) : strlen(panel);
    int var = colon ? var_find(colon + 1) : -1;
    if (len == 3 && strncmp(panel, "why", 3) == 0 && var >= 0) {
        a->why_var = var;
        a->why_stamp = -1;
        a->dialog = APP_DLG_WHY;
    } else if (len == 6 && strncmp(panel, "detail", 6) == 0 && var >= 0 &&
               var_table[var].kind == VAR_LEVER) {
        a->detail_var = var;
    } else if (!colon && strcmp(panel, "help") == 0) {
        a->dialog = APP_DLG_HELP;
    } else if (!colon && strcmp(panel, "export") == 0) {
        app_command(a, APP_CMD_EXPORT);
    } else if (!colon && strcmp(panel, "compare") == 0) {
        app_command(a, APP_CMD_COMPARE);
    } else if (!colon && strcmp(panel, "scoreboard") == 0) {
        app_board_open(a);
    } else if (len == 10 && strncmp(panel, "scoreboard", 10) == 0 && var >= 0) {
        /* Ranked on a key indicator in the run's last year, best first. */
        board *b = app_board(a);
        int col = -1;
        for (int k = 0; b && k < b->nkeys; k++)
            if (b->keys[k] == var)
                col = 4 + 2 * k + 1;
        if (col < 0)
            return -1;
        board_click_col(b, col);
        app_board_open(a);
    } else if (!colon && strcmp(panel, "presentation") == 0) {
        if (!a->present)
            app_command(a, APP_CMD_PRESENT);
    } else if (len == 12 && strncmp(panel, "presentation", 12) == 0 && strcmp(colon + 1, "levers") == 0) {
        if (!a->present)
            app_command(a, APP_CMD_PRESENT);
        a->present_levers = 1;
    } else {
        return -1;
    }
    return 0;
}
