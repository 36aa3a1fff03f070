/* cmd_evidence.c: `transim evidence`: each lever alone at its policy value
 * against the baseline over 2020-2050, its cost per job-year and per tonne
 * CO2e avoided with Monte Carlo bands, beside the range the cited
 * evaluations give. The computation is sim/studies/evidence.c; this file
 * parses the arguments and writes CSV (with '#' provenance lines) or a
 * Markdown table. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/study.h"
#include "sim/studies/batch.h"
#include "sim/studies/evidence.h"
#include "sim/studies/sample.h"

#define EV_SAMPLES_DEFAULT 200
#define EV_SAMPLES_MAX 1000000.0
#define EV_FROM 2020.0
#define EV_TO 2050.0
#define EV_STEP 0.25 /* report step of the integrals, years */

static const char usage[] =
    "usage: transim evidence [SCENARIO] [--samples N] [--seed S] [--format csv|md]\n"
    "                        [-j N] [-o FILE]\n"
    "\n"
    "Sets each lever alone to its policy value (`transim list levers`) from 2020 on,\n"
    "against the baseline (SCENARIO, default the model's baseline), and writes per\n"
    "lever over 2020-2050: the cost (cumulative spending, what is taken up), the\n"
    "job-years (integral of the employment difference) and the tonnes CO2e avoided\n"
    "(integral of the emissions difference), the cost per job-year and per tonne\n"
    "with 5-95 % Monte Carlo bands over the uncertain inputs, the range the cited\n"
    "evaluations give, and a verdict: within, below (cheaper than the evidence),\n"
    "above (dearer, or no gain) or n/a, with the reasons for a figure outside.\n"
    "\n"
    "  --samples N         Monte Carlo samples (default 200; 0: central figures only)\n"
    "  --format F          csv (default) or md (a Markdown table for docs/evidence.md)\n"
    "  -o, --output FILE   write to FILE atomically (default: standard output)\n"
    STUDY_OPTIONS_HELP
    "\n"
    "The integrals use report times a quarter-year apart (--step to change) and the\n"
    "years 2020 to 2050 (--from, --to). Sample i draws as sample i of `transim mc`\n"
    "with the same seed; the output is the same bytes for any -j.\n";

enum { O_SAMPLES = STUDY_NOPTS, O_FORMAT };

/* A cost per unit in kSEK (job-years) or SEK (tonnes) for Markdown. */
static void md_cost(FILE *f, double sek, double scale)
{
    if (isnan(sek))
        fputs("no gain", f);
    else if (isinf(sek))
        fputs("no gain", f);
    else
        fprintf(f, "%.0f", sek * scale);
}

static void md_range(FILE *f, int has, double lo, double hi, double scale)
{
    if (!has) {
        fputs("n/a", f);
        return;
    }
    fprintf(f, "%.0f-%.0f", lo * scale, hi * scale);
}

static void md_band(FILE *f, double lo, double hi, double scale)
{
    if (isnan(lo)) {
        fputs("-", f);
        return;
    }
    md_cost(f, lo, scale);
    fputs(" to ", f);
    md_cost(f, hi, scale);
}

static void md_text(FILE *f, const char *s)
{
    for (; s != NULL && *s; s++) {
        if (*s == '|')
            fputc('\\', f);
        fputc(*s, f);
    }
}

static void write_md(FILE *f, const evidence_study *st, const evidence_result *r)
{
    fprintf(f, "| Lever | Policy | Cost, MSEK | Job-years | kSEK per job-year (5-95 %%) | "
               "Evidence, kSEK | Verdict | kt CO2e avoided | SEK per t (5-95 %%) | "
               "Evidence, SEK/t | Verdict | Why outside |\n"
               "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < r->rows; i++) {
        const evidence_row *w = &r->row[i];
        const var_desc *d = &var_table[w->lever];
        fprintf(f, "| `%s` | %g | %.0f | %.0f | ", d->name, w->value, w->cost, w->job_years);
        md_cost(f, w->per_job, 1e-3);
        fputs(" (", f);
        md_band(f, w->per_job_lo, w->per_job_hi, 1e-3);
        fputs(") | ", f);
        md_range(f, var_has_job_evidence(d), d->ev_job_lo, d->ev_job_hi, 1e-3);
        fprintf(f, " | %s | %.1f | ", evidence_verdict_name(w->job_verdict), w->avoided * 1e-3);
        md_cost(f, w->per_t, 1.0);
        fputs(" (", f);
        md_band(f, w->per_t_lo, w->per_t_hi, 1.0);
        fputs(") | ", f);
        md_range(f, var_has_t_evidence(d), d->ev_t_lo, d->ev_t_hi, 1.0);
        fprintf(f, " | %s | ", evidence_verdict_name(w->t_verdict));
        md_text(f, w->why);
        fputs(" |\n", f);
    }
    fprintf(f, "\nEach lever alone at its policy value from %g against the baseline, %g-%g; "
               "bands over %zu Monte Carlo samples (seed %llu). \"no gain\": no job-years or "
               "no emissions avoided at that point.\n",
            r->from, r->from, r->to, st->samples, (unsigned long long)st->seed);
}

static void csv_num(FILE *f, double x)
{
    fputc(',', f);
    if (isinf(x))
        fputs("inf", f);
    else if (!isnan(x))
        study_number(f, x);
}

static void write_csv(FILE *f, const study_opts *o, const scenario *sc, const char *scenario_arg,
                      const evidence_study *st, const evidence_result *r)
{
    study_manifest(f, "evidence", o);
    batch_manifest_line(f, "scenario", "%s (%s)", sc->path[0] ? sc->path : scenario_arg, sc->name);
    batch_manifest_line(f, "seed", "%llu", (unsigned long long)st->seed);
    batch_manifest_line(f, "samples", "%zu", st->samples);
    batch_manifest_line(f, "years", "%g to %g, each lever alone from %g", r->from, r->to, r->from);
    batch_manifest_line(f, "bands", "p%g and p%g, as reciprocals of the effect per MSEK",
                        st->p_lo * 100.0, st->p_hi * 100.0);
    fputs("lever,policy,cost_msek,allocated_msek,job_years,sek_per_job_year,"
          "sek_per_job_year_p5,sek_per_job_year_p95,ev_sek_per_job_year_lo,"
          "ev_sek_per_job_year_hi,verdict_jobs,t_co2e_avoided,sek_per_t,sek_per_t_p5,"
          "sek_per_t_p95,ev_sek_per_t_lo,ev_sek_per_t_hi,verdict_co2e,ev_source,why\n",
          f);
    for (size_t i = 0; i < r->rows; i++) {
        const evidence_row *w = &r->row[i];
        const var_desc *d = &var_table[w->lever];
        output_csv_field(f, d->name);
        csv_num(f, w->value);
        csv_num(f, w->cost);
        csv_num(f, w->allocated);
        csv_num(f, w->job_years);
        csv_num(f, w->per_job);
        csv_num(f, w->per_job_lo);
        csv_num(f, w->per_job_hi);
        csv_num(f, var_has_job_evidence(d) ? d->ev_job_lo : NAN);
        csv_num(f, var_has_job_evidence(d) ? d->ev_job_hi : NAN);
        fprintf(f, ",%s", evidence_verdict_name(w->job_verdict));
        csv_num(f, w->avoided);
        csv_num(f, w->per_t);
        csv_num(f, w->per_t_lo);
        csv_num(f, w->per_t_hi);
        csv_num(f, var_has_t_evidence(d) ? d->ev_t_lo : NAN);
        csv_num(f, var_has_t_evidence(d) ? d->ev_t_hi : NAN);
        fprintf(f, ",%s,", evidence_verdict_name(w->t_verdict));
        output_csv_field(f, d->ev_source != NULL ? d->ev_source : "");
        fputc(',', f);
        output_csv_field(f, w->why);
        fputc('\n', f);
    }
}

int evidence_command(int argc, char **argv, pool_exec *ex_in)
{
    static const args_option options[] = {STUDY_OPTIONS, {"samples", 0, 1}, {"format", 0, 1}};
    study_opts o;
    study_opts_init(&o);
    o.run.from = EV_FROM;
    o.run.to = EV_TO;
    o.run.step = EV_STEP;
    const char *scenario_arg = NULL;
    double samples = EV_SAMPLES_DEFAULT;
    int md = 0;
    args a;
    args_init(&a, "evidence", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        int r = study_arg("evidence", usage, &a, id, &scenario_arg, &o);
        if (r == STUDY_ARG_NEXT)
            continue;
        if (r != STUDY_ARG_MINE)
            return r;
        if (id == O_SAMPLES) {
            if (!args_number("evidence", "--samples", a.value, &samples))
                return CLI_USAGE;
            if (samples < 0.0 || samples != floor(samples) || samples > EV_SAMPLES_MAX)
                return args_usage("evidence", "--samples must be a whole number from 0 to %.0f, "
                                  "not '%s'", EV_SAMPLES_MAX, a.value);
        } else if (id == O_FORMAT) {
            if (strcmp(a.value, "md") == 0)
                md = 1;
            else if (strcmp(a.value, "csv") == 0)
                md = 0;
            else
                return args_usage("evidence", "unknown format '%s' (csv or md)", a.value);
        }
    }

    scenario sc;
    int rc = CLI_OK;
    if (scenario_arg != NULL)
        rc = cli_load_scenario(scenario_arg, &sc);
    else
        scenario_init(&sc);
    if (rc == CLI_OK)
        rc = study_prepare("evidence", &sc, &o);
    if (!study_inputs_agree(ex_in, rc == CLI_OK))
        return rc != CLI_OK ? rc : CLI_FAIL;

    pool_exec local;
    pool_exec *ex = study_exec(ex_in, &local, &o);
    study_out out;
    int opened = ex->rank != 0 || study_out_open(&out, o.output) == CLI_OK;
    if (!ex->agree(ex, opened))
        return CLI_FAIL;

    evidence_study st = {.base = &sc, .opts = o.run, .seed = o.seed,
                         .samples = (size_t)samples, .p_lo = 0.05, .p_hi = 0.95};
    static evidence_result res;
    sim_error err;
    rc = evidence_study_run(&st, ex, &res, &err);
    if (ex->rank != 0)
        return rc == 0 ? CLI_OK : CLI_FAIL;
    if (rc != 0) {
        study_out_close(&out, 0);
        return study_report(&err);
    }
    if (md)
        write_md(out.f, &st, &res);
    else
        write_csv(out.f, &o, &sc, scenario_arg != NULL ? scenario_arg : "baseline", &st, &res);
    return study_out_close(&out, 1);
}

int cmd_evidence(int argc, char **argv)
{
    return evidence_command(argc, argv, NULL);
}
