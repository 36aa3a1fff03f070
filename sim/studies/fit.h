/* fit.h: estimating parameters from history by weighted nonlinear least
 * squares (GSL's gsl_multifit_nlinear, trust region with geodesic
 * acceleration, finite-difference Jacobian).
 *
 * The residuals are the errors of sim/studies/history.h: a level's relative
 * error, a rate's difference, each year's divided by its series' TARGET (a
 * year's error is measured in units of the error aimed at) and by the square
 * root of the series' years over the mean number of years per series, so
 * that every series weighs the same. Each parameter is moved on a logistic transform of
 * its row's [min, max], so that no step leaves the range; a parameter with
 * a prior adds one residual (value - mean) / sd, which keeps a parameter
 * the data hardly inform near what the literature says instead of letting
 * it run to a bound. The standard errors come from
 * gsl_multifit_nlinear_covar at the optimum (priors included), carried back
 * through the transform and scaled by the residual variance
 * chi^2 / (N + priors - p). */
#ifndef SIM_FIT_H
#define SIM_FIT_H

#include "sim/studies/history.h"

typedef struct fit_result {
    int nparams;                     /* as the spec */
    int param[HISTORY_PARAMS_MAX];   /* V_ ids */
    double start[HISTORY_PARAMS_MAX]; /* values before the fit */
    double value[HISTORY_PARAMS_MAX]; /* fitted values */
    double se[HISTORY_PARAMS_MAX];    /* standard errors (NAN when not identified) */
    double corr[HISTORY_PARAMS_MAX][HISTORY_PARAMS_MAX]; /* correlations */
    int nresid;                      /* data years compared */
    int nprior;                      /* parameters with a prior (one residual each) */
    double chisq0, chisq;            /* weighted sum of squares before and after */
    int iterations;                  /* of the trust-region driver */
    int converged;                   /* 1 when a tolerance was met, 0 at the iteration limit */
    history_error before[HISTORY_SERIES_MAX]; /* errors per series before the fit */
    history_error after[HISTORY_SERIES_MAX];  /* and after */
} fit_result;

/* Fits the parameters of spec on scenario sc (whose other values stay as
 * they are), starting from sc's values of them, with at most maxiter
 * iterations. Writes res (all fields) on success. SIM_EINVAL when there
 * are fewer residuals than parameters; a failed run is reported as it
 * failed. */
sim_status fit_run(const history_spec *spec, const scenario *sc, int maxiter, fit_result *res,
                   sim_error *err);

/* sc with the fitted values of res put in. */
void fit_apply(const fit_result *res, scenario *sc);

/* Writes res as a scenario-style INI file: [scenario] with a name and a
 * description, and [assumptions] with each fitted value and a comment
 * giving its standard error and the fit's provenance line, which it also
 * writes at the top. Atomic (output_open). */
sim_status fit_save(const history_spec *spec, const fit_result *res, const char *provenance,
                    const char *path, sim_error *err);

#endif
