/* evidence.c: each lever alone at its policy value against the baseline,
 * with Monte Carlo bands, beside the evidence range of the model table.
 *
 * The work is (1 + samples) x (LEVER_COUNT + 1) runs: for each sample (0 is
 * the central one, j >= 1 is Monte Carlo draw j - 1) the baseline and each
 * lever alone. Run i writes EV_WIDTH figures; the costs per unit are formed
 * from them afterwards, on rank 0. The bands are taken on the effect per
 * MSEK (job-years or tonnes per MSEK), which is well behaved when a draw
 * gains nothing, and turned into costs per unit by their reciprocal (a
 * monotone map, so the 5 % point of the cost is the 95 % point of the
 * effect). */
#include "sim/studies/evidence.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "sim/model/model.h"
#include "sim/studies/sample.h"
#include "sim/studies/stats.h"

/* The figures of one run. */
enum {
    EV_COST,      /* spend_cumulative(to) - spend_cumulative(from), MSEK */
    EV_EMPLOYMENT, /* integral of employment, person-years */
    EV_EMISSIONS, /* integral of emissions_total, kt */
    EV_UNUSED,    /* integral of spend_unused, MSEK */
    EV_EMP_END,   /* employment in the last year, persons */
    EV_WIDTH
};

#define EV_RUNS (LEVER_COUNT + 1) /* runs per sample: the baseline, then each lever */

/* One worker thread's state, made on its own thread and padded apart. */
typedef struct ev_worker {
    runner *rn;
    run_result res;
    gsl_rng *rng;
    scenario drawn, sc;
    char pad[128];
} ev_worker;

typedef struct ev_ctx {
    const evidence_study *s;
    double from, to;
    run_opts opts;
    int uncertain[VAR_COUNT];
    size_t n_uncertain;
    ev_worker *w;
} ev_ctx;

const char *evidence_verdict_name(evidence_verdict v)
{
    switch (v) {
    case EVIDENCE_WITHIN: return "within";
    case EVIDENCE_BELOW: return "below";
    case EVIDENCE_ABOVE: return "above";
    case EVIDENCE_NA: break;
    }
    return "n/a";
}

void evidence_scenario(const scenario *base, int lever, double value, double from,
                       scenario *out)
{
    *out = *base;
    out->value[lever] = value;
    out->lever_start[lever] = from;
    out->lever_ramp[lever] = 0.0;
    out->set[lever] = 1;
}

double evidence_integral(const run_result *r, int var, double from, double to)
{
    double sum = 0.0;
    for (size_t i = 1; i < r->rows; i++) {
        double a = r->t[i - 1], b = r->t[i];
        if (a < from - 1e-9 || b > to + 1e-9)
            continue;
        sum += 0.5 * (b - a) * (run_value(r, i - 1, var) + run_value(r, i, var));
    }
    return sum;
}

static int ev_task(void *vctx, size_t index, unsigned worker, double *out, sim_error *err)
{
    ev_ctx *c = vctx;
    ev_worker *w = &c->w[worker];
    const evidence_study *s = c->s;
    if (w->rn == NULL && (w->rn = runner_create()) == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    if (w->rng == NULL && (w->rng = gsl_rng_alloc(gsl_rng_mt19937)) == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    size_t sample = index / EV_RUNS, k = index % EV_RUNS;
    w->drawn = *s->base;
    if (sample > 0)
        sample_mc_draw(&w->drawn, c->uncertain, c->n_uncertain, w->rng, s->seed, sample - 1,
                       NULL);
    if (k > 0) {
        int lever = var_lever_ids[k - 1];
        evidence_scenario(&w->drawn, lever, var_table[lever].policy, c->from, &w->sc);
    } else {
        w->sc = w->drawn;
    }
    sim_status st = runner_run(w->rn, &w->sc, &c->opts, &w->res, err);
    if (st != SIM_OK) {
        sim_error inner = *err;
        sim_error_set(err, st, NULL, 0, "%s%s, %s%zu of seed %llu: %s",
                      k > 0 ? "lever " : "the baseline",
                      k > 0 ? var_table[var_lever_ids[k - 1]].name : "",
                      sample > 0 ? "sample " : "central run", sample > 0 ? sample - 1 : 0,
                      (unsigned long long)s->seed, sim_error_nested(&inner));
        return 1;
    }
    const run_result *r = &w->res;
    size_t first = run_row_at(r, c->from), last = run_row_at(r, c->to);
    if (first == (size_t)-1 || last == (size_t)-1)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "the run does not report %g and %g",
                             c->from, c->to) != SIM_OK;
    out[EV_COST] = run_value(r, last, V_SPEND_CUM) - run_value(r, first, V_SPEND_CUM);
    out[EV_EMPLOYMENT] = evidence_integral(r, V_EMPLOYMENT, c->from, c->to);
    out[EV_EMISSIONS] = evidence_integral(r, V_EMISSIONS_TOTAL, c->from, c->to);
    out[EV_UNUSED] = evidence_integral(r, V_SPEND_UNUSED, c->from, c->to);
    out[EV_EMP_END] = run_value(r, last, V_EMPLOYMENT);
    return 0;
}

/* Effect per MSEK of a lever run against its baseline run. */
static double ev_per_msek(double effect, double cost)
{
    if (cost > 0.0)
        return effect / cost;
    return effect > 0.0 ? 1e300 : effect < 0.0 ? -1e300 : 0.0;
}

/* The Monte Carlo band of the cost per unit (SEK) from the effects per MSEK
 * of the samples (reordered). unit_scale turns effect units into the unit
 * of the cost (1 for job-years, 1000 for kt to t). */
static void ev_band(double *eff, size_t n, const evidence_study *s, double unit_scale,
                    double *lo, double *hi)
{
    if (n == 0) {
        *lo = *hi = NAN;
        return;
    }
    double probs[2] = {s->p_lo, s->p_hi}, q[2];
    stats_quantiles(eff, n, probs, 2, q);
    /* The cheapest 5 % of costs are the largest 5 % of effects per MSEK. */
    *lo = q[1] > 0.0 ? 1e6 / (q[1] * unit_scale) : INFINITY;
    *hi = q[0] > 0.0 ? 1e6 / (q[0] * unit_scale) : INFINITY;
}

static evidence_verdict ev_verdict(int has, double gain, double per_unit, double lo, double hi)
{
    if (!has)
        return EVIDENCE_NA;
    if (!(gain > 0.0))
        return EVIDENCE_ABOVE;
    if (per_unit < lo)
        return EVIDENCE_BELOW;
    if (per_unit > hi)
        return EVIDENCE_ABOVE;
    return EVIDENCE_WITHIN;
}

/* Appends text to the row's reason, separated by "; ". */
static void ev_why(evidence_row *row, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void ev_why(evidence_row *row, const char *fmt, ...)
{
    size_t n = strlen(row->why);
    if (n + 3 >= sizeof row->why)
        return;
    if (n > 0) {
        memcpy(row->why + n, "; ", 3);
        n += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(row->why + n, sizeof row->why - n, fmt, ap);
    va_end(ap);
}

/* The value of the lever's additionality parameter "<lever>_<what>", or NAN. */
static double ev_additionality(const var_desc *d, const char *what, const scenario *base)
{
    char name[160];
    snprintf(name, sizeof name, "%s_%s", d->name, what);
    int id = var_find(name);
    return id >= 0 ? base->value[id] : NAN;
}

/* Says why a figure outside the evidence is so: the computed reasons, then
 * the table's note. */
static void ev_explain(evidence_row *row, const evidence_study *s, double from, double to)
{
    const var_desc *d = &var_table[row->lever];
    int below = row->job_verdict == EVIDENCE_BELOW || row->t_verdict == EVIDENCE_BELOW;
    int above = row->job_verdict == EVIDENCE_ABOVE || row->t_verdict == EVIDENCE_ABOVE;
    if (!below && !above)
        return;
    if (row->job_verdict == EVIDENCE_ABOVE && !(row->job_years > 0.0))
        ev_why(row, row->job_years < 0.0 ? "loses %.0f job-years" : "no employment gain",
               -row->job_years);
    if (row->t_verdict == EVIDENCE_ABOVE && !(row->avoided > 0.0))
        ev_why(row, "no emissions avoided");
    double mean_gain = row->job_years / (to - from);
    if (row->job_verdict == EVIDENCE_ABOVE && row->job_years > 0.0 &&
        row->job_gain_end > 1.5 * mean_gain)
        ev_why(row, "effect still building up in %.0f (%.0f jobs then, %.0f on average)", to,
               row->job_gain_end, mean_gain);
    if (row->allocated > 0.0 && row->cost < 0.99 * row->allocated)
        ev_why(row, "take-up %.2f: only the units used are paid for", row->cost / row->allocated);
    double dw = ev_additionality(d, "deadweight", s->base);
    double dp = ev_additionality(d, "displacement", s->base);
    if (below) {
        if (dp < 0.05)
            ev_why(row, "no displacement");
        if (dw < 0.05)
            ev_why(row, "no deadweight");
        ev_why(row, "effect per SEK above the evidence");
    }
    if ((row->job_verdict == EVIDENCE_ABOVE && row->job_years > 0.0) ||
        (row->t_verdict == EVIDENCE_ABOVE && row->avoided > 0.0)) {
        if (dw + dp > 1.0)
            ev_why(row, "deadweight %.2f and displacement %.2f", dw, dp);
        ev_why(row, "effect per SEK below the evidence");
    }
    if (d->ev_note != NULL && d->ev_note[0] != '\0')
        ev_why(row, "%s", d->ev_note);
}

static void ev_workers_free(ev_worker *w, unsigned n)
{
    if (w == NULL)
        return;
    for (unsigned i = 0; i < n; i++) {
        runner_destroy(w[i].rn);
        run_result_release(&w[i].res);
        gsl_rng_free(w[i].rng);
    }
    free(w);
}

/* Forms the rows from the runs' figures (all samples x EV_RUNS x EV_WIDTH). */
static int ev_combine(const evidence_study *s, const double *data, double from, double to,
                      evidence_result *out, sim_error *err)
{
    size_t n = s->samples;
    double *eff = malloc((n ? n : 1) * 2 * sizeof *eff);
    if (eff == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    double *eff_t = eff + (n ? n : 1);
    memset(out, 0, sizeof *out);
    out->from = from;
    out->to = to;
    out->rows = LEVER_COUNT;
    for (int l = 0; l < LEVER_COUNT; l++) {
        evidence_row *row = &out->row[l];
        const var_desc *d = &var_table[var_lever_ids[l]];
        const double *b0 = data, *x = data + (size_t)(l + 1) * EV_WIDTH;
        row->lever = var_lever_ids[l];
        row->value = d->policy;
        row->cost = x[EV_COST] - b0[EV_COST];
        row->allocated = row->cost + x[EV_UNUSED] - b0[EV_UNUSED];
        row->job_years = x[EV_EMPLOYMENT] - b0[EV_EMPLOYMENT];
        row->avoided = 1000.0 * (b0[EV_EMISSIONS] - x[EV_EMISSIONS]);
        row->job_gain_end = x[EV_EMP_END] - b0[EV_EMP_END];
        row->per_job = row->job_years > 0.0 ? row->cost * 1e6 / row->job_years : NAN;
        row->per_t = row->avoided > 0.0 ? row->cost * 1e6 / row->avoided : NAN;
        for (size_t j = 0; j < n; j++) {
            const double *bj = data + (j + 1) * EV_RUNS * EV_WIDTH;
            const double *xj = bj + (size_t)(l + 1) * EV_WIDTH;
            double cost = xj[EV_COST] - bj[EV_COST];
            eff[j] = ev_per_msek(xj[EV_EMPLOYMENT] - bj[EV_EMPLOYMENT], cost);
            eff_t[j] = ev_per_msek(bj[EV_EMISSIONS] - xj[EV_EMISSIONS], cost);
        }
        ev_band(eff, n, s, 1.0, &row->per_job_lo, &row->per_job_hi);
        ev_band(eff_t, n, s, 1000.0, &row->per_t_lo, &row->per_t_hi);
        row->job_verdict = ev_verdict(var_has_job_evidence(d), row->job_years, row->per_job,
                                      d->ev_job_lo, d->ev_job_hi);
        row->t_verdict =
            ev_verdict(var_has_t_evidence(d), row->avoided, row->per_t, d->ev_t_lo, d->ev_t_hi);
        ev_explain(row, s, from, to);
    }
    free(eff);
    return 0;
}

int evidence_study_run(const evidence_study *s, pool_exec *ex, evidence_result *out,
                       sim_error *err)
{
    ev_ctx c = {.s = s, .opts = s->opts};
    c.from = isnan(s->opts.from) ? s->base->start : s->opts.from;
    c.to = isnan(s->opts.to) ? s->base->end : s->opts.to;
    c.opts.from = c.from;
    c.opts.to = c.to;
    if (!(c.from < c.to))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "the years %g to %g are empty", c.from,
                             c.to) != SIM_OK;
    c.n_uncertain = sample_uncertain_vars(c.uncertain, VAR_COUNT);

    /* The central baseline first: a bad scenario fails before any map. */
    run_result central;
    run_result_init(&central);
    if (run_scenario(s->base, &c.opts, &central, err) != SIM_OK) {
        run_result_release(&central);
        return 1;
    }
    run_result_release(&central);

    size_t runs = (s->samples + 1) * EV_RUNS, lo, hi;
    pool_share(runs, ex->rank, ex->size, &lo, &hi);
    size_t held = ex->rank == 0 ? runs : hi - lo;
    double *data = malloc((held ? held : 1) * EV_WIDTH * sizeof *data);
    unsigned nw = ex->workers ? ex->workers : 1;
    c.w = calloc(nw, sizeof *c.w);
    int rc = 0;
    if (data == NULL || c.w == NULL)
        rc = sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory for %zu runs", runs) !=
             SIM_OK;
    for (unsigned i = 0; rc == 0 && i < nw; i++)
        run_result_init(&c.w[i].res);
    if (rc == 0) {
        size_t failed;
        rc = ex->map(ex, runs, EV_WIDTH, ev_task, &c, data, err, &failed);
    }
    ev_workers_free(c.w, nw);
    if (rc == 0 && ex->rank == 0)
        rc = ev_combine(s, data, c.from, c.to, out, err);
    free(data);
    return rc;
}
