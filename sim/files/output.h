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

/* Writes text as one CSV field (quoted when it holds a comma, a quote, a
 * newline or leading or trailing blanks; quotes doubled). */
void output_csv_field(FILE *f, const char *text);

/* An output file written atomically. Usage:
 *
 *   output_file of;
 *   if (output_open(&of, "out.csv", err) != SIM_OK) return ...;
 *   st = output_write(of.f, ...);
 *   st = st == SIM_OK ? output_commit(&of, err) : (output_abort(&of), st);
 *
 * Every opened file must be committed or aborted exactly once. */
typedef struct output_file {
    FILE *f;             /* write here; NULL after commit or abort */
    char path[1024];     /* the target */
    char tmp[1024 + 16]; /* the temporary file next to it */
} output_file;

/* Creates a temporary file in the target's directory (same file system, so
 * the final rename is atomic). SIM_EIO when it cannot be created. */
sim_status output_open(output_file *of, const char *path, sim_error *err);

/* Flushes, syncs and closes the temporary file, then renames it over the
 * target. On any failure removes the temporary file and returns SIM_EIO;
 * the target is then untouched. */
sim_status output_commit(output_file *of, sim_error *err);

/* Closes and removes the temporary file; the target is untouched. Does
 * nothing when of->f is NULL. */
void output_abort(output_file *of);

#endif
