/* test_fit.c: the history fit (sim/studies/fit.c): it recovers parameters
 * from data the model itself generated, its output file reads back as a
 * scenario, the model table holds exactly the fitted values of
 * assets/history/fitted.ini, so that the two cannot drift apart, those
 * values meet the targets without running away from their priors, and the
 * trend fitted to history only fades in the projection. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/files/scenario.h"
#include "sim/studies/fit.h"
#include "tests/model_test_util.h"

#define SRC TRANSIM_SOURCE_DIR

/* A spec over the history scenario with three series and three free
 * parameters, whose data are the model's own run at the true values. */
static void synthetic(history_spec *spec, scenario *sc, const double *truth)
{
    sim_error err;
    memset(spec, 0, sizeof *spec);
    if (scenario_load(sc, SRC "/scenarios/history.ini", &err) != SIM_OK)
        fail_msg("%s:%d: %s", err.path, err.line, err.msg);
    spec->from = 2011;
    spec->to = 2020;
    const int params[3] = {V_MIGRATION_JOB_RESPONSE, V_HEATING_EMISSIONS_DECLINE,
                           V_SEPARATION_RATE};
    spec->nparams = 3;
    for (int i = 0; i < 3; i++) {
        spec->param[i] = params[i];
        spec->prior_mean[i] = NAN;
        spec->prior_sd[i] = NAN;
    }
    const char *names[3] = {"population", "emissions_total", "unemployment_rate"};
    const history_kind kinds[3] = {HISTORY_LEVEL, HISTORY_LEVEL, HISTORY_RATE};
    spec->nseries = 3;
    for (int s = 0; s < 3; s++) {
        history_series *h = &spec->series[s];
        snprintf(h->name, sizeof h->name, "%s", names[s]);
        h->var = var_find(names[s]);
        h->kind = kinds[s];
        h->scale = 1;
        h->target = 0.01;
    }
    scenario *truth_sc = malloc(sizeof *truth_sc);
    *truth_sc = *sc;
    for (int i = 0; i < 3; i++)
        truth_sc->value[params[i]] = truth[i];
    run_result r;
    run_result_init(&r);
    assert_int_equal(history_run(spec, truth_sc, &r, &err), SIM_OK);
    for (int s = 0; s < 3; s++) {
        history_series *h = &spec->series[s];
        for (int y = 2010; y <= 2020; y++) {
            h->year[h->n] = y;
            h->value[h->n] = history_model_at(h, &r, y);
            h->n++;
        }
    }
    run_result_release(&r);
    free(truth_sc);
}

static void test_the_fit_recovers_the_parameters_that_made_the_data(void **state)
{
    (void)state;
    const double truth[3] = {3.0, 0.05, 0.06};
    history_spec *spec = malloc(sizeof *spec);
    scenario *sc = malloc(sizeof *sc);
    fit_result *res = malloc(sizeof *res);
    synthetic(spec, sc, truth);
    /* Start away from the truth: the table's values moved. */
    sc->value[V_MIGRATION_JOB_RESPONSE] = 1.0;
    sc->value[V_HEATING_EMISSIONS_DECLINE] = 0.02;
    sc->value[V_SEPARATION_RATE] = 0.03;
    sim_error err;
    if (fit_run(spec, sc, 200, res, &err) != SIM_OK)
        fail_msg("fit failed: %s", err.msg);
    assert_true(res->converged);
    assert_true(res->chisq0 > 1.0);
    assert_true(res->chisq < 1e-12);
    for (int i = 0; i < 3; i++) {
        if (!(fabs(res->value[i] / truth[i] - 1.0) < 1e-4))
            fail_msg("%s fitted %.8g, true %.8g", var_table[res->param[i]].name, res->value[i],
                     truth[i]);
        assert_true(res->start[i] == sc->value[res->param[i]]);
    }
    for (int s = 0; s < 3; s++)
        assert_true(res->after[s].mape < 1e-6 && res->after[s].n == 10);
    /* The same fit twice gives the same figures. */
    fit_result *again = malloc(sizeof *again);
    assert_int_equal(fit_run(spec, sc, 200, again, &err), SIM_OK);
    assert_memory_equal(again->value, res->value, sizeof res->value);
    free(again);
    free(res);
    free(sc);
    free(spec);
}

static void test_a_prior_pulls_an_uninformed_parameter_to_its_mean(void **state)
{
    (void)state;
    const double truth[3] = {3.0, 0.05, 0.06};
    history_spec *spec = malloc(sizeof *spec);
    scenario *sc = malloc(sizeof *sc);
    fit_result *res = malloc(sizeof *res);
    synthetic(spec, sc, truth);
    /* A parameter none of the three series depends on. */
    spec->param[3] = V_SEED_JOBS_GAIN; /* acts only with seed capital, 0 here */
    spec->prior_mean[3] = 0.7;
    spec->prior_sd[3] = 0.1;
    spec->nparams = 4;
    sim_error err;
    assert_int_equal(fit_run(spec, sc, 200, res, &err), SIM_OK);
    assert_true(fabs(res->value[3] - 0.7) < 1e-6);
    assert_int_equal(res->nprior, 1);
    assert_int_equal(res->nresid, 30);
    free(res);
    free(sc);
    free(spec);
}

static void test_too_few_data_years_is_an_error(void **state)
{
    (void)state;
    const double truth[3] = {3.0, 0.05, 0.06};
    history_spec *spec = malloc(sizeof *spec);
    scenario *sc = malloc(sizeof *sc);
    fit_result *res = malloc(sizeof *res);
    synthetic(spec, sc, truth);
    spec->from = 2020; /* one year of each series: 3 data for 3 parameters */
    sim_error err;
    assert_int_equal(fit_run(spec, sc, 50, res, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "3 data years for 3 parameters"));
    free(res);
    free(sc);
    free(spec);
}

static void test_the_fitted_file_reads_back_as_a_scenario(void **state)
{
    (void)state;
    const double truth[3] = {3.0, 0.05, 0.06};
    history_spec *spec = malloc(sizeof *spec);
    scenario *sc = malloc(sizeof *sc);
    fit_result *res = malloc(sizeof *res);
    synthetic(spec, sc, truth);
    sim_error err;
    assert_int_equal(fit_run(spec, sc, 200, res, &err), SIM_OK);
    char dir[64] = "/tmp/transim_fit_XXXXXX", path[128];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/fitted.ini", dir);
    assert_int_equal(fit_save(spec, res, "a provenance line", path, &err), SIM_OK);
    scenario *back = malloc(sizeof *back);
    if (scenario_load(back, path, &err) != SIM_OK)
        fail_msg("%s:%d: %s", err.path, err.line, err.msg);
    for (int i = 0; i < 3; i++)
        assert_true(fabs(back->value[res->param[i]] / res->value[i] - 1) < 1e-5);
    unlink(path);
    rmdir(dir);
    free(back);
    free(res);
    free(sc);
    free(spec);
}

static void test_the_model_table_holds_the_fitted_values(void **state)
{
    (void)state;
    scenario *fitted = malloc(sizeof *fitted);
    history_spec *spec = malloc(sizeof *spec);
    sim_error err;
    if (scenario_load(fitted, SRC "/assets/history/fitted.ini", &err) != SIM_OK)
        fail_msg("%s:%d: %s", err.path, err.line, err.msg);
    assert_int_equal(history_spec_load(spec, SRC "/assets/history/fit.ini", &err), SIM_OK);
    int n = 0;
    for (int v = 0; v < VAR_COUNT; v++) {
        if (!fitted->set[v])
            continue;
        n++;
        const var_desc *d = &var_table[v];
        if (d->value != fitted->value[v])
            fail_msg("'%s' is %.17g in the model table and %.17g in fitted.ini "
                     "(run `make fit`)",
                     d->name, d->value, fitted->value[v]);
        if (strstr(d->source, "[fit]") == NULL)
            fail_msg("the source of '%s' does not say it is fitted", d->name);
        assert_int_equal(d->dist, DIST_UNIFORM);
        assert_true(d->min <= d->unc_lo && d->unc_lo <= d->value);
        assert_true(d->value <= d->unc_hi && d->unc_hi <= d->max);
        assert_true(var_is_estimate(d)); /* Monte Carlo draws it */
    }
    /* Every parameter the spec fits is in the file, and nothing else. */
    assert_int_equal(n, spec->nparams);
    for (int i = 0; i < spec->nparams; i++)
        assert_true(fitted->set[spec->param[i]]);
    free(spec);
    free(fitted);
}

/* The model table's values (the fitted set) meet every series' target over
 * the spec's years: population, real GRP, emissions and new firms within
 * their mean absolute percentage errors, LFS unemployment within its mean
 * absolute error. */
static void test_the_fitted_model_meets_the_targets(void **state)
{
    (void)state;
    history_spec *spec = malloc(sizeof *spec);
    scenario *sc = malloc(sizeof *sc);
    sim_error err;
    assert_int_equal(history_spec_load(spec, SRC "/assets/history/fit.ini", &err), SIM_OK);
    if (scenario_load(sc, spec->scenario_path, &err) != SIM_OK)
        fail_msg("%s:%d: %s", err.path, err.line, err.msg);
    run_result r;
    run_result_init(&r);
    assert_int_equal(history_run(spec, sc, &r, &err), SIM_OK);
    history_error e[HISTORY_SERIES_MAX];
    history_errors(spec, &r, e);
    assert_int_equal(spec->nseries, 5);
    for (int s = 0; s < spec->nseries; s++) {
        const history_series *hs = &spec->series[s];
        double got = hs->kind == HISTORY_LEVEL ? e[s].mape : e[s].mae;
        assert_true(e[s].n >= 9);
        if (!(got <= hs->target))
            fail_msg("'%s': error %.4g over %d years, target %.4g", hs->name, got, e[s].n,
                     hs->target);
    }
    run_result_release(&r);
    free(sc);
    free(spec);
}

/* No fitted value has run away from its prior to stand in for a mechanism
 * the model lacks: each lies within 2.5 prior standard deviations of the
 * prior mean, and inside its row's range, off the bounds. */
static void test_every_fitted_value_stays_near_its_prior(void **state)
{
    (void)state;
    history_spec *spec = malloc(sizeof *spec);
    sim_error err;
    assert_int_equal(history_spec_load(spec, SRC "/assets/history/fit.ini", &err), SIM_OK);
    for (int i = 0; i < spec->nparams; i++) {
        const var_desc *d = &var_table[spec->param[i]];
        double margin = 0.01 * (d->max - d->min);
        if (!(d->value > d->min + margin && d->value < d->max - margin))
            fail_msg("'%s' = %g is at a bound of [%g, %g]", d->name, d->value, d->min, d->max);
        if (isnan(spec->prior_mean[i]))
            continue;
        double z = (d->value - spec->prior_mean[i]) / spec->prior_sd[i];
        if (!(fabs(z) <= 2.5))
            fail_msg("'%s' = %g is %.2f prior SDs from its prior %g", d->name, d->value, z,
                     spec->prior_mean[i]);
    }
    free(spec);
}

/* Industry's fuel switching, fitted to 2010-20, is not extrapolated: in a
 * 2020 run it has faded to under 5 % of its rate by 2040, and all of it
 * after 2020 removes less than a third of industry's fossil intensity. */
static void test_fuel_switching_fades_after_the_history(void **state)
{
    (void)state;
    scenario *sc = malloc(sizeof *sc);
    scenario_init(sc);
    run_result r;
    model_run(sc, &r);
    double rate = var_table[V_INDUSTRY_FUEL_SWITCH].value;
    assert_true(rate > 0.0);
    double i2040 = model_at(&r, "industry_fossil_intensity", 2040.0);
    double i2050 = model_at(&r, "industry_fossil_intensity", 2050.0);
    double flow2040 = model_at(&r, "fuel_switch_flow", 2040.0);
    assert_true(flow2040 / i2040 < 0.05 * rate);
    assert_true(i2050 > 2.0 / 3.0);
    assert_true(i2050 < 1.0);
    run_result_release(&r);
    free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_fit_recovers_the_parameters_that_made_the_data),
        cmocka_unit_test(test_a_prior_pulls_an_uninformed_parameter_to_its_mean),
        cmocka_unit_test(test_too_few_data_years_is_an_error),
        cmocka_unit_test(test_the_fitted_file_reads_back_as_a_scenario),
        cmocka_unit_test(test_the_model_table_holds_the_fitted_values),
        cmocka_unit_test(test_the_fitted_model_meets_the_targets),
        cmocka_unit_test(test_every_fitted_value_stays_near_its_prior),
        cmocka_unit_test(test_fuel_switching_fades_after_the_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
