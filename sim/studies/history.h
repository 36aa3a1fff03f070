/* history.h: the model against the observed years. A history spec (an INI
 * file such as assets/history/fit.ini) names the scenario that runs the
 * observed years, the data file (tidy CSV year,series,value,unit,source),
 * the series to compare with the model variable each stands for, and the
 * parameters a fit may move (sim/studies/fit.h). This module loads the spec
 * and its data, runs the comparison, measures the errors per series and
 * writes one SVG chart per series.
 *
 *   [fit]
 *   scenario = ../../scenarios/history.ini   ; relative to this file
 *   data = observed.csv
 *   from = 2011                ; years whose data the errors and the fit use
 *   to = 2020
 *   [parameters]               ; NAME = fit, or NAME = PRIOR_MEAN, PRIOR_SD
 *   migration_job_response = 2, 1
 *   matching_scale = fit
 *   [series]                   ; SERIES = MODEL_VARIABLE, level|rate, SCALE, TARGET
 *   population = population, level, 1, 0.01
 *   unemployment_lfs = unemployment_rate, rate, 0.9125, 0.01
 *
 * A level is compared by its relative error, a rate by its difference (in
 * percentage points when reported); SCALE multiplies the model's value
 * before the comparison (a rule that maps the model's quantity onto the
 * data's), TARGET is the error the fit aims at, which also weights it. A
 * parameter with a prior starts the fit from its prior mean and adds the
 * residual (value - mean) / sd; one without starts from the scenario's
 * value and is free within its row's range. */
#ifndef SIM_HISTORY_H
#define SIM_HISTORY_H

#include <stdio.h>

#include "sim/engine/run.h"
#include "sim/engine/status.h"
#include "sim/files/scenario.h"

#define HISTORY_SERIES_MAX 8  /* series compared */
#define HISTORY_YEARS_MAX 64  /* data years of one series */
#define HISTORY_PARAMS_MAX 16 /* parameters a fit moves */

typedef enum history_kind {
    HISTORY_LEVEL, /* relative errors */
    HISTORY_RATE   /* differences, reported in percentage points */
} history_kind;

/* One observed series and the model variable it is compared with. */
typedef struct history_series {
    char name[64];                  /* series name in the data file */
    int var;                        /* V_ id of the model variable */
    history_kind kind;              /* how errors are measured */
    double scale;                   /* model value x scale is compared with the data */
    double target;                  /* aimed-at error: relative (levels), absolute (rates) */
    char unit[64];                  /* unit of the data */
    char source[256];               /* source of the data (its first row) */
    int n;                          /* data years */
    double year[HISTORY_YEARS_MAX]; /* increasing */
    double value[HISTORY_YEARS_MAX];
} history_series;

/* A spec with its data, filled by history_spec_load. */
typedef struct history_spec {
    char path[1024];          /* the spec file, "" when built in memory */
    char scenario_path[1024]; /* the history scenario (resolved against path) */
    char data_path[1024];     /* the data file (resolved against path) */
    double from, to;          /* years of data used by errors and fit */
    int nparams;
    int param[HISTORY_PARAMS_MAX]; /* V_ ids of the parameters and assumptions to fit */
    double prior_mean[HISTORY_PARAMS_MAX]; /* NAN: no prior */
    double prior_sd[HISTORY_PARAMS_MAX];   /* > 0 with a prior */
    int nseries;
    history_series series[HISTORY_SERIES_MAX];
} history_spec;

/* Errors of one series over the spec's years. */
typedef struct history_error {
    int n;         /* years compared */
    double mape;   /* mean absolute relative error (levels), 1 = 100 % */
    double mae;    /* mean absolute error in the data's unit */
    double bias;   /* mean signed error: relative (levels) or absolute (rates) */
} history_error;

/* Loads the spec at path and the data file it names. Errors name the file
 * and line (the spec's, or the data's). On failure spec is unspecified. */
sim_status history_spec_load(history_spec *spec, const char *path, sim_error *err);

/* Runs sc yearly from its start to spec->to (RK4, 1/16-year steps: the
 * fit's finite differences need a run that moves smoothly with the
 * parameters) into out. */
sim_status history_run(const history_spec *spec, const scenario *sc, run_result *out,
                       sim_error *err);

/* The model value compared with series s in year (scaled), NAN when the run
 * does not reach it. */
double history_model_at(const history_series *s, const run_result *r, double year);

/* Errors of each series of spec (out[spec->nseries]) for run r. */
void history_errors(const history_spec *spec, const run_result *r, history_error *out);

/* Writes the tidy comparison "year,series,model,data,unit,source" of every
 * year of run r and every series (data empty where it has none). */
sim_status history_write_csv(FILE *f, const history_spec *spec, const run_result *r,
                             sim_error *err);

/* Writes dir/<series>.svg for each series: the model's line over the run,
 * the data as points, axes in years and the data's unit, a title and a
 * source line. The directory must exist. */
sim_status history_write_charts(const history_spec *spec, const run_result *r, const char *dir,
                                sim_error *err);

#endif
