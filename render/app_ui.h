/* app_ui.h: the simulator's screen as immediate-mode ui calls over the app
 * state: toolbar, levers and assumptions, budget meter, key indicators,
 * graphs, dialogs and status line. Builds one frame of commands; draws
 * nothing itself and needs no SDL. Split over app_ui.c (frame, toolbar,
 * keys, budget, graphs), app_panel.c (the left panel) and app_dialogs.c. */
#ifndef RENDER_APP_UI_H
#define RENDER_APP_UI_H

#include "render/app.h"
#include "render/layout.h"
#include "render/ui.h"

/* Actions bound to keys by the window layer (and to toolbar buttons). */
typedef enum app_cmd {
    APP_CMD_UNDO,
    APP_CMD_REDO,
    APP_CMD_OPEN,
    APP_CMD_SAVE,
    APP_CMD_SAVE_AS,
    APP_CMD_RESET_ALL,
    APP_CMD_COMPARE,
    APP_CMD_EXPORT,
    APP_CMD_LANGUAGE,
    APP_CMD_FULLSCREEN,
    APP_CMD_ZOOM_IN,
    APP_CMD_ZOOM_OUT,
    APP_CMD_ZOOM_RESET,
    APP_CMD_HELP,
    APP_CMD_QUIT,
    APP_CMD_GRAPHS, /* switch between four and six graphs */
    APP_CMD_BANDS,  /* show or hide the uncertainty bands */
    APP_CMD_SHARE,  /* copy the scenario's link (sim/files/link.h) */
    APP_CMD_SCOREBOARD, /* open or close the workshop's scoreboard */
    APP_CMD_PRESENT,    /* presentation mode on or off (render/present.h) */
    APP_CMD_LEVERS      /* in presentation mode: show or hide the lever panel */
} app_cmd;

/* Carries out cmd: may open a dialog, ask about unsaved changes, or set
 * a->want_quit / a->want_fullscreen for the window layer. */
void app_command(app *a, app_cmd cmd);

/* Asks whether to replace the existing file at path (APP_DLG_OVERWRITE);
 * Cancel returns to back (APP_DLG_SAVE or APP_DLG_EXPORT, or APP_DLG_NONE
 * to drop the save and what waited on it); Replace saves, or exports to
 * a->export_base when back is APP_DLG_EXPORT. */
void app_ask_overwrite(app *a, const char *path, app_dialog back);

/* While the save dialog's path is still the proposed one, proposes it anew
 * from the name typed so far (called by the dialog every frame). */
void app_save_dialog_follow(app *a);

/* Asks to open path: opens at once, or asks first when there are unsaved
 * changes. Returns SIM_OK when opened or asked; otherwise the open failed,
 * nothing changed and the status line says why. */
sim_status app_request_open(app *a, const char *path);

/* Opens the scenario file named at start (the command line). When it cannot
 * be opened the window stays on the baseline, writes nothing, and asks
 * (APP_DLG_OPEN_FAILED, naming the file and the error): open another file
 * (the Open dialog, in that file's folder when it exists) or continue on
 * the baseline (Return, Escape). A restore question asked at the same start
 * comes first; this one follows it. Returns what app_request_open did. */
sim_status app_open_at_start(app *a, const char *path);

/* Adds the saved scenario at path to the comparisons, saying in the status
 * line what happened (at most APP_COMPARE_MAX; an unreadable file gives its
 * error). Returns 1 when it was added. */
int app_request_compare(app *a, const char *path);

/* Builds one frame into ctx (between ui_begin and ui_end, done here) for a
 * window of ctx->width x ctx->height; writes the layout used into l (for
 * the PNG export of the graphs and for tests). */
void app_frame(app *a, ui_ctx *ctx, app_layout *l);

/* What an exported PNG holds: the graphs and, above them, a band with the
 * scenario's name and the provenance (model, program, date, file), drawn
 * there by app_frame while a->export_frame is set. */
ui_rect app_export_rect(const ui_ctx *ctx, const app_layout *l);

/* Opens a panel by name, for screenshots (--show): "why:VAR" (an
 * indicator's why), "detail:LEVER", "help", "export", "compare",
 * "scoreboard", "scoreboard:VAR" (ranked on key indicator VAR at the end),
 * "presentation" (presentation mode), "presentation:levers"
 * (with its lever panel open). 0, or -1 when the name is not one of these
 * (or VAR is no variable). */
int app_show(app *a, const char *panel);

/* Widths of the toolbar at ctx's scale, pixels: *one_row for its buttons
 * and a short title in one row, *two_rows for its wider group of buttons
 * (the toolbar in two rows). The window layer uses them to cap the zoom
 * (layout_fit). */
void app_toolbar_widths(const app *a, const ui_ctx *ctx, int *one_row, int *two_rows);

/* Pieces of the frame, used by app_frame (one file each). */
void app_panel_draw(app *a, ui_ctx *ctx, const app_layout *l);
void app_dialogs_draw(app *a, ui_ctx *ctx);
void app_board_draw(app *a, ui_ctx *ctx); /* the scoreboard (scoreboard_ui.c) */

/* The widget id of the slider of var in group g of the left panel (tests
 * use it to find a lever's slider). */
unsigned app_slider_id(int group, int var);

/* Where the last frame drew the slider of var (the first when it appears in
 * several groups); w = 0 when not drawn. For tests and the profiler. */
ui_rect app_slider_rect(const app *a, int var);

#endif
