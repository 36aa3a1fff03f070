/* cmd_sweep.c: `transim sweep`: runs a scenario over a full factorial grid
 * or a Latin hypercube of levers and assumptions, and writes one CSV row
 * per sample and report year: sample, the varied values, year, outputs.
 * Samples are computed in chunks over the executor and written in order,
 * so memory stays bounded and the bytes do not depend on the threads. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/study.h"
#include "sim/studies/batch.h"
#include "sim/files/output.h"
#include "sim/studies/sample.h"

#define SWEEP_AXES_MAX 32
#define SWEEP_POINTS_MAX 100000000u /* largest design accepted */
#define SWEEP_CHUNK 4096u           /* most samples per map */
#define SWEEP_CHUNK_BYTES (64u << 20) /* most memory for one chunk's results */

static const char usage[] =
    "usage: transim sweep SCENARIO --vary NAME=LO:HI:STEPS [--vary ...] [--lhs SAMPLES]\n"
    "                     [--seed S] [--vars NAME,...] [-j N] [-o FILE]\n"
    "\n"
    "Runs SCENARIO with levers, assumptions or parameters (or a lever's start year\n"
    "or ramp: NAME.start, NAME.ramp) set across ranges. By\n"
    "default a full factorial grid: each NAME takes STEPS evenly spaced values from\n"
    "LO to HI, every combination once (the last --vary varies fastest). With --lhs\n"
    "a Latin hypercube of SAMPLES points instead (STEPS may then be left out): each\n"
    "range is cut into SAMPLES equal strata and every stratum is sampled once.\n"
    "\n"
    "  --vary NAME=LO:HI:STEPS  a lever, assumption, parameter, LEVER.start or\n"
    "                      LEVER.ramp, and its range\n"
    "  --lhs SAMPLES       Latin hypercube of SAMPLES points (seeded by --seed)\n"
    "  --vars LIST         outputs, as for `run` (default: the key indicators)\n"
    "  -o, --output FILE   write to FILE atomically (default: standard output)\n"
    STUDY_OPTIONS_HELP
    "\n"
    "Output: '#' provenance lines, then rows sample,NAME...,year,VAR... (tidy for\n"
    "pandas.read_csv(f, comment='#') and read.csv(f, comment.char='#')).\n";

enum { O_VARY = STUDY_NOPTS, O_LHS, O_VARS };

typedef struct sweep_ctx {
    const scenario *sc;
    const run_opts *opts;
    const sample_axis *axes;
    size_t naxes;
    const double *lhs;  /* n x naxes unit-cube points, or NULL for the grid */
    size_t steps[SWEEP_AXES_MAX];
    const int *vars;
    size_t nvars;
    size_t rows;
    size_t first;       /* sample of map index 0 (the map runs one chunk) */
    study_worker *w;
} sweep_ctx;

/* The values of sample i. */
static void sweep_point(const sweep_ctx *c, size_t i, double *x)
{
    double u[SWEEP_AXES_MAX];
    if (c->lhs)
        memcpy(u, c->lhs + i * c->naxes, c->naxes * sizeof *u);
    else
        sample_grid_point(c->steps, c->naxes, i, u);
    for (size_t d = 0; d < c->naxes; d++)
        x[d] = sample_axis_value(&c->axes[d], u[d]);
}

static int sweep_task(void *vctx, size_t index, unsigned worker, double *out, sim_error *err)
{
    sweep_ctx *c = vctx;
    size_t i = c->first + index;
    study_worker *w = &c->w[worker];
    if (study_worker_ready(w, err) != 0)
        return 1;
    double x[SWEEP_AXES_MAX];
    sweep_point(c, i, x);
    w->sc = *c->sc;
    for (size_t d = 0; d < c->naxes; d++)
        sample_axis_apply(&c->axes[d], x[d], &w->sc);
    sim_status st = runner_run(w->rn, &w->sc, c->opts, &w->res, err);
    if (st != SIM_OK) {
        char msg[sizeof err->msg];
        memcpy(msg, err->msg, sizeof msg);
        sim_error_set(err, st, NULL, 0, "sample %zu: %s", i, msg);
        return 1;
    }
    if (w->res.rows != c->rows)
        return sim_error_set(err, SIM_ESOLVER, NULL, 0, "sample %zu gave %zu report years, not %zu",
                             i, w->res.rows, c->rows) != SIM_OK;
    for (size_t r = 0; r < c->rows; r++) {
        out[r * (c->nvars + 1)] = w->res.t[r];
        for (size_t k = 0; k < c->nvars; k++)
            out[r * (c->nvars + 1) + 1 + k] = run_value(&w->res, r, c->vars[k]);
    }
    return 0;
}

static void sweep_header(FILE *f, const study_opts *o, const scenario *sc, const char *arg,
                         const scenario_sources *src, const sweep_ctx *c, size_t n)
{
    study_manifest(f, "sweep", o);
    cli_scenario_provenance(f, sc, arg, src);
    if (c->lhs) {
        batch_manifest_line(f, "design", "latin hypercube, %zu samples", n);
        batch_manifest_line(f, "seed", "%llu", (unsigned long long)o->seed);
    } else {
        batch_manifest_line(f, "design", "full factorial grid, %zu samples", n);
    }
    char name[160];
    for (size_t d = 0; d < c->naxes; d++) {
        const sample_axis *a = &c->axes[d];
        const char *unit = a->field == SAMPLE_VALUE ? var_table[a->var].unit
                           : a->field == SAMPLE_START ? "year" : "years";
        sample_axis_name(a, name, sizeof name);
        if (c->lhs)
            batch_manifest_line(f, "vary", "%s from %g to %g %s", name, a->lo, a->hi, unit);
        else
            batch_manifest_line(f, "vary", "%s from %g to %g %s in %zu steps", name, a->lo,
                                a->hi, unit, a->steps);
    }
    fputs("sample", f);
    for (size_t d = 0; d < c->naxes; d++) {
        fputc(',', f);
        output_csv_field(f, sample_axis_name(&c->axes[d], name, sizeof name));
    }
    fputs(",year", f);
    for (size_t k = 0; k < c->nvars; k++) {
        fputc(',', f);
        output_csv_field(f, var_table[c->vars[k]].name);
    }
    fputc('\n', f);
}

static void sweep_rows(FILE *f, const sweep_ctx *c, size_t first, size_t count,
                       const double *block)
{
    size_t width = c->rows * (c->nvars + 1);
    double x[SWEEP_AXES_MAX];
    for (size_t i = 0; i < count; i++) {
        sweep_point(c, first + i, x);
        const double *b = block + i * width;
        for (size_t r = 0; r < c->rows; r++) {
            fprintf(f, "%zu", first + i);
            for (size_t d = 0; d < c->naxes; d++) {
                fputc(',', f);
                study_number(f, x[d]);
            }
            for (size_t k = 0; k <= c->nvars; k++) {
                fputc(',', f);
                study_number(f, b[r * (c->nvars + 1) + k]);
            }
            fputc('\n', f);
        }
    }
}

int sweep_command(int argc, char **argv, pool_exec *ex_in)
{
    static const args_option options[] = {STUDY_OPTIONS, {"vary", 0, 1}, {"lhs", 0, 1},
                                          {"vars", 0, 1}};
    study_opts o;
    study_opts_init(&o);
    const char *scenario_arg = NULL, *vars_text = NULL;
    const char *vary[SWEEP_AXES_MAX];
    size_t nvary = 0;
    double lhs = 0.0;
    args a;
    args_init(&a, "sweep", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        int r = study_arg("sweep", usage, &a, id, &scenario_arg, &o);
        if (r == STUDY_ARG_NEXT)
            continue;
        if (r != STUDY_ARG_MINE)
            return r;
        if (id == O_VARY) {
            if (nvary == SWEEP_AXES_MAX)
                return args_usage("sweep", "more than %d --vary options", SWEEP_AXES_MAX);
            vary[nvary++] = a.value;
        } else if (id == O_LHS) {
            if (!args_number("sweep", "--lhs", a.value, &lhs))
                return CLI_USAGE;
            if (lhs < 1.0 || lhs != floor(lhs) || lhs > (double)SWEEP_POINTS_MAX)
                return args_usage("sweep", "--lhs must be a whole number from 1 to %u, not '%s'",
                                  SWEEP_POINTS_MAX, a.value);
        } else if (id == O_VARS) {
            vars_text = a.value;
        }
    }
    if (scenario_arg == NULL)
        return args_usage("sweep", "no scenario given");
    if (nvary == 0)
        return args_usage("sweep", "nothing to vary (give --vary NAME=LO:HI:STEPS)");
    if (study_no_stdin("sweep", ex_in, scenario_arg) != CLI_OK)
        return CLI_USAGE;

    sim_error err;
    sample_axis axes[SWEEP_AXES_MAX];
    sweep_ctx c = {.axes = axes, .naxes = nvary};
    for (size_t d = 0; d < nvary; d++) {
        if (sample_axis_parse(vary[d], lhs == 0.0, &axes[d], &err) != SIM_OK)
            return args_usage("sweep", "--vary: %s", err.msg);
        char name[160];
        for (size_t e = 0; e < d; e++)
            if (axes[e].var == axes[d].var && axes[e].field == axes[d].field)
                return args_usage("sweep", "--vary: '%s' is varied twice",
                                  sample_axis_name(&axes[d], name, sizeof name));
        c.steps[d] = axes[d].steps;
    }
    size_t n = lhs > 0.0 ? (size_t)lhs : sample_grid_size(c.steps, nvary, SWEEP_POINTS_MAX);
    if (n == 0)
        return args_usage("sweep", "the grid has more than %u points; use --lhs SAMPLES",
                          SWEEP_POINTS_MAX);

    int vars[VAR_COUNT];
    size_t nvars = 0;
    if (study_vars("sweep", vars_text, vars, &nvars) != CLI_OK)
        return CLI_USAGE;
    c.vars = vars;
    c.nvars = nvars;

    scenario sc;
    scenario_sources src = {.n = 0};
    int lrc = cli_load_scenario_sources(scenario_arg, &sc, &src);
    if (lrc == CLI_OK)
        lrc = study_prepare("sweep", &sc, &o);
    if (!study_inputs_agree(ex_in, lrc == CLI_OK))
        return lrc != CLI_OK ? lrc : CLI_FAIL;
    c.sc = &sc;
    c.opts = &o.run;
    {
        /* The rows are streamed in chunks of at most SWEEP_CHUNK_BYTES; a
         * Latin hypercube keeps all its points. */
        size_t rows = study_rows(&sc, &o.run);
        double width_bytes = (double)(rows * (nvars + 1)) * sizeof(double);
        double chunk_bytes = width_bytes * (double)(n < SWEEP_CHUNK ? n : SWEEP_CHUNK);
        if (chunk_bytes > SWEEP_CHUNK_BYTES)
            chunk_bytes = width_bytes > SWEEP_CHUNK_BYTES ? width_bytes : SWEEP_CHUNK_BYTES;
        double bytes = chunk_bytes + (lhs > 0.0 ? (double)n * (double)nvary * sizeof(double) : 0.0);
        char what[160];
        snprintf(what, sizeof what, "%zu samples over %zu ranges", n, nvary);
        int mrc = study_memory("sweep", &o, bytes, what);
        const char *inputs[] = {sc.path[0] ? sc.path : NULL};
        if (mrc == CLI_OK && (ex_in == NULL || ex_in->rank == 0))
            mrc = study_check_outputs(&o.output, 1, inputs, 1);
        if (!study_inputs_agree(ex_in, mrc == CLI_OK))
            return mrc != CLI_OK ? mrc : CLI_FAIL;
    }
    /* Both ends of every axis must make a valid scenario (a start year
     * within the run, for one). */
    for (size_t d = 0; d < nvary; d++) {
        for (int end = 0; end < 2; end++) {
            scenario probe = sc;
            sample_axis_apply(&axes[d], end ? axes[d].hi : axes[d].lo, &probe);
            if (scenario_validate(&probe, &err) != SIM_OK)
                return args_usage("sweep", "--vary '%s': %s", vary[d], err.msg);
        }
    }

    /* The scenario itself fixes the report years and must run. */
    run_result res;
    run_result_init(&res);
    if (run_scenario(&sc, &o.run, &res, &err) != SIM_OK) {
        run_result_release(&res);
        if (err.path[0] == '\0' && sc.path[0] != '\0')
            snprintf(err.path, sizeof err.path, "%s", sc.path);
        return cli_report(&err);
    }
    c.rows = res.rows;
    run_result_release(&res);

    pool_exec local;
    pool_exec *ex = study_exec(ex_in, &local, &o);
    double *lhs_points = NULL;
    if (lhs > 0.0) {
        lhs_points = malloc(n * nvary * sizeof *lhs_points);
        if (lhs_points == NULL)
            return cli_error("out of memory for %zu samples", n);
        sample_lhs(n, nvary, o.seed, lhs_points);
        c.lhs = lhs_points;
    }
    size_t width = c.rows * (nvars + 1);
    size_t chunk = SWEEP_CHUNK_BYTES / (width * sizeof(double));
    if (chunk > SWEEP_CHUNK)
        chunk = SWEEP_CHUNK;
    if (chunk < 1)
        chunk = 1;
    if (chunk > n)
        chunk = n;
    double *block = malloc(chunk * width * sizeof *block);
    unsigned nw = ex->workers ? ex->workers : 1;
    c.w = study_workers_create(nw);
    if (block == NULL || c.w == NULL) {
        free(lhs_points);
        free(block);
        study_workers_destroy(c.w, nw);
        return cli_error("out of memory");
    }

    study_out out;
    int opened = ex->rank != 0 || study_out_open(&out, o.output) == CLI_OK;
    int rc = ex->agree(ex, opened) ? 0 : -1;
    if (rc == 0 && ex->rank == 0)
        sweep_header(out.f, &o, &sc, scenario_arg, &src, &c, n);
    for (size_t first = 0; rc == 0 && first < n; first += chunk) {
        size_t count = n - first < chunk ? n - first : chunk;
        size_t failed;
        c.first = first;
        rc = ex->map(ex, count, width, sweep_task, &c, block, &err, &failed);
        if (rc == 0 && ex->rank == 0)
            sweep_rows(out.f, &c, first, count, block);
    }
    study_workers_destroy(c.w, nw);
    free(block);
    free(lhs_points);
    if (ex->rank != 0 || rc < 0)
        return rc == 0 ? CLI_OK : CLI_FAIL;
    if (rc != 0) {
        study_out_close(&out, 0);
        if (err.path[0] == '\0' && sc.path[0] != '\0')
            snprintf(err.path, sizeof err.path, "%s", sc.path);
        return study_report(&err);
    }
    return study_out_close(&out, 1);
}

int cmd_sweep(int argc, char **argv)
{
    return sweep_command(argc, argv, NULL);
}
