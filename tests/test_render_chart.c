/* test_render_chart.c: chart logic without a display: "nice" tick choice,
 * the value range, number formatting for people (thousands separators,
 * rounding, decimal comma in Swedish), hover hit testing and the commands a
 * chart emits. Text is measured by a fixed-width stand-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/chart.h"
#include "render/fmt.h"
#include "tests/render_test_util.h"

/* Every character 7 px wide, every line 14 px high. */
static const test_font font = {7, 14};

static void assert_near(double a, double b, double tol)
{
    if (fabs(a - b) > tol)
        fail_msg("%.12g differs from %.12g by more than %g", a, b, tol);
}

static void test_ticks_cover_zero_to_one_in_fifths(void **state)
{
    (void)state;
    chart_ticks t = chart_ticks_nice(0, 1, 5);
    assert_near(t.lo, 0, 1e-12);
    assert_near(t.hi, 1, 1e-12);
    assert_near(t.step, 0.2, 1e-12);
    assert_int_equal(t.n, 6);
    assert_int_equal(t.decimals, 1);
}

static void test_ticks_round_outwards_to_the_step(void **state)
{
    (void)state;
    chart_ticks t = chart_ticks_nice(3, 97, 5);
    assert_near(t.step, 20, 1e-12);
    assert_near(t.lo, 0, 1e-12);
    assert_near(t.hi, 100, 1e-12);
    assert_int_equal(t.decimals, 0);
    /* A population between 271,300 and 288,900: steps of 5,000. */
    t = chart_ticks_nice(271300, 288900, 4);
    assert_near(t.step, 5000, 1e-9);
    assert_near(t.lo, 270000, 1e-9);
    assert_near(t.hi, 290000, 1e-9);
}

static void test_ticks_use_steps_of_one_two_two_and_a_half_or_five(void **state)
{
    (void)state;
    for (double span = 0.013; span < 2e7; span *= 1.37) {
        for (int target = 2; target <= 8; target++) {
            chart_ticks t = chart_ticks_nice(-0.3 * span, span, target);
            double mant = t.step / pow(10, floor(log10(t.step) + 1e-12));
            int ok = fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 || fabs(mant - 2.5) < 1e-9 ||
                     fabs(mant - 5) < 1e-9;
            if (!ok)
                fail_msg("step %g (mantissa %g) for span %g", t.step, mant, span);
            assert_true(t.lo <= -0.3 * span + 1e-9 * span);
            assert_true(t.hi >= span - 1e-9 * span);
            assert_true(t.n >= 2 && t.n <= CHART_TICKS_MAX);
        }
    }
}

static void test_ticks_widen_a_flat_line(void **state)
{
    (void)state;
    chart_ticks t = chart_ticks_nice(0, 0, 5);
    assert_true(t.hi > t.lo);
    assert_near(t.lo, 0, 1e-12);
    t = chart_ticks_nice(1500, 1500, 5);
    assert_true(t.lo < 1500 && t.hi > 1500);
}

static void test_ticks_survive_non_finite_input(void **state)
{
    (void)state;
    chart_ticks t = chart_ticks_nice(NAN, INFINITY, 5);
    assert_true(isfinite(t.lo) && isfinite(t.hi) && t.hi > t.lo);
}

static void test_fixed_groups_thousands_in_english_and_swedish(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(fmt_fixed(buf, sizeof buf, 1234567.891, 2, 0), "1,234,567.89");
    assert_string_equal(fmt_fixed(buf, sizeof buf, 1234567.891, 2, 1),
                        "1\xC2\xA0" "234\xC2\xA0" "567,89");
    assert_string_equal(fmt_fixed(buf, sizeof buf, 999, 0, 0), "999");
    assert_string_equal(fmt_fixed(buf, sizeof buf, 1000, 0, 0), "1,000");
    assert_string_equal(fmt_fixed(buf, sizeof buf, -25000, 0, 0), "\xE2\x88\x92" "25,000");
}

static void test_fixed_shows_no_sign_on_a_negative_zero(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(fmt_fixed(buf, sizeof buf, -0.0004, 2, 0), "0.00");
}

static void test_value_rounds_to_about_three_significant_digits(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(fmt_value(buf, sizeof buf, 283456.7, 0), "283,457");
    assert_string_equal(fmt_value(buf, sizeof buf, 12.3456, 0), "12.3");
    assert_string_equal(fmt_value(buf, sizeof buf, 0.061234, 0), "0.0612");
    assert_string_equal(fmt_value(buf, sizeof buf, 0.40, 0), "0.4");
    assert_string_equal(fmt_value(buf, sizeof buf, 6.5, 1), "6,5");
    assert_string_equal(fmt_value(buf, sizeof buf, 0, 0), "0");
    assert_string_equal(fmt_value(buf, sizeof buf, NAN, 0), "\xE2\x80\x93");
}

static void test_change_always_shows_its_sign(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(fmt_change(buf, sizeof buf, 1200, 0), "+1,200");
    assert_string_equal(fmt_change(buf, sizeof buf, -3.4, 0), "\xE2\x88\x92" "3.4");
    assert_string_equal(fmt_change(buf, sizeof buf, 0, 0), "\xC2\xB1" "0");
}

static void test_decimals_for_step_tell_grid_values_apart(void **state)
{
    (void)state;
    assert_int_equal(fmt_decimals_for_step(250), 0);
    assert_int_equal(fmt_decimals_for_step(0.5), 1);
    assert_int_equal(fmt_decimals_for_step(0.25), 2);
    assert_int_equal(fmt_decimals_for_step(0.002), 3);
}

static void test_fixed_truncates_safely_in_a_small_buffer(void **state)
{
    (void)state;
    char buf[5];
    fmt_fixed(buf, sizeof buf, 123456789, 0, 0);
    assert_int_equal(strlen(buf), 4);
}

/* A spec with two series over 2020..2050 (31 points). */
typedef struct fixture {
    ui_ctx *ctx;
    double t[31], a[31], b[31];
    chart_spec spec;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->ctx = malloc(sizeof *f->ctx);
    if (!f || !f->ctx)
        return -1;
    test_ui_init(f->ctx, &font);
    for (int i = 0; i < 31; i++) {
        f->t[i] = 2020 + i;
        f->a[i] = 1000 + 10.0 * i;
        f->b[i] = 1000 + 5.0 * i;
    }
    f->spec.unit = "persons";
    f->spec.legend = 1;
    f->spec.series[0] = (chart_series){.t = f->t, .y = f->a, .stride = 1, .n = 31,
                                       .color = chart_palette[5], .thickness = 3, .label = "Scenario"};
    f->spec.series[1] = (chart_series){.t = f->t, .y = f->b, .stride = 1, .n = 31,
                                       .color = chart_baseline_grey, .thickness = 2, .label = "Baseline"};
    f->spec.nseries = 2;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    free(f->ctx);
    free(f);
    return 0;
}

static int overlap(ui_rect a, ui_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* At any size, from a thumbnail to a full screen, no two texts of a chart
 * overprint (tick labels above all), and both axes keep labels. */
static void test_tick_labels_never_overlap_at_any_size(void **state)
{
    fixture *f = *state;
    double big[31];
    for (int i = 0; i < 31; i++)
        big[i] = 271300 + 587.0 * i; /* wide labels: "288,900" */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            f->spec.series[0].y = big;
        for (int w = 90; w <= 1400; w += 37) {
            for (int h = 50; h <= 700; h += 23) {
                ui_begin(f->ctx);
                chart_draw(f->ctx, &f->spec, ui_rect_make(10, 10, w, h));
                int ntext = 0, years = 0;
                for (int i = 0; i < f->ctx->ncmd; i++) {
                    const ui_cmd *a = &f->ctx->cmd[i];
                    if (a->type != UI_CMD_TEXT || a->layer != 0)
                        continue;
                    ntext++;
                    if (strlen(f->ctx->text + a->text) == 4 && f->ctx->text[a->text] == '2')
                        years++;
                    for (int j = i + 1; j < f->ctx->ncmd; j++) {
                        const ui_cmd *b = &f->ctx->cmd[j];
                        if (b->type == UI_CMD_TEXT && b->layer == 0 && overlap(a->rect, b->rect))
                            fail_msg("%dx%d: '%s' overlaps '%s'", w, h, f->ctx->text + a->text,
                                     f->ctx->text + b->text);
                    }
                }
                if (ntext < 2)
                    fail_msg("%dx%d: %d texts", w, h, ntext);
                assert_true(years >= 1 || w < 120);
            }
        }
    }
}

static void test_data_range_spans_every_series_and_includes_zero_near_it(void **state)
{
    fixture *f = *state;
    double lo, hi;
    assert_true(chart_data_range(&f->spec, &lo, &hi));
    assert_near(lo, 1000, 1e-12);
    assert_near(hi, 1300, 1e-12);
    f->a[5] = 200; /* now the minimum lies within 35 % of the maximum */
    assert_true(chart_data_range(&f->spec, &lo, &hi));
    assert_near(lo, 0, 1e-12);
}

static void test_data_range_skips_non_finite_values_and_reports_none(void **state)
{
    fixture *f = *state;
    double lo, hi;
    f->a[3] = NAN;
    f->b[4] = INFINITY;
    assert_true(chart_data_range(&f->spec, &lo, &hi));
    assert_true(isfinite(lo) && isfinite(hi));
    f->spec.nseries = 0;
    assert_false(chart_data_range(&f->spec, &lo, &hi));
}

static void test_display_scale_multiplies_the_values(void **state)
{
    fixture *f = *state;
    f->spec.series[0].scale = 100;
    f->spec.series[1].scale = 100;
    double lo, hi;
    chart_data_range(&f->spec, &lo, &hi);
    assert_near(hi, 130000, 1e-9);
}

static void test_layout_maps_years_and_values_onto_the_plot(void **state)
{
    fixture *f = *state;
    chart_geom g;
    chart_layout(f->ctx, &f->spec, ui_rect_make(0, 0, 600, 300), &g);
    assert_near(chart_x_of(&g, 2020), g.plot.x, 1e-3);
    assert_near(chart_x_of(&g, 2050), g.plot.x + g.plot.w - 1, 1e-3);
    assert_near(chart_y_of(&g, g.y.lo), g.plot.y + g.plot.h - 1, 1e-3);
    assert_near(chart_y_of(&g, g.y.hi), g.plot.y, 1e-3);
    assert_true(g.plot.x > 0 && g.plot.x + g.plot.w <= 600);
    assert_true(g.plot.y > 0 && g.plot.y + g.plot.h <= g.legend.y);
    assert_near(g.x.step, 10, 1e-12); /* 2020, 2030, 2040, 2050 */
    assert_int_equal(g.x.n, 4);
}

static void test_hover_finds_the_nearest_year_and_nothing_outside(void **state)
{
    fixture *f = *state;
    chart_geom g;
    chart_layout(f->ctx, &f->spec, ui_rect_make(0, 0, 600, 300), &g);
    int x2035 = (int)lroundf(chart_x_of(&g, 2035));
    assert_int_equal(chart_hover_index(&g, &f->spec.series[0], x2035), 15);
    assert_int_equal(chart_hover_index(&g, &f->spec.series[0], x2035 + 3), 15);
    assert_int_equal(chart_hover_index(&g, &f->spec.series[0], g.plot.x - 1), -1);
    assert_int_equal(chart_hover_index(&g, &f->spec.series[0], g.plot.x + g.plot.w), -1);
}

static void test_draw_emits_one_line_per_series_inside_the_plot(void **state)
{
    fixture *f = *state;
    ui_begin(f->ctx);
    chart_draw(f->ctx, &f->spec, ui_rect_make(10, 10, 600, 300));
    int lines = 0;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type != UI_CMD_POLYLINE || c->npoints != 31)
            continue;
        lines++;
        for (int k = 0; k < c->npoints; k++) {
            ui_point p = f->ctx->point[c->points + k];
            assert_true(p.x >= 10 && p.x < 610 && p.y >= 10 && p.y < 310);
        }
    }
    ui_end(f->ctx);
    assert_int_equal(lines, 2);
}

static void test_hover_read_out_shows_the_year_and_both_values(void **state)
{
    fixture *f = *state;
    chart_geom g;
    ui_rect r = ui_rect_make(0, 0, 600, 300);
    chart_layout(f->ctx, &f->spec, r, &g);
    ui_input_mouse_move(f->ctx, (int)lroundf(chart_x_of(&g, 2040)), g.plot.y + g.plot.h / 2);
    ui_begin(f->ctx);
    int idx = chart_draw(f->ctx, &f->spec, r);
    ui_end(f->ctx);
    assert_int_equal(idx, 20);
    int year = 0, scen = 0, base = 0;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type != UI_CMD_TEXT || c->layer != 1)
            continue;
        const char *s = f->ctx->text + c->text;
        year |= strcmp(s, "2040 \xC2\xB7 persons") == 0;
        scen |= strcmp(s, "Scenario: 1,200") == 0;
        base |= strcmp(s, "Baseline: 1,100") == 0;
    }
    assert_true(year && scen && base);
}

static void test_a_band_widens_the_range_and_is_drawn_under_the_lines(void **state)
{
    fixture *f = *state;
    double lo[31], hi[31];
    for (int i = 0; i < 31; i++) {
        lo[i] = f->a[i] - 400;
        hi[i] = f->a[i] + 500;
    }
    f->spec.series[0].lo = lo;
    f->spec.series[0].hi = hi;
    f->spec.band_label = "5-95 %";
    double rlo, rhi;
    chart_data_range(&f->spec, &rlo, &rhi);
    assert_near(rhi, 1800, 1e-9);
    ui_begin(f->ctx);
    chart_draw(f->ctx, &f->spec, ui_rect_make(0, 0, 600, 300));
    int band = -1, first_line = -1, label = 0;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type == UI_CMD_BAND && band < 0)
            band = i;
        if (c->type == UI_CMD_POLYLINE && c->npoints == 31 && first_line < 0)
            first_line = i;
        if (c->type == UI_CMD_TEXT && strcmp(f->ctx->text + c->text, "5-95 %") == 0)
            label = 1;
    }
    ui_end(f->ctx);
    assert_true(band >= 0);
    assert_true(band < first_line);
    assert_int_equal(f->ctx->cmd[band].npoints, 62);
    assert_true(label);
}

static void test_tick_labels_carry_thousands_separators(void **state)
{
    fixture *f = *state;
    ui_begin(f->ctx);
    chart_draw(f->ctx, &f->spec, ui_rect_make(0, 0, 600, 300));
    int found = 0;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type == UI_CMD_TEXT && strcmp(f->ctx->text + c->text, "1,300") == 0)
            found = 1;
    }
    ui_end(f->ctx);
    assert_true(found);
}

/* The legend's text commands: every text inside g's legend rectangle. */
static int legend_texts(const ui_ctx *ctx, const chart_geom *g, const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < ctx->ncmd && n < cap; i++) {
        const ui_cmd *c = &ctx->cmd[i];
        if (c->type != UI_CMD_TEXT || c->layer != 0)
            continue;
        if (c->rect.y >= g->legend.y && c->rect.y + c->rect.h <= g->legend.y + g->legend.h &&
            c->rect.x >= g->legend.x && c->rect.x + c->rect.w <= g->legend.x + g->legend.w)
            out[n++] = ctx->text + c->text;
    }
    return n;
}

/* 1 when text is label, or at least two of its leading bytes and an ellipsis. */
static int names_label(const char *text, const char *label)
{
    static const char ell[] = "\xE2\x80\xA6";
    if (strcmp(text, label) == 0)
        return 1;
    size_t n = strlen(text);
    if (n < 2 + 3 || strcmp(text + n - 3, ell) != 0)
        return 0;
    return strncmp(text, label, n - 3) == 0;
}

/* Baseline, scenario and four compared scenarios, as a workshop compares teams. */
static void add_four_compared(fixture *f)
{
    static const char *names[4] = {"P1 Jobs of the future", "P2 Innovation diffusion",
                                   "P3 Entrepreneurship", "P4 Climate-neutral economy"};
    for (int i = 0; i < 4; i++)
        f->spec.series[2 + i] = (chart_series){.t = f->t, .y = i % 2 ? f->a : f->b, .stride = 1, .n = 31,
                                               .color = chart_palette[1 + i], .thickness = 2,
                                               .label = names[i]};
    f->spec.nseries = 6;
}

static void test_narrow_legend_names_every_series_below_the_axis(void **state)
{
    fixture *f = *state;
    add_four_compared(f);
    ui_rect r = ui_rect_make(0, 0, 300, 300);
    chart_geom g;
    chart_layout(f->ctx, &f->spec, r, &g);
    assert_true(g.legend_rows > 1);
    /* The year labels (one text height below the axis) stay clear of the legend. */
    assert_true(g.plot.y + g.plot.h + 5 + 14 <= g.legend.y);
    assert_true(g.legend.y + g.legend.h <= r.y + r.h);
    ui_begin(f->ctx);
    chart_draw(f->ctx, &f->spec, r);
    const char *text[64];
    int n = legend_texts(f->ctx, &g, text, 64);
    for (int k = 0; k < f->spec.nseries; k++) {
        int named = 0;
        for (int i = 0; i < n; i++)
            named += names_label(text[i], f->spec.series[k].label);
        if (named != 1)
            fail_msg("series '%s' named %d times in the legend", f->spec.series[k].label, named);
    }
    int shortened = 0;
    for (int i = 0; i < n; i++)
        shortened += strstr(text[i], "\xE2\x80\xA6") != NULL;
    ui_end(f->ctx);
    assert_int_equal(n, f->spec.nseries);
    assert_true(shortened > 0); /* five rows would be needed: labels give way, not entries */
}

static void test_legend_wraps_with_whole_labels_when_the_rows_suffice(void **state)
{
    fixture *f = *state;
    add_four_compared(f);
    ui_rect r = ui_rect_make(0, 0, 480, 400);
    chart_geom g;
    chart_layout(f->ctx, &f->spec, r, &g);
    assert_true(g.legend_rows >= 2);
    ui_begin(f->ctx);
    chart_draw(f->ctx, &f->spec, r);
    const char *text[64];
    int n = legend_texts(f->ctx, &g, text, 64);
    for (int k = 0; k < f->spec.nseries; k++) {
        int whole = 0;
        for (int i = 0; i < n; i++)
            whole += strcmp(text[i], f->spec.series[k].label) == 0;
        if (whole != 1)
            fail_msg("series '%s' not named in full", f->spec.series[k].label);
    }
    ui_end(f->ctx);
    /* A wide chart keeps the legend on one row. */
    chart_layout(f->ctx, &f->spec, ui_rect_make(0, 0, 1400, 400), &g);
    assert_int_equal(g.legend_rows, 1);
}

/* Skill mismatch 26.3 % in the baseline, 4.8 % in the scenario: a change of
 * -21.5 percentage points, not -81.8 %. */
static void test_a_share_changes_in_percentage_points(void **state)
{
    (void)state;
    fmt_key_change c = fmt_key_change_of(26.3, 4.8, 1, 0);
    assert_int_equal(c.kind, FMT_CHANGE_POINTS);
    assert_near(c.value, -21.5, 1e-9);
    assert_int_equal(c.sign, -1);
    char buf[64];
    assert_string_equal(fmt_key_change_text(buf, sizeof buf, &c, 0), "\xE2\x88\x92" "21.5 pp");
    assert_string_equal(fmt_key_change_text(buf, sizeof buf, &c, 1), "\xE2\x88\x92" "21,5 p.e.");
    fmt_key_change r = fmt_key_change_of(200, 210, 0, 0);
    assert_int_equal(r.kind, FMT_CHANGE_RELATIVE);
    assert_string_equal(fmt_key_change_text(buf, sizeof buf, &r, 0), "+5 %");
    fmt_key_change u = fmt_key_change_of(0, 1200, 0, 0);
    assert_int_equal(u.kind, FMT_CHANGE_UNITS);
    assert_string_equal(fmt_key_change_text(buf, sizeof buf, &u, 0), "+1,200");
}

/* A change of -0.0134 % of the baseline is no change: no arrow, no alarm. */
static void test_a_change_under_the_margin_is_neutral(void **state)
{
    (void)state;
    assert_int_equal(fmt_key_change_of(1000, 1000 * (1 - 0.000134), 0, 0).sign, 0);
    assert_int_equal(fmt_key_change_of(1000, 1004.9, 0, 0).sign, 0);  /* under 0.5 % */
    assert_int_equal(fmt_key_change_of(1000, 1005.1, 0, 0).sign, 1);
    assert_int_equal(fmt_key_change_of(1000, 1020, 0, 30).sign, 0);   /* inside the band */
    assert_int_equal(fmt_key_change_of(1000, 960, 0, 30).sign, -1);
    assert_int_equal(fmt_key_change_of(12.0, 12.05, 1, 0).sign, 0);   /* 0.05 pp of 12 % */
    assert_int_equal(fmt_key_change_of(0, 0, 0, 0).sign, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_share_changes_in_percentage_points),
        cmocka_unit_test(test_a_change_under_the_margin_is_neutral),
        cmocka_unit_test(test_ticks_cover_zero_to_one_in_fifths),
        cmocka_unit_test(test_ticks_round_outwards_to_the_step),
        cmocka_unit_test(test_ticks_use_steps_of_one_two_two_and_a_half_or_five),
        cmocka_unit_test(test_ticks_widen_a_flat_line),
        cmocka_unit_test(test_ticks_survive_non_finite_input),
        cmocka_unit_test_setup_teardown(test_tick_labels_never_overlap_at_any_size, setup, teardown),
        cmocka_unit_test(test_fixed_groups_thousands_in_english_and_swedish),
        cmocka_unit_test(test_fixed_shows_no_sign_on_a_negative_zero),
        cmocka_unit_test(test_value_rounds_to_about_three_significant_digits),
        cmocka_unit_test(test_change_always_shows_its_sign),
        cmocka_unit_test(test_decimals_for_step_tell_grid_values_apart),
        cmocka_unit_test(test_fixed_truncates_safely_in_a_small_buffer),
        cmocka_unit_test_setup_teardown(test_data_range_spans_every_series_and_includes_zero_near_it,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_data_range_skips_non_finite_values_and_reports_none, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_display_scale_multiplies_the_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_layout_maps_years_and_values_onto_the_plot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hover_finds_the_nearest_year_and_nothing_outside, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_draw_emits_one_line_per_series_inside_the_plot, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_hover_read_out_shows_the_year_and_both_values, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_band_widens_the_range_and_is_drawn_under_the_lines,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_tick_labels_carry_thousands_separators, setup, teardown),
        cmocka_unit_test_setup_teardown(test_narrow_legend_names_every_series_below_the_axis, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_legend_wraps_with_whole_labels_when_the_rows_suffice, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
