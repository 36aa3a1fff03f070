/* test_status.c: error reports in two languages (sim/engine/status.c and its
 * table of Swedish templates, status_sv.def): the formatting of both texts,
 * that every Swedish template reads its arguments as the English one does,
 * and, by reading the sources, that every message format has a Swedish row
 * and no row is left over. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sim/engine/status.h"
#include "sim/files/link.h"
#include "sim/files/scenario.h"
#include "sim/model/constraint.h"
#include "sim/model/model.h"

static void test_set_fills_both_languages_with_the_same_arguments(void **state)
{
    (void)state;
    sim_error e;
    sim_error_clear(&e);
    assert_int_equal(sim_error_set(&e, SIM_EPARSE, "x.ini", 3, "unknown lever '%s'", "trainng"),
                     SIM_EPARSE);
    assert_string_equal(e.msg, "unknown lever 'trainng'");
    assert_string_equal(e.msg_sv, "ok\xC3\xA4nt styrmedel 'trainng'");
    char buf[200];
    assert_string_equal(sim_error_format(&e, buf, sizeof buf), "x.ini:3: unknown lever 'trainng'");
    assert_string_equal(sim_error_format_lang(&e, 1, buf, sizeof buf),
                        "x.ini:3: ok\xC3\xA4nt styrmedel 'trainng'");
    assert_string_equal(sim_error_format_lang(&e, 0, buf, sizeof buf),
                        "x.ini:3: unknown lever 'trainng'");
}

static void test_numbers_and_star_precision_are_read_in_order(void **state)
{
    (void)state;
    sim_error e;
    sim_error_set(&e, SIM_EINVAL, NULL, 0, "series of '%s' runs %g to %g, outside the run %g to %g",
                  "x", 2010.0, 2060.0, 2020.0, 2050.0);
    assert_string_equal(e.msg_sv,
                        "serien f\xC3\xB6r 'x' g\xC3\xA5r 2010 till 2060, utanf\xC3\xB6r "
                        "k\xC3\xB6rningen 2020 till 2050");
    sim_error_set(&e, SIM_EPARSE, "link", 0, "entry %d '%.*s%s': %s", 2, 3, "abcdef", "...",
                  "why");
    assert_string_equal(e.msg, "entry 2 'abc...': why");
    assert_string_equal(e.msg_sv, "post 2 'abc...': why");
    sim_error_set(&e, SIM_ENOMEM, NULL, 0, "out of memory for %zu samples of %zu values",
                  (size_t)7, (size_t)9);
    assert_string_equal(e.msg_sv, "minnet r\xC3\xA4" "cker inte f\xC3\xB6r 7 dragningar med 9 "
                                  "v\xC3\xA4rden");
}

static void test_words_are_swedish_unless_quoted(void **state)
{
    (void)state;
    sim_error e;
    sim_error_set(&e, SIM_EINVAL, NULL, 0, "value %g of %s '%s' is outside its range %g to %g",
                  2.0, "lever", "lever", 0.0, 1.0);
    /* the kind is a word of the table; the quoted name is the user's */
    assert_string_equal(e.msg_sv, "v\xC3\xA4rdet 2 f\xC3\xB6r styrmedel 'lever' ligger "
                                  "utanf\xC3\xB6r intervallet 0 till 1");
    assert_string_equal(e.msg, "value 2 of lever 'lever' is outside its range 0 to 1");
}

/* A number the program writes takes a decimal comma in Swedish; a number the
 * user wrote, quoted, stays as written. */
static void test_swedish_numbers_have_a_decimal_comma(void **state)
{
    (void)state;
    sim_error e;
    sim_error_set(&e, SIM_EINVAL, NULL, 0, "value %g of %s '%s' is outside its range %g to %g",
                  0.95, "lever", "x.y", 0.25, 1e-3);
    assert_string_equal(e.msg, "value 0.95 of lever 'x.y' is outside its range 0.25 to 0.001");
    assert_string_equal(e.msg_sv, "v\xC3\xA4rdet 0,95 f\xC3\xB6r styrmedel 'x.y' ligger "
                                  "utanf\xC3\xB6r intervallet 0,25 till 0,001");
}

static void test_a_format_without_a_row_stays_english(void **state)
{
    (void)state;
    sim_error e;
    const char *fmt = "no such message %d";
    assert_null(sim_error_sv_template(fmt));
    sim_error_set(&e, SIM_EINVAL, NULL, 0, "no such message %d", 4);
    assert_string_equal(e.msg_sv, "no such message 4");
    char buf[64];
    assert_string_equal(sim_error_format_lang(&e, 1, buf, sizeof buf), "no such message 4");
}

static void test_locate_keeps_both_texts(void **state)
{
    (void)state;
    sim_error inner, outer;
    sim_error_set(&inner, SIM_EPARSE, "a.ini", 2, "unknown lever '%s'", "x");
    sim_error_set(&outer, SIM_EIO, NULL, 0, "out of memory");
    assert_int_equal(sim_error_locate(&outer, SIM_EPARSE, "link", 0, &inner), SIM_EPARSE);
    assert_string_equal(outer.path, "link");
    assert_int_equal(outer.line, 0);
    assert_string_equal(outer.msg, inner.msg);
    assert_string_equal(outer.msg_sv, inner.msg_sv);
    /* a message written before msg_sv existed: the English stands in */
    sim_error_clear(&outer);
    snprintf(outer.msg, sizeof outer.msg, "%s", "plain");
    char buf[32];
    assert_string_equal(sim_error_format_lang(&outer, 1, buf, sizeof buf), "plain");
}

static void test_a_scenario_error_has_its_swedish_with_file_and_line(void **state)
{
    (void)state;
    scenario sc;
    sim_error e;
    const char *text = "[scenario]\nname = t\n\n[levers]\nadult_trainng_places = 1\n";
    assert_int_not_equal(scenario_parse(&sc, text, "t.ini", &e), SIM_OK);
    assert_string_equal(e.path, "t.ini");
    assert_int_equal(e.line, 5);
    assert_non_null(strstr(e.msg, "unknown lever 'adult_trainng_places'"));
    assert_non_null(strstr(e.msg_sv, "ok\xC3\xA4nt styrmedel 'adult_trainng_places'"));
    assert_non_null(strstr(e.msg_sv, "(menade du 'adult_training_places'?)"));
}

static void test_a_nested_error_is_swedish_inside_swedish(void **state)
{
    (void)state;
    sim_error inner, outer;
    sim_error_set(&inner, SIM_EPARSE, NULL, 0, "unknown lever '%s'", "x");
    sim_error_set(&outer, SIM_EINVAL, NULL, 0, "sample %zu: %s", (size_t)3,
                  sim_error_nested(&inner));
    assert_string_equal(outer.msg, "sample 3: unknown lever 'x'");
    assert_string_equal(outer.msg_sv, "dragning 3: ok\xC3\xA4nt styrmedel 'x'");
    /* only for that call: the next one with the same text is not nested */
    sim_error_set(&outer, SIM_EINVAL, NULL, 0, "sample %zu: %s", (size_t)3, inner.msg);
    assert_string_equal(outer.msg_sv, "dragning 3: unknown lever 'x'");
    /* nor after a call with no error to fill */
    sim_error_set(NULL, SIM_EINVAL, NULL, 0, "sample %zu: %s", (size_t)3, sim_error_nested(&inner));
    sim_error_set(&outer, SIM_EINVAL, NULL, 0, "sample %zu: %s", (size_t)3, inner.msg);
    assert_string_equal(outer.msg_sv, "dragning 3: unknown lever 'x'");
}

static void test_a_bad_series_in_a_file_is_explained_in_swedish(void **state)
{
    (void)state;
    scenario sc;
    sim_error e;
    const char *text = "[scenario]\nname = t\n\n[series]\nexport_growth = 2030:0.01, 2025:0.02\n";
    assert_int_not_equal(scenario_parse(&sc, text, "s.ini", &e), SIM_OK);
    assert_int_equal(e.line, 5);
    assert_string_equal(e.msg, "year 2025 in the series of 'export_growth' does not follow 2030");
    assert_string_equal(e.msg_sv,
                        "\xC3\xA5ret 2025 i serien f\xC3\xB6r 'export_growth' f\xC3\xB6ljer "
                        "inte efter 2030");
}

static void test_a_bad_link_entry_is_explained_in_swedish(void **state)
{
    (void)state;
    scenario sc;
    scenario_init(&sc);
    sim_error e;
    assert_int_not_equal(link_parse(&sc, "adult_trainng_places=1", &e), SIM_OK);
    assert_string_equal(e.msg, "entry 1 'adult_trainng_places=1': unknown name "
                               "'adult_trainng_places' (did you mean 'adult_training_places'?)");
    assert_string_equal(e.msg_sv, "post 1 'adult_trainng_places=1': ok\xC3\xA4nt namn "
                                  "'adult_trainng_places' (menade du 'adult_training_places'?)");
    assert_int_not_equal(link_parse(&sc, "a=%zz", &e), SIM_OK);
    assert_non_null(strstr(e.msg_sv, "felaktig procentkodning (ett '%' m\xC3\xA5ste"));
}

static void test_a_broken_constraint_is_explained_in_swedish(void **state)
{
    (void)state;
    for (size_t i = 0; i < constraint_count; i++) {
        assert_non_null(constraint_table[i].why_sv);
        assert_string_not_equal(constraint_table[i].why_sv, constraint_table[i].why);
    }
    scenario sc;
    scenario_init(&sc);
    sc.value[V_YOUNG_SHARE_START] = 0.6;
    sc.value[V_OLD_SHARE_START] = 0.5;
    sim_error e;
    int named[CONSTRAINT_NAMED_MAX], nnamed;
    assert_false(constraint_check(sc.value, &e, named, &nnamed));
    assert_string_equal(e.msg, "'young_share_start' 0.6 + 'old_share_start' 0.5 must stay below "
                               "0.95 together: the young and the old leave too few of working age");
    assert_string_equal(e.msg_sv, "'young_share_start' 0,6 + 'old_share_start' 0,5 m\xC3\xA5ste "
                                  "tillsammans stanna under 0,95: de unga och de \xC3\xA4ldre "
                                  "l\xC3\xA4mnar f\xC3\xB6r f\xC3\xA5 i arbetsf\xC3\xB6r "
                                  "\xC3\xA5lder");
}

/* The conversions of a printf format in order: each as its length modifier
 * and conversion letter, with '*' for a star argument; "%%" is not one. */
static void conversions(const char *fmt, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p && strchr("-+ #0", *p))
            p++;
        if (*p == '*' && o + 1 < cap)
            out[o++] = '*';
        while (*p == '*' || (*p >= '0' && *p <= '9'))
            p++;
        if (*p == '.') {
            p++;
            if (*p == '*' && o + 1 < cap)
                out[o++] = '*';
            while (*p == '*' || (*p >= '0' && *p <= '9'))
                p++;
        }
        while (*p && strchr("hlLzjt", *p) && o + 1 < cap)
            out[o++] = *p++;
        if (o + 2 < cap) {
            out[o++] = *p;
            out[o++] = ',';
        }
        out[o] = '\0';
        if (*p == '\0')
            break;
    }
}

static void test_every_swedish_template_reads_the_english_arguments(void **state)
{
    (void)state;
    int bad = 0;
    for (int i = 0; i < sim_error_sv_count(); i++) {
        const char *en, *sv;
        sim_error_sv_row(i, &en, &sv);
        char ce[128], cs[128];
        conversions(en, ce, sizeof ce);
        conversions(sv, cs, sizeof cs);
        if (strcmp(ce, cs) != 0) {
            print_error("\"%s\" reads %s but its Swedish \"%s\" reads %s\n", en, ce, sv, cs);
            bad++;
        }
        for (int j = 0; j < i; j++) {
            const char *en2, *sv2;
            sim_error_sv_row(j, &en2, &sv2);
            if (strcmp(en, en2) == 0) {
                print_error("\"%s\" has two rows\n", en);
                bad++;
            }
        }
    }
    assert_int_equal(bad, 0);
}

static void test_the_check_of_conversions_can_fail(void **state)
{
    (void)state;
    char a[64], b[64];
    conversions("%d of '%s' in %.6g %zu%%", a, sizeof a);
    assert_string_equal(a, "d,s,g,zu,");
    conversions("'%s' av %d", b, sizeof b);
    assert_string_not_equal(a, b);
    conversions("%.*s%.0s", b, sizeof b);
    assert_string_equal(b, "*s,s,");
}

/* ---- the sources: every message format has a Swedish row ---- */

typedef struct found {
    char (*fmt)[1024]; /* format literals seen, unescaped */
    int n, cap;
    int nonliteral;    /* calls whose format is not a string literal */
} found;

/* Copies src with comments blanked, keeping newlines for line numbers. */
static void strip_comments(char *s)
{
    for (char *p = s; *p;) {
        if (p[0] == '/' && p[1] == '*') {
            char *end = strstr(p + 2, "*/");
            char *stop = end ? end + 2 : p + strlen(p);
            for (; p < stop; p++)
                if (*p != '\n')
                    *p = ' ';
        } else if (p[0] == '/' && p[1] == '/') {
            for (; *p && *p != '\n'; p++)
                *p = ' ';
        } else if (*p == '"' || *p == '\'') {
            char q = *p++;
            while (*p && *p != q)
                p += p[0] == '\\' && p[1] ? 2 : 1;
            if (*p)
                p++;
        } else {
            p++;
        }
    }
}

/* Reads one C string literal at p into out (unescaped, appended); returns
 * the position after it. */
static const char *read_literal(const char *p, char *out, size_t cap)
{
    size_t o = strlen(out);
    for (p++; *p && *p != '"'; p++) {
        char c = *p;
        if (c == '\\') {
            p++;
            switch (*p) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'x': {
                unsigned v = 0;
                while (strchr("0123456789abcdefABCDEF", p[1]) && p[1]) {
                    p++;
                    v = v * 16 + (unsigned)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
                }
                c = (char)v;
                break;
            }
            default: c = *p; break;
            }
        }
        if (o + 1 < cap)
            out[o++] = c;
    }
    out[o] = '\0';
    return *p ? p + 1 : p;
}

/* Finds the format argument (1-based argument number narg) of every call
 * of name in s and records it. */
static void scan_calls(const char *s, const char *name, int narg, const char *file, found *f)
{
    size_t len = strlen(name);
    for (const char *p = strstr(s, name); p != NULL; p = strstr(p + 1, name)) {
        if (p > s && (p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z')))
            continue;
        const char *q = p + len;
        while (*q == ' ' || *q == '\n')
            q++;
        if (*q != '(')
            continue;
        q++;
        int depth = 0, commas = 0;
        while (*q && commas < narg - 1) {
            if (*q == '(' || *q == '[' || *q == '{')
                depth++;
            else if (*q == ')' || *q == ']' || *q == '}') {
                if (depth-- == 0)
                    break;
            } else if (*q == '"' || *q == '\'') {
                char c = *q++;
                while (*q && *q != c)
                    q += q[0] == '\\' && q[1] ? 2 : 1;
            } else if (*q == ',' && depth == 0)
                commas++;
            q++;
        }
        while (*q == ' ' || *q == '\n')
            q++;
        if (strncmp(q, "const char", 10) == 0)
            continue; /* the declaration or definition */
        char lit[1024] = "";
        int nlit = 0;
        while (*q == '"') {
            q = read_literal(q, lit, sizeof lit);
            nlit++;
            while (*q == ' ' || *q == '\n')
                q++;
        }
        if (nlit == 0 || (*q != ',' && *q != ')')) {
            int line = 1;
            for (const char *c = s; c < p; c++)
                line += *c == '\n';
            print_error("%s:%d: the format of %s is not a string literal\n", file, line, name);
            f->nonliteral++;
            continue;
        }
        if (f->n == f->cap) {
            f->cap = f->cap ? 2 * f->cap : 256;
            f->fmt = realloc(f->fmt, (size_t)f->cap * sizeof *f->fmt);
            assert_non_null(f->fmt);
        }
        snprintf(f->fmt[f->n++], sizeof f->fmt[0], "%s", lit);
    }
}

static void scan_dir(const char *dir, found *f)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        size_t n = strlen(de->d_name);
        if (S_ISDIR(st.st_mode)) {
            scan_dir(path, f);
            continue;
        }
        if (n < 2 || (strcmp(de->d_name + n - 2, ".c") != 0 && strcmp(de->d_name + n - 2, ".h") != 0))
            continue;
        FILE *fp = fopen(path, "rb");
        assert_non_null(fp);
        char *text = malloc((size_t)st.st_size + 1);
        assert_non_null(text);
        size_t got = fread(text, 1, (size_t)st.st_size, fp);
        text[got] = '\0';
        fclose(fp);
        strip_comments(text);
        scan_calls(text, "sim_error_set", 5, path, f);
        scan_calls(text, "fs_error", 4, path, f);    /* sim/files/scenario.c forwards */
        scan_calls(text, "entry_error", 4, path, f); /* sim/files/link.c forwards */
        free(text);
    }
    closedir(d);
}

static void test_every_message_in_the_sources_has_one_swedish_row(void **state)
{
    (void)state;
    found f = {0};
    static const char *const dirs[] = {"sim", "render", "cli", "mpi", "bench"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", TRANSIM_SOURCE_DIR, dirs[i]);
        scan_dir(dir, &f);
    }
    assert_true(f.n > 150); /* the scan found the calls */
    int missing = 0;
    for (int i = 0; i < f.n; i++)
        if (sim_error_sv_template(f.fmt[i]) == NULL) {
            print_error("no Swedish row for \"%s\"\n", f.fmt[i]);
            missing++;
        }
    int unused = 0;
    for (int r = 0; r < sim_error_sv_count(); r++) {
        const char *en, *sv;
        sim_error_sv_row(r, &en, &sv);
        int seen = 0;
        for (int i = 0; i < f.n && !seen; i++)
            seen = strcmp(f.fmt[i], en) == 0;
        if (!seen) {
            print_error("the Swedish row \"%s\" is used by no call\n", en);
            unused++;
        }
    }
    free(f.fmt);
    assert_int_equal(f.nonliteral, 0);
    assert_int_equal(missing, 0);
    assert_int_equal(unused, 0);
}

static void test_the_source_scan_sees_split_literals_and_misses(void **state)
{
    (void)state;
    found f = {0};
    char text[] = "x = sim_error_set(err, SIM_EIO, f(a, b), 3,\n"
                  "   \"cannot \" /* c */ \"write\\x21\", y);\n"
                  "sim_error_set(e, s, p, 0, cond ? \"a\" : \"b\");\n"
                  "fs_error(fs, SIM_EPARSE, 1, \"unknown lever '%s'\", k);\n";
    strip_comments(text);
    scan_calls(text, "sim_error_set", 5, "t.c", &f);
    scan_calls(text, "fs_error", 4, "t.c", &f);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.fmt[0], "cannot write!");
    assert_string_equal(f.fmt[1], "unknown lever '%s'");
    assert_int_equal(f.nonliteral, 1);
    assert_null(sim_error_sv_template(f.fmt[0]));
    free(f.fmt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_fills_both_languages_with_the_same_arguments),
        cmocka_unit_test(test_numbers_and_star_precision_are_read_in_order),
        cmocka_unit_test(test_words_are_swedish_unless_quoted),
        cmocka_unit_test(test_swedish_numbers_have_a_decimal_comma),
        cmocka_unit_test(test_a_format_without_a_row_stays_english),
        cmocka_unit_test(test_locate_keeps_both_texts),
        cmocka_unit_test(test_a_nested_error_is_swedish_inside_swedish),
        cmocka_unit_test(test_a_bad_series_in_a_file_is_explained_in_swedish),
        cmocka_unit_test(test_a_bad_link_entry_is_explained_in_swedish),
        cmocka_unit_test(test_a_broken_constraint_is_explained_in_swedish),
        cmocka_unit_test(test_a_scenario_error_has_its_swedish_with_file_and_line),
        cmocka_unit_test(test_every_swedish_template_reads_the_english_arguments),
        cmocka_unit_test(test_the_check_of_conversions_can_fail),
        cmocka_unit_test(test_every_message_in_the_sources_has_one_swedish_row),
        cmocka_unit_test(test_the_source_scan_sees_split_literals_and_misses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
