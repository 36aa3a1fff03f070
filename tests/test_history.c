/* test_history.c: runs that start in 2010 and assumptions driven by a
 * [series] (sim/files/scenario.c, sim/engine/schedule.c, sim/engine/run.c):
 * every reader error with its line and an untouched scenario, the save/load
 * round trip, the engine reproducing a series' knots, the history scenario
 * and its comparison with the data (sim/studies/history.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model_test_util.h"
#include "sim/files/scenario.h"
#include "sim/studies/history.h"

#define SRC TRANSIM_SOURCE_DIR
#define MEM SRC "/tests/data/mem.ini"

static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/transim_history_XXXXXX");
    return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Parses text and checks that it fails at line with a message containing
 * want, leaving the scenario as it was. */
static void expect_series_error(const char *text, int line, const char *want)
{
    scenario sc, before;
    scenario_init(&sc);
    sc.value[V_EXPORT_GROWTH] = 0.0123; /* a sentinel */
    before = sc;
    sim_error err;
    sim_status st = scenario_parse(&sc, text, MEM, &err);
    if (st == SIM_OK || err.line != line || strstr(err.msg, want) == NULL)
        print_error("got status %d, line %d, '%s'; wanted line %d, '%s'\n", (int)st, err.line,
                    err.msg, line, want);
    assert_int_equal(st, SIM_EPARSE);
    assert_int_equal(err.line, line);
    assert_non_null(strstr(err.msg, want));
    assert_string_equal(err.path, MEM);
    assert_memory_equal(&sc, &before, sizeof sc);
}

static void test_every_series_error_names_its_line(void **state)
{
    (void)state;
    expect_series_error("[series]\nexport_grwth = 2020:0.01\n", 2,
                        "unknown assumption 'export_grwth' (did you mean 'export_growth'?)");
    expect_series_error("[series]\nbirth_rate = 2020:0.01\n", 2,
                        "'birth_rate' is a parameter; a series drives an assumption only");
    expect_series_error("[series]\nseed_capital = 2020:1\n", 2, "is a lever");
    expect_series_error("[series]\nexport_growth =\n", 2, "series of 'export_growth' is empty");
    expect_series_error("[series]\nexport_growth = 2020 0.01\n", 2,
                        "knot '2020 0.01' of the series of 'export_growth' is not YEAR:VALUE");
    expect_series_error("[series]\nexport_growth = 2020:x\n", 2, "is not YEAR:VALUE");
    expect_series_error("[series]\nexport_growth = 2020:0.01:3\n", 2, "is not YEAR:VALUE");
    expect_series_error("[series]\nexport_growth = 2020.5:0.01\n", 2,
                        "year 2020.5 in the series of 'export_growth' is not a whole year");
    expect_series_error("[series]\nexport_growth = 2021:0.01, 2021:0.02\n", 2,
                        "year 2021 in the series of 'export_growth' does not follow 2021");
    expect_series_error("[series]\nexport_growth = 2022:0.01, 2021:0.02\n", 2, "does not follow");
    expect_series_error("[series]\nexport_growth = 2021:0.5\n", 2,
                        "value 0.5 for 2021 of assumption 'export_growth' is outside its range");
    expect_series_error("[series]\nexport_growth = 2021:0.01,\n", 2, "ends with a comma");
    expect_series_error("[series]\nexport_growth = 2021:0.01,, 2022:0.02\n", 2,
                        "empty or overlong knot 2");
    expect_series_error("[series]\nexport_growth = 2019:0.01\n", 2,
                        "series of 'export_growth' runs 2019 to 2019, outside the run 2020 to "
                        "2050");
    expect_series_error("[scenario]\nend = 2030\n[series]\nexport_growth = 2029:0.01, 2031:0\n",
                        4, "outside the run 2020 to 2030");
    expect_series_error("[series]\nexport_growth = 2021:0.01\nexport_growth = 2022:0.01\n", 3,
                        "duplicate key 'export_growth' (first set on line 2)");
    expect_series_error("[seires]\n", 1, "did you mean '[series]'?");
    /* A continuation line is part of the series; its error is the entry's. */
    expect_series_error("[series]\nexport_growth = 2021:0.01,\n  2021:0.02\n", 2,
                        "does not follow 2021");
    char many[4096] = "[series]\nexport_growth = ";
    for (int y = 0; y < SCENARIO_KNOTS_MAX + 1; y++) {
        char knot[32];
        snprintf(knot, sizeof knot, "%s%d:0", y ? ",\n  " : "", 2000 + y);
        strcat(many, knot);
    }
    strcat(many, "\n");
    expect_series_error(many, 2, "has more than 96 knots");
}

static void test_series_reads_over_continuation_lines(void **state)
{
    (void)state;
    scenario sc;
    sim_error err;
    const char *text = "[scenario]\nstart = 2010\n[series]\n"
                       "export_growth = 2010:0.05, 2011:-0.01,\n  2013:0.02\n"
                       "carbon_price = 2012:100\n";
    assert_int_equal(scenario_parse(&sc, text, MEM, &err), SIM_OK);
    assert_int_equal(sc.nseries, 2);
    const scenario_series *s = scenario_series_of(&sc, V_EXPORT_GROWTH);
    assert_non_null(s);
    assert_int_equal(s->n, 3);
    assert_true(s->year[2] == 2013 && s->value[1] == -0.01 && s->value[2] == 0.02);
    assert_null(scenario_series_of(&sc, V_ENERGY_PRICE));
    /* The table's order, whatever the file's. */
    assert_true(sc.series[0].var < sc.series[1].var);
}

static void test_a_base_series_is_replaced_by_the_file_s_own(void **state)
{
    (void)state;
    char base[200], top[200];
    snprintf(base, sizeof base, "%s/base.ini", tmpdir);
    snprintf(top, sizeof top, "%s/top.ini", tmpdir);
    FILE *f = fopen(base, "w");
    fputs("[scenario]\nstart = 2010\n[series]\nexport_growth = 2010:0.05, 2011:0.04\n"
          "carbon_price = 2010:100\n", f);
    fclose(f);
    f = fopen(top, "w");
    fputs("[scenario]\nbase = base.ini\n[series]\nexport_growth = 2012:0.01\n", f);
    fclose(f);
    scenario sc;
    sim_error err;
    assert_int_equal(scenario_load(&sc, top, &err), SIM_OK);
    assert_int_equal(sc.nseries, 2);
    const scenario_series *s = scenario_series_of(&sc, V_EXPORT_GROWTH);
    assert_int_equal(s->n, 1);
    assert_true(s->year[0] == 2012);
}

static void test_series_save_then_load_is_identical(void **state)
{
    (void)state;
    scenario sc, back;
    sim_error err;
    scenario_init(&sc);
    sc.start = 2010;
    sc.end = 2100;
    sim_error why;
    /* Many knots with long decimals: the writer must wrap them. */
    char text[8192] = "";
    for (int y = 2010; y <= 2100; y++) {
        char knot[64];
        snprintf(knot, sizeof knot, "%s%d:%.17g", y > 2010 ? ", " : "", y,
                 -0.05 + 0.13 * (y - 2010) / 91.0 / 3.0);
        strcat(text, knot);
    }
    assert_true(scenario_series_parse(&sc.series[0], V_EXPORT_GROWTH, text, &why));
    assert_true(scenario_series_parse(&sc.series[1], V_CARBON_PRICE, "2010:136, 2020:256.5", &why));
    sc.nseries = 2;
    char path[128], path2[128];
    snprintf(path, sizeof path, "%s/series.ini", tmpdir);
    snprintf(path2, sizeof path2, "%s/series2.ini", tmpdir);
    assert_int_equal(scenario_save(&sc, path, &err), SIM_OK);
    if (scenario_load(&back, path, &err) != SIM_OK)
        print_error("%s:%d: %s\n", err.path, err.line, err.msg);
    assert_int_equal(scenario_load(&back, path, &err), SIM_OK);
    assert_int_equal(back.nseries, 2);
    assert_memory_equal(back.series, sc.series, sizeof sc.series);
    assert_int_equal(scenario_save(&back, path2, &err), SIM_OK);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", path, path2);
    assert_int_equal(system(cmd), 0);
}

static void test_validate_checks_series(void **state)
{
    (void)state;
    scenario sc;
    sim_error err;
    sim_error why;
    scenario_init(&sc);
    assert_true(scenario_series_parse(&sc.series[0], V_EXPORT_GROWTH, "2010:0.01", &why));
    sc.nseries = 1;
    assert_int_equal(scenario_validate(&sc, &err), SIM_EINVAL); /* 2010 is before the run */
    assert_non_null(strstr(err.msg, "within the run 2020 to 2050"));
    sc.start = 2010;
    assert_int_equal(scenario_validate(&sc, &err), SIM_OK);
    sc.series[0].value[0] = 1.0;
    assert_int_equal(scenario_validate(&sc, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "outside its range"));
    sc.series[0].value[0] = 0.01;
    sc.series[0].var = V_BIRTH_RATE;
    assert_int_equal(scenario_validate(&sc, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "drives no assumption"));
}

static void test_steps_hold_through_each_year(void **state)
{
    (void)state;
    scenario_series s;
    sim_error why;
    assert_true(scenario_series_parse(&s, V_EXPORT_GROWTH, "2012:0.01, 2013:0.02, 2016:0.03",
                                      &why));
    assert_true(scenario_series_at(&s, 2011.9, 2011.9, -1) == -1);   /* before: the scalar */
    assert_true(scenario_series_at(&s, 2012, 2012, -1) == 0.01);     /* at a knot: its value */
    assert_true(scenario_series_at(&s, 2012.99, 2012.99, -1) == 0.01);
    assert_true(scenario_series_at(&s, 2015.5, 2015.5, -1) == 0.02); /* a gap: the last value */
    assert_true(scenario_series_at(&s, 2016.5, 2016.5, -1) == 0.03); /* the last knot's year */
    assert_true(scenario_series_at(&s, 2017, 2017, -1) == -1);       /* then the scalar */
    /* The piece is chosen by the phase (the integrator's segment). */
    assert_true(scenario_series_at(&s, 2013, 2012.5, -1) == 0.01);
}

static void test_breakpoints_include_each_step(void **state)
{
    (void)state;
    scenario sc;
    sim_error err;
    assert_int_equal(scenario_parse(&sc, "[scenario]\nstart = 2010\n[series]\n"
                                         "export_growth = 2012:0.01, 2013:0.02, 2016:0.03\n",
                                    MEM, &err),
                     SIM_OK);
    double bp[16];
    size_t n = scenario_breakpoints(&sc, 2010, 2050, bp, 16);
    assert_int_equal(n, 4);
    assert_true(bp[0] == 2012 && bp[1] == 2013 && bp[2] == 2016 && bp[3] == 2017);
}

/* Runs sc yearly, adaptive, and returns the result (released by the caller). */
static void run_yearly(const scenario *sc, run_result *r)
{
    model_run(sc, r);
}

static void test_a_series_reproduces_its_knots_in_a_run(void **state)
{
    (void)state;
    scenario sc;
    sim_error err;
    const char *text = "[scenario]\nstart = 2010\nend = 2030\n[assumptions]\n"
                       "export_growth = 0.015\n[series]\n"
                       "export_growth = 2011:0.061, 2012:-0.02, 2015:0.04\n"
                       "carbon_price = 2010:136, 2011:117, 2012:64\n";
    assert_int_equal(scenario_parse(&sc, text, MEM, &err), SIM_OK);
    run_result r;
    run_yearly(&sc, &r);
    int eg = model_var("export_growth"), cp = model_var("carbon_price");
    assert_close(model_at(&r, "export_growth", 2010), 0.015, 0); /* before the first knot */
    assert_close(model_at(&r, "export_growth", 2011), 0.061, 0);
    assert_close(model_at(&r, "export_growth", 2012), -0.02, 0);
    assert_close(model_at(&r, "export_growth", 2014), -0.02, 0);
    assert_close(model_at(&r, "export_growth", 2015), 0.04, 0);
    assert_close(model_at(&r, "export_growth", 2016), 0.015, 0); /* the scalar again */
    assert_close(model_at(&r, "carbon_price", 2010), 136, 0);
    assert_close(model_at(&r, "carbon_price", 2012), 64, 0);
    assert_close(model_at(&r, "carbon_price", 2013), var_table[cp].value, 0);
    (void)eg;
    /* Export demand grows by exactly the step within each year: the
     * integrator restarts at every knot. */
    double d11 = model_at(&r, "export_demand", 2011), d12 = model_at(&r, "export_demand", 2012);
    assert_close(d12 / d11, exp(0.061), 1e-6);
    run_result_release(&r);
}

static void test_runs_start_at_the_scenario_s_start(void **state)
{
    (void)state;
    scenario sc;
    scenario_init(&sc);
    sc.start = 2010;
    sc.end = 2015;
    sc.value[V_POPULATION_START] = 826820;
    run_result r;
    run_yearly(&sc, &r);
    assert_int_equal(r.rows, 6);
    assert_close(r.t[0], 2010, 0);
    assert_close(model_at(&r, "population", 2010), 826820, 2); /* the calibration settles to a person */
    run_result_release(&r);
    /* A report cannot begin before the start. */
    run_opts o = run_opts_default();
    o.from = 2009;
    sim_error err;
    assert_int_equal(run_opts_validate(&o, &sc, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "before the start 2010"));
}

static void test_the_baseline_still_starts_in_2020(void **state)
{
    (void)state;
    scenario sc;
    scenario_init(&sc);
    assert_close(sc.start, SCENARIO_START_DEFAULT, 0);
    run_result r;
    run_yearly(&sc, &r);
    assert_close(r.t[0], 2020, 0);
    assert_close(model_at(&r, "population", 2020), var_table[V_POPULATION_START].value, 2);
    run_result_release(&r);
}

static void test_the_history_scenario_runs_and_reports_beside_the_data(void **state)
{
    (void)state;
    history_spec *spec = malloc(sizeof *spec);
    scenario sc;
    sim_error err;
    if (history_spec_load(spec, SRC "/assets/history/fit.ini", &err) != SIM_OK)
        fail_msg("%s:%d: %s", err.path, err.line, err.msg);
    assert_int_equal(scenario_load(&sc, spec->scenario_path, &err), SIM_OK);
    assert_close(sc.start, 2010, 0);
    assert_true(sc.nseries >= 1);
    run_result r;
    run_result_init(&r);
    assert_int_equal(history_run(spec, &sc, &r, &err), SIM_OK);
    assert_close(r.t[0], 2010, 0);
    assert_close(r.t[r.rows - 1], 2020, 0);
    /* The 2010 state is the data's; emissions' is weather-normal, 2010's
     * cold winter taken out of heating (assets/history/README.md), 1.3 %
     * below the data. */
    for (int i = 0; i < spec->nseries; i++) {
        const history_series *s = &spec->series[i];
        if (strcmp(s->name, "population") == 0 || strcmp(s->name, "grp") == 0 ||
            strcmp(s->name, "emissions_total") == 0 || strcmp(s->name, "firm_starts") == 0) {
            assert_true(s->year[0] <= 2010);
            int k = 0;
            while (s->year[k] < 2010)
                k++;
            double ratio = history_model_at(s, &r, 2010) / s->value[k];
            if (strcmp(s->name, "emissions_total") == 0)
                assert_close(ratio, 4048.0 / 4100.0, 1e-3);
            else
                assert_close(ratio, 1.0, 1e-3);
        }
    }
    history_error e[HISTORY_SERIES_MAX];
    history_errors(spec, &r, e);
    for (int i = 0; i < spec->nseries; i++)
        assert_true(e[i].n >= 9);
    /* The comparison as CSV, and the charts. */
    char path[200];
    snprintf(path, sizeof path, "%s/history.csv", tmpdir);
    FILE *f = fopen(path, "w");
    assert_int_equal(history_write_csv(f, spec, &r, &err), SIM_OK);
    fclose(f);
    f = fopen(path, "r");
    char line[512];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "year,series,model,data,unit,source\n");
    assert_non_null(fgets(line, sizeof line, f));
    assert_int_equal(strncmp(line, "2010,population,", 16), 0);
    fclose(f);
    assert_int_equal(history_write_charts(spec, &r, tmpdir, &err), SIM_OK);
    snprintf(path, sizeof path, "%s/population.svg", tmpdir);
    f = fopen(path, "r");
    assert_non_null(f);
    char svg[256] = "";
    assert_non_null(fgets(svg, sizeof svg, f));
    assert_int_equal(strncmp(svg, "<svg ", 5), 0);
    fclose(f);
    run_result_release(&r);
    free(spec);
}

/* Writes text to tmpdir/name and loads it as a spec; checks the error. */
static void expect_spec_error(const char *text, int line, const char *want)
{
    char path[200];
    snprintf(path, sizeof path, "%s/spec.ini", tmpdir);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    history_spec *spec = malloc(sizeof *spec);
    sim_error err;
    sim_status st = history_spec_load(spec, path, &err);
    if (st == SIM_OK || err.line != line || strstr(err.msg, want) == NULL)
        print_error("got %d, line %d, '%s'; wanted line %d, '%s'\n", (int)st, err.line, err.msg,
                    line, want);
    assert_int_not_equal(st, SIM_OK);
    assert_int_equal(err.line, line);
    assert_non_null(strstr(err.msg, want));
    free(spec);
}

static void test_spec_errors_name_their_line(void **state)
{
    (void)state;
    expect_spec_error("[fitt]\n", 1, "unknown section '[fitt]'");
    expect_spec_error("[fit]\nscenarios = x\n", 2, "unknown name 'scenarios' in [fit]");
    expect_spec_error("[fit]\nfrom = soon\n", 2, "'soon' is not a year");
    expect_spec_error("[parameters]\npopulation = fit\n", 2,
                      "'population' is not a parameter or assumption");
    expect_spec_error("[parameters]\nbirth_rate = 2\n", 2, "PRIOR_MEAN, PRIOR_SD");
    expect_spec_error("[parameters]\nbirth_rate = 0.01, 0\n", 2, "(SD > 0)");
    expect_spec_error("[parameters]\nbirth_rate = 0.9, 0.1\n", 2, "prior mean 0.9");
    expect_spec_error("[parameters]\nbirth_rate = fit\nbirth_rate = fit\n", 3, "listed twice");
    expect_spec_error("[series]\npopulation = population, level\n", 2, "MODEL_VARIABLE");
    expect_spec_error("[series]\npopulation = popul, level, 1, 0.01\n", 2,
                      "unknown model variable 'popul'");
    expect_spec_error("[series]\npopulation = population, stock, 1, 0.01\n", 2,
                      "neither 'level' nor 'rate'");
    expect_spec_error("[series]\npopulation = population, level, 0, 0.01\n", 2,
                      "must be positive");
    expect_spec_error("[fit]\nfrom = 2011\n", 0, "[fit] needs scenario, data");
    char text[600];
    snprintf(text, sizeof text,
             "[fit]\nscenario = %s/scenarios/history.ini\ndata = %s/assets/history/observed.csv\n"
             "from = 2011\nto = 2020\n[series]\nnothing = population, level, 1, 0.01\n",
             SRC, SRC);
    expect_spec_error(text, 0, "no data for series 'nothing'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_series_error_names_its_line),
        cmocka_unit_test(test_series_reads_over_continuation_lines),
        cmocka_unit_test(test_a_base_series_is_replaced_by_the_file_s_own),
        cmocka_unit_test(test_series_save_then_load_is_identical),
        cmocka_unit_test(test_validate_checks_series),
        cmocka_unit_test(test_steps_hold_through_each_year),
        cmocka_unit_test(test_breakpoints_include_each_step),
        cmocka_unit_test(test_a_series_reproduces_its_knots_in_a_run),
        cmocka_unit_test(test_runs_start_at_the_scenario_s_start),
        cmocka_unit_test(test_the_baseline_still_starts_in_2020),
        cmocka_unit_test(test_the_history_scenario_runs_and_reports_beside_the_data),
        cmocka_unit_test(test_spec_errors_name_their_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
