/* test_model_direction.c: each lever, raised from its baseline to its
 * full-toolbox value in 2021, moves the indicators its description names in
 * the documented direction by 2035; at its maximum, a lever still moves its
 * main indicator that way (though not always further: too many trainees, for
 * example, overshoot the skills the market needs). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "tests/model_test_util.h"

typedef struct effect {
    const char *lever;     /* lever name */
    const char *indicator; /* indicator it is documented to move */
    int sign;              /* +1 raises it, -1 lowers it */
} effect;

/* The documented effects (see each lever's eq in sim/model/levers.def). The first
 * effect of each lever is its main one. */
static const effect effects[] = {
    {"adult_training_places", "skill_mismatch", -1},
    {"adult_training_places", "unemployment_rate_low", -1},
    {"adult_training_places", "employment", +1},
    {"adult_training_places", "tertiary_share", +1},
    {"skills_foresight", "skill_mismatch", -1},
    {"skills_foresight", "employment", +1},
    {"in_firm_training", "human_capital_index", +1},
    {"in_firm_training", "unemployment_rate_med", -1},
    {"graduate_retention", "tertiary_share", +1},
    {"graduate_retention", "population", +1},
    {"sme_digital_support", "digital_share", +1},
    {"sme_digital_support", "grp", +1},
    {"cluster_networks", "digital_share", +1},
    {"cluster_networks", "innovation_share", +1},
    {"cluster_networks", "energy_intensity", -1},
    {"rd_collaboration", "rd_intensity", +1},
    {"rd_collaboration", "innovation_share", +1},
    {"challenge_lab_projects", "energy_industry", -1},
    {"challenge_lab_projects", "innovation_share", +1},
    {"entrepreneurship_support", "firm_starts", +1},
    {"entrepreneurship_support", "survival_3y", +1},
    {"entrepreneurship_support", "active_firms", +1},
    {"seed_capital", "survival_3y", +1},
    /* Not active_firms: the funded firms that survive are about as many as
     * the starts that lower unemployment no longer pushes (the 2010-20 fit
     * gives start_unemployment_effect > 0), so its net sign is not robust. */
    {"seed_capital", "employment", +1},
    {"innovation_cheques", "innovation_share", +1},
    {"energy_audits", "energy_industry", -1},
    {"energy_audits", "emissions_total", -1},
    {"decarbonisation_support", "emissions_industry", -1},
    {"decarbonisation_support", "emissions_total", -1},
    {"permitting_and_grid", "emissions_industry", -1},
    {"rural_broadband", "rural_broadband_coverage", +1},
    {"rural_broadband", "digital_share", +1},
    {"remote_hubs", "population", +1},
    {"remote_hubs", "in_migration", +1},
    {"urban_rural_links", "unemployment_rate", -1},
    {"urban_rural_links", "employment", +1},
    {"integration_programme", "unemployment_rate_low", -1},
    {"integration_programme", "skill_mismatch", -1},
};
enum { N_EFFECTS = sizeof effects / sizeof effects[0] };

/* Relative change of indicator in 2035 when lever is set to value in 2021. */
static double change_2035(const run_result *base, const char *lever, double value,
                          const char *indicator)
{
    scenario sc;
    scenario_init(&sc);
    int id = model_var(lever);
    sc.value[id] = value;
    sc.lever_start[id] = 2021;
    run_result r;
    model_run(&sc, &r);
    double x = model_at(&r, indicator, 2035), x0 = model_at(base, indicator, 2035);
    run_result_release(&r);
    return (x - x0) / fabs(x0);
}

static void test_every_lever_moves_its_indicators_the_documented_way(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result base;
    model_run(&sc, &base);
    for (size_t i = 0; i < N_EFFECTS; i++) {
        const effect *e = &effects[i];
        double rel = change_2035(&base, e->lever, var_table[model_var(e->lever)].policy, e->indicator);
        if (!(rel * e->sign > 1e-4))
            fail_msg("'%s' at its policy value changes '%s' by %+.4f %% in 2035; expected %s",
                     e->lever, e->indicator, rel * 100.0, e->sign > 0 ? "a rise" : "a fall");
    }
    run_result_release(&base);
}

static void test_every_lever_is_documented_here(void **st)
{
    (void)st;
    for (int l = 0; l < LEVER_COUNT; l++) {
        const char *name = var_table[var_lever_ids[l]].name;
        size_t i = 0;
        while (i < N_EFFECTS && strcmp(effects[i].lever, name) != 0)
            i++;
        if (i == N_EFFECTS)
            fail_msg("lever '%s' has no documented effect in this test", name);
    }
}

static void test_a_lever_at_its_maximum_still_moves_its_main_indicator(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    run_result base;
    model_run(&sc, &base);
    const char *last = "";
    for (size_t i = 0; i < N_EFFECTS; i++) {
        const effect *e = &effects[i];
        if (strcmp(e->lever, last) == 0)
            continue;
        last = e->lever;
        const var_desc *d = &var_table[model_var(e->lever)];
        double at_max = change_2035(&base, e->lever, d->max, e->indicator) * e->sign;
        if (!(at_max > 1e-4))
            fail_msg("'%s' at its maximum moves '%s' by %+.4f %% the documented way", e->lever,
                     e->indicator, at_max * 100.0);
    }
    run_result_release(&base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_lever_moves_its_indicators_the_documented_way),
        cmocka_unit_test(test_every_lever_is_documented_here),
        cmocka_unit_test(test_a_lever_at_its_maximum_still_moves_its_main_indicator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
