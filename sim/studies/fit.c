/* fit.c: weighted nonlinear least squares over history runs (sim/studies/fit.h).
 * Each evaluation of the residuals is one run of the history scenario with
 * the trial values; GSL's trust-region driver asks for about p + 2 runs an
 * iteration (the forward-difference Jacobian and the geodesic term). */
#include "sim/studies/fit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>

#include "sim/engine/gsl_init.h"
#include "sim/files/output.h"
#include "sim/model/model.h"

typedef struct fit_ctx {
    const history_spec *spec;
    scenario *sc;      /* the trial scenario (a copy) */
    runner *rn;        /* reused by every run */
    run_result r;      /* the last run */
    run_opts opts;     /* yearly reports, RK4 */
    size_t nresid;     /* residuals */
    sim_error err;     /* why the last run failed */
    sim_status st;     /* its status */
} fit_ctx;

/* The parameter value on [lo, hi] of the unconstrained x, and back. */
static double to_value(int var, double x)
{
    double lo = var_table[var].min, hi = var_table[var].max;
    return lo + (hi - lo) / (1.0 + exp(-x));
}

static double to_free(int var, double value)
{
    double lo = var_table[var].min, hi = var_table[var].max, eps = 1e-6 * (hi - lo);
    double v = fmin(fmax(value, lo + eps), hi - eps);
    return log((v - lo) / (hi - v));
}

/* d value / d x at x. */
static double slope(int var, double value)
{
    double lo = var_table[var].min, hi = var_table[var].max;
    return (value - lo) * (hi - value) / (hi - lo);
}

/* Residuals of the run of ctx->sc (which must have run) into f (may be NULL
 * to count them). */
static size_t residuals(const fit_ctx *c, gsl_vector *f)
{
    const history_spec *spec = c->spec;
    int count[HISTORY_SERIES_MAX], total = 0;
    for (int s = 0; s < spec->nseries; s++) {
        const history_series *hs = &spec->series[s];
        count[s] = 0;
        for (int k = 0; k < hs->n; k++)
            if (hs->year[k] >= spec->from - 1e-9 && hs->year[k] <= spec->to + 1e-9)
                count[s]++;
        total += count[s];
    }
    double mean = (double)total / spec->nseries;
    size_t i = 0;
    for (int s = 0; s < spec->nseries; s++) {
        const history_series *hs = &spec->series[s];
        /* A year's error in units of the target; a series with fewer years
         * weighs each of them more, so that every series counts the same. */
        double w = 1.0 / (hs->target * sqrt(count[s] > 0 ? count[s] / mean : 1.0));
        for (int k = 0; k < hs->n; k++) {
            if (hs->year[k] < spec->from - 1e-9 || hs->year[k] > spec->to + 1e-9)
                continue;
            double m = history_model_at(hs, &c->r, hs->year[k]), d = hs->value[k];
            double e = hs->kind == HISTORY_LEVEL ? (m - d) / fabs(d) : m - d;
            if (f != NULL)
                gsl_vector_set(f, i, e * w);
            i++;
        }
    }
    for (int k = 0; k < spec->nparams; k++) {
        if (isnan(spec->prior_mean[k]))
            continue;
        if (f != NULL)
            gsl_vector_set(f, i,
                           (c->sc->value[spec->param[k]] - spec->prior_mean[k]) / spec->prior_sd[k]);
        i++;
    }
    return i;
}

static int eval_f(const gsl_vector *x, void *params, gsl_vector *f)
{
    fit_ctx *c = params;
    for (int i = 0; i < c->spec->nparams; i++) {
        int v = c->spec->param[i];
        c->sc->value[v] = to_value(v, gsl_vector_get(x, (size_t)i));
    }
    sim_error e;
    sim_error_clear(&e);
    sim_status st = runner_run(c->rn, c->sc, &c->opts, &c->r, &e);
    if (st != SIM_OK) {
        c->st = st;
        c->err = e;
        return GSL_EDOM;
    }
    residuals(c, f);
    return GSL_SUCCESS;
}

static double sum_squares(const fit_ctx *c)
{
    gsl_vector *f = gsl_vector_alloc(c->nresid);
    if (f == NULL)
        return NAN;
    residuals(c, f);
    double s;
    gsl_blas_ddot(f, f, &s);
    gsl_vector_free(f);
    return s;
}

sim_status fit_run(const history_spec *spec, const scenario *sc, int maxiter, fit_result *res,
                   sim_error *err)
{
    sim_error_clear(err);
    sim_gsl_init();
    int p = spec->nparams;
    if (p < 1)
        return sim_error_set(err, SIM_EINVAL, spec->path[0] ? spec->path : NULL, 0,
                             "no parameters to fit");
    fit_ctx c = {.spec = spec};
    c.sc = malloc(sizeof *c.sc);
    c.rn = runner_create();
    run_result_init(&c.r);
    fit_result *out = calloc(1, sizeof *out);
    gsl_multifit_nlinear_workspace *w = NULL;
    gsl_vector *x = gsl_vector_alloc((size_t)p);
    gsl_matrix *covar = gsl_matrix_alloc((size_t)p, (size_t)p);
    sim_status st = SIM_OK;
    if (c.sc == NULL || c.rn == NULL || out == NULL || x == NULL || covar == NULL) {
        st = sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    *c.sc = *sc;
    c.opts = run_opts_default();
    c.opts.from = sc->start;
    c.opts.to = spec->to;
    c.opts.method = ODE_RK4;
    c.opts.dt = 1.0 / 16.0;
    out->nparams = p;
    for (int i = 0; i < p; i++) {
        out->param[i] = spec->param[i];
        out->start[i] = isnan(spec->prior_mean[i]) ? sc->value[spec->param[i]]
                                                   : spec->prior_mean[i];
        c.sc->value[spec->param[i]] = out->start[i];
        gsl_vector_set(x, (size_t)i, to_free(spec->param[i], out->start[i]));
    }
    /* The starting run: it must work, and it counts the residuals. */
    st = runner_run(c.rn, c.sc, &c.opts, &c.r, err);
    if (st != SIM_OK)
        goto done;
    history_errors(spec, &c.r, out->before);
    c.nresid = residuals(&c, NULL);
    int nprior = 0;
    for (int i = 0; i < p; i++)
        nprior += !isnan(spec->prior_mean[i]);
    if (c.nresid - (size_t)nprior <= (size_t)p) {
        st = sim_error_set(err, SIM_EINVAL, NULL, 0,
                           "%zu data years for %d parameters: too few to fit",
                           c.nresid - (size_t)nprior, p);
        goto done;
    }
    out->nresid = (int)c.nresid - nprior;
    out->nprior = nprior;
    out->chisq0 = sum_squares(&c);

    gsl_multifit_nlinear_fdf fdf = {.f = eval_f, .df = NULL, .fvv = NULL, .n = c.nresid,
                                    .p = (size_t)p, .params = &c};
    gsl_multifit_nlinear_parameters fp = gsl_multifit_nlinear_default_parameters();
    fp.trs = gsl_multifit_nlinear_trs_lmaccel;
    fp.h_df = 1e-6;
    w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &fp, c.nresid, (size_t)p);
    if (w == NULL) {
        st = sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    c.st = SIM_OK;
    int gs = gsl_multifit_nlinear_init(x, &fdf, w);
    int info = 0;
    if (gs == GSL_SUCCESS)
        gs = gsl_multifit_nlinear_driver((size_t)maxiter, 1e-8, 1e-8, 1e-10, NULL, NULL, &info,
                                         w);
    if (c.st != SIM_OK) {
        st = sim_error_set(err, c.st, NULL, 0, "a trial run failed: %.900s",
                           sim_error_nested(&c.err));
        goto done;
    }
    out->converged = gs == GSL_SUCCESS;
    out->iterations = (int)gsl_multifit_nlinear_niter(w);
    const gsl_vector *xb = gsl_multifit_nlinear_position(w);
    /* The run at the optimum, for the errors (the last evaluation may have
     * been a trial step). */
    eval_f(xb, &c, gsl_multifit_nlinear_residual(w));
    out->chisq = sum_squares(&c);
    history_errors(spec, &c.r, out->after);
    gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(w), 0.0, covar);
    double s2 = out->chisq / (double)(c.nresid - (size_t)p);
    for (int i = 0; i < p; i++)
        out->value[i] = to_value(spec->param[i], gsl_vector_get(xb, (size_t)i));
    for (int i = 0; i < p; i++) {
        double di = slope(spec->param[i], out->value[i]);
        double vi = gsl_matrix_get(covar, (size_t)i, (size_t)i);
        out->se[i] = vi > 0 && isfinite(vi) ? di * sqrt(vi * s2) : NAN;
        for (int j = 0; j < p; j++) {
            double vj = gsl_matrix_get(covar, (size_t)j, (size_t)j);
            double cij = gsl_matrix_get(covar, (size_t)i, (size_t)j);
            out->corr[i][j] = vi > 0 && vj > 0 ? cij / sqrt(vi * vj) : NAN;
        }
    }
    *res = *out;
done:
    gsl_multifit_nlinear_free(w);
    gsl_vector_free(x);
    gsl_matrix_free(covar);
    free(out);
    run_result_release(&c.r);
    runner_destroy(c.rn);
    free(c.sc);
    return st;
}

void fit_apply(const fit_result *res, scenario *sc)
{
    for (int i = 0; i < res->nparams; i++) {
        sc->value[res->param[i]] = res->value[i];
        sc->set[res->param[i]] = 1;
    }
}

sim_status fit_save(const history_spec *spec, const fit_result *res, const char *provenance,
                    const char *path, sim_error *err)
{
    sim_error_clear(err);
    output_file of;
    sim_status st = output_open(&of, path, err);
    if (st != SIM_OK)
        return st;
    FILE *f = of.f;
    /* The provenance as comment lines of at most about 90 characters (the
     * reader refuses lines over 197). */
    for (const char *p = provenance; *p;) {
        size_t n = strlen(p);
        if (n > 88) {
            n = 88;
            while (n > 20 && p[n] != ' ')
                n--;
        }
        fprintf(f, "; %.*s\n", (int)n, p);
        p += n;
        while (*p == ' ')
            p++;
    }
    fprintf(f, "; Values rounded to six significant digits; the model table holds the same "
               "figures\n; (tests/test_fit.c checks that they agree).\n");
    fprintf(f, "[scenario]\nname = Fitted parameters\n");
    fprintf(f, "description = Parameters fitted to the years %g to %g by weighted nonlinear "
               "least squares.\n",
            spec->from, spec->to);
    fputs("\n[assumptions]\n", f);
    for (int i = 0; i < res->nparams; i++) {
        const var_desc *d = &var_table[res->param[i]];
        fprintf(f, "%s = %.6g  ; SE %.3g%s%s, %s %.6g\n", d->name, res->value[i], res->se[i],
                strcmp(d->unit, "1") == 0 ? "" : " ", strcmp(d->unit, "1") == 0 ? "" : d->unit,
                isnan(spec->prior_mean[i]) ? "started from" : "prior mean", res->start[i]);
    }
    if (ferror(f)) {
        output_abort(&of);
        return sim_error_set(err, SIM_EIO, path, 0, "cannot write the file");
    }
    return output_commit(&of, err);
}
