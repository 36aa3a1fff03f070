/* render_test_util.h: text metrics for the widget tests (test_render_*.c),
 * which run without SDL or a font: every character is char_w pixels wide
 * and every line line_h high, so layouts are exact and the same anywhere.
 * Header-only so that each test stays one executable. */
#ifndef TESTS_RENDER_TEST_UTIL_H
#define TESTS_RENDER_TEST_UTIL_H

#include <string.h>

#include "render/ui.h"

typedef struct test_font {
    int char_w, line_h; /* pixels */
} test_font;

static inline int test_font_width(void *user, ui_font f, const char *s, int len)
{
    (void)f;
    return ((const test_font *)user)->char_w * (len < 0 ? (int)strlen(s) : len);
}

static inline int test_font_height(void *user, ui_font f)
{
    (void)f;
    return ((const test_font *)user)->line_h;
}

/* ui_init with the metrics of font, which must outlive ctx. */
static inline void test_ui_init(ui_ctx *ctx, const test_font *font)
{
    ui_init(ctx, test_font_width, test_font_height, (void *)font);
}

#endif
