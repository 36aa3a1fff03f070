/* run.c: one model run over a scenario. Integrates from the initial state
 * at the scenario's start (2020 for the baseline, 2010 for history), segment
 * by segment between report times and the breakpoints of lever schedules and
 * series, and records every variable at each report time. */
#include "sim/engine/run.h"
#include "sim/engine/gsl_init.h"
#include "sim/model/constraint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "sim/model/model.h"

#define STEP_MIN (1.0 / 16.0) /* finest report interval, years */
#define STEP_MAX 10.0         /* coarsest report interval, years */

struct runner {
    ode_solver *ode;          /* NULL until the first run, recreated when the method changes */
    ode_method method;        /* of ode */
    double rtol, dt;          /* of ode */
    const scenario *sc;       /* scenario of the run in progress */
    double t0;                /* start of integration, years */
    double phase;             /* a time inside the current segment (picks the lever piece) */
    double v[VAR_COUNT];      /* value slots */
    double y[STOCK_COUNT];    /* state */
    double y0[STOCK_COUNT];   /* initial state (a scale of the negative-stock check) */
    double below[STOCK_COUNT]; /* how far below zero each stock may end a step in
                                  this run (check_values) */
    double dydt[STOCK_COUNT]; /* scratch derivatives */
    double scale[STOCK_COUNT]; /* error scale of each stock: the largest baseline
                                  initial stock of its unit (run_stock_scales) */
    int active[LEVER_COUNT];  /* V_ ids of the levers that move in this run */
    int nactive;              /* entries of active */
    double report_t;          /* the current segment's end when it is a report time
                                 and no lever's kink, NAN otherwise */
    int reported;             /* 1 when the last evaluation was a report one at
                                 report_t, of the state y_reported */
    double y_reported[STOCK_COUNT];
};

run_opts run_opts_default(void)
{
    return (run_opts){.from = NAN, .to = NAN, .step = 1.0, .method = ODE_ADAPTIVE,
                      .rtol = 1e-5, .dt = 1.0 / 16.0};
}

sim_status run_opts_validate(const run_opts *o, const scenario *sc, sim_error *err)
{
    double from = isnan(o->from) ? sc->start : o->from;
    double to = isnan(o->to) ? sc->end : o->to;
    if (!(o->step >= STEP_MIN - 1e-12 && o->step <= STEP_MAX))
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "report step %g is outside 1/16 to %g years", o->step, STEP_MAX);
    if (!(o->rtol > 0.0 && o->rtol < 1.0))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "tolerance %g is outside (0, 1)", o->rtol);
    if (!(o->dt > 0.0 && o->dt <= 1.0))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "time step %g is outside (0, 1] years",
                             o->dt);
    if (!(sc->start >= SCENARIO_START_MIN))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "start %g is before %g", sc->start,
                             SCENARIO_START_MIN);
    if (!(from >= sc->start))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "first year %g is before the start %g",
                             from, sc->start);
    if (!(to <= SCENARIO_END_MAX))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "last year %g is after %g", to,
                             SCENARIO_END_MAX);
    if (!(from <= to))
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "first year %g is after last year %g",
                             from, to);
    if ((unsigned)o->method > ODE_EULER)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "unknown integration method");
    /* As in the fixed-step tools they are checked against, report times lie
     * on the step grid: otherwise the steps would shrink to meet them, and
     * a result would depend on how often it is reported. */
    if (o->method != ODE_ADAPTIVE) {
        double k = o->step / o->dt;
        if (fabs(k - round(k)) > 1e-9 * k)
            return sim_error_set(err, SIM_EINVAL, NULL, 0,
                                 "report step %g is not a whole number of time steps %g", o->step,
                                 o->dt);
    }
    return SIM_OK;
}

void run_result_init(run_result *r)
{
    memset(r, 0, sizeof *r);
}

void run_result_release(run_result *r)
{
    free(r->t);
    free(r->v);
    run_result_init(r);
}

size_t run_row_at(const run_result *r, double year)
{
    size_t best = (size_t)-1;
    double best_d = INFINITY;
    for (size_t i = 0; i < r->rows; i++) {
        double d = fabs(r->t[i] - year);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    if (r->rows == 0 || year < r->t[0] - 1e-9 || year > r->t[r->rows - 1] + 1e-9)
        return (size_t)-1;
    return best;
}

/* The magnitude of each stock's kind: the largest initial value, in the
 * baseline, among the stocks of the same unit (persons, firms, kt CO2e/yr,
 * shares ...), 1 where all are zero. The adaptive method's absolute
 * tolerance is rtol times this: people are counted to about two persons
 * (a few in a million of the largest stock of people), however small the
 * stock that holds them. */
static void run_stock_scales(double *scale)
{
    double y0[STOCK_COUNT];
    scenario *sc = malloc(sizeof *sc);
    if (sc == NULL) {
        for (int i = 0; i < STOCK_COUNT; i++)
            scale[i] = 1.0;
        return;
    }
    scenario_init(sc);
    double *w = malloc(VAR_COUNT * sizeof *w);
    if (w == NULL) {
        free(sc);
        for (int i = 0; i < STOCK_COUNT; i++)
            scale[i] = 1.0;
        return;
    }
    memcpy(w, sc->value, VAR_COUNT * sizeof *w);
    model_invalidate(w);
    model_init(sc->start, w, y0);
    for (int i = 0; i < STOCK_COUNT; i++) {
        double m = 0.0;
        for (int j = 0; j < STOCK_COUNT; j++)
            if (strcmp(var_table[var_stock_ids[i]].unit, var_table[var_stock_ids[j]].unit) == 0 &&
                fabs(y0[j]) > m)
                m = fabs(y0[j]);
        scale[i] = m > 0.0 && isfinite(m) ? m : 1.0;
    }
    free(w);
    free(sc);
}

runner *runner_create(void)
{
    sim_gsl_init(); /* once per process, not per thread: the handler is a global */
    runner *rn = calloc(1, sizeof(runner));
    if (rn != NULL)
        run_stock_scales(rn->scale);
    return rn;
}

void runner_destroy(runner *rn)
{
    if (rn == NULL)
        return;
    ode_destroy(rn->ode);
    free(rn);
}

/* Sets the slot of every lever that moves for time t in the schedule piece
 * containing phase, and of every assumption a series drives; the others keep
 * their value, set once per run. */
static void levers_set(runner *rn, double t, double phase)
{
    for (int i = 0; i < rn->nactive; i++) {
        int id = rn->active[i];
        rn->v[id] = scenario_lever_at(rn->sc, id, t, phase);
    }
    for (int i = 0; i < rn->sc->nseries; i++) {
        const scenario_series *s = &rn->sc->series[i];
        rn->v[s->var] = scenario_series_at(s, t, phase, rn->sc->value[s->var]);
    }
}

/* 1 when every moving lever and every series has at t, in the schedule
 * piece containing phase, the value it has from t on (right-continuous):
 * then an evaluation inside the integrator at t sees what a report at t
 * sees. Not so where a lever or a series jumps at t. */
static int levers_continuous(const runner *rn, double t, double phase)
{
    for (int i = 0; i < rn->nactive; i++) {
        int id = rn->active[i];
        if (scenario_lever_at(rn->sc, id, t, phase) != scenario_lever_at(rn->sc, id, t, t))
            return 0;
    }
    for (int i = 0; i < rn->sc->nseries; i++) {
        const scenario_series *s = &rn->sc->series[i];
        double base = rn->sc->value[s->var];
        if (scenario_series_at(s, t, phase, base) != scenario_series_at(s, t, t, base))
            return 0;
    }
    return 1;
}

/* 1 when every one of n values is finite. A sum is non-finite exactly when a
 * term is (the model's values are far from overflow); eight partial sums
 * let the compiler use vector additions. */
static int all_finite(const double *x, int n)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
        s4 += x[i + 4];
        s5 += x[i + 5];
        s6 += x[i + 6];
        s7 += x[i + 7];
    }
    for (; i < n; i++)
        s0 += x[i];
    return isfinite(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
}

/* The right-hand side. The last evaluation of a step that ends on a report
 * time is the derivative at the step's end, of the state itself (not of a
 * stage: the integrator passes rn->y): that one is evaluated as a report,
 * so that when the step is accepted the report row is already in v and
 * the run need not evaluate the model again at the same time and state. */
static int rhs(double t, const double y[], double dydt[], void *params)
{
    runner *rn = params;
    levers_set(rn, t, rn->phase);
    int report = t == rn->report_t && y == rn->y;
    model_frame f = {.t = t, .t0 = rn->t0, .y = y, .v = rn->v, .dydt = dydt,
                     .report = report, .levers = rn->active, .nlevers = rn->nactive,
                     .sc = rn->sc};
    model_eval(&f);
    rn->reported = report;
    if (report)
        memcpy(rn->y_reported, y, sizeof rn->y_reported);
    return 0; /* the integrator stops on a non-finite derivative */
}

/* Evaluates the model at report time t (levers right-continuous). */
static void evaluate_at(runner *rn, double t)
{
    levers_set(rn, t, t);
    model_frame f = {.t = t, .t0 = rn->t0, .y = rn->y, .v = rn->v, .dydt = rn->dydt,
                     .report = 1, .levers = rn->active, .nlevers = rn->nactive, .sc = rn->sc};
    model_eval(&f);
}

/* Names the first non-finite value or negative stock at time t, if any. */
static sim_status check_values(const runner *rn, double t, sim_error *err)
{
    if (!all_finite(rn->v, VAR_COUNT)) {
        for (int i = 0; i < VAR_COUNT; i++) {
            if (!isfinite(rn->v[i]))
                return sim_error_set(err, SIM_ENUMERIC, NULL, 0, "'%s' is %s in %.6g",
                                     var_table[i].name,
                                     isnan(rn->v[i]) ? "not a number" : "infinite", t);
        }
    }

    /* A stock may end a step below zero by as much as rn->below allows (set
     * for the run by runner_run); a flag over all stocks first, which the
     * compiler vectorises, then the first one below. */
    int below = 0;
    for (int s = 0; s < STOCK_COUNT; s++)
        below |= rn->y[s] < -rn->below[s];
    for (int s = 0; below && s < STOCK_COUNT; s++) {
        if (rn->y[s] < -rn->below[s])
            return sim_error_set(err, SIM_ENUMERIC, NULL, 0,
                                 "stock '%s' fell below zero (%g) in %.6g",
                                 var_table[var_stock_ids[s]].name, rn->y[s], t);
    }
    return SIM_OK;
}

static sim_status ensure_solver(runner *rn, const run_opts *o)
{
    if (rn->ode != NULL && rn->method == o->method && rn->rtol == o->rtol && rn->dt == o->dt)
        return SIM_OK;
    ode_destroy(rn->ode);
    rn->ode = ode_create(STOCK_COUNT, o->method, o->rtol, rn->scale, o->dt);
    rn->method = o->method;
    rn->rtol = o->rtol;
    rn->dt = o->dt;
    return rn->ode != NULL ? SIM_OK : SIM_ENOMEM;
}

static sim_status ensure_rows(run_result *out, size_t rows)
{
    if (out->cap >= rows)
        return SIM_OK;
    double *t = realloc(out->t, rows * sizeof *t);
    if (t == NULL)
        return SIM_ENOMEM;
    out->t = t;
    double *v = realloc(out->v, rows * (size_t)VAR_COUNT * sizeof *v);
    if (v == NULL)
        return SIM_ENOMEM;
    out->v = v;
    out->cap = rows;
    return SIM_OK;
}

/* Records the report row at t. A stock the integrator left a hair below
 * zero (check_values has refused anything beyond its tolerance) is
 * reported as 0: a count of people or firms is never negative in a
 * report. */
static void record_row(runner *rn, run_result *out, double t)
{
    out->t[out->rows] = t;
    double *row = out->v + out->rows * (size_t)VAR_COUNT;
    memcpy(row, rn->v, sizeof rn->v);
    for (int s = 0; s < STOCK_COUNT; s++)
        if (row[var_stock_ids[s]] < 0.0)
            row[var_stock_ids[s]] = 0.0;
    out->rows++;
}

sim_status runner_run(runner *rn, const scenario *sc, const run_opts *opts, run_result *out,
                      sim_error *err)
{
    run_opts o = opts != NULL ? *opts : run_opts_default();
    out->rows = 0;
    sim_status st = run_opts_validate(&o, sc, err);
    /* The joint constraints (sim/model/constraint.h): a scenario set by
     * calls, not read from a file, is refused here before it can fail in
     * the run. */
    sim_error why;
    int named[CONSTRAINT_NAMED_MAX], nnamed;
    if (st == SIM_OK && !constraint_check(sc->value, &why, named, &nnamed))
        st = sim_error_locate(err, SIM_EINVAL, sc->path[0] ? sc->path : NULL, 0, &why);
    if (st != SIM_OK)
        return st;
    double from = isnan(o.from) ? sc->start : o.from;
    double to = isnan(o.to) ? sc->end : o.to;
    /* Every step from `from`, and `to` itself when the steps do not land on it. */
    size_t nrows = (size_t)floor((to - from) / o.step + 1e-9) + 1;
    if (from + o.step * (double)(nrows - 1) < to - 1e-9)
        nrows++;
    if (ensure_solver(rn, &o) != SIM_OK || ensure_rows(out, nrows) != SIM_OK)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");

    rn->sc = sc;
    rn->t0 = sc->start;
    memcpy(rn->v, sc->value, sizeof rn->v);
    model_invalidate(rn->v); /* the calibration follows this run's values */
    rn->nactive = 0;
    for (int l = 0; l < LEVER_COUNT; l++) {
        int id = var_lever_ids[l];
        rn->v[id] = var_table[id].value;
        if (sc->value[id] != var_table[id].value)
            rn->active[rn->nactive++] = id;
    }
    levers_set(rn, rn->t0, rn->t0);
    model_init(rn->t0, rn->v, rn->y);
    memcpy(rn->y0, rn->y, sizeof rn->y);
    /* A stock may end a step below zero by as much as the solver's error
     * allows: the absolute tolerance rtol x scale of its kind (about two
     * persons at the default), or 1e-6 of its start value when that is
     * larger. A stock that starts near 0 (the trainees of a level nobody
     * trains) would otherwise fail a run at a thousandth of a person. */
    for (int s = 0; s < STOCK_COUNT; s++)
        rn->below[s] = fmax(o.rtol * rn->scale[s], 1e-6 * (1.0 + fabs(rn->y0[s])));

    ode_reset(rn->ode);
    double bps[2 * LEVER_COUNT + SCENARIO_SERIES_MAX * (SCENARIO_KNOTS_MAX + 1) + 1];
    size_t nbp = scenario_breakpoints(sc, rn->t0, to, bps, sizeof bps / sizeof *bps);
    size_t ib = 0, ir = 0;
    double t = rn->t0;
    while (ir < nrows) {
        double tr = ir == nrows - 1 ? to : from + o.step * (double)ir;
        double next = tr;
        int is_report = 1;
        if (ib < nbp && bps[ib] < tr - 1e-12) {
            next = bps[ib];
            is_report = 0;
        }
        int kink = ib < nbp && fabs(bps[ib] - next) < 1e-12;
        rn->report_t = NAN;
        rn->reported = 0;
        if (next > t) {
            rn->phase = 0.5 * (t + next);
            if (is_report && levers_continuous(rn, next, rn->phase))
                rn->report_t = next;
            st = ode_advance(rn->ode, rhs, rn, &t, next, rn->y);
            if (st != SIM_OK) {
                evaluate_at(rn, t);
                out->rows = 0;
                if (check_values(rn, t, err) != SIM_OK)
                    return SIM_ENUMERIC;
                return sim_error_set(err, SIM_ESOLVER, NULL, 0,
                                     "the integrator could not advance past %.6g", t);
            }
            t = next;
        }
        if (kink) {
            ib++;
            ode_reset(rn->ode); /* a lever's schedule has a kink here */
        }
        if (!is_report)
            continue;
        if (!(rn->reported && memcmp(rn->y_reported, rn->y, sizeof rn->y) == 0))
            evaluate_at(rn, t);
        st = check_values(rn, t, err);
        if (st != SIM_OK) {
            out->rows = 0;
            return st;
        }
        record_row(rn, out, t);
        ir++;
    }
    return SIM_OK;
}

sim_status run_scenario(const scenario *sc, const run_opts *opts, run_result *out,
                        sim_error *err)
{
    runner *rn = runner_create();
    if (rn == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
    sim_status st = runner_run(rn, sc, opts, out, err);
    runner_destroy(rn);
    return st;
}
