/* ui.h: a small immediate-mode user interface in the manner of rxi/microui.
 *
 * One context struct holds the input of the current frame and produces a
 * list of draw commands (filled rectangles, outlines, text, polylines, clip
 * rectangles) into fixed arrays: no SDL, no allocation per frame. Widgets are
 * plain function calls made every frame with the rectangle they occupy; the
 * SDL layer (render/draw.h) draws the command list, and the tests read it.
 *
 *   ui_begin(ctx);
 *   if (ui_slider(ctx, ui_id(ctx, "lever", 3), r, &v, 0, 100, 1) & UI_CHANGED) ...
 *   ui_end(ctx);
 *   for (int i = 0; i < ctx->ncmd; i++) draw(&ctx->cmd[i]);
 */
#ifndef RENDER_UI_H
#define RENDER_UI_H

#include <stddef.h>

#define UI_CMD_MAX 8192     /* draw commands per frame */
#define UI_TEXT_MAX 262144  /* bytes of text per frame */
#define UI_POINT_MAX 16384  /* polyline points per frame */
#define UI_CLIP_DEPTH 16    /* nested clip rectangles */
#define UI_FOCUS_MAX 512    /* keyboard-focusable widgets per frame */
#define UI_INPUT_TEXT 64    /* bytes of typed text per frame */
#define UI_QUEUE_MAX 256    /* key, text and command events waiting for their frame */
#define UI_EVENT_TEXT 32    /* bytes of UTF-8 in one text event (SDL's size) */
#define UI_CLIP_LOCAL 4096  /* bytes of the clipboard kept when no system one is given */

typedef struct ui_rect {
    int x, y, w, h; /* pixels; origin top left */
} ui_rect;

typedef struct ui_color {
    unsigned char r, g, b, a;
} ui_color;

typedef struct ui_point {
    float x, y; /* pixels */
} ui_point;

typedef enum ui_cmd_type {
    UI_CMD_RECT,     /* filled rectangle */
    UI_CMD_FRAME,    /* one-pixel (thickness) outline */
    UI_CMD_TEXT,     /* text with its top-left corner at rect.x, rect.y */
    UI_CMD_POLYLINE, /* connected line through points */
    UI_CMD_CIRCLE,   /* filled disc inscribed in rect */
    UI_CMD_BAND,     /* filled area between two lines: npoints/2 upper points, then as
                        many lower points at the same positions */
    UI_CMD_CLIP      /* clip every later command to rect (w < 0: no clip) */
} ui_cmd_type;

/* Font roles; the drawing layer maps each to a size scaled by the zoom. */
typedef enum ui_font {
    UI_FONT_BODY,  /* labels and values */
    UI_FONT_SMALL, /* tick labels, units, notes */
    UI_FONT_BOLD,  /* headings and key figures */
    UI_FONT_TITLE, /* large key figures */
    UI_FONT_COUNT
} ui_font;

typedef struct ui_cmd {
    ui_cmd_type type;
    ui_rect rect;     /* RECT, FRAME, CLIP: the area; TEXT: position and measured size */
    ui_color color;   /* fill, line or text colour */
    int layer;        /* 0 = base, 1 = overlay (popups, tooltips, dialogs) */
    int thickness;    /* FRAME, POLYLINE: line width, pixels */
    int dashed;       /* POLYLINE: 1 for a dashed line */
    ui_font font;     /* TEXT */
    int text;         /* TEXT: offset of the NUL-terminated string in ctx->text */
    int points;       /* POLYLINE, BAND: index of the first point in ctx->point */
    int npoints;      /* POLYLINE, BAND: number of points */
} ui_cmd;

/* Keys the widgets understand (bits of key_pressed). */
enum {
    UI_KEY_TAB = 1 << 0,
    UI_KEY_LEFT = 1 << 1,
    UI_KEY_RIGHT = 1 << 2,
    UI_KEY_UP = 1 << 3,
    UI_KEY_DOWN = 1 << 4,
    UI_KEY_RETURN = 1 << 5,
    UI_KEY_ESCAPE = 1 << 6,
    UI_KEY_BACKSPACE = 1 << 7,
    UI_KEY_SPACE = 1 << 8,
    UI_KEY_HOME = 1 << 9,
    UI_KEY_END = 1 << 10,
    UI_KEY_PAGEUP = 1 << 11,
    UI_KEY_PAGEDOWN = 1 << 12,
    UI_KEY_DELETE = 1 << 13,
    UI_KEY_SELECT_ALL = 1 << 14, /* Ctrl+A */
    UI_KEY_COPY = 1 << 15,       /* Ctrl+C */
    UI_KEY_CUT = 1 << 16,        /* Ctrl+X */
    UI_KEY_PASTE = 1 << 17       /* Ctrl+V */
};

/* Modifier state (bits of mods). */
enum { UI_MOD_SHIFT = 1 << 0, UI_MOD_CTRL = 1 << 1, UI_MOD_ALT = 1 << 2 };

/* Widget results (bits). */
enum {
    UI_ACTIVE = 1 << 0,  /* being dragged or edited */
    UI_CHANGED = 1 << 1, /* the value changed this frame */
    UI_SUBMIT = 1 << 2,  /* clicked, or Return pressed while focused */
    UI_HOVER = 1 << 3    /* under the mouse */
};

/* Colours of the interface (a calm light theme; chart colours live in chart.h). */
typedef enum ui_color_id {
    UI_COL_BG,        /* window background */
    UI_COL_PANEL,     /* side panel background */
    UI_COL_CARD,      /* card and chart background */
    UI_COL_BORDER,    /* card borders, separators */
    UI_COL_TEXT,      /* main text */
    UI_COL_MUTED,     /* secondary text */
    UI_COL_ACCENT,    /* slider fill, focus ring, selection */
    UI_COL_CONTROL,   /* button and track background */
    UI_COL_HOVER,     /* hovered control */
    UI_COL_PRESSED,   /* pressed control */
    UI_COL_HEADER,    /* group header background */
    UI_COL_GOOD,      /* better than baseline */
    UI_COL_BAD,       /* worse than baseline, over budget */
    UI_COL_SHADOW,    /* translucent overlay behind dialogs */
    UI_COL_COUNT
} ui_color_id;

typedef struct ui_ctx ui_ctx;

/* One input event waiting in the context's queue. Keys, typed text and the
 * caller's commands are kept in the order they came, and each frame takes
 * one key or command (or one run of text), so that five Backspaces typed
 * faster than a frame delete five characters and Shift+Tab keeps its
 * Shift (as Dear ImGui's "input queue trickling"). */
typedef enum ui_event_type {
    UI_EV_KEY,    /* key: one UI_KEY_ bit, with the modifiers held */
    UI_EV_TEXT,   /* text: UTF-8 typed (a character, a dead-key result) */
    UI_EV_COMMAND /* command: a code of the caller's (the app's shortcuts) */
} ui_event_type;

typedef struct ui_event {
    ui_event_type type;
    unsigned key;               /* UI_EV_KEY: one UI_KEY_ bit */
    unsigned mods;              /* UI_EV_KEY, UI_EV_COMMAND: UI_MOD_ bits held */
    int command;                /* UI_EV_COMMAND: the caller's code (>= 0) */
    char text[UI_EVENT_TEXT];   /* UI_EV_TEXT: NUL-terminated UTF-8 */
} ui_event;

/* The system clipboard, behind two functions so that the widgets need no
 * SDL (the window layer gives SDL's; tests give a stand-in). With get or
 * set NULL the context keeps a clipboard of its own (clip_local). */
typedef struct ui_clipboard {
    /* Copies the clipboard's text into buf (cap bytes, always NUL-terminated)
     * and returns its length in bytes; 0 when empty or unavailable. */
    size_t (*get)(void *user, char *buf, size_t cap);
    /* Puts text (UTF-8, NUL-terminated) on the clipboard; 0 on success. */
    int (*set)(void *user, const char *text);
    void *user; /* passed to both */
} ui_clipboard;

/* Text measurement, supplied by the drawing layer (or a test). Width and
 * height in pixels of len bytes of UTF-8 text (len < 0: up to the NUL). */
typedef int (*ui_text_width_fn)(void *user, ui_font font, const char *s, int len);
typedef int (*ui_text_height_fn)(void *user, ui_font font);

struct ui_ctx {
    /* supplied by the caller */
    ui_text_width_fn text_width;   /* required */
    ui_text_height_fn text_height; /* required */
    void *text_user;               /* passed to both */
    float scale;                   /* zoom x display scale; sizes are ui_px(ctx, n) */
    ui_color colors[UI_COL_COUNT]; /* the theme (ui_init fills the defaults) */
    ui_clipboard clipboard;        /* Ctrl+C/X/V in text entries (ui_init: none) */
    char clip_local[UI_CLIP_LOCAL]; /* the clipboard when clipboard.get/set are NULL */

    /* input for the frame being built (ui_input_* set these) */
    int mouse_x, mouse_y;       /* pixels */
    int mouse_down;             /* left button held */
    int mouse_pressed;          /* left button went down this frame */
    int mouse_released;         /* left button went up this frame */
    int wheel;                  /* wheel steps this frame, positive = up */
    unsigned key_pressed;       /* the UI_KEY_ bit taken from the queue this frame, or 0 */
    unsigned mods;              /* UI_MOD_ bits held with the last key or command taken */
    char input_text[UI_INPUT_TEXT]; /* UTF-8 taken from the queue this frame */
    int command;                /* the command taken from the queue this frame, -1 none */
    ui_event queue[UI_QUEUE_MAX]; /* events waiting, oldest first (ui_input_*) */
    int nqueue;

    /* interaction state carried between frames */
    unsigned hot;          /* widget under the mouse (this frame) */
    unsigned active;       /* widget holding the mouse (drag), 0 none */
    unsigned focus;        /* widget with keyboard focus, 0 none */
    unsigned popup;        /* open popup (dropdown) id, 0 none */
    ui_rect popup_rect;    /* the open popup's area, from the last frame */
    int popup_scroll;      /* first visible item of the open popup */
    char popup_filter[64]; /* text typed while the popup is open: shows matching items */
    int modal;             /* 1 while a dialog owns input: only layer 1 reacts */
    int layer;             /* layer of commands being emitted */
    int press_serial;      /* increments at every mouse press (groups undo) */
    int frame;             /* frames since ui_init */
    int edit_cursor;       /* text entry: cursor byte offset */
    int edit_anchor;       /* text entry: the selection's other end (== cursor: none) */
    int edit_scroll;       /* text entry: pixels its text is shifted left to show the cursor */
    unsigned edit_id;      /* text entry being edited, 0 none */
    int focus_moved;       /* the keyboard moved the focus in the last ui_end */
    int focus_visible;     /* 1 when the focus came from the keyboard (draw the ring) */
    ui_rect focus_rect;    /* where the focused widget was drawn this frame */
    int focus_rect_set;    /* 1 when focus_rect was recorded since the panel began */
    unsigned key_used;     /* UI_KEY_ bits a widget consumed this frame */
    int press_taken;       /* a widget took this frame's mouse press */
    int width, height;     /* size of the drawing area, pixels (set by the caller) */

    /* per-frame lists */
    unsigned focus_list[UI_FOCUS_MAX]; /* focusable widgets in the order drawn */
    int nfocus;
    ui_rect clip[UI_CLIP_DEPTH];
    int nclip;
    ui_cmd cmd[UI_CMD_MAX];
    int ncmd;
    char text[UI_TEXT_MAX];
    int ntext;
    ui_point point[UI_POINT_MAX];
    int npoint;
    int overflow;          /* 1 when a list was full and commands were dropped */
};

/* Fills ctx with the default theme, scale 1 and no input. ctx is large
 * (a few MB): allocate it, do not put it on the stack. */
void ui_init(ui_ctx *ctx, ui_text_width_fn tw, ui_text_height_fn th, void *user);

/* Starts a frame: clears the command list and takes this frame's input
 * from the queue: one key event, or one command, or the text events up to
 * the next key (joined, up to UI_INPUT_TEXT bytes). Whatever remains waits
 * for the next frames (ui_input_pending). */
void ui_begin(ui_ctx *ctx);
/* Ends a frame: moves the focus on Tab, clears the per-frame input. */
void ui_end(ui_ctx *ctx);

/* Input (call between frames, before ui_begin). The mouse is a state that
 * takes effect at the next frame; keys, text and commands are queued in
 * order (see ui_event). The queueing calls return 0, or -1 when the queue
 * is full and the event was dropped. */
void ui_input_mouse_move(ui_ctx *ctx, int x, int y);
void ui_input_mouse_button(ui_ctx *ctx, int x, int y, int down);
void ui_input_wheel(ui_ctx *ctx, int steps);
int ui_input_key(ui_ctx *ctx, unsigned key, unsigned mods);
/* Text longer than one event is split at character boundaries. */
int ui_input_text(ui_ctx *ctx, const char *utf8);
/* A command of the caller's (code >= 0): the frame that takes it finds it
 * in ctx->command, in order with the keys and text around it. */
int ui_input_command(ui_ctx *ctx, int code, unsigned mods);
/* Events still waiting: the caller should draw another frame at once. */
int ui_input_pending(const ui_ctx *ctx);

/* Takes key if it was pressed this frame and no widget took it; returns 1
 * when taken (for keys the caller handles around the widgets). */
int ui_take_key(ui_ctx *ctx, unsigned key);

/* Pixels for a size given at zoom 1 (rounded, at least 1 when n > 0). */
int ui_px(const ui_ctx *ctx, int n);

/* Widget ids: a hash of a name and an index (stable between frames). */
unsigned ui_id(const char *name, int index);
/* A hash of a name and two indexes (a widget inside a numbered group). */
unsigned ui_id2(const char *name, int a, int b);

/* Geometry helpers. */
ui_rect ui_rect_make(int x, int y, int w, int h);
int ui_rect_contains(ui_rect r, int x, int y);
ui_rect ui_rect_intersect(ui_rect a, ui_rect b);
ui_rect ui_rect_inset(ui_rect r, int d);
/* 1 when the mouse is over r, inside the current clip, on the active layer,
 * and not hidden by an open popup or a dialog. */
int ui_mouse_over(const ui_ctx *ctx, ui_rect r);

/* Clip stack: commands emitted after push are clipped to the intersection. */
void ui_clip_push(ui_ctx *ctx, ui_rect r);
void ui_clip_pop(ui_ctx *ctx);
ui_rect ui_clip_current(const ui_ctx *ctx);

/* Layers: 1 draws above 0 (popups, tooltips, dialogs). */
void ui_layer_set(ui_ctx *ctx, int layer);

/* Raw drawing. Text is copied into the frame's text pool. */
void ui_draw_rect(ui_ctx *ctx, ui_rect r, ui_color c);
void ui_draw_frame(ui_ctx *ctx, ui_rect r, ui_color c, int thickness);
/* Draws text with its top-left corner at x, y; returns its width, pixels. */
int ui_draw_text(ui_ctx *ctx, ui_font f, const char *s, int x, int y, ui_color c);
/* Text aligned in r: align -1 left, 0 centre, +1 right; vertically centred.
 * Text wider than r is shortened with an ellipsis. */
void ui_draw_text_in(ui_ctx *ctx, ui_font f, const char *s, ui_rect r, int align, ui_color c);
/* A polyline through n points (copied). */
void ui_draw_circle(ui_ctx *ctx, int cx, int cy, int radius, ui_color c);
/* The area between upper[i] and lower[i], i < n (both copied), filled with c
 * (usually translucent). */
void ui_draw_band(ui_ctx *ctx, const ui_point *upper, const ui_point *lower, int n, ui_color c);
void ui_draw_polyline(ui_ctx *ctx, const ui_point *p, int n, ui_color c, int thickness, int dashed);
int ui_text_width(const ui_ctx *ctx, ui_font f, const char *s);
int ui_text_height(const ui_ctx *ctx, ui_font f);

/* Registers id for Tab focus and returns 1 when it has the focus. */
int ui_focusable(ui_ctx *ctx, unsigned id);
void ui_focus_set(ui_ctx *ctx, unsigned id);

/* Updates hot/active/focus for a widget occupying r; returns UI_HOVER and
 * UI_ACTIVE bits, and UI_SUBMIT on a click released over it. */
int ui_control(ui_ctx *ctx, unsigned id, ui_rect r, int focusable);

/* The value a slider over track takes with the mouse at x: lo at the left
 * edge, hi at the right, clamped, rounded to a multiple of step from lo
 * (step <= 0: no rounding). */
double ui_slider_value_at(ui_rect track, int x, double lo, double hi, double step);
/* The x position of value on track (inverse of the above, clamped). */
int ui_slider_x_of(ui_rect track, double value, double lo, double hi);

/* A horizontal slider in r. Mouse: press or drag sets the value from the
 * position; keyboard (when focused): Left/Right by step, Shift x10,
 * Home/End to the ends. mark >= lo draws a baseline tick at that value
 * (NAN for none). Returns UI_CHANGED when *value changed. */
int ui_slider(ui_ctx *ctx, unsigned id, ui_rect r, double *value, double lo, double hi,
              double step, double mark);

/* A push button; returns UI_SUBMIT when clicked or Return/Space when focused.
 * selected draws it as toggled on. */
int ui_button(ui_ctx *ctx, unsigned id, ui_rect r, const char *label, int selected);

/* A check box with a label; toggles *state on click or Space. */
int ui_checkbox(ui_ctx *ctx, unsigned id, ui_rect r, const char *label, int *state);

/* A row of n tabs across r; sets *sel on click (Left/Right when focused). */
int ui_tabs(ui_ctx *ctx, unsigned id, ui_rect r, const char *const *labels, int n, int *sel);

/* A collapsible group header; toggles *open on click, Return or Space. */
int ui_header(ui_ctx *ctx, unsigned id, ui_rect r, const char *label, const char *note,
              int *open);

/* A one-line text entry editing buf (capacity cap bytes, UTF-8). A click
 * focuses it and puts the cursor there (a drag selects); Tab focuses it with
 * the whole text selected. Only Return gives UI_SUBMIT (a click never does);
 * Escape leaves it. Editing keys are those of render/textfield.h: arrows,
 * Shift+arrows, Home/End, Backspace, Delete, Ctrl+A/C/X/V with ctx's
 * clipboard; typed text replaces the selection. UI_CHANGED when buf changed. */
int ui_textbox(ui_ctx *ctx, unsigned id, ui_rect r, char *buf, size_t cap);

/* Item text for lists: writes the label of item i into buf and returns it. */
typedef const char *(*ui_item_fn)(void *user, int i, char *buf, size_t cap);

/* A drop-down list: shows item *sel in r; a click (or Return, Space) opens a
 * scrollable list of n items below (or above) it on the overlay layer;
 * choosing sets *sel. While open, typing keeps only the items that contain
 * the typed text (ignoring case) and selects the first; Up/Down step
 * through them, Return or Escape closes. Closed, Left/Right step through
 * all items. */
int ui_dropdown(ui_ctx *ctx, unsigned id, ui_rect r, ui_item_fn item, void *user, int n,
                int *sel);

/* A list box of n items in r with *scroll (first visible item). A click on
 * an item selects it (UI_CHANGED); a click on the selected item, or Return
 * when the list has the focus, gives UI_SUBMIT. Up/Down move the selection. */
int ui_list(ui_ctx *ctx, unsigned id, ui_rect r, ui_item_fn item, void *user, int n, int *sel,
            int *scroll);

/* A panel with vertical scrolling: commands between begin and end are
 * clipped to r and shifted up by *scroll; the wheel over r scrolls.
 * ui_panel_begin returns the y of the content's top; pass the y reached
 * after the content to ui_panel_end, which clamps *scroll. */
int ui_panel_begin(ui_ctx *ctx, ui_rect r, int *scroll);
void ui_panel_end(ui_ctx *ctx, ui_rect r, int *scroll, int content_bottom);

/* Breaks text at spaces and '\n' into lines no wider than w: returns the
 * length of the line starting at text and sets *next to where the following
 * line starts (the end of text when none). */
int ui_wrap_line(const ui_ctx *ctx, ui_font f, const char *text, int w, const char **next);

/* Draws text wrapped to w pixels from x, y; returns the height used. */
int ui_draw_wrapped(ui_ctx *ctx, ui_font f, const char *text, int x, int y, int w, ui_color c);

/* A tooltip box near the mouse on the overlay layer: the first line bold,
 * lines broken at '\n' and wrapped; none while something is dragged. */
void ui_tooltip(ui_ctx *ctx, const char *text);
/* The same, placed clear of avoid (the widget the pointer is on, or a whole
 * panel whose contents the user is reading): to its right, below, left or
 * above, whichever fits the window first; never cut by a panel's clip. */
void ui_tooltip_beside(ui_ctx *ctx, const char *text, ui_rect avoid);
/* Where a w x h tooltip goes for a pointer at (mx, my): beside avoid (see
 * ui_tooltip_beside) inside a W x H window, gap pixels away; when nothing
 * beside it fits, inside the window and off the pointer's line. */
ui_rect ui_tooltip_place(int w, int h, int mx, int my, ui_rect avoid, int W, int H, int gap);

#endif
