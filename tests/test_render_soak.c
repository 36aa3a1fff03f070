/* test_render_soak.c: a few hundred frames of scripted use under the dummy
 * video driver: drags on many sliders, keys, typing in the detail view,
 * dialogs opened and closed, language, zoom, graph count and window size
 * changed, the mouse swept over the charts. Run by `make check` under
 * AddressSanitizer, which fails the test on any leak or bad access; here it
 * checks that the state stays whole and the text cache stays bounded. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "render/app_ui.h"
#include "render/gui.h"

#define FRAMES 400

static void push_key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
}

static void push_text(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", s);
    SDL_PushEvent(&e);
}

static void push_mouse(Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
    } else if (type == SDL_MOUSEWHEEL) {
        e.wheel.y = x;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.x = x;
        e.button.y = y;
    }
    SDL_PushEvent(&e);
}

/* What frame f of the script does. */
static void script(gui *g, int f)
{
    app *a = gui_app(g);
    const app_layout *l = gui_layout(g);
    /* The slider to drag: the k-th of those visible in the left panel,
     * whichever tab and grouping the script has reached. */
    int visible[VAR_COUNT], nv = 0;
    for (int v = 0; v < VAR_COUNT; v++) {
        ui_rect s = app_slider_rect(a, v);
        if (s.w > 0 && s.y > l->levers.y && s.y + s.h < l->levers.y + l->levers.h)
            visible[nv++] = v;
    }
    int lever = nv > 0 ? visible[(f / 20) % nv] : var_lever_ids[0];
    ui_rect r = app_slider_rect(a, lever);
    int phase = f % 20;
    if (phase == 0 && nv > 0) {
        push_mouse(SDL_MOUSEMOTION, r.x + 10, r.y + r.h / 2);
        push_mouse(SDL_MOUSEBUTTONDOWN, r.x + 10, r.y + r.h / 2);
    } else if (phase > 0 && phase < 8 && r.w > 0) {
        push_mouse(SDL_MOUSEMOTION, r.x + phase * r.w / 8, r.y + r.h / 2);
    } else if (phase == 8) {
        push_mouse(SDL_MOUSEBUTTONUP, r.x + r.w / 2, r.y + r.h / 2);
    } else if (phase == 9) {
        push_mouse(SDL_MOUSEWHEEL, -2, 0);
        push_key(SDLK_TAB, 0);
        push_key(SDLK_RIGHT, 0);
    } else if (phase == 10) {
        /* Sweep the mouse over a chart for the hover read-out. */
        ui_rect gr = l->graph[f % l->ngraphs];
        push_mouse(SDL_MOUSEMOTION, gr.x + (f * 37) % (gr.w > 1 ? gr.w : 1), gr.y + gr.h / 2);
    } else if (phase == 11) {
        a->detail_var = lever;
        push_key(SDLK_RETURN, 0);
    } else if (phase == 12) {
        push_text("1");
        push_key(SDLK_BACKSPACE, 0);
    } else if (phase == 13) {
        static const SDL_Keycode cmds[] = {SDLK_u, SDLK_l, SDLK_EQUALS, SDLK_MINUS, SDLK_z,
                                           SDLK_y, SDLK_k, SDLK_e, SDLK_o};
        push_key(cmds[(f / 20) % 9], KMOD_LCTRL);
    } else if (phase == 14) {
        push_key(SDLK_ESCAPE, 0);
        push_key(SDLK_ESCAPE, 0);
    } else if (phase == 15 && f % 60 == 15) {
        SDL_SetWindowSize(SDL_GetWindowFromID(gui_window_id(g)), 900 + (f % 7) * 100, 600 + (f % 5) * 60);
    } else if (phase == 16 && f % 80 == 16) {
        app_command(a, APP_CMD_GRAPHS);
    } else if (phase == 17 && f % 100 == 17) {
        a->by_theme = !a->by_theme;
        a->left_tab = !a->left_tab;
    }
}

static void test_hundreds_of_frames_of_use_keep_the_state_whole(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_RENDER_DRIVER", "software", 0);
    gui_opts o = {.width = 1280, .height = 800, .hidden = 1, .profile = 1};
    char msg[1400];
    gui *g = gui_create(&o, msg, sizeof msg);
    if (!g)
        fail_msg("gui_create: %s", msg);
    long runs0 = gui_app(g)->runs;
    int peak_cache = 0;
    for (int f = 0; f < FRAMES; f++) {
        script(g, f);
        assert_true(gui_frame(g));
        assert_false(gui_ui(g)->overflow);
        if (gui_text_cache(g) > peak_cache)
            peak_cache = gui_text_cache(g);
    }
    app *a = gui_app(g);
    if (a->runs < runs0 + 20)
        fail_msg("only %ld runs in %d frames", a->runs - runs0, FRAMES);
    assert_true(a->cur.rows > 0);
    assert_true(a->nundo <= APP_UNDO_MAX);
    /* The text cache is trimmed as values change, never let grow. */
    if (peak_cache > 1500)
        fail_msg("text cache reached %d entries", peak_cache);
    double median, p95, worst;
    assert_true(gui_profile(g, &median, &p95, &worst) > 100);
    assert_true(median <= p95 && p95 <= worst);
    /* Leave without a question: discard the changes, then quit. */
    a->clean = a->sc;
    app_command(a, APP_CMD_QUIT);
    assert_false(gui_frame(g));
    gui_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hundreds_of_frames_of_use_keep_the_state_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
