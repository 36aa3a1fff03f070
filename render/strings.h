/* strings.h: the words of the interface itself (buttons, panel titles,
 * messages) in English and Swedish. Names of levers, indicators, priorities
 * and themes are not here: they come from the model table (sim/engine/var.h). */
#ifndef RENDER_STRINGS_H
#define RENDER_STRINGS_H

#include <stddef.h>

typedef enum str_id {
    STR_APP_TITLE,
    STR_OPEN,
    STR_SAVE,
    STR_SAVE_AS,
    STR_UNDO,
    STR_REDO,
    STR_RESET_ALL,
    STR_RESET,
    STR_COMPARE,
    STR_EXPORT,
    STR_LANGUAGE,
    STR_FULLSCREEN,
    STR_ZOOM_IN,
    STR_ZOOM_OUT,
    STR_LEVERS,
    STR_ASSUMPTIONS,
    STR_BY_PRIORITY,
    STR_BY_THEME,
    STR_SHOW_PARAMS,
    STR_PARAMS,
    STR_BASELINE,
    STR_SCENARIO,
    STR_KEY_INDICATORS,
    STR_VS_BASELINE,
    STR_BUDGET,
    STR_PER_YEAR_PEAK,
    STR_TOTAL,
    STR_CAP,
    STR_NO_CAP,
    STR_OVER_CAP,
    STR_DETAIL_VALUE,
    STR_DETAIL_START,
    STR_DETAIL_RAMP,
    STR_DETAIL_APPLY,
    STR_DETAIL_CLOSE,
    STR_DETAIL_SOURCE,
    STR_DETAIL_RANGE,
    STR_DETAIL_COST,
    STR_DETAIL_COST_FMT,
    STR_SCHEDULE_FMT,
    STR_SCHEDULE_START_FMT,
    STR_YEARS,
    STR_CANCEL,
    STR_OK,
    STR_DISCARD,
    STR_UNSAVED_TITLE,
    STR_UNSAVED_TEXT,
    STR_FILE_PATH,
    STR_SCENARIO_NAME,
    STR_OVERWRITE_FMT,
    STR_FILES_HERE,
    STR_OPEN_TITLE,
    STR_SAVE_TITLE,
    STR_COMPARE_TITLE,
    STR_COMPARE_HINT,
    STR_COMPARE_ADD,
    STR_COMPARE_REMOVE,
    STR_COMPARE_CLEAR,
    STR_EXPORT_TITLE,
    STR_EXPORT_HINT,
    STR_SAVED_TO,
    STR_OPENED,
    STR_EXPORTED,
    STR_ERROR,
    STR_UNSAVED_MARK,
    STR_NOTHING_TO_UNDO,
    STR_NOTHING_TO_REDO,
    STR_HELP_KEYS,
    STR_HELP_TITLE,
    STR_COMPARE_FULL,
    STR_QUIT_TITLE,
    STR_GRAPH_COUNT,
    STR_RUN,
    STR_ZOOM_LIMITED,  /* status line: the window limits the zoom to ... */
    STR_GRAPHS_WORD,   /* "graphs" in running text */
    STR_OVERWRITE_TITLE,
    STR_OVERWRITE_TEXT_FMT, /* printf: the path */
    STR_HEIRS_FMT,          /* printf: how many files (int), the first one's name */
    STR_BUNDLED_NOTE,
    STR_REPLACE,
    STR_BUNDLED_SAVE_AS,
    STR_READ_ONLY,          /* after a file's path: it is read-only, save a copy */
    STR_RESTORE_TITLE,
    STR_RESTORE_TEXT_FMT,   /* printf: the scenario's name, when it was written, the file */
    STR_RESTORE,
    STR_DISCARD_COPY,
    STR_RESTORE_LATER,
    STR_RESTORED_FMT,       /* printf: the recovery file */
    STR_RESTORED_TO_FMT,    /* printf: the scenario file the restored work belongs to */
    STR_RESTORE_OF_FMT,     /* printf: the same, in the restore question */
    STR_DISCARDED_FMT,      /* printf: the recovery file */
    STR_AUTOSAVE_FAILED_FMT, /* printf: the error (file and reason) */
    STR_UNCERTAINTY,
    STR_BAND,
    STR_DRAWS,          /* "draws" of a Monte Carlo, after their count */
    STR_PP,             /* percentage points, as a unit after a number */
    STR_PP_LONG,        /* the same written out (tooltips) */
    STR_OF_BASELINE,    /* "of the baseline's" (a relative change in a tooltip) */
    STR_NOT_SIGNIFICANT, /* a change under the threshold of significance */
    STR_NO_CAP_SET,     /* the budget without a cap */
    STR_EMPTY_FILE,     /* a scenario file that sets nothing */
    STR_EXPORT_CSV_TITLE, /* the export's first line, before the scenario's name */
    STR_MODEL_WORD,       /* "model", in the export's provenance */
    STR_EXPORTED_ON,      /* "exported", before the date */
    STR_EXPORT_UNITS_NOTE,/* the export's values are in the units shown */
    STR_YEAR,
    STR_WHY_TITLE,        /* the "why" panel's title */
    STR_WHY_HINT,
    STR_WHY_NONE,         /* no lever changed */
    STR_WHY_TOTAL,        /* the row of the whole change */
    STR_OTHER_INPUTS,     /* the player of every non-lever input */
    STR_WHY_RUNS_FMT,     /* printf: runs (int), "exact" or "estimated" */
    STR_EXACT,
    STR_ESTIMATED,
    STR_WHY_OPEN,         /* a key card's tooltip: click for why */
    STR_SHARE,          /* the toolbar button that copies the scenario's link */
    STR_SHARED_FMT,     /* the link was copied (%zu: its length in characters) */
    STR_LINK_OPENED,    /* a scenario was opened from a link */
    STR_OPEN_FAILED_TITLE, /* the question when the file named at start cannot be opened */
    STR_OPEN_FAILED_TEXT,  /* what the window does instead (below the file and the error) */
    STR_OPEN_ANOTHER,
    STR_CONTINUE_BASELINE,
    STR_OUT_OF_MEMORY,       /* an allocation of the window failed */
    STR_OUT_OF_MEMORY_BANDS, /* the uncertainty bands could not be allocated */
    STR_FONT_ZOOM_FMT,       /* the font cannot be reopened (%.0f: the zoom in per cent) */
    STR_COUNT
} str_id;

/* The text of id in Swedish (swedish = 1) or English; never NULL. */
const char *str_get(str_id id, int swedish);

/* A unit of the model table in Swedish: each English word ("yr", "persons",
 * "thousand", "of GRP"...) is replaced by its Swedish one, symbols and SI
 * units are kept ("MSEK/yr" -> "MSEK/år"). Writes into buf (always
 * NUL-terminated when n > 0) and returns buf; with swedish = 0 copies unit. */
char *str_unit(const char *unit, int swedish, char *buf, size_t n);

#endif
