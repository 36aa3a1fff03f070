/* cmd_mc.c: `transim mc`: Monte Carlo over the model's uncertain inputs
 * (the [est] assumptions and parameters with a distribution in the model
 * table), written as bands per variable and year: tidy CSV rows
 * variable,unit,year,mean,sd,p5,... after '#' provenance lines. The
 * computation is sim/studies/mc_study.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "sim/studies/mc_study.h"
#include "cli/study.h"
#include "sim/studies/batch.h"
#include "sim/files/columns.h"
#include "sim/files/output.h"
#include "sim/studies/sample.h"
#include "sim/studies/stats.h"

#define MC_PROBS_MAX 32
#define MC_SAMPLES_MAX 100000000.0

static const char usage[] =
    "usage: transim mc SCENARIO --samples N [--seed S] [-j N] [--quantiles 5,25,50,75,95]\n"
    "                  [--vars NAME,...] [--set NAME=VALUE]... [-o FILE] [--draws FILE]\n"
    "                  [--sample-outputs FILE] [--columns FILE]\n"
    "\n"
    "Monte Carlo over the model's uncertain inputs: every assumption and parameter\n"
    "marked [est] or [fit] with a distribution in the model table (the column\n"
    "`uncertain` of `transim list --format csv`) is drawn anew for each sample,\n"
    "replacing the scenario's value;\n"
    "the levers stay as the scenario sets them. Writes, per variable and report\n"
    "year, the mean, the standard deviation and the quantiles over the samples\n"
    "(linear interpolation between order statistics, R's default type 7).\n"
    "\n"
    "  --samples N         number of samples (required, at least 1); each holds\n"
    "                      8 x (inputs + years x variables) bytes until the end,\n"
    "                      and more than --max-memory is refused\n"
    "  --quantiles LIST    percentages, increasing (default 5,25,50,75,95)\n"
    "  --vars LIST         variables or groups as for `run` (default: indicators)\n"
    "  -o, --output FILE   write to FILE atomically (default: standard output)\n"
    "  --draws FILE        also write every sample's drawn inputs, one row per\n"
    "                      sample (sample,INPUT...)\n"
    "  --sample-outputs FILE  also write every sample's outputs at each year\n"
    "                      (rows sample,year,VAR...; join with --draws on sample)\n"
    "  --columns FILE      also write FILE, JSON with the provenance and a record\n"
    "                      per column and per variable (unit, labels, display\n"
    "                      scale, as `transim list --format json`);\n"
    "                      -o, --draws, --sample-outputs and --columns are\n"
    "                      renamed into place only when all are whole\n"
    STUDY_OPTIONS_HELP
    "\n"
    "Sample i draws from a random stream of its own, seeded from (seed, i), so the\n"
    "same seed gives the same bytes for any number of threads or MPI ranks. The\n"
    "output opens with '#' lines naming the program, model, solver, seed and\n"
    "inputs; read it with pandas.read_csv(f, comment='#') or\n"
    "read.csv(f, comment.char='#').\n";

enum { O_SAMPLES = STUDY_NOPTS, O_QUANTILES, O_VARS, O_DRAWS, O_SAMPLE_OUTPUTS, O_COLUMNS };

/* The provenance lines of both outputs. */
static void mc_manifest(FILE *f, const study_opts *o, const scenario *sc,
                        const char *scenario_arg, const scenario_sources *src,
                        const mc_study *st, const int *uncertain,
                        size_t nu)
{
    study_manifest(f, "mc", o);
    cli_scenario_provenance(f, sc, scenario_arg, src);
    batch_manifest_line(f, "seed", "%llu", (unsigned long long)o->seed);
    batch_manifest_line(f, "samples", "%zu", st->samples);
    for (size_t k = 0; k < nu; k++) {
        const var_desc *d = &var_table[uncertain[k]];
        batch_manifest_line(f, "uncertain", "%s %s %g to %g%s", d->name,
                            d->dist == DIST_TRIANGULAR ? "triangular" : "uniform", d->unc_lo,
                            d->unc_hi, d->dist == DIST_TRIANGULAR ? " mode at its value" : "");
    }
    if (nu == 0)
        batch_manifest_line(f, "uncertain", "none (the model table marks no input as uncertain)");
}

/* The --columns sidecar: the provenance, then a record for each column of
 * the bands (variable, unit, year, mean, sd, the quantiles) and of the
 * other files (sample), then one per variable reported and per input drawn
 * (the values of the bands' `variable` column and the columns of
 * --sample-outputs and --draws). */
static void mc_write_columns(FILE *f, const study_opts *o, const scenario *sc,
                             const char *scenario_arg, const scenario_sources *src,
                             const mc_study *st, const int *uncertain, size_t nu)
{
    char *prov = NULL;
    size_t len = 0;
    FILE *pf = open_memstream(&prov, &len);
    if (pf != NULL) {
        mc_manifest(pf, o, sc, scenario_arg, src, st, uncertain, nu);
        batch_manifest_line(pf, "quantiles", "type 7 (linear between order statistics)");
        if (fclose(pf) != 0) {
            free(prov);
            prov = NULL;
        }
    }
    columns_lead lead[5 + MC_PROBS_MAX];
    char names[MC_PROBS_MAX][16], descs[MC_PROBS_MAX][64];
    size_t n = 0;
    lead[n++] = (columns_lead){"variable", "key", "", "Variable", "Variabel",
                               "name of the variable of the row (a record below)"};
    lead[n++] = (columns_lead){"unit", "key", "", "Unit", "Enhet", "unit of its values"};
    lead[n++] = (columns_lead){"sample", "key", "", "Sample", "Dragning",
                               "sample number in --draws and --sample-outputs, from 0"};
    lead[n++] = COLUMNS_YEAR;
    lead[n++] = (columns_lead){"mean", "statistic", "", "Mean", "Medelvärde",
                               "mean over the samples, in the unit of the row"};
    lead[n++] = (columns_lead){"sd", "statistic", "", "Standard deviation",
                               "Standardavvikelse",
                               "sample standard deviation, in the unit of the row"};
    for (size_t k = 0; k < st->nprobs; k++) {
        snprintf(names[k], sizeof names[k], "p%g", st->probs[k] * 100.0);
        snprintf(descs[k], sizeof descs[k], "%g %% quantile (type 7), in the unit of the row",
                 st->probs[k] * 100.0);
        lead[n++] = (columns_lead){names[k], "statistic", "", names[k], names[k], descs[k]};
    }
    int ids[VAR_COUNT];
    size_t nids = 0;
    for (size_t v = 0; v < st->nvars; v++)
        ids[nids++] = st->vars[v];
    for (size_t k = 0; k < nu; k++) {
        int dup = 0;
        for (size_t j = 0; j < nids; j++)
            dup |= ids[j] == uncertain[k];
        if (!dup && nids < VAR_COUNT)
            ids[nids++] = uncertain[k];
    }
    sim_error err;
    columns_write_doc(f, prov, lead, n, ids, nids, &err);
    free(prov);
}

/* Every sample's drawn inputs, once: sample,INPUT... */
static void mc_write_draws(FILE *f, const study_opts *o, const scenario *sc,
                           const char *scenario_arg, const scenario_sources *src,
                        const mc_study *st, const mc_bands *b,
                           const int *uncertain, size_t nu)
{
    mc_manifest(f, o, sc, scenario_arg, src, st, uncertain, nu);
    fputs("sample", f);
    for (size_t k = 0; k < nu; k++) {
        fputc(',', f);
        output_csv_field(f, var_table[uncertain[k]].name);
    }
    fputc('\n', f);
    size_t stride = nu + b->rows * b->nvars;
    for (size_t i = 0; i < st->samples; i++) {
        const double *x = b->samples + i * stride;
        fprintf(f, "%zu", i);
        for (size_t k = 0; k < nu; k++) {
            fputc(',', f);
            study_number(f, x[k]);
        }
        fputc('\n', f);
    }
}

/* Every sample's outputs at each report year: sample,year,VAR... */
static void mc_write_sample_outputs(FILE *f, const study_opts *o, const scenario *sc,
                                    const char *scenario_arg, const scenario_sources *src,
                        const mc_study *st,
                                    const mc_bands *b, const int *uncertain, size_t nu)
{
    mc_manifest(f, o, sc, scenario_arg, src, st, uncertain, nu);
    fputs("sample,year", f);
    for (size_t v = 0; v < st->nvars; v++) {
        fputc(',', f);
        output_csv_field(f, var_table[st->vars[v]].name);
    }
    fputc('\n', f);
    size_t stride = nu + b->rows * b->nvars;
    for (size_t i = 0; i < st->samples; i++) {
        const double *x = b->samples + i * stride;
        for (size_t r = 0; r < b->rows; r++) {
            fprintf(f, "%zu,", i);
            study_number(f, b->t[r]);
            for (size_t v = 0; v < b->nvars; v++) {
                fputc(',', f);
                study_number(f, x[nu + r * b->nvars + v]);
            }
            fputc('\n', f);
        }
    }
}

static void mc_write(FILE *f, const study_opts *o, const scenario *sc, const char *scenario_arg,
                     const scenario_sources *src, const mc_study *st, const mc_bands *b, const int *uncertain, size_t nu)
{
    mc_manifest(f, o, sc, scenario_arg, src, st, uncertain, nu);
    batch_manifest_line(f, "quantiles", "type 7 (linear between order statistics)");
    fputs("variable,unit,year,mean,sd", f);
    for (size_t k = 0; k < st->nprobs; k++)
        fprintf(f, ",p%g", st->probs[k] * 100.0);
    fputc('\n', f);
    for (size_t v = 0; v < st->nvars; v++) {
        const var_desc *d = &var_table[st->vars[v]];
        for (size_t r = 0; r < b->rows; r++) {
            output_csv_field(f, d->name);
            fputc(',', f);
            output_csv_field(f, d->unit);
            fputc(',', f);
            study_number(f, b->t[r]);
            const double *cell = b->stats + (r * b->nvars + v) * b->width;
            for (size_t k = 0; k < b->width; k++) {
                fputc(',', f);
                study_number(f, cell[k]);
            }
            fputc('\n', f);
        }
    }
}

int mc_command(int argc, char **argv, pool_exec *ex_in)
{
    static const args_option options[] = {STUDY_OPTIONS, {"samples", 0, 1},
                                          {"quantiles", 0, 1}, {"vars", 0, 1},
                                          {"draws", 0, 1}, {"sample-outputs", 0, 1},
                                          {"columns", 0, 1}};
    study_opts o;
    study_opts_init(&o);
    const char *scenario_arg = NULL, *vars_text = NULL, *quantiles = "5,25,50,75,95";
    const char *draws_path = NULL, *outs_path = NULL, *columns_path = NULL;
    double samples = -1.0;
    args a;
    args_init(&a, "mc", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        int r = study_arg("mc", usage, &a, id, &scenario_arg, &o);
        if (r == STUDY_ARG_NEXT)
            continue;
        if (r != STUDY_ARG_MINE)
            return r;
        if (id == O_SAMPLES) {
            if (!args_number("mc", "--samples", a.value, &samples))
                return CLI_USAGE;
            if (samples < 1.0 || samples != floor(samples) || samples > MC_SAMPLES_MAX)
                return args_usage("mc", "--samples must be a whole number from 1 to %.0f, "
                                  "not '%s'", MC_SAMPLES_MAX, a.value);
        } else if (id == O_QUANTILES) {
            quantiles = a.value;
        } else if (id == O_VARS) {
            vars_text = a.value;
        } else if (id == O_DRAWS) {
            draws_path = a.value;
        } else if (id == O_SAMPLE_OUTPUTS) {
            outs_path = a.value;
        } else if (id == O_COLUMNS) {
            columns_path = a.value;
        }
    }
    if (scenario_arg == NULL)
        return args_usage("mc", "no scenario given");
    if (samples < 0.0)
        return args_usage("mc", "--samples N is required");
    if (study_no_stdin("mc", ex_in, scenario_arg) != CLI_OK)
        return CLI_USAGE;
    if (draws_path != NULL && (strcmp(draws_path, "-") == 0 ||
                               (o.output != NULL && strcmp(draws_path, o.output) == 0)))
        return args_usage("mc", "--draws needs a file of its own, not '%s'", draws_path);
    if (outs_path != NULL &&
        (strcmp(outs_path, "-") == 0 || (o.output != NULL && strcmp(outs_path, o.output) == 0) ||
         (draws_path != NULL && strcmp(outs_path, draws_path) == 0)))
        return args_usage("mc", "--sample-outputs needs a file of its own, not '%s'", outs_path);
    if (columns_path != NULL &&
        (strcmp(columns_path, "-") == 0 ||
         (o.output != NULL && strcmp(columns_path, o.output) == 0) ||
         (draws_path != NULL && strcmp(columns_path, draws_path) == 0) ||
         (outs_path != NULL && strcmp(columns_path, outs_path) == 0)))
        return args_usage("mc", "--columns needs a file of its own, not '%s'", columns_path);
    int keep = draws_path != NULL || outs_path != NULL;

    sim_error err;
    double probs[MC_PROBS_MAX];
    size_t nprobs = stats_parse_percentiles(quantiles, probs, MC_PROBS_MAX, &err);
    if (nprobs == 0)
        return args_usage("mc", "--quantiles: %s", err.msg);
    int vars[VAR_COUNT];
    size_t nvars = 0;
    if (vars_text != NULL) {
        if (output_parse_vars(vars_text, vars, &nvars, &err) != SIM_OK)
            return args_usage("mc", "--vars: %s", err.msg);
    } else {
        for (int i = 0; i < VAR_COUNT; i++)
            if (var_table[i].kind == VAR_INDICATOR)
                vars[nvars++] = i;
    }

    scenario sc;
    scenario_sources src = {.n = 0};
    int rc = cli_load_scenario_sources(scenario_arg, &sc, &src);
    if (rc == CLI_OK)
        rc = study_prepare("mc", &sc, &o);
    int uncertain[VAR_COUNT];
    size_t nu = sample_uncertain_vars(uncertain, VAR_COUNT);
    if (rc == CLI_OK) {
        /* Rank 0 holds every sample's draws and outputs for the quantiles
         * (and the draws file), then the bands. */
        size_t rows = study_rows(&sc, &o.run);
        double bytes = samples * (double)(nu + rows * nvars) * sizeof(double) +
                       (double)(rows * nvars * (2 + nprobs)) * sizeof(double);
        char what[160];
        snprintf(what, sizeof what, "%.0f samples of %zu inputs and %zu years x %zu variables",
                 samples, nu, rows, nvars);
        rc = study_memory("mc", &o, bytes, what);
        if (rc == CLI_OK && (ex_in == NULL || ex_in->rank == 0))
            study_memory_note("mc", &o, bytes, what);
    }
    if (!study_inputs_agree(ex_in, rc == CLI_OK))
        return rc != CLI_OK ? rc : CLI_FAIL;

    pool_exec local;
    pool_exec *ex = study_exec(ex_in, &local, &o);
    const char *inputs[] = {sc.path[0] ? sc.path : NULL};
    const char *outputs[] = {o.output, draws_path, outs_path, columns_path};
    int crc = ex->rank == 0 ? study_check_outputs(outputs, 4, inputs, 1) : CLI_OK;
    if (!ex->agree(ex, crc == CLI_OK))
        return crc != CLI_OK ? crc : CLI_FAIL;
    study_out out, draws, outs, cols;
    int opened = ex->rank != 0 || study_out_open(&out, o.output) == CLI_OK;
    if (opened && ex->rank == 0 && draws_path != NULL &&
        study_out_open(&draws, draws_path) != CLI_OK) {
        study_out_close(&out, 0);
        opened = 0;
    }
    if (opened && ex->rank == 0 && outs_path != NULL &&
        study_out_open(&outs, outs_path) != CLI_OK) {
        study_out_close(&out, 0);
        if (draws_path != NULL)
            study_out_close(&draws, 0);
        opened = 0;
    }
    if (opened && ex->rank == 0 && columns_path != NULL &&
        study_out_open(&cols, columns_path) != CLI_OK) {
        study_out_close(&out, 0);
        if (draws_path != NULL)
            study_out_close(&draws, 0);
        if (outs_path != NULL)
            study_out_close(&outs, 0);
        opened = 0;
    }
    if (!ex->agree(ex, opened))
        return CLI_FAIL;

    mc_study st = {.sc = &sc, .opts = o.run, .seed = o.seed, .samples = (size_t)samples,
                   .vars = vars, .nvars = nvars, .probs = probs, .nprobs = nprobs,
                   .keep_samples = keep};
    mc_bands bands;
    rc = mc_study_run(&st, ex, &bands, &err);
    if (ex->rank != 0)
        return rc == 0 ? CLI_OK : CLI_FAIL;
    if (rc != 0) {
        study_out_close(&out, 0);
        if (draws_path != NULL)
            study_out_close(&draws, 0);
        if (outs_path != NULL)
            study_out_close(&outs, 0);
        if (columns_path != NULL)
            study_out_close(&cols, 0);
        if (err.path[0] == '\0' && sc.path[0] != '\0')
            snprintf(err.path, sizeof err.path, "%s", sc.path);
        return study_report(&err);
    }
    mc_write(out.f, &o, &sc, scenario_arg, &src, &st, &bands, uncertain, nu);
    /* Every file whole before any is renamed, the bands last: a write
     * failure (a full disk) leaves none, not new draws beside old bands. */
    study_out *set[4];
    size_t nset = 0;
    if (columns_path != NULL) {
        mc_write_columns(cols.f, &o, &sc, scenario_arg, &src, &st, uncertain,
                         draws_path != NULL ? nu : 0);
        set[nset++] = &cols;
    }
    if (draws_path != NULL) {
        mc_write_draws(draws.f, &o, &sc, scenario_arg, &src, &st, &bands, uncertain, nu);
        set[nset++] = &draws;
    }
    if (outs_path != NULL) {
        mc_write_sample_outputs(outs.f, &o, &sc, scenario_arg, &src, &st, &bands, uncertain, nu);
        set[nset++] = &outs;
    }
    set[nset++] = &out;
    mc_bands_release(&bands);
    return study_out_close_all(set, nset, 1);
}

int cmd_mc(int argc, char **argv)
{
    return mc_command(argc, argv, NULL);
}
