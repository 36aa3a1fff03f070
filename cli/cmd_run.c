/* cmd_run.c: `transim run`: runs one scenario headlessly and writes its
 * results as wide CSV (default), TSV, JSON or long rows, to stdout or
 * atomically to a file. Nothing is written when anything fails. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "sim/files/link.h"
#include "sim/files/output.h"
#include "sim/engine/run.h"

static const char usage[] =
    "usage: transim run [SCENARIO | --link URL] [--set NAME=VALUE]... [--from YEAR]\n"
    "                   [--to YEAR]\n"
    "                   [--step YEARS] [--vars NAME,...] [--method adaptive|rk4|euler]\n"
    "                   [--rtol X] [--dt YEARS] [--format csv|tsv|json] [--long]\n"
    "                   [--units] [-o FILE]\n"
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
    "  --rtol X           relative tolerance of the adaptive method (default 1e-6)\n"
    "  --dt YEARS         step of rk4 and euler (default 1/16, at least 0.0001);\n"
    "                     --step must be a whole number of it\n"
    "  --format F         csv (default), tsv or json\n"
    "  --long             tidy rows scenario,year,variable,value,unit\n"
    "  --units            wide CSV/TSV: a second header line with the units\n"
    "  --exact            CSV/TSV: every number in full (up to 17 digits, reading\n"
    "                     back exactly) instead of ten significant digits\n"
    "  -o, --output FILE  write to FILE (atomically: a failed run leaves no file)\n"
    "\n"
    "Numbers are written with ten significant digits; the same scenario and\n"
    "options give the same bytes on every run.\n";

enum {
    O_SET, O_FROM, O_TO, O_STEP, O_VARS, O_METHOD, O_RTOL, O_DT, O_FORMAT, O_LONG, O_UNITS,
    O_OUTPUT, O_LINK, O_EXACT
};
static const args_option options[] = {
    [O_SET] = {"set", 0, 1},       [O_FROM] = {"from", 0, 1},     [O_TO] = {"to", 0, 1},
    [O_STEP] = {"step", 0, 1},     [O_VARS] = {"vars", 0, 1},     [O_METHOD] = {"method", 0, 1},
    [O_RTOL] = {"rtol", 0, 1},     [O_DT] = {"dt", 0, 1},
    [O_FORMAT] = {"format", 0, 1}, [O_LONG] = {"long", 0, 0},     [O_UNITS] = {"units", 0, 0},
    [O_OUTPUT] = {"output", 'o', 1}, [O_LINK] = {"link", 0, 1},
    [O_EXACT] = {"exact", 0, 0},
};

typedef struct write_ctx {
    const run_result *res;
    const output_opts *opts;
} write_ctx;

static sim_status write_result(FILE *f, void *ctx, sim_error *err)
{
    const write_ctx *w = ctx;
    return output_write(f, w->res, w->opts, err);
}

int cmd_run(int argc, char **argv)
{
    const char *scenario_name = NULL, *vars_text = NULL, *out_path = NULL, *link = NULL;
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
    if (link != NULL && scenario_name != NULL)
        return args_usage("run", "a scenario or a link, not both (got '%s' and --link)",
                          scenario_name);
    if (link != NULL) {
        if (link_parse(&sc, link, &err) != SIM_OK)
            return cli_report(&err);
    } else if (scenario_name == NULL)
        scenario_init(&sc);
    else if (cli_load_scenario(scenario_name, &sc) != CLI_OK)
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
    write_ctx w = {&res, &oo};
    int status = cli_write(out_path, write_result, &w);
    run_result_release(&res);
    return status;
}
