/* run.h: runs the model over a scenario and collects the results.
 *
 * A runner holds the integrator and scratch space and can be reused for any
 * number of runs (one runner per thread); run_result holds the values of
 * every variable at each report time. The run restarts the integrator at each
 * lever-schedule breakpoint, so that a step change lands exactly on its year. */
#ifndef SIM_RUN_H
#define SIM_RUN_H

#include <stddef.h>

#include "sim/engine/ode.h"
#include "sim/files/scenario.h"
#include "sim/engine/status.h"
#include "sim/engine/var.h"

typedef struct run_opts {
    double from, to;   /* years to report; NAN = the scenario's start, end */
    double step;       /* report interval, years: 1 (default), 1/16 to 10; the
                          reports are from, from + step, ... and to itself;
                          for RK4 and Euler a whole number of dt */
    ode_method method; /* ODE_ADAPTIVE (default), ODE_RK4, ODE_EULER */
    double rtol;       /* adaptive: relative tolerance (default 1e-5) */
    double dt;         /* RK4 and Euler: step, years (default 1/16) */
} run_opts;

/* The defaults above. */
run_opts run_opts_default(void);

/* Checks opts (step in [1/16, 1] and positive, rtol and dt positive, from <
 * to within the scenario's years when given). */
sim_status run_opts_validate(const run_opts *opts, const scenario *sc, sim_error *err);

typedef struct run_result {
    size_t rows;   /* report times */
    size_t cap;    /* rows allocated */
    double *t;     /* rows report times, years */
    double *v;     /* rows x VAR_COUNT values, row-major */
} run_result;

void run_result_init(run_result *r);
void run_result_release(run_result *r);

/* Value of variable var at report row. */
static inline double run_value(const run_result *r, size_t row, int var)
{
    return r->v[row * (size_t)VAR_COUNT + (size_t)var];
}

/* Row of the report time closest to year, or (size_t)-1 when outside. */
size_t run_row_at(const run_result *r, double year);

typedef struct runner runner;

/* Returns NULL when out of memory. Turns GSL's aborting error handler off
 * (once per process: sim/engine/gsl_init.h). */
runner *runner_create(void);
void runner_destroy(runner *rn);

/* Runs sc with opts (NULL = defaults) into out, reusing out's memory. The
 * run starts at sc->start (the initial state the *_start parameters
 * describe: 2020's in the model table) and integrates to the
 * report end. On failure returns a status with err naming the variable and
 * the year (a NaN, an infinity or a negative stock), leaving out empty. */
sim_status runner_run(runner *rn, const scenario *sc, const run_opts *opts, run_result *out,
                      sim_error *err);

/* One-off convenience: creates a runner, runs, destroys it. */
sim_status run_scenario(const scenario *sc, const run_opts *opts, run_result *out,
                        sim_error *err);

#endif
