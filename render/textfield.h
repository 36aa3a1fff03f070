/* textfield.h: the editing of one line of UTF-8 text, apart from any
 * drawing: a cursor and a selection kept on character boundaries, typed or
 * pasted text replacing the selection, and the editing keys (arrows,
 * Shift+arrows, Ctrl+arrows by words, Home/End, Backspace, Delete,
 * Ctrl+A/C/X/V). ui_textbox (ui_widgets.c) draws a field and feeds it the
 * frame's input; the tests drive it directly.
 *
 *   textfield t = {buf, sizeof buf, 0, 0};
 *   textfield_key(&t, UI_KEY_END, 0, &ctx->clipboard, ctx->clip_local, sizeof ctx->clip_local);
 *   textfield_insert(&t, "å");   // two bytes, one character
 */
#ifndef RENDER_TEXTFIELD_H
#define RENDER_TEXTFIELD_H

#include <stddef.h>

#include "render/ui.h"

typedef struct textfield {
    char *buf;   /* the text: NUL-terminated UTF-8 (not owned) */
    size_t cap;  /* capacity of buf, bytes (> 0) */
    int cursor;  /* byte offset of the cursor, on a character boundary */
    int anchor;  /* byte offset of the selection's other end (== cursor: none) */
} textfield;

/* Results of textfield_key (bits). */
enum {
    TEXTFIELD_HANDLED = 1 << 0, /* the key is an editing key (taken even when nothing moved) */
    TEXTFIELD_CHANGED = 1 << 1  /* the text changed */
};

/* Puts cursor and anchor inside the text and on character boundaries (the
 * text may have been changed by its owner since the last frame). */
void textfield_clamp(textfield *t);

/* The byte offset of the character boundary before (after) offset i of s. */
int textfield_prev(const char *s, int i);
int textfield_next(const char *s, int i);

/* The selection as byte offsets from <= to; returns to - from (0: none). */
int textfield_selection(const textfield *t, int *from, int *to);

/* Replaces the selection with text (control characters become spaces, a
 * final line break is dropped), leaving the cursor after it. What does not
 * fit in cap is cut at a character boundary. Returns 1 when the text changed. */
int textfield_insert(textfield *t, const char *text);

/* Applies one editing key (a UI_KEY_ bit) with modifiers mods (UI_MOD_ bits).
 * Copy and cut put the selection on cb (or into local, of local_cap bytes,
 * when cb or its function is NULL); paste takes it from there. Returns
 * TEXTFIELD_ bits; 0 for a key that is not an editing key (Return, Tab,
 * Escape, Up, Down are left to the caller). Space is taken but inserts
 * nothing: the space arrives as typed text (textfield_insert). */
int textfield_key(textfield *t, unsigned key, unsigned mods, const ui_clipboard *cb, char *local,
                  size_t local_cap);

#endif
