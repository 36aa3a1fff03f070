/* scoreboard.h: a workshop's scoreboard, apart from any drawing: the teams'
 * scenario files picked from a folder list (folders to walk into, files to
 * tick), each run once, and a table of their key indicators in 2030 and at
 * the end, their cost and budget status, beside the baseline; sorted by any
 * column, written as CSV. The window draws it (scoreboard_ui.c); the tests
 * drive it without SDL. It reads the app (render/app.h) for the model
 * table's key indicators, the baseline and the runner, and never changes it. */
#ifndef RENDER_SCOREBOARD_H
#define RENDER_SCOREBOARD_H

#include <stddef.h>

#include "render/app.h"

#define BOARD_TEAMS_MAX 16    /* teams on the board at most */
#define BOARD_ENTRIES_MAX 256 /* folders and files listed at most */
#define BOARD_KEYS_MAX 16     /* key indicators shown at most */
#define BOARD_COLS_MAX (1 + 2 * BOARD_KEYS_MAX + 3) /* team, 2 years per key, cost, peak, status */

typedef enum board_entry_kind {
    BOARD_ENTRY_UP,   /* ".." : the parent folder */
    BOARD_ENTRY_DIR,  /* a folder to walk into */
    BOARD_ENTRY_FILE  /* a scenario file (.ini) to tick */
} board_entry_kind;

typedef struct board_entry {
    board_entry_kind kind;
    char name[256];   /* file or folder name, no directory */
} board_entry;

typedef struct board_team {
    char label[128];  /* the scenario's name, else its file name */
    char path[1024];  /* its file ("" for the baseline) */
    double key[2][BOARD_KEYS_MAX]; /* key indicators in 2030 and at the end, display units */
    double cost;      /* spending over the whole run, MSEK (cumulative at the end) */
    double peak;      /* highest yearly spending, MSEK/yr */
    double cap;       /* the scenario's budget cap, MSEK/yr (0: none) */
    double over;      /* spending above the cap in its worst year, MSEK/yr (0: within) */
} board_team;

/* Columns: 0 the team; 1 cost, 2 peak per year and 3 budget status (next
 * to the team, so that a page of the table always shows them); then
 * 4 + 2k + y for key indicator k in year y (0 = 2030, 1 = the end). */
typedef enum board_col_kind {
    BOARD_COL_TEAM,
    BOARD_COL_KEY,
    BOARD_COL_COST,
    BOARD_COL_PEAK,
    BOARD_COL_STATUS
} board_col_kind;

/* Which years the table shows (the CSV always has both). */
typedef enum board_years {
    BOARD_YEARS_BOTH,
    BOARD_YEARS_MID,  /* 2030 only */
    BOARD_YEARS_END   /* the end (2050) only */
} board_years;

typedef struct board {
    char dir[1024];   /* the folder listed (absolute when it could be resolved) */
    board_entry entry[BOARD_ENTRIES_MAX]; /* ".." first, folders, then files, each sorted */
    int nentries;
    int entry_sel, entry_scroll; /* the list's selection and first visible item */
    board_team team[BOARD_TEAMS_MAX]; /* in the order ticked */
    int nteams;
    board_team base;  /* the baseline, drawn first and never ranked */
    int nkeys;        /* key indicators shown (the model's, up to BOARD_KEYS_MAX) */
    int keys[BOARD_KEYS_MAX]; /* their V_ ids */
    double years[2];  /* 2030 and the run's last year */
    int sort_col;     /* column sorted by, -1: the order ticked */
    int sort_desc;    /* 1: largest first */
    int order[BOARD_TEAMS_MAX]; /* team indexes in the order shown */
    board_years show_years; /* years the table shows */
    int first_col;    /* first of the scrolling columns shown (the team column stays) */
    int reveal_sort;  /* 1: the next frame pages to the column sorted by */
    int page_fit;     /* scrolling columns the last frame showed */
    int page_total;   /* scrolling columns there are under show_years */
    int folder_choice; /* the folder list: 0 as board_folder_folded decides, 1 open, 2 folded */
    run_result run;   /* scratch run of a team's scenario */
} board;

/* Creates an empty board on a's key indicators and baseline. NULL when out
 * of memory. board_destroy(NULL) does nothing. */
board *board_create(const app *a);
void board_destroy(board *b);

/* Lists dir (resolved to an absolute path when it can be) into b->entry:
 * ".." unless dir is the root, the folders (not hidden ones), then the .ini
 * files, each group sorted by name. Returns the count, or -1 when dir cannot
 * be read (b then lists nothing but keeps dir). */
int board_list(board *b, const char *dir);

/* Acts on entry i as a click does: ".." lists the parent, a folder lists
 * itself, a file is ticked (added as a team) or unticked (removed). Returns
 * 0, or the failure of board_add (err says why, nothing changed). */
sim_status board_activate(board *b, app *a, int i, sim_error *err);

/* Adds the scenario file at path as a team: loads, validates and runs it
 * with a's runner, keeps its key figures. SIM_EINVAL when the board is full
 * or path is already on it; a load or run failure as it comes; on failure
 * nothing changes. */
sim_status board_add(board *b, app *a, const char *path, sim_error *err);

/* Adds every .ini file of the listed folder not yet on the board; returns
 * how many were added (a file that fails is skipped; err keeps the last
 * failure, and *failed counts them when not NULL). */
int board_add_all(board *b, app *a, int *failed, sim_error *err);

/* Reads and runs every team's file again (teams save again in a second
 * round), keeping the order ticked and the sort. A file that fails keeps its
 * last figures; returns how many failed (err keeps the last failure). */
int board_reload(board *b, app *a, sim_error *err);

/* Removes team i (in the order ticked), or the one from path. */
void board_remove(board *b, int i);
int board_find(const board *b, const char *path);
void board_clear(board *b);

/* Columns and their values. */
int board_ncols(const board *b);
board_col_kind board_col_kind_of(const board *b, int col);
int board_col_key(const board *b, int col);   /* key index k of a KEY column, -1 other */
int board_col_year(const board *b, int col);  /* 0 (2030) or 1 (end) of a KEY column, -1 other */
/* The number of column col for team t (the sort key): NAN when missing. The
 * status column is the amount over the cap (0 within it or without one). */
double board_value(const board_team *t, const board *b, int col);

/* Sorts the teams by col: the first click on a column ranks the best first
 * (an indicator by its "better" direction, cost and budget status smallest
 * first, the team column A to Z); a second click on the same column turns
 * the order round. Missing values (NAN) go last either way; equal values
 * keep the order ticked. The table then pages to show that column. */
void board_click_col(board *b, int col);
/* Sorts by col in the direction given (col -1: the order ticked). */
void board_sort(board *b, int col, int desc);

/* The columns the table shows under b->show_years, in order, into cols
 * (BOARD_COLS_MAX); returns their count. The team column is first. */
int board_shown_cols(const board *b, int *cols);

/* 1 when the folder list is folded away so that the table has the room:
 * as the user chose with its toggle, else folded in presentation mode
 * (presenting) once some team is on the board, where at a projector's
 * zoom the list would leave room for one indicator only. */
int board_folder_folded(const board *b, int presenting);

/* Table layout: of n columns of widths w[] (pixels), the first frozen ones
 * always shown, how many of the others, from the first-th of them, fit in
 * avail pixels (at least one when any is left). */
int board_fit_cols(const int *w, int n, int frozen, int first, int avail);

/* Writes the board as CSV at path (atomic): '#' lines with the title, the
 * model, the program, the date and the folder; the machine names of the
 * columns; a head row in the language; then the baseline and the teams in
 * the order shown, both years of every key indicator, in display units. In
 * Swedish, Swedish Excel's format (byte-order mark, ';', decimal comma). */
sim_status board_export_csv(const board *b, const app *a, const char *path, sim_error *err);

/* A base name for the export, DIR/scoreboard or DIR/scoreboard-N, such that
 * neither BASE.csv nor BASE.png exists, into out. DIR is the listed folder,
 * or the user's own scenario folder when the listed one is bundled or not
 * writable. 0, or -1 when none fits. */
int board_export_base(const board *b, char *out, size_t n);

/* The board of a (a->board), made and its first folder listed on first
 * use: the scenario's folder, else the user's scenario folder, else the
 * bundled scenarios. NULL when out of memory. */
board *app_board(app *a);

/* Opens the scoreboard (APP_DLG_SCOREBOARD): lists its folder again and
 * reloads the teams' files, so that what teams saved since shows; a file
 * that fails is named on the status line. */
void app_board_open(app *a);

/* Draws the scoreboard's PNG export into ctx from (0, 0), between the
 * caller's ui_begin and ui_end, at ctx->scale: the title and what the rank
 * is on, the whole table (both years of every key indicator, cost, peak and
 * budget status; the baseline and every team, in the order shown) whatever
 * part of it the window shows, and the provenance line (model, program,
 * date, folder). Returns the sheet's size; the caller clears it to the card
 * colour (UI_COL_CARD) before drawing. The board's paging and years shown
 * stay as they were. */
ui_rect app_board_sheet(app *a, ui_ctx *ctx);

/* The words of the scoreboard and presentation mode in English and Swedish. */
typedef enum board_str {
    BOARD_STR_TITLE,
    BOARD_STR_BUTTON,
    BOARD_STR_FOLDER,
    BOARD_STR_UP,
    BOARD_STR_MINE,
    BOARD_STR_BUNDLED,
    BOARD_STR_ADD_ALL,
    BOARD_STR_CLEAR,
    BOARD_STR_HINT,
    BOARD_STR_EMPTY,
    BOARD_STR_TEAM,
    BOARD_STR_RANK,
    BOARD_STR_COST,
    BOARD_STR_PEAK,
    BOARD_STR_STATUS,
    BOARD_STR_WITHIN,
    BOARD_STR_OVER_FMT,
    BOARD_STR_NO_CAP,
    BOARD_STR_YEARS_BOTH,
    BOARD_STR_SORT_HINT,
    BOARD_STR_EXPORTED_FMT,
    BOARD_STR_ADDED_FMT,
    BOARD_STR_FULL,
    BOARD_STR_COLS_FMT,
    BOARD_STR_PRESENT,
    BOARD_STR_LEVERS_SHOW,
    BOARD_STR_LEVERS_HIDE,
    BOARD_STR_NOT_READ,
    BOARD_STR_RANKED_BY,
    BOARD_STR_ALREADY,
    BOARD_STR_NO_NAME,
    BOARD_STR_RELOAD_FAILED_FMT,
    BOARD_STR_FOLDER_SHOW,
    BOARD_STR_FOLDER_HIDE,
    BOARD_STR_COUNT
} board_str;

/* The text of id in English (swedish = 0) or Swedish. */
const char *board_text(board_str id, int swedish);

#endif
