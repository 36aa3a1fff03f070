/* test_sources.c: docs/sources.md lists every source tag the model table
 * cites. A tag is a bracketed letter and number with an optional letter,
 * "[S16]", "[S17a]", "[E4]", or several in one bracket ("[E9, E11]"); an
 * entry of docs/sources.md opens a list item with one tag or a group of
 * them ("[S8a,b,c]", "[S18a–h]"). The table's sources, and the levers'
 * evidence sources and notes, cite only listed tags; the Swedish list
 * docs/sv/sources.md lists every tag the English one does, and no other. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/engine/var.h"

#define SOURCES TRANSIM_SOURCE_DIR "/docs/sources.md"
#define SOURCES_SV TRANSIM_SOURCE_DIR "/docs/sv/sources.md"
#define TAGS_MAX 512
#define TAG_LEN 16

typedef struct tag_set {
    char tag[TAGS_MAX][TAG_LEN];
    size_t n;
} tag_set;

static void tag_add(tag_set *s, const char *prefix, size_t plen, char suffix)
{
    assert_true(s->n < TAGS_MAX);
    assert_true(plen + 2 < TAG_LEN);
    memcpy(s->tag[s->n], prefix, plen);
    s->tag[s->n][plen] = suffix;
    s->tag[s->n][plen + (suffix != 0)] = '\0';
    s->n++;
}

static int tag_has(const tag_set *s, const char *tag)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->tag[i], tag) == 0)
            return 1;
    return 0;
}

/* A cited tag is listed when the set has it, or, for a tag without a letter
 * ("[S17]"), when the set has lettered entries of its family ("S17a"). */
static int tag_listed(const tag_set *s, const char *tag)
{
    size_t len = strlen(tag);
    if (tag_has(s, tag))
        return 1;
    if (!isdigit((unsigned char)tag[len - 1]))
        return 0;
    for (size_t i = 0; i < s->n; i++)
        if (strncmp(s->tag[i], tag, len) == 0 && islower((unsigned char)s->tag[i][len]))
            return 1;
    return 0;
}

/* Adds the tags of one entry's bracket text: "S16", "S17a", "S8a,b,c",
 * "S18a–h" or "S18a-h" (a range of letters). */
static void entry_parse(tag_set *s, const char *text, size_t len)
{
    size_t plen = 1;
    while (plen < len && isdigit((unsigned char)text[plen]))
        plen++;
    if (plen == len) {
        tag_add(s, text, plen, 0);
        return;
    }
    const char *p = text + plen, *end = text + len;
    char last = 0;
    while (p < end) {
        if (islower((unsigned char)*p)) {
            tag_add(s, text, plen, *p);
            last = *p++;
        } else if (*p == ',') {
            p++;
        } else { /* a range: '-' or the en dash (three bytes in UTF-8) */
            p += strncmp(p, "\xe2\x80\x93", 3) == 0 ? 3 : 1;
            if (p < end && last != 0)
                for (char c = (char)(last + 1); c <= *p; c++)
                    tag_add(s, text, plen, c);
            last = 0;
            p++;
        }
    }
}

static void sources_read(tag_set *s, const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[4096];
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "- [", 3) != 0 || !isupper((unsigned char)line[3]))
            continue;
        const char *close = strchr(line + 3, ']');
        if (close != NULL)
            entry_parse(s, line + 3, (size_t)(close - (line + 3)));
    }
    fclose(f);
}

/* The number of tags cited in text (groups such as "[S26a,b]" count each
 * of their tags) that s does not list; each is reported on stderr. */
static size_t tags_check_in(const tag_set *s, const char *text, const char *where,
                            const char *list)
{
    size_t missing = 0;
    for (const char *p = text; p != NULL && (p = strchr(p, '[')) != NULL; p++) {
        if (!isupper((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
            continue;
        const char *close = strchr(p, ']');
        if (close == NULL || (size_t)(close - p) >= TAG_LEN)
            continue;
        /* A bracket may cite several tags: "[E9, E11]" (a comma before a
         * capital starts a new tag; "[S8a,b]" is one group). */
        static tag_set cited;
        cited.n = 0;
        const char *part = p + 1;
        for (const char *q = part;; q++) {
            int split = q == close || (*q == ',' && isupper((unsigned char)q[1 + (q[1] == ' ')]));
            if (!split)
                continue;
            entry_parse(&cited, part, (size_t)(q - part));
            if (q == close)
                break;
            part = q + 1 + (q[1] == ' ');
        }
        for (size_t i = 0; i < cited.n; i++)
            if (!tag_listed(s, cited.tag[i])) {
                fprintf(stderr, "%s cites [%s], which %s does not list\n", where, cited.tag[i],
                        list);
                missing++;
            }
    }
    return missing;
}

static size_t tags_check(const tag_set *s, const char *text, const char *where)
{
    return tags_check_in(s, text, where, "docs/sources.md");
}

/* The number of the table's tags that the list at path (named list) lacks. */
static size_t table_check(const char *path, const char *list)
{
    static tag_set s;
    s.n = 0;
    sources_read(&s, path);
    assert_true(s.n > 40);
    size_t missing = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        missing += tags_check_in(&s, d->source, d->name, list);
        missing += tags_check_in(&s, d->ev_source, d->name, list);
        missing += tags_check_in(&s, d->ev_note, d->name, list);
    }
    return missing;
}

static void test_every_tag_in_the_table_has_an_entry(void **st)
{
    (void)st;
    assert_int_equal(table_check(SOURCES, "docs/sources.md"), 0);
}

static void test_every_tag_in_the_table_has_a_swedish_entry(void **st)
{
    (void)st;
    assert_int_equal(table_check(SOURCES_SV, "docs/sv/sources.md"), 0);
}

/* A class reading the Swedish list finds the same sources as the English:
 * every entry of one is an entry of the other. */
static void test_the_swedish_list_has_the_same_entries(void **st)
{
    (void)st;
    static tag_set en, sv;
    en.n = sv.n = 0;
    sources_read(&en, SOURCES);
    sources_read(&sv, SOURCES_SV);
    size_t differ = 0;
    for (size_t i = 0; i < en.n; i++)
        if (!tag_has(&sv, en.tag[i])) {
            fprintf(stderr, "docs/sv/sources.md lacks [%s]\n", en.tag[i]);
            differ++;
        }
    for (size_t i = 0; i < sv.n; i++)
        if (!tag_has(&en, sv.tag[i])) {
            fprintf(stderr, "docs/sv/sources.md lists [%s], which docs/sources.md does not\n",
                    sv.tag[i]);
            differ++;
        }
    assert_int_equal(differ, 0);
}

static void test_grouped_entries_expand_to_each_tag(void **st)
{
    (void)st;
    static tag_set s;
    s.n = 0;
    const char *group = "S8a,b,c", *range = "S18a\xe2\x80\x93h";
    entry_parse(&s, group, strlen(group));
    entry_parse(&s, range, strlen(range));
    entry_parse(&s, "S16", 3);
    assert_true(tag_has(&s, "S8b") && tag_has(&s, "S8c"));
    assert_true(tag_has(&s, "S18a") && tag_has(&s, "S18e") && tag_has(&s, "S18h"));
    assert_true(tag_has(&s, "S16") && !tag_has(&s, "S1") && !tag_has(&s, "S18i"));
    assert_int_equal(tags_check(&s, "[S16] [derived] [est] [S18e]", "row"), 0);
    assert_int_equal(tags_check(&s, "[S99]", "row"), 1);
    assert_int_equal(tags_check(&s, "[S8a,d]", "row"), 1); /* S8d is not listed */
    assert_int_equal(tags_check(&s, "[S18]", "row"), 0);   /* the S18 family is */
    assert_int_equal(tags_check(&s, "[S16, S8b]", "row"), 0);
    assert_int_equal(tags_check(&s, "[S16, S99]", "row"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_tag_in_the_table_has_an_entry),
        cmocka_unit_test(test_every_tag_in_the_table_has_a_swedish_entry),
        cmocka_unit_test(test_the_swedish_list_has_the_same_entries),
        cmocka_unit_test(test_grouped_entries_expand_to_each_tag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
