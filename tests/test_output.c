/* test_output.c: the result writers and atomic files (sim/files/output.c): exact
 * bytes of each layout on a small hand-made result, quoting, the number
 * format, variable selections, and files that appear only on success. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/files/output.h"

/* A result of two report times in which every variable has a value that
 * tells its row and column apart. */
static run_result make_result(void)
{
    run_result r;
    r.rows = r.cap = 2;
    r.t = malloc(2 * sizeof *r.t);
    r.v = malloc(2 * (size_t)VAR_COUNT * sizeof *r.v);
    assert_non_null(r.t);
    assert_non_null(r.v);
    r.t[0] = 2020;
    r.t[1] = 2020.0625;
    for (size_t i = 0; i < 2; i++)
        for (int j = 0; j < VAR_COUNT; j++)
            r.v[i * (size_t)VAR_COUNT + (size_t)j] = 1000.0 * (double)i + j + 0.5;
    return r;
}

static void free_result(run_result *r)
{
    free(r->t);
    free(r->v);
}

/* Runs output_write into a string (owned by the caller). */
static char *write_to_string(const run_result *r, const output_opts *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    sim_error err;
    assert_int_equal(output_write(f, r, o, &err), SIM_OK);
    fclose(f);
    return buf;
}

static void test_wide_csv_has_year_then_one_column_per_variable(void **state)
{
    (void)state;
    run_result r = make_result();
    int vars[] = {V_ADULT_TRAINING, V_SPEND_TOTAL};
    output_opts o = output_opts_default();
    o.vars = vars;
    o.nvars = 2;
    char *s = write_to_string(&r, &o);
    char want[256];
    snprintf(want, sizeof want, "year,adult_training_places,spend_total\n2020,%d.5,%d.5\n"
                                "2020.0625,%d.5,%d.5\n",
             V_ADULT_TRAINING, V_SPEND_TOTAL, 1000 + V_ADULT_TRAINING, 1000 + V_SPEND_TOTAL);
    assert_string_equal(s, want);
    free(s);
    o.units = 1;
    s = write_to_string(&r, &o);
    assert_non_null(strstr(s, "year,adult_training_places,spend_total\nunit,places/yr,MSEK/yr\n2020,"));
    free(s);
    free_result(&r);
}

static void test_tsv_uses_tabs(void **state)
{
    (void)state;
    run_result r = make_result();
    int vars[] = {V_ADULT_TRAINING};
    output_opts o = output_opts_default();
    o.format = OUTPUT_TSV;
    o.vars = vars;
    o.nvars = 1;
    o.units = 1;
    char *s = write_to_string(&r, &o);
    char want[128];
    snprintf(want, sizeof want, "year\tadult_training_places\nunit\tplaces/yr\n2020\t%d.5\n",
             V_ADULT_TRAINING);
    assert_memory_equal(s, want, strlen(want));
    free(s);
    free_result(&r);
}

static void test_exact_numbers_read_back_bit_for_bit(void **state)
{
    (void)state;
    run_result r = make_result();
    r.v[V_ADULT_TRAINING] = 0.1 + 0.2;      /* 0.30000000000000004: 17 digits */
    r.v[V_SPEND_TOTAL] = 1.0 / 3.0;
    int vars[] = {V_ADULT_TRAINING, V_SPEND_TOTAL};
    output_opts o = output_opts_default();
    o.vars = vars;
    o.nvars = 2;
    char *s = write_to_string(&r, &o);
    assert_non_null(strstr(s, "\n2020,0.3,0.3333333333\n")); /* ten digits by default */
    free(s);
    o.exact = 1;
    s = write_to_string(&r, &o);
    assert_non_null(strstr(s, "\n2020,0.30000000000000004,0.3333333333333333\n"));
    assert_non_null(strstr(s, "\n2020.0625,")); /* short where short is exact */
    free(s);
    free_result(&r);
}

static void test_long_rows_quote_the_scenario_name(void **state)
{
    (void)state;
    run_result r = make_result();
    int vars[] = {V_SEED_CAPITAL, V_SPEND_CUM};
    output_opts o = output_opts_default();
    o.long_rows = 1;
    o.vars = vars;
    o.nvars = 2;
    o.scenario = "Skills, \"full\"";
    char *s = write_to_string(&r, &o);
    char want[512];
    snprintf(want, sizeof want,
             "scenario,year,variable,value,unit\n"
             "\"Skills, \"\"full\"\"\",2020,seed_capital,%d.5,MSEK/yr\n"
             "\"Skills, \"\"full\"\"\",2020,spend_cumulative,%d.5,MSEK\n"
             "\"Skills, \"\"full\"\"\",2020.0625,seed_capital,%d.5,MSEK/yr\n"
             "\"Skills, \"\"full\"\"\",2020.0625,spend_cumulative,%d.5,MSEK\n",
             V_SEED_CAPITAL, V_SPEND_CUM, 1000 + V_SEED_CAPITAL, 1000 + V_SPEND_CUM);
    assert_string_equal(s, want);
    free(s);
    free_result(&r);
}

static void test_json_holds_years_series_and_escaped_names(void **state)
{
    (void)state;
    run_result r = make_result();
    r.v[V_SEED_CAPITAL] = NAN;
    int vars[] = {V_SEED_CAPITAL};
    output_opts o = output_opts_default();
    o.format = OUTPUT_JSON;
    o.vars = vars;
    o.nvars = 1;
    o.scenario = "a \"b\"\\c\n";
    char *s = write_to_string(&r, &o);
    assert_non_null(strstr(s, "\"scenario\": \"a \\\"b\\\"\\\\c\\n\""));
    assert_non_null(strstr(s, "\"year\": [2020, 2020.0625]"));
    char want[64];
    snprintf(want, sizeof want, "\"seed_capital\": [null, %d.5]", 1000 + V_SEED_CAPITAL);
    assert_non_null(strstr(s, want));
    assert_non_null(strstr(s, "{\"name\": \"seed_capital\", \"unit\": \"MSEK/yr\", \"kind\": \"lever\"}"));
    free(s);
    o.long_rows = 1;
    s = write_to_string(&r, &o);
    assert_non_null(strstr(s, "[\n  {\"scenario\": \"a \\\"b\\\"\\\\c\\n\", \"year\": 2020, "
                              "\"variable\": \"seed_capital\", \"value\": null, \"unit\": "
                              "\"MSEK/yr\"},\n"));
    assert_non_null(strstr(s, "}\n]\n"));
    free(s);
    free_result(&r);
}

static void test_numbers_have_a_fixed_format(void **state)
{
    (void)state;
    char b[32];
    assert_string_equal(output_number(0.1 + 0.2, b, sizeof b), "0.3");
    assert_string_equal(output_number(-0.0, b, sizeof b), "0");
    assert_string_equal(output_number(1234567.891234, b, sizeof b), "1234567.891");
    assert_string_equal(output_number(1e-300, b, sizeof b), "1e-300");
    assert_string_equal(output_number(-2.5e12, b, sizeof b), "-2.5e+12");
    assert_string_equal(output_number(NAN, b, sizeof b), "NaN");
    assert_string_equal(output_number(-INFINITY, b, sizeof b), "-Inf");
}

static void test_csv_fields_are_quoted_only_when_needed(void **state)
{
    (void)state;
    const char *in[] = {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", "ä/ö"};
    const char *out[] = {"plain", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"",
                         "\" padded\"", "ä/ö"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        output_csv_field(f, in[i]);
        fclose(f);
        assert_string_equal(buf, out[i]);
        free(buf);
    }
}

static void test_default_selection_is_the_changing_variables(void **state)
{
    (void)state;
    int ids[VAR_COUNT];
    size_t n = output_default_vars(ids, VAR_COUNT);
    assert_true(n > 0 && n <= VAR_COUNT);
    int has_lever = 0, has_stock = 0;
    for (size_t i = 0; i < n; i++) {
        var_kind k = var_table[ids[i]].kind;
        assert_true(k != VAR_ASSUMPTION && k != VAR_PARAM && k != VAR_SETTING);
        has_lever |= k == VAR_LEVER;
        has_stock |= k == VAR_STOCK;
        if (i > 0)
            assert_true(ids[i] > ids[i - 1]); /* table order */
    }
    assert_true(has_lever && has_stock);
    /* The default writer uses exactly this selection. */
    run_result r = make_result();
    char *s = write_to_string(&r, NULL);
    size_t commas = 0;
    for (char *c = s; *c != '\n'; c++)
        commas += *c == ',';
    assert_int_equal(commas, n);
    free(s);
    free_result(&r);
}

static void test_variable_lists_take_names_and_groups(void **state)
{
    (void)state;
    int ids[VAR_COUNT];
    size_t n = 0;
    sim_error err;
    assert_int_equal(output_parse_vars("spend_total, seed_capital,spend_total", ids, &n, &err),
                     SIM_OK);
    assert_int_equal(n, 2);
    assert_int_equal(ids[0], V_SPEND_TOTAL);
    assert_int_equal(ids[1], V_SEED_CAPITAL);
    assert_int_equal(output_parse_vars("levers", ids, &n, &err), SIM_OK);
    assert_int_equal(n, LEVER_COUNT);
    assert_int_equal(output_parse_vars("stocks,budget_cap", ids, &n, &err), SIM_OK);
    assert_int_equal(n, STOCK_COUNT + 1);
    assert_int_equal(ids[n - 1], V_BUDGET_CAP);
    assert_int_equal(output_parse_vars("all", ids, &n, &err), SIM_OK);
    assert_int_equal(n, VAR_COUNT);
    n = 7;
    assert_int_equal(output_parse_vars("spend_totl", ids, &n, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "unknown variable 'spend_totl' (did you mean 'spend_total'?)"));
    assert_int_equal(n, 7);
    assert_int_equal(output_parse_vars("spend_total,,seed_capital", ids, &n, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "empty variable name"));
}

static void test_format_names_parse_both_ways(void **state)
{
    (void)state;
    for (int f = OUTPUT_CSV; f <= OUTPUT_JSON; f++)
        assert_int_equal(output_format_parse(output_format_name((output_format)f)), f);
    assert_int_equal(output_format_parse("xlsx"), -1);
}

static void test_write_error_is_reported(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (f == NULL)
        skip();
    run_result r = make_result();
    sim_error err;
    assert_int_equal(output_write(f, &r, NULL, &err), SIM_EIO);
    fclose(f);
    free_result(&r);
}

/* ---- atomic files ---- */

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/transim_outXXXXXX");
    return mkdtemp(dir) == NULL ? -1 : 0;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static size_t files_in_dir(void)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return NULL;
    char *buf = calloc(1, 256);
    size_t n = fread(buf, 1, 255, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void test_committed_file_appears_whole(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/a.csv", dir);
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, path, &err), SIM_OK);
    fputs("hello\n", of.f);
    assert_int_equal(access(path, F_OK), -1); /* not there before the commit */
    assert_int_equal(output_commit(&of, &err), SIM_OK);
    char *s = slurp(path);
    assert_string_equal(s, "hello\n");
    free(s);
    assert_int_equal(files_in_dir(), 1); /* no temporary left */
    assert_int_equal(access(path, R_OK), 0);
}

static void test_aborted_file_leaves_the_target_untouched(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/b.csv", dir);
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, path, &err), SIM_OK);
    fputs("old\n", of.f);
    assert_int_equal(output_commit(&of, &err), SIM_OK);
    size_t before = files_in_dir();
    assert_int_equal(output_open(&of, path, &err), SIM_OK);
    fputs("half-writ", of.f);
    output_abort(&of);
    output_abort(&of); /* a second abort does nothing */
    char *s = slurp(path);
    assert_string_equal(s, "old\n");
    free(s);
    assert_int_equal(files_in_dir(), before);
    /* A new target that is aborted never appears. */
    snprintf(path, sizeof path, "%s/never.csv", dir);
    assert_int_equal(output_open(&of, path, &err), SIM_OK);
    output_abort(&of);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(files_in_dir(), before);
}

static void test_open_in_a_missing_directory_fails(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/no/such/c.csv", dir);
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, path, &err), SIM_EIO);
    assert_null(of.f);
    assert_string_equal(err.path, path);
}

/* Writes prov as a JSON object into a string (owned by the caller). */
static char *provenance_json(const char *prov)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    output_provenance_json(f, prov, "  ");
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void test_provenance_lines_become_one_json_object(void **state)
{
    (void)state;
    char *j = provenance_json("# program: transim 1 (commit x)\n"
                              "# scenario: a \"b\".ini (B) sha256 00\n"
                              "# base: c.ini sha256 11\n"
                              "# base: d.ini sha256 22\n"
                              "not a provenance line\n"
                              "# note: one\n"
                              "# note: two\n");
    assert_string_equal(j, "{\n  \"program\": \"transim 1 (commit x)\",\n"
                           "  \"scenario\": \"a \\\"b\\\".ini (B) sha256 00\",\n"
                           "  \"base\": [\"c.ini sha256 11\", \"d.ini sha256 22\"],\n"
                           "  \"note\": [\"one\", \"two\"]\n}");
    free(j);
    /* A key that may repeat is an array even when it appears once. */
    j = provenance_json("# base: c.ini sha256 11\n");
    assert_string_equal(j, "{\n  \"base\": [\"c.ini sha256 11\"]\n}");
    free(j);
    j = provenance_json("");
    assert_string_equal(j, "{}");
    free(j);
    /* A long line (a command line of many --set) is written whole. */
    char line[5000];
    int n = snprintf(line, sizeof line, "# command line: transim run");
    while (n < 4000)
        n += snprintf(line + n, sizeof line - (size_t)n, " --set x=1");
    snprintf(line + n, sizeof line - (size_t)n, "\n");
    j = provenance_json(line);
    assert_int_equal(strlen(j), (size_t)n + 8); /* n - 16 of value, 24 of key and braces */
    assert_string_equal(j + strlen(j) - 12, "--set x=1\"\n}");
    free(j);
}

static void test_wide_json_holds_the_provenance_and_csv_its_lines(void **state)
{
    (void)state;
    run_result r = make_result();
    int vars[] = {V_SPEND_TOTAL};
    output_opts o = output_opts_default();
    o.vars = vars;
    o.nvars = 1;
    o.provenance = "# program: transim\n# base: b.ini sha256 11\n";
    char *csv = write_to_string(&r, &o);
    assert_true(strncmp(csv, o.provenance, strlen(o.provenance)) == 0);
    assert_true(strncmp(csv + strlen(o.provenance), "year,spend_total\n", 17) == 0);
    free(csv);
    o.format = OUTPUT_JSON;
    char *json = write_to_string(&r, &o);
    assert_non_null(strstr(json, "\"provenance\": {\n    \"program\": \"transim\",\n"
                                 "    \"base\": [\"b.ini sha256 11\"]\n  },\n  \"variables\""));
    assert_null(strstr(json, "# program"));
    free(json);
    free_result(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wide_csv_has_year_then_one_column_per_variable),
        cmocka_unit_test(test_tsv_uses_tabs),
        cmocka_unit_test(test_exact_numbers_read_back_bit_for_bit),
        cmocka_unit_test(test_long_rows_quote_the_scenario_name),
        cmocka_unit_test(test_json_holds_years_series_and_escaped_names),
        cmocka_unit_test(test_numbers_have_a_fixed_format),
        cmocka_unit_test(test_csv_fields_are_quoted_only_when_needed),
        cmocka_unit_test(test_default_selection_is_the_changing_variables),
        cmocka_unit_test(test_variable_lists_take_names_and_groups),
        cmocka_unit_test(test_format_names_parse_both_ways),
        cmocka_unit_test(test_write_error_is_reported),
        cmocka_unit_test(test_committed_file_appears_whole),
        cmocka_unit_test(test_aborted_file_leaves_the_target_untouched),
        cmocka_unit_test(test_open_in_a_missing_directory_fails),
        cmocka_unit_test(test_provenance_lines_become_one_json_object),
        cmocka_unit_test(test_wide_json_holds_the_provenance_and_csv_its_lines),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
