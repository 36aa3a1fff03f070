/* test_challenges.c: the challenges of the teaching kit (docs/teaching/{en,sv}/
 * challenges.md) can be met. Each has a solution file in scenarios/teaching/
 * (challengeN_*.ini); this test runs it and asserts that the target is met
 * in the deadline year and that spending stays within the challenge's budget
 * in every year. A change to the model that breaks a solution, or a target
 * changed in the kit without its solution, fails here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/files/scenario.h"
#include "tests/model_test_util.h"

#define SRC TRANSIM_SOURCE_DIR

/* What a target is measured against. */
typedef enum challenge_ref {
    REF_NONE,     /* the target is a level: factor x 1 */
    REF_OWN_2020, /* a share of the scenario's own 2020 value */
    REF_BASELINE  /* a share of the baseline's value in the deadline year */
} challenge_ref;

/* One challenge as the kit states it: indicator in year is at most (sign -1)
 * or at least (sign +1) factor x ref + offset, with spending at most budget
 * MSEK in every year. */
typedef struct challenge {
    const char *file;      /* solution under scenarios/teaching/ */
    const char *indicator; /* target indicator */
    double year;           /* deadline */
    int sign;              /* -1 at most, +1 at least */
    challenge_ref ref;     /* what factor multiplies */
    double factor, offset; /* target = factor x ref + offset */
    double budget;         /* MSEK a year, the file's budget cap */
} challenge;

static const challenge challenges[] = {
    {"challenge1_emissions.ini", "emissions_industry", 2035, -1, REF_OWN_2020, 0.5, 0, 800},
    {"challenge2_unemployment.ini", "unemployment_rate_low", 2030, -1, REF_NONE, 0.175, 0, 500},
    {"challenge3_grp.ini", "grp_vs_sweden", 2040, +1, REF_BASELINE, 1, 0.003, 600},
    {"challenge4_young.ini", "working_age_pop", 2040, +1, REF_BASELINE, 1, 1200, 400},
    {"challenge5_skills.ini", "skill_mismatch", 2035, -1, REF_BASELINE, 0.75, 0, 500},
};
enum { N_CHALLENGES = sizeof challenges / sizeof challenges[0] };

static void load(scenario *sc, const char *path)
{
    sim_error err;
    if (scenario_load(sc, path, &err) != SIM_OK) {
        char buf[1200];
        fail_msg("%s", sim_error_format(&err, buf, sizeof buf));
    }
}

static void check(const challenge *c, const run_result *base)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/teaching/%s", SRC, c->file);
    static scenario sc;
    load(&sc, path);
    if (sc.value[V_BUDGET_CAP] != c->budget)
        fail_msg("%s: budget cap %g, the challenge's budget is %g", c->file,
                 sc.value[V_BUDGET_CAP], c->budget);
    run_result r;
    model_run(&sc, &r);
    for (size_t i = 0; i < r.rows; i++) {
        double spend = run_value(&r, i, V_SPEND_TOTAL);
        double over = run_value(&r, i, V_BUDGET_OVER);
        if (over > 0 || spend > c->budget + 1e-6)
            fail_msg("%s: spends %g MSEK in %g (over the cap: %g), budget %g", c->file, spend,
                     r.t[i], over, c->budget);
    }
    double ref = c->ref == REF_NONE       ? 1
                 : c->ref == REF_OWN_2020 ? model_at(&r, c->indicator, 2020)
                                          : model_at(base, c->indicator, c->year);
    double target = c->factor * ref + c->offset;
    double got = model_at(&r, c->indicator, c->year);
    if (c->sign < 0 ? !(got <= target) : !(got >= target))
        fail_msg("%s: %s in %g is %.6g, the target is %s %.6g", c->file, c->indicator, c->year,
                 got, c->sign < 0 ? "at most" : "at least", target);
    print_message("%s: %s %g = %.6g against %.6g\n", c->file, c->indicator, c->year, got, target);
    /* The baseline alone does not meet it: the challenge asks for something. */
    double b = model_at(base, c->indicator, c->year);
    double b_ref = c->ref == REF_OWN_2020 ? model_at(base, c->indicator, 2020) : ref;
    double b_target = c->factor * b_ref + c->offset;
    if (c->sign < 0 ? b <= b_target : b >= b_target)
        fail_msg("%s: the baseline already meets the target (%.6g against %.6g)", c->indicator, b,
                 b_target);
    run_result_release(&r);
}

static void test_every_challenge_solution_meets_its_target_within_budget(void **state)
{
    (void)state;
    static scenario base;
    load(&base, SRC "/scenarios/baseline.ini");
    run_result b;
    model_run(&base, &b);
    for (int i = 0; i < N_CHALLENGES; i++)
        check(&challenges[i], &b);
    run_result_release(&b);
}

/* The check can fail: a solution's levers set back to the baseline miss. */
static void test_the_baseline_levers_miss_every_target(void **state)
{
    (void)state;
    static scenario base;
    load(&base, SRC "/scenarios/baseline.ini");
    run_result b;
    model_run(&base, &b);
    for (int i = 0; i < N_CHALLENGES; i++) {
        const challenge *c = &challenges[i];
        double ref = c->ref == REF_NONE       ? 1
                     : c->ref == REF_OWN_2020 ? model_at(&b, c->indicator, 2020)
                                              : model_at(&b, c->indicator, c->year);
        double got = model_at(&b, c->indicator, c->year);
        double target = c->factor * ref + c->offset;
        assert_true(c->sign < 0 ? got > target : got < target);
    }
    run_result_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_challenge_solution_meets_its_target_within_budget),
        cmocka_unit_test(test_the_baseline_levers_miss_every_target),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
