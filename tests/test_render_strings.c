/* test_render_strings.c: the interface's words and the Swedish units. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <string.h>

#include "render/strings.h"
#include "sim/engine/var.h"

static void test_units_translate_word_by_word(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(str_unit("MSEK/yr", 1, buf, sizeof buf), "MSEK/\xC3\xA5r");
    assert_string_equal(str_unit("persons/yr", 1, buf, sizeof buf), "personer/\xC3\xA5r");
    assert_string_equal(str_unit("% of GRP", 1, buf, sizeof buf), "% av BRP");
    assert_string_equal(str_unit("kt CO2e/yr", 1, buf, sizeof buf), "kt CO2e/\xC3\xA5r");
    assert_string_equal(str_unit("firms/1000/yr", 1, buf, sizeof buf),
                        "f\xC3\xB6retag/1000/\xC3\xA5r");
    /* Words that are not whole tokens stay: "yrs" is not "yr". */
    assert_string_equal(str_unit("yrs", 1, buf, sizeof buf), "yrs");
    assert_string_equal(str_unit("MSEK/yr", 0, buf, sizeof buf), "MSEK/yr");
}

static void test_units_truncate_safely(void **state)
{
    (void)state;
    /* A word that does not fit ends the text; no partial word is written. */
    char buf[12];
    assert_string_equal(str_unit("persons/yr", 1, buf, sizeof buf), "personer/");
    char one[1];
    str_unit("MSEK", 1, one, sizeof one);
    assert_string_equal(one, "");
}

static void test_every_model_unit_has_a_swedish_form(void **state)
{
    (void)state;
    char buf[64];
    /* No English word of the table's units survives translation, in the
     * unit a row computes in nor in the one it is shown in. */
    const char *english[] = {"yr",  "persons", "thousand", "jobs", "firms", "places",
                             "SEK", "kSEK",    "pp",       "bn",   "of",    "GRP"};
    for (int i = 0; i < 2 * VAR_COUNT; i++) {
        const var_desc *d = &var_table[i / 2];
        str_unit(i % 2 ? var_display_unit(d) : d->unit, 1, buf, sizeof buf);
        for (const char *p = buf; *p;) {
            size_t len = 0;
            while (isalpha((unsigned char)p[len]))
                len++;
            for (size_t k = 0; len && k < sizeof english / sizeof *english; k++)
                if (strlen(english[k]) == len && strncmp(p, english[k], len) == 0)
                    fail_msg("'%s' of '%s' stays English: '%s'", english[k], d->name, buf);
            p += len ? len : 1;
        }
    }
    assert_string_equal(str_unit("SEK/t CO2e", 1, buf, sizeof buf), "kr/t CO2e");
    assert_string_equal(str_unit("kSEK/person", 1, buf, sizeof buf), "tkr/person");
    assert_string_equal(str_unit("pp/yr", 1, buf, sizeof buf), "procentenheter/\xC3\xA5r");
}

static void test_every_string_has_both_languages(void **state)
{
    (void)state;
    for (int id = 0; id < STR_COUNT; id++) {
        assert_true(str_get((str_id)id, 0)[0] != '\0');
        assert_true(str_get((str_id)id, 1)[0] != '\0');
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units_translate_word_by_word),
        cmocka_unit_test(test_units_truncate_safely),
        cmocka_unit_test(test_every_model_unit_has_a_swedish_form),
        cmocka_unit_test(test_every_string_has_both_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
