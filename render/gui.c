/* gui.c: the SDL window around the app and its interface (see gui.h). */
#include "render/gui.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "render/app_ui.h"
#include "render/dirty.h"
#include "render/draw.h"
#include "render/png.h"
#include "render/present.h"
#include "render/recovery.h"
#include "render/scoreboard.h"
#include "render/strings.h"
#include "sim/files/link.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#define PROFILE_MAX 100000 /* input-to-frame samples kept */

struct gui {
    SDL_Window *win;
    SDL_Renderer *ren;
    draw_ctx *draw;
    ui_ctx *ui;           /* large: heap */
    app *app;
    app_layout layout;    /* of the last frame */
    gui_opts opts;
    float dpi;            /* output pixels per window coordinate */
    float density;        /* extra scale for a dense screen the system does not scale
                             (X11 at 150-200 dpi), from SDL_GetDisplayDPI; 1 otherwise */
    int fullscreen;       /* current window state */
    char title[256];      /* current window title */
    double *samples;      /* input-to-frame times, ms */
    double *phase[GUI_PHASES]; /* of the same frames: building the ui (app_frame,
                                  with the model runs), drawing the commands,
                                  SDL_RenderPresent, ms */
    double phase_ms[GUI_PHASES]; /* of the frame being drawn, ms */
    int nsamples;
    int no_hover;         /* 1 while drawing a frame for export */
    recovery rec;         /* the session's recovery copy (off for headless runs) */
    float font_scale;     /* scale the fonts were last opened at */
    int tool_key;         /* language and graph count the toolbar was measured for, -1 none */
    float tool_one, tool_two; /* its widths at scale 1, px (app_toolbar_widths) */
    int last_scroll;      /* the lever panel's scroll before the last frame */
    int scrolled;         /* 1 when the last frame changed it */
    dirty dirty;          /* what the last frame put on screen, for the next one's changes */
    int incremental;      /* 1: the software renderer draws into the window's own pixels,
                             which stay between frames: only the changed areas are
                             redrawn and sent to the display; 0: a GL renderer, whose
                             back buffer is lost at each present, draws whole frames
                             and none at all when nothing changed */
    int drawn;            /* render() calls since the last present that drew something */
    SDL_Event deferred;   /* a mouse button waiting for the keys queued before it */
    int has_deferred;     /* 1 when deferred holds one */
    Uint32 wake_event;    /* event type a bands worker pushes when draws are in, 0 none */
};

app *gui_app(gui *g)
{
    return g->app;
}

ui_ctx *gui_ui(gui *g)
{
    return g->ui;
}

const app_layout *gui_layout(const gui *g)
{
    return &g->layout;
}

const recovery *gui_recovery(const gui *g)
{
    return &g->rec;
}

int gui_text_cache(const gui *g)
{
    return draw_cache_count(g->draw);
}

void gui_redraw_all(gui *g)
{
    dirty_invalidate(&g->dirty);
}

int gui_redrawn(const gui *g)
{
    return g->dirty.nrect;
}

unsigned gui_window_id(const gui *g)
{
    return SDL_GetWindowID(g->win);
}

/* The system clipboard for the text entries (ui_clipboard). */
static size_t clipboard_get(void *user, char *buf, size_t cap)
{
    (void)user;
    buf[0] = '\0';
    if (!SDL_HasClipboardText())
        return 0;
    char *t = SDL_GetClipboardText();
    if (!t)
        return 0;
    snprintf(buf, cap, "%s", t);
    SDL_free(t);
    return strlen(buf);
}

static int clipboard_set(void *user, const char *text)
{
    (void)user;
    return SDL_SetClipboardText(text) == 0 ? 0 : -1;
}

/* Wakes the window's loop to draw new band draws (on a worker thread). */
static void bands_wake(void *user)
{
    const gui *g = user;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = g->wake_event;
    SDL_PushEvent(&e);
}

/* 1 when the current GL context of renderer r is Mesa's software
 * rasterizer (llvmpipe, softpipe): an X server without a GPU, such as Xvfb. */
static int gl_is_software(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || !info.name || strncmp(info.name, "opengl", 6) != 0)
        return 0;
    typedef const unsigned char *(*get_string_fn)(unsigned);
    get_string_fn get = (get_string_fn)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
    const char *name = get ? (const char *)get(0x1F01 /* GL_RENDERER */) : NULL;
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") ||
                    strstr(name, "Software Rasterizer"));
}

/* The renderer. On X11, SDL's software renderer: it draws into the
 * window's own pixels, which stay between frames, so a frame redraws and
 * sends (MIT-SHM) only what changed. Measured under Xvfb at 1920x1080 with
 * bands on, a drag took a median 4-7 ms a frame this way, 22-36 ms with
 * SDL's default GL renderer on Mesa's llvmpipe, which redraws the whole
 * window each frame; and starting a GL context costs 200 ms or more before
 * the first frame. A 2-D window of this size does not need a GPU. Elsewhere
 * SDL chooses, except that a GL renderer that is itself software gives way
 * to the software renderer. SDL_RENDER_DRIVER, when set, is obeyed as it
 * is (SDL_RENDER_DRIVER=opengl for a GPU). */
static SDL_Renderer *create_renderer(SDL_Window *win, int vsync)
{
    /* The software renderer's pixels go to the X server as they are, not
     * through a GL texture, which SDL would otherwise use on X11: with
     * llvmpipe that upload took 10-15 ms a frame whatever the area.
     * SDL_FRAMEBUFFER_ACCELERATION in the environment still rules. */
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    const char *asked = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    const char *video = SDL_GetCurrentVideoDriver();
    SDL_Renderer *r = NULL;
    if ((asked && *asked) || !video || strcmp(video, "x11") != 0) {
        r = SDL_CreateRenderer(win, -1, vsync ? SDL_RENDERER_PRESENTVSYNC : 0);
        if (r && !(asked && *asked) && gl_is_software(r)) {
            SDL_DestroyRenderer(r);
            r = NULL;
        }
    }
    if (!r)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    return r;
}

gui *gui_create(const gui_opts *opts, char *msg, size_t n)
{
    msg[0] = '\0';
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(msg, n, "cannot start SDL video: %s", SDL_GetError());
        return NULL;
    }
    gui *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(msg, n, "out of memory");
        SDL_Quit();
        return NULL;
    }
    g->opts = *opts;
    int w = opts->width > 0 ? opts->width : 1440, h = opts->height > 0 ? opts->height : 900;
    SDL_Rect usable;
    if (opts->width <= 0 && SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 200) {
        if (w > usable.w * 9 / 10)
            w = usable.w * 9 / 10;
        if (h > usable.h * 9 / 10)
            h = usable.h * 9 / 10;
    }
#ifdef __EMSCRIPTEN__
    /* In the browser the window is the canvas, sized by the page's style in
     * CSS pixels. SDL 2.26's software renderer for the web draws in those
     * pixels only: asking for high DPI would draw into a quarter of a
     * double-sized canvas, so the browser scales the picture instead. */
    Uint32 flags = SDL_WINDOW_RESIZABLE;
#else
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
#endif
    if (opts->hidden)
        flags |= SDL_WINDOW_HIDDEN;
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* The first click on an unfocused window acts at once; the desktop's
     * compositor stays on (it is a tool, not a game). */
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    g->win = SDL_CreateWindow("transim", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!g->win) {
        snprintf(msg, n, "cannot open a window: %s", SDL_GetError());
        gui_destroy(g);
        return NULL;
    }
    /* The smallest window whose layout stays usable (graphs with readable
     * ticks, the lever panel, the key strip): at 640x420 the graphs
     * collapsed to a line. A smaller screen gets what it has. */
    int min_w = GUI_MIN_W, min_h = GUI_MIN_H;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 200 && usable.h > 200) {
        min_w = usable.w < min_w ? usable.w : min_w;
        min_h = usable.h < min_h ? usable.h : min_h;
    }
    SDL_SetWindowMinimumSize(g->win, min_w, min_h);
    g->ren = create_renderer(g->win, opts->vsync);
    if (!g->ren) {
        snprintf(msg, n, "cannot create a renderer: %s", SDL_GetError());
        gui_destroy(g);
        return NULL;
    }
    SDL_RendererInfo info;
    g->incremental = SDL_GetRendererInfo(g->ren, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    dirty_init(&g->dirty);
    int ow = w, oh = h;
    SDL_GetRendererOutputSize(g->ren, &ow, &oh);
    g->dpi = w > 0 ? (float)ow / (float)w : 1.0f;
    if (g->dpi < 0.5f)
        g->dpi = 1.0f;
    /* A dense screen whose pixels the system does not scale (common on X11)
     * would make 14 px text tiny: scale by its dots per inch over 96. */
    g->density = 1.0f;
    float ddpi = 0;
#ifdef __EMSCRIPTEN__
    ddpi = 96.0f; /* CSS pixels are 1/96 inch whatever the screen (above) */
#endif
    if (g->dpi < 1.25f && ddpi == 0 && SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(g->win), &ddpi, NULL, NULL) == 0 &&
        ddpi > 120.0f)
        g->density = ddpi / 96.0f > 3.0f ? 3.0f : ddpi / 96.0f;
    const char *force = getenv("TRANSIM_SCALE");
    if (force && atof(force) >= 0.5 && atof(force) <= 4)
        g->density = (float)atof(force);
    g->draw = draw_create(g->ren, g->dpi * g->density, msg, n);
    g->font_scale = g->dpi * g->density;
    g->tool_key = -1;
    if (!g->draw) {
        gui_destroy(g);
        return NULL;
    }
    g->ui = malloc(sizeof *g->ui);
    sim_error err;
    sim_error_clear(&err);
    g->app = g->ui ? app_create(&err) : NULL;
    if (!g->ui || !g->app) {
        char e[1200];
        snprintf(msg, n, "cannot run the baseline: %s", sim_error_format(&err, e, sizeof e));
        gui_destroy(g);
        return NULL;
    }
    Uint32 wake = SDL_RegisterEvents(1);
    if (wake != (Uint32)-1) {
        g->wake_event = wake;
        g->app->band_notify = bands_wake;
        g->app->band_notify_user = g;
    }
    ui_init(g->ui, draw_text_width, draw_text_height, g->draw);
    g->ui->clipboard.get = clipboard_get;
    g->ui->clipboard.set = clipboard_set;
    if (opts->profile) {
        g->samples = malloc(PROFILE_MAX * sizeof *g->samples);
        for (int i = 0; i < GUI_PHASES; i++)
            g->phase[i] = malloc(PROFILE_MAX * sizeof *g->phase[i]);
        int ok = g->samples != NULL;
        for (int i = 0; i < GUI_PHASES; i++)
            ok &= g->phase[i] != NULL;
        if (!ok) {
            snprintf(msg, n, "out of memory");
            gui_destroy(g);
            return NULL;
        }
    }
    g->app->swedish = opts->swedish;
    if (opts->scenario && *opts->scenario) {
        /* The terminal is told in English, whatever the window's language. */
        if (app_open_at_start(g->app, opts->scenario) != SIM_OK)
            sim_error_format(&g->app->open_failed, msg, n);
    }
    char dir[1024] = "";
    if (opts->recovery_dir)
        snprintf(dir, sizeof dir, "%s", opts->recovery_dir);
    else if (!opts->hidden)
        recovery_default_dir(dir, sizeof dir);
    recovery_init(&g->rec, dir);
    recovery_offer(&g->rec, g->app);
    SDL_StartTextInput();
    return g;
}

void gui_destroy(gui *g)
{
    if (!g)
        return;
    SDL_StopTextInput();
    recovery_release(&g->rec, 1);
    app_destroy(g->app);
    free(g->ui);
    draw_destroy(g->draw);
    dirty_release(&g->dirty);
    if (g->ren)
        SDL_DestroyRenderer(g->ren);
    if (g->win)
        SDL_DestroyWindow(g->win);
    free(g->samples);
    for (int i = 0; i < GUI_PHASES; i++)
        free(g->phase[i]);
    free(g);
    SDL_Quit();
}

static unsigned mods_of(Uint16 m)
{
    unsigned r = 0;
    if (m & KMOD_SHIFT)
        r |= UI_MOD_SHIFT;
    if (m & KMOD_CTRL)
        r |= UI_MOD_CTRL;
    if (m & KMOD_ALT)
        r |= UI_MOD_ALT;
    return r;
}

/* The command of a Ctrl shortcut or function key, or -1 when k is none. */
static int shortcut(const SDL_KeyboardEvent *k)
{
    int ctrl = (k->keysym.mod & KMOD_CTRL) != 0, shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    SDL_Keycode s = k->keysym.sym;
    if (s == SDLK_F11)
        return APP_CMD_FULLSCREEN;
    if (s == SDLK_F1)
        return APP_CMD_HELP;
    if (s == SDLK_F5)
        return APP_CMD_PRESENT;
    if (!ctrl)
        return -1;
    switch (s) {
    case SDLK_z: return shift ? APP_CMD_REDO : APP_CMD_UNDO;
    case SDLK_y: return APP_CMD_REDO;
    case SDLK_s: return shift ? APP_CMD_SAVE_AS : APP_CMD_SAVE;
    case SDLK_o: return APP_CMD_OPEN;
    case SDLK_e: return APP_CMD_EXPORT;
    case SDLK_k: return APP_CMD_COMPARE;
    case SDLK_b: return APP_CMD_SCOREBOARD;
    case SDLK_c: return shift ? APP_CMD_SHARE : -1; /* Ctrl+C alone copies text */
    case SDLK_l: return APP_CMD_LANGUAGE;
    case SDLK_u: return APP_CMD_BANDS;
    case SDLK_q: return APP_CMD_QUIT;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: return APP_CMD_ZOOM_IN;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: return APP_CMD_ZOOM_OUT;
    case SDLK_0:
    case SDLK_KP_0: return APP_CMD_ZOOM_RESET;
    default: return -1;
    }
}

/* The editing key of a Ctrl chord (select all, copy, cut, paste), or 0. */
static unsigned edit_chord(const SDL_KeyboardEvent *k)
{
    if (!(k->keysym.mod & KMOD_CTRL))
        return 0;
    switch (k->keysym.sym) {
    case SDLK_a: return UI_KEY_SELECT_ALL;
    case SDLK_c: return UI_KEY_COPY;
    case SDLK_x: return UI_KEY_CUT;
    case SDLK_v: return UI_KEY_PASTE;
    default: return 0;
    }
}

static unsigned ui_key_of(SDL_Keycode s)
{
    switch (s) {
    case SDLK_TAB: return UI_KEY_TAB;
    case SDLK_LEFT: return UI_KEY_LEFT;
    case SDLK_RIGHT: return UI_KEY_RIGHT;
    case SDLK_UP: return UI_KEY_UP;
    case SDLK_DOWN: return UI_KEY_DOWN;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return UI_KEY_RETURN;
    case SDLK_ESCAPE: return UI_KEY_ESCAPE;
    case SDLK_BACKSPACE: return UI_KEY_BACKSPACE;
    case SDLK_SPACE: return UI_KEY_SPACE;
    case SDLK_HOME: return UI_KEY_HOME;
    case SDLK_END: return UI_KEY_END;
    case SDLK_PAGEUP: return UI_KEY_PAGEUP;
    case SDLK_PAGEDOWN: return UI_KEY_PAGEDOWN;
    case SDLK_DELETE: return UI_KEY_DELETE;
    default: return 0;
    }
}

static int mouse_x(const gui *g, int x)
{
    return (int)lroundf((float)x * g->dpi);
}

/* Gives the ui a mouse button event. */
static void mouse_button(gui *g, const SDL_Event *e)
{
    ui_input_mouse_button(g->ui, mouse_x(g, e->button.x), mouse_x(g, e->button.y),
                          e->type == SDL_MOUSEBUTTONDOWN);
}

/* Feeds pending events to the ui; stops after a button change so that a
 * press and its release land in different frames. Keys and text are queued
 * in the ui (one taken per frame); while some wait, SDL's events wait too,
 * and a button pressed after queued keys waits for them (g->deferred), so
 * that a click comes after the typing that came before it. Returns 1 when
 * any input arrived. */
static int poll_events(gui *g)
{
    SDL_Event e;
    int input = 0;
    ui_ctx *ui = g->ui;
    if (ui_input_pending(ui))
        return 1;
    if (g->has_deferred) {
        g->has_deferred = 0;
        mouse_button(g, &g->deferred);
        return 1;
    }
    while (SDL_PollEvent(&e)) {
        switch (e.type) {
        case SDL_QUIT:
            app_command(g->app, APP_CMD_QUIT);
            break;
        case SDL_MOUSEMOTION:
            ui_input_mouse_move(ui, mouse_x(g, e.motion.x), mouse_x(g, e.motion.y));
            input = 1;
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.button != SDL_BUTTON_LEFT)
                break;
            if (ui_input_pending(ui)) {
                g->deferred = e;
                g->has_deferred = 1;
            } else {
                mouse_button(g, &e);
            }
            return 1;
        case SDL_MOUSEWHEEL:
            ui_input_wheel(ui, e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y);
            input = 1;
            break;
        case SDL_KEYDOWN: {
            /* Queued, not acted on here: each key and shortcut takes its
             * turn in order with the text around it (ui_event). */
            input = 1;
            int cmd = shortcut(&e.key);
            unsigned k = edit_chord(&e.key);
            if (!k)
                k = ui_key_of(e.key.keysym.sym);
            if (cmd >= 0)
                ui_input_command(ui, cmd, mods_of(e.key.keysym.mod));
            else if (k)
                ui_input_key(ui, k, mods_of(e.key.keysym.mod));
            break;
        }
        case SDL_TEXTINPUT:
            if (!(SDL_GetModState() & KMOD_CTRL))
                ui_input_text(ui, e.text.text);
            input = 1;
            break;
        case SDL_DROPFILE:
            /* A scenario dropped on the window opens (asking about unsaved
             * changes); dropped on the compare dialog, it is compared. */
            if (g->app->dialog == APP_DLG_COMPARE) {
                app_request_compare(g->app, e.drop.file);
            } else if (g->app->dialog == APP_DLG_SCOREBOARD && app_board(g->app)) {
                /* ... and dropped on the scoreboard, it joins the teams. */
                sim_error err;
                sim_error_clear(&err);
                char m[1200];
                if (board_add(app_board(g->app), g->app, e.drop.file, &err) != SIM_OK)
                    app_status(g->app, 1, "%s", sim_error_format_lang(&err, g->app->swedish, m, sizeof m));
                else
                    app_status(g->app, 0, board_text(BOARD_STR_ADDED_FMT, g->app->swedish), 1);
            } else {
                app_request_open(g->app, e.drop.file);
            }
            SDL_free(e.drop.file);
            input = 1;
            break;
        case SDL_WINDOWEVENT:
            /* Shown, exposed, resized: the window's pixels are drawn anew. */
            dirty_invalidate(&g->dirty);
            input = 1;
            break;
        default:
            break;
        }
    }
    return input;
}

/* Keeps the window's full-screen state and title in step with the app. */
static void sync_window(gui *g)
{
    if (g->app->want_fullscreen != g->fullscreen) {
        if (SDL_SetWindowFullscreen(g->win, g->app->want_fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0) == 0)
            g->fullscreen = g->app->want_fullscreen;
        else
            g->app->want_fullscreen = g->fullscreen;
    }
    char title[256];
    app_title(g->app, title, sizeof title);
    if (strcmp(title, g->title) != 0) {
        snprintf(g->title, sizeof g->title, "%s", title);
        SDL_SetWindowTitle(g->win, title);
    }
}

/* The scale to draw at for an ow x oh output: the user's zoom, lowered (not
 * below 100 %) to what the window holds readably (layout_fit); tells the app
 * what it got. The toolbar is measured once per language and graph count,
 * with the fonts as they are, so the result does not shift from frame to
 * frame with font hinting. */
static float fit_scale(gui *g, int ow, int oh)
{
    app *a = g->app;
    float base = g->dpi * g->density, want = a->zoom * base;
    int key = a->swedish * 64 + a->ngraphs + a->present * 128 + a->present_levers * 256;
    if (key != g->tool_key) {
        int one = 0, two = 0;
        g->ui->scale = g->font_scale;
        app_toolbar_widths(a, g->ui, &one, &two);
        g->tool_one = (float)one / g->font_scale;
        g->tool_two = (float)two / g->font_scale;
        g->tool_key = key;
    }
    layout_needs n = {g->tool_one, g->tool_two, a->nkeys > 0, a->ngraphs};
    int shown = a->ngraphs;
    float scale = a->present ? present_fit(ow, oh, want, base < want ? base : want, g->tool_one,
                                           a->present_levers, a->nkeys > 0)
                             : layout_fit(ow, oh, want, base < want ? base : want, &n, &shown);
    a->zoom_fit = scale < want * 0.999f ? scale / base : 0;
    a->graphs_fit = shown < a->ngraphs ? shown : 0;
    return scale;
}

/* Builds and draws one frame (not presented). */
static void render(gui *g)
{
    int ww = 1, wh = 1, ow = 1, oh = 1;
    SDL_GetWindowSize(g->win, &ww, &wh);
    SDL_GetRendererOutputSize(g->ren, &ow, &oh);
    g->dpi = ww > 0 ? (float)ow / (float)ww : 1.0f;
    float scale = fit_scale(g, ow, oh);
    if (fabsf(scale - g->font_scale) > 1e-4f)
        dirty_invalidate(&g->dirty);
    if (!draw_set_scale(g->draw, scale))
        app_status(g->app, 1, str_get(STR_FONT_ZOOM_FMT, g->app->swedish), 100.0 * g->app->zoom);
    else
        g->font_scale = scale;
    g->ui->scale = scale;
    g->ui->width = ow;
    g->ui->height = oh;
    int mx = g->ui->mouse_x, my = g->ui->mouse_y;
    if (g->no_hover)
        g->ui->mouse_x = g->ui->mouse_y = -100000;
    Uint64 t0 = SDL_GetPerformanceCounter();
    app_frame(g->app, g->ui, &g->layout);
    g->ui->mouse_x = mx;
    g->ui->mouse_y = my;
    Uint64 t1 = SDL_GetPerformanceCounter();
    int changed = dirty_update(&g->dirty, g->ui, ow, oh);
    ui_rect whole = ui_rect_make(0, 0, ow, oh);
    if (g->incremental)
        draw_commands(g->draw, g->ui, g->ui->colors[UI_COL_BG], g->dirty.rect, g->dirty.nrect);
    else if (changed != 0)
        draw_commands(g->draw, g->ui, g->ui->colors[UI_COL_BG], &whole, 1);
    g->drawn += changed != 0;
    Uint64 t2 = SDL_GetPerformanceCounter();
    double f = 1000.0 / (double)SDL_GetPerformanceFrequency();
    g->phase_ms[0] += (double)(t1 - t0) * f;
    g->phase_ms[1] += (double)(t2 - t1) * f;
}

int gui_busy(const gui *g)
{
    return g->ui->focus_moved || g->scrolled || ui_input_pending(g->ui) || g->has_deferred ||
           app_bands_growing(g->app);
}

/* Shows what render() drew: with the software renderer only the changed
 * areas are sent to the display; nothing at all when nothing changed, so an
 * idle window or a pointer moving over nothing that reacts costs no
 * drawing. */
static void present(gui *g)
{
    if (!g->drawn)
        return;
    int several = g->drawn > 1; /* an export drew in between: its changes are not in the list */
    g->drawn = 0;
    if (!g->incremental) {
        SDL_RenderPresent(g->ren);
        return;
    }
    SDL_RenderFlush(g->ren);
    SDL_Rect r[DIRTY_RECTS];
    int n = 0;
    for (int i = 0; i < g->dirty.nrect; i++)
        r[n++] = (SDL_Rect){g->dirty.rect[i].x, g->dirty.rect[i].y, g->dirty.rect[i].w,
                            g->dirty.rect[i].h};
    if (several) {
        SDL_UpdateWindowSurface(g->win);
    } else if (n > 0) {
        SDL_UpdateWindowSurfaceRects(g->win, r, n);
    }
}

/* Share: copies the link of the scenario to the clipboard. Its address
 * before '#' is $TRANSIM_LINK_BASE (where the web version is hosted), or
 * none; in the browser it is the page's own, and the page's address
 * becomes the link, so that a bookmark keeps the scenario too. */
static void share_link(gui *g)
{
    static char link[LINK_MAX_BYTES + 1];
    const char *base = getenv("TRANSIM_LINK_BASE");
#ifdef __EMSCRIPTEN__
    static char page[2048];
    char *here = (char *)(intptr_t)EM_ASM_INT({ return allocateUTF8(location.href.split('#')[0]); });
    snprintf(page, sizeof page, "%s", here ? here : "");
    free(here);
    base = page;
#endif
    sim_error err;
    if (link_format(&g->app->sc, base ? base : "", link, sizeof link, &err) != SIM_OK) {
        char msg[1200];
        app_status(g->app, 1, "%s", sim_error_format_lang(&err, g->app->swedish, msg, sizeof msg));
        return;
    }
#ifdef __EMSCRIPTEN__
    EM_ASM({ transimShare(UTF8ToString($0)); }, link);
#endif
    if (SDL_SetClipboardText(link) != 0) {
        app_status(g->app, 1, "%s", SDL_GetError());
        return;
    }
    app_status(g->app, 0, str_get(STR_SHARED_FMT, g->app->swedish), strlen(link));
}

/* The CPU time of the calling thread, ms. */
static double thread_cpu_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int gui_frame(gui *g)
{
    Uint64 t_in = SDL_GetPerformanceCounter();
    double cpu_in = g->samples ? thread_cpu_ms() : 0;
    g->phase_ms[0] = g->phase_ms[1] = g->phase_ms[2] = 0;
    int input = poll_events(g);
    if (g->app->want_quit)
        return 0;
    sync_window(g);
    render(g);
    sync_window(g); /* the frame may have changed the name or saved: title now, not at the next input */
    g->scrolled = g->app->lever_scroll != g->last_scroll;
    g->last_scroll = g->app->lever_scroll;
    if (g->app->export_requested) {
        g->app->export_requested = 0;
        char png[1100], msg[1200];
        snprintf(png, sizeof png, "%s.png", g->app->export_base);
        g->app->export_frame = 1;
        /* The scoreboard exports its whole table; otherwise the graphs. */
        int ok = g->app->dialog == APP_DLG_SCOREBOARD
                     ? gui_board_png(g, png, msg, sizeof msg)
                     : gui_screenshot(g, png, app_export_rect(g->ui, &g->layout), msg, sizeof msg);
        g->app->export_frame = 0;
        if (ok) {
            app_status(g->app, 0, "%s: %s, %s.csv", str_get(STR_EXPORTED, g->app->swedish), png,
                       g->app->export_base);
#ifdef __EMSCRIPTEN__
            /* The browser's files are in memory: both come down as downloads (web/app.js). */
            EM_ASM({ transimDownload(UTF8ToString($0) + '.csv');
                     transimDownload(UTF8ToString($0) + '.png'); }, g->app->export_base);
#endif
        } else
            app_status(g->app, 1, "%s", msg);
        render(g);
    }
    if (g->app->share_requested) {
        g->app->share_requested = 0;
        share_link(g);
        render(g);
    }
    Uint64 t_p = SDL_GetPerformanceCounter();
    present(g);
    Uint64 t_out = SDL_GetPerformanceCounter();
    double f = 1000.0 / (double)SDL_GetPerformanceFrequency();
    g->phase_ms[2] = (double)(t_out - t_p) * f;
    g->phase_ms[GUI_PHASE_CPU] = g->samples ? thread_cpu_ms() - cpu_in : 0;
    recovery_tick(&g->rec, g->app, (double)SDL_GetTicks64());
    if (g->samples && input && g->nsamples < PROFILE_MAX) {
        for (int i = 0; i < GUI_PHASES; i++)
            g->phase[i][g->nsamples] = g->phase_ms[i];
        g->samples[g->nsamples++] = (double)(t_out - t_in) * f;
    }
    return !g->app->want_quit;
}

unsigned char *gui_read_pixels(gui *g, ui_rect r, int *w, int *h)
{
    int ow = 1, oh = 1;
    SDL_GetRendererOutputSize(g->ren, &ow, &oh);
    if (r.w <= 0 || r.h <= 0)
        r = ui_rect_make(0, 0, ow, oh);
    r = ui_rect_intersect(r, ui_rect_make(0, 0, ow, oh));
    if (r.w <= 0 || r.h <= 0)
        return NULL;
    unsigned char *px = malloc((size_t)r.w * (size_t)r.h * 4);
    if (!px)
        return NULL;
    SDL_Rect sr = {r.x, r.y, r.w, r.h};
    if (SDL_RenderReadPixels(g->ren, &sr, SDL_PIXELFORMAT_RGBA32, px, r.w * 4) != 0) {
        free(px);
        return NULL;
    }
    *w = r.w;
    *h = r.h;
    return px;
}

int gui_screenshot(gui *g, const char *path, ui_rect r, char *msg, size_t n)
{
    g->no_hover = 1;
    if (!g->incremental)
        dirty_invalidate(&g->dirty); /* the back buffer of a GL renderer is not kept */
    render(g);
    g->no_hover = 0;
    int w = 0, h = 0;
    unsigned char *px = gui_read_pixels(g, r, &w, &h);
    if (!px) {
        snprintf(msg, n, "%s: cannot read the window's pixels: %s", path, SDL_GetError());
        return 0;
    }
    /* Opaque output: the window has no meaningful alpha. */
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        px[4 * i + 3] = 255;
    sim_error err;
    sim_error_clear(&err);
    sim_status st = png_write(path, w, h, px, &err);
    free(px);
    if (st != SIM_OK) {
        sim_error_format_lang(&err, g->app->swedish, msg, n);
        return 0;
    }
    return 1;
}

int gui_board_png(gui *g, const char *path, char *msg, size_t n)
{
    /* A ui context and a software renderer of the sheet's own size: the
     * window's frame and its record of what changed stay as they are. */
    ui_ctx *ctx = malloc(sizeof *ctx);
    if (!ctx) {
        snprintf(msg, n, "%s: %s", path, str_get(STR_OUT_OF_MEMORY, g->app->swedish));
        return 0;
    }
    ui_init(ctx, draw_text_width, draw_text_height, g->draw);
    ctx->scale = g->ui->scale;
    ctx->width = ctx->height = 32767;
    ctx->mouse_x = ctx->mouse_y = -100000;
    ui_begin(ctx);
    ui_rect r = app_board_sheet(g->app, ctx);
    ui_end(ctx);
    int ok = 0;
    SDL_Surface *s = r.w > 0 && r.h > 0 ? SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 32, SDL_PIXELFORMAT_RGBA32)
                                        : NULL;
    SDL_Renderer *ren = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    draw_ctx *d = ren ? draw_create(ren, g->font_scale, msg, n) : NULL;
    if (!s || !ren) {
        snprintf(msg, n, "%s: cannot draw the scoreboard's sheet: %s", path, SDL_GetError());
    } else if (d) {
        ctx->width = r.w;
        ctx->height = r.h;
        draw_commands(d, ctx, ctx->colors[UI_COL_CARD], &r, 1);
        SDL_RenderFlush(ren);
        unsigned char *px = malloc((size_t)r.w * (size_t)r.h * 4);
        if (!px) {
            snprintf(msg, n, "%s: %s", path, str_get(STR_OUT_OF_MEMORY, g->app->swedish));
        } else {
            SDL_LockSurface(s);
            for (int y = 0; y < r.h; y++)
                memcpy(px + (size_t)y * (size_t)r.w * 4, (unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch,
                       (size_t)r.w * 4);
            SDL_UnlockSurface(s);
            for (size_t i = 0; i < (size_t)r.w * (size_t)r.h; i++)
                px[4 * i + 3] = 255;
            sim_error err;
            sim_error_clear(&err);
            if (png_write(path, r.w, r.h, px, &err) == SIM_OK)
                ok = 1;
            else
                sim_error_format_lang(&err, g->app->swedish, msg, n);
            free(px);
        }
    }
    draw_destroy(d);
    if (ren)
        SDL_DestroyRenderer(ren);
    SDL_FreeSurface(s);
    free(ctx);
    return ok;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b ? 1 : 0;
}

int gui_profile(gui *g, double *median_ms, double *p95_ms, double *worst_ms)
{
    if (!g->samples || g->nsamples == 0) {
        *median_ms = *worst_ms = 0;
        if (p95_ms)
            *p95_ms = 0;
        return 0;
    }
    qsort(g->samples, (size_t)g->nsamples, sizeof *g->samples, cmp_double);
    *median_ms = g->samples[g->nsamples / 2];
    if (p95_ms)
        *p95_ms = g->samples[(g->nsamples * 95) / 100 < g->nsamples ? (g->nsamples * 95) / 100
                                                                    : g->nsamples - 1];
    *worst_ms = g->samples[g->nsamples - 1];
    return g->nsamples;
}

int gui_profile_phases(gui *g, double median_ms[GUI_PHASES], double p95_ms[GUI_PHASES])
{
    for (int i = 0; i < GUI_PHASES; i++) {
        median_ms[i] = p95_ms[i] = 0;
        if (!g->phase[i] || g->nsamples == 0)
            continue;
        qsort(g->phase[i], (size_t)g->nsamples, sizeof *g->phase[i], cmp_double);
        median_ms[i] = g->phase[i][g->nsamples / 2];
        p95_ms[i] = g->phase[i][(g->nsamples * 95) / 100];
    }
    return g->nsamples;
}

const char *gui_renderer_name(const gui *g)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(g->ren, &info) != 0 || !info.name)
        return "unknown";
    return info.name;
}
