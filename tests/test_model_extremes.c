/* test_model_extremes.c: the model under extreme conditions. No hiring
 * drives unemployment towards one; no firm births empties the firm stocks;
 * no education lets the tertiary share fall; and every lever at its minimum
 * or maximum (all corners of the levers of each priority), and every
 * assumption and parameter at either end of its allowed range, and random
 * draws of every estimate and lever together, are refused before the run
 * (sim/model/constraint.h) or keep every stock finite and non-negative and
 * every share within [0, 1] to 2100. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/model_test_util.h"

/* Runs sc to 2100 and checks the invariants at every report year. */
static void check_sound(const scenario *in, const char *what)
{
    scenario sc = *in;
    sc.end = 2100;
    run_result r;
    run_result_init(&r);
    sim_error err;
    sim_status st = run_scenario(&sc, NULL, &r, &err);
    /* Refused before the run by the joint check (sim/model/constraint.h),
     * with a message: some ends of a range give a 2020 state with a
     * negative count of jobs. Failing in the run is not sound. */
    if (st == SIM_EINVAL && err.msg[0] != '\0') {
        run_result_release(&r);
        return;
    }
    if (st != SIM_OK) {
        char buf[1200];
        fail_msg("%s: %s", what, sim_error_format(&err, buf, sizeof buf));
    }
    for (size_t row = 0; row < r.rows; row++) {
        for (int i = 0; i < VAR_COUNT; i++)
            if (!isfinite(run_value(&r, row, i)))
                fail_msg("%s: '%s' is not finite in %g", what, var_table[i].name, r.t[row]);
        for (int s = 0; s < STOCK_COUNT; s++) {
            double y = run_value(&r, row, var_stock_ids[s]);
            if (y < -1e-9 * (1.0 + fabs(run_value(&r, 0, var_stock_ids[s]))))
                fail_msg("%s: stock '%s' = %g in %g", what, var_table[var_stock_ids[s]].name, y,
                         r.t[row]);
        }
        double firms = run_value(&r, row, V_FIRMS_EST) + 1e-6;
        double u = run_value(&r, row, V_UNEMPLOYMENT_RATE);
        double abated = run_value(&r, row, V_ABATEMENT_1) + run_value(&r, row, V_ABATEMENT_2) +
                        run_value(&r, row, V_ABATEMENT_3) + run_value(&r, row, V_ABATEMENT_DONE);
        if (run_value(&r, row, V_DIGITAL_ADOPTERS) > firms * (1 + 1e-6) ||
            run_value(&r, row, V_INNOVATION_ACTIVE) > firms * (1 + 1e-6) ||
            run_value(&r, row, V_BROADBAND_RURAL) > 1.0 + 1e-9 || u < 0.0 || u > 1.0 ||
            abated > 1.0 + 1e-6 ||
            run_value(&r, row, V_EFFICIENCY_SAVED) + run_value(&r, row, V_EFFICIENCY_POTENTIAL) >
                1.0 + 1e-9)
            fail_msg("%s: a share leaves [0, 1] in %g", what, r.t[row]);
    }
    run_result_release(&r);
}

static void test_no_hiring_drives_unemployment_towards_one(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    sc.value[V_MATCHING_SCALE] = 0.0;
    run_result r;
    model_run(&sc, &r);
    for (int y = 2021; y <= 2050; y++)
        assert_true(model_at(&r, "unemployment_rate", y) > model_at(&r, "unemployment_rate", y - 1));
    double u = model_at(&r, "unemployment_rate", 2050);
    /* The tertiary-educated retire late and keep some jobs longest, and
     * those not employed seek work in their 2020 share: the rest leave the
     * labour force. */
    if (!(u > 0.70))
        fail_msg("unemployment reaches only %.3f by 2050 without hiring", u);
    run_result_release(&r);
    check_sound(&sc, "no hiring");
}

static void test_no_firm_births_empties_the_firm_stock(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    sc.value[V_FIRM_STARTS_START] = 0.0;
    run_result r;
    model_run(&sc, &r);
    for (int y = 2021; y <= 2050; y++) {
        assert_close(model_at(&r, "firm_starts", y), 0.0, 1e-9);
        assert_close(model_at(&r, "firms_young", y), 0.0, 1e-9);
        assert_true(model_at(&r, "active_firms", y) < model_at(&r, "active_firms", y - 1));
    }
    assert_true(model_at(&r, "active_firms", 2050) < 0.25 * model_at(&r, "active_firms", 2020));
    run_result_release(&r);
    check_sound(&sc, "no firm births");
}

static void test_no_education_lets_the_tertiary_share_fall(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    sc.value[V_HE_ENTRY_SHARE_START] = 0.0;
    sc.value[V_ADULT_TRAINING] = 0.0;
    run_result r;
    model_run(&sc, &r);
    assert_close(model_at(&r, "entry_higher_ed", 2025), 0.0, 1e-9);
    for (int y = 2021; y <= 2050; y++)
        assert_true(model_at(&r, "tertiary_share", y) < model_at(&r, "tertiary_share", y - 1));
    run_result_release(&r);
    check_sound(&sc, "no education");
}

static void test_every_lever_at_its_minimum_and_maximum(void **st)
{
    (void)st;
    scenario lo, hi;
    scenario_init(&lo);
    scenario_init(&hi);
    for (int l = 0; l < LEVER_COUNT; l++) {
        int id = var_lever_ids[l];
        lo.value[id] = var_table[id].min;
        hi.value[id] = var_table[id].max;
        hi.lever_start[id] = 2021;
        hi.lever_ramp[id] = 2;
    }
    check_sound(&lo, "every lever at its minimum");
    check_sound(&hi, "every lever at its maximum");
}

static void test_all_corners_of_each_priority_s_levers(void **st)
{
    (void)st;
    for (int p = 0; p < PRIO_COUNT; p++) {
        int ids[LEVER_COUNT], n = 0;
        for (int l = 0; l < LEVER_COUNT; l++) {
            const var_desc *d = &var_table[var_lever_ids[l]];
            /* Each lever joins the group of its first priority. */
            if ((d->priorities & ((1u << (p + 1)) - 1)) == (1u << p))
                ids[n++] = var_lever_ids[l];
        }
        assert_true(n > 0 && n <= 6);
        for (unsigned corner = 0; corner < (1u << n); corner++) {
            scenario sc;
            scenario_init(&sc);
            for (int k = 0; k < n; k++)
                sc.value[ids[k]] = corner & (1u << k) ? var_table[ids[k]].max : var_table[ids[k]].min;
            char what[64];
            snprintf(what, sizeof what, "corner %u of the %s levers", corner, var_priority_code(p));
            check_sound(&sc, what);
        }
    }
}

static void test_every_assumption_and_parameter_at_its_limits(void **st)
{
    (void)st;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (d->kind != VAR_ASSUMPTION && d->kind != VAR_PARAM)
            continue;
        const double ends[2] = {d->min, d->max};
        for (int k = 0; k < 2; k++) {
            scenario sc;
            scenario_init(&sc);
            sc.value[i] = ends[k];
            char what[160];
            snprintf(what, sizeof what, "'%s' = %g", d->name, ends[k]);
            check_sound(&sc, what);
        }
    }
}

/* xorshift64: a fixed stream of uniform numbers in [0, 1). */
static double uniform(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return (double)(*x >> 11) / 9007199254740992.0;
}

static void test_random_draws_of_every_estimate_and_lever_stay_sound(void **st)
{
    (void)st;
    uint64_t x = 88172645463325252ull;
    for (int k = 0; k < 200; k++) {
        scenario sc;
        scenario_init(&sc);
        for (int i = 0; i < VAR_COUNT; i++) {
            const var_desc *d = &var_table[i];
            double u = uniform(&x);
            if (d->kind == VAR_LEVER)
                sc.value[i] = d->min + u * (d->max - d->min);
            else if (d->dist != DIST_NONE)
                sc.value[i] = d->unc_lo + u * (d->unc_hi - d->unc_lo);
        }
        char what[32];
        snprintf(what, sizeof what, "draw %d", k);
        check_sound(&sc, what);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_hiring_drives_unemployment_towards_one),
        cmocka_unit_test(test_no_firm_births_empties_the_firm_stock),
        cmocka_unit_test(test_no_education_lets_the_tertiary_share_fall),
        cmocka_unit_test(test_every_lever_at_its_minimum_and_maximum),
        cmocka_unit_test(test_all_corners_of_each_priority_s_levers),
        cmocka_unit_test(test_every_assumption_and_parameter_at_its_limits),
        cmocka_unit_test(test_random_draws_of_every_estimate_and_lever_stay_sound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
