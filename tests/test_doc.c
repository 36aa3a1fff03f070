/* test_doc.c: the generated documentation (sim/files/doc.c). The committed model
 * references docs/model-reference.md and docs/sv/model-reference.md are
 * exactly what doc_write_reference_lang writes now in English and Swedish,
 * and so are the counts in docs/model.md; the reference names every variable
 * and every lever under each of its priorities and themes, the Swedish one
 * with the Swedish label, description, unit and source; the graph has a node
 * per variable and an edge per input; a failing stream is reported. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/files/doc.h"
#include "sim/files/graph.h"

#define REFERENCE TRANSIM_SOURCE_DIR "/docs/model-reference.md"
#define REFERENCE_SV TRANSIM_SOURCE_DIR "/docs/sv/model-reference.md"

static sim_status write_sv(FILE *f, sim_error *err)
{
    return doc_write_reference_lang(f, 1, err);
}

/* Output of write() in memory; the caller frees it. Not inlined: gcc's
 * dangling-pointer check otherwise mistakes the result for the local that
 * open_memstream filled. */
static __attribute__((noinline)) char *generate(sim_status (*write)(FILE *, sim_error *), size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    sim_error err;
    assert_int_equal(write(f, &err), SIM_OK);
    assert_int_equal(fclose(f), 0);
    *len = n;
    return buf;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 > cap) {
            cap = 2 * cap + 4096;
            char *grown = realloc(buf, cap);
            assert_non_null(grown);
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Fails unless the file at path (docs/NAME for messages) is what write
 * gives now. */
static void check_current(sim_status (*write)(FILE *, sim_error *), const char *path,
                          const char *name)
{
    size_t n_new, n_old = 0;
    char *fresh = generate(write, &n_new);
    char *committed = read_file(path, &n_old);
    if (committed == NULL)
        fail_msg("%s is missing: run `make doc`", name);
    if (n_new != n_old || memcmp(fresh, committed, n_new) != 0) {
        size_t i = 0;
        while (i < n_new && i < n_old && fresh[i] == committed[i])
            i++;
        size_t line = 1;
        for (size_t k = 0; k < i; k++)
            line += fresh[k] == '\n';
        fail_msg("%s is out of date from line %zu: run `make doc`", name, line);
    }
    free(fresh);
    free(committed);
}

static void test_committed_reference_is_current(void **st)
{
    (void)st;
    check_current(doc_write_reference, REFERENCE, "docs/model-reference.md");
}

static void test_committed_swedish_reference_is_current(void **st)
{
    (void)st;
    check_current(write_sv, REFERENCE_SV, "docs/sv/model-reference.md");
}

/* The Swedish reference gives each variable its Swedish label, description,
 * unit and source, and none of the English reference's headings. */
static void test_swedish_reference_is_in_swedish(void **st)
{
    (void)st;
    size_t n;
    char *doc = generate(write_sv, &n);
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        char heading[256], unit[128], kind_unit[256];
        snprintf(heading, sizeof heading, "#### `%s`: %s\n", d->name, d->label_sv);
        const char *entry = strstr(doc, heading);
        if (entry == NULL)
            fail_msg("the Swedish reference has no entry '%s' for '%s'", heading, d->name);
        const char *next = strstr(entry + 1, "<a id=");
        size_t len = next != NULL ? (size_t)(next - entry) : strlen(entry);
        char *text = strndup(entry, len);
        assert_non_null(text);
        snprintf(kind_unit, sizeof kind_unit, "*, %s", var_unit_text(d->unit, 1, unit, sizeof unit));
        if (strstr(text, kind_unit) == NULL)
            fail_msg("'%s' lacks its Swedish unit '%s'", d->name, unit);
        if (strstr(text, d->desc_sv) == NULL)
            fail_msg("'%s' lacks its Swedish description", d->name);
        /* The source as the cell writes it ('|' escaped; the sources have none). */
        if (strchr(var_source_text(d, 1), '|') == NULL &&
            strstr(text, var_source_text(d, 1)) == NULL)
            fail_msg("'%s' lacks its Swedish source", d->name);
        free(text);
    }
    const char *english[] = {"- Used by: ", "- Equation: ", "- Source: ", "## Key indicators",
                             "## Levers by priority", "(sourced)", "*stock*"};
    for (size_t k = 0; k < sizeof english / sizeof *english; k++)
        if (strstr(doc, english[k]) != NULL)
            fail_msg("the Swedish reference says '%s'", english[k]);
    assert_non_null(strstr(doc, "- Används av: [`hires_med`](#hires_med) (+)"));
    free(doc);
}

/* The counts in docs/model.md (between its counts markers) are what
 * doc_write_counts writes now, and they count the graph: as many edges as
 * the graph has, and every one of them signed. */
static void test_counts_in_the_model_description_are_current(void **st)
{
    (void)st;
    size_t n_new, n_doc = 0;
    char *fresh = generate(doc_write_counts, &n_new);
    char *doc = read_file(TRANSIM_SOURCE_DIR "/docs/model.md", &n_doc);
    assert_non_null(doc);
    doc = realloc(doc, n_doc + 1);
    assert_non_null(doc);
    doc[n_doc] = '\0';
    const char *begin = strstr(doc, "<!-- counts:begin");
    const char *end = begin != NULL ? strstr(begin, "<!-- counts:end -->") : NULL;
    if (begin == NULL || end == NULL)
        fail_msg("docs/model.md has no counts markers");
    begin = strchr(begin, '\n') + 1;
    if ((size_t)(end - begin) != n_new || memcmp(begin, fresh, n_new) != 0)
        fail_msg("the counts in docs/model.md are out of date: run `make doc`");
    graph g;
    assert_int_equal(graph_build(&g), SIM_OK);
    char want[64];
    snprintf(want, sizeof want, " %d,%03d edges", g.nedges / 1000, g.nedges % 1000);
    assert_true(g.nedges >= 1000 && strstr(fresh, want) != NULL);
    assert_null(strstr(fresh, "no sign yet"));
    graph_release(&g);
    free(fresh);
    free(doc);
}

static void test_reference_names_every_variable(void **st)
{
    (void)st;
    size_t n;
    char *doc = generate(doc_write_reference, &n);
    for (int i = 0; i < VAR_COUNT; i++) {
        char heading[160];
        snprintf(heading, sizeof heading, "#### `%s`: ", var_table[i].name);
        if (strstr(doc, heading) == NULL)
            fail_msg("the reference has no entry for '%s'", var_table[i].name);
        if (strstr(doc, var_table[i].label_sv) == NULL)
            fail_msg("the reference lacks the Swedish label of '%s'", var_table[i].name);
    }
    free(doc);
}

/* Each entry links the variables that read it, with the sign the table
 * declares, and has an anchor that those links reach. */
static void test_reference_links_each_variable_to_its_users(void **st)
{
    (void)st;
    size_t n;
    char *doc = generate(doc_write_reference, &n);
    const char *entry = strstr(doc, "<a id=\"vacancies_med\"></a>");
    assert_non_null(entry);
    const char *next = strstr(entry + 1, "<a id=");
    const char *used = strstr(entry, "- Used by: ");
    assert_non_null(used);
    assert_true(next == NULL || used < next);
    const char *eol = strchr(used, '\n');
    char line[2048];
    size_t len = (size_t)(eol - used) < sizeof line - 1 ? (size_t)(eol - used) : sizeof line - 1;
    memcpy(line, used, len);
    line[len] = '\0';
    assert_non_null(strstr(line, "[`hires_med`](#hires_med) (+)"));
    assert_non_null(strstr(line, "[`tertiary_prospects`](#tertiary_prospects) (-)"));
    /* Every variable that some equation reads says who reads it. */
    graph g;
    assert_int_equal(graph_build(&g), SIM_OK);
    int expect = 0, with = 0;
    for (int v = 0; v < VAR_COUNT; v++)
        expect += g.out_start[v] < g.out_start[v + 1];
    graph_release(&g);
    for (const char *q = strstr(doc, "- Used by: "); q != NULL; q = strstr(q + 1, "- Used by: "))
        with++;
    assert_int_equal(with, expect);
    free(doc);
}

/* Counts the lever table rows under the heading that starts with title. */
static int levers_under(const char *doc, const char *title)
{
    const char *p = strstr(doc, title);
    assert_non_null(p);
    const char *end = strstr(p + 1, "\n### ");
    const char *end2 = strstr(p + 1, "\n## ");
    if (end == NULL || (end2 != NULL && end2 < end))
        end = end2;
    int n = 0;
    for (const char *q = strstr(p, "\n| `"); q != NULL && (end == NULL || q < end);
         q = strstr(q + 1, "\n| `"))
        n++;
    return n;
}

static void test_levers_are_grouped_by_priority_and_theme(void **st)
{
    (void)st;
    size_t n;
    char *doc = generate(doc_write_reference, &n);
    for (int p = 0; p < PRIO_COUNT; p++) {
        int want = 0;
        for (int l = 0; l < LEVER_COUNT; l++)
            want += (var_table[var_lever_ids[l]].priorities & (1u << p)) != 0;
        char title[128];
        snprintf(title, sizeof title, "### %s %s", var_priority_code(p), var_priority_label(p, 0));
        assert_int_equal(levers_under(doc, title), want);
    }
    for (int t = 0; t < THEME_COUNT; t++) {
        int want = 0;
        for (int l = 0; l < LEVER_COUNT; l++)
            want += (var_table[var_lever_ids[l]].themes & (1u << t)) != 0;
        char title[128];
        snprintf(title, sizeof title, "### %s %s", var_theme_code(t), var_theme_label(t, 0));
        assert_int_equal(levers_under(doc, title), want);
    }
    free(doc);
}

static void count_one(int var, void *ctx)
{
    (void)var;
    (*(int *)ctx)++;
}

static void test_graph_has_a_node_per_variable_and_an_edge_per_input(void **st)
{
    (void)st;
    size_t n;
    char *dot = generate(doc_write_graph, &n);
    assert_true(strncmp(dot, "digraph transim {\n", 18) == 0);
    assert_true(n > 2 && strcmp(dot + n - 2, "}\n") == 0);
    int opens = 0, closes = 0;
    for (size_t i = 0; i < n; i++) {
        opens += dot[i] == '{';
        closes += dot[i] == '}';
    }
    assert_int_equal(opens, closes);
    int edges_expected = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        char node[160];
        snprintf(node, sizeof node, "    %s [shape=", var_table[i].name);
        if (strstr(dot, node) == NULL)
            fail_msg("the graph has no node '%s'", var_table[i].name);
        const char *p = var_table[i].inputs;
        while (*p) {
            while (*p == ' ' || *p == ',')
                p++;
            size_t len = strcspn(p, ",");
            char entry[128];
            size_t m = len;
            while (m > 0 && p[m - 1] == ' ')
                m--;
            if (m > 0 && m < sizeof entry) {
                memcpy(entry, p, m);
                entry[m] = '\0';
                int k = doc_input_each(entry, count_one, &edges_expected);
                if (k == 0)
                    fail_msg("'%s' reads '%s', which names nothing", var_table[i].name, entry);
            }
            p += len;
        }
    }
    int edges = 0;
    for (const char *q = strstr(dot, " -> "); q != NULL; q = strstr(q + 1, " -> "))
        edges++;
    assert_int_equal(edges, edges_expected);
    assert_non_null(strstr(dot, "  births -> pop_young;\n"));
    assert_non_null(strstr(dot, "  adult_training_places -> spend_total;\n"));
    free(dot);
}

static void test_input_groups_name_their_levers(void **st)
{
    (void)st;
    int n = 0;
    assert_int_equal(doc_input_each("every lever", count_one, &n), LEVER_COUNT);
    n = 0;
    assert_int_equal(doc_input_each("levers tagged P4", count_one, &n), 4);
    assert_int_equal(doc_input_each("births", count_one, &n), 1);
    assert_int_equal(doc_input_each("levers tagged P9", count_one, &n), 0);
    assert_int_equal(doc_input_each("no such thing", count_one, &n), 0);
}

static void test_figures_are_classified_by_source(void **st)
{
    (void)st;
    assert_int_equal(doc_status_of(&var_table[V_POPULATION_START]), DOC_SOURCED);
    assert_int_equal(doc_status_of(&var_table[V_REF_MATCH_LOW]), DOC_FITTED);
    assert_int_equal(doc_status_of(&var_table[V_EXPORT_GROWTH]), DOC_ESTIMATE);
    assert_int_equal(doc_status_of(&var_table[V_YOUNG_YEARS]), DOC_DERIVED);
    assert_string_equal(doc_status_name(DOC_FITTED), "fitted");
}

static void test_a_failing_stream_is_reported(void **st)
{
    (void)st;
    FILE *f = fopen("/dev/full", "w");
    if (f == NULL)
        skip();
    setvbuf(f, NULL, _IONBF, 0);
    sim_error err;
    assert_int_equal(doc_write_reference(f, &err), SIM_EIO);
    assert_non_null(strstr(err.msg, "could not write the model reference"));
    assert_int_equal(doc_write_graph(f, &err), SIM_EIO);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_committed_reference_is_current),
        cmocka_unit_test(test_committed_swedish_reference_is_current),
        cmocka_unit_test(test_swedish_reference_is_in_swedish),
        cmocka_unit_test(test_counts_in_the_model_description_are_current),
        cmocka_unit_test(test_reference_names_every_variable),
        cmocka_unit_test(test_reference_links_each_variable_to_its_users),
        cmocka_unit_test(test_levers_are_grouped_by_priority_and_theme),
        cmocka_unit_test(test_graph_has_a_node_per_variable_and_an_edge_per_input),
        cmocka_unit_test(test_input_groups_name_their_levers),
        cmocka_unit_test(test_figures_are_classified_by_source),
        cmocka_unit_test(test_a_failing_stream_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
