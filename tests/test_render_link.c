/* test_render_link.c: the window and links (sim/files/link.h) under SDL's
 * dummy video driver: a link opens as unsaved work with its levers set, a
 * bad link changes nothing and says why, and Share (Ctrl+Shift+C) puts on
 * the clipboard a link that reads back as the scenario on screen. */
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
#include "sim/files/link.h"

static int setup(void **state)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_RENDER_DRIVER", "software", 0);
    unsetenv("TRANSIM_LINK_BASE");
    gui_opts o = {.width = 1280, .height = 800, .hidden = 1};
    char msg[1400];
    gui *g = gui_create(&o, msg, sizeof msg);
    if (!g) {
        fprintf(stderr, "gui_create: %s\n", msg);
        return -1;
    }
    gui_frame(g);
    *state = g;
    return 0;
}

static int teardown(void **state)
{
    gui_destroy(*state);
    return 0;
}

static void test_a_link_opens_as_unsaved_work(void **state)
{
    gui *g = *state;
    app *a = gui_app(g);
    sim_error err;
    assert_int_equal(app_open_link(a, "https://example.org/#name=From%20a%20link"
                                      "&adult_training_places=6000&adult_training_places.ramp=3",
                                   &err),
                     SIM_OK);
    assert_true(a->sc.value[V_ADULT_TRAINING] == 6000);
    assert_true(a->sc.lever_ramp[V_ADULT_TRAINING] == 3);
    assert_string_equal(a->sc.name, "From a link");
    assert_string_equal(a->path, "");
    assert_true(app_dirty(a));
    assert_int_equal(a->nundo, 0);
}

static void test_a_bad_link_changes_nothing(void **state)
{
    gui *g = *state;
    app *a = gui_app(g);
    scenario before = a->sc;
    sim_error err;
    assert_int_equal(app_open_link(a, "#adult_training_places=-5", &err), SIM_EPARSE);
    assert_non_null(strstr(err.msg, "outside its range"));
    assert_memory_equal(&a->sc, &before, sizeof before);
}

static void test_share_copies_the_link_of_the_scenario_shown(void **state)
{
    gui *g = *state;
    app *a = gui_app(g);
    assert_int_equal(app_open_link(a, "#adult_training_places=5000&in_firm_training=2", NULL),
                     SIM_OK);
    assert_int_equal(SDL_SetClipboardText("nothing yet"), 0);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = SDLK_c;
    e.key.keysym.mod = KMOD_LCTRL | KMOD_LSHIFT;
    SDL_PushEvent(&e);
    gui_frame(g);
    char *text = SDL_GetClipboardText();
    assert_non_null(text);
    assert_int_equal(text[0], '#');
    scenario back;
    sim_error err;
    assert_int_equal(link_parse(&back, text, &err), SIM_OK);
    SDL_free(text);
    assert_true(back.value[V_ADULT_TRAINING] == 5000);
    assert_true(back.value[V_ADULT_TRAINING] == a->sc.value[V_ADULT_TRAINING]);
    assert_memory_equal(back.value, a->sc.value, sizeof back.value);
    assert_non_null(strstr(a->status, "copied"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_link_opens_as_unsaved_work),
        cmocka_unit_test(test_a_bad_link_changes_nothing),
        cmocka_unit_test(test_share_copies_the_link_of_the_scenario_shown),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
