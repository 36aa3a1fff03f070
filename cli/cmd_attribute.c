/* cmd_attribute.c: `transim attribute`: how much of each key indicator's
 * change against the baseline in 2030 and 2050 (or --years) each lever accounts for, by
 * Shapley values (sim/studies/attribute.h): exact up to ATTR_EXACT_MAX changed
 * levers, from sampled join orders beyond. The coalition runs go through
 * the executor; the table or CSV is written by rank 0. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/lang.h"
#include "cli/study.h"
#include "sim/studies/attribute.h"
#include "sim/studies/batch.h"
#include "sim/files/output.h"

#define ATTR_YEARS_MAX 64

static const char usage[] =
    "usage: transim attribute SCENARIO [--baseline FILE] [--format text|csv] [--vars LIST]\n"
    "                         [--exact | --orders N] [--years LIST] [--seed S] [-j N]\n"
    "                         [-o FILE]\n"
    "\n"
    "Splits the change of each key indicator between the baseline and SCENARIO, in\n"
    "2030 and 2050 (or --years), among the levers the scenario changes (value, start or ramp),\n"
    "plus 'other_inputs' when it also changes assumptions, parameters or the budget\n"
    "cap. The split is by Shapley values: a lever's share is its effect averaged\n"
    "over every order in which the changes could be made, so interactions are\n"
    "shared fairly and the shares add up to the total change. Exact for up to 12\n"
    "changed inputs (2^k runs); beyond, estimated from N random orders, each with\n"
    "its reverse (k x N runs or fewer), which still add up exactly.\n"
    "\n"
    "  --baseline FILE     what the change is measured against (default: baseline)\n"
    "  --format F          text (default) or csv (tidy rows)\n"
    "  --vars LIST         indicators, as for `run` (default: the key indicators)\n"
    "  --exact             exact values however many inputs changed (2^k runs)\n"
    "  --orders N          join orders of the sampled estimate (default 200)\n"
    "  --lang L            labels of the text output in English (en, default) or\n"
    "                      Swedish (sv)\n"
    "  --years LIST        years to split, comma-separated and increasing\n"
    "                      (default 2030,2050)\n"
    "  -o, --output FILE   write to FILE atomically (default: standard output)\n"
    STUDY_OPTIONS_HELP;

enum { O_BASELINE = STUDY_NOPTS, O_FORMAT, O_VARS, O_EXACT, O_ORDERS, O_LANG, O_YEARS };

static int swedish; /* --lang sv: Swedish labels in the text output */

typedef struct attr_ctx {
    const scenario *base, *sc;
    const run_opts *opts;
    const int *players;
    size_t k;
    const attr_plan *plan;
    const int *vars;
    size_t nvars;
    const double *years; /* the years split, increasing */
    size_t nyears;
    study_worker *w;
} attr_ctx;

/* Block of coalition c: output (year y, var v) at y * nvars + v. */
static int attr_task(void *vctx, size_t c, unsigned worker, double *out, sim_error *err)
{
    attr_ctx *x = vctx;
    study_worker *w = &x->w[worker];
    if (study_worker_ready(w, err) != 0)
        return 1;
    attr_coalition(x->base, x->sc, x->players, x->k, x->plan->coalitions[c], &w->sc);
    sim_status st = runner_run(w->rn, &w->sc, x->opts, &w->res, err);
    if (st != SIM_OK)
        return 1;
    for (size_t y = 0; y < x->nyears; y++) {
        size_t row = run_row_at(&w->res, x->years[y]);
        int have = row != (size_t)-1 && fabs(w->res.t[row] - x->years[y]) < 1e-9;
        for (size_t v = 0; v < x->nvars; v++)
            out[y * x->nvars + v] = have ? run_value(&w->res, row, x->vars[v]) : NAN;
    }
    return 0;
}

static const char *player_name(int v)
{
    return v == ATTR_OTHER ? "other_inputs" : var_table[v].name;
}

typedef struct attr_table {
    const attr_ctx *x;
    const double *worth;  /* n_coalitions x (nyears x nvars) */
    double *phi;          /* nyears x nvars x k */
    double *se;           /* their standard errors (0 when exact) */
} attr_table;

static double attr_value(const attr_table *t, uint32_t mask, size_t y, size_t v)
{
    size_t c = attr_plan_find(t->x->plan, mask);
    return t->worth[c * t->x->nyears * t->x->nvars + y * t->x->nvars + v];
}

static void attr_write_csv(FILE *f, const attr_table *t)
{
    const attr_ctx *x = t->x;
    uint32_t all = x->k ? (uint32_t)((1ull << x->k) - 1) : 0;
    fputs("indicator,unit,year,baseline,scenario,change,lever,contribution,share,se\n", f);
    for (size_t v = 0; v < x->nvars; v++) {
        const var_desc *d = &var_table[x->vars[v]];
        for (size_t y = 0; y < x->nyears; y++) {
            double b = attr_value(t, 0, y, v), s = attr_value(t, all, y, v);
            if (isnan(b))
                continue;
            for (size_t i = 0; i < x->k; i++) {
                double p = t->phi[(y * x->nvars + v) * x->k + i];
                output_csv_field(f, d->name);
                fputc(',', f);
                output_csv_field(f, d->unit);
                fputc(',', f);
                study_number(f, x->years[y]);
                fputc(',', f);
                study_number(f, b);
                fputc(',', f);
                study_number(f, s);
                fputc(',', f);
                study_number(f, s - b);
                fprintf(f, ",%s,", player_name(x->players[i]));
                study_number(f, p);
                fputc(',', f);
                if (s != b)
                    study_number(f, p / (s - b));
                fputc(',', f);
                study_number(f, t->se[(y * x->nvars + v) * x->k + i]);
                fputc('\n', f);
            }
        }
    }
}

/* A number for the table: whole numbers with thousands separators from
 * 1,000 up, four significant digits below; a sign when `sign` is set. */
static const char *attr_format(double x, int sign, char *buf, size_t n)
{
    if (isnan(x)) {
        snprintf(buf, n, "-");
        return buf;
    }
    double a = fabs(x);
    if (a >= 1000.0 && a < 1e15) {
        char digits[32], grouped[48];
        snprintf(digits, sizeof digits, "%.0f", a);
        size_t len = strlen(digits), k = 0;
        for (size_t i = 0; i < len; i++) {
            if (i > 0 && (len - i) % 3 == 0)
                grouped[k++] = ',';
            grouped[k++] = digits[i];
        }
        grouped[k] = '\0';
        snprintf(buf, n, "%s%s", x < 0 ? "-" : sign ? "+" : "", grouped);
    } else if (a < 5e-13) {
        snprintf(buf, n, "0");
    } else {
        snprintf(buf, n, sign ? "%+.4g" : "%.4g", x);
    }
    return buf;
}

static void attr_write_text(FILE *f, const attr_table *t)
{
    char num[64], err[64];
    const attr_ctx *x = t->x;
    /* A sampled estimate shows its standard error beside each value. */
    int sampled = !x->plan->exact;
    int colw = sampled ? 31 : 20;
    uint32_t all = x->k ? (uint32_t)((1ull << x->k) - 1) : 0;
    for (size_t v = 0; v < x->nvars; v++) {
        const var_desc *d = &var_table[x->vars[v]];
        fprintf(f, "\n%s (%s, %s)\n", cli_label(d, swedish), d->name, d->unit);
        fprintf(f, "  %-32s", "");
        for (size_t y = 0; y < x->nyears; y++)
            fprintf(f, " %*g", colw, x->years[y]);
        fputc('\n', f);
        static const char *const rows[] = {"baseline", "scenario", "change"};
        for (size_t r = 0; r < 3; r++) {
            fprintf(f, "  %-32s", rows[r]);
            for (size_t y = 0; y < x->nyears; y++) {
                double b = attr_value(t, 0, y, v), s = attr_value(t, all, y, v);
                double z = r == 0 ? b : r == 1 ? s : s - b;
                fprintf(f, " %*s", colw, attr_format(z, r == 2, num, sizeof num));
            }
            fputc('\n', f);
        }
        for (size_t i = 0; i < x->k; i++) {
            fprintf(f, "    %-30s", player_name(x->players[i]));
            for (size_t y = 0; y < x->nyears; y++) {
                double b = attr_value(t, 0, y, v), s = attr_value(t, all, y, v);
                double p = t->phi[(y * x->nvars + v) * x->k + i];
                attr_format(p, 1, num, sizeof num);
                if (sampled) {
                    err[0] = '\0';
                    strcat(err, "\u00b1");
                    double e = t->se[(y * x->nvars + v) * x->k + i];
                    if (e < 1000.0) /* two significant digits suffice for an error */
                        snprintf(err + strlen(err), sizeof err - strlen(err), "%.2g", e);
                    else
                        attr_format(e, 0, err + strlen(err), sizeof err - strlen(err));
                    /* pad by characters, not bytes: the sign is two bytes */
                    fprintf(f, " %13s %-*s", num, 10 + (int)strlen("\u00b1") - 1, err);
                }
                if (isnan(b)) {
                    fprintf(f, sampled ? " %6s" : " %20s", "-");
                } else if (s != b) {
                    double pct = 100.0 * p / (s - b);
                    if (sampled)
                        fprintf(f, " %5.0f%%", fabs(pct) < 0.5 ? 0.0 : pct);
                    else
                        fprintf(f, " %13s %5.0f%%", num, fabs(pct) < 0.5 ? 0.0 : pct);
                } else {
                    if (sampled)
                        fprintf(f, " %6s", "");
                    else
                        fprintf(f, " %13s %6s", num, "");
                }
            }
            fputc('\n', f);
        }
    }
}

int attribute_command(int argc, char **argv, pool_exec *ex_in)
{
    static const args_option options[] = {STUDY_OPTIONS,        {"baseline", 0, 1},
                                          {"format", 0, 1},     {"vars", 0, 1},
                                          {"exact", 0, 0},      {"orders", 0, 1},
                                          {"lang", 0, 1},       {"years", 0, 1}};
    study_opts o;
    study_opts_init(&o);
    const char *scenario_arg = NULL, *base_arg = "baseline", *vars_text = NULL;
    int csv = 0, exact = 0;
    double orders = 200.0;
    double years[ATTR_YEARS_MAX] = {2030.0, 2050.0};
    size_t nyears = 2;
    args a;
    args_init(&a, "attribute", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        int r = study_arg("attribute", usage, &a, id, &scenario_arg, &o);
        if (r == STUDY_ARG_NEXT)
            continue;
        if (r != STUDY_ARG_MINE)
            return r;
        if (id == O_BASELINE) {
            base_arg = a.value;
        } else if (id == O_FORMAT) {
            if (strcmp(a.value, "csv") == 0)
                csv = 1;
            else if (strcmp(a.value, "text") != 0)
                return args_usage("attribute", "unknown format '%s' (text or csv)", a.value);
        } else if (id == O_LANG) {
            if (!cli_lang("attribute", a.value, &swedish))
                return CLI_USAGE;
        } else if (id == O_VARS) {
            vars_text = a.value;
        } else if (id == O_EXACT) {
            exact = 1;
        } else if (id == O_ORDERS) {
            if (!args_number("attribute", "--orders", a.value, &orders))
                return CLI_USAGE;
            if (orders < 1.0 || orders != floor(orders) || orders > 1e7)
                return args_usage("attribute", "--orders must be a whole number from 1 to "
                                  "10000000, not '%s'", a.value);
            exact = -1;
        } else if (id == O_YEARS) {
            if (!args_years("attribute", a.value, years, ATTR_YEARS_MAX, &nyears))
                return CLI_USAGE;
        }
    }
    if (scenario_arg == NULL)
        return args_usage("attribute", "no scenario given");
    if (study_no_stdin("attribute", ex_in, scenario_arg) != CLI_OK ||
        study_no_stdin("attribute", ex_in, base_arg) != CLI_OK)
        return CLI_USAGE;

    sim_error err;
    int vars[VAR_COUNT];
    size_t nvars = 0;
    if (study_vars("attribute", vars_text, vars, &nvars) != CLI_OK)
        return CLI_USAGE;

    scenario base, sc;
    scenario_sources *srcs = calloc(2, sizeof *srcs); /* the scenario's, the baseline's */
    if (srcs == NULL)
        return cli_error("out of memory");
    int lrc = cli_load_scenario_sources(base_arg, &base, &srcs[1]);
    if (lrc == CLI_OK)
        lrc = cli_load_scenario_sources(scenario_arg, &sc, &srcs[0]);
    if (lrc == CLI_OK)
        lrc = study_prepare("attribute", &sc, &o);
    if (!study_inputs_agree(ex_in, lrc == CLI_OK)) {
        free(srcs);
        return lrc != CLI_OK ? lrc : CLI_FAIL;
    }

    if (lrc == CLI_OK) {
        /* A run that reports none of the years would give a table of
         * dashes. */
        double from = isnan(o.run.from) ? sc.start : o.run.from;
        double to = isnan(o.run.to) ? sc.end : o.run.to;
        size_t inside = 0;
        for (size_t y = 0; y < nyears; y++)
            inside += years[y] >= from - 1e-9 && years[y] <= to + 1e-9;
        if (inside == 0)
            lrc = args_usage("attribute", "none of the years split (%s) lies within the "
                             "reported years %g-%g; nothing to attribute",
                             nyears == 2 && years[0] == 2030.0 && years[1] == 2050.0
                                 ? "2030, 2050" : "--years",
                             from, to);
    }
    if (!study_inputs_agree(ex_in, lrc == CLI_OK)) {
        free(srcs);
        return lrc != CLI_OK ? lrc : CLI_FAIL;
    }

    int players[ATTR_PLAYERS_MAX + 1];
    size_t k = attr_players(&base, &sc, players);
    attr_plan plan;
    if (attr_plan_init(&plan, k, exact, (size_t)orders, o.seed, &err) != SIM_OK) {
        free(srcs);
        return cli_report(&err);
    }
    attr_ctx x = {.base = &base, .sc = &sc, .opts = &o.run, .players = players, .k = k,
                  .plan = &plan, .vars = vars, .nvars = nvars, .years = years,
                  .nyears = nyears};

    pool_exec local;
    pool_exec *ex = study_exec(ex_in, &local, &o);
    unsigned nw = ex->workers ? ex->workers : 1;
    size_t width = nyears * nvars;
    x.w = study_workers_create(nw);
    double *worth = malloc(plan.n_coalitions * width * sizeof *worth + 1);
    double *phi = malloc(width * (k ? k : 1) * sizeof *phi);
    double *se = malloc(width * (k ? k : 1) * sizeof *se);
    int rc = CLI_OK;
    if (x.w == NULL || worth == NULL || phi == NULL || se == NULL)
        rc = cli_error("out of memory for %zu runs", plan.n_coalitions);

    if (rc == CLI_OK) {
        char what[160];
        snprintf(what, sizeof what, "%zu runs of %zu indicators", plan.n_coalitions, nvars);
        rc = study_memory("attribute", &o,
                          (double)plan.n_coalitions * (double)width * sizeof(double), what);
    }
    study_out out;
    const char *inputs[] = {sc.path[0] ? sc.path : NULL, base.path[0] ? base.path : NULL};
    if (rc == CLI_OK && ex->rank == 0)
        rc = study_check_outputs(&o.output, 1, inputs, 2);
    if (!ex->agree(ex, rc == CLI_OK) && rc == CLI_OK)
        rc = CLI_FAIL;
    if (rc == CLI_OK) {
        int opened = ex->rank != 0 || study_out_open(&out, o.output) == CLI_OK;
        if (!ex->agree(ex, opened))
            rc = CLI_FAIL;
        else if (ex->rank != 0)
            out.f = NULL;
    }
    if (rc == CLI_OK) {
        size_t failed;
        if (ex->map(ex, plan.n_coalitions, width, attr_task, &x, worth, &err, &failed) != 0) {
            if (ex->rank == 0) {
                study_out_close(&out, 0);
                if (err.path[0] == '\0')
                    snprintf(err.path, sizeof err.path, "%s", sc.path);
                study_report(&err);
            }
            rc = CLI_FAIL;
        }
    }
    if (rc == CLI_OK && ex->rank == 0) {
        for (size_t j = 0; j < width; j++) {
            attr_shapley(&plan, worth, width, j, phi + j * (k ? k : 1));
            attr_shapley_se(&plan, worth, width, j, se + j * (k ? k : 1));
        }
        size_t reported = 0;
        for (size_t j = 0; j < width; j++)
            reported += isnan(worth[j]) ? 0u : 1u;
        if (reported == 0) {
            study_out_close(&out, 0);
            rc = cli_error("no run reported a year to split (check --years, --from, --to and "
                           "--step)");
        }
    }
    if (rc == CLI_OK && ex->rank == 0) {
        attr_table t = {.x = &x, .worth = worth, .phi = phi, .se = se};
        FILE *f = out.f;
        study_manifest(f, "attribute", &o);
        cli_scenario_provenance(f, &sc, scenario_arg, &srcs[0]);
        cli_scenario_provenance_as(f, "baseline", &base, base_arg, &srcs[1]);
        if (plan.exact)
            batch_manifest_line(f, "method", "exact Shapley values, %zu inputs, %zu runs", k,
                                plan.n_coalitions);
        else
            batch_manifest_line(f, "method",
                                "sampled Shapley values, %zu inputs, %zu join orders "
                                "(antithetic pairs), %zu runs, seed %llu",
                                k, plan.orders, plan.n_coalitions, (unsigned long long)o.seed);
        if (k == 0)
            batch_manifest_line(f, "note", "the scenario changes no lever or other input");
        if (csv)
            attr_write_csv(f, &t);
        else
            attr_write_text(f, &t);
        rc = study_out_close(&out, 1);
    }
    study_workers_destroy(x.w, nw);
    free(worth);
    free(phi);
    free(se);
    free(srcs);
    attr_plan_release(&plan);
    return rc;
}

int cmd_attribute(int argc, char **argv)
{
    return attribute_command(argc, argv, NULL);
}
