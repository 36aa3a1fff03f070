/* cmd_batch.c: `transim batch`: runs many scenario files over the
 * executor's threads (or MPI ranks), writing one CSV per scenario and a
 * summary.csv of the key indicators and spending in 2030, 2040 and 2050 (or
 * --years). Every file is
 * read and checked before anything runs or is written; a scenario whose
 * run fails is named on stderr and in summary.csv, and the rest go on. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/cleanup.h"
#include "cli/commands.h"
#include "cli/study.h"
#include "sim/studies/batch.h"
#include "sim/files/columns.h"
#include "sim/files/output.h"
#include "sim/files/path_check.h"

/* A scenario's name travels in its result block as raw bytes (so that MPI
 * ranks can send it with the numbers): this many doubles. */
#define BATCH_NAME_SLOTS (sizeof(((scenario *)0)->name) / sizeof(double))

static const char usage[] =
    "usage: transim batch FILE...|DIR -o OUTDIR [-j N] [--set NAME=VALUE]...\n"
    "                     [--vars NAME,...] [--long] [--summary-only] [--years LIST]\n"
    "                     [solver options]\n"
    "\n"
    "Runs every scenario file given (a directory gives its *.ini files, sorted by\n"
    "name) over N worker threads, and writes OUTDIR/NAME.csv for each NAME.ini (the\n"
    "same columns as `transim run`, after a first column `scenario`) and\n"
    "OUTDIR/summary.csv with the key indicators and spending (spend_total,\n"
    "spend_cumulative) of every scenario in 2030, 2040 and 2050, and\n"
    "OUTDIR/columns.json describing every column of them (unit, labels, display\n"
    "scale, as `transim list --format json`) with the batch's provenance. Every\n"
    "file is checked before anything runs; a bad file stops the batch with\n"
    "nothing written. A run that\n"
    "fails is reported, marked in summary.csv, and the others go on (exit 1).\n"
    "\n"
    "  -o, --output OUTDIR  directory for the results (created if missing)\n"
    "  --vars LIST          columns of the per-scenario files, as for `run`\n"
    "  --long               per-scenario files in tidy rows scenario,year,variable,value,unit\n"
    "  --summary-only       write summary.csv (and its columns.json) alone, for\n"
    "                       very large batches\n"
    "  --years LIST         summary years, comma-separated and increasing\n"
    "                       (default 2030,2040,2050)\n"
    STUDY_OPTIONS_HELP
    "\n"
    "OUTDIR is locked against a second batch (OUTDIR/.transim-batch.lock), and the\n"
    "files are renamed into it only when all are written, summary.csv last: a\n"
    "failed or interrupted batch changes nothing there.\n"
    "\n"
    "A progress bar is drawn on stderr when it is a terminal. The files are the\n"
    "same bytes for any N. Each opens with '#' provenance lines (program, model,\n"
    "solver, the scenario file and its base chain with their SHA-256); read them\n"
    "with pandas.read_csv(f, comment='#') or\n"
    "read.csv(f, comment.char='#').\n";

enum { O_VARS = STUDY_NOPTS, O_LONG, O_SUMMARY_ONLY, O_YEARS };

#define BATCH_YEARS_MAX 64

typedef struct batch_ctx {
    const batch_files *files;
    const study_opts *o;
    const char *outdir;
    char staging[1100]; /* OUTDIR/.transim-batch.partial: files before they are renamed */
    output_opts oo;
    const int *keys;     /* summary columns: key indicators, then spending */
    size_t nkeys;
    double years[BATCH_YEARS_MAX]; /* summary years, increasing */
    size_t nyears;
    int summary_only; /* 1: no per-scenario files, summary.csv and columns.json alone */
    study_worker *w;
} batch_ctx;

/* Block of one scenario: status, name bytes, then for each summary year
 * the summary columns (NaN when the year is outside the run). */
static size_t batch_width(const batch_ctx *c)
{
    return 1 + BATCH_NAME_SLOTS + c->nyears * c->nkeys;
}

/* Loads file i into sc with the --set assignments and checks it; src (when
 * not NULL) gets the files read and their digests. */
static sim_status batch_load(const batch_ctx *c, size_t i, scenario *sc, scenario_sources *src,
                             sim_error *err)
{
    sim_status st = path_check_scenario(c->files->paths[i], err);
    if (st == SIM_OK)
        st = scenario_load_sources(sc, c->files->paths[i], src, err);
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
    return batch_load(c, i, &c->w[worker].sc, NULL, err) != SIM_OK;
}

/* Runs file i and writes its CSV; a failed run is recorded in the block. */
static sim_status batch_run_one(batch_ctx *c, size_t i, study_worker *w, sim_error *err)
{
    scenario_sources *src = c->summary_only ? NULL : malloc(sizeof *src);
    if (!c->summary_only && src == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
    sim_status st = batch_load(c, i, &w->sc, src, err);
    if (st == SIM_OK)
        st = runner_run(w->rn, &w->sc, &c->o->run, &w->res, err);
    if (st != SIM_OK) {
        if (err->path[0] == '\0')
            snprintf(err->path, sizeof err->path, "%s", c->files->paths[i]);
        free(src);
        return st;
    }
    if (c->summary_only)
        return SIM_OK;
    /* Into the staging folder: the files are renamed into OUTDIR only when
     * the whole batch has been written (batch_install). */
    char path[2048], tmp[2048];
    snprintf(path, sizeof path, "%s/%s", c->outdir, c->files->names[i]);
    snprintf(tmp, sizeof tmp, "%s/%s", c->staging, c->files->names[i]);
    output_file of;
    if ((st = output_open_staged(&of, path, tmp, err)) != SIM_OK) {
        free(src);
        return st == SIM_EINVAL ? SIM_EIO : st;
    }
    study_manifest(of.f, "batch", c->o);
    cli_scenario_provenance(of.f, &w->sc, c->files->paths[i], src);
    free(src);
    output_opts oo = c->oo;
    oo.scenario = w->sc.name;
    st = output_write(of.f, &w->res, &oo, err);
    if (st == SIM_OK)
        st = output_finish(&of, err);
    else
        output_abort(&of);
    if (st != SIM_OK && err->path[0] == '\0')
        snprintf(err->path, sizeof err->path, "%.*s", (int)sizeof err->path - 1, path);
    return st == SIM_OK ? SIM_OK : SIM_EIO;
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
    size_t width = batch_width(c);
    for (size_t k = 0; k < width; k++)
        out[k] = NAN;
    out[0] = (double)st;
    memset(out + 1, 0, BATCH_NAME_SLOTS * sizeof(double));
    memcpy(out + 1, w->sc.name, strnlen(w->sc.name, sizeof w->sc.name - 1));
    if (st != SIM_OK)
        return 0;
    double *v = out + 1 + BATCH_NAME_SLOTS;
    for (size_t y = 0; y < c->nyears; y++) {
        size_t row = run_row_at(&w->res, c->years[y]);
        if (row == (size_t)-1 || fabs(w->res.t[row] - c->years[y]) > 1e-9)
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
    size_t width = batch_width(c);
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
        for (size_t y = 0; y < c->nyears; y++) {
            if (c->nkeys > 0 && isnan(v[y * c->nkeys]))
                continue; /* the year lies outside this scenario's run */
            output_csv_field(f, c->files->names[i]);
            fputc(',', f);
            output_csv_field(f, name);
            fputs(",ok,", f);
            study_number(f, c->years[y]);
            for (size_t k = 0; k < c->nkeys; k++) {
                fputc(',', f);
                study_number(f, v[y * c->nkeys + k]);
            }
            fputc('\n', f);
        }
    }
}

/* columns.json: the provenance of the batch, and a record for each column
 * of the per-scenario files and of summary.csv. */
static void batch_columns(FILE *f, const batch_ctx *c)
{
    char *prov = NULL;
    size_t len = 0;
    FILE *pf = open_memstream(&prov, &len);
    if (pf != NULL) {
        study_manifest(pf, "batch", c->o);
        batch_manifest_line(pf, "scenarios", "%zu", c->files->n);
        if (fclose(pf) != 0) {
            free(prov);
            prov = NULL;
        }
    }
    columns_lead lead[8];
    size_t n = 0;
    lead[n++] = (columns_lead){"file", "key", "", "File", "Fil",
                               "summary.csv: the scenario file the row comes from"};
    lead[n++] = (columns_lead){"scenario", "key", "", "Scenario", "Scenario",
                               "the scenario's name (its [scenario] name)"};
    lead[n++] = (columns_lead){"status", "key", "", "Status", "Status",
                               "summary.csv: ok, or the kind of failure of the run"};
    lead[n++] = COLUMNS_YEAR;
    if (c->oo.long_rows && !c->summary_only) {
        lead[n++] = (columns_lead){"variable", "key", "", "Variable", "Variabel",
                                   "name of the variable of the row (a record below)"};
        lead[n++] = (columns_lead){"value", "value", "", "Value", "Värde",
                                   "the value, in the unit of the row"};
        lead[n++] = (columns_lead){"unit", "key", "", "Unit", "Enhet", "unit of the value"};
    }
    int ids[VAR_COUNT];
    size_t nids = 0; /* the per-scenario files' columns, then the summary's */
    if (!c->summary_only && c->oo.vars == NULL)
        nids = output_default_vars(ids, VAR_COUNT);
    else if (!c->summary_only) {
        nids = c->oo.nvars;
        memcpy(ids, c->oo.vars, nids * sizeof *ids);
    }
    for (size_t k = 0; k < c->nkeys; k++) {
        int dup = 0;
        for (size_t j = 0; j < nids; j++)
            dup |= ids[j] == c->keys[k];
        if (!dup && nids < VAR_COUNT)
            ids[nids++] = c->keys[k];
    }
    sim_error err;
    columns_write_doc(f, prov, lead, n, ids, nids, &err);
    free(prov);
}

/* The lock that keeps a second batch out of OUTDIR: a file made with
 * O_EXCL holding "PID HOST". A lock left by a process of this host that is
 * gone is taken over. Prints why and returns CLI_FAIL when another batch
 * holds it. */
static int batch_lock(const char *outdir, const char *lock)
{
    char host[256] = "";
    if (gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    for (int attempt = 0; attempt < 2; attempt++) {
        int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            char line[300];
            int n = snprintf(line, sizeof line, "%ld %s\n", (long)getpid(), host);
            int ok = n > 0 && write(fd, line, (size_t)n) == (ssize_t)n;
            close(fd);
            if (!ok) {
                unlink(lock);
                return cli_error("%s: cannot write the lock file: %s", lock, strerror(errno));
            }
            return CLI_OK;
        }
        if (errno != EEXIST)
            return cli_error("%s: cannot lock the output directory: %s", outdir,
                             strerror(errno));
        long pid = 0;
        char other[256] = "";
        FILE *f = fopen(lock, "r");
        if (f != NULL) {
            if (fscanf(f, "%ld %255s", &pid, other) < 1)
                pid = 0;
            fclose(f);
        }
        int here = other[0] == '\0' || strcmp(other, host) == 0;
        if (pid > 0 && here && kill((pid_t)pid, 0) != 0 && errno == ESRCH && attempt == 0) {
            unlink(lock); /* its process is gone: a stale lock */
            continue;
        }
        if (pid > 0)
            return cli_error("%s: another batch (process %ld%s%s) is writing into this "
                             "directory; wait for it, or remove '%s' if it is gone",
                             outdir, pid, here ? "" : " on ", here ? "" : other, lock);
        return cli_error("%s: another batch is writing into this directory; wait for it, or "
                         "remove '%s' if it is gone", outdir, lock);
    }
    return cli_error("%s: cannot lock the output directory", outdir);
}

static int inode_cmp(const void *a, const void *b)
{
    const dev_t *x = a, *y = b; /* pairs (st_dev, st_ino) stored as two dev_t */
    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] != y[1] ? (x[1] < y[1] ? -1 : 1) : 0;
}

/* Refuses a batch whose output (OUTDIR/NAME.csv or summary.csv) is one of
 * its scenario files, by device and inode (a link, or `-o` into the
 * scenario folder with a file called NAME.csv given as a scenario).
 * Returns CLI_OK or CLI_USAGE after printing why. */
static int batch_check_outputs(const batch_files *files, const char *outdir)
{
    dev_t *set = malloc((files->n ? files->n : 1) * 2 * sizeof *set);
    if (set == NULL)
        return CLI_OK; /* the check is a courtesy; the batch still works */
    size_t n = 0;
    struct stat st;
    for (size_t i = 0; i < files->n; i++)
        if (stat(files->paths[i], &st) == 0) {
            set[2 * n] = st.st_dev;
            set[2 * n + 1] = (dev_t)st.st_ino;
            n++;
        }
    qsort(set, n, 2 * sizeof *set, inode_cmp);
    char path[2400];
    int rc = CLI_OK;
    for (size_t i = 0; i <= files->n && rc == CLI_OK; i++) {
        snprintf(path, sizeof path, "%s/%s", outdir,
                 i < files->n ? files->names[i] : "summary.csv");
        if (stat(path, &st) != 0)
            continue;
        dev_t key[2] = {st.st_dev, (dev_t)st.st_ino};
        if (bsearch(key, set, n, 2 * sizeof *set, inode_cmp) != NULL)
            rc = args_usage("batch", "output '%s' is also one of the scenario files; choose "
                            "another -o", path);
    }
    free(set);
    return rc;
}

/* Makes the staging folder empty (one a killed batch left is cleared: the
 * lock says no other batch uses it). */
static int batch_staging_make(const char *staging)
{
    if (mkdir(staging, 0777) == 0)
        return CLI_OK;
    if (errno != EEXIST)
        return cli_error("%s: cannot create: %s", staging, strerror(errno));
    DIR *d = opendir(staging);
    if (d == NULL)
        return cli_error("%s: cannot read: %s", staging, strerror(errno));
    char path[2400];
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", staging, e->d_name);
        unlink(path);
    }
    closedir(d);
    return CLI_OK;
}

/* Removes the staging folder with whatever it still holds, and the lock. */
static void batch_unstage(const batch_ctx *c, const char *lock)
{
    char path[2400];
    for (size_t i = 0; i < c->files->n; i++) {
        snprintf(path, sizeof path, "%s/%s", c->staging, c->files->names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/summary.csv", c->staging);
    unlink(path);
    snprintf(path, sizeof path, "%s/columns.json", c->staging);
    unlink(path);
    rmdir(c->staging);
    unlink(lock);
    cleanup_batch_end();
}

/* Renames every staged file into OUTDIR, summary.csv last. A scenario whose
 * run failed gets no file, and a file of its from an earlier batch is
 * removed, so that OUTDIR never holds files of two batches. */
static int batch_install(const batch_ctx *c, const double *blocks, size_t width)
{
    char tmp[2400], path[2400];
    sim_error err;
    for (size_t i = 0; i < c->files->n; i++) {
        snprintf(path, sizeof path, "%s/%s", c->outdir, c->files->names[i]);
        if ((int)blocks[i * width] != SIM_OK || c->summary_only) {
            if (!c->summary_only)
                unlink(path);
            continue;
        }
        snprintf(tmp, sizeof tmp, "%s/%s", c->staging, c->files->names[i]);
        if (output_install(tmp, path, &err) != SIM_OK)
            return cli_report(&err);
    }
    static const char *const last[] = {"columns.json", "summary.csv"};
    for (size_t k = 0; k < 2; k++) {
        snprintf(tmp, sizeof tmp, "%s/%s", c->staging, last[k]);
        snprintf(path, sizeof path, "%s/%s", c->outdir, last[k]);
        if (output_install(tmp, path, &err) != SIM_OK)
            return cli_report(&err);
    }
    return CLI_OK;
}

int batch_command(int argc, char **argv, pool_exec *ex_in)
{
    static const args_option options[] = {STUDY_OPTIONS, {"vars", 0, 1}, {"long", 0, 0},
                                          {"summary-only", 0, 0}, {"years", 0, 1}};
    study_opts o;
    study_opts_init(&o);
    const char *vars_text = NULL;
    char **inputs = calloc((size_t)(argc > 0 ? argc : 1), sizeof *inputs);
    size_t ninputs = 0;
    int long_rows = 0, summary_only = 0;
    const char *years_text = NULL;
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
        else if (id == O_YEARS)
            years_text = a.value;
    }
    if (rc == CLI_OK && ninputs == 0)
        rc = args_usage("batch", "no scenario files given");
    if (rc == CLI_OK && o.output == NULL)
        rc = args_usage("batch", "no output directory given (-o OUTDIR)");

    batch_ctx c = {.o = &o, .outdir = o.output, .oo = output_opts_default()};
    c.oo.long_rows = long_rows;
    c.oo.scenario_column = 1;
    for (size_t y = 0; y < BATCH_SUMMARY_YEARS; y++)
        c.years[c.nyears++] = batch_summary_years[y];
    if (rc == CLI_OK && years_text != NULL &&
        !args_years("batch", years_text, c.years, BATCH_YEARS_MAX, &c.nyears))
        rc = CLI_USAGE;
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
    /* What the scenario spends, beside what it achieves. */
    const var_budget spend[] = {BUDGET_SPEND, BUDGET_CUMULATIVE};
    for (size_t k = 0; k < sizeof spend / sizeof *spend; k++) {
        int id = var_find_budget(spend[k]), dup = 0;
        for (size_t j = 0; j < c.nkeys; j++)
            dup |= keys[j] == id;
        if (id >= 0 && !dup)
            keys[c.nkeys++] = id;
    }
    c.keys = keys;

    /* --set and the report years are the same for every file: a mistake in
     * them is a usage error, found before any file is read. */
    if (rc == CLI_OK) {
        scenario probe;
        scenario_init(&probe);
        for (size_t k = 0; rc == CLI_OK && k < o.nsets; k++)
            if (scenario_set(&probe, o.sets[k], &err) != SIM_OK)
                rc = args_usage("batch", "--set '%s': %s", o.sets[k], err.msg);
    }
    if (rc == CLI_OK) {
        size_t inside = 0;
        for (size_t y = 0; y < c.nyears; y++)
            inside += (isnan(o.run.from) || c.years[y] >= o.run.from - 1e-9) &&
                      (isnan(o.run.to) || c.years[y] <= o.run.to + 1e-9);
        if (inside == 0)
            rc = args_usage("batch", "no summary year (--years) lies within --from and --to; "
                            "summary.csv would be empty");
    }

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
    snprintf(c.staging, sizeof c.staging, "%s/.transim-batch.partial", o.output);
    char lock[1100];
    snprintf(lock, sizeof lock, "%s/.transim-batch.lock", o.output);

    pool_exec local;
    pool_exec *ex = study_exec(ex_in, &local, &o);
    unsigned nw = ex->workers ? ex->workers : 1;
    c.w = study_workers_create(nw);
    size_t width = batch_width(&c);
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
    int locked = 0, created = 0;
    int mrc = ex->map(ex, files.n, 0, batch_check_task, &c, NULL, &err, &failed);
    ex->progress = progress;
    if (mrc != 0) {
        rc = ex->rank == 0 ? study_report(&err) : CLI_FAIL;
    } else {
        /* OUTDIR is made and locked against a second batch, and the files
         * go to a staging folder in it until all are written. */
        int ok = 1;
        if (ex->rank == 0) {
            struct stat ost;
            created = stat(o.output, &ost) != 0;
            rc = batch_check_outputs(&files, o.output);
            sim_status pst = rc == CLI_OK ? batch_outdir_prepare(o.output, &err) : SIM_OK;
            ok = rc == CLI_OK && pst == SIM_OK;
            if (pst != SIM_OK) {
                /* -o naming a file is a usage error, as a directory is for a file output. */
                rc = pst == SIM_EINVAL ? CLI_USAGE : CLI_FAIL;
                cli_report(&err);
            }
            ok = ok && batch_lock(o.output, lock) == CLI_OK;
            locked = ok;
            if (ok)
                cleanup_batch(c.staging, files.names, files.n, lock,
                              created ? o.output : NULL);
            ok = ok && batch_staging_make(c.staging) == CLI_OK;
        }
        if (!ex->agree(ex, ok) && rc == CLI_OK)
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
        size_t nfailed = 0, nyears = 0;
        for (size_t i = 0; i < files.n; i++) {
            if ((int)blocks[i * width] == SIM_OK) {
                const double *v = blocks + i * width + 1 + BATCH_NAME_SLOTS;
                for (size_t y = 0; y < c.nyears; y++)
                    nyears += c.nkeys == 0 || !isnan(v[y * c.nkeys]);
                continue;
            }
            nfailed++;
            sim_error e;
            sim_error_clear(&e);
            if (study_worker_ready(&c.w[0], &e) != 0)
                continue;
            if (batch_run_one(&c, i, &c.w[0], &e) != SIM_OK)
                cli_report(&e);
        }
        if (nfailed < files.n && nyears == 0)
            rc = cli_error("no run reported a summary year (--years); check --years, --from, "
                           "--to and --step");
        char path[2048], tmp[2048];
        snprintf(path, sizeof path, "%s/summary.csv", o.output);
        snprintf(tmp, sizeof tmp, "%s/summary.csv", c.staging);
        output_file sf;
        if (rc == CLI_OK && output_open_staged(&sf, path, tmp, &err) != SIM_OK)
            rc = cli_report(&err);
        if (rc == CLI_OK) {
            batch_summary(sf.f, &c, blocks);
            if (output_finish(&sf, &err) != SIM_OK)
                rc = cli_report(&err);
        }
        snprintf(path, sizeof path, "%s/columns.json", o.output);
        snprintf(tmp, sizeof tmp, "%s/columns.json", c.staging);
        if (rc == CLI_OK && output_open_staged(&sf, path, tmp, &err) != SIM_OK)
            rc = cli_report(&err);
        if (rc == CLI_OK) {
            batch_columns(sf.f, &c);
            if (output_finish(&sf, &err) != SIM_OK)
                rc = cli_report(&err);
        }
        if (rc == CLI_OK)
            rc = batch_install(&c, blocks, width);
        snprintf(path, sizeof path, "%s/summary.csv", o.output);
        if (rc == CLI_OK && nfailed > 0)
            rc = cli_error("%zu of %zu scenarios failed; see %s", nfailed, files.n, path);
    }
    if (locked)
        batch_unstage(&c, lock);
    if (created && rc != CLI_OK && ex->rank == 0)
        rmdir(o.output); /* a folder this batch made, left empty by its failure */
    study_workers_destroy(c.w, nw);
    free(blocks);
    batch_files_release(&files);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    return batch_command(argc, argv, NULL);
}
