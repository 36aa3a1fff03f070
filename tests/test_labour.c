/* test_labour.c: the labour market's safeguards and its demand for skill
 * (sim/model/labour.c). Every flow out of a pool of people not employed
 * vanishes with the pool, so no pool can go negative however the levers
 * are set; and high-skill labour demand follows the graduates the region
 * keeps, so that graduate retention does not cost GRP per capita; and a
 * worker upgraded at work takes no job-seeker along. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/model_test_util.h"

/* The 2020 state with every lever at its maximum and the pools of people
 * not employed empty; the flows into v. */
static void eval_with_empty_pools(double *v)
{
    scenario sc;
    scenario_init(&sc);
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].kind == VAR_LEVER)
            sc.value[i] = var_table[i].max;
    double y[STOCK_COUNT], dydt[STOCK_COUNT];
    for (int i = 0; i < VAR_COUNT; i++)
        v[i] = sc.value[i];
    model_init(SCENARIO_START_MIN, v, y);
    y[S_NE_LOW] = y[S_NE_MED] = y[S_NE_HIGH] = 0.0;
    model_frame f = {.t = SCENARIO_START_MIN + 5.0, .t0 = SCENARIO_START_MIN, .y = y, .v = v,
                     .dydt = dydt, .report = 1};
    model_eval(&f);
}

static void test_no_one_leaves_an_empty_pool_of_people_not_employed(void **st)
{
    (void)st;
    static double v[VAR_COUNT];
    eval_with_empty_pools(v);
    static const char *const outflows[] = {
        "hires_low", "hires_med", "hires_high", "training_enrol_low", "training_enrol_med",
        "integration_upskilling", "retire_not_employed_low", "retire_not_employed_med",
        "retire_not_employed_high", "mig_out_not_employed_low", "mig_out_not_employed_med",
        "mig_out_not_employed_high"};
    for (size_t i = 0; i < sizeof outflows / sizeof outflows[0]; i++) {
        double x = v[model_var(outflows[i])];
        if (!(fabs(x) < 1e-9))
            fail_msg("'%s' is %g persons/yr out of an empty pool", outflows[i], x);
    }
}

/* Value of indicator in year with graduate_retention at value from 2021. */
static double with_retention(double value, const char *indicator, double year)
{
    scenario sc;
    scenario_init(&sc);
    sc.value[V_GRADUATE_RETENTION] = value;
    sc.lever_start[V_GRADUATE_RETENTION] = 2021;
    run_result r;
    model_run(&sc, &r);
    double x = model_at(&r, indicator, year);
    run_result_release(&r);
    return x;
}

/* Where graduates become more plentiful, firms adopt technology that
 * complements them and the demand for skill rises with its supply
 * (Carneiro, Liu and Salvanes 2023): by 2040 high-skill labour demand
 * absorbs at least a third of the extra tertiary labour force that
 * graduate retention at 0.65 brings, and GRP per capita in 2050 does not
 * fall by more than 0.1 % (it fell 0.5 % when demand ignored supply). */
static void test_high_skill_demand_follows_the_graduates_the_region_keeps(void **st)
{
    (void)st;
    double lf0 = with_retention(0.40, "labour_force_high", 2040);
    double lf1 = with_retention(0.65, "labour_force_high", 2040);
    double d0 = with_retention(0.40, "labour_demand_high", 2040);
    double d1 = with_retention(0.65, "labour_demand_high", 2040);
    assert_true(lf1 > lf0 + 300.0);
    if (!(d1 - d0 > (lf1 - lf0) / 3.0))
        fail_msg("retention adds %.0f to the tertiary labour force and %.0f to its demand",
                 lf1 - lf0, d1 - d0);
    double g0 = with_retention(0.40, "grp_per_capita", 2050);
    double g1 = with_retention(0.65, "grp_per_capita", 2050);
    if (!(g1 / g0 - 1.0 > -0.001))
        fail_msg("retention at 0.65 changes GRP per capita in 2050 by %.2f %%",
                 100.0 * (g1 / g0 - 1.0));
}

/* The 2020 state of the baseline with moved low-skilled workers moved,
 * jobs and all, to medium skill (as in-firm training does); the flows into
 * v. */
static void eval_2020_with_upgraded(double moved, double *v)
{
    scenario sc;
    scenario_init(&sc);
    double y[STOCK_COUNT], dydt[STOCK_COUNT];
    for (int i = 0; i < VAR_COUNT; i++)
        v[i] = sc.value[i];
    model_init(SCENARIO_START_MIN, v, y);
    y[S_EMP_LOW] -= moved;
    y[S_EMP_MED] += moved;
    model_frame f = {.t = SCENARIO_START_MIN, .t0 = SCENARIO_START_MIN, .y = y, .v = v,
                     .dydt = dydt, .report = 1};
    model_eval(&f);
}

/* A worker whom in-firm training moves to medium skill keeps a job: the
 * job-seekers of both levels stay as they were (when participation applied
 * to the employed too, each such worker added 0.28 low-skilled job-seekers
 * and took 0.10 medium-skilled ones away). */
static void test_an_upgraded_worker_moves_no_job_seeker(void **st)
{
    (void)st;
    static double v0[VAR_COUNT], v1[VAR_COUNT];
    eval_2020_with_upgraded(0.0, v0);
    eval_2020_with_upgraded(1000.0, v1);
    assert_close(v1[V_UNEMPLOYED_LOW], v0[V_UNEMPLOYED_LOW], 1e-6 * v0[V_UNEMPLOYED_LOW]);
    assert_close(v1[V_UNEMPLOYED_MED], v0[V_UNEMPLOYED_MED], 1e-6 * v0[V_UNEMPLOYED_MED]);
    assert_close(v1[V_LABOUR_FORCE_LOW], v0[V_LABOUR_FORCE_LOW] - 1000.0, 1e-6);
    assert_close(v1[V_LABOUR_FORCE_MED], v0[V_LABOUR_FORCE_MED] + 1000.0, 1e-6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_one_leaves_an_empty_pool_of_people_not_employed),
        cmocka_unit_test(test_high_skill_demand_follows_the_graduates_the_region_keeps),
        cmocka_unit_test(test_an_upgraded_worker_moves_no_job_seeker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
