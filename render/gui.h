/* gui.h: the simulator's window: SDL2 events into the ui context, one
 * frame of app_ui, drawing through draw.h, high-DPI and zoom scaling, full
 * screen, PNG export and screenshots, and input-to-frame timing for
 * --profile. transim-gui's main() is a loop over gui_frame(); the tests
 * drive the same loop with injected events under the dummy video driver. */
#ifndef RENDER_GUI_H
#define RENDER_GUI_H

#include <stddef.h>

#include "render/app.h"
#include "render/layout.h"
#include "render/ui.h"

/* The smallest window, in screen coordinates (less on a smaller screen). */
#define GUI_MIN_W 1024
#define GUI_MIN_H 600

typedef struct gui_opts {
    const char *scenario; /* file to open at start, NULL = the baseline */
    int width, height;    /* window size in screen coordinates (0 = 1440 x 900) */
    int hidden;           /* 1: create the window hidden (screenshots, tests) */
    int profile;          /* 1: record input-to-frame times */
    int vsync;            /* 1: present with vertical sync */
    int swedish;          /* 1: start in Swedish (messages from the start-up too) */
    const char *recovery_dir; /* folder of the recovery copies (render/recovery.h);
                                 NULL: the default for a visible window, none for a
                                 hidden one; "": none */
} gui_opts;

typedef struct gui gui;

/* Starts SDL (video), opens the window, renderer and fonts, creates the app
 * state and opens opts->scenario. A visible window keeps a recovery copy of
 * an unsaved scenario, one file per session, in $XDG_STATE_HOME/transim/
 * recovery (by default ~/.local/state/transim/recovery), written at most
 * every two seconds, and offers to restore the copy of a session that
 * crashed (render/recovery.h). Returns NULL with a message in msg when
 * SDL, the window or the font cannot be had. A scenario that cannot be read
 * is not fatal: the baseline stays, and the message is in the status line
 * (in the window's language) and in msg (in English, for the terminal; ""
 * otherwise). */
gui *gui_create(const gui_opts *opts, char *msg, size_t n);
/* Closes everything and quits SDL. The session's recovery copy is removed
 * (the user quit on purpose). NULL does nothing. */
void gui_destroy(gui *g);

/* The session's recovery state (its file is recovery(g)->path). */
const struct recovery *gui_recovery(const gui *g);

/* Handles pending events and draws one frame. Returns 0 once the user has
 * quit (after agreeing to discard unsaved changes), 1 otherwise. */
int gui_frame(gui *g);

/* 1 when the next frame should follow at once instead of waiting for input:
 * the focus just moved (a panel will scroll to it), a panel scrolled, or
 * keys typed faster than frames still wait in the ui's queue. */
int gui_busy(const gui *g);

/* The state, the ui context and the layout of the last frame. */
app *gui_app(gui *g);
ui_ctx *gui_ui(gui *g);
const app_layout *gui_layout(const gui *g);

/* Text textures and measurements cached by the drawing layer. */
int gui_text_cache(const gui *g);

/* Forgets what is on screen: the next frame is drawn and shown whole. */
void gui_redraw_all(gui *g);
/* The areas the last frame redrew: 0 when it changed nothing. */
int gui_redrawn(const gui *g);

/* The SDL id of the window (SDL_GetWindowFromID). */
unsigned gui_window_id(const gui *g);

/* Reads the pixels of the last frame (area r, or the whole output when
 * r.w <= 0) into a new RGBA buffer (4 * w * h bytes, caller frees). Returns
 * NULL on failure. *w and *h receive the size. */
unsigned char *gui_read_pixels(gui *g, ui_rect r, int *w, int *h);

/* Draws one more frame without hover effects and writes the area r (or the
 * whole window) as PNG to path. Returns 0 and a message in msg on failure. */
int gui_screenshot(gui *g, const char *path, ui_rect r, char *msg, size_t n);

/* Writes the scoreboard's whole table as a PNG at path (app_board_sheet:
 * every column and row, its title and provenance, whatever the window
 * shows), drawn apart from the window at its scale. 1, or 0 with a
 * message in msg. */
int gui_board_png(gui *g, const char *path, char *msg, size_t n);

/* Input-to-frame times recorded with opts.profile: median, 95th percentile
 * and worst, milliseconds (the samples are sorted in place; p95 may be
 * NULL). Returns their count. */
int gui_profile(gui *g, double *median_ms, double *p95_ms, double *worst_ms);

/* The same frames' time split into its phases (GUI_PHASE_*): median and
 * 95th percentile of each, ms (sorted apart, so the phases of one frame no
 * longer line up afterwards). GUI_PHASE_CPU is not a phase but the CPU
 * time the window's thread spent on the whole frame: what the frame costs
 * whatever else the machine is doing. Returns the count of frames. */
enum { GUI_PHASE_BUILD, GUI_PHASE_DRAW, GUI_PHASE_PRESENT, GUI_PHASE_CPU, GUI_PHASES };
int gui_profile_phases(gui *g, double median_ms[GUI_PHASES], double p95_ms[GUI_PHASES]);

/* The name of the SDL renderer in use ("opengl", "software", ...). */
const char *gui_renderer_name(const gui *g);

#endif
