/* test_render_textfield.c: real text entry without a display: the cursor,
 * the selection, Home/End, Delete, Backspace, Ctrl+A/C/X/V through a
 * stand-in clipboard, UTF-8 letters moved over whole, and the input queue
 * that hands every key of a fast burst to its own frame in order (render/
 * textfield.h, ui_textbox and ui_input_* of render/ui.h). Text is measured
 * by a fixed-width stand-in (8 px per byte). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/textfield.h"
#include "render/ui.h"
#include "tests/render_test_util.h"

/* Every character 8 px wide, every line 16 px high. */
static const test_font font = {8, 16};

/* A stand-in for the system clipboard. */
typedef struct fake_clip {
    char text[256];
    int sets; /* calls of set */
} fake_clip;

static size_t clip_get(void *user, char *buf, size_t cap)
{
    fake_clip *c = user;
    snprintf(buf, cap, "%s", c->text);
    return strlen(buf);
}

static int clip_set(void *user, const char *text)
{
    fake_clip *c = user;
    snprintf(c->text, sizeof c->text, "%s", text);
    c->sets++;
    return 0;
}

typedef struct fixture {
    ui_ctx *ctx;
    fake_clip clip;
    char buf[64];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = malloc(sizeof *f->ctx);
    if (!f->ctx)
        return -1;
    test_ui_init(f->ctx, &font);
    f->ctx->clipboard.get = clip_get;
    f->ctx->clipboard.set = clip_set;
    f->ctx->clipboard.user = &f->clip;
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

#define FIELD 9u
#define OTHER 10u

static const ui_rect field_r = {0, 0, 300, 30};

/* One frame with the field (and a button after it); returns the field's bits. */
static int frame(fixture *f)
{
    ui_begin(f->ctx);
    int res = ui_textbox(f->ctx, FIELD, field_r, f->buf, sizeof f->buf);
    ui_button(f->ctx, OTHER, ui_rect_make(0, 40, 100, 30), "OK", 0);
    ui_end(f->ctx);
    return res;
}

/* Frames until the queue is empty; returns the bits of all of them. */
static int drain(fixture *f)
{
    int res = frame(f);
    while (ui_input_pending(f->ctx))
        res |= frame(f);
    return res;
}

/* Focuses the field with a click at x (press and release), as a user does. */
static int click(fixture *f, int x)
{
    ui_input_mouse_button(f->ctx, x, 10, 1);
    int res = frame(f);
    ui_input_mouse_button(f->ctx, x, 10, 0);
    return res | frame(f);
}

static void key(fixture *f, unsigned k, unsigned mods)
{
    assert_int_equal(ui_input_key(f->ctx, k, mods), 0);
}

static void test_a_click_focuses_a_field_and_never_submits(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "scenarios/baseline.ini");
    int res = click(f, 250);
    assert_false(res & UI_SUBMIT);
    assert_int_equal(f->ctx->focus, FIELD);
    key(f, UI_KEY_RETURN, 0);
    assert_true(drain(f) & UI_SUBMIT); /* Return does */
}

static void test_a_click_puts_the_cursor_where_it_lands(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "abcdef");
    click(f, 6 + 8 * 3 + 2); /* the text starts 6 px in: between c and d */
    assert_int_equal(f->ctx->edit_cursor, 3);
    ui_input_text(f->ctx, "X");
    drain(f);
    assert_string_equal(f->buf, "abcXdef");
}

static void test_five_backspaces_in_one_frame_delete_five_characters(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "baseline");
    click(f, 290);
    for (int i = 0; i < 5; i++)
        key(f, UI_KEY_BACKSPACE, 0);
    drain(f);
    assert_string_equal(f->buf, "bas");
}

static void test_keys_and_text_keep_their_order(void **state)
{
    fixture *f = *state;
    click(f, 10);
    ui_input_text(f->ctx, "ac");
    key(f, UI_KEY_LEFT, 0);
    ui_input_text(f->ctx, "b");
    key(f, UI_KEY_END, 0);
    ui_input_text(f->ctx, "d");
    drain(f);
    assert_string_equal(f->buf, "abcd");
}

static void test_a_fast_shift_tab_moves_the_focus_back(void **state)
{
    fixture *f = *state;
    ui_focus_set(f->ctx, OTHER);
    frame(f);
    /* Shift is released before the frame runs: the key keeps its Shift. */
    key(f, UI_KEY_TAB, UI_MOD_SHIFT);
    key(f, UI_KEY_TAB, UI_MOD_SHIFT);
    frame(f);
    assert_int_equal(f->ctx->focus, FIELD);
    frame(f);
    assert_int_equal(f->ctx->focus, OTHER); /* and again, wrapping round */
}

static void test_arrows_home_end_delete_and_backspace(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "Skills first");
    click(f, 290);
    key(f, UI_KEY_HOME, 0);
    key(f, UI_KEY_DELETE, 0);
    ui_input_text(f->ctx, "s");
    key(f, UI_KEY_END, 0);
    key(f, UI_KEY_LEFT, 0);
    key(f, UI_KEY_BACKSPACE, 0);
    drain(f);
    assert_string_equal(f->buf, "skills firt");
    key(f, UI_KEY_LEFT, UI_MOD_CTRL); /* by words */
    key(f, UI_KEY_DELETE, UI_MOD_CTRL);
    drain(f);
    assert_string_equal(f->buf, "skills ");
}

static void test_swedish_letters_are_stepped_over_whole(void **state)
{
    fixture *f = *state;
    click(f, 10);
    ui_input_text(f->ctx, "G\xC3\xA4vle"); /* Gävle: ä is two bytes */
    key(f, UI_KEY_HOME, 0);
    key(f, UI_KEY_RIGHT, 0);
    key(f, UI_KEY_RIGHT, 0);
    drain(f);
    assert_int_equal(f->ctx->edit_cursor, 3); /* after "Gä" */
    key(f, UI_KEY_BACKSPACE, 0);
    ui_input_text(f->ctx, "\xC3\xB6"); /* ö, as a dead key or a Swedish keyboard gives it */
    drain(f);
    assert_string_equal(f->buf, "G\xC3\xB6vle");
    key(f, UI_KEY_LEFT, UI_MOD_SHIFT);
    drain(f);
    int from, to;
    textfield t = {f->buf, sizeof f->buf, f->ctx->edit_cursor, f->ctx->edit_anchor};
    assert_int_equal(textfield_selection(&t, &from, &to), 2);
}

static void test_shift_arrows_select_and_typing_replaces_the_selection(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "team red");
    click(f, 290);
    for (int i = 0; i < 3; i++)
        key(f, UI_KEY_LEFT, UI_MOD_SHIFT);
    ui_input_text(f->ctx, "blue");
    drain(f);
    assert_string_equal(f->buf, "team blue");
}

static void test_select_all_then_paste_replaces_the_name(void **state)
{
    fixture *f = *state;
    /* The reported defect: pasting into "baseline" gave "baselineTeam Blue". */
    snprintf(f->buf, sizeof f->buf, "%s", "baseline");
    snprintf(f->clip.text, sizeof f->clip.text, "%s", "Team Blue\n");
    click(f, 290);
    key(f, UI_KEY_SELECT_ALL, UI_MOD_CTRL);
    key(f, UI_KEY_PASTE, UI_MOD_CTRL);
    assert_true(drain(f) & UI_CHANGED);
    assert_string_equal(f->buf, "Team Blue");
}

static void test_copy_and_cut_use_the_clipboard(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "north team");
    click(f, 290);
    for (int i = 0; i < 4; i++)
        key(f, UI_KEY_LEFT, UI_MOD_SHIFT);
    key(f, UI_KEY_COPY, UI_MOD_CTRL);
    drain(f);
    assert_string_equal(f->clip.text, "team");
    assert_string_equal(f->buf, "north team");
    key(f, UI_KEY_HOME, 0);
    key(f, UI_KEY_RIGHT, UI_MOD_SHIFT | UI_MOD_CTRL);
    key(f, UI_KEY_CUT, UI_MOD_CTRL);
    drain(f);
    assert_string_equal(f->clip.text, "north");
    assert_string_equal(f->buf, " team");
    key(f, UI_KEY_END, 0);
    key(f, UI_KEY_PASTE, UI_MOD_CTRL);
    drain(f);
    assert_string_equal(f->buf, " teamnorth");
}

static void test_tab_into_a_field_selects_its_text(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "my-scenario.ini");
    ui_focus_set(f->ctx, OTHER);
    frame(f);
    key(f, UI_KEY_TAB, 0);
    drain(f);
    assert_int_equal(f->ctx->focus, FIELD);
    ui_input_text(f->ctx, "x.ini");
    drain(f);
    assert_string_equal(f->buf, "x.ini");
}

static void test_a_paste_too_long_is_cut_at_a_character(void **state)
{
    (void)state;
    char buf[6] = "ab";
    textfield t = {buf, sizeof buf, 2, 2};
    assert_int_equal(textfield_insert(&t, "c\xC3\xA5\xC3\xA4"), 1); /* c å ä: 5 bytes, room for 3 */
    assert_string_equal(buf, "abc\xC3\xA5");
    assert_int_equal(t.cursor, 5);
    /* Without a system clipboard the field keeps one of its own. */
    char local[32] = "";
    t.anchor = 0;
    assert_true(textfield_key(&t, UI_KEY_CUT, UI_MOD_CTRL, NULL, local, sizeof local) &
                TEXTFIELD_CHANGED);
    assert_string_equal(local, "abc\xC3\xA5");
    assert_string_equal(buf, "");
    textfield_key(&t, UI_KEY_PASTE, UI_MOD_CTRL, NULL, local, sizeof local);
    assert_string_equal(buf, "abc\xC3\xA5");
}

static void test_a_field_changed_by_its_owner_keeps_a_valid_cursor(void **state)
{
    fixture *f = *state;
    snprintf(f->buf, sizeof f->buf, "%s", "a long path to a file.ini");
    click(f, 290);
    snprintf(f->buf, sizeof f->buf, "%s", "\xC3\xA5"); /* shorter, and a two-byte letter */
    ui_input_text(f->ctx, "x");
    drain(f);
    assert_string_equal(f->buf, "\xC3\xA5x");
}

static void test_the_queue_refuses_events_beyond_its_size(void **state)
{
    fixture *f = *state;
    int refused = 0;
    for (int i = 0; i < UI_QUEUE_MAX + 5; i++)
        refused += ui_input_key(f->ctx, UI_KEY_LEFT, 0) != 0;
    assert_int_equal(refused, 5);
    assert_int_equal(ui_input_pending(f->ctx), UI_QUEUE_MAX);
    drain(f);
    assert_int_equal(ui_input_pending(f->ctx), 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_a_click_focuses_a_field_and_never_submits),
        T(test_a_click_puts_the_cursor_where_it_lands),
        T(test_five_backspaces_in_one_frame_delete_five_characters),
        T(test_keys_and_text_keep_their_order),
        T(test_a_fast_shift_tab_moves_the_focus_back),
        T(test_arrows_home_end_delete_and_backspace),
        T(test_swedish_letters_are_stepped_over_whole),
        T(test_shift_arrows_select_and_typing_replaces_the_selection),
        T(test_select_all_then_paste_replaces_the_name),
        T(test_copy_and_cut_use_the_clipboard),
        T(test_tab_into_a_field_selects_its_text),
        T(test_a_paste_too_long_is_cut_at_a_character),
        T(test_a_field_changed_by_its_owner_keeps_a_valid_cursor),
        T(test_the_queue_refuses_events_beyond_its_size),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
