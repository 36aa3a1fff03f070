/* test_link.c: scenarios as links (sim/files/link.c): every bundled scenario
 * goes file -> link -> scenario and runs to the same numbers as the file; the
 * percent-encoding; the forms of a link; and every bad link gives its message
 * naming the entry and leaves the scenario untouched. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/engine/run.h"
#include "sim/files/link.h"
#include "sim/files/scenario.h"

#define SCENARIOS TRANSIM_SOURCE_DIR "/scenarios"

static char link_buf[LINK_MAX_BYTES + 1];

/* 1 when a and b are the same scenario but for the path. */
static int same_scenario(const scenario *a, const scenario *b)
{
    if (strcmp(a->name, b->name) != 0 || strcmp(a->description, b->description) != 0 ||
        a->start != b->start || a->end != b->end || a->nseries != b->nseries ||
        memcmp(a->value, b->value, sizeof a->value) != 0 ||
        memcmp(a->lever_start, b->lever_start, sizeof a->lever_start) != 0 ||
        memcmp(a->lever_ramp, b->lever_ramp, sizeof a->lever_ramp) != 0 ||
        memcmp(a->set, b->set, sizeof a->set) != 0)
        return 0;
    for (int i = 0; i < a->nseries; i++) {
        const scenario_series *s = &a->series[i], *t = &b->series[i];
        if (s->var != t->var || s->n != t->n ||
            memcmp(s->year, t->year, (size_t)s->n * sizeof s->year[0]) != 0 ||
            memcmp(s->value, t->value, (size_t)s->n * sizeof s->value[0]) != 0)
            return 0;
    }
    return 1;
}

static void test_every_bundled_scenario_runs_the_same_from_its_link(void **state)
{
    (void)state;
    DIR *d = opendir(SCENARIOS);
    assert_non_null(d);
    int count = 0;
    scenario *file = malloc(sizeof *file), *linked = malloc(sizeof *linked);
    assert_non_null(file);
    assert_non_null(linked);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".ini") != 0)
            continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", SCENARIOS, e->d_name);
        sim_error err;
        assert_int_equal(scenario_load(file, path, &err), SIM_OK);
        assert_int_equal(link_format(file, "https://example.org/transim/", link_buf,
                                     sizeof link_buf, &err),
                         SIM_OK);
        if (link_parse(linked, link_buf, &err) != SIM_OK)
            print_error("%s: %s\n", path, err.msg);
        assert_int_equal(link_parse(linked, link_buf, &err), SIM_OK);
        if (!same_scenario(file, linked))
            print_error("%s: the link gives another scenario: %s\n", path, link_buf);
        assert_true(same_scenario(file, linked));
        assert_string_equal(linked->path, "");

        run_result a, b;
        run_result_init(&a);
        run_result_init(&b);
        assert_int_equal(run_scenario(file, NULL, &a, NULL), SIM_OK);
        assert_int_equal(run_scenario(linked, NULL, &b, NULL), SIM_OK);
        assert_int_equal(a.rows, b.rows);
        assert_memory_equal(a.t, b.t, a.rows * sizeof *a.t);
        assert_memory_equal(a.v, b.v, a.rows * VAR_COUNT * sizeof *a.v);
        run_result_release(&a);
        run_result_release(&b);
        count++;
    }
    closedir(d);
    free(file);
    free(linked);
    assert_true(count >= 5);
}

static void test_the_forms_of_a_link_read_alike(void **state)
{
    (void)state;
    static const char *const forms[] = {
        "adult_training_places=6000&adult_training_places.start=2023",
        "#adult_training_places=6000&adult_training_places.start=2023",
        "https://example.org/t/?x=1#adult_training_places=6000&&adult_training_places.start=2023&",
        "#adult_training_places=6%30%300&adult_training_places.start=2023",
    };
    scenario want;
    scenario_init(&want);
    want.value[V_ADULT_TRAINING] = 6000;
    want.lever_start[V_ADULT_TRAINING] = 2023;
    want.set[V_ADULT_TRAINING] = 1;
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        scenario sc;
        sim_error err;
        assert_int_equal(link_parse(&sc, forms[i], &err), SIM_OK);
        assert_true(same_scenario(&sc, &want));
    }
    /* A page's address without a fragment, or an empty one, is the baseline. */
    static const char *const empty[] = {"https://example.org/transim/", "#", "", "/index.html"};
    scenario base;
    scenario_init(&base);
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
        scenario sc;
        assert_int_equal(link_parse(&sc, empty[i], NULL), SIM_OK);
        assert_true(same_scenario(&sc, &base));
    }
}

static void test_names_with_any_character_survive_the_link(void **state)
{
    (void)state;
    scenario sc, back;
    scenario_init(&sc);
    snprintf(sc.name, sizeof sc.name, "Ström & co = 100%% #1 a+b?");
    snprintf(sc.description, sizeof sc.description, "Två rader; nej, en: 'x' \"y\" <z>");
    sc.value[V_ADULT_TRAINING] = 1234.5678901234567;
    sc.set[V_ADULT_TRAINING] = 1;
    sim_error err;
    assert_int_equal(link_format(&sc, NULL, link_buf, sizeof link_buf, &err), SIM_OK);
    assert_int_equal(link_buf[0], '#');
    /* Only the delimiters separate entries: none is left inside a value. */
    assert_null(strchr(link_buf + 1, '#'));
    assert_null(strchr(link_buf, ' '));
    assert_int_equal(link_parse(&back, link_buf, &err), SIM_OK);
    assert_string_equal(back.name, sc.name);
    assert_string_equal(back.description, sc.description);
    assert_true(back.value[V_ADULT_TRAINING] == sc.value[V_ADULT_TRAINING]);
}

static void test_encode_and_decode_are_inverse(void **state)
{
    (void)state;
    char all[256], enc[1024], dec[256];
    for (int c = 1; c < 256; c++)
        all[c - 1] = (char)c;
    all[255] = '\0';
    long n = link_encode(all, enc, sizeof enc);
    assert_true(n > 0);
    assert_int_equal(link_decode(enc, (size_t)n, dec, sizeof dec), 255);
    assert_memory_equal(dec, all, 256);
    assert_int_equal(link_encode("abc", enc, 3), -1); /* no room for the NUL */
    assert_int_equal(link_decode("%4", 2, dec, sizeof dec), -1);
    assert_int_equal(link_decode("%g0", 3, dec, sizeof dec), -1);
    assert_int_equal(link_decode("%00", 3, dec, sizeof dec), -1);
    assert_int_equal(link_decode("a+b", 3, dec, sizeof dec), 3);
    assert_string_equal(dec, "a b");
}

/* Parses link into a sentinel scenario and checks that it fails with a
 * message containing want, changing nothing. */
static void expect_link_error(const char *link, const char *want)
{
    scenario sc, before;
    scenario_init(&sc);
    sc.value[V_ADULT_TRAINING] = 4321;
    snprintf(sc.name, sizeof sc.name, "sentinel");
    before = sc;
    sim_error err;
    sim_status st = link_parse(&sc, link, &err);
    if (st == SIM_OK || strstr(err.msg, want) == NULL)
        print_error("link '%s': status %d, message '%s'; wanted '%s'\n", link, (int)st, err.msg,
                    want);
    assert_int_equal(st, SIM_EPARSE);
    assert_non_null(strstr(err.msg, want));
    assert_string_equal(err.path, "link");
    assert_memory_equal(&sc, &before, sizeof sc);
}

static void test_bad_links_say_which_entry_and_why(void **state)
{
    (void)state;
    expect_link_error("#adult_trainig_places=6000",
                      "entry 1 'adult_trainig_places=6000': unknown name 'adult_trainig_places' "
                      "(did you mean 'adult_training_places'?)");
    expect_link_error("#start=2020&zzzzzzzzzzzz=1", "entry 2 'zzzzzzzzzzzz=1': unknown name");
    expect_link_error("#adult_training_places=abc", "value 'abc' of 'adult_training_places' "
                                                    "is not a number");
    expect_link_error("#adult_training_places=", "is not a number");
    expect_link_error("#adult_training_places=1e999", "adult_training_places");
    expect_link_error("#adult_training_places=99999999", "outside its range");
    expect_link_error("#adult_training_places", "expected NAME=VALUE");
    expect_link_error("#a%zz=1", "bad percent-encoding");
    expect_link_error("#adult_training_places=6%0", "bad percent-encoding");
    expect_link_error("#adult_training_places=%00", "bad percent-encoding");
    expect_link_error("#adult%20training=1", "is not a name");
    char longname[300];
    memset(longname, 'x', sizeof longname - 3);
    snprintf(longname + sizeof longname - 3, 3, "=1");
    expect_link_error(longname, "is no name of the model");
    expect_link_error("#base=baseline.ini", "a link cannot name a base file");
    expect_link_error("#adult_training_places.begin=2025", "unknown lever field 'begin'");
    expect_link_error("#export_growth.start=2030", "not a lever");
    expect_link_error("#emissions_total=3", "not");
    expect_link_error("#start=2030&adult_training_places.start=2025",
                      "entry 2 'adult_training_places.start=2025': start 2025");
    expect_link_error("#start=2050&end=2030", "is not before end");
    expect_link_error("#name=%20padded", "starts or ends with a blank");
    expect_link_error("#name=a%0Ab", "line break");
    expect_link_error("#description=x%3B%20y%20%3Bz", "';'");
    expect_link_error("#export_growth.series=2020:0.01,2021:0.5", "outside its range");
    expect_link_error("#export_growth.series=2020:0.01,2019:0.02", "entry 1");
    expect_link_error("#adult_training_places.series=2020:1", "not an assumption");
    expect_link_error("#export_growht.series=2020:0.01", "did you mean 'export_growth'");
    expect_link_error("#end=2030&export_growth.series=2020:0.01,2040:0.02",
                      "within the run 2020 to 2030");
    expect_link_error("#adult_training_places=1&adult_training_places=6000000", "entry 2");
    char *big = malloc(LINK_MAX_BYTES + 10);
    assert_non_null(big);
    memset(big, 'a', LINK_MAX_BYTES + 8);
    big[LINK_MAX_BYTES + 8] = '\0';
    expect_link_error(big, "longer than");
    free(big);
}

static void test_a_link_too_long_for_the_buffer_is_refused(void **state)
{
    (void)state;
    scenario sc;
    scenario_init(&sc);
    sc.value[V_ADULT_TRAINING] = 6000;
    sc.set[V_ADULT_TRAINING] = 1;
    char small[20];
    sim_error err;
    assert_int_equal(link_format(&sc, "https://example.org/", small, sizeof small, &err),
                     SIM_EINVAL);
    assert_string_equal(small, "");
    assert_non_null(strstr(err.msg, "more than"));
    sc.value[V_ADULT_TRAINING] = -1; /* out of range: no link for it */
    assert_int_equal(link_format(&sc, NULL, link_buf, sizeof link_buf, &err), SIM_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_bundled_scenario_runs_the_same_from_its_link),
        cmocka_unit_test(test_the_forms_of_a_link_read_alike),
        cmocka_unit_test(test_names_with_any_character_survive_the_link),
        cmocka_unit_test(test_encode_and_decode_are_inverse),
        cmocka_unit_test(test_bad_links_say_which_entry_and_why),
        cmocka_unit_test(test_a_link_too_long_for_the_buffer_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
