/* args.h: what every `transim` subcommand shares: option parsing, number
 * parsing, messages and exit codes, and finding the scenario a user names.
 *
 * A command lists its options in a table and loops over args_next():
 *
 *   static const args_option opts[] = {{"from", 0, 1}, {"output", 'o', 1}};
 *   args a;
 *   args_init(&a, "run", argc, argv, opts, 2);
 *   for (int id; (id = args_next(&a)) != ARGS_END;) {
 *       if (id == ARGS_HELP) { fputs(usage, stdout); return CLI_OK; }
 *       if (id == ARGS_ERROR) return CLI_USAGE;   (message already printed)
 *       if (id == ARGS_POSITIONAL) ... a.value ...
 *       if (id == 0) ... a.value is the year ...
 *   }
 *
 * Options may be written --name VALUE, --name=VALUE, -x VALUE or -xVALUE;
 * "--" ends the options; "-" alone is a positional (standard input or
 * output); --help and -h are recognised everywhere. */
#ifndef CLI_ARGS_H
#define CLI_ARGS_H

#include <stddef.h>
#include <stdio.h>

#include "sim/engine/run.h"
#include "sim/files/scenario.h"
#include "sim/engine/status.h"

/* Exit statuses of the program. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* The smallest --dt accepted, years (under an hour of model time): below
 * it a run of 2020-2100 takes more than 800,000 steps, hours for a study. */
#define CLI_DT_MIN 1e-4

/* Checks a --dt value against CLI_DT_MIN; prints a usage error and
 * returns 0 when it is too small. */
int args_dt(const char *cmd, const char *text, double dt);

typedef struct args_option {
    const char *name; /* long name without the dashes, e.g. "from" */
    char short_name;  /* e.g. 'o', or 0 */
    int has_value;    /* 1: takes a value */
} args_option;

/* What args_next() returns besides an index into the option table. */
enum { ARGS_END = -1, ARGS_POSITIONAL = -2, ARGS_HELP = -3, ARGS_ERROR = -4 };

typedef struct args {
    const char *cmd;          /* the subcommand, for messages ("run") */
    int argc;                 /* arguments after the subcommand's name */
    char **argv;
    int i;                    /* next argument to read */
    const args_option *opts;  /* the command's options */
    size_t nopts;
    const char *value;        /* the option's value or the positional argument */
    int only_positionals;     /* set after "--" */
} args;

/* argv[0] is the subcommand's own name (it is skipped). */
void args_init(args *a, const char *cmd, int argc, char **argv, const args_option *opts,
               size_t nopts);

/* The next option (its index in opts, with a.value set when it takes one),
 * ARGS_POSITIONAL (a.value), ARGS_HELP, ARGS_END, or ARGS_ERROR after
 * printing a usage error (unknown option with a "did you mean", missing
 * value, value given to a flag). */
int args_next(args *a);

/* Prints "transim CMD: message" and "Try 'transim CMD --help'." to stderr;
 * returns CLI_USAGE. */
int args_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses text as a finite number ("2030", "0.25", or a fraction "1/16").
 * On failure prints a usage error naming the option and returns 0. */
int args_number(const char *cmd, const char *option, const char *text, double *out);

/* Prints "transim: FILE:LINE: message" (as much as err holds) to stderr and
 * returns CLI_FAIL. */
int cli_report(const sim_error *err);

/* Prints "transim: message" to stderr; returns CLI_FAIL. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes data with fn to path atomically (sim/files/output.h: a temporary file
 * renamed on success, removed on failure), or to stdout when path is NULL
 * or "-". Prints the error and returns CLI_FAIL when fn or the file fails. */
typedef sim_status (*cli_writer)(FILE *f, void *ctx, sim_error *err);
int cli_write(const char *path, cli_writer fn, void *ctx);

/* Checks before anything is computed that the output path (NULL or "-":
 * standard output) can be written and is none of inputs[0..ninputs): see
 * output_check(). Prints the problem and returns CLI_USAGE (a directory,
 * an output that is an input) or CLI_FAIL (a folder missing or not
 * writable); CLI_OK otherwise. */
int cli_check_output(const char *path, const char *const *inputs, size_t ninputs);

/* The closest of names[0..n) to word, or NULL when none is near. */
const char *args_suggest(const char *word, const char *const *names, size_t n);

/* Loads the scenario a user names: "-" for standard input; a file path; or, when no such file
 * exists and the name has no '/', scenarios/NAME or scenarios/NAME.ini
 * under the current directory; "baseline" with no such file is the
 * built-in baseline (scenario_init). On failure prints the error and
 * returns CLI_FAIL. */
int cli_load_scenario(const char *name, scenario *sc);

/* As cli_load_scenario(), and fills src (when not NULL) with the files read
 * and their SHA-256 digests (src->n = 0 for the built-in baseline). */
int cli_load_scenario_sources(const char *name, scenario *sc, scenario_sources *src);

/* The provenance lines of the scenario: "# scenario: PATH (NAME) sha256
 * HEX", then "# base: PATH sha256 HEX" for each file of its base chain.
 * Without src (or with no files in it): "# scenario: ARG (NAME)". */
void cli_scenario_provenance(FILE *f, const scenario *sc, const char *arg,
                             const scenario_sources *src);

/* The same under another key: "# KEY: ...", then "# KEY base: ..." lines. */
void cli_scenario_provenance_as(FILE *f, const char *key, const scenario *sc, const char *arg,
                                const scenario_sources *src);

/* Warns on stderr when the run of sc spent more than its budget cap in
 * some year: "transim: FILE: spending is over the cap of C MSEK/yr in
 * 2025-2050 (by up to X MSEK/yr)". Prints nothing otherwise. */
void cli_warn_budget(const scenario *sc, const run_result *r);

/* Parses --years: comma-separated years, increasing ("2025,2030,2050"),
 * at most cap of them, into years[0..*n). On a bad list prints a usage
 * error naming the option and returns 0; 1 on success. */
int args_years(const char *cmd, const char *text, double *years, size_t cap, size_t *n);

#endif
