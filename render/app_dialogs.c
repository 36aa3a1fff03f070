/* app_dialogs.c: the modal dialogs of the simulator: open, save as, the
 * overwrite question, compare saved scenarios, export, the unsaved-changes
 * question, the restore of a crashed session's work and the keys. Drawn on
 * the overlay layer above a shade; Escape closes them (the overwrite
 * question returns to Save as). Questions that can lose work default to
 * Cancel. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/app_ui.h"
#include "render/chart.h"
#include "render/fmt.h"
#include "render/strings.h"
#include "render/why_tree.h"
#include "sim/studies/attribute.h"

/* Shade and card; returns the card's inner area below the title. */
static ui_rect dialog_begin(app *a, ui_ctx *ctx, str_id title, int w, int h)
{
    ui_layer_set(ctx, 1);
    ui_draw_rect(ctx, ui_rect_make(0, 0, ctx->width, ctx->height), ctx->colors[UI_COL_SHADOW]);
    if (w > ctx->width - ui_px(ctx, 16))
        w = ctx->width - ui_px(ctx, 16);
    if (h > ctx->height - ui_px(ctx, 16))
        h = ctx->height - ui_px(ctx, 16);
    ui_rect r = ui_rect_make((ctx->width - w) / 2, (ctx->height - h) / 2, w, h);
    ui_draw_rect(ctx, r, ctx->colors[UI_COL_CARD]);
    ui_draw_frame(ctx, r, ctx->colors[UI_COL_BORDER], 1);
    int pad = ui_px(ctx, 18);
    int th = ui_text_height(ctx, UI_FONT_TITLE);
    ui_draw_text(ctx, UI_FONT_TITLE, str_get(title, a->swedish), r.x + pad, r.y + pad,
                 ctx->colors[UI_COL_TEXT]);
    return ui_rect_make(r.x + pad, r.y + pad + th + ui_px(ctx, 12), w - 2 * pad,
                        h - 2 * pad - th - ui_px(ctx, 12));
}

static void dialog_end(ui_ctx *ctx)
{
    ui_layer_set(ctx, 0);
}

static const char *file_item(void *user, int i, char *buf, size_t cap)
{
    const app *a = user;
    snprintf(buf, cap, "%s", a->files[i]);
    return buf;
}

/* Joins the dialog's directory and file i into out; "" when too long. */
static void file_path(const app *a, int i, char *out, size_t n)
{
    int w = snprintf(out, n, "%s/%s", a->dir, a->files[i]);
    if (w < 0 || (size_t)w >= n)
        out[0] = '\0';
}

/* Runs the action that waited on the unsaved-changes question. */
static void do_pending(app *a)
{
    app_pending p = a->pending;
    a->pending = APP_PENDING_NONE;
    a->dialog = APP_DLG_NONE;
    if (p == APP_PENDING_QUIT) {
        a->want_quit = 1;
    } else if (p == APP_PENDING_OPEN) {
        /* Agreed to discard: open without asking again. If the open fails
         * the work stays on screen, and it stays unsaved. */
        scenario *kept = malloc(sizeof *kept);
        if (kept == NULL) {
            app_status(a, 1, "%s", str_get(STR_OUT_OF_MEMORY, a->swedish));
            return;
        }
        *kept = a->clean;
        a->clean = a->sc;
        if (app_request_open(a, a->pending_path) != SIM_OK)
            a->clean = *kept;
        free(kept);
    }
}

static void do_export(app *a);

/* Cancel on the overwrite question: back to the save or export dialog, or (after
 * Ctrl+S) nothing saved and nothing that waited on the save done. */
static void cancel_overwrite(app *a)
{
    a->dialog = a->overwrite_back;
    if (a->overwrite_back == APP_DLG_NONE)
        a->pending = APP_PENDING_NONE;
}

/* Two or three buttons at the bottom right of r, labels[0] rightmost;
 * returns the index clicked or pressed, or -1. def is the default: drawn
 * highlighted and pressed by a Return that no field took (-1: none). With
 * focus set, the default also has the keyboard focus when the dialog opens:
 * every question that can lose work defaults to its Cancel this way. */
static int dialog_buttons(app *a, ui_ctx *ctx, ui_rect r, const str_id *labels, int n, int def,
                          int focus)
{
    int bh = ui_px(ctx, 34), gap = ui_px(ctx, 8);
    int x = r.x + r.w;
    int hit = -1;
    for (int i = 0; i < n; i++) {
        const char *label = str_get(labels[i], a->swedish);
        int w = ui_text_width(ctx, UI_FONT_BODY, label) + ui_px(ctx, 32);
        x -= w;
        unsigned id = ui_id("dlg-button", (int)labels[i]);
        if (focus && i == def && a->dialog_shown != a->dialog)
            ui_focus_set(ctx, id);
        if (ui_button(ctx, id, ui_rect_make(x, r.y + r.h - bh, w, bh), label, i == def) & UI_SUBMIT)
            hit = i;
        x -= gap;
    }
    if (hit < 0 && def >= 0 && ui_take_key(ctx, UI_KEY_RETURN))
        hit = def;
    return hit;
}

static void draw_open(app *a, ui_ctx *ctx)
{
    ui_rect in = dialog_begin(a, ctx, STR_OPEN_TITLE, ui_px(ctx, 560), ui_px(ctx, 500));
    int rh = ui_px(ctx, 32), gap = ui_px(ctx, 10), sh = ui_text_height(ctx, UI_FONT_SMALL);
    char line[1200];
    snprintf(line, sizeof line, "%s: %s", str_get(STR_FILES_HERE, a->swedish), a->dir);
    ui_draw_text(ctx, UI_FONT_SMALL, line, in.x, in.y, ctx->colors[UI_COL_MUTED]);
    int ly = in.y + sh + ui_px(ctx, 4);
    int lh = in.h - (ly - in.y) - 2 * rh - 3 * gap;
    int lr = ui_list(ctx, ui_id("open-list", 0), ui_rect_make(in.x, ly, in.w, lh), file_item, a,
                     a->nfiles, &a->file_sel, &a->file_scroll);
    if ((lr & (UI_CHANGED | UI_SUBMIT)) && a->nfiles > 0)
        file_path(a, a->file_sel, a->entry, sizeof a->entry);
    int tr = ui_textbox(ctx, ui_id("open-entry", 0), ui_rect_make(in.x, ly + lh + gap, in.w, rh),
                        a->entry, sizeof a->entry);
    static const str_id buttons[2] = {STR_OPEN, STR_CANCEL};
    int b = dialog_buttons(a, ctx, in, buttons, 2, -1, 0);
    if ((b == 0 || (tr & UI_SUBMIT) || (lr & UI_SUBMIT)) && a->entry[0]) {
        char path[1024];
        snprintf(path, sizeof path, "%s", a->entry);
        a->dialog = APP_DLG_NONE;
        app_request_open(a, path);
    }
    if (b == 1)
        a->dialog = APP_DLG_NONE;
    dialog_end(ctx);
}

/* The file name of path without directory and ".ini", into buf. */
static void stem_of(const char *path, char *buf, size_t n)
{
    const char *s = strrchr(path, '/');
    s = s ? s + 1 : path;
    size_t len = strlen(s);
    if (len > 4 && strcmp(s + len - 4, ".ini") == 0)
        len -= 4;
    if (len >= n)
        len = n - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
}

/* Names the scenario (as typed, else after the file) and saves it to path;
 * then closes the dialogs and carries out what waited on the save. */
static void save_as(app *a, const char *path_in)
{
    sim_error err;
    sim_error_clear(&err);
    char path[1024], msg[1200];
    snprintf(path, sizeof path, "%s", path_in);
    char old_name[sizeof a->sc.name];
    memcpy(old_name, a->sc.name, sizeof old_name);
    if (a->entry_name[0])
        snprintf(a->sc.name, sizeof a->sc.name, "%s", a->entry_name);
    else
        stem_of(path, a->sc.name, sizeof a->sc.name);
    if (app_save(a, path, &err) == SIM_OK) {
        app_status(a, 0, "%s: %s", str_get(STR_SAVED_TO, a->swedish), path);
        a->dialog = APP_DLG_NONE;
        if (a->pending != APP_PENDING_NONE)
            do_pending(a);
    } else {
        memcpy(a->sc.name, old_name, sizeof old_name);
        app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        a->dialog = APP_DLG_SAVE;
    }
}

static void draw_save(app *a, ui_ctx *ctx)
{
    ui_rect in = dialog_begin(a, ctx, STR_SAVE_TITLE, ui_px(ctx, 620), ui_px(ctx, 270));
    int rh = ui_px(ctx, 32), sh = ui_text_height(ctx, UI_FONT_SMALL), gap = ui_px(ctx, 10);
    ui_color muted = ctx->colors[UI_COL_MUTED];
    int y = in.y;
    ui_draw_text(ctx, UI_FONT_SMALL, str_get(STR_SCENARIO_NAME, a->swedish), in.x, y, muted);
    y += sh + ui_px(ctx, 4);
    /* The name first: the proposed file follows it until the path is edited. */
    unsigned nid = ui_id("save-name", 0), pid = ui_id("save-entry", 0);
    if (a->dialog_shown == APP_DLG_OVERWRITE)
        ui_focus_set(ctx, pid); /* back from "replace?": choose another file */
    else if (a->dialog_shown != APP_DLG_SAVE)
        ui_focus_set(ctx, nid);
    int nr = ui_textbox(ctx, nid, ui_rect_make(in.x, y, in.w, rh), a->entry_name, sizeof a->entry_name);
    app_save_dialog_follow(a);
    y += rh + gap;
    ui_draw_text(ctx, UI_FONT_SMALL, str_get(STR_FILE_PATH, a->swedish), in.x, y, muted);
    y += sh + ui_px(ctx, 4);
    int tr = ui_textbox(ctx, pid, ui_rect_make(in.x, y, in.w, rh), a->entry, sizeof a->entry);
    if (tr & UI_CHANGED)
        a->entry_auto = 0;
    static const str_id buttons[2] = {STR_SAVE, STR_CANCEL};
    int b = dialog_buttons(a, ctx, in, buttons, 2, 0, 0);
    if ((b == 0 || (tr & UI_SUBMIT) || (nr & UI_SUBMIT)) && a->entry[0]) {
        /* An existing file is replaced only when the user says so. */
        if (app_is_read_only(a->entry))
            save_as(a, a->entry); /* refused: the status says why, the dialog stays */
        else if (access(a->entry, F_OK) == 0)
            app_ask_overwrite(a, a->entry, APP_DLG_SAVE);
        else
            save_as(a, a->entry);
    }
    if (b == 1) {
        a->dialog = APP_DLG_NONE;
        a->pending = APP_PENDING_NONE;
    }
    dialog_end(ctx);
}

static void draw_overwrite(app *a, ui_ctx *ctx)
{
    ui_rect in = dialog_begin(a, ctx, STR_OVERWRITE_TITLE, ui_px(ctx, 600), ui_px(ctx, 250));
    char text[3000], line[1400];
    snprintf(text, sizeof text, str_get(STR_OVERWRITE_TEXT_FMT, a->swedish), a->overwrite_path);
    if (a->overwrite_heirs > 0) {
        snprintf(line, sizeof line, str_get(STR_HEIRS_FMT, a->swedish), a->overwrite_heirs,
                 a->overwrite_heir);
        strncat(text, "\n", sizeof text - strlen(text) - 1);
        strncat(text, line, sizeof text - strlen(text) - 1);
    }
    if (a->overwrite_bundled) {
        strncat(text, "\n", sizeof text - strlen(text) - 1);
        strncat(text, str_get(STR_BUNDLED_NOTE, a->swedish), sizeof text - strlen(text) - 1);
    }
    ui_draw_wrapped(ctx, UI_FONT_BODY, text, in.x, in.y, in.w, ctx->colors[UI_COL_TEXT]);
    static const str_id buttons[2] = {STR_REPLACE, STR_CANCEL};
    int b = dialog_buttons(a, ctx, in, buttons, 2, 1, 1);
    if (b == 0) {
        if (a->overwrite_back == APP_DLG_SAVE) {
            save_as(a, a->overwrite_path);
        } else if (a->overwrite_back == APP_DLG_EXPORT) {
            do_export(a);
        } else {
            sim_error err;
            sim_error_clear(&err);
            char msg[1200];
            if (app_save(a, a->overwrite_path, &err) == SIM_OK) {
                app_status(a, 0, "%s: %s", str_get(STR_SAVED_TO, a->swedish), a->overwrite_path);
                a->dialog = APP_DLG_NONE;
                if (a->pending != APP_PENDING_NONE)
                    do_pending(a);
            } else {
                app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
                a->dialog = APP_DLG_NONE;
                a->pending = APP_PENDING_NONE;
            }
        }
    } else if (b == 1) {
        cancel_overwrite(a);
    }
    dialog_end(ctx);
}

static void draw_restore(app *a, ui_ctx *ctx)
{
    ui_rect in = dialog_begin(a, ctx, STR_RESTORE_TITLE, ui_px(ctx, 620), ui_px(ctx, 300));
    char text[3000];
    snprintf(text, sizeof text, str_get(STR_RESTORE_TEXT_FMT, a->swedish), a->restore_name,
             a->restore_when, a->restore_path);
    if (a->restore_origin[0]) {
        char line[1400];
        snprintf(line, sizeof line, str_get(STR_RESTORE_OF_FMT, a->swedish), a->restore_origin);
        strncat(text, "\n", sizeof text - strlen(text) - 1);
        strncat(text, line, sizeof text - strlen(text) - 1);
    }
    int h = ui_draw_wrapped(ctx, UI_FONT_BODY, text, in.x, in.y, in.w, ctx->colors[UI_COL_TEXT]);
    ui_draw_wrapped(ctx, UI_FONT_SMALL, str_get(STR_RESTORE_LATER, a->swedish), in.x,
                    in.y + h + ui_px(ctx, 8), in.w, ctx->colors[UI_COL_MUTED]);
    static const str_id buttons[2] = {STR_RESTORE, STR_DISCARD_COPY};
    /* Restoring loses nothing (the copy stays until this session has its
     * own), so it is the default; discarding must be chosen. */
    int b = dialog_buttons(a, ctx, in, buttons, 2, 0, 1);
    if (b == 0) {
        sim_error err;
        sim_error_clear(&err);
        char msg[1200];
        if (app_restore(a, a->restore_path, a->restore_origin, &err) == SIM_OK) {
            if (a->restore_origin[0])
                app_status(a, 0, str_get(STR_RESTORED_TO_FMT, a->swedish), a->restore_origin);
            else
                app_status(a, 0, str_get(STR_RESTORED_FMT, a->swedish), a->restore_path);
            a->restore_answer = APP_RESTORE_RESTORED;
        } else {
            app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
            a->restore_answer = APP_RESTORE_KEPT;
        }
        a->dialog = APP_DLG_NONE;
    } else if (b == 1) {
        app_status(a, 0, str_get(STR_DISCARDED_FMT, a->swedish), a->restore_path);
        a->restore_answer = APP_RESTORE_DISCARDED;
        a->dialog = APP_DLG_NONE;
    }
    dialog_end(ctx);
}

/* The file named at start could not be opened: which and why, that the
 * window shows the baseline and wrote nothing; open another file (listing
 * that file's folder when there is one) or continue on the baseline (the
 * default: it loses nothing). */
static void draw_open_failed(app *a, ui_ctx *ctx)
{
    ui_rect in = dialog_begin(a, ctx, STR_OPEN_FAILED_TITLE, ui_px(ctx, 640), ui_px(ctx, 300));
    int y = in.y, gap = ui_px(ctx, 10);
    y += ui_draw_wrapped(ctx, UI_FONT_BOLD, a->open_failed_path, in.x, y, in.w, ctx->colors[UI_COL_TEXT]);
    char why[1200];
    sim_error_format_lang(&a->open_failed, a->swedish, why, sizeof why);
    y += ui_draw_wrapped(ctx, UI_FONT_BODY, why, in.x, y, in.w, ctx->colors[UI_COL_BAD]) + gap;
    ui_draw_wrapped(ctx, UI_FONT_BODY, str_get(STR_OPEN_FAILED_TEXT, a->swedish), in.x, y, in.w,
                    ctx->colors[UI_COL_TEXT]);
    static const str_id buttons[2] = {STR_CONTINUE_BASELINE, STR_OPEN_ANOTHER};
    int b = dialog_buttons(a, ctx, in, buttons, 2, 0, 1);
    if (b == 0) {
        a->dialog = APP_DLG_NONE;
        a->open_failed_path[0] = '\0';
    } else if (b == 1) {
        char dir[1024];
        const char *slash = strrchr(a->open_failed_path, '/');
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - a->open_failed_path) : 0, a->open_failed_path);
        if (slash && !dir[0])
            snprintf(dir, sizeof dir, "/");
        a->open_failed_path[0] = '\0';
        app_command(a, APP_CMD_OPEN);
        struct stat st;
        if (dir[0] && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
            app_list_files(a, dir);
    }
    dialog_end(ctx);
}

static void draw_compare(app *a, ui_ctx *ctx)
{
    static const int colors[APP_COMPARE_MAX] = {1, 7, 3, 0}; /* as the graphs */
    ui_rect in = dialog_begin(a, ctx, STR_COMPARE_TITLE, ui_px(ctx, 640),
                              ui_px(ctx, 400) + a->ncompare * ui_px(ctx, 36));
    int rh = ui_px(ctx, 32), gap = ui_px(ctx, 10), sh = ui_text_height(ctx, UI_FONT_SMALL);
    ui_color muted = ctx->colors[UI_COL_MUTED];
    int y = in.y;
    y += ui_draw_wrapped(ctx, UI_FONT_SMALL, str_get(STR_COMPARE_HINT, a->swedish), in.x, y, in.w, muted) + gap;
    char line[1200];
    snprintf(line, sizeof line, "%s: %s", str_get(STR_FILES_HERE, a->swedish), a->dir);
    ui_draw_text(ctx, UI_FONT_SMALL, line, in.x, y, muted);
    y += sh + ui_px(ctx, 4);
    int lh = ui_px(ctx, 26) * 6;
    int bw = ui_text_width(ctx, UI_FONT_BODY, str_get(STR_COMPARE_ADD, a->swedish)) + ui_px(ctx, 32);
    int lr = ui_list(ctx, ui_id("cmp-list", 0), ui_rect_make(in.x, y, in.w - bw - gap, lh), file_item, a,
                     a->nfiles, &a->file_sel, &a->file_scroll);
    int add = ui_button(ctx, ui_id("cmp-add", 0), ui_rect_make(in.x + in.w - bw, y, bw, rh),
                        str_get(STR_COMPARE_ADD, a->swedish), 0) & UI_SUBMIT;
    /* A typed path, for files outside the listed directory. */
    int tr = ui_textbox(ctx, ui_id("cmp-entry", 0),
                        ui_rect_make(in.x, y + lh + gap, in.w - bw - gap, rh), a->entry,
                        sizeof a->entry);
    if ((tr & UI_SUBMIT) || (add && a->entry[0])) {
        char path[1024];
        snprintf(path, sizeof path, "%s", a->entry);
        if (app_request_compare(a, path))
            a->entry[0] = '\0';
    } else if ((add || (lr & UI_SUBMIT)) && a->nfiles > 0) {
        char path[1024];
        file_path(a, a->file_sel, path, sizeof path);
        app_request_compare(a, path);
    }
    y += rh + gap;
    y += lh + gap;
    for (int i = 0; i < a->ncompare; i++) {
        ui_rect row = ui_rect_make(in.x, y, in.w, rh);
        ui_draw_rect(ctx, ui_rect_make(row.x, row.y + rh / 2 - ui_px(ctx, 2), ui_px(ctx, 22), ui_px(ctx, 4)),
                     chart_palette[colors[i]]);
        int rw = ui_text_width(ctx, UI_FONT_BODY, str_get(STR_COMPARE_REMOVE, a->swedish)) + ui_px(ctx, 24);
        ui_draw_text_in(ctx, UI_FONT_BODY, a->compare[i].label,
                        ui_rect_make(row.x + ui_px(ctx, 30), row.y, row.w - rw - ui_px(ctx, 40), rh), -1,
                        ctx->colors[UI_COL_TEXT]);
        if (ui_button(ctx, ui_id("cmp-remove", i), ui_rect_make(row.x + row.w - rw, row.y, rw, rh),
                      str_get(STR_COMPARE_REMOVE, a->swedish), 0) &
            UI_SUBMIT) {
            app_compare_remove(a, i);
            break;
        }
        y += rh + ui_px(ctx, 4);
    }
    static const str_id buttons[2] = {STR_DETAIL_CLOSE, STR_COMPARE_CLEAR};
    int b = dialog_buttons(a, ctx, in, buttons, 2, -1, 0);
    if (b == 0)
        a->dialog = APP_DLG_NONE;
    if (b == 1)
        app_compare_clear(a);
    dialog_end(ctx);
}

/* The export's base name from what was typed: a trailing ".csv" or ".png"
 * is dropped (both files are written), into buf. */
static void export_base_of(const char *typed, char *buf, size_t n)
{
    snprintf(buf, n, "%s", typed);
    size_t len = strlen(buf);
    if (len > 4 && (strcmp(buf + len - 4, ".csv") == 0 || strcmp(buf + len - 4, ".png") == 0))
        buf[len - 4] = '\0';
}

/* Writes a->export_base's CSV now and asks the window layer for the PNG. */
static void do_export(app *a)
{
    char path[1100], msg[1200];
    sim_error err;
    sim_error_clear(&err);
    snprintf(path, sizeof path, "%s.csv", a->export_base);
    if (app_export_csv(a, path, &err) != SIM_OK) {
        app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        a->dialog = APP_DLG_EXPORT;
        return;
    }
    a->export_requested = 1;
    app_status(a, 0, "%s: %s", str_get(STR_EXPORTED, a->swedish), path);
    a->dialog = APP_DLG_NONE;
}

static void draw_export(app *a, ui_ctx *ctx)
{
    ui_rect in = dialog_begin(a, ctx, STR_EXPORT_TITLE, ui_px(ctx, 560), ui_px(ctx, 230));
    int rh = ui_px(ctx, 32);
    int y = in.y + ui_draw_wrapped(ctx, UI_FONT_SMALL, str_get(STR_EXPORT_HINT, a->swedish), in.x, in.y,
                                   in.w, ctx->colors[UI_COL_MUTED]) + ui_px(ctx, 8);
    unsigned tid = ui_id("export-entry", 0);
    if (a->dialog_shown != APP_DLG_EXPORT) /* opened, or back from "replace?" */
        ui_focus_set(ctx, tid);
    int tr = ui_textbox(ctx, tid, ui_rect_make(in.x, y, in.w, rh), a->entry, sizeof a->entry);
    static const str_id buttons[2] = {STR_EXPORT, STR_CANCEL};
    int b = dialog_buttons(a, ctx, in, buttons, 2, 0, 0);
    if ((b == 0 || (tr & UI_SUBMIT)) && a->entry[0]) {
        export_base_of(a->entry, a->export_base, sizeof a->export_base);
        /* Either file existing is replaced only when the user says so. */
        char csv[1100], png[1100];
        snprintf(csv, sizeof csv, "%s.csv", a->export_base);
        snprintf(png, sizeof png, "%s.png", a->export_base);
        if (access(csv, F_OK) == 0)
            app_ask_overwrite(a, csv, APP_DLG_EXPORT);
        else if (access(png, F_OK) == 0)
            app_ask_overwrite(a, png, APP_DLG_EXPORT);
        else
            do_export(a);
    }
    if (b == 1)
        a->dialog = APP_DLG_NONE;
    dialog_end(ctx);
}

static void draw_confirm(app *a, ui_ctx *ctx)
{
    ui_rect in = dialog_begin(a, ctx, STR_UNSAVED_TITLE, ui_px(ctx, 520), ui_px(ctx, 200));
    ui_draw_wrapped(ctx, UI_FONT_BODY, str_get(STR_UNSAVED_TEXT, a->swedish), in.x, in.y, in.w,
                    ctx->colors[UI_COL_TEXT]);
    static const str_id buttons[3] = {STR_SAVE, STR_DISCARD, STR_CANCEL};
    int b = dialog_buttons(a, ctx, in, buttons, 3, 2, 1); /* Return and Escape: Cancel */
    if (b == 0) {
        a->dialog = APP_DLG_NONE;
        app_command(a, APP_CMD_SAVE);
        if (!app_dirty(a))
            do_pending(a);
        else if (a->dialog != APP_DLG_SAVE && a->dialog != APP_DLG_OVERWRITE)
            a->pending = APP_PENDING_NONE; /* the save failed: the status says why */
    } else if (b == 1) {
        do_pending(a);
    } else if (b == 2) {
        a->pending = APP_PENDING_NONE;
        a->dialog = APP_DLG_NONE;
    }
    dialog_end(ctx);
}

/* The help's rows: what to do (a key or a click) and what it does, each in
 * English and Swedish (a key's name is the same in both: NULL). The mouse
 * first: what a click opens is written on no button. */
typedef struct help_row {
    const char *how[2];  /* a key or a click: English, Swedish (NULL: as English) */
    const char *what[2]; /* what it does: English, Swedish */
} help_row;

static const help_row help_rows[] = {
    {{"Click a key card or a graph's line", "Klicka p\xC3\xA5 ett nyckeltal eller en linje i ett diagram"},
     {"why it changed: each lever's share and the causes",
      "varf\xC3\xB6r det \xC3\xA4ndrades: varje styrmedels andel och orsakerna"}},
    {{"Click a cause (in why)", "Klicka p\xC3\xA5 en orsak (i varf\xC3\xB6r)"},
     {"explain that cause in turn", "f\xC3\xB6rklara den orsaken i sin tur"}},
    {{"Backspace, Back (in why)", "Backsteg, Tillbaka (i varf\xC3\xB6r)"},
     {"back to what was explained before", "tillbaka till det som f\xC3\xB6rklarades innan"}},
    {{"History (on a graph)", "Historik (i ett diagram)"},
     {"observed values on or off; point at one for its source",
      "observerade v\xC3\xA4rden av eller p\xC3\xA5; peka p\xC3\xA5 ett f\xC3\xB6r dess k\xC3\xA4lla"}},
    {{"Tab, Shift+Tab, \xE2\x86\x91 \xE2\x86\x93", NULL},
     {"next / previous control", "n\xC3\xA4sta / f\xC3\xB6reg\xC3\xA5""ende kontroll"}},
    {{"\xE2\x86\x90 \xE2\x86\x92", NULL},
     {"adjust a slider (Shift: fine, Ctrl: x10)", "justera reglage (Shift: fint, Ctrl: x10)"}},
    {{"Home, End, PgUp, PgDn", NULL},
     {"slider to its ends, in tenths", "reglage till \xC3\xA4ndarna, i tiondelar"}},
    {{"Return, click a lever's name", "Return, klicka p\xC3\xA5 ett styrmedels namn"},
     {"lever details: exact value, start, ramp", "detaljer: exakt v\xC3\xA4rde, start, upptrappning"}},
    {{"Delete", NULL}, {"reset the focused lever", "\xC3\xA5terst\xC3\xA4ll fokuserat styrmedel"}},
    {{"Ctrl+Z, Ctrl+Y", NULL}, {"undo, redo", "\xC3\xA5ngra, g\xC3\xB6r om"}},
    {{"Ctrl+O, Ctrl+S, Ctrl+Shift+S", NULL},
     {"open, save, save as", "\xC3\xB6ppna, spara, spara som"}},
    {{"Ctrl+E, Ctrl+K", NULL},
     {"export PNG and CSV, compare", "exportera PNG och CSV, j\xC3\xA4mf\xC3\xB6r"}},
    {{"Ctrl+B", NULL},
     {"scoreboard: the teams' files side by side", "resultattavla: lagens filer sida vid sida"}},
    {{"F5", NULL},
     {"presentation mode (Escape leaves it)", "presentationsl\xC3\xA4ge (Escape l\xC3\xA4mnar det)"}},
    {{"Ctrl+Shift+C", NULL},
     {"share: copy the scenario's link", "dela: kopiera l\xC3\xA4nken till scenariot"}},
    {{"Ctrl+L", NULL}, {"Svenska / English", "English / Svenska"}},
    {{"Ctrl+U", NULL}, {"uncertainty bands on or off", "os\xC3\xA4kerhetsband av eller p\xC3\xA5"}},
    {{"Ctrl+plus, Ctrl+minus, Ctrl+0", NULL},
     {"zoom in, out, reset", "zooma in, ut, \xC3\xA5terst\xC3\xA4ll"}},
    {{"F11", NULL}, {"full screen", "helsk\xC3\xA4rm"}},
    {{"F1, Escape", NULL},
     {"this help, close a dialog", "denna hj\xC3\xA4lp, st\xC3\xA4ng en dialog"}},
    {{"Ctrl+Q", NULL},
     {"quit (asks about unsaved changes)", "avsluta (fr\xC3\xA5gar om osparade \xC3\xA4ndringar)"}},
    {{"Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V", NULL},
     {"in a text field: select all, copy, cut, paste",
      "i ett textf\xC3\xA4lt: markera allt, kopiera, klipp ut, klistra in"}},
};

/* Row i's key or click, and what it does, in a's language. */
static const char *help_how(const app *a, int i)
{
    const char *sv = help_rows[i].how[1];
    return a->swedish && sv ? sv : help_rows[i].how[0];
}

static const char *help_what(const app *a, int i)
{
    return help_rows[i].what[a->swedish ? 1 : 0];
}

#define HELP_ROWS ((int)(sizeof help_rows / sizeof help_rows[0]))

/* The lines text takes wrapped to w pixels in font f. */
static int wrapped_lines(const ui_ctx *ctx, ui_font f, const char *text, int w)
{
    int n = 0;
    while (*text && n < 8) {
        const char *next;
        ui_wrap_line(ctx, f, text, w, &next);
        n++;
        if (next == text)
            break;
        text = next;
    }
    return n > 0 ? n : 1;
}

/* The height of help row i in a column w wide whose keys take kw pixels:
 * its action and its meaning, each wrapped in its part. */
static int help_row_h(const app *a, const ui_ctx *ctx, int i, int w, int kw)
{
    int k = wrapped_lines(ctx, UI_FONT_BOLD, help_how(a, i), kw - ui_px(ctx, 8)) *
            ui_text_height(ctx, UI_FONT_BOLD);
    int m = wrapped_lines(ctx, UI_FONT_BODY, help_what(a, i), w - kw) *
            ui_text_height(ctx, UI_FONT_BODY);
    return (k > m ? k : m) + ui_px(ctx, 6);
}

/* The keys and clicks in one column, or in two when one would not fit the
 * window's height (1024x600, a projector's 1280x720 at a zoom). Nothing is
 * shortened: a meaning that does not fit its column wraps. */
static void draw_help(app *a, ui_ctx *ctx)
{
    int n = HELP_ROWS, gap = ui_px(ctx, 28);
    int kw = 0;
    for (int i = 0; i < n; i++) {
        int w = ui_text_width(ctx, UI_FONT_BOLD, help_how(a, i)) + ui_px(ctx, 14);
        kw = w > kw ? w : kw;
    }
    /* Inner height the window leaves for rows: the dialog's title, padding
     * and button take the rest (dialog_begin, dialog_buttons). */
    int chrome = ui_text_height(ctx, UI_FONT_TITLE) + ui_px(ctx, 12 + 36 + 34 + 16);
    int room = ctx->height - ui_px(ctx, 16) - chrome;
    int cols = 1, colw = ui_px(ctx, 760) - ui_px(ctx, 36), total = 0;
    if (colw > ctx->width - ui_px(ctx, 52))
        colw = ctx->width - ui_px(ctx, 52);
    int kw1 = kw < colw * 2 / 5 ? kw : colw * 2 / 5;
    for (int i = 0; i < n; i++)
        total += help_row_h(a, ctx, i, colw, kw1);
    kw = kw1;
    if (total > room) {
        cols = 2;
        int dw = ui_px(ctx, 1320) < ctx->width - ui_px(ctx, 16) ? ui_px(ctx, 1320) : ctx->width - ui_px(ctx, 16);
        colw = (dw - ui_px(ctx, 36) - gap) / 2;
        kw = kw < colw * 9 / 20 ? kw : colw * 9 / 20;
        total = 0;
        for (int i = 0; i < n; i++)
            total += help_row_h(a, ctx, i, colw, kw);
    }
    /* Two columns split where the taller of them is least tall. */
    int split = n, h0 = total, h1 = 0;
    if (cols == 2) {
        int best = total, run = 0;
        for (int i = 0; i < n; i++) {
            run += help_row_h(a, ctx, i, colw, kw);
            int tall = run > total - run ? run : total - run;
            if (tall < best) {
                best = tall;
                split = i + 1;
                h0 = run;
            }
        }
        h1 = total - h0;
    }
    int body = h0 > h1 ? h0 : h1;
    ui_rect in = dialog_begin(a, ctx, STR_HELP_TITLE, cols * colw + (cols - 1) * gap + ui_px(ctx, 36),
                              body + chrome);
    int y = in.y, x = in.x;
    ui_color text = ctx->colors[UI_COL_TEXT];
    for (int i = 0; i < n; i++) {
        if (i == split) {
            x = in.x + colw + gap;
            y = in.y;
            ui_draw_rect(ctx, ui_rect_make(x - gap / 2, in.y, 1, body), ctx->colors[UI_COL_BORDER]);
        }
        int rh = help_row_h(a, ctx, i, colw, kw);
        ui_draw_wrapped(ctx, UI_FONT_BOLD, help_how(a, i), x, y, kw - ui_px(ctx, 8), text);
        ui_draw_wrapped(ctx, UI_FONT_BODY, help_what(a, i), x + kw, y, colw - kw, text);
        y += rh;
    }
    static const str_id buttons[1] = {STR_DETAIL_CLOSE};
    if (dialog_buttons(a, ctx, in, buttons, 1, 0, 0) == 0)
        a->dialog = APP_DLG_NONE;
    dialog_end(ctx);
}

/* One bar of the "why" panel in column c: from the zero line at its middle,
 * v / full of its half width; the value on the other side of the zero. */
static void why_bar(app *a, ui_ctx *ctx, ui_rect c, double v, double full, int better, int bold)
{
    int mid = c.x + c.w / 2, half = c.w / 2 - ui_px(ctx, 2);
    ui_draw_rect(ctx, ui_rect_make(mid, c.y, 1, c.h), ctx->colors[UI_COL_BORDER]);
    int len = full > 0 && isfinite(v) ? (int)lround(fabs(v) / full * half) : 0;
    int good = better * (v > 0 ? 1 : v < 0 ? -1 : 0);
    ui_color col = good > 0 ? ctx->colors[UI_COL_GOOD] : good < 0 ? ctx->colors[UI_COL_BAD]
                                                                 : ctx->colors[UI_COL_MUTED];
    int bh = c.h / 2;
    if (len > 0)
        ui_draw_rect(ctx, ui_rect_make(v > 0 ? mid + 1 : mid - len, c.y + (c.h - bh) / 2, len, bh), col);
    char num[64];
    fmt_change(num, sizeof num, v, a->swedish);
    ui_font f = bold ? UI_FONT_BOLD : UI_FONT_SMALL;
    int w = ui_text_width(ctx, f, num), th = ui_text_height(ctx, f);
    int x = v > 0 ? mid - ui_px(ctx, 4) - w : mid + ui_px(ctx, 5);
    ui_draw_text(ctx, f, num, x, c.y + (c.h - th) / 2, ctx->colors[UI_COL_TEXT]);
}

static void draw_why(app *a, ui_ctx *ctx)
{
    int sv = a->swedish, var = a->why_var;
    if (var < 0) {
        a->dialog = APP_DLG_NONE;
        return;
    }
    sim_error err;
    sim_error_clear(&err);
    char msg[1200];
    if (app_why_compute(a, var, &err) != SIM_OK) {
        app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        a->dialog = APP_DLG_NONE;
        return;
    }
    const var_desc *d = &var_table[var];
    int n = a->why_k;
    /* A sheet over most of the window: the levers' shares, and the causes
     * beside them (a wide window) or below them. */
    int dw = ui_px(ctx, 1180) < ctx->width - ui_px(ctx, 16) ? ui_px(ctx, 1180) : ctx->width - ui_px(ctx, 16);
    /* Each year's column of bars holds its widest number on either side of
     * its zero line (a number stands opposite its bar), so that the numbers
     * of two columns never meet. */
    int numw = 0;
    char num[64];
    for (int k = 0; k < 2; k++)
        for (int r = -1; r < n; r++) {
            fmt_change(num, sizeof num, r < 0 ? a->why_change[k] : a->why_phi[k][r], sv);
            int nw = ui_text_width(ctx, r < 0 ? UI_FONT_BOLD : UI_FONT_SMALL, num);
            numw = nw > numw ? nw : numw;
        }
    int cw_min = 2 * (numw + ui_px(ctx, 10)) + ui_px(ctx, 6), gap = ui_px(ctx, 24);
    /* The widest name of a row of bars. */
    int namew = 0;
    for (int r = -1; r < n; r++) {
        const char *name = r < 0                           ? str_get(STR_WHY_TOTAL, sv)
                           : a->why_player[r] == ATTR_OTHER ? str_get(STR_OTHER_INPUTS, sv)
                                                            : app_label(a, a->why_player[r]);
        int w = ui_text_width(ctx, r < 0 ? UI_FONT_BOLD : UI_FONT_BODY, name) + ui_px(ctx, 10);
        namew = w > namew ? w : namew;
    }
    /* The causes go beside the bars when both fit, else below them; the
     * bars' part grows to hold the names whole, to three fifths. */
    int iw = dw - ui_px(ctx, 36);
    int lw_part = iw >= ui_px(ctx, 1040) ? (iw - gap) * 9 / 20 : (iw - gap) / 2;
    int want = 2 * cw_min + namew;
    if (want > lw_part)
        lw_part = want < (iw - gap) * 3 / 5 ? want : (iw - gap) * 3 / 5;
    int wide = iw >= ui_px(ctx, 860) && lw_part >= 2 * cw_min + ui_px(ctx, 120) &&
               iw - gap - lw_part >= ui_px(ctx, 440); /* the causes' names, values and units */
    /* Tall enough for the bars and the causes (beside or below them). */
    int bars_h = ui_px(ctx, 60) + 3 * ui_text_height(ctx, UI_FONT_SMALL) + (n > 0 ? (n + 3) * ui_px(ctx, 26) : 0);
    int causes_h = why_causes_height(ctx, why_causes_rows(a), dw);
    int body_h = wide ? (bars_h > causes_h ? bars_h : causes_h) : bars_h + causes_h;
    ui_rect in = dialog_begin(a, ctx, STR_WHY_TITLE, dw,
                              body_h + ui_text_height(ctx, UI_FONT_TITLE) + ui_px(ctx, 110));
    int bottom = in.y + in.h - ui_px(ctx, 34) - ui_px(ctx, 10); /* above the buttons */
    ui_rect left = wide ? ui_rect_make(in.x, in.y, lw_part, bottom - in.y) : in;
    ui_color muted = ctx->colors[UI_COL_MUTED], text = ctx->colors[UI_COL_TEXT];
    char line[1400];
    const char *unit = app_unit(a, var);
    int shown_unit = *unit && strcmp(unit, "1") != 0;
    snprintf(line, sizeof line, "%s%s%s%s", app_label(a, var), shown_unit ? " (" : "",
             shown_unit ? unit : "", shown_unit ? ")" : "");
    int y = in.y;
    ui_draw_text_in(ctx, UI_FONT_BOLD, line, ui_rect_make(in.x, y, in.w, ui_text_height(ctx, UI_FONT_BOLD)),
                    -1, text);
    y += ui_text_height(ctx, UI_FONT_BOLD) + ui_px(ctx, 6);
    y += ui_draw_wrapped(ctx, UI_FONT_SMALL, str_get(n > 0 ? STR_WHY_HINT : STR_WHY_NONE, sv), left.x, y,
                         left.w, muted) + ui_px(ctx, 10);
    int rh = ui_px(ctx, 26), sh = ui_text_height(ctx, UI_FONT_SMALL);
    /* Rows shrink (to a small text's height) before the bars leave their
     * part: all of it beside the causes, at most half of it above them. */
    int avail = wide ? bottom - y - sh - ui_px(ctx, 8) : (bottom - y) / 2 - sh - ui_px(ctx, 8);
    int rmin = ui_text_height(ctx, UI_FONT_BODY);
    if (n > 0 && (n + 2) * rh > avail)
        rh = avail / (n + 2) > rmin ? avail / (n + 2) : rmin;
    if (n > 0) {
        /* The names' column takes what the longest name needs, from two
         * fifths of the part up to what the numbers leave. */
        int lw = namew > left.w * 2 / 5 ? namew : left.w * 2 / 5;
        if (lw > left.w * 3 / 5)
            lw = left.w * 3 / 5;
        /* The names give way to the numbers, down to a quarter of the part. */
        if (left.w - lw < 2 * cw_min)
            lw = left.w - 2 * cw_min > left.w / 4 ? left.w - 2 * cw_min : left.w / 4;
        int cw = (left.w - lw) / 2;
        for (int k = 0; k < 2; k++) {
            snprintf(line, sizeof line, "%.0f", a->why_years[k]);
            int w = ui_text_width(ctx, UI_FONT_BOLD, line);
            ui_draw_text(ctx, UI_FONT_BOLD, line, left.x + lw + k * cw + (cw - w) / 2, y, text);
        }
        y += rh;
        /* Players by the size of their share at the end, largest first. */
        int order[APP_WHY_PLAYERS];
        for (int i = 0; i < n; i++)
            order[i] = i;
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && fabs(a->why_phi[1][order[j]]) > fabs(a->why_phi[1][order[j - 1]]); j--) {
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        double full = 0;
        for (int k = 0; k < 2; k++) {
            full = fmax(full, fabs(a->why_change[k]));
            for (int i = 0; i < n; i++)
                full = fmax(full, fabs(a->why_phi[k][i]));
        }
        for (int r = -1; r < n; r++) {
            const char *name = r < 0                               ? str_get(STR_WHY_TOTAL, sv)
                               : a->why_player[order[r]] == ATTR_OTHER ? str_get(STR_OTHER_INPUTS, sv)
                                                                      : app_label(a, a->why_player[order[r]]);
            ui_draw_text_in(ctx, r < 0 ? UI_FONT_BOLD : UI_FONT_BODY, name,
                            ui_rect_make(left.x, y, lw - ui_px(ctx, 8), rh), -1, text);
            for (int k = 0; k < 2; k++)
                why_bar(a, ctx, ui_rect_make(left.x + lw + k * cw, y, cw - ui_px(ctx, 6), rh),
                        r < 0 ? a->why_change[k] : a->why_phi[k][order[r]], full, d->better, r < 0);
            y += rh + (r < 0 ? ui_px(ctx, 6) : 0);
        }
        snprintf(line, sizeof line, str_get(STR_WHY_RUNS_FMT, sv), a->why_runs,
                 str_get(a->why_exact ? STR_EXACT : STR_ESTIMATED, sv));
        ui_draw_text(ctx, UI_FONT_SMALL, line, left.x, y + ui_px(ctx, 4), muted);
        y += sh + ui_px(ctx, 8);
    }
    /* The causes of the variable, two steps back (render/why_tree.h). */
    int top = in.y + ui_text_height(ctx, UI_FONT_BOLD) + ui_px(ctx, 6);
    ui_rect right = wide ? ui_rect_make(left.x + left.w + gap, top, in.w - left.w - gap, bottom - top)
                         : ui_rect_make(in.x, y + ui_px(ctx, 6), in.w, bottom - y - ui_px(ctx, 6));
    if (wide)
        ui_draw_rect(ctx, ui_rect_make(right.x - gap / 2, top, 1, bottom - top), ctx->colors[UI_COL_BORDER]);
    why_causes_draw(a, ctx, right);
    why_back_button(a, ctx, in);
    static const str_id buttons[1] = {STR_DETAIL_CLOSE};
    if (dialog_buttons(a, ctx, in, buttons, 1, 0, 0) == 0)
        a->dialog = APP_DLG_NONE;
    dialog_end(ctx);
}

void app_dialogs_draw(app *a, ui_ctx *ctx)
{
    /* Escape closes any dialog (and cancels what waited on it). */
    if (a->dialog != APP_DLG_NONE && ui_take_key(ctx, UI_KEY_ESCAPE)) {
        if (a->dialog == APP_DLG_OVERWRITE) {
            cancel_overwrite(a);
        } else {
            app_dialog was = a->dialog;
            if (was == APP_DLG_RESTORE)
                a->restore_answer = APP_RESTORE_KEPT;
            if (was == APP_DLG_OPEN_FAILED)
                a->open_failed_path[0] = '\0';
            a->dialog = was == APP_DLG_RESTORE && a->open_failed_path[0] ? APP_DLG_OPEN_FAILED : APP_DLG_NONE;
            a->pending = APP_PENDING_NONE;
        }
        ctx->focus = 0;
        ctx->edit_id = 0;
    }
    app_dialog shown = a->dialog;
    switch (a->dialog) {
    case APP_DLG_NONE:
        break;
    case APP_DLG_OPEN:
        draw_open(a, ctx);
        break;
    case APP_DLG_SAVE:
        draw_save(a, ctx);
        break;
    case APP_DLG_COMPARE:
        draw_compare(a, ctx);
        break;
    case APP_DLG_EXPORT:
        draw_export(a, ctx);
        break;
    case APP_DLG_CONFIRM:
        draw_confirm(a, ctx);
        break;
    case APP_DLG_HELP:
        draw_help(a, ctx);
        break;
    case APP_DLG_OVERWRITE:
        draw_overwrite(a, ctx);
        break;
    case APP_DLG_RESTORE:
        draw_restore(a, ctx);
        break;
    case APP_DLG_WHY:
        draw_why(a, ctx);
        break;
    case APP_DLG_SCOREBOARD:
        app_board_draw(a, ctx);
        break;
    case APP_DLG_OPEN_FAILED:
        draw_open_failed(a, ctx);
        break;
    }
    /* The restore question, asked at the same start, came first. */
    if (shown == APP_DLG_RESTORE && a->dialog == APP_DLG_NONE && a->open_failed_path[0])
        a->dialog = APP_DLG_OPEN_FAILED;
    a->dialog_shown = shown;
}
