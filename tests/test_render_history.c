/* test_render_history.c: observed series on the graphs without a display:
 * the fit's data read as points in the variables' display units, each with
 * its own source, the tooltip in English and Swedish, a bad spec said with
 * its file and line, the year axis reaching back to the first observed year,
 * hit testing of points and lines, and the graphs that show the points, hide
 * them with their toggle and open "why" on a click on a line. Text is
 * measured by a stand-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/app.h"
#include "render/app_history.h"
#include "render/app_ui.h"
#include "render/chart_hit.h"
#include "render/history_points.h"
#include "tests/render_test_util.h"

#define SPEC TRANSIM_SOURCE_DIR "/assets/history/fit.ini"

/* Every character 7 px wide, every line 15 px high. */
static const test_font font = {7, 15};

static void assert_same(double a, double b)
{
    if (!(fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b))))
        fail_msg("%.12g differs from %.12g", a, b);
}

static int var(const char *name)
{
    int v = var_find(name);
    if (v < 0)
        fail_msg("no variable '%s'", name);
    return v;
}

/* The data as observed.csv has them: population in persons shown in
 * thousands; LFS unemployment mapped onto the registered rate by the fit's
 * ratio (0.9125) and shown in %. Each year keeps its own source. */
static void test_points_are_the_data_in_display_units_with_their_sources(void **state)
{
    (void)state;
    hist_data *h = calloc(1, sizeof *h);
    sim_error err;
    assert_int_equal(hist_load(h, SPEC, &err), SIM_OK);
    assert_int_equal(h->state, 1);
    const history_series *p = hist_series_of(h, var("population"));
    assert_non_null(p);
    double t[HISTORY_YEARS_MAX], v[HISTORY_YEARS_MAX];
    int n = hist_points(p, t, v, HISTORY_YEARS_MAX);
    assert_int_equal(n, p->n);
    assert_same(t[0], 2009);
    assert_same(t[n - 1], 2020);
    assert_same(v[n - 1], 858.063); /* SCB, 31 December 2020 */
    assert_string_equal(hist_source(h, p, n - 1, 0), "[S16] SCB, 31 Dec");
    assert_string_equal(hist_source(h, p, 0, 0), "Eurostat tgs00096 (1 Jan of the next year)");
    assert_string_equal(hist_source(h, p, n - 1, 1), "[S16] SCB, 31 december");
    assert_string_equal(hist_source(h, p, 0, 1),
                        "Eurostat tgs00096 (1 januari \xC3\xA5ret d\xC3\xA4rp\xC3\xA5)");
    const history_series *u = hist_series_of(h, var("unemployment_rate"));
    assert_non_null(u);
    n = hist_points(u, t, v, HISTORY_YEARS_MAX);
    assert_same(t[0], 2008);
    assert_same(v[0], 100 * u->value[0] / 0.9125);
    /* The chart's dots point at the same values. */
    chart_dots d = hist_dots(h, var("population"), chart_palette[6], "Observed");
    assert_int_equal(d.n, p->n);
    assert_same(d.v[d.n - 1], 858.063);
    /* A variable without data has no series and no dots. */
    assert_null(hist_series_of(h, var("skill_mismatch")));
    assert_int_equal(hist_dots(h, var("skill_mismatch"), chart_palette[6], "x").n, 0);
    free(h);
}

static void test_tooltip_names_year_value_and_source_in_both_languages(void **state)
{
    (void)state;
    hist_data *h = calloc(1, sizeof *h);
    sim_error err;
    assert_int_equal(hist_load(h, SPEC, &err), SIM_OK);
    const history_series *p = hist_series_of(h, var("population"));
    char buf[800];
    hist_tooltip(buf, sizeof buf, h, p, p->n - 1, "Population", "thousand", 0);
    assert_string_equal(buf, "Observed 2020\nPopulation: 858 thousand\nSource: [S16] SCB, 31 Dec");
    hist_tooltip(buf, sizeof buf, h, p, p->n - 1, "Befolkning", "tusen", 1);
    assert_string_equal(buf,
                        "Observerat 2020\nBefolkning: 858 tusen\nK\xC3\xA4lla: [S16] SCB, 31 december");
    /* A mapped series also gives the datum as observed and the ratio. */
    const history_series *u = hist_series_of(h, var("unemployment_rate"));
    hist_tooltip(buf, sizeof buf, h, u, 0, "Unemployment rate", "%", 0);
    assert_non_null(strstr(buf, "\nData: "));
    assert_non_null(strstr(buf, "drawn as data / 0.9125 ("));
    assert_non_null(strstr(buf, "Source: Eurostat tgs00010"));
    hist_tooltip(buf, sizeof buf, h, u, 0, "Arbetsl\xC3\xB6shet", "%", 1);
    assert_non_null(strstr(buf, "ritat som data / 0,9125 ("));
    assert_non_null(strstr(buf, "K\xC3\xA4lla: Eurostat tgs00010, AKU 15\xE2\x80\x93" "74 \xC3\xA5r"));
    free(h);
}

/* A spec with a mistake fails with its file and line, and leaves the
 * graphs without points (state -1, no series). */
static void test_a_bad_spec_is_said_with_file_and_line(void **state)
{
    (void)state;
    char path[] = "/tmp/transim-hist-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "[fit]\nscenario = x.ini\ndata = observed.csv\nfrom 2011\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    hist_data *h = calloc(1, sizeof *h);
    sim_error err;
    assert_int_not_equal(hist_load(h, path, &err), SIM_OK);
    assert_int_equal(h->state, -1);
    char want[128];
    snprintf(want, sizeof want, "%s:4:", path);
    if (strstr(h->msg, want) == NULL)
        fail_msg("message '%s' names no '%s'", h->msg, want);
    assert_null(hist_series_of(h, var("population")));
    unlink(path);
    free(h);
}

/* A chart of 2020-2050 with points from 2009: the year axis starts at
 * 2009; each point is found at its pixel and a few pixels off, nothing far
 * away; the lines are found near their segments only; the read-out of the
 * lines is not offered left of the run's start. */
static void test_axis_reaches_back_and_points_and_lines_are_hit(void **state)
{
    (void)state;
    ui_ctx *ctx = malloc(sizeof *ctx);
    test_ui_init(ctx, &font);
    ctx->width = 800;
    ctx->height = 600;
    double t[31], y[31], b[31];
    for (int i = 0; i <= 30; i++) {
        t[i] = 2020 + i;
        y[i] = 100 + i;
        b[i] = 100;
    }
    double dt[3] = {2009, 2014, 2020}, dv[3] = {90, 95, 100};
    chart_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.series[0] = (chart_series){.t = t, .y = y, .n = 31, .thickness = 3};
    spec.series[1] = (chart_series){.t = t, .y = b, .n = 31, .thickness = 2};
    spec.nseries = 2;
    spec.legend = 1;
    spec.series[0].label = "Scenario";
    spec.series[1].label = "Baseline";
    chart_geom g0;
    chart_layout(ctx, &spec, ui_rect_make(0, 0, 600, 400), &g0);
    assert_same(g0.t0, 2020);
    spec.dots = (chart_dots){.t = dt, .v = dv, .n = 3, .color = chart_palette[6], .label = "Observed"};
    chart_geom g;
    chart_layout(ctx, &spec, ui_rect_make(0, 0, 600, 400), &g);
    assert_same(g.t0, 2009);
    assert_same(g.t1, 2050);
    assert_true(g.y.lo <= 90); /* the value axis holds the points */
    for (int i = 0; i < 3; i++) {
        int x = (int)lroundf(chart_x_of(&g, dt[i])), yy = (int)lroundf(chart_y_of(&g, dv[i]));
        assert_int_equal(chart_dot_at(&g, &spec.dots, x, yy, 7), i);
        assert_int_equal(chart_dot_at(&g, &spec.dots, x + 4, yy - 4, 7), i);
        assert_int_equal(chart_dot_at(&g, &spec.dots, x + 12, yy, 7), -1);
    }
    /* Lines: the scenario at 2035 (value 115), the baseline at 100. */
    int x35 = (int)lroundf(chart_x_of(&g, 2035));
    assert_int_equal(chart_line_at(&g, &spec, x35, (int)lroundf(chart_y_of(&g, 115)) + 3, 8), 0);
    assert_int_equal(chart_line_at(&g, &spec, x35, (int)lroundf(chart_y_of(&g, 100)) - 3, 8), 1);
    assert_int_equal(chart_line_at(&g, &spec, x35, (int)lroundf(chart_y_of(&g, 107.5)), 8), -1);
    /* Left of 2020 there is no line, and no read-out of the lines. */
    int x12 = (int)lroundf(chart_x_of(&g, 2012));
    assert_int_equal(chart_line_at(&g, &spec, x12, (int)lroundf(chart_y_of(&g, 100)), 8), -1);
    assert_int_equal(chart_hover_index(&g, &spec.series[0], x12), -1);
    assert_int_equal(chart_hover_index(&g, &spec.series[0], x35), 15);
    /* Outside the plot nothing is hit. */
    assert_int_equal(chart_line_at(&g, &spec, g.plot.x + g.plot.w + 5, (int)lroundf(chart_y_of(&g, 130)), 8),
                     -1);
    /* The chart draws a dot for each point and lists them in the legend;
     * over a point it gives no read-out of the lines. */
    ui_begin(ctx);
    chart_draw(ctx, &spec, ui_rect_make(0, 0, 600, 400));
    int discs = 0, legend = 0;
    for (int i = 0; i < ctx->ncmd; i++) {
        discs += ctx->cmd[i].type == UI_CMD_CIRCLE;
        legend |= ctx->cmd[i].type == UI_CMD_TEXT && strcmp(ctx->text + ctx->cmd[i].text, "Observed") == 0;
    }
    ui_end(ctx);
    assert_int_equal(discs, 2 * 3 + 1); /* a ring and a dot each, and the legend's */
    assert_true(legend);
    ui_input_mouse_move(ctx, (int)lroundf(chart_x_of(&g, 2020)), (int)lroundf(chart_y_of(&g, 100)));
    ui_begin(ctx);
    assert_int_equal(chart_draw(ctx, &spec, ui_rect_make(0, 0, 600, 400)), -1);
    ui_end(ctx);
    ui_input_mouse_move(ctx, x35, (int)lroundf(chart_y_of(&g, 125)));
    ui_begin(ctx);
    assert_int_equal(chart_draw(ctx, &spec, ui_rect_make(0, 0, 600, 400)), 15);
    ui_end(ctx);
    free(ctx);
}

typedef struct fixture {
    app *a;
    ui_ctx *ctx;
    app_layout l;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    sim_error err;
    setenv("XDG_DATA_HOME", "/tmp/transim-test-history-data", 1);
    setenv("XDG_STATE_HOME", "/tmp/transim-test-history-state", 1);
    setenv("TRANSIM_HISTORY", SPEC, 1);
    f->a = app_create(&err);
    f->ctx = malloc(sizeof *f->ctx);
    if (!f->a || !f->ctx)
        return -1;
    test_ui_init(f->ctx, &font);
    f->ctx->width = 1280;
    f->ctx->height = 800;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    app_destroy(f->a);
    free(f->ctx);
    free(f);
    return 0;
}

static void frame(fixture *f)
{
    f->ctx->scale = f->a->zoom;
    app_frame(f->a, f->ctx, &f->l);
}

static void click(fixture *f, int x, int y)
{
    ui_input_mouse_move(f->ctx, x, y);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 1);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 0);
    frame(f);
}

/* Discs of the observed points' colour in the last frame. */
static int observed_discs(const ui_ctx *ctx)
{
    int n = 0;
    for (int i = 0; i < ctx->ncmd; i++) {
        const ui_cmd *c = &ctx->cmd[i];
        n += c->type == UI_CMD_CIRCLE && memcmp(&c->color, &chart_palette[6], sizeof c->color) == 0;
    }
    return n;
}

/* The text command reading s in the last frame, or NULL. */
static const ui_cmd *text_cmd(const ui_ctx *ctx, const char *s)
{
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && strcmp(ctx->text + ctx->cmd[i].text, s) == 0)
            return &ctx->cmd[i];
    return NULL;
}

/* The population graph shows its observed points (and their legend), the
 * toggle hides them for every graph, a second click brings them back. */
static void test_graph_shows_points_and_the_toggle_hides_them(void **state)
{
    fixture *f = *state;
    char msg[128];
    assert_int_equal(app_set_graphs(f->a, "population,skill_mismatch", msg, sizeof msg), 0);
    assert_true(app_history_has(f->a, var("population")));
    assert_false(app_history_has(f->a, var("skill_mismatch")));
    frame(f);
    const history_series *p = hist_series_of(f->a->hist, var("population"));
    assert_non_null(p);
    assert_int_equal(observed_discs(f->ctx), p->n + 1); /* the points and the legend's */
    const ui_cmd *b = text_cmd(f->ctx, "History");
    assert_non_null(b);
    click(f, b->rect.x + 2, b->rect.y + 2);
    assert_int_equal(f->a->history, 0);
    assert_int_equal(observed_discs(f->ctx), 0);
    assert_int_equal(app_history_dots(f->a, var("population")).n, 0);
    b = text_cmd(f->ctx, "History");
    assert_non_null(b);
    click(f, b->rect.x + 2, b->rect.y + 2);
    assert_int_equal(f->a->history, 1);
    assert_int_equal(observed_discs(f->ctx), p->n + 1);
}

/* Over an observed point, its tooltip; a click on a line of a graph opens
 * "why" for the graph's variable, a click beside the lines does not. */
static void test_point_tooltip_and_a_click_on_a_line_opens_why(void **state)
{
    fixture *f = *state;
    char msg[128];
    assert_int_equal(app_set_graphs(f->a, "population,skill_mismatch", msg, sizeof msg), 0);
    frame(f);
    /* The chart area of graph 0 as draw_graph lays it out. */
    ui_rect r = f->l.graph[0];
    int pad = ui_px(f->ctx, 8), dh = ui_px(f->ctx, 30);
    ui_rect cr = ui_rect_make(r.x + pad, r.y + pad + dh + ui_px(f->ctx, 6), r.w - 2 * pad,
                              r.h - 2 * pad - dh - ui_px(f->ctx, 6));
    chart_spec spec;
    memset(&spec, 0, sizeof spec);
    int pop = var("population");
    spec.series[0] = (chart_series){.t = f->a->cur.t, .y = f->a->cur.v + pop, .stride = VAR_COUNT,
                                    .n = (int)f->a->cur.rows, .scale = var_table[pop].display_scale};
    spec.series[1] = (chart_series){.t = f->a->base.t, .y = f->a->base.v + pop, .stride = VAR_COUNT,
                                    .n = (int)f->a->base.rows, .scale = var_table[pop].display_scale};
    spec.nseries = 2;
    spec.unit = app_unit(f->a, pop);
    spec.legend = 1;
    spec.series[0].label = "Scenario";
    spec.series[1].label = "Baseline";
    spec.dots = app_history_dots(f->a, pop);
    chart_geom g;
    chart_layout(f->ctx, &spec, cr, &g);
    int x = (int)lroundf(chart_x_of(&g, spec.dots.t[2])), y = (int)lroundf(chart_y_of(&g, spec.dots.v[2]));
    ui_input_mouse_move(f->ctx, x, y);
    frame(f);
    char year[32];
    snprintf(year, sizeof year, "Observed %.0f", spec.dots.t[2]);
    assert_non_null(text_cmd(f->ctx, year));
    /* Beside the lines: nothing opens. */
    x = (int)lroundf(chart_x_of(&g, 2040));
    int yl = (int)lroundf(chart_y_of(&g, var_display(&var_table[pop], app_value_at(&f->a->cur, pop, 2040))));
    int yfar = yl + 40 < g.plot.y + g.plot.h ? yl + 40 : yl - 40;
    click(f, x, yfar);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    click(f, x, yl);
    assert_int_equal(f->a->dialog, APP_DLG_WHY);
    assert_int_equal(f->a->why_var, pop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_points_are_the_data_in_display_units_with_their_sources),
        cmocka_unit_test(test_tooltip_names_year_value_and_source_in_both_languages),
        cmocka_unit_test(test_a_bad_spec_is_said_with_file_and_line),
        cmocka_unit_test(test_axis_reaches_back_and_points_and_lines_are_hit),
        cmocka_unit_test_setup_teardown(test_graph_shows_points_and_the_toggle_hides_them, setup, teardown),
        cmocka_unit_test_setup_teardown(test_point_tooltip_and_a_click_on_a_line_opens_why, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
