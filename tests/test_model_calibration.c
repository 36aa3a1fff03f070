/* test_model_calibration.c: the baseline reproduces the sourced 2020 figures
 * within 1 % and the observed directions of change (manufacturing jobs,
 * working-age population, emissions, survival of young firms), and every
 * assumption and parameter can be drawn anywhere in its Monte Carlo range
 * without breaking the 2020 calibration of the sourced figures; the
 * calibration does not move with the levers; the fixed-step integrators
 * agree with the adaptive one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "tests/model_test_util.h"

/* Asserts |x / want - 1| <= rel, naming the variable. */
static void assert_within(const char *name, double x, double want, double rel)
{
    if (!(fabs(x / want - 1.0) <= rel))
        fail_msg("%s = %.6g, expected %.6g within %g %%", name, x, want, rel * 100.0);
}

static void check_2020_figures(const scenario *sc)
{
    run_result r;
    model_run(sc, &r);
    assert_within("population", model_at(&r, "population", 2020), 858063, 0.01);
    assert_within("mfg_jobs", model_at(&r, "mfg_jobs", 2020), 58708, 0.01);
    assert_within("firm_starts", model_at(&r, "firm_starts", 2020), 4840, 0.01);
    assert_within("emissions_total", model_at(&r, "emissions_total", 2020), 2861, 0.01);
    assert_within("grp", model_at(&r, "grp", 2020), 332521, 0.01);
    assert_within("rd_intensity", model_at(&r, "rd_intensity", 2020), 0.012, 0.01);
    assert_close(model_at(&r, "grp_vs_sweden", 2020), 0.80, 0.01);
    double u = model_at(&r, "unemployment_rate", 2020);
    if (!(u >= 0.07 && u <= 0.09))
        fail_msg("unemployment 2020 = %.4f, outside 7-9 %%", u);
    run_result_release(&r);
}

static void test_2020_reproduces_the_sourced_figures(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    check_2020_figures(&sc);
}

static void test_2020_holds_at_every_end_of_every_estimate_range(void **st)
{
    (void)st;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (d->dist == DIST_NONE)
            continue;
        const double ends[2] = {d->unc_lo, d->unc_hi};
        for (int k = 0; k < 2; k++) {
            scenario sc;
            scenario_init(&sc);
            sc.value[i] = ends[k];
            check_2020_figures(&sc);
        }
    }
}

static void test_manufacturing_jobs_fall_half_to_one_point_three_percent_a_year(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result r;
    model_run(&sc, &r);
    double rate = pow(model_at(&r, "mfg_jobs", 2030) / model_at(&r, "mfg_jobs", 2020), 0.1) - 1.0;
    if (!(rate >= -0.013 && rate <= -0.005))
        fail_msg("manufacturing jobs change %.2f %%/yr in the 2020s", rate * 100.0);
    for (int y = 2021; y <= 2030; y++)
        assert_true(model_at(&r, "mfg_jobs", y) < model_at(&r, "mfg_jobs", y - 1));
    run_result_release(&r);
}

/* SCB's 2021 projection (-17,000) assumed net migration of about +600/yr;
 * the model starts from the +2,600/yr that 2018-21 population change
 * implies, which keeps about 1,000 a year more people of working age. */
static void test_working_age_population_falls_2000_to_12000_in_2021_to_2031(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result r;
    model_run(&sc, &r);
    double change = model_at(&r, "working_age_pop", 2031) - model_at(&r, "working_age_pop", 2021);
    if (!(change <= -2000 && change >= -12000))
        fail_msg("working-age population changes by %.0f over 2021-31 (SCB: -17,000 with less migration)", change);
    run_result_release(&r);
}

static void test_emissions_fall_every_decade(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result r;
    model_run(&sc, &r);
    assert_true(model_at(&r, "emissions_total", 2030) < model_at(&r, "emissions_total", 2020));
    assert_true(model_at(&r, "emissions_total", 2040) < model_at(&r, "emissions_total", 2030));
    assert_true(model_at(&r, "emissions_total", 2050) < model_at(&r, "emissions_total", 2040));
    assert_true(model_at(&r, "emissions_industry", 2035) < model_at(&r, "emissions_industry", 2020));
    run_result_release(&r);
}

static void test_young_firms_survive_three_years_at_76_percent(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result r;
    model_run(&sc, &r);
    for (int y = 2020; y <= 2050; y += 10)
        assert_close(model_at(&r, "survival_3y", y), 0.76, 0.005);
    run_result_release(&r);
}

static void test_baseline_unemployment_stays_plausible(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result r;
    model_run(&sc, &r);
    for (int y = 2020; y <= 2050; y++) {
        double u = model_at(&r, "unemployment_rate", y);
        if (!(u > 0.04 && u < 0.10))
            fail_msg("baseline unemployment %.3f in %d", u, y);
    }
    run_result_release(&r);
}

/* The largest difference of the key indicators between two runs: relative
 * for quantities, absolute for shares and rates (unit "1", which an index
 * near zero such as the skill mismatch would otherwise inflate). */
static double key_gap(const run_result *a, const run_result *b)
{
    double gap = 0.0;
    for (int i = 0; i < VAR_COUNT; i++) {
        if (!var_table[i].key)
            continue;
        int share = strcmp(var_table[i].unit, "1") == 0;
        for (size_t r = 0; r < a->rows; r++) {
            double x = run_value(a, r, i), d = fabs(run_value(b, r, i) - x);
            if (!share)
                d /= fabs(x) + 1e-12;
            if (d > gap)
                gap = d;
        }
    }
    return gap;
}

static void test_fixed_step_methods_agree_with_the_adaptive_run(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    for (int l = 0; l < LEVER_COUNT; l++) {
        int id = var_lever_ids[l];
        sc.value[id] = var_table[id].policy;
        sc.lever_start[id] = 2022;
        sc.lever_ramp[id] = 3;
    }
    run_result adaptive, rk4, euler;
    run_opts o = run_opts_default();
    run_result_init(&adaptive);
    run_result_init(&rk4);
    run_result_init(&euler);
    assert_int_equal(run_scenario(&sc, &o, &adaptive, NULL), SIM_OK);
    o.method = ODE_RK4;
    assert_int_equal(run_scenario(&sc, &o, &rk4, NULL), SIM_OK);
    o.method = ODE_EULER;
    assert_int_equal(run_scenario(&sc, &o, &euler, NULL), SIM_OK);
    /* Smooth equations: RK4 at 1/16 year matches to 1e-5, Euler to 2 %. */
    double g4 = key_gap(&adaptive, &rk4), ge = key_gap(&adaptive, &euler);
    if (!(g4 < 1e-5 && ge < 0.02))
        fail_msg("key indicators differ by %.2e (RK4) and %.2e (Euler) from the adaptive run", g4, ge);
    run_result_release(&adaptive);
    run_result_release(&rk4);
    run_result_release(&euler);
}

static void test_the_calibration_is_cached_until_invalidated(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    static double v[VAR_COUNT], y[STOCK_COUNT], dydt[STOCK_COUNT];
    for (int i = 0; i < VAR_COUNT; i++)
        v[i] = sc.value[i];
    model_init(SCENARIO_START_MIN, v, y);
    model_frame f = {.t = SCENARIO_START_MIN, .t0 = SCENARIO_START_MIN, .y = y, .v = v,
                     .dydt = dydt};
    model_eval(&f);
    double young = v[V_REF_POP_YOUNG];
    assert_close(young, 858063 * var_table[V_YOUNG_SHARE_START].value, 1e-6);
    v[V_YOUNG_SHARE_START] = 0.25;
    model_eval(&f);
    assert_close(v[V_REF_POP_YOUNG], young, 0.0);
    model_invalidate(v);
    model_eval(&f);
    assert_close(v[V_REF_POP_YOUNG], 858063 * 0.25, 1e-6);
}

/* The calibrated 2020 reference state (every ref_* slot) for the values sc
 * holds at the start year, into ref[VAR_COUNT] (other slots 0). */
static void calibrate(const scenario *sc, double *ref)
{
    static double v[VAR_COUNT], y[STOCK_COUNT], dydt[STOCK_COUNT];
    for (int i = 0; i < VAR_COUNT; i++)
        v[i] = sc->value[i];
    model_init(SCENARIO_START_MIN, v, y);
    model_frame f = {.t = SCENARIO_START_MIN, .t0 = SCENARIO_START_MIN, .y = y, .v = v,
                     .dydt = dydt};
    model_eval(&f);
    for (int i = 0; i < VAR_COUNT; i++)
        ref[i] = strncmp(var_table[i].name, "ref_", 4) == 0 ? v[i] : 0.0;
}

/* A scenario's levers act against the baseline's 2020 state: every lever at
 * its maximum from the start year leaves each ref_* slot as the baseline
 * has it (the demand trend behind the matching efficiencies once ran the
 * model with the scenario's levers, so that in-firm training from 2020
 * moved ref_match_low from 1.146 to 1.113). */
static void test_the_calibration_does_not_move_with_the_levers(void **st)
{
    (void)st;
    static double base[VAR_COUNT], pushed[VAR_COUNT];
    scenario sc;
    scenario_init(&sc);
    calibrate(&sc, base);
    int nlevers = 0;
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].kind == VAR_LEVER) {
            sc.value[i] = var_table[i].max;
            nlevers++;
        }
    assert_int_equal(nlevers, LEVER_COUNT);
    calibrate(&sc, pushed);
    for (int i = 0; i < VAR_COUNT; i++)
        if (pushed[i] != base[i])
            fail_msg("%s = %.9g with every lever at its maximum, %.9g in the baseline",
                     var_table[i].name, pushed[i], base[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_2020_reproduces_the_sourced_figures),
        cmocka_unit_test(test_2020_holds_at_every_end_of_every_estimate_range),
        cmocka_unit_test(test_manufacturing_jobs_fall_half_to_one_point_three_percent_a_year),
        cmocka_unit_test(test_working_age_population_falls_2000_to_12000_in_2021_to_2031),
        cmocka_unit_test(test_emissions_fall_every_decade),
        cmocka_unit_test(test_young_firms_survive_three_years_at_76_percent),
        cmocka_unit_test(test_baseline_unemployment_stays_plausible),
        cmocka_unit_test(test_fixed_step_methods_agree_with_the_adaptive_run),
        cmocka_unit_test(test_the_calibration_is_cached_until_invalidated),
        cmocka_unit_test(test_the_calibration_does_not_move_with_the_levers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
