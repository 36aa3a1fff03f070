/* test_render_layout.c: the window's layout at several sizes and zooms:
 * every region lies inside the window, regions do not overlap, the graphs
 * fill a grid of the requested count and keep a usable size. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "render/layout.h"

static int inside(ui_rect r, int w, int h)
{
    return r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h && r.w >= 0 && r.h >= 0;
}

/* 1 when a and b share pixels (an empty rectangle shares none). */
static int overlap(ui_rect a, ui_rect b)
{
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0)
        return 0;
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static const int sizes[][2] = {{640, 420}, {1024, 700}, {1280, 800}, {1440, 900},
                               {1920, 1080}, {2560, 1440}, {3840, 2160}};
static const float scales[] = {0.6f, 1.0f, 1.5f, 2.0f};

static void test_every_region_lies_inside_the_window(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (size_t s = 0; s < sizeof scales / sizeof scales[0]; s++)
            for (int n = 4; n <= 6; n += 2) {
                app_layout l;
                int w = sizes[i][0], h = sizes[i][1];
                layout_compute(&l, w, h, scales[s], n, 1, 1);
                ui_rect all[] = {l.toolbar, l.left, l.tabs, l.group_by, l.levers,
                                 l.budget, l.keys, l.graphs, l.status};
                for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
                    if (!inside(all[k], w, h))
                        fail_msg("region %zu outside %dx%d at scale %.1f", k, w, h, (double)scales[s]);
                for (int g = 0; g < l.ngraphs; g++)
                    assert_true(inside(l.graph[g], w, h));
            }
}

static void test_regions_do_not_overlap(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (size_t s = 0; s < sizeof scales / sizeof scales[0]; s++) {
            app_layout l;
            layout_compute(&l, sizes[i][0], sizes[i][1], scales[s], 6, 1, s % 2 + 1);
            assert_false(overlap(l.toolbar, l.left));
            assert_false(overlap(l.left, l.graphs));
            assert_false(overlap(l.left, l.keys));
            assert_false(overlap(l.keys, l.graphs));
            assert_false(overlap(l.levers, l.budget));
            assert_false(overlap(l.graphs, l.status));
            for (int a = 0; a < l.ngraphs; a++)
                for (int b = a + 1; b < l.ngraphs; b++)
                    if (overlap(l.graph[a], l.graph[b]))
                        fail_msg("graphs %d and %d overlap at %dx%d", a, b, sizes[i][0], sizes[i][1]);
        }
}

static void test_graphs_form_a_grid_inside_the_graph_area(void **state)
{
    (void)state;
    app_layout l;
    layout_compute(&l, 1440, 900, 1.0f, 4, 1, 1);
    assert_int_equal(l.ngraphs, 4);
    assert_int_equal(l.cols, 2);
    assert_int_equal(l.rows, 2);
    assert_int_equal(l.graph[0].y, l.graph[1].y);
    assert_int_equal(l.graph[0].x, l.graph[2].x);
    for (int g = 0; g < 4; g++) {
        assert_true(l.graph[g].x >= l.graphs.x);
        assert_true(l.graph[g].y + l.graph[g].h <= l.graphs.y + l.graphs.h);
    }
    layout_compute(&l, 1920, 1080, 1.0f, 6, 1, 1);
    assert_int_equal(l.cols, 3);
    assert_int_equal(l.rows, 2);
}

static void test_grid_shape_follows_the_window_shape(void **state)
{
    (void)state;
    app_layout l;
    /* Tall and narrow: one column; short and wide: one row. */
    layout_compute(&l, 1000, 2000, 1.0f, 4, 1, 1);
    assert_int_equal(l.cols, 1);
    layout_compute(&l, 3000, 700, 1.0f, 3, 1, 1);
    assert_int_equal(l.rows, 1);
    /* A small window still gives each graph at least half a readable size. */
    layout_compute(&l, 1000, 700, 1.0f, 4, 1, 1);
    for (int g = 0; g < 4; g++)
        assert_true(l.graph[g].w >= 190 && l.graph[g].h >= 115);
}

static void test_two_toolbar_rows_take_room_from_the_body(void **state)
{
    (void)state;
    app_layout a, b;
    layout_compute(&a, 1280, 800, 1.0f, 4, 1, 1);
    layout_compute(&b, 1280, 800, 1.0f, 4, 1, 2);
    assert_true(b.toolbar.h > a.toolbar.h);
    assert_int_equal(b.left.y, b.toolbar.h);
    assert_true(b.graphs.h < a.graphs.h);
}

static void test_graphs_keep_a_usable_size_on_a_laptop(void **state)
{
    (void)state;
    app_layout l;
    layout_compute(&l, 1366, 768, 1.0f, 4, 1, 1);
    for (int g = 0; g < 4; g++) {
        assert_true(l.graph[g].w >= 380);
        assert_true(l.graph[g].h >= 200);
    }
}

static void test_zoom_scales_the_fixed_parts(void **state)
{
    (void)state;
    app_layout a, b;
    layout_compute(&a, 2560, 1600, 1.0f, 4, 1, 1);
    layout_compute(&b, 2560, 1600, 2.0f, 4, 1, 1);
    assert_int_equal(b.toolbar.h, 2 * a.toolbar.h);
    assert_int_equal(b.left.w, 2 * a.left.w);
    assert_int_equal(b.keys.h, 2 * a.keys.h);
}

/* The toolbar measured in DejaVu Sans at zoom 1 (app_toolbar_widths), in
 * English and in Swedish (wider), with the key strip and four graphs. */
static const layout_needs desk = {1331.0f, 649.0f, 1, 4};
static const layout_needs desk_sv = {1384.0f, 735.0f, 1, 4};

static void test_high_zoom_on_projector_sizes_is_capped_to_a_readable_layout(void **state)
{
    (void)state;
    static const int proj[][2] = {{1280, 720}, {1920, 1080}};
    for (size_t k = 0; k < 2 * sizeof proj / sizeof proj[0]; k++) {
        size_t i = k / 2;
        const layout_needs *n = k % 2 ? &desk_sv : &desk;
        int w = proj[i][0], h = proj[i][1], shown = 0;
        float s = layout_fit(w, h, 2.5f, 1.0f, n, &shown);
        if (!(s >= 1.0f && s < 2.5f))
            fail_msg("scale %.2f at %dx%d", (double)s, w, h);
        assert_true(shown == 2 || shown == 4);
        int rows = n->tool_one_row * s > (float)w ? 2 : 1;
        app_layout l;
        layout_compute(&l, w, h, s, shown, 1, rows);
        assert_true(layout_readable(&l, w, s, n));
        /* The toolbar's buttons lie inside the window. */
        assert_true((rows == 1 ? n->tool_one_row : n->tool_two_rows) * s <= (float)w);
        /* Each chart: below its 30 px chooser and padding, at least six rows
         * of 14 px text at this scale, and wide enough for four year ticks. */
        for (int g = 0; g < l.ngraphs; g++) {
            if (l.graph[g].h - (int)(52 * s) < (int)(6 * 14 * s) || l.graph[g].w < (int)(4 * 50 * s))
                fail_msg("graph %d is %dx%d at %dx%d, scale %.2f", g, l.graph[g].w, l.graph[g].h, w, h,
                         (double)s);
            assert_true(inside(l.graph[g], w, h));
        }
        /* The key strip and the budget meter keep their full height. */
        assert_int_equal(l.keys.h, (int)lroundf(92 * s));
        assert_int_equal(l.budget.h, (int)lroundf(118 * s));
        assert_true(l.levers.h >= (int)(120 * s));
    }
}

static void test_uncapped_high_zoom_on_a_small_projector_is_unreadable(void **state)
{
    (void)state;
    /* The layout the cap replaces: zoom 2.5 at 1280x720 leaves slivers. */
    app_layout l;
    layout_compute(&l, 1280, 720, 2.5f, 4, 1, 2);
    assert_false(layout_readable(&l, 1280, 2.5f, &desk));
}

static void test_fit_keeps_the_zoom_the_window_holds(void **state)
{
    (void)state;
    int shown = 0;
    /* Zoom 1 is never touched (the default size and zoom stay as they were). */
    assert_true(layout_fit(1440, 900, 1.0f, 1.0f, &desk, &shown) == 1.0f);
    assert_int_equal(shown, 4);
    assert_true(layout_fit(640, 420, 1.0f, 1.0f, &desk, &shown) == 1.0f);
    assert_int_equal(shown, 4);
    /* A 4K screen holds zoom 2 with all four graphs. */
    assert_true(layout_fit(3840, 2160, 2.0f, 1.0f, &desk, &shown) == 2.0f);
    assert_int_equal(shown, 4);
}

static void test_fit_never_goes_below_the_floor(void **state)
{
    (void)state;
    int shown = 0;
    float s = layout_fit(640, 420, 2.0f, 1.0f, &desk, &shown);
    assert_true(s == 1.0f);
}

static void test_fewer_graphs_only_when_they_allow_a_larger_zoom(void **state)
{
    (void)state;
    int shown4 = 0, shown2 = 0;
    float s4 = layout_fit(1280, 720, 2.5f, 1.0f, &desk, &shown4);
    layout_needs two = desk;
    two.ngraphs = 2;
    float s2 = layout_fit(1280, 720, 2.5f, 1.0f, &two, &shown2);
    assert_int_equal(shown2, 2);
    /* Four graphs give way to two here, and then at two graphs' scale. */
    assert_int_equal(shown4, 2);
    assert_true(s4 == s2);
    /* Six graphs on a 4K screen at zoom 1.5: all of them, at the zoom asked. */
    layout_needs six = desk;
    six.ngraphs = 6;
    assert_true(layout_fit(3840, 2160, 1.5f, 1.0f, &six, &shown4) == 1.5f);
    assert_int_equal(shown4, 6);
}

static void test_no_key_strip_gives_its_room_to_the_graphs(void **state)
{
    (void)state;
    app_layout a, b;
    layout_compute(&a, 1440, 900, 1.0f, 4, 1, 1);
    layout_compute(&b, 1440, 900, 1.0f, 4, 0, 1);
    assert_int_equal(b.keys.h, 0);
    assert_true(b.graphs.h > a.graphs.h);
}

static void test_degenerate_sizes_do_not_produce_negative_regions(void **state)
{
    (void)state;
    app_layout l;
    layout_compute(&l, 0, 0, 1.0f, 99, 1, 1);
    assert_int_equal(l.ngraphs, APP_GRAPHS_MAX);
    for (int g = 0; g < l.ngraphs; g++)
        assert_true(l.graph[g].w >= 1 && l.graph[g].h >= 1);
    assert_true(l.levers.h >= 0 && l.graphs.h >= 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_region_lies_inside_the_window),
        cmocka_unit_test(test_regions_do_not_overlap),
        cmocka_unit_test(test_graphs_form_a_grid_inside_the_graph_area),
        cmocka_unit_test(test_grid_shape_follows_the_window_shape),
        cmocka_unit_test(test_two_toolbar_rows_take_room_from_the_body),
        cmocka_unit_test(test_graphs_keep_a_usable_size_on_a_laptop),
        cmocka_unit_test(test_zoom_scales_the_fixed_parts),
        cmocka_unit_test(test_no_key_strip_gives_its_room_to_the_graphs),
        cmocka_unit_test(test_degenerate_sizes_do_not_produce_negative_regions),
        cmocka_unit_test(test_high_zoom_on_projector_sizes_is_capped_to_a_readable_layout),
        cmocka_unit_test(test_uncapped_high_zoom_on_a_small_projector_is_unreadable),
        cmocka_unit_test(test_fit_keeps_the_zoom_the_window_holds),
        cmocka_unit_test(test_fit_never_goes_below_the_floor),
        cmocka_unit_test(test_fewer_graphs_only_when_they_allow_a_larger_zoom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
