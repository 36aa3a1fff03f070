/* test_render_board_sdl.c: the scoreboard and presentation mode in the SDL
 * window (dummy video driver): a click on the scoreboard's Export writes
 * the CSV and a PNG of the whole table, next to the teams' files, and a
 * second export never replaces the first; a file dropped on the window
 * while the scoreboard is open joins it; presentation mode draws its
 * frame at 1280x720 with one chart. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

#include "render/app_ui.h"
#include "render/gui.h"
#include "render/scoreboard.h"
#include "render/strings.h"

static gui *open_window(int w, int h)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_RENDER_DRIVER", "software", 0);
    gui_opts o = {.width = w, .height = h, .hidden = 1};
    char msg[1400];
    gui *g = gui_create(&o, msg, sizeof msg);
    if (!g)
        fprintf(stderr, "gui_create: %s\n", msg);
    return g;
}

static void push_button(int x, int y, int down)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
}

/* Where the last frame drew the overlay text s (w = 0: nowhere). */
static ui_rect text_rect(gui *g, const char *s)
{
    const ui_ctx *ctx = gui_ui(g);
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && ctx->cmd[i].layer == 1 &&
            strcmp(ctx->text + ctx->cmd[i].text, s) == 0)
            return ctx->cmd[i].rect;
    return ui_rect_make(0, 0, 0, 0);
}

/* Width and height of the PNG at path, from its header. */
static void png_size(const char *path, int *w, int *h)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    unsigned char b[24];
    assert_int_equal(fread(b, 1, sizeof b, fp), sizeof b);
    fclose(fp);
    *w = (b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19];
    *h = (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23];
}

static void test_export_button_writes_csv_and_png_of_the_table(void **state)
{
    (void)state;
    char dir[] = "/tmp/transim-board-sdl-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp '%s/scenarios/p1_jobs_of_the_future.ini' '%s/scenarios/baseline.ini' "
                              "'%s/scenarios/p4_climate_neutral_economy.ini' '%s/'",
             TRANSIM_SOURCE_DIR, TRANSIM_SOURCE_DIR, TRANSIM_SOURCE_DIR, dir);
    assert_int_equal(system(cmd), 0);
    gui *g = open_window(1280, 720);
    assert_non_null(g);
    app *a = gui_app(g);
    board *b = app_board(a);
    assert_non_null(b);
    board_list(b, dir);
    int failed = 0;
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(board_add_all(b, a, &failed, &err), 3);
    assert_int_equal(failed, 0);
    assert_int_equal(app_show(a, "scoreboard"), 0);
    gui_frame(g);
    gui_frame(g);
    for (int round = 1; round <= 2; round++) {
        ui_rect r = text_rect(g, str_get(STR_EXPORT, 0));
        assert_true(r.w > 0);
        push_button(r.x + 2, r.y + 2, 1);
        gui_frame(g);
        push_button(r.x + 2, r.y + 2, 0);
        gui_frame(g);
        gui_frame(g);
        assert_false(a->status_error);
        char png[256], csv[256];
        snprintf(png, sizeof png, round == 1 ? "%s/scoreboard.png" : "%s/scoreboard-2.png", dir);
        snprintf(csv, sizeof csv, round == 1 ? "%s/scoreboard.csv" : "%s/scoreboard-2.csv", dir);
        assert_int_equal(access(csv, R_OK), 0);
        int w = 0, h = 0;
        png_size(png, &w, &h);
        /* The whole table, wider than the pane that shows a part of it. */
        ui_ctx *sheet = malloc(sizeof *sheet);
        assert_non_null(sheet);
        const ui_ctx *ui = gui_ui(g);
        ui_init(sheet, ui->text_width, ui->text_height, ui->text_user);
        sheet->scale = ui->scale;
        ui_begin(sheet);
        ui_rect whole = app_board_sheet(a, sheet);
        ui_end(sheet);
        free(sheet);
        assert_int_equal(w, whole.w);
        assert_int_equal(h, whole.h);
        assert_true(b->page_fit < b->page_total);
        assert_true(w > a->board_rect.w && h > 200);
    }
    assert_int_equal(a->dialog, APP_DLG_SCOREBOARD);
    gui_destroy(g);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_a_file_dropped_on_the_scoreboard_joins_the_teams(void **state)
{
    (void)state;
    gui *g = open_window(1024, 600);
    assert_non_null(g);
    app *a = gui_app(g);
    app_command(a, APP_CMD_SCOREBOARD);
    gui_frame(g);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_DROPFILE;
    e.drop.file = SDL_strdup(TRANSIM_SOURCE_DIR "/scenarios/p2_innovation_diffusion.ini");
    SDL_PushEvent(&e);
    gui_frame(g);
    gui_frame(g);
    assert_int_equal(app_board(a)->nteams, 1);
    assert_string_equal(app_board(a)->team[0].label, "P2 Innovation diffusion");
    assert_int_equal(a->dialog, APP_DLG_SCOREBOARD);
    assert_false(app_dirty(a)); /* the scenario on screen did not change */
    gui_destroy(g);
}

static void test_presentation_frame_at_a_projector(void **state)
{
    (void)state;
    gui *g = open_window(1280, 720);
    assert_non_null(g);
    app *a = gui_app(g);
    assert_int_equal(app_show(a, "presentation"), 0);
    gui_frame(g);
    gui_frame(g);
    const app_layout *l = gui_layout(g);
    assert_int_equal(l->ngraphs, 1);
    assert_int_equal(l->left.w, 0);
    assert_true(l->graph[0].w > 1200);
    /* Large text: the scale the window holds is above 100 %. */
    assert_true(gui_ui(g)->scale > 1.1f);
    gui_destroy(g);
}

int main(void)
{
    /* The scoreboard lists the user's folder: one of the test's, not the home's. */
    char data[] = "/tmp/transim-board-data-XXXXXX";
    if (!mkdtemp(data))
        return 1;
    setenv("XDG_DATA_HOME", data, 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_export_button_writes_csv_and_png_of_the_table),
        cmocka_unit_test(test_a_file_dropped_on_the_scoreboard_joins_the_teams),
        cmocka_unit_test(test_presentation_frame_at_a_projector),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    return system(cmd) == 0 ? failed : 1;
}
