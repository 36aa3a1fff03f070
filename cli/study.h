/* study.h: what the batch commands (batch, sweep, mc, attribute) share on
 * the command line: the solver and threading options, the executor, the
 * output file, and the entry points the MPI program calls.
 *
 * Each command's option table begins with STUDY_OPTIONS, so that indices
 * 0 .. STUDY_NOPTS-1 are the common options and study_option() handles
 * them; the command's own options follow. */
#ifndef CLI_STUDY_H
#define CLI_STUDY_H

#include <stdint.h>
#include <stdio.h>

#include "cli/args.h"
#include "sim/studies/pool.h"
#include "sim/files/output.h"
#include "sim/engine/run.h"

#define STUDY_OPTIONS                                                                 \
    {"method", 0, 1}, {"rtol", 0, 1}, {"dt", 0, 1}, {"step", 0, 1}, {"from", 0, 1},  \
        {"to", 0, 1}, {"jobs", 'j', 1}, {"output", 'o', 1}, {"seed", 0, 1}, {"set", 0, 1}, \
        {"max-memory", 0, 1}
#define STUDY_NOPTS 11
#define STUDY_SETS_MAX 256

/* Help text for the common options (to append to a command's usage). */
#define STUDY_OPTIONS_HELP                                                              \
    "  --set NAME=VALUE    set a lever, assumption, parameter or setting (or\n"         \
    "                      LEVER.start, LEVER.ramp) after loading; may be repeated\n"   \
    "  -j, --jobs N        worker threads (default: all cores; per rank under MPI: 1)\n" \
    "  --seed S            seed of the random streams of mc, sweep --lhs and sampled\n" \
    "                      attribution (default 1)\n"                                   \
    "  --method M          adaptive (default), rk4 or euler\n"                          \
    "  --rtol X            relative tolerance of the adaptive method (default 1e-5)\n"  \
    "  --dt YEARS          step of rk4 and euler (default 1/16, at least 0.0001)\n"     \
    "  --step YEARS        report interval, 1/16 to 10 (default 1)\n"                   \
    "  --from YEAR, --to YEAR  years to report (default: the scenario's)\n"             \
    "  --max-memory SIZE   most memory a study may plan to hold, e.g. 2G or 500M\n"     \
    "                      (default: the machine's physical memory)\n"

typedef struct study_opts {
    run_opts run;        /* solver and report settings */
    unsigned jobs;       /* threads; 0 = the executor's default */
    uint64_t seed;       /* random seed (default 1) */
    const char *output;  /* -o: file or directory, NULL when not given */
    const char *sets[STUDY_SETS_MAX]; /* --set assignments, in order */
    size_t nsets;
    double max_memory;   /* --max-memory, bytes; 0 = the machine's physical memory */
} study_opts;

/* The defaults: run_opts_default(), all cores, seed 1, no output. */
void study_opts_init(study_opts *o);

/* Handles common option `id` (< STUDY_NOPTS) with its value. Returns
 * CLI_OK, or CLI_USAGE after printing the problem. */
int study_option(const char *cmd, int id, const char *value, study_opts *o);

/* What study_arg() did with an argument. */
enum {
    STUDY_ARG_NEXT = -1, /* handled: go on to the next argument */
    STUDY_ARG_MINE = -2  /* the command's own option: the caller handles it */
};

/* Handles what the single-scenario study commands (sweep, mc, attribute)
 * share in their argument loop: --help (prints usage), a usage error, the
 * one SCENARIO positional (into *scenario_arg) and the common options. Returns
 * STUDY_ARG_NEXT, STUDY_ARG_MINE, or the exit status the command should
 * return at once (CLI_OK after --help, CLI_USAGE after a printed problem). */
int study_arg(const char *cmd, const char *usage, const args *a, int id,
              const char **scenario_arg, study_opts *o);

/* One worker thread's run state. Its runner is created on the worker's own
 * thread on first use (study_worker_ready), so the allocator gives each
 * thread memory of its own; the padding keeps workers off each other's
 * cache lines (sharing them cost a third of the two-core speed-up). */
typedef struct study_worker {
    runner *rn;     /* NULL until first use */
    run_result res; /* the worker's last run */
    scenario sc;    /* scratch scenario */
    char pad[128];
} study_worker;

/* n workers, zeroed (runners not yet created); NULL when out of memory. */
study_worker *study_workers_create(unsigned n);

/* Creates w's runner if it has none. Returns 0, or 1 with err set when
 * out of memory (the convention of a pool task). */
int study_worker_ready(study_worker *w, sim_error *err);

/* Releases n workers and their runners and results (NULL does nothing). */
void study_workers_destroy(study_worker *w, unsigned n);

/* The variables a study reports: the --vars list when vars_text is not NULL,
 * else the key indicators (all indicators when the model marks none key).
 * Fills vars[VAR_COUNT] and *nvars; prints the problem and returns
 * CLI_USAGE for a bad list, CLI_OK otherwise. */
int study_vars(const char *cmd, const char *vars_text, int *vars, size_t *nvars);

/* Applies the --set assignments to sc and checks the solver options
 * against it. Prints the problem and returns CLI_USAGE on failure. */
int study_prepare(const char *cmd, scenario *sc, study_opts *o);

/* Refuses a study that would hold more than o->max_memory bytes (by
 * default the machine's physical memory): prints what it would need and
 * returns CLI_USAGE; CLI_OK when `bytes` fits. what describes the size
 * ("1000000 samples of 31 years x 57 variables"). */
int study_memory(const char *cmd, const study_opts *o, double bytes, const char *what);

/* Says on stderr what a study that fits will hold, when that is more than
 * 1 GB or more than half of what it may hold (--max-memory or the machine's
 * memory), so that a long study says what it needs before it starts:
 * "transim mc: 1000000 samples of ... will hold 14.1 GB of memory until
 * the end (this machine has 23.4 GB)". */
void study_memory_note(const char *cmd, const study_opts *o, double bytes, const char *what);

/* Report rows a run of sc with opts gives (from, from + step, ..., to). */
size_t study_rows(const scenario *sc, const run_opts *opts);

/* Under MPI (ex not NULL) refuses "-" (standard input) as a scenario:
 * each rank would read its own part of the stream and run another
 * scenario. Prints why and returns CLI_USAGE; CLI_OK otherwise. */
int study_no_stdin(const char *cmd, const pool_exec *ex, const char *arg);

/* Checks the output paths[0..n) (NULL entries skipped) against the inputs
 * before anything is computed (cli_check_output). Returns CLI_OK, or the
 * status to exit with after printing why. */
int study_check_outputs(const char *const *paths, size_t n, const char *const *inputs,
                        size_t ninputs);

/* Whether every process read its inputs: ok on this one. Without MPI (ex
 * NULL) returns ok. Under MPI every rank must call it at the same point;
 * rank 0 explains a failure that only other ranks met (their messages are
 * silenced), such as a file missing from a directory that is not shared. */
int study_inputs_agree(pool_exec *ex, int ok);

/* The executor of a command: ex when given (the MPI program passes its
 * own), otherwise a thread pool of o->jobs threads in local. Sets the
 * progress bar when stderr is a terminal. */
pool_exec *study_exec(pool_exec *ex, pool_exec *local, const study_opts *o);

/* An output that is either standard output (path NULL or "-") or a file
 * written atomically through sim/files/output.h. */
typedef struct study_out {
    output_file file; /* used when writing a file */
    FILE *f;          /* where to write */
    int is_file;
} study_out;

/* Opens the output; prints the error and returns CLI_FAIL when it cannot. */
int study_out_open(study_out *o, const char *path);

/* Commits a file (or flushes stdout). ok = 0 aborts instead, leaving no
 * file. Returns CLI_OK or CLI_FAIL (after printing why). */
int study_out_close(study_out *o, int ok);

/* Commits outs[0..n) as one set (output_commit_all): every file is
 * written whole before any is renamed, the last last. ok = 0 aborts them
 * all. Returns CLI_OK or CLI_FAIL (after printing why). */
int study_out_close_all(study_out *const *outs, size_t n, int ok);

/* The provenance lines of a batch output (sim/studies/batch.h's batch_manifest)
 * followed by one "# set: NAME=VALUE" line per --set. */
void study_manifest(FILE *f, const char *command, const study_opts *o);

/* Reports a failed map: err's message, or that another MPI rank failed. */
int study_report(const sim_error *err);

/* Writes a number in the output format (see output_number). */
void study_number(FILE *f, double v);

/* The commands, over a given executor (NULL: threads on this machine).
 * Only rank 0 of an MPI executor writes outputs and messages. */
int batch_command(int argc, char **argv, pool_exec *ex);
int sweep_command(int argc, char **argv, pool_exec *ex);
int mc_command(int argc, char **argv, pool_exec *ex);
int attribute_command(int argc, char **argv, pool_exec *ex);
int evidence_command(int argc, char **argv, pool_exec *ex);

#endif
