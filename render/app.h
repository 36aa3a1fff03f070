/* app.h: the state of the interactive simulator, apart from any drawing:
 * the current scenario and its run, the baseline run, undo and redo, the
 * compared scenarios, the language and the graphs' choices. Every change
 * of an input re-runs the model (sim/engine/run.h). The interface built from this
 * state is in app_ui.h; the SDL window around both in gui.h. */
#ifndef RENDER_APP_H
#define RENDER_APP_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

#include "sim/engine/run.h"
#include "sim/files/scenario.h"
#include "sim/engine/status.h"
#include "sim/engine/var.h"
#include "render/ui.h"

#define APP_GRAPHS_MAX 6   /* graphs on screen at most */
#define APP_COMPARE_MAX 4  /* saved scenarios overlaid at most */
#define APP_UNDO_MAX 100   /* undo steps kept */
#define APP_FILES_MAX 128  /* scenario files listed in a dialog */
#define APP_GROUPS_MAX 16  /* collapsible groups remembered */
#define APP_BAND_SAMPLES 24 /* draws before a band is first shown; without worker threads,
                               also the batch run at each change and frame */
#define APP_BAND_MAX 200    /* draws behind a band once it is complete */
#define APP_BAND_STEP 25    /* a growing band is redrawn each time this many more are in */
#define APP_BAND_SEED 2020  /* their seed: the same draws at every change, so bands move smoothly */
#define APP_WHY_PLAYERS 25  /* levers changed, plus "other inputs", that "why" can attribute to */
#define APP_WHY_ORDERS 64   /* join orders of a sampled attribution (beyond 12 players) */
#define APP_WHY_BACK 16     /* causes followed in "why" that Back can return through */

typedef enum app_dialog {
    APP_DLG_NONE,
    APP_DLG_OPEN,    /* choose a scenario file to open */
    APP_DLG_SAVE,    /* type a path to save to */
    APP_DLG_COMPARE, /* choose saved scenarios to overlay */
    APP_DLG_EXPORT,  /* type a name for the PNG and CSV */
    APP_DLG_CONFIRM, /* unsaved changes: discard or cancel */
    APP_DLG_HELP,    /* keys */
    APP_DLG_OVERWRITE, /* a file exists (perhaps a base of others): replace it or cancel */
    APP_DLG_RESTORE, /* a crashed session's recovery file: restore or discard */
    APP_DLG_WHY,     /* why an indicator changed: each lever's share of the change */
    APP_DLG_SCOREBOARD, /* the teams' scenarios in one table (render/scoreboard.h) */
    APP_DLG_OPEN_FAILED /* the file named at start cannot be opened: open another or go on */
} app_dialog;

/* The answer to the restore question (APP_DLG_RESTORE). */
typedef enum app_restore_answer {
    APP_RESTORE_OPEN,     /* not answered yet (or no question) */
    APP_RESTORE_RESTORED, /* restored: the copy may go once this session's own is written */
    APP_RESTORE_DISCARDED,/* discard the copy */
    APP_RESTORE_KEPT      /* Escape: keep the copy for the next start */
} app_restore_answer;

/* What to do once the user agrees to discard unsaved changes. */
typedef enum app_pending {
    APP_PENDING_NONE,
    APP_PENDING_OPEN, /* open pending_path */
    APP_PENDING_QUIT  /* leave the program */
} app_pending;

struct board; /* render/scoreboard.h */

typedef struct app_compare {
    scenario sc;       /* the loaded scenario */
    run_result res;    /* its run */
    char label[128];   /* legend text: the scenario's name or file name */
    char path[1024];   /* file it came from */
} app_compare;

typedef struct app {
    scenario sc;           /* the scenario being edited */
    scenario clean;        /* the scenario as last opened or saved (unsaved = differs) */
    scenario base_sc;      /* the baseline: every value at its table default */
    run_result base;       /* run of base_sc */
    run_result cur;        /* run of sc (the last successful run) */
    run_result scratch;    /* a run in progress, swapped into cur on success */
    runner *rn;            /* reused for every run */
    int run_failed;        /* 1 when the last run of sc failed (cur is the one before) */
    char run_msg[1024];    /* why it failed */
    double run_ms;         /* duration of the last run, milliseconds */
    long runs;             /* runs since creation */

    scenario *undo;        /* APP_UNDO_MAX states before each change, oldest first */
    int nundo;
    scenario *redo;        /* APP_UNDO_MAX states undone, most recent last */
    int nredo;
    unsigned undo_group;   /* changes with the same nonzero group share one undo step */

    app_compare compare[APP_COMPARE_MAX]; /* overlaid saved scenarios */
    int ncompare;

    int swedish;           /* 1: labels and numbers in Swedish */
    float zoom;            /* user zoom, 0.6 to 2.5 (fonts and widgets) */
    float zoom_fit;        /* zoom in use when the window cannot hold zoom (lower), 0 otherwise */
    int graphs_fit;        /* graphs laid out when the window holds fewer than ngraphs, 0 = all */
    int legend_hidden;     /* 1 when the last frame's graphs were too short for their legends
                              while scenarios were compared: the status line carries it */
    int by_theme;          /* 1: levers grouped by the four themes, else the five priorities */
    int left_tab;          /* 0 levers, 1 assumptions */
    int show_params;       /* 1: assumptions panel also lists model parameters */
    int group_open[APP_GROUPS_MAX]; /* per group (priorities 0-4, themes 5-8, 9 assumptions,
                                       10 settings, 11 parameters): 1 expanded */
    ui_rect slider_rect[VAR_COUNT]; /* where the last frame drew each input's slider */
    int lever_scroll;      /* left panel scroll, pixels */
    int ngraphs;           /* graphs shown: 4 or 6 */
    int graph_sel[APP_GRAPHS_MAX]; /* index into ind[] shown by each graph */
    int ind[VAR_COUNT];    /* V_ ids offered for graphs: indicators, then stocks */
    int nind;
    int keys[VAR_COUNT];   /* V_ ids of the key indicators (var_table[i].key) */
    int nkeys;
    int key_first;         /* first key indicator shown in the strip (paging) */
    int v_spend, v_spend_cum, v_over, v_cap; /* budget variables, -1 when absent */

    int detail_var;        /* V_ id of the lever or input in the detail view, -1 none */
    int detail_filled;     /* V_ id whose values the entries below hold, -1 none */
    char detail_value[64]; /* text entries of the detail view */
    char detail_start[16];
    char detail_ramp[16];

    app_dialog dialog;     /* open dialog */
    app_dialog dialog_shown; /* dialog drawn in the last frame (a change = just opened) */
    app_pending pending;   /* action waiting on the unsaved-changes question */
    char pending_path[1024];
    char path[1024];       /* file of the scenario ("" = not saved yet) */
    char entry[1024];      /* path or name typed in a dialog */
    char entry_name[128];  /* the scenario's name typed in the save dialog */
    int entry_auto;        /* 1 while the save dialog's path is the proposed one (it
                              follows the typed name until the user edits it) */
    char entry_name_seen[128]; /* the name the proposed path was made from */
    char overwrite_path[1024]; /* the existing file the overwrite question is about */
    app_dialog overwrite_back; /* where Cancel on that question returns (SAVE,
                                  EXPORT or NONE) */
    int overwrite_heirs;   /* scenario files that inherit from overwrite_path */
    char overwrite_heir[256]; /* the first of them (file name) */
    int overwrite_bundled; /* 1 when overwrite_path is a bundled scenario */
    char restore_path[1024]; /* a crashed session's recovery file offered for restore, "" none */
    char restore_name[128];  /* the scenario's name in it */
    char restore_when[64];   /* when it was last written, local time */
    char restore_origin[1024]; /* the scenario file the copy belongs to, "" new work */
    app_restore_answer restore_answer; /* what the user chose; the window layer acts on it
                                          and sets it back to APP_RESTORE_OPEN */
    char open_failed_path[1024]; /* the file named at start that could not be opened, "" none */
    sim_error open_failed;       /* why (file and line, in both languages) */
    sim_error open_err;          /* why the last app_request_open failed */
    char dir[1024];        /* directory the file dialogs list */
    char files[APP_FILES_MAX][256]; /* .ini files in dir, sorted */
    int nfiles;
    int file_sel, file_scroll;

    int bands;             /* 1: the graphs show the scenario's 5-95 % uncertainty band */
    unsigned band_threads; /* worker threads of the draws, set before the bands are first
                              on (app_create: the cores, at most 2 used well); 0: the
                              draws run in app_update_bands, a batch a frame */
    struct bands *band_work; /* the draws' runner (render/bands.h), NULL until used */
    void (*band_notify)(void *); /* called on a worker thread when draws are ready (the
                              window wakes up to draw them), or NULL; set before first use */
    void *band_notify_user;
    double *band;          /* per graph: band_rows lows, then band_rows highs, around cur */
    double *band_dev;      /* the same as offsets from the run they were computed around */
    double *band_line;     /* per graph: that run's values (the posted job's scenario) */
    double *band_x;        /* scratch: one row's draws */
    size_t band_rows;      /* rows the band buffers hold */
    int band_ok[APP_GRAPHS_MAX]; /* 1 when band holds graph g's band for the current run */
    int band_dev_var[APP_GRAPHS_MAX]; /* the variable of each graph's offsets, -1 none */
    int band_var[APP_GRAPHS_MAX]; /* the variable each graph's band is for, -1 none */
    int band_post_var[APP_GRAPHS_MAX]; /* the variables of the posted job */
    long band_stamp;       /* runs when band was placed around cur (-1: never) */
    long band_posted;      /* runs when the current job was posted (-1: never) */
    long band_job;         /* its number (bands_post) */
    long band_from;        /* the job the offsets come from (0: none) */
    int band_ready;        /* draws of that job behind the offsets (failed ones too) */
    int band_hold;         /* 1 while a mouse button is down (a drag) */
    int frames;            /* app_frame calls so far: the band draws start after the first,
                              so that their threads do not delay the first picture */
    double band_t0;        /* when the current job was posted, ms (monotonic) */
    double band_ms;        /* from the post to the draws behind the band, ms */
    int band_n;            /* draws behind the band (those that ran), shown in the legend */
    long band_takes;       /* times the band was made from new draws (for --profile) */
    char band_label[96];   /* the bands' legend: range and draw count */

    int why_var;           /* V_ id the "why" panel explains, -1 none */
    long why_stamp;        /* a->runs when it was computed (-1: never) */
    int why_k;             /* players: levers changed (and ATTR_OTHER for other inputs) */
    int why_player[APP_WHY_PLAYERS];
    double why_phi[2][APP_WHY_PLAYERS]; /* each player's share of the change, 2030 and the end,
                                           display units */
    double why_change[2];  /* the whole change against the baseline, display units */
    double why_years[2];   /* 2030 and the run's last year */
    int why_exact;         /* 1: exact Shapley values; 0: from sampled join orders */
    int why_runs;          /* model runs behind them */
    struct graph *why_graph; /* the model's causal graph (sim/files/graph.h), built when "why"
                                first shows causes; owned */
    int why_year_sel;      /* the causes' values: 0 in 2030, 1 in the run's last year */
    int why_scroll;        /* the causes list's scroll, pixels */
    int why_back[APP_WHY_BACK]; /* the variables explained before, from a click on a cause */
    int why_nback;         /* how many (Back returns to the last) */
    struct hist_data *hist; /* observed series (render/history_points.h), loaded when a graph
                               first could show them; owned */
    int history;           /* 1: a graph of a variable with observed data shows them as
                              points, its year axis from the first observed year */

    char status[1024];     /* the status line */
    int status_error;      /* 1 when status reports an error */
    int want_quit;         /* set when the program should end */
    int want_fullscreen;   /* toggled by the interface; the window layer follows */
    char export_base[1024];/* set by the export dialog; the window layer writes the PNG */
    int export_requested;
    int export_frame;      /* 1 while the window layer draws the frame it exports as PNG:
                              a title band above the graphs (app_export_rect) */
    int share_requested;   /* set by Share; the window layer copies the link */
    char unit_sv[VAR_COUNT][48]; /* each variable's display unit in Swedish (str_unit) */
    struct board *board;   /* the workshop's scoreboard (owned), NULL until first shown */
    ui_rect board_rect;    /* where the scoreboard's table pane was drawn */
    int present;           /* 1: presentation mode (render/present.h) */
    int present_levers;    /* 1: the lever panel is open in presentation mode */
    float present_zoom_back; /* the zoom before presentation mode, given back after it */
} app;

/* Creates the state on the baseline and runs it. Returns NULL when out of
 * memory or when the baseline cannot be run (err says why). */
app *app_create(sim_error *err);
void app_destroy(app *a);

/* Opens the scenario file at path: on success replaces the scenario, clears
 * undo and redo, re-runs. On failure nothing changes and err says why. */
sim_status app_open(app *a, const char *path, sim_error *err);

/* Takes the scenario of a recovery file at path as unsaved work: loads it
 * (validated, re-run) with undo cleared. origin is the scenario file the
 * copy belongs to ("" for new work): it becomes the scenario's file, so Save
 * writes there (with the usual questions), and the unsaved mark compares
 * with what that file holds now; without one, Save asks where. On failure
 * nothing changes and err says why. */
sim_status app_restore(app *a, const char *path, const char *origin, sim_error *err);

/* Takes the scenario of a link (sim/files/link.h) as unsaved work, like
 * app_restore: validated, re-run, no file of its own, undo cleared. On
 * failure nothing changes and err says which entry and why. */
sim_status app_open_link(app *a, const char *link, sim_error *err);

/* Saves the scenario to path (atomically) and marks it clean. A read-only
 * file (app_is_read_only) is refused with SIM_EIO and nothing written. */
sim_status app_save(app *a, const char *path, sim_error *err);

/* 1 when the scenario differs from the one last opened or saved. */
int app_dirty(const app *a);

/* The window's title into buf: the scenario's name (or its file's), a mark
 * when unsaved, and the program: "• Skills first — transim". */
void app_title(const app *a, char *buf, size_t n);

/* Puts the graphs on the comma-separated variables of list, in order, from
 * the first graph (six graphs when more than four are named); the others
 * keep theirs. Returns 0, or -1 with msg[n] saying which name is not an
 * indicator or stock the graphs offer, and changes nothing. */
int app_set_graphs(app *a, const char *list, char *msg, size_t n);

/* A scenario's name as the window shows it: "Baseline" (the bundled
 * baseline's name) in the window's language, any other name as it is. */
const char *app_scenario_name(const app *a, const char *name);

/* Files (app_files.c). The user's own scenario folder,
 * $XDG_DATA_HOME/transim/scenarios or ~/.local/share/transim/scenarios,
 * made when missing, into buf; 0, or -1 when there is no home or it cannot
 * be made (buf then names where it was tried, or is ""). */
int app_user_dir(char *buf, size_t n);
/* 1 when path lies in the bundled scenarios folder (the source tree's
 * scenarios/, or ./scenarios): those files are never written over by Save. */
int app_is_bundled(const char *path);
/* 1 when the file at path exists and is read-only: no write permission
 * bit is set, or this user may not write it. Save never replaces such a
 * file (the atomic rename would, silently): it is kept as its owner marked it. */
int app_is_read_only(const char *path);
/* How many scenario files in path's directory inherit from it (`base = `
 * naming it); the first one's file name into first (n bytes) when not NULL. */
int app_count_heirs(const char *path, char *first, size_t n);
/* name as a file name: lower-case ASCII letters and digits joined by '-'
 * (å ä ö as a a o); "my-scenario" when nothing is left. */
void app_slug(const char *name, char *buf, size_t n);
/* A file that does not exist yet, dir/SLUG.ini or dir/SLUG-2.ini ...,
 * into out; 0, or -1 when none fits. */
int app_propose_path(const char *dir, const char *name, char *out, size_t n);

/* Changes of inputs. group: nonzero changes in a row with the same group
 * (one drag of one slider) make one undo step; 0 always makes a new step.
 * Each change re-runs the model. Values are clamped to the table's range;
 * start years to the run's years; ramps to [0, run length]. */
void app_set_value(app *a, int var, double value, unsigned group);
void app_set_start(app *a, int var, double year, unsigned group);
void app_set_ramp(app *a, int var, double years, unsigned group);
/* Puts one input (value, start, ramp) back to the baseline. */
void app_reset_var(app *a, int var);
/* Puts every lever, assumption, parameter and setting back to the baseline
 * (keeping the name, years and budget cap). */
void app_reset_all(app *a);

/* Undo and redo; return 1 when something was undone or redone. */
int app_undo(app *a);
int app_redo(app *a);

/* Re-runs the scenario into cur (kept unchanged when the run fails). */
sim_status app_rerun(app *a);

/* Compared scenarios: adds the file at path (at most APP_COMPARE_MAX),
 * removes entry i, clears all. */
sim_status app_compare_add(app *a, const char *path, sim_error *err);
void app_compare_remove(app *a, int i);
void app_compare_clear(app *a);

/* Writes the data behind the graphs as CSV: a column year, then for each
 * graph's variable one column per run shown (scenario, baseline, compared
 * scenarios), named variable:run. Atomic. */
sim_status app_export_csv(const app *a, const char *path, sim_error *err);

/* Value of var in run r at year (NAN when the year is outside the run). */
double app_value_at(const run_result *r, int var, double year);

/* The label of var in the current language. */
const char *app_label(const app *a, int var);

/* The one-sentence description of var in the current language ("" for none). */
const char *app_desc(const app *a, int var);

/* The display unit of variable var in the app's language ("" for none). */
const char *app_unit(const app *a, int var);

/* The spending (MSEK/yr) the budget bar's full width stands for: with a
 * cap, 1.25 times the cap (its tick at 80 %) or the peak when higher;
 * without one, the largest peak of the scenario and the nothers compared
 * ones, so the bar compares them; 0 when there is no cap and nothing to
 * compare with: then the bar has no fill (a fill would say "80 % used" of
 * nothing). */
double app_budget_full(double cap, double peak, const double *others, int nothers);

/* 1 when sc sets nothing at all: no value, start, ramp or series (an empty
 * file, or one of comments only): it is the baseline under another name. */
int app_sets_nothing(const scenario *sc);

/* 1 when var is a share or a rate: a row of unit "1" shown in % (its changes
 * are in percentage points). */
int app_is_share(int var);

/* Lists the .ini files of dir into a->files (sorted); returns how many. */
int app_list_files(app *a, const char *dir);

/* Sets the status line (printf-style). */
void app_status(app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Brings the uncertainty bands up to date with the scenario and the graphs'
 * choices when a->bands is on. After a change it posts a job of
 * APP_BAND_MAX draws (render/bands.h) to the worker threads, superseding
 * the last: the uncertain assumptions and parameters (sim/studies/sample.h)
 * drawn with APP_BAND_SEED, the lever settings and any input the user
 * changed kept as they are. The band of each graph is the 5 % and 95 %
 * quantiles of the draws ready so far at each report year, widened where
 * needed to reach the scenario's own run, so that the line always lies in
 * its band (on a floor or a ceiling the two can meet). It is kept as
 * offsets from that run: until the new draws number APP_BAND_SAMPLES, the
 * last band follows the line as it moves. Without worker threads the draws
 * run here, a batch of APP_BAND_SAMPLES a call (none while a->band_hold and
 * a band is shown). a->band_n says how many draws are behind the band.
 * SIM_ENOMEM when out of memory; draws whose run fails are left out. */
sim_status app_update_bands(app *a);

/* Blocks until every draw of the current job is in, then updates the
 * bands (for screenshots and tests). */
sim_status app_bands_wait(app *a);

/* 1 while the bands need more frames to grow (without worker threads: the
 * draws run in frames; with them, the notifier wakes the window), and when
 * they are on but not started (they start after the first frame). */
int app_bands_growing(const app *a);

/* Worker threads running the draws (0: none, or the bands never on). */
unsigned app_bands_threads(const app *a);

/* 1 while the current job's draws are not all in. */
int app_bands_pending(const app *a);

/* Graph g's band as low and high arrays of cur.rows values, or 0 when there
 * is none (bands off, or not computed). */
int app_band(const app *a, int g, const double **lo, const double **hi);

/* Stops the draws' workers and frees the bands' memory (app_destroy). */
void app_bands_release(app *a);

/* The "why" of variable var: the Shapley attribution of its change against
 * the baseline in 2030 and the run's last year to the levers the scenario
 * sets differently (and "other inputs"), as `transim attribute` computes
 * it, into a->why_*. Exact up to 12 players, else from APP_WHY_ORDERS join
 * orders with a fixed seed. Recomputed only when the scenario or var
 * changed. SIM_ENOMEM, or a run's error. */
sim_status app_why_compute(app *a, int var, sim_error *err);

/* Frees what "why" and the observed series hold (a->why_graph, a->hist):
 * app_destroy calls it. */
void app_why_release(app *a);

/* The slider step of an input: range/100 rounded up to 1, 2 or 5 x 10^k. */
double app_step_of(int var);

#endif
