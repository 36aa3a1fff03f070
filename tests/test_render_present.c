/* test_render_present.c: presentation mode without a display: its layout
 * at a projector's 1280x720 and at 1024x600 (one toolbar row, the lever
 * panel folded or open, one large chart), the scale it fits, the frame it
 * builds (no lever sliders while folded, the toolbar's few buttons in one
 * row), and the ways in and out (the command, Escape) with the zoom given
 * back. Text is measured by a stand-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/app.h"
#include "render/app_ui.h"
#include "render/present.h"
#include "render/scoreboard.h"
#include "render/strings.h"
#include "tests/render_test_util.h"

/* About DejaVu Sans at 14 px: 7 px a character, as the other tests. */
/* Every character 7 px wide, every line 17 px high. */
static const test_font font = {7, 17};

typedef struct fixture {
    app *a;
    ui_ctx *ctx;
    app_layout l;
    char dir[64]; /* the user's data folder during the test */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    sim_error err;
    sim_error_clear(&err);
    f->a = app_create(&err);
    f->ctx = malloc(sizeof *f->ctx);
    if (!f->a || !f->ctx)
        return -1;
    test_ui_init(f->ctx, &font);
    /* The scoreboard lists the user's folder: one of the test's, not the home's. */
    snprintf(f->dir, sizeof f->dir, "%s", "/tmp/transim-present-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    setenv("XDG_DATA_HOME", f->dir, 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    app_destroy(f->a);
    free(f->ctx);
    free(f);
    return 0;
}

static void test_layout_folded_gives_the_chart_the_width(void **state)
{
    (void)state;
    app_layout l;
    present_layout(&l, 1280, 720, 1.3f, 0, 1);
    assert_int_equal(l.ngraphs, 1);
    assert_int_equal(l.left.w, 0);
    assert_int_equal(l.budget.h, 0);
    assert_int_equal(l.toolbar.h, 62); /* one row: 48 px at 1.3 */
    assert_true(l.graph[0].x < 20 && l.graph[0].x + l.graph[0].w > 1260);
    assert_true(l.graph[0].h >= 240 * 1.3);
    assert_true(l.keys.h > 0);
    assert_true(l.graph[0].y >= l.keys.y + l.keys.h);
    assert_true(l.graph[0].y + l.graph[0].h <= l.status.y);
    /* Open: the panel with its budget meter, the chart beside it. */
    present_layout(&l, 1280, 720, 1.3f, 1, 1);
    assert_true(l.left.w >= LAYOUT_LEFT_MIN_W * 1.3);
    assert_true(l.budget.h > 0);
    assert_true(l.graph[0].x >= l.left.w);
}

static void test_layout_drops_the_strip_before_the_chart(void **state)
{
    (void)state;
    app_layout l;
    present_layout(&l, 1024, 600, 2.0f, 0, 1);
    assert_int_equal(l.keys.h, 0);
    assert_true(l.graph[0].y < 140);
}

static void test_fit_is_readable_at_a_projector_and_at_1024x600(void **state)
{
    fixture *f = *state;
    app_command(f->a, APP_CMD_PRESENT);
    const int sizes[2][2] = {{1280, 720}, {1024, 600}};
    for (int sv = 0; sv < 2; sv++)
        for (int k = 0; k < 2; k++)
            for (int levers = 0; levers < 2; levers++) {
                f->a->swedish = sv;
                f->a->present_levers = levers;
                f->ctx->scale = 1;
                int one, two;
                app_toolbar_widths(f->a, f->ctx, &one, &two);
                float s = present_fit(sizes[k][0], sizes[k][1], PRESENT_ZOOM, 1.0f, (float)one, levers, 1);
                app_layout l;
                present_layout(&l, sizes[k][0], sizes[k][1], s, levers, 1);
                if (!present_readable(&l, sizes[k][0], s, (float)one, levers))
                    print_message("sv %d size %d levers %d: scale %.2f toolbar %d\n", sv, sizes[k][0], levers, s, one);
                assert_true(present_readable(&l, sizes[k][0], s, (float)one, levers));
                /* A projector keeps large text with the panel folded. */
                if (k == 0 && !levers)
                    assert_true(s >= 1.15f);
            }
}

static void frame(fixture *f)
{
    app_frame(f->a, f->ctx, &f->l);
}

/* The first text command whose text is s, or NULL. */
static const ui_cmd *find_text(const ui_ctx *ctx, const char *s)
{
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && strcmp(ctx->text + ctx->cmd[i].text, s) == 0)
            return &ctx->cmd[i];
    return NULL;
}

static void click(fixture *f, const ui_cmd *c)
{
    int x = c->rect.x + 2, y = c->rect.y + 2;
    ui_input_mouse_move(f->ctx, x, y);
    ui_input_mouse_button(f->ctx, x, y, 1);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 0);
    frame(f);
}

static void test_frame_has_one_row_of_tools_and_no_sliders_while_folded(void **state)
{
    fixture *f = *state;
    f->ctx->width = 1280;
    f->ctx->height = 720;
    f->ctx->scale = 1.2f;
    assert_int_equal(app_show(f->a, "presentation"), 0);
    frame(f);
    assert_int_equal(f->l.ngraphs, 1);
    const char *lever = app_label(f->a, var_lever_ids[0]);
    assert_null(find_text(f->ctx, lever));
    assert_null(find_text(f->ctx, str_get(STR_SAVE_AS, 0)));
    /* Every button of the toolbar in one row inside the window. */
    const ui_cmd *open = find_text(f->ctx, str_get(STR_OPEN, 0));
    const ui_cmd *sb = find_text(f->ctx, board_text(BOARD_STR_BUTTON, 0));
    const ui_cmd *lang = find_text(f->ctx, str_get(STR_LANGUAGE, 0));
    assert_non_null(open);
    assert_non_null(sb);
    assert_non_null(lang);
    assert_int_equal(open->rect.y, lang->rect.y);
    assert_true(lang->rect.x + lang->rect.w <= 1280);
    /* The panel's switch opens it: the levers are there. */
    const ui_cmd *sw = find_text(f->ctx, board_text(BOARD_STR_LEVERS_SHOW, 0));
    assert_non_null(sw);
    click(f, sw);
    frame(f);
    assert_int_equal(f->a->present_levers, 1);
    assert_non_null(find_text(f->ctx, lever));
    assert_non_null(find_text(f->ctx, board_text(BOARD_STR_LEVERS_HIDE, 0)));
    /* The scoreboard's button opens it. */
    click(f, find_text(f->ctx, board_text(BOARD_STR_BUTTON, 0)));
    assert_int_equal(f->a->dialog, APP_DLG_SCOREBOARD);
}

static void test_escape_leaves_and_gives_the_zoom_back(void **state)
{
    fixture *f = *state;
    f->ctx->width = 1280;
    f->ctx->height = 720;
    f->a->zoom = 0.9f;
    app_command(f->a, APP_CMD_PRESENT);
    assert_int_equal(f->a->present, 1);
    assert_true(f->a->zoom >= PRESENT_ZOOM);
    frame(f);
    /* Escape first closes a dialog, and only then leaves the mode. */
    app_command(f->a, APP_CMD_HELP);
    ui_input_key(f->ctx, UI_KEY_ESCAPE, 0);
    frame(f);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_int_equal(f->a->present, 1);
    ui_input_key(f->ctx, UI_KEY_ESCAPE, 0);
    frame(f);
    assert_int_equal(f->a->present, 0);
    assert_true(f->a->zoom == 0.9f);
    frame(f);
    assert_int_equal(f->l.ngraphs, f->a->ngraphs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_folded_gives_the_chart_the_width),
        cmocka_unit_test(test_layout_drops_the_strip_before_the_chart),
        cmocka_unit_test_setup_teardown(test_fit_is_readable_at_a_projector_and_at_1024x600, setup, teardown),
        cmocka_unit_test_setup_teardown(test_frame_has_one_row_of_tools_and_no_sliders_while_folded, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_escape_leaves_and_gives_the_zoom_back, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
