/* cmd_run.c: `transim run`: runs one scenario headlessly and writes its
 * results as wide CSV (default), TSV, JSON or long rows, to stdout or
 * atomically to a file. Nothing is written when anything fails. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "sim/engine/run.h"
#include "sim/files/columns.h"
#include "sim/files/link.h"
#include "sim/files/output.h"
#include "sim/studies/batch.h"

static const char usage[] =
    "usage: transim run [SCENARIO | --link URL] [--set NAME=VALUE]... [--from YEAR]\n"
    "                   [--to YEAR]\n"
    "                   [--step YEARS] [--vars NAME,...] [--method adaptive|rk4|euler]\n"
    "                   [--rtol X] [--dt YEARS] [--format csv|tsv|json] [--long]\n"
    "                   [--units] [--columns FILE] [--no-header] [-o FILE]\n"
    "\n"
    "Runs SCENARIO (a scenario file, a name under scenarios/, or - for standard\n"
    "input; without one, the baseline) and writes the value of each variable at\n"
    "each report year.\n"
    "\n"
    "  --link URL         run the scenario of a link from the web version (its part\n"
    "                     after '#', e.g. '#adult_training_places=6000'); quote it\n"
    "                     in the shell\n"
    "  --set NAME=VALUE   set a lever, assumption, parameter or setting (after the\n"
    "                     file); LEVER.start=YEAR and LEVER.ramp=YEARS set its\n"
    "                     schedule; may be repeated\n"
    "  --from YEAR        first year to report (default: the scenario's start)\n"
    "  --to YEAR          last year to report (default: the scenario's end; at most\n"
    "                     2100)\n"
    "  --step YEARS       report interval, 1/16 (0.0625) to 10 (default 1); the last\n"
    "                     year is reported even when the steps miss it\n"
    "  --vars LIST        comma-separated variables or groups: key, levers, stocks,\n"
    "                     flows, auxiliaries, indicators, assumptions, parameters,\n"
    "                     settings, default, all (default: stocks, flows,\n"
    "                     auxiliaries, indicators and levers)\n"
    "  --method M         adaptive (Cash-Karp 4(5), default), rk4 or euler\n"
    "  --rtol X           relative tolerance of the adaptive method (default 1e-5)\n"
    "  --dt YEARS         step of rk4 and euler (default 1/16, at least 0.0001);\n"
    "                     --step must be a whole number of it\n"
    "  --format F         csv (default), tsv or json\n"
    "  --long             tidy rows scenario,year,variable,value,unit\n"
    "  --units            wide CSV/TSV: a second header line with the units\n"
    "                     (pandas then reads every column as text: prefer\n"
    "                     --columns)\n"
    "  --columns FILE     also write FILE, JSON describing each column: unit,\n"
    "                     labels (en, sv), display scale and unit, key flag\n"
    "                     (as `transim list --format json`), and the provenance\n"
    "  --no-header        no provenance: CSV/TSV without the '#' lines, JSON and\n"
    "                     --columns without the \"provenance\" object\n"
    "  --exact            CSV/TSV: every number in full (up to 17 digits, reading\n"
    "                     back exactly) instead of ten significant digits\n"
    "  -o, --output FILE  write to FILE (atomically: a failed run leaves no file)\n"
    "\n"
    "CSV and TSV open with '#' lines naming the program and model versions, the\n"
    "command line, the solver, and the scenario file and each file of its base\n"
    "chain with its SHA-256 (read them with pandas.read_csv(f, comment='#') or\n"
    "read.csv(f, comment.char='#')). Wide JSON holds the same as its\n"
    "\"provenance\" object (one member a line, arrays for \"base\"); long JSON, an\n"
    "array of records, has it in the --columns file. No date is written (see\n"
    "docs/batch.md): the file's modification time says when. Numbers are written\n"
    "with ten significant digits; the same scenario and options give the same\n"
    "bytes on every run.\n";

enum {
    O_SET, O_FROM, O_TO, O_STEP, O_VARS, O_METHOD, O_RTOL, O_DT, O_FORMAT, O_LONG, O_UNITS,
    O_OUTPUT, O_COLUMNS, O_NO_HEADER, O_LINK, O_EXACT
};
static const args_option options[] = {
    [O_SET] = {"set", 0, 1},       [O_FROM] = {"from", 0, 1},     [O_TO] = {"to", 0, 1},
    [O_STEP] = {"step", 0, 1},     [O_VARS] = {"vars", 0, 1},     [O_METHOD] = {"method", 0, 1},
    [O_RTOL] = {"rtol", 0, 1},     [O_DT] = {"dt", 0, 1},
    [O_FORMAT] = {"format", 0, 1}, [O_LONG] = {"long", 0, 0},     [O_UNITS] = {"units", 0, 0},
    [O_OUTPUT] = {"output", 'o', 1}, [O_COLUMNS] = {"columns", 0, 1},
    [O_NO_HEADER] = {"no-header", 0, 0},
    [O_LINK] = {"link", 0, 1}, [O_EXACT] = {"exact", 0, 0},
};

typedef struct write_ctx {
    const run_result *res;
    const output_opts *opts;
    int header;          /* 1: the '#' provenance lines first */
    int argc;            /* the command line, from "run" on */
    char **argv;
    const scenario *sc;
    const run_opts *ro;
    const char *arg;               /* the scenario as named ("link" for --link) */
    const scenario_sources *src;   /* the files it was read from */
} write_ctx;

/* Writes s as one shell word: as is when it needs no quoting, otherwise in
 * single quotes, so the command line can be pasted back into a shell. */
static void shell_word(FILE *f, const char *s)
{
    if (*s != '\0' && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                "0123456789-_./=,:+@%") == strlen(s)) {
        fputs(s, f);
        return;
    }
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", f);
        else if (*s == '\n' || *s == '\r')
            fputc(' ', f);
        else
            fputc(*s, f);
    }
    fputc('\'', f);
}

/* The provenance lines: how to reproduce the output. No date or host, so
 * the same command gives the same bytes. */
static void write_header(FILE *f, const write_ctx *w)
{
    batch_manifest(f, "run", w->ro);
    /* Where the outputs go does not change them: -o and --columns are left
     * out, so a file and standard output get the same bytes. */
    fputs("# command line: transim", f);
    int options_end = 0;
    for (int i = 0; i < w->argc; i++) {
        const char *s = w->argv[i];
        if (strcmp(s, "--") == 0)
            options_end = 1;
        /* After "--" every word is a positional, printed as it is. */
        if (!options_end) {
            if (strcmp(s, "-o") == 0 || strcmp(s, "--output") == 0 ||
                strcmp(s, "--columns") == 0) {
                i++;
                continue;
            }
            if (strncmp(s, "-o", 2) == 0 || strncmp(s, "--output=", 9) == 0 ||
                strncmp(s, "--columns=", 10) == 0)
                continue;
        }
        fputc(' ', f);
        shell_word(f, s);
    }
    fputc('\n', f);
    cli_scenario_provenance(f, w->sc, w->arg, w->src);
}

static sim_status write_result(FILE *f, void *ctx, sim_error *err)
{
    const write_ctx *w = ctx;
    return output_write(f, w->res, w->opts, err);
}

typedef struct columns_ctx {
    const int *vars;
    size_t nvars;
    int year_first;
    const char *provenance; /* '#' lines, or NULL */
} columns_ctx;

static sim_status write_columns(FILE *f, void *ctx, sim_error *err)
{
    const columns_ctx *c = ctx;
    return columns_write_doc(f, c->provenance, &COLUMNS_YEAR, c->year_first ? 1 : 0, c->vars,
                             c->nvars, err);
}

int cmd_run(int argc, char **argv)
{
    const char *scenario_name = NULL, *vars_text = NULL, *out_path = NULL, *columns_path = NULL,
               *link = NULL;
    int header = 1;
    const char *sets[256];
    size_t nsets = 0;
    run_opts ro = run_opts_default();
    output_opts oo = output_opts_default();
    int from_set = 0, to_set = 0;
    args a;
    args_init(&a, "run", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        switch (id) {
        case ARGS_HELP: fputs(usage, stdout); return CLI_OK;
        case ARGS_ERROR: return CLI_USAGE;
        case ARGS_POSITIONAL:
            if (scenario_name != NULL)
                return args_usage("run", "one scenario at a time (got '%s' and '%s')",
                                  scenario_name, a.value);
            scenario_name = a.value;
            break;
        case O_SET:
            if (nsets == sizeof sets / sizeof *sets)
                return args_usage("run", "too many --set options");
            sets[nsets++] = a.value;
            break;
        case O_FROM:
            if (!args_number("run", "--from", a.value, &ro.from))
                return CLI_USAGE;
            from_set = 1;
            break;
        case O_TO:
            if (!args_number("run", "--to", a.value, &ro.to))
                return CLI_USAGE;
            to_set = 1;
            break;
        case O_STEP:
            if (!args_number("run", "--step", a.value, &ro.step))
                return CLI_USAGE;
            break;
        case O_VARS: vars_text = a.value; break;
        case O_METHOD: {
            int m = ode_method_parse(a.value);
            if (m < 0)
                return args_usage("run", "unknown method '%s' (adaptive, rk4 or euler)",
                                  a.value);
            ro.method = (ode_method)m;
            break;
        }
        case O_RTOL:
            if (!args_number("run", "--rtol", a.value, &ro.rtol))
                return CLI_USAGE;
            break;
        case O_DT:
            if (!args_number("run", "--dt", a.value, &ro.dt) || !args_dt("run", a.value, ro.dt))
                return CLI_USAGE;
            break;
        case O_FORMAT: {
            int f = output_format_parse(a.value);
            if (f < 0)
                return args_usage("run", "unknown format '%s' (csv, tsv or json)", a.value);
            oo.format = (output_format)f;
            break;
        }
        case O_LONG: oo.long_rows = 1; break;
        case O_UNITS: oo.units = 1; break;
        case O_OUTPUT: out_path = a.value; break;
        case O_COLUMNS: columns_path = a.value; break;
        case O_NO_HEADER: header = 0; break;
        case O_LINK: link = a.value; break;
        case O_EXACT: oo.exact = 1; break;
        default: return CLI_USAGE;
        }
    }

    int vars[VAR_COUNT];
    size_t nvars = 0;
    sim_error err;
    if (vars_text != NULL) {
        if (output_parse_vars(vars_text, vars, &nvars, &err) != SIM_OK)
            return args_usage("run", "--vars: %s", err.msg);
        oo.vars = vars;
        oo.nvars = nvars;
    }

    scenario sc;
    scenario_sources sources = {.n = 0};
    scenario_sources *src = &sources;
    if (link != NULL && scenario_name != NULL)
        return args_usage("run", "a scenario or a link, not both (got '%s' and --link)",
                          scenario_name);
    if (link != NULL) {
        if (link_parse(&sc, link, &err) != SIM_OK)
            return cli_report(&err);
    } else if (scenario_name == NULL)
        scenario_init(&sc);
    else if (cli_load_scenario_sources(scenario_name, &sc, src) != CLI_OK)
        return CLI_FAIL;
    for (size_t i = 0; i < nsets; i++)
        if (scenario_set(&sc, sets[i], &err) != SIM_OK)
            return args_usage("run", "--set '%s': %s", sets[i], err.msg);
    if (!from_set)
        ro.from = NAN;
    if (!to_set)
        ro.to = NAN;
    if (run_opts_validate(&ro, &sc, &err) != SIM_OK)
        return args_usage("run", "%s", err.msg);

    const char *inputs[] = {sc.path[0] ? sc.path : NULL};
    int orc = cli_check_output(out_path, inputs, 1);
    if (orc == CLI_OK && columns_path != NULL) {
        if (strcmp(columns_path, "-") == 0 ||
            (out_path != NULL && strcmp(columns_path, out_path) == 0))
            return args_usage("run", "--columns needs a file of its own, not '%s'",
                              columns_path);
        orc = cli_check_output(columns_path, inputs, 1);
    }
    if (orc != CLI_OK)
        return orc;

    run_result res;
    run_result_init(&res);
    sim_status st = run_scenario(&sc, &ro, &res, &err);
    if (st != SIM_OK) {
        if (err.path[0] == '\0' && sc.path[0] != '\0')
            snprintf(err.path, sizeof err.path, "%s", sc.path);
        run_result_release(&res);
        return cli_report(&err);
    }
    cli_warn_budget(&sc, &res);
    oo.scenario = sc.name;
    write_ctx w = {&res, &oo, header, argc, argv, &sc, &ro,
                   link != NULL ? "link" : scenario_name != NULL ? scenario_name : "baseline", src};
    /* The provenance: '#' lines of CSV and TSV, the "provenance" object of
     * JSON and of the --columns file. */
    char *prov = NULL;
    size_t prov_len = 0;
    FILE *pf = open_memstream(&prov, &prov_len);
    if (pf == NULL) {
        run_result_release(&res);
        return cli_error("out of memory");
    }
    write_header(pf, &w);
    if (fclose(pf) != 0) {
        free(prov);
        run_result_release(&res);
        return cli_error("out of memory");
    }
    if (header)
        oo.provenance = prov;
    int status = cli_write(out_path, write_result, &w);
    if (status == CLI_OK && columns_path != NULL) {
        int defaults[VAR_COUNT];
        columns_ctx c = {oo.vars, oo.nvars, !oo.long_rows, header ? prov : NULL};
        if (c.vars == NULL) {
            c.nvars = output_default_vars(defaults, VAR_COUNT);
            c.vars = defaults;
        }
        status = cli_write(columns_path, write_columns, &c);
    }
    free(prov);
    run_result_release(&res);
    return status;
}
