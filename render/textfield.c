/* textfield.c: one line of editable UTF-8 text (see textfield.h). No
 * drawing and no SDL; the clipboard is reached through ui_clipboard. */
#include "render/textfield.h"

#include <string.h>

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

int textfield_prev(const char *s, int i)
{
    if (i <= 0)
        return 0;
    i--;
    while (i > 0 && is_cont((unsigned char)s[i]))
        i--;
    return i;
}

int textfield_next(const char *s, int i)
{
    if (s[i] == '\0')
        return i;
    i++;
    while (s[i] != '\0' && is_cont((unsigned char)s[i]))
        i++;
    return i;
}

/* i moved back onto a character boundary and into [0, len]. */
static int boundary(const char *s, int len, int i)
{
    if (i < 0)
        return 0;
    if (i > len)
        i = len;
    while (i > 0 && is_cont((unsigned char)s[i]))
        i--;
    return i;
}

void textfield_clamp(textfield *t)
{
    int len = (int)strlen(t->buf);
    t->cursor = boundary(t->buf, len, t->cursor);
    t->anchor = boundary(t->buf, len, t->anchor);
}

int textfield_selection(const textfield *t, int *from, int *to)
{
    *from = t->cursor < t->anchor ? t->cursor : t->anchor;
    *to = t->cursor < t->anchor ? t->anchor : t->cursor;
    return *to - *from;
}

/* Removes bytes [from, to) and leaves the cursor at from. */
static int delete_range(textfield *t, int from, int to)
{
    if (to <= from)
        return 0;
    size_t len = strlen(t->buf);
    memmove(t->buf + from, t->buf + to, len - (size_t)to + 1);
    t->cursor = t->anchor = from;
    return 1;
}

static int delete_selection(textfield *t)
{
    int from, to;
    textfield_selection(t, &from, &to);
    return delete_range(t, from, to);
}

int textfield_insert(textfield *t, const char *text)
{
    textfield_clamp(t);
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r'))
        n--;
    int changed = delete_selection(t);
    size_t len = strlen(t->buf);
    size_t room = t->cap - 1 - len;
    if (n > room) {
        n = room;
        while (n > 0 && is_cont((unsigned char)text[n]))
            n--; /* cut before a character that would not fit whole */
    }
    if (n == 0)
        return changed;
    char *at = t->buf + t->cursor;
    memmove(at + n, at, len - (size_t)t->cursor + 1);
    for (size_t i = 0; i < n; i++)
        at[i] = (unsigned char)text[i] < 0x20 || text[i] == 0x7F ? ' ' : text[i];
    t->cursor += (int)n;
    t->anchor = t->cursor;
    return 1;
}

static int is_space(char c)
{
    return c == ' ' || c == '/' || c == '-' || c == '_' || c == '.' || c == ',';
}

/* The start of the word before i (Ctrl+Left, Ctrl+Backspace). */
static int word_prev(const char *s, int i)
{
    while (i > 0 && is_space(s[i - 1]))
        i--;
    while (i > 0 && !is_space(s[i - 1]))
        i = textfield_prev(s, i);
    return i;
}

/* The end of the word after i (Ctrl+Right, Ctrl+Delete). */
static int word_next(const char *s, int i)
{
    while (s[i] && is_space(s[i]))
        i++;
    while (s[i] && !is_space(s[i]))
        i = textfield_next(s, i);
    return i;
}

/* Moves the cursor to i; with Shift the anchor stays (extends the selection). */
static void move_to(textfield *t, int i, unsigned mods)
{
    t->cursor = i;
    if (!(mods & UI_MOD_SHIFT))
        t->anchor = i;
}

static void copy_out(const textfield *t, const ui_clipboard *cb, char *local, size_t local_cap)
{
    int from, to;
    if (textfield_selection(t, &from, &to) == 0)
        return;
    char buf[UI_CLIP_LOCAL];
    size_t n = (size_t)(to - from) < sizeof buf - 1 ? (size_t)(to - from) : sizeof buf - 1;
    memcpy(buf, t->buf + from, n);
    buf[n] = '\0';
    if (cb && cb->set) {
        cb->set(cb->user, buf);
    } else if (local && local_cap > 0) {
        size_t m = n < local_cap - 1 ? n : local_cap - 1;
        memcpy(local, buf, m);
        local[m] = '\0';
    }
}

int textfield_key(textfield *t, unsigned key, unsigned mods, const ui_clipboard *cb, char *local,
                  size_t local_cap)
{
    textfield_clamp(t);
    const char *s = t->buf;
    int len = (int)strlen(s);
    int from, to, sel = textfield_selection(t, &from, &to);
    int word = (mods & UI_MOD_CTRL) != 0;
    int changed = 0;
    switch (key) {
    case UI_KEY_LEFT:
        if (sel && !(mods & UI_MOD_SHIFT))
            move_to(t, from, mods);
        else
            move_to(t, word ? word_prev(s, t->cursor) : textfield_prev(s, t->cursor), mods);
        break;
    case UI_KEY_RIGHT:
        if (sel && !(mods & UI_MOD_SHIFT))
            move_to(t, to, mods);
        else
            move_to(t, word ? word_next(s, t->cursor) : textfield_next(s, t->cursor), mods);
        break;
    case UI_KEY_HOME:
        move_to(t, 0, mods);
        break;
    case UI_KEY_END:
        move_to(t, len, mods);
        break;
    case UI_KEY_BACKSPACE:
        if (sel)
            changed = delete_selection(t);
        else
            changed = delete_range(t, word ? word_prev(s, t->cursor) : textfield_prev(s, t->cursor),
                                   t->cursor);
        break;
    case UI_KEY_DELETE:
        if (sel)
            changed = delete_selection(t);
        else
            changed = delete_range(t, t->cursor,
                                   word ? word_next(s, t->cursor) : textfield_next(s, t->cursor));
        break;
    case UI_KEY_SELECT_ALL:
        t->anchor = 0;
        t->cursor = len;
        break;
    case UI_KEY_COPY:
        copy_out(t, cb, local, local_cap);
        break;
    case UI_KEY_CUT:
        copy_out(t, cb, local, local_cap);
        changed = delete_selection(t);
        break;
    case UI_KEY_PASTE: {
        char buf[UI_CLIP_LOCAL];
        buf[0] = '\0';
        if (cb && cb->get)
            cb->get(cb->user, buf, sizeof buf);
        else if (local)
            strncat(buf, local, sizeof buf - 1);
        if (buf[0])
            changed = textfield_insert(t, buf);
        break;
    }
    case UI_KEY_SPACE:
        break; /* the space itself arrives as typed text */
    default:
        return 0;
    }
    return TEXTFIELD_HANDLED | (changed ? TEXTFIELD_CHANGED : 0);
}
