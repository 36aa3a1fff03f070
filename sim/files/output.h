/* output.h: writers of a run's results, and atomic output files.
 *
 * The command line, the batch tools and the front end's export write a
 * run_result with output_write() in one of four layouts: wide CSV or TSV
 * (first column `year`, one column per variable, an optional units line),
 * JSON, or long ("tidy") rows `scenario,year,variable,value,unit` for R and
 * pandas. Files are written through output_open()/output_commit(): a
 * temporary file next to the target, renamed over it only on success, so a
 * failed run leaves no half-written file behind.
 *
 * Numbers are written with output_number(): C-locale "%.10g" (ten
 * significant digits), -0 written as 0, non-finite values as NaN, Inf, -Inf
 * (null in JSON). The same result gives byte-identical output on every run. */
#ifndef SIM_OUTPUT_H
#define SIM_OUTPUT_H

#include <stdio.h>

#include "sim/engine/run.h"
#include "sim/engine/status.h"
#include "sim/engine/var.h"

typedef enum output_format {
    OUTPUT_CSV = 0, /* comma-separated, RFC 4180 quoting */
    OUTPUT_TSV,     /* tab-separated, tabs and newlines in text become spaces */
    OUTPUT_JSON     /* one JSON document */
} output_format;

typedef struct output_opts {
    output_format format; /* OUTPUT_CSV (default) */
    int long_rows;        /* 1: rows scenario,year,variable,value,unit */
    int units;            /* wide CSV/TSV: a second header line with the units */
    const int *vars;      /* V_ ids of the columns, in order; NULL = the default set */
    size_t nvars;         /* entries in vars */
    const char *scenario; /* scenario name for long rows and JSON (NULL = "") */
    int scenario_column;  /* wide CSV/TSV: a first column `scenario` (batch files, which
                             an analyst stacks) */
    int exact;            /* CSV/TSV: 1 writes each number in full (up to 17
                             digits, reading back bit for bit) instead of ten */
    const char *provenance; /* NULL, or lines "# key: value\n" saying how the result
                               was made: CSV and TSV open with them, wide JSON holds
                               them as its "provenance" object (see
                               output_provenance_json), long JSON (an array of
                               records) has no place for them */
} output_opts;

/* The defaults above: wide CSV of the default variables, no units line. */
output_opts output_opts_default(void);

/* The format called name ("csv", "tsv", "json"), or -1. */
int output_format_parse(const char *name);
const char *output_format_name(output_format f);

/* The default selection: every stock, flow, auxiliary, indicator and lever
 * (their values change over a run), in table order. Assumptions, parameters
 * and settings are constant inputs of the scenario and are left out unless
 * asked for by name. Writes at most cap ids into ids; returns how many there
 * are in all. */
size_t output_default_vars(int *ids, size_t cap);

/* Parses a comma-separated selection such as "employment,emissions" into
 * V_ ids. Besides variable names, an item may be a group: "all" (every
 * variable), "default" (the default set), "key" (the key indicators), or a
 * kind in the plural ("stocks", "flows", "auxiliaries", "indicators",
 * "levers", "assumptions", "parameters", "settings"). Duplicates are dropped,
 * keeping the first. On an unknown name returns SIM_EINVAL with a "did you
 * mean" message and leaves *n unchanged. ids needs room for VAR_COUNT. */
sim_status output_parse_vars(const char *list, int *ids, size_t *n, sim_error *err);

/* Writes r as opts says to f. Returns SIM_EIO when writing fails. The
 * caller owns f (it is not closed). */
sim_status output_write(FILE *f, const run_result *r, const output_opts *opts, sim_error *err);

/* Formats v in the fixed output format into buf (at least 32 bytes) and
 * returns buf. */
char *output_number(double v, char *buf, size_t n);

/* In Swedish (swedish != 0), turns the decimal points of the numbers in s
 * into decimal commas; s holds numbers and no other full stop. Returns s. */
char *output_decimal_comma(char *s, int swedish);

/* output_number with the language's decimal mark (a comma in Swedish), for
 * text a person reads: the window, Swedish CSV, `list --lang sv`. */
char *output_number_lang(double v, int swedish, char *buf, size_t n);

/* Writes v in the shortest of "%.15g", "%.16g", "%.17g" that reads back as
 * exactly v (a negative zero as 0), for files that must round-trip: saved
 * scenarios, links, `run --exact`. Returns buf. */
char *output_number_exact(double v, char *buf, size_t n);

/* Writes provenance lines ("# key: value", one a line) as one JSON object
 * {"key": "value", ...} in the order of the lines. A key that may repeat
 * ("base", "set", "uncertain", "vary") or that does repeat maps to an array
 * of its values in order, so that its type does not depend on how many
 * there are. Lines of another form are skipped. indent (spaces) starts each
 * member's line; the closing brace goes on a line of its own,
 * two spaces less indented. */
void output_provenance_json(FILE *f, const char *lines, const char *indent);

/* Writes text as one CSV field (quoted when it holds a comma, a quote, a
 * newline or leading or trailing blanks; quotes doubled). */
void output_csv_field(FILE *f, const char *text);

/* The same with sep as the separator (';' in a Swedish spreadsheet's CSV). */
void output_csv_field_sep(FILE *f, const char *text, char sep);

/* Writes text as one JSON string (quotes, backslashes and control
 * characters escaped), and v as a JSON number (null when not finite). */
void output_json_string(FILE *f, const char *text);
void output_json_number(FILE *f, double v);

/* An output file, written so that a failed run leaves the target as it was.
 * Usage:
 *
 *   output_file of;
 *   if (output_open(&of, "out.csv", err) != SIM_OK) return ...;
 *   st = output_write(of.f, ...);
 *   st = st == SIM_OK ? output_commit(&of, err) : (output_abort(&of), st);
 *
 * Every opened file must be committed or aborted exactly once. What is
 * written depends on what the target is:
 * - a regular file, new or existing: a temporary file next to it, renamed
 *   over it on commit. A symbolic link is followed, so the file it points to
 *   is replaced and the link stays. A new file gets mode 0666 less the
 *   umask, as open(2) would give it; an existing one keeps its mode.
 * - a device, a FIFO, /dev/stdout, /dev/stderr, /dev/fd/N or
 *   /proc/self/fd/N: written in place (renaming over /dev/null would replace
 *   the device with a plain file). Abort cannot take back what was written.
 * - a directory: SIM_EINVAL ("is a directory"). */
typedef struct output_file {
    FILE *f;             /* write here; NULL after commit or abort */
    char path[1024];     /* the target as given (for messages) */
    char real[1024];     /* the file replaced on commit: path with links followed */
    char tmp[1024 + 16]; /* the temporary file next to real; "" when in place */
    int in_place;        /* 1: a device, FIFO or standard stream written directly */
    int staged;          /* 1: the caller named tmp (output_open_staged) */
} output_file;

/* Creates a temporary file in the target's directory (same file system, so
 * the final rename is atomic), or opens a device in place. SIM_EIO when it
 * cannot be created, SIM_EINVAL for a directory or an empty name. */
sim_status output_open(output_file *of, const char *path, sim_error *err);

/* Flushes, syncs and closes the temporary file, then renames it over the
 * target. On any failure removes the temporary file and returns SIM_EIO;
 * the target is then untouched. */
sim_status output_commit(output_file *of, sim_error *err);

/* Closes and removes the temporary file; the target is untouched. Does
 * nothing when of->f is NULL. */
void output_abort(output_file *of);

/* Commits files[0..n) (each opened by output_open) as one set: closes
 * and syncs them all first, and only when all of them are whole renames
 * each over its target, in order, so that the last (a summary) appears
 * last. When any fails, every temporary file is removed, no target is
 * touched, and err names the file that failed (SIM_EIO). */
sim_status output_commit_all(output_file *const *files, size_t n, sim_error *err);

/* Checks, before anything is computed, that path can be written as
 * output_open would write it: its folder exists and is writable, it is not
 * a directory, and it is not the same file (device and inode) as any of
 * inputs[0..ninputs) (NULL entries and "-" are skipped). Creates nothing.
 * SIM_EIO or SIM_EINVAL with err naming path. "-" is always fine. */
sim_status output_check(const char *path, const char *const *inputs, size_t ninputs,
                        sim_error *err);

/* For a set of files committed together (the per-scenario files of a
 * batch): opens tmp (a path the caller chose, in a folder on the target's
 * file system) for writing the future content of path. Then
 * output_finish() closes it and output_install() renames it over the
 * target (links followed, mode kept), so that a caller can write every file
 * first and rename them all at the end. */
sim_status output_open_staged(output_file *of, const char *path, const char *tmp,
                              sim_error *err);
sim_status output_finish(output_file *of, sim_error *err);
sim_status output_install(const char *tmp, const char *path, sim_error *err);

/* Hooks told of every temporary file output_open creates (created) and of
 * its end (gone: renamed or removed), so that a program can remove the
 * live ones when a signal stops it (cli/cleanup.c). Either may be NULL.
 * They may be called from several threads at once. Set them before any
 * output is opened. */
void output_set_tmp_hooks(void (*created)(const char *tmp), void (*gone)(const char *tmp));

#endif
