/* test_model_table.c: the model table is complete: every row has a unique
 * snake_case name, a unit, labels in English and Swedish, a description in
 * English and one in Swedish, an equation and a source, whose Swedish text
 * sim/model/source_sv.def holds; every name in a
 * row's inputs exists; every estimated assumption and parameter has an
 * uncertainty range holding its value; levers have ranges, costs and tags;
 * each stock's row holds its 2020 value at the central parameters; 8 to 12
 * key indicators. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <string.h>

#include "tests/model_test_util.h"

static int is_snake(const char *s)
{
    if (s == NULL || !islower((unsigned char)s[0]))
        return 0;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
            return 0;
    return 1;
}

static int nonempty(const char *s)
{
    return s != NULL && s[0] != '\0';
}

static void test_every_row_is_named_labelled_and_sourced(void **st)
{
    (void)st;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (!is_snake(d->name))
            fail_msg("row %s: name '%s' is not snake_case", d->id, d->name ? d->name : "");
        if (!nonempty(d->unit) || !nonempty(d->label_en) || !nonempty(d->label_sv) ||
            !nonempty(d->desc) || !nonempty(d->eq) || !nonempty(d->source) || d->inputs == NULL)
            fail_msg("'%s' lacks a unit, label, description, equation, inputs or source", d->name);
        for (int j = 0; j < i; j++)
            if (strcmp(var_table[j].name, d->name) == 0)
                fail_msg("'%s' is named twice", d->name);
    }
}

/* A class in Swedish reads desc_sv wherever the window, `list --lang sv` and
 * the Swedish reference show a description: every row has one, and it is not
 * the English text copied over. */
static void test_every_row_has_a_swedish_description(void **st)
{
    (void)st;
    int missing = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (!nonempty(d->desc_sv) || (d->desc != NULL && strcmp(d->desc, d->desc_sv) == 0)) {
            print_message("'%s' has no Swedish description (.desc_sv)\n", d->name);
            missing++;
        }
    }
    assert_int_equal(missing, 0);
}

/* The bracketed tags of s ("[S15]", "[E9, E11]", "[est]") sorted and joined
 * into buf, so that two texts citing the same tags in any order compare equal. */
static void tags_of(const char *s, char *buf, size_t n)
{
    const char *tag[64];
    size_t len[64], k = 0;
    for (const char *p = s; (p = strchr(p, '[')) != NULL && k < 64; p++) {
        const char *close = strchr(p, ']');
        if (close == NULL)
            break;
        tag[k] = p;
        len[k++] = (size_t)(close - p) + 1;
    }
    for (size_t i = 1; i < k; i++) /* insertion sort, by text */
        for (size_t j = i; j > 0; j--) {
            size_t m = len[j] < len[j - 1] ? len[j] : len[j - 1];
            int c = memcmp(tag[j - 1], tag[j], m);
            if (c < 0 || (c == 0 && len[j - 1] <= len[j]))
                break;
            const char *t = tag[j];
            size_t l = len[j];
            tag[j] = tag[j - 1], len[j] = len[j - 1];
            tag[j - 1] = t, len[j - 1] = l;
        }
    buf[0] = '\0';
    for (size_t i = 0, used = 0; i < k && used + len[i] + 1 < n; used += len[i], i++) {
        memcpy(buf + used, tag[i], len[i]);
        buf[used + len[i]] = '\0';
    }
}

/* The window, `list --lang sv` and the Swedish reference show each row's
 * source and each lever's evidence note in Swedish (sim/model/source_sv.def):
 * every one with words has a Swedish text citing the same tags, and every
 * entry is still some row's. A changed or new text fails here with the line
 * to add. */
static void test_every_source_has_a_swedish_text(void **st)
{
    (void)st;
    int missing = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (d->ev_note != NULL && var_source_sv(d->ev_note) == NULL) {
            print_message("'%s': no Swedish text of its evidence note; add to "
                          "sim/model/source_sv.def:\nSOURCE_SV(\"%s\",\n          \"...\")\n",
                          d->name, d->ev_note);
            missing++;
        }
        if (var_source_sv(d->source) != NULL)
            continue;
        int told = 0;
        for (int j = 0; j < i; j++)
            told |= strcmp(var_table[j].source, d->source) == 0;
        if (!told)
            print_message("'%s': no Swedish text of its source; add to sim/model/source_sv.def:\n"
                          "SOURCE_SV(\"%s\",\n          \"...\")\n",
                          d->name, d->source);
        missing++;
    }
    for (int e = 0; e < var_source_sv_count(); e++) {
        const char *sv;
        const char *en = var_source_sv_entry(e, &sv);
        char t_en[1024], t_sv[1024];
        tags_of(en, t_en, sizeof t_en);
        tags_of(sv, t_sv, sizeof t_sv);
        if (strcmp(t_en, t_sv) != 0) {
            print_message("source_sv.def: the Swedish of \"%s\" cites %s, not %s\n", en, t_sv,
                          t_en);
            missing++;
        }
        int used = 0;
        for (int i = 0; i < VAR_COUNT && !used; i++)
            used = strcmp(var_table[i].source, en) == 0 ||
                   (var_table[i].ev_note != NULL && strcmp(var_table[i].ev_note, en) == 0);
        if (!used) {
            print_message("source_sv.def: no row's source is \"%s\" any more\n", en);
            missing++;
        }
        for (int f = 0; f < e; f++)
            if (strcmp(var_source_sv_entry(f, NULL), en) == 0) {
                print_message("source_sv.def: \"%s\" is there twice\n", en);
                missing++;
            }
    }
    assert_int_equal(missing, 0);
    /* The look-up itself: a tag-only source is the same in Swedish. */
    assert_string_equal(var_source_sv("[S15] [est]"), "[S15] [est]");
    assert_null(var_source_sv("a source nobody wrote"));
    const var_desc *d = &var_table[var_find("adult_training_places")];
    assert_string_equal(var_source_text(d, 0), d->source);
    assert_true(strcmp(var_source_text(d, 1), d->source) != 0);
}

/* 1 when token names a variable or one of the groups the budget rows use. */
static int input_exists(const char *token)
{
    if (var_find(token) >= 0 || strcmp(token, "every lever") == 0 ||
        strcmp(token, "every lever's take-up") == 0)
        return 1;
    static const char *const groups[] = {"P1", "P2", "P3", "P4", "P5", "T1", "T2", "T3", "T4"};
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        char name[32];
        snprintf(name, sizeof name, "levers tagged %s", groups[g]);
        if (strcmp(token, name) == 0)
            return 1;
    }
    return 0;
}

static void test_every_input_names_a_variable(void **st)
{
    (void)st;
    for (int i = 0; i < VAR_COUNT; i++) {
        const char *p = var_table[i].inputs;
        while (*p) {
            while (*p == ' ' || *p == ',')
                p++;
            size_t n = strcspn(p, ",");
            while (n > 0 && p[n - 1] == ' ')
                n--;
            if (n == 0)
                break;
            char token[128];
            assert_true(n < sizeof token);
            memcpy(token, p, n);
            token[n] = '\0';
            if (!input_exists(token))
                fail_msg("'%s' reads '%s', which is not a variable", var_table[i].name, token);
            p += n;
        }
    }
}

/* A computed row names what it reads; only an auxiliary whose equation is a
 * constant ("1: every funded unit is used") reads nothing, and a row that
 * reads nothing has such an equation. */
static void test_stocks_and_flows_list_their_inputs(void **st)
{
    (void)st;
    for (int i = 0; i < VAR_COUNT; i++) {
        var_kind k = var_table[i].kind;
        const char *eq = var_table[i].eq;
        int constant =
            k == VAR_AUX && eq[0] >= '0' && eq[0] <= '9' && eq[strspn(eq, "0123456789.")] == ':';
        if ((k == VAR_STOCK || k == VAR_FLOW || k == VAR_AUX || k == VAR_INDICATOR) &&
            var_table[i].inputs[0] == '\0' && !constant)
            fail_msg("'%s' has an equation but no inputs", var_table[i].name);
        if (constant && var_table[i].inputs[0] != '\0')
            fail_msg("'%s' is a constant but names the inputs '%s'", var_table[i].name,
                     var_table[i].inputs);
    }
}

static void test_estimates_have_a_range_holding_their_value(void **st)
{
    (void)st;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (d->kind != VAR_ASSUMPTION && d->kind != VAR_PARAM)
            continue;
        if (!(d->min <= d->value && d->value <= d->max))
            fail_msg("'%s' = %g lies outside its range [%g, %g]", d->name, d->value, d->min, d->max);
        if (var_is_estimate(d) && d->dist == DIST_NONE)
            fail_msg("'%s' is an estimate without an uncertainty distribution", d->name);
        if (d->dist == DIST_NONE)
            continue;
        if (!(d->unc_lo < d->unc_hi && d->unc_lo <= d->value && d->value <= d->unc_hi))
            fail_msg("'%s' = %g is not inside its uncertainty range [%g, %g]", d->name, d->value,
                     d->unc_lo, d->unc_hi);
        if (!(d->min <= d->unc_lo && d->unc_hi <= d->max))
            fail_msg("'%s': uncertainty range [%g, %g] leaves the allowed range [%g, %g]", d->name,
                     d->unc_lo, d->unc_hi, d->min, d->max);
    }
}

static void test_levers_have_ranges_costs_and_tags(void **st)
{
    (void)st;
    assert_int_equal(LEVER_COUNT, 18);
    unsigned prios = 0, themes = 0;
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        if (!(d->min <= d->value && d->value < d->policy && d->policy <= d->max))
            fail_msg("lever '%s': baseline %g and policy %g do not fit [%g, %g]", d->name, d->value,
                     d->policy, d->min, d->max);
        if (!(d->cost > 0.0) || d->priorities == 0 || d->themes == 0)
            fail_msg("lever '%s' lacks a cost, a priority or a theme", d->name);
        prios |= d->priorities;
        themes |= d->themes;
    }
    assert_int_equal(prios, (1u << PRIO_COUNT) - 1);
    assert_int_equal(themes, (1u << THEME_COUNT) - 1);
}

static void test_eight_to_twelve_key_indicators_with_a_direction(void **st)
{
    (void)st;
    int keys = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        if (!var_table[i].key)
            continue;
        keys++;
        if (var_table[i].better == 0)
            fail_msg("key indicator '%s' has no better direction", var_table[i].name);
    }
    if (keys < 8 || keys > 12)
        fail_msg("%d key indicators", keys);
}

static void test_stock_rows_hold_the_2020_state_at_central_values(void **st)
{
    (void)st;
    scenario sc;
    scenario_init(&sc);
    static double v[VAR_COUNT], y[STOCK_COUNT];
    for (int i = 0; i < VAR_COUNT; i++)
        v[i] = sc.value[i];
    model_init(SCENARIO_START_MIN, v, y);
    for (int s = 0; s < STOCK_COUNT; s++) {
        const var_desc *d = &var_table[var_stock_ids[s]];
        if (!(fabs(y[s] - d->value) <= 1e-5 * fabs(y[s]) + 1e-12))
            fail_msg("stock '%s' starts at %.6g but its row says %.6g: update its .value", d->name,
                     y[s], d->value);
    }
}

static void test_required_indicators_exist(void **st)
{
    (void)st;
    static const char *const required[] = {
        "population", "working_age_pop", "employment", "unemployment_rate",
        "unemployment_rate_low", "unemployment_rate_med", "unemployment_rate_high",
        "skill_mismatch", "skill_shortage", "mfg_jobs", "grp", "grp_per_capita", "firm_starts",
        "firm_starts_per_1000", "active_firms", "survival_3y", "digital_share", "innovation_share",
        "rd_intensity", "energy_industry", "energy_intensity", "emissions_industry",
        "emissions_total", "rural_broadband_coverage", "spend_total", "spend_cumulative",
        "spend_p1", "spend_t4", "budget_over", "grp_vs_sweden",
    };
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        model_var(required[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row_is_named_labelled_and_sourced),
        cmocka_unit_test(test_every_row_has_a_swedish_description),
        cmocka_unit_test(test_every_source_has_a_swedish_text),
        cmocka_unit_test(test_every_input_names_a_variable),
        cmocka_unit_test(test_stocks_and_flows_list_their_inputs),
        cmocka_unit_test(test_estimates_have_a_range_holding_their_value),
        cmocka_unit_test(test_levers_have_ranges_costs_and_tags),
        cmocka_unit_test(test_eight_to_twelve_key_indicators_with_a_direction),
        cmocka_unit_test(test_stock_rows_hold_the_2020_state_at_central_values),
        cmocka_unit_test(test_required_indicators_exist),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
