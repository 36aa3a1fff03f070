/* test_render_dirty.c: the changed areas of a frame (render/dirty.h) from
 * command lists alone: a frame like the last changes nothing, a moved or
 * recoloured rectangle or text dirties its cells and not the rest, a curve
 * dirties the cells it crosses, a changed size or an invalidation gives the
 * whole window. Text is measured by a fixed-width stand-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "render/dirty.h"
#include "render/ui.h"
#include "tests/render_test_util.h"

/* Every character 8 px wide, every line 16 px high. */
static const test_font font = {8, 16};

typedef struct fixture {
    ui_ctx *ctx;
    dirty d;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->ctx = f ? malloc(sizeof *f->ctx) : NULL;
    if (!f || !f->ctx)
        return -1;
    test_ui_init(f->ctx, &font);
    dirty_init(&f->d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dirty_release(&f->d);
    free(f->ctx);
    free(f);
    return 0;
}

static const ui_color grey = {200, 200, 200, 255}, blue = {0, 114, 178, 255};

/* A frame: a background, a text at (tx, 100) in colour c, a curve whose
 * middle point is at height ym. */
static void frame(ui_ctx *ctx, int tx, ui_color c, float ym)
{
    ui_begin(ctx);
    ui_draw_rect(ctx, ui_rect_make(0, 0, 640, 400), grey);
    ui_draw_text(ctx, UI_FONT_BODY, "1 234,5", tx, 100, c);
    ui_point p[3] = {{300, 300}, {400, ym}, {500, 300}};
    ui_draw_polyline(ctx, p, 3, blue, 2, 0);
    ui_end(ctx);
}

static long area(const dirty *d)
{
    long a = 0;
    for (int i = 0; i < d->nrect; i++)
        a += (long)d->rect[i].w * d->rect[i].h;
    return a;
}

static int covers(const dirty *d, int x, int y)
{
    for (int i = 0; i < d->nrect; i++) {
        ui_rect r = d->rect[i];
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return 1;
    }
    return 0;
}

static void test_the_first_frame_is_whole_and_the_same_frame_again_is_nothing(void **state)
{
    fixture *f = *state;
    frame(f->ctx, 20, blue, 250);
    assert_int_equal(dirty_update(&f->d, f->ctx, 640, 400), 1);
    assert_int_equal(area(&f->d), 640L * 400);
    frame(f->ctx, 20, blue, 250);
    assert_int_equal(dirty_update(&f->d, f->ctx, 640, 400), 0);
}

static void test_a_recoloured_text_dirties_its_cells_only(void **state)
{
    fixture *f = *state;
    frame(f->ctx, 20, blue, 250);
    dirty_update(&f->d, f->ctx, 640, 400);
    frame(f->ctx, 20, grey, 250);
    assert_true(dirty_update(&f->d, f->ctx, 640, 400) > 0);
    assert_true(covers(&f->d, 20, 100) && covers(&f->d, 20 + 7 * 8 - 1, 115));
    assert_false(covers(&f->d, 400, 300));
    assert_true(area(&f->d) <= 4L * DIRTY_CELL * DIRTY_CELL);
}

static void test_a_moved_curve_dirties_the_cells_it_crosses_not_the_window(void **state)
{
    fixture *f = *state;
    frame(f->ctx, 20, blue, 250);
    dirty_update(&f->d, f->ctx, 640, 400);
    frame(f->ctx, 20, blue, 200);
    assert_true(dirty_update(&f->d, f->ctx, 640, 400) > 0);
    assert_true(covers(&f->d, 400, 200) && covers(&f->d, 400, 250));
    assert_false(covers(&f->d, 20, 100));
    assert_true(area(&f->d) < 640L * 400 / 3);
}

static void test_a_new_size_or_an_invalidation_gives_the_whole_window(void **state)
{
    fixture *f = *state;
    frame(f->ctx, 20, blue, 250);
    dirty_update(&f->d, f->ctx, 640, 400);
    frame(f->ctx, 20, blue, 250);
    assert_int_equal(dirty_update(&f->d, f->ctx, 700, 400), 1);
    assert_int_equal(area(&f->d), 700L * 400);
    dirty_invalidate(&f->d);
    assert_int_equal(dirty_update(&f->d, f->ctx, 700, 400), 1);
    assert_int_equal(area(&f->d), 700L * 400);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_the_first_frame_is_whole_and_the_same_frame_again_is_nothing),
        T(test_a_recoloured_text_dirties_its_cells_only),
        T(test_a_moved_curve_dirties_the_cells_it_crosses_not_the_window),
        T(test_a_new_size_or_an_invalidation_gives_the_whole_window),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
