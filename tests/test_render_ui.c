/* test_render_ui.c: the immediate-mode widgets without a display: slider
 * value from the mouse position, dragging, keyboard focus and arrows, hit
 * testing with clips, popups and dialogs, buttons, check boxes, text entry,
 * drop-down lists and scrolling panels. Text is measured by a fixed-width
 * stand-in (8 px per byte, 16 px high). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/ui.h"
#include "tests/render_test_util.h"

/* Every character 8 px wide, every line 16 px high. */
static const test_font font = {8, 16};

static int setup(void **state)
{
    ui_ctx *ctx = malloc(sizeof *ctx);
    if (!ctx)
        return -1;
    test_ui_init(ctx, &font);
    *state = ctx;
    return 0;
}

static int teardown(void **state)
{
    free(*state);
    return 0;
}

static void assert_near(double a, double b, double tol)
{
    if (fabs(a - b) > tol)
        fail_msg("%.12g differs from %.12g by more than %g", a, b, tol);
}

/* One frame of a slider at r; returns its result bits. */
static int slider_frame(ui_ctx *ctx, ui_rect r, double *v, double lo, double hi, double step)
{
    ui_begin(ctx);
    int res = ui_slider(ctx, 7, r, v, lo, hi, step, NAN);
    ui_end(ctx);
    return res;
}

static void test_slider_value_at_ends_and_middle(void **state)
{
    (void)state;
    ui_rect track = ui_rect_make(100, 0, 201, 20);
    assert_near(ui_slider_value_at(track, 100, 0, 10, 0), 0, 1e-12);
    assert_near(ui_slider_value_at(track, 300, 0, 10, 0), 10, 1e-12);
    assert_near(ui_slider_value_at(track, 200, 0, 10, 0), 5, 1e-12);
    assert_near(ui_slider_value_at(track, 150, -1, 1, 0), -0.5, 1e-12);
}

static void test_slider_value_clamps_outside_the_track(void **state)
{
    (void)state;
    ui_rect track = ui_rect_make(100, 0, 201, 20);
    assert_near(ui_slider_value_at(track, 0, 2, 8, 0), 2, 1e-12);
    assert_near(ui_slider_value_at(track, 5000, 2, 8, 0), 8, 1e-12);
}

static void test_slider_value_snaps_to_step_from_low_end(void **state)
{
    (void)state;
    ui_rect track = ui_rect_make(0, 0, 101, 20);
    /* 0.40..0.65 in steps of 0.05: x = 37 is 0.4925, nearest grid value 0.50. */
    assert_near(ui_slider_value_at(track, 37, 0.40, 0.65, 0.05), 0.50, 1e-12);
    /* 0..12000 in steps of 200: x = 26 is 3120, nearest 3200. */
    assert_near(ui_slider_value_at(track, 26, 0, 12000, 200), 3200, 1e-9);
}

static void test_slider_x_of_inverts_value_at(void **state)
{
    (void)state;
    ui_rect track = ui_rect_make(40, 0, 301, 20);
    for (int x = 40; x <= 340; x += 15) {
        double v = ui_slider_value_at(track, x, 0, 3000, 0);
        assert_int_equal(ui_slider_x_of(track, v, 0, 3000), x);
    }
}

static void test_slider_press_sets_value_from_mouse(void **state)
{
    ui_ctx *ctx = *state;
    ui_rect r = ui_rect_make(50, 50, 217, 24); /* track: x 58..258 (knob 8) */
    double v = 0;
    slider_frame(ctx, r, &v, 0, 100, 0);
    ui_input_mouse_button(ctx, 58 + 100, 60, 1);
    int res = slider_frame(ctx, r, &v, 0, 100, 0);
    assert_true(res & UI_CHANGED);
    assert_true(res & UI_ACTIVE);
    assert_near(v, 50, 1e-12);
}

static void test_slider_drag_follows_mouse_outside_its_rect_until_release(void **state)
{
    ui_ctx *ctx = *state;
    ui_rect r = ui_rect_make(50, 50, 217, 24);
    double v = 0;
    slider_frame(ctx, r, &v, 0, 100, 1);
    ui_input_mouse_button(ctx, 58, 60, 1);
    slider_frame(ctx, r, &v, 0, 100, 1);
    assert_near(v, 0, 1e-12);
    /* Dragging far below and to the right still moves this slider. */
    ui_input_mouse_move(ctx, 500, 400);
    slider_frame(ctx, r, &v, 0, 100, 1);
    assert_near(v, 100, 1e-12);
    ui_input_mouse_move(ctx, 58 + 50, 400);
    slider_frame(ctx, r, &v, 0, 100, 1);
    assert_near(v, 25, 1e-12);
    ui_input_mouse_button(ctx, 58 + 50, 400, 0);
    slider_frame(ctx, r, &v, 0, 100, 1);
    assert_int_equal(ctx->active, 0);
    /* After the release, motion changes nothing. */
    ui_input_mouse_move(ctx, 260, 60);
    int res = slider_frame(ctx, r, &v, 0, 100, 1);
    assert_false(res & UI_CHANGED);
    assert_near(v, 25, 1e-12);
}

static void test_slider_arrows_adjust_by_step_when_focused(void **state)
{
    ui_ctx *ctx = *state;
    ui_rect r = ui_rect_make(0, 0, 200, 24);
    double v = 50;
    ui_input_key(ctx, UI_KEY_TAB, 0); /* focus the only control */
    slider_frame(ctx, r, &v, 0, 100, 5);
    assert_int_equal(ctx->focus, 7);
    ui_input_key(ctx, UI_KEY_RIGHT, 0);
    slider_frame(ctx, r, &v, 0, 100, 5);
    assert_near(v, 55, 1e-12);
    ui_input_key(ctx, UI_KEY_LEFT, UI_MOD_SHIFT); /* fine step: a tenth */
    slider_frame(ctx, r, &v, 0, 100, 5);
    assert_near(v, 54.5, 1e-12);
    ui_input_key(ctx, UI_KEY_END, 0);
    slider_frame(ctx, r, &v, 0, 100, 5);
    assert_near(v, 100, 1e-12);
    ui_input_key(ctx, UI_KEY_RIGHT, 0); /* stays at the top */
    int res = slider_frame(ctx, r, &v, 0, 100, 5);
    assert_false(res & UI_CHANGED);
    assert_near(v, 100, 1e-12);
}

static void test_arrows_do_nothing_to_an_unfocused_slider(void **state)
{
    ui_ctx *ctx = *state;
    double v = 50;
    ui_input_key(ctx, UI_KEY_RIGHT, 0);
    int res = slider_frame(ctx, ui_rect_make(0, 0, 200, 24), &v, 0, 100, 5);
    assert_false(res & UI_CHANGED);
    assert_near(v, 50, 1e-12);
}

/* Three buttons in a row; returns the result of each in res. */
static void three_buttons(ui_ctx *ctx, int res[3])
{
    ui_begin(ctx);
    for (int i = 0; i < 3; i++)
        res[i] = ui_button(ctx, ui_id("b", i), ui_rect_make(10 + 100 * i, 10, 90, 30), "x", 0);
    ui_end(ctx);
}

static void test_tab_and_shift_tab_cycle_the_focus_in_drawing_order(void **state)
{
    ui_ctx *ctx = *state;
    int res[3];
    three_buttons(ctx, res);
    ui_input_key(ctx, UI_KEY_TAB, 0);
    three_buttons(ctx, res);
    assert_int_equal(ctx->focus, ui_id("b", 0));
    ui_input_key(ctx, UI_KEY_TAB, 0);
    three_buttons(ctx, res);
    assert_int_equal(ctx->focus, ui_id("b", 1));
    ui_input_key(ctx, UI_KEY_DOWN, 0);
    three_buttons(ctx, res);
    assert_int_equal(ctx->focus, ui_id("b", 2));
    ui_input_key(ctx, UI_KEY_TAB, 0); /* wraps round */
    three_buttons(ctx, res);
    assert_int_equal(ctx->focus, ui_id("b", 0));
    ui_input_key(ctx, UI_KEY_TAB, UI_MOD_SHIFT);
    three_buttons(ctx, res);
    assert_int_equal(ctx->focus, ui_id("b", 2));
    ui_input_key(ctx, UI_KEY_RETURN, 0);
    three_buttons(ctx, res);
    assert_true(res[2] & UI_SUBMIT);
    assert_false(res[0] & UI_SUBMIT);
}

static void test_button_clicks_only_when_released_over_it(void **state)
{
    ui_ctx *ctx = *state;
    int res[3];
    three_buttons(ctx, res);
    ui_input_mouse_button(ctx, 120, 20, 1); /* press on button 1 */
    three_buttons(ctx, res);
    assert_true(res[1] & UI_ACTIVE);
    ui_input_mouse_button(ctx, 125, 22, 0);
    three_buttons(ctx, res);
    assert_true(res[1] & UI_SUBMIT);
    /* Press on button 0, release over button 2: no click anywhere. */
    ui_input_mouse_button(ctx, 20, 20, 1);
    three_buttons(ctx, res);
    ui_input_mouse_button(ctx, 220, 20, 0);
    three_buttons(ctx, res);
    for (int i = 0; i < 3; i++)
        assert_false(res[i] & UI_SUBMIT);
}

static void test_mouse_over_respects_clip_layer_and_dialogs(void **state)
{
    ui_ctx *ctx = *state;
    ui_rect r = ui_rect_make(0, 0, 100, 100);
    ui_input_mouse_move(ctx, 80, 80);
    ui_begin(ctx);
    assert_true(ui_mouse_over(ctx, r));
    assert_false(ui_mouse_over(ctx, ui_rect_make(100, 0, 10, 10))); /* right edge is outside */
    ui_clip_push(ctx, ui_rect_make(0, 0, 50, 50));
    assert_false(ui_mouse_over(ctx, r)); /* clipped away */
    ui_clip_pop(ctx);
    assert_true(ui_mouse_over(ctx, r));
    ctx->modal = 1; /* a dialog: only the overlay layer reacts */
    assert_false(ui_mouse_over(ctx, r));
    ui_layer_set(ctx, 1);
    assert_true(ui_mouse_over(ctx, r));
    ui_layer_set(ctx, 0);
    ctx->modal = 0;
    ui_end(ctx);
}

static void test_tabs_follow_left_and_right_keys(void **state)
{
    ui_ctx *ctx = *state;
    static const char *const labels[3] = {"a", "b", "c"};
    int sel = 0;
    ui_focus_set(ctx, ui_id2("tab", 5, 0));
    for (int k = 0; k < 3; k++) {
        ui_input_key(ctx, UI_KEY_RIGHT, 0);
        ui_begin(ctx);
        ui_tabs(ctx, 5, ui_rect_make(0, 0, 300, 30), labels, 3, &sel);
        ui_end(ctx);
    }
    assert_int_equal(sel, 2); /* stops at the last */
    assert_int_equal(ctx->focus, ui_id2("tab", 5, 2));
    ui_input_key(ctx, UI_KEY_LEFT, 0);
    ui_begin(ctx);
    int res = ui_tabs(ctx, 5, ui_rect_make(0, 0, 300, 30), labels, 3, &sel);
    ui_end(ctx);
    assert_true(res & UI_CHANGED);
    assert_int_equal(sel, 1);
}

static void test_checkbox_toggles_on_click_and_space(void **state)
{
    ui_ctx *ctx = *state;
    int on = 0;
    ui_rect r = ui_rect_make(10, 10, 200, 24);
    ui_input_mouse_button(ctx, 20, 20, 1);
    ui_begin(ctx);
    ui_checkbox(ctx, 3, r, "label", &on);
    ui_end(ctx);
    ui_input_mouse_button(ctx, 20, 20, 0);
    ui_begin(ctx);
    int res = ui_checkbox(ctx, 3, r, "label", &on);
    ui_end(ctx);
    assert_true(res & UI_CHANGED);
    assert_int_equal(on, 1);
    ui_input_key(ctx, UI_KEY_SPACE, 0);
    ui_begin(ctx);
    ui_checkbox(ctx, 3, r, "label", &on);
    ui_end(ctx);
    assert_int_equal(on, 0);
}

static void test_textbox_takes_typed_text_backspace_and_return(void **state)
{
    ui_ctx *ctx = *state;
    char buf[16] = "12";
    ui_rect r = ui_rect_make(0, 0, 200, 30);
    ui_input_mouse_button(ctx, 190, 10, 1); /* right of the text: the cursor goes to its end */
    ui_begin(ctx);
    ui_textbox(ctx, 9, r, buf, sizeof buf);
    ui_end(ctx);
    ui_input_mouse_button(ctx, 10, 10, 0);
    ui_input_text(ctx, "3");
    ui_input_text(ctx, ",5");
    ui_begin(ctx);
    int res = ui_textbox(ctx, 9, r, buf, sizeof buf);
    ui_end(ctx);
    assert_true(res & UI_CHANGED);
    assert_string_equal(buf, "123,5");
    ui_input_key(ctx, UI_KEY_BACKSPACE, 0);
    ui_begin(ctx);
    ui_textbox(ctx, 9, r, buf, sizeof buf);
    ui_end(ctx);
    assert_string_equal(buf, "123,");
    ui_input_text(ctx, "\xC3\xA5"); /* a two-byte letter, removed whole */
    ui_begin(ctx);
    ui_textbox(ctx, 9, r, buf, sizeof buf);
    ui_end(ctx);
    ui_input_key(ctx, UI_KEY_BACKSPACE, 0);
    ui_begin(ctx);
    ui_textbox(ctx, 9, r, buf, sizeof buf);
    ui_end(ctx);
    assert_string_equal(buf, "123,");
    ui_input_key(ctx, UI_KEY_RETURN, 0);
    ui_begin(ctx);
    res = ui_textbox(ctx, 9, r, buf, sizeof buf);
    ui_end(ctx);
    assert_true(res & UI_SUBMIT);
}

static void test_textbox_never_overflows_its_buffer(void **state)
{
    ui_ctx *ctx = *state;
    char buf[6] = "";
    ui_focus_set(ctx, 9);
    for (int i = 0; i < 10; i++) {
        ui_input_text(ctx, "ab");
        ui_begin(ctx);
        ui_textbox(ctx, 9, ui_rect_make(0, 0, 100, 30), buf, sizeof buf);
        ui_end(ctx);
    }
    assert_string_equal(buf, "ababa"); /* filled up to the last byte, never past it */
}

static const char *item_name(void *user, int i, char *buf, size_t cap)
{
    (void)user;
    snprintf(buf, cap, "item %d", i);
    return buf;
}

static int dropdown_frame(ui_ctx *ctx, int *sel)
{
    ui_begin(ctx);
    int res = ui_dropdown(ctx, 11, ui_rect_make(10, 10, 300, 30), item_name, NULL, 20, sel);
    ui_end(ctx);
    return res;
}

static void test_dropdown_opens_and_a_click_chooses_an_item(void **state)
{
    ui_ctx *ctx = *state;
    ctx->height = 800;
    int sel = 0;
    dropdown_frame(ctx, &sel);
    ui_input_mouse_button(ctx, 50, 20, 1);
    dropdown_frame(ctx, &sel);
    ui_input_mouse_button(ctx, 50, 20, 0);
    dropdown_frame(ctx, &sel);
    assert_int_equal(ctx->popup, 11);
    /* Items are 26 px high below the box (y 42 on): item 3 at y 42 + 3 * 26 + 5. */
    ui_rect pr = ctx->popup_rect;
    int y = pr.y + 3 * 26 + 5;
    ui_input_mouse_button(ctx, 50, y, 1);
    dropdown_frame(ctx, &sel);
    ui_input_mouse_button(ctx, 50, y, 0);
    int res = dropdown_frame(ctx, &sel);
    assert_true(res & UI_CHANGED);
    assert_int_equal(sel, 3);
    assert_int_equal(ctx->popup, 0);
}

static void test_typing_in_an_open_dropdown_filters_its_items(void **state)
{
    ui_ctx *ctx = *state;
    ctx->height = 800;
    int sel = 0;
    ui_focus_set(ctx, 11);
    ui_input_key(ctx, UI_KEY_RETURN, 0); /* open with the keyboard */
    dropdown_frame(ctx, &sel);
    assert_int_equal(ctx->popup, 11);
    ui_input_text(ctx, "1");
    ui_input_text(ctx, "5");
    int res = dropdown_frame(ctx, &sel);
    assert_true(res & UI_CHANGED);
    assert_int_equal(sel, 15); /* "item 15": the only one containing "15" */
    ui_input_key(ctx, UI_KEY_BACKSPACE, 0);
    dropdown_frame(ctx, &sel); /* "1": items 1, 10..19; 15 still matches */
    assert_int_equal(sel, 15);
    ui_input_key(ctx, UI_KEY_DOWN, 0);
    dropdown_frame(ctx, &sel);
    assert_int_equal(sel, 16);
    ui_input_key(ctx, UI_KEY_UP, 0);
    ui_input_key(ctx, UI_KEY_UP, 0);
    dropdown_frame(ctx, &sel);
    assert_int_equal(ui_input_pending(ctx), 1); /* keys faster than frames wait their turn */
    dropdown_frame(ctx, &sel);
    assert_int_equal(sel, 14); /* each counts */
    ui_input_key(ctx, UI_KEY_DOWN, 0);
    dropdown_frame(ctx, &sel);
    assert_int_equal(sel, 15);
    ui_input_key(ctx, UI_KEY_RETURN, 0);
    dropdown_frame(ctx, &sel);
    assert_int_equal(ctx->popup, 0);
    assert_int_equal(sel, 15);
    /* Opening again starts without a filter. */
    ui_input_key(ctx, UI_KEY_RETURN, 0);
    dropdown_frame(ctx, &sel);
    assert_string_equal(ctx->popup_filter, "");
}

static void test_open_dropdown_hides_widgets_below_it(void **state)
{
    ui_ctx *ctx = *state;
    ctx->popup = 11;
    ctx->popup_rect = ui_rect_make(0, 0, 100, 100);
    ui_input_mouse_move(ctx, 50, 50);
    ui_begin(ctx);
    assert_false(ui_mouse_over(ctx, ui_rect_make(0, 0, 100, 100)));
    ui_end(ctx);
    /* A press outside the popup closes it. */
    ui_input_mouse_button(ctx, 500, 500, 1);
    ui_begin(ctx);
    ui_end(ctx);
    assert_int_equal(ctx->popup, 0);
}

static void test_panel_scroll_is_clamped_to_its_content(void **state)
{
    ui_ctx *ctx = *state;
    ui_rect r = ui_rect_make(0, 100, 200, 300);
    int scroll = 0;
    ui_input_mouse_move(ctx, 50, 150);
    ui_input_wheel(ctx, -100); /* far down */
    ui_begin(ctx);
    int top = ui_panel_begin(ctx, r, &scroll);
    ui_panel_end(ctx, r, &scroll, top + 500);
    ui_end(ctx);
    assert_int_equal(scroll, 200); /* 500 of content in 300 of panel */
    ui_input_wheel(ctx, 100);
    ui_begin(ctx);
    top = ui_panel_begin(ctx, r, &scroll);
    ui_panel_end(ctx, r, &scroll, top + 500);
    ui_end(ctx);
    assert_int_equal(scroll, 0);
}

static void test_text_too_wide_is_shortened_with_an_ellipsis(void **state)
{
    ui_ctx *ctx = *state;
    ui_begin(ctx);
    ui_draw_text_in(ctx, UI_FONT_BODY, "abcdefghijklmnop", ui_rect_make(0, 0, 80, 20), -1,
                    ctx->colors[UI_COL_TEXT]);
    ui_end(ctx);
    const ui_cmd *c = &ctx->cmd[ctx->ncmd - 1];
    assert_int_equal(c->type, UI_CMD_TEXT);
    const char *s = ctx->text + c->text;
    assert_true(c->rect.w <= 80);
    assert_non_null(strstr(s, "\xE2\x80\xA6"));
    assert_int_equal(strncmp(s, "abcdefg", 7), 0);
}

static void test_wrap_breaks_at_spaces_within_the_width(void **state)
{
    ui_ctx *ctx = *state;
    const char *text = "one two three four";
    const char *next;
    int len = ui_wrap_line(ctx, UI_FONT_BODY, text, 8 * 9, &next); /* 9 characters */
    assert_int_equal(len, 7);                                       /* "one two" */
    assert_string_equal(next, "three four");
}

static void test_command_list_reports_overflow_instead_of_writing_past_it(void **state)
{
    ui_ctx *ctx = *state;
    ui_begin(ctx);
    for (int i = 0; i < UI_CMD_MAX + 10; i++)
        ui_draw_rect(ctx, ui_rect_make(0, 0, 1, 1), ctx->colors[UI_COL_TEXT]);
    assert_int_equal(ctx->ncmd, UI_CMD_MAX);
    assert_true(ctx->overflow);
    ui_end(ctx);
    ui_begin(ctx);
    assert_false(ctx->overflow);
    ui_end(ctx);
}

static void test_ids_differ_by_name_and_index(void **state)
{
    (void)state;
    assert_int_not_equal(ui_id("a", 1), ui_id("a", 2));
    assert_int_not_equal(ui_id("a", 1), ui_id("b", 1));
    assert_int_not_equal(ui_id2("s", 1, 2), ui_id2("s", 2, 1));
    assert_int_equal(ui_id("a", 1), ui_id("a", 1));
}

static int overlaps(ui_rect a, ui_rect b)
{
    ui_rect i = ui_rect_intersect(a, b);
    return i.w > 0 && i.h > 0;
}

/* A tooltip stays inside the window and off the area it explains. */
static void test_tooltip_is_placed_inside_the_window_beside_its_area(void **state)
{
    (void)state;
    ui_rect panel = ui_rect_make(0, 100, 360, 500); /* the lever panel, its detail view inside */
    ui_rect t = ui_tooltip_place(300, 120, 200, 580, panel, 1280, 720, 8);
    assert_false(overlaps(t, panel));
    assert_true(t.x >= 0 && t.y >= 0 && t.x + t.w <= 1280 && t.y + t.h <= 720);
    ui_rect card = ui_rect_make(1000, 10, 270, 80); /* a card at the right edge */
    t = ui_tooltip_place(380, 150, 1200, 50, card, 1280, 720, 8);
    assert_false(overlaps(t, card));
    assert_true(t.x + t.w <= 1280 && t.y + t.h <= 720);
    /* No room beside it: still inside the window. */
    ui_rect all = ui_rect_make(0, 0, 640, 420);
    t = ui_tooltip_place(300, 100, 600, 400, all, 640, 420, 8);
    assert_true(t.x >= 0 && t.y >= 0 && t.x + t.w <= 640 && t.y + t.h <= 420);
}

/* A tooltip asked for inside a scrolling panel is not cut at the panel's edge. */
static void test_tooltip_is_not_clipped_by_the_panel_that_asks(void **state)
{
    ui_ctx *ctx = *state;
    ctx->width = 1280;
    ctx->height = 720;
    ctx->mouse_x = 300;
    ctx->mouse_y = 200;
    ui_begin(ctx);
    ui_clip_push(ctx, ui_rect_make(0, 100, 360, 500));
    ui_tooltip(ctx, "Adult training places\nWhat it does and where its effect comes from.");
    ui_clip_pop(ctx);
    int clip_w = 0, seen = 0;
    for (int i = 0; i < ctx->ncmd; i++) {
        const ui_cmd *c = &ctx->cmd[i];
        if (c->layer != 1)
            continue;
        if (c->type == UI_CMD_CLIP)
            clip_w = c->rect.w;
        else if (c->type == UI_CMD_RECT && !seen) {
            seen = 1;
            assert_true(clip_w < 0); /* no clip */
        }
    }
    assert_true(seen);
    ui_end(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slider_value_at_ends_and_middle),
        cmocka_unit_test(test_slider_value_clamps_outside_the_track),
        cmocka_unit_test(test_slider_value_snaps_to_step_from_low_end),
        cmocka_unit_test(test_slider_x_of_inverts_value_at),
        cmocka_unit_test_setup_teardown(test_slider_press_sets_value_from_mouse, setup, teardown),
        cmocka_unit_test(test_tooltip_is_placed_inside_the_window_beside_its_area),
        cmocka_unit_test_setup_teardown(test_tooltip_is_not_clipped_by_the_panel_that_asks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slider_drag_follows_mouse_outside_its_rect_until_release,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_slider_arrows_adjust_by_step_when_focused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_arrows_do_nothing_to_an_unfocused_slider, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tab_and_shift_tab_cycle_the_focus_in_drawing_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_button_clicks_only_when_released_over_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mouse_over_respects_clip_layer_and_dialogs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tabs_follow_left_and_right_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_checkbox_toggles_on_click_and_space, setup, teardown),
        cmocka_unit_test_setup_teardown(test_textbox_takes_typed_text_backspace_and_return, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_textbox_never_overflows_its_buffer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dropdown_opens_and_a_click_chooses_an_item, setup, teardown),
        cmocka_unit_test_setup_teardown(test_typing_in_an_open_dropdown_filters_its_items, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_open_dropdown_hides_widgets_below_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_panel_scroll_is_clamped_to_its_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_too_wide_is_shortened_with_an_ellipsis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrap_breaks_at_spaces_within_the_width, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_list_reports_overflow_instead_of_writing_past_it,
                                        setup, teardown),
        cmocka_unit_test(test_ids_differ_by_name_and_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
