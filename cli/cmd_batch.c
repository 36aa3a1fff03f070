/* cmd_batch.c: `transim batch`: runs many scenario files over the
 * executor's threads (or MPI ranks), writing one CSV per scenario and a
 * summary.csv of the key indicators in 2030, 2040 and 2050. Every file is
 * read and checked before anything runs or is written; a scenario whose
 * run fails is named on stderr and in summary.csv, and the rest go on. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/study.h"
#include "sim/studies/batch.h"
#include "sim/files/output.h"

/* A scenario's name travels in its result block as raw bytes (so that MPI
 * ranks can send it with the numbers): this many doubles. */
#define BATCH_NAME_SLOTS (sizeof(((scenario *)0)->name) / sizeof(double))

static const char usage[] =
    "usage: transim batch FILE...|DIR -o OUTDIR [-j N] [--set NAME=VALUE]...\n"
    "                     [--vars NAME,...] [--long] [--summary-only] [solver options]\n"
    "\n"
    "Runs every scenario file given (a directory gives its *.ini files, sorted by\n"
    "name) over N worker threads, and writes OUTDIR/NAME.csv for each NAME.ini (the\n"
    "same columns as `transim run`) and OUTDIR/summary.csv with the key indicators\n"
    "of every scenario in 2030, 2040 and 2050. Every file is checked before\n"
    "anything runs; a bad file stops the batch with nothing written. A run that\n"
    "fails is reported, marked in summary.csv, and the others go on (exit 1).\n"
    "\n"
    "  -o, --output OUTDIR  directory for the results (created if missing)\n"
    "  --vars LIST          columns of the per-scenario files, as for `run`\n"
    "  --long               per-scenario files in tidy rows scenario,year,variable,value,unit\n"
    "  --summary-only       write summary.csv alone (for very large batches)\n"
    STUDY_OPTIONS_HELP
    "\n"
    "A progress bar is drawn on stderr when it is a terminal. The files are the\n"
    "same bytes for any N. Each opens with '#' provenance lines (program, model,\n"
    "solver); read them with pandas.read_csv(f, comment='#') or\n"
    "read.csv(f, comment.char='#').\n";

enum { O_VARS = STUDY_NOPTS, O_LONG, O_SUMMARY_ONLY };

typedef struct batch_ctx {
    const batch_files *files;
    const study_opts *o;
    const char *outdir;
    output_opts oo;
    const int *keys;
    size_t nkeys;
    int summary_only; /* 1: no per-scenario files, summary.csv alone */
    study_worker *w;
} batch_ctx;

/* Block of one scenario: status, name bytes, then for each summary year
 * the key indicators (NaN when the year is outside the run). */
static size_t batch_width(size_t nkeys)
{
    return 1 + BATCH_NAME_SLOTS + BATCH_SUMMARY_YEARS * nkeys;
}

/* Loads file i into sc with the --set assignments and checks it. */
static sim_status batch_load(const batch_ctx *c, size_t i, scenario *sc, sim_error *err)
{
    sim_status st = scenario_load(sc, c->files->paths[i], err);
    for (size_t k = 0; st == SIM_OK && k < c->o->nsets; k++) {
        st = scenario_set(sc, c->o->sets[k], err);
        if (st != SIM_OK) {
            char msg[sizeof err->msg];
            memcpy(msg, err->msg, sizeof msg);
            sim_error_set(err, st, c->files->paths[i], 0, "--set '%s': %s", c->o->sets[k], msg);
        }
    }
    if (st == SIM_OK && (st = run_opts_validate(&c->o->run, sc, err)) != SIM_OK)
        snprintf(err->path, sizeof err->path, "%s", c->files->paths[i]);
    return st;
}

static int batch_check_task(void *vctx, size_t i, unsigned worker, double *out, sim_error *err)
{
    (void)out;
    batch_ctx *c = vctx;
    return batch_load(c, i, &c->w[worker].sc, err) != SIM_OK;
}

/* Runs file i and writes its CSV; a failed run is recorded in the block. */
static sim_status batch_run_one(batch_ctx *c, size_t i, study_worker *w, sim_error *err)
{
    sim_status st = batch_load(c, i, &w->sc, err);
    if (st == SIM_OK)
        st = runner_run(w->rn, &w->sc, &c->o->run, &w->res, err);
    if (st != SIM_OK) {
        if (err->path[0] == '\0')
            snprintf(err->path, sizeof err->path, "%s", c->files->paths[i]);
        return st;
    }
    if (c->summary_only)
        return SIM_OK;
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", c->outdir, c->files->names[i]);
    output_file of;
    if ((st = output_open(&of, path, err)) != SIM_OK)
        return st;
    study_manifest(of.f, "batch", c->o);
    batch_manifest_line(of.f, "scenario", "%s (%s)", c->files->paths[i], w->sc.name);
    output_opts oo = c->oo;
    oo.scenario = w->sc.name;
    st = output_write(of.f, &w->res, &oo, err);
    if (st == SIM_OK)
        st = output_commit(&of, err);
    else
        output_abort(&of);
    return st;
}

static int batch_run_task(void *vctx, size_t i, unsigned worker, double *out, sim_error *err)
{
    batch_ctx *c = vctx;
    study_worker *w = &c->w[worker];
    if (study_worker_ready(w, err) != 0)
        return 1;
    sim_status st = batch_run_one(c, i, w, err);
    /* An unwritable file is the batch's failure; a failed run is the scenario's. */
    if (st == SIM_EIO || st == SIM_ENOMEM)
        return 1;
    size_t width = batch_width(c->nkeys);
    for (size_t k = 0; k < width; k++)
        out[k] = NAN;
    out[0] = (double)st;
    memset(out + 1, 0, BATCH_NAME_SLOTS * sizeof(double));
    memcpy(out + 1, w->sc.name, strnlen(w->sc.name, sizeof w->sc.name - 1));
    if (st != SIM_OK)
        return 0;
    double *v = out + 1 + BATCH_NAME_SLOTS;
    for (size_t y = 0; y < BATCH_SUMMARY_YEARS; y++) {
        size_t row = run_row_at(&w->res, batch_summary_years[y]);
        if (row == (size_t)-1 || fabs(w->res.t[row] - batch_summary_years[y]) > 1e-9)
            continue;
        for (size_t k = 0; k < c->nkeys; k++)
            v[y * c->nkeys + k] = run_value(&w->res, row, c->keys[k]);
    }
    return 0;
}

static void batch_summary(FILE *f, const batch_ctx *c, const double *blocks)
{
    study_manifest(f, "batch", c->o);
    batch_manifest_line(f, "scenarios", "%zu", c->files->n);
    fputs("file,scenario,status,year", f);
    for (size_t k = 0; k < c->nkeys; k++) {
        fputc(',', f);
        output_csv_field(f, var_table[c->keys[k]].name);
    }
    fputc('\n', f);
    size_t width = batch_width(c->nkeys);
    for (size_t i = 0; i < c->files->n; i++) {
        const double *b = blocks + i * width;
        char name[sizeof(((scenario *)0)->name)];
        memcpy(name, b + 1, sizeof name - 1);
        name[sizeof name - 1] = '\0';
        sim_status st = (sim_status)(int)b[0];
        if (st != SIM_OK) {
            output_csv_field(f, c->files->names[i]);
            fputc(',', f);
            output_csv_field(f, name);
            fprintf(f, ",%s,", sim_status_name(st));
            for (size_t k = 0; k < c->nkeys; k++)
                fputc(',', f);
            fputc('\n', f);
            continue;
        }
        const double *v = b + 1 + BATCH_NAME_SLOTS;
        for (size_t y = 0; y < BATCH_SUMMARY_YEARS; y++) {
            if (c->nkeys > 0 && isnan(v[y * c->nkeys]))
                continue; /* the year lies outside this scenario's run */
            output_csv_field(f, c->files->names[i]);
            fputc(',', f);
            output_csv_field(f, name);
            fputs(",ok,", f);
            study_number(f, batch_summary_years[y]);
            for (size_t k = 0; k < c->nkeys; k++) {
                fputc(',', f);
                study_number(f, v[y * c->nkeys + k]);
            }
            fputc('\n', f);
        }
    }
}

int batch_command(int argc, char **argv, pool_exec *ex_in)
{
    static const args_option options[] = {STUDY_OPTIONS, {"vars", 0, 1}, {"long", 0, 0},
                                          {"summary-only", 0, 0}};
    study_opts o;
    study_opts_init(&o);
    const char *vars_text = NULL;
    char **inputs = calloc((size_t)(argc > 0 ? argc : 1), sizeof *inputs);
    size_t ninputs = 0;
    int long_rows = 0, summary_only = 0;
    if (inputs == NULL)
        return cli_error("out of memory");
    args a;
    args_init(&a, "batch", argc, argv, options, sizeof options / sizeof *options);
    int rc = CLI_OK;
    for (int id; rc == CLI_OK && (id = args_next(&a)) != ARGS_END;) {
        if (id == ARGS_HELP) {
            fputs(usage, stdout);
            free(inputs);
            return CLI_OK;
        }
        if (id == ARGS_ERROR)
            rc = CLI_USAGE;
        else if (id == ARGS_POSITIONAL)
            inputs[ninputs++] = (char *)a.value;
        else if (id < STUDY_NOPTS)
            rc = study_option("batch", id, a.value, &o);
        else if (id == O_VARS)
            vars_text = a.value;
        else if (id == O_LONG)
            long_rows = 1;
        else if (id == O_SUMMARY_ONLY)
            summary_only = 1;
    }
    if (rc == CLI_OK && ninputs == 0)
        rc = args_usage("batch", "no scenario files given");
    if (rc == CLI_OK && o.output == NULL)
        rc = args_usage("batch", "no output directory given (-o OUTDIR)");

    batch_ctx c = {.o = &o, .outdir = o.output, .oo = output_opts_default()};
    c.oo.long_rows = long_rows;
    c.summary_only = summary_only;
    int vars[VAR_COUNT], keys[VAR_COUNT];
    size_t nvars = 0;
    sim_error err;
    if (rc == CLI_OK && vars_text != NULL) {
        if (output_parse_vars(vars_text, vars, &nvars, &err) != SIM_OK)
            rc = args_usage("batch", "--vars: %s", err.msg);
        c.oo.vars = vars;
        c.oo.nvars = nvars;
    }
    c.nkeys = batch_key_vars(keys, VAR_COUNT);
    if (c.nkeys == 0)
        for (int i = 0; i < VAR_COUNT; i++)
            if (var_table[i].kind == VAR_INDICATOR)
                keys[c.nkeys++] = i;
    c.keys = keys;

    batch_files files = {0};
    if (rc != CLI_OK) {
        free(inputs);
        return rc;
    }
    if (batch_files_collect(inputs, ninputs, &files, &err) != SIM_OK)
        rc = cli_report(&err);
    free(inputs);
    if (!study_inputs_agree(ex_in, rc == CLI_OK)) {
        batch_files_release(&files);
        return rc != CLI_OK ? rc : CLI_FAIL;
    }
    c.files = &files;

    pool_exec local;
    pool_exec *ex = study_exec(ex_in, &local, &o);
    unsigned nw = ex->workers ? ex->workers : 1;
    c.w = study_workers_create(nw);
    size_t width = batch_width(c.nkeys);
    double *blocks = malloc(files.n * width * sizeof *blocks);
    if (c.w == NULL || blocks == NULL) {
        study_workers_destroy(c.w, nw);
        free(blocks);
        batch_files_release(&files);
        return cli_error("out of memory for %zu scenarios", files.n);
    }

    /* Check every file before anything is written. */
    size_t failed;
    int progress = ex->progress;
    ex->progress = 0;
    int mrc = ex->map(ex, files.n, 0, batch_check_task, &c, NULL, &err, &failed);
    ex->progress = progress;
    if (mrc != 0) {
        rc = ex->rank == 0 ? study_report(&err) : CLI_FAIL;
    } else {
        int ok = ex->rank != 0 || batch_outdir_prepare(o.output, &err) == SIM_OK;
        if (!ok)
            cli_report(&err);
        if (!ex->agree(ex, ok))
            rc = CLI_FAIL;
    }
    if (rc == CLI_OK) {
        mrc = ex->map(ex, files.n, width, batch_run_task, &c, blocks, &err, &failed);
        if (mrc != 0)
            rc = ex->rank == 0 ? study_report(&err) : CLI_FAIL;
    }
    if (rc == CLI_OK && ex->rank == 0) {
        /* Name the failed runs in file order, with the message of a rerun
         * (the same on every machine). */
        size_t nfailed = 0;
        for (size_t i = 0; i < files.n; i++) {
            if ((int)blocks[i * width] == SIM_OK)
                continue;
            nfailed++;
            sim_error e;
            sim_error_clear(&e);
            if (study_worker_ready(&c.w[0], &e) != 0)
                continue;
            if (batch_run_one(&c, i, &c.w[0], &e) != SIM_OK)
                cli_report(&e);
        }
        study_out out;
        char path[2048];
        snprintf(path, sizeof path, "%s/summary.csv", o.output);
        rc = study_out_open(&out, path);
        if (rc == CLI_OK) {
            batch_summary(out.f, &c, blocks);
            rc = study_out_close(&out, 1);
        }
        if (rc == CLI_OK && nfailed > 0)
            rc = cli_error("%zu of %zu scenarios failed; see %s", nfailed, files.n, path);
    }
    study_workers_destroy(c.w, nw);
    free(blocks);
    batch_files_release(&files);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    return batch_command(argc, argv, NULL);
}
