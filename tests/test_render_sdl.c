/* test_render_sdl.c: the window drawn for real with SDL's dummy video driver
 * and the software renderer, pixels read back: colours where the layout
 * puts them, text drawn, a PNG screenshot; and the end-to-end test: a mouse
 * drag injected with SDL_PushEvent on a lever's slider changes the lever's
 * value, the model run and the plotted series. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

#include "render/app_ui.h"
#include "render/chart.h"
#include "render/draw.h"
#include "render/gui.h"
#include "render/recovery.h"

typedef struct fixture {
    gui *g;
    int lever; /* V_ id of a lever with a cost */
    int spend; /* V_ id of spend_total */
} fixture;

static int setup(void **state)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_RENDER_DRIVER", "software", 0);
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    gui_opts o = {.width = 1280, .height = 800, .hidden = 1};
    char msg[1400];
    f->g = gui_create(&o, msg, sizeof msg);
    if (!f->g) {
        fprintf(stderr, "gui_create: %s\n", msg);
        free(f);
        return -1;
    }
    f->lever = -1;
    for (int i = 0; i < LEVER_COUNT && f->lever < 0; i++)
        if (var_table[var_lever_ids[i]].cost > 0)
            f->lever = var_lever_ids[i];
    f->spend = var_find("spend_total");
    /* Show spending in the first graph: it moves with any lever that costs. */
    app *a = gui_app(f->g);
    for (int j = 0; j < a->nind; j++)
        if (a->ind[j] == f->spend)
            a->graph_sel[0] = j;
    gui_frame(f->g);
    gui_frame(f->g);
    *state = f;
    return f->lever >= 0 && f->spend >= 0 ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    gui_destroy(f->g);
    free(f);
    return 0;
}

/* Pixel (x, y) of an RGBA buffer of width w. */
static const unsigned char *pixel(const unsigned char *px, int w, int x, int y)
{
    return px + 4 * ((size_t)y * (size_t)w + (size_t)x);
}

static int same_rgb(const unsigned char *p, ui_color c, int tol)
{
    return abs(p[0] - c.r) <= tol && abs(p[1] - c.g) <= tol && abs(p[2] - c.b) <= tol;
}

/* Pixels of colour c (within tol) inside r of the last frame. */
static int count_color(gui *g, ui_rect r, ui_color c, int tol)
{
    int w, h;
    unsigned char *px = gui_read_pixels(g, r, &w, &h);
    assert_non_null(px);
    int n = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            n += same_rgb(pixel(px, w, x, y), c, tol);
    free(px);
    return n;
}

static void test_background_and_panels_have_their_colours(void **state)
{
    fixture *f = *state;
    const app_layout *l = gui_layout(f->g);
    ui_ctx *ui = gui_ui(f->g);
    int w, h;
    unsigned char *px = gui_read_pixels(f->g, ui_rect_make(0, 0, 0, 0), &w, &h);
    assert_non_null(px);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 800);
    /* The gap between the two top graphs shows the window background. */
    int gx = l->graph[0].x + l->graph[0].w + 2, gy = l->graph[0].y + l->graph[0].h / 2;
    assert_true(same_rgb(pixel(px, w, gx, gy), ui->colors[UI_COL_BG], 0));
    /* The bottom-left corner of the panel, below the budget card. */
    assert_true(same_rgb(pixel(px, w, 2, l->left.y + l->left.h - 3), ui->colors[UI_COL_PANEL], 0));
    /* A graph card is white inside its border. */
    assert_true(same_rgb(pixel(px, w, l->graph[1].x + 3, l->graph[1].y + l->graph[1].h - 3),
                         ui->colors[UI_COL_CARD], 0));
    free(px);
}

static void test_text_is_drawn_in_the_toolbar(void **state)
{
    fixture *f = *state;
    const app_layout *l = gui_layout(f->g);
    ui_ctx *ui = gui_ui(f->g);
    /* Anti-aliased glyphs: count near-text pixels over the toolbar. */
    assert_true(count_color(f->g, l->toolbar, ui->colors[UI_COL_TEXT], 40) > 100);
}

static void test_scenario_line_is_drawn_in_its_colour(void **state)
{
    fixture *f = *state;
    const app_layout *l = gui_layout(f->g);
    assert_true(count_color(f->g, l->graph[0], chart_palette[5], 10) > 100);
}

/* The current scenario's line in the first graph: its polyline command. */
static int scenario_points(gui *g, ui_point *out, int cap)
{
    const ui_ctx *ui = gui_ui(g);
    const app_layout *l = gui_layout(g);
    for (int i = 0; i < ui->ncmd; i++) {
        const ui_cmd *c = &ui->cmd[i];
        if (c->type == UI_CMD_POLYLINE && c->npoints > 10 &&
            memcmp(&c->color, &chart_palette[5], sizeof c->color) == 0 &&
            ui_rect_contains(l->graph[0], (int)ui->point[c->points].x, (int)ui->point[c->points].y)) {
            int n = c->npoints < cap ? c->npoints : cap;
            memcpy(out, ui->point + c->points, (size_t)n * sizeof *out);
            return n;
        }
    }
    return 0;
}

static void push_mouse(int type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = (Uint32)type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void test_dragging_a_slider_changes_lever_run_and_plot(void **state)
{
    fixture *f = *state;
    app *a = gui_app(f->g);
    ui_rect r = app_slider_rect(a, f->lever);
    assert_true(r.w > 0);
    double v0 = a->sc.value[f->lever];
    double s0 = run_value(&a->cur, a->cur.rows - 1, f->spend);
    long runs0 = a->runs;
    ui_point before[64], after[64];
    int n0 = scenario_points(f->g, before, 64);
    assert_true(n0 > 10);
    ui_color line = chart_palette[5];
    ui_rect top_half = gui_layout(f->g)->graph[0];
    top_half.h /= 2;
    int blue0 = count_color(f->g, top_half, line, 10);

    /* Press at the slider's current value, drag right in steps, release. */
    int y = r.y + r.h / 2;
    int x = ui_slider_x_of(ui_rect_make(r.x + 8, r.y, r.w - 16, r.h), v0, var_table[f->lever].min,
                           var_table[f->lever].max);
    push_mouse(SDL_MOUSEMOTION, x, y);
    gui_frame(f->g);
    push_mouse(SDL_MOUSEBUTTONDOWN, x, y);
    gui_frame(f->g);
    for (int k = 1; k <= 10; k++) {
        push_mouse(SDL_MOUSEMOTION, x + k * (r.x + r.w - x) / 10, y + k); /* a hand drifts a little */
        gui_frame(f->g);
    }
    push_mouse(SDL_MOUSEBUTTONUP, r.x + r.w, y + 10);
    gui_frame(f->g);
    gui_frame(f->g);

    assert_true(a->sc.value[f->lever] > v0);
    assert_true(a->sc.value[f->lever] == var_table[f->lever].max);
    assert_true(a->runs > runs0);
    assert_true(run_value(&a->cur, a->cur.rows - 1, f->spend) > s0);
    int n1 = scenario_points(f->g, after, 64);
    assert_int_equal(n1, n0);
    int moved = 0;
    for (int i = 0; i < n0; i++)
        moved += fabsf(after[i].y - before[i].y) > 1.0f;
    assert_true(moved > n0 / 2);
    assert_true(count_color(f->g, top_half, line, 10) > blue0);
    /* The whole drag is one undo step. */
    assert_int_equal(a->nundo, 1);
}

/* Frames drawn in part (only what changed) give the same pixels as the
 * frame drawn whole; a frame that changes nothing redraws nothing. */
static void test_frames_drawn_in_part_equal_the_whole_frame(void **state)
{
    fixture *f = *state;
    app *a = gui_app(f->g);
    a->bands = 1;
    ui_rect r = app_slider_rect(a, f->lever);
    int y = r.y + r.h / 2;
    push_mouse(SDL_MOUSEMOTION, r.x + 10, y);
    gui_frame(f->g);
    push_mouse(SDL_MOUSEBUTTONDOWN, r.x + 10, y);
    gui_frame(f->g);
    for (int k = 1; k <= 8; k++) {
        push_mouse(SDL_MOUSEMOTION, r.x + 10 + k * (r.w - 20) / 8, y);
        gui_frame(f->g);
    }
    push_mouse(SDL_MOUSEBUTTONUP, r.x + r.w - 10, y);
    gui_frame(f->g);
    ui_rect g0 = gui_layout(f->g)->graph[0];
    push_mouse(SDL_MOUSEMOTION, g0.x + g0.w / 2, g0.y + g0.h / 2); /* a hover read-out */
    /* Once the read-out and the bands have settled, a frame changes nothing. */
    assert_int_equal(app_bands_wait(a), SIM_OK);
    for (int k = 0; k < 20 && (k < 2 || gui_redrawn(f->g) != 0); k++)
        gui_frame(f->g);
    assert_int_equal(gui_redrawn(f->g), 0);
    int w1, h1, w2, h2;
    unsigned char *part = gui_read_pixels(f->g, ui_rect_make(0, 0, 0, 0), &w1, &h1);
    gui_redraw_all(f->g);
    gui_frame(f->g);
    assert_int_equal(gui_redrawn(f->g), 1);
    unsigned char *whole = gui_read_pixels(f->g, ui_rect_make(0, 0, 0, 0), &w2, &h2);
    assert_non_null(part);
    assert_non_null(whole);
    assert_int_equal(w1, w2);
    assert_int_equal(h1, h2);
    long differ = 0;
    for (size_t i = 0; i < (size_t)w1 * (size_t)h1 * 4; i++)
        differ += part[i] != whole[i];
    assert_int_equal(differ, 0);
    free(part);
    free(whole);
}

static void click(gui *g, int x, int y)
{
    push_mouse(SDL_MOUSEMOTION, x, y);
    push_mouse(SDL_MOUSEBUTTONDOWN, x, y);
    gui_frame(g);
    push_mouse(SDL_MOUSEBUTTONUP, x, y);
    gui_frame(g);
    gui_frame(g);
}

static void test_choosing_an_indicator_from_a_graphs_list_redraws_it(void **state)
{
    fixture *f = *state;
    app *a = gui_app(f->g);
    const app_layout *l = gui_layout(f->g);
    ui_rect gr = l->graph[1];
    int before = a->graph_sel[1];
    click(f->g, gr.x + gr.w / 2, gr.y + 20); /* the chooser at the top of the card */
    ui_ctx *ui = gui_ui(f->g);
    assert_int_not_equal(ui->popup, 0);
    ui_rect pr = ui->popup_rect;
    /* Choose the row below the current one (or above, at the end). */
    int row = before + 1 < a->nind ? 1 : -1;
    int first = ui->popup_scroll;
    int target = before + row;
    int y = pr.y + (target - first) * ui_px(ui, 26) + ui_px(ui, 13); /* rows of 26 px */
    click(f->g, pr.x + 20, y);
    assert_int_equal(ui->popup, 0);
    assert_int_equal(a->graph_sel[1], target);
    /* The card's chooser now reads the new indicator's label. */
    const char *label = app_label(a, a->ind[target]);
    int found = 0;
    for (int i = 0; i < ui->ncmd; i++)
        if (ui->cmd[i].type == UI_CMD_TEXT && ui_rect_contains(gr, ui->cmd[i].rect.x, ui->cmd[i].rect.y) &&
            strncmp(ui->text + ui->cmd[i].text, label, 10) == 0)
            found = 1;
    assert_true(found);
}

static void test_keyboard_tab_and_arrows_adjust_a_lever(void **state)
{
    fixture *f = *state;
    app *a = gui_app(f->g);
    int first = var_lever_ids[0];
    double v0 = a->sc.value[first];
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    /* Tab moves to the first control (the Levers tab), then on. */
    int tabs = 0;
    while (gui_ui(f->g)->focus != app_slider_id(0, first) && tabs < 20) {
        e.key.keysym.sym = SDLK_TAB;
        SDL_PushEvent(&e);
        gui_frame(f->g);
        tabs++;
    }
    assert_int_equal(gui_ui(f->g)->focus, app_slider_id(0, first));
    e.key.keysym.sym = SDLK_RIGHT;
    SDL_PushEvent(&e);
    gui_frame(f->g);
    assert_true(a->sc.value[first] > v0);
    /* Ctrl+Z undoes it. */
    e.key.keysym.sym = SDLK_z;
    e.key.keysym.mod = KMOD_LCTRL;
    SDL_PushEvent(&e);
    gui_frame(f->g);
    assert_true(a->sc.value[first] == v0);
}

static void test_screenshot_writes_a_png_of_the_window_size(void **state)
{
    fixture *f = *state;
    char path[] = "/tmp/transim-shot-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char msg[1200];
    assert_true(gui_screenshot(f->g, path, ui_rect_make(0, 0, 0, 0), msg, sizeof msg));
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    unsigned char head[24];
    assert_int_equal(fread(head, 1, sizeof head, fp), sizeof head);
    fclose(fp);
    remove(path);
    assert_memory_equal(head, "\x89PNG\r\n\x1a\n", 8);
    assert_memory_equal(head + 12, "IHDR", 4);
    unsigned w = (unsigned)head[16] << 24 | (unsigned)head[17] << 16 | (unsigned)head[18] << 8 | head[19];
    unsigned h = (unsigned)head[20] << 24 | (unsigned)head[21] << 16 | (unsigned)head[22] << 8 | head[23];
    assert_int_equal(w, 1280);
    assert_int_equal(h, 800);
}

static void test_screenshot_to_an_unwritable_place_says_so(void **state)
{
    fixture *f = *state;
    char msg[1200] = "";
    assert_false(gui_screenshot(f->g, "/nonexistent-dir/x.png", ui_rect_make(0, 0, 0, 0), msg,
                                sizeof msg));
    assert_non_null(strstr(msg, "/nonexistent-dir/x.png"));
}

static void test_resizing_the_window_relays_everything_out(void **state)
{
    fixture *f = *state;
    SDL_Window *win = SDL_GetWindowFromID(gui_window_id(f->g));
    assert_non_null(win);
    SDL_SetWindowSize(win, 1100, 650);
    gui_frame(f->g);
    gui_frame(f->g);
    const app_layout *l = gui_layout(f->g);
    assert_int_equal(gui_ui(f->g)->width, 1100);
    assert_int_equal(gui_ui(f->g)->height, 650);
    assert_true(l->status.y + l->status.h <= 650);
    assert_true(l->graphs.x + l->graphs.w <= 1100);
    /* Smaller than the usable minimum: the window stays at it, and every
     * graph keeps a readable size. */
    SDL_SetWindowSize(win, 640, 420);
    gui_frame(f->g);
    gui_frame(f->g);
    assert_int_equal(gui_ui(f->g)->width, GUI_MIN_W);
    assert_int_equal(gui_ui(f->g)->height, GUI_MIN_H);
    for (int k = 0; k < gui_app(f->g)->ngraphs; k++)
        if (l->graph[k].w > 0)
            assert_true(l->graph[k].h >= LAYOUT_GRAPH_MIN_H);
}

static void test_export_writes_the_graphs_png_and_their_csv(void **state)
{
    fixture *f = *state;
    app *a = gui_app(f->g);
    char dir[] = "/tmp/transim-export-XXXXXX";
    assert_non_null(mkdtemp(dir));
    app_command(a, APP_CMD_EXPORT);
    gui_frame(f->g);
    snprintf(a->entry, sizeof a->entry, "%s/report", dir);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = SDLK_RETURN; /* the name field has the focus */
    SDL_PushEvent(&e);
    gui_frame(f->g);
    gui_frame(f->g);
    assert_int_equal(a->dialog, APP_DLG_NONE);
    assert_false(a->status_error);
    char png[128], csv[128];
    snprintf(png, sizeof png, "%s/report.png", dir);
    snprintf(csv, sizeof csv, "%s/report.csv", dir);
    FILE *fp = fopen(png, "rb");
    assert_non_null(fp);
    unsigned char h[24];
    assert_int_equal(fread(h, 1, sizeof h, fp), sizeof h);
    fclose(fp);
    const app_layout *l = gui_layout(f->g);
    /* The graphs under a band with the title and provenance. */
    ui_rect er = app_export_rect(gui_ui(f->g), l);
    assert_true(er.h > l->graphs.h + 20 && er.y + er.h == l->graphs.y + l->graphs.h);
    assert_int_equal((h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19], l->graphs.w);
    assert_int_equal((h[20] << 24) | (h[21] << 16) | (h[22] << 8) | h[23], er.h);
    assert_int_equal(access(csv, R_OK), 0);
    remove(png);
    remove(csv);
    rmdir(dir);
}

static void test_an_unsaved_change_is_kept_in_the_recovery_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/transim-autosave-XXXXXX";
    assert_non_null(mkdtemp(dir));
    gui_opts o = {.width = 800, .height = 600, .hidden = 1, .recovery_dir = dir};
    char msg[1400];
    gui *g = gui_create(&o, msg, sizeof msg);
    assert_non_null(g);
    gui_frame(g);
    char path[1200];
    snprintf(path, sizeof path, "%s", gui_recovery(g)->path);
    assert_non_null(strstr(path, dir));
    assert_int_not_equal(access(path, R_OK), 0); /* nothing to keep yet */
    app *a = gui_app(g);
    int lever = var_lever_ids[0];
    app_set_value(a, lever, var_table[lever].max, 0);
    gui_frame(g);
    scenario sc;
    scenario_init(&sc);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(scenario_load(&sc, path, &err), SIM_OK);
    assert_true(sc.value[lever] == var_table[lever].max);
    gui_destroy(g); /* a clean exit removes the session's copy */
    assert_int_not_equal(access(path, F_OK), 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* A file named at start that does not read, in Swedish: the window says it
 * in Swedish with file and line, the terminal (msg) in English. */
static void test_a_bad_file_at_start_is_swedish_in_the_window_and_english_in_the_terminal(void **state)
{
    (void)state;
    char path[] = "/tmp/transim-bad-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "[scenario]\nname = bad\n\n[levers]\nadult_trainng_places = 1\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    gui_opts o = {.width = 800, .height = 600, .hidden = 1, .recovery_dir = "", .swedish = 1,
                  .scenario = path};
    char msg[1400];
    gui *g = gui_create(&o, msg, sizeof msg);
    assert_non_null(g);
    if (!strstr(msg, ":5: unknown lever 'adult_trainng_places'"))
        fail_msg("the terminal is not told in English with the line: %s", msg);
    app *a = gui_app(g);
    if (!strstr(a->status, ":5: ok\xC3\xA4nt styrmedel 'adult_trainng_places'"))
        fail_msg("the window does not say it in Swedish with the line: %s", a->status);
    gui_destroy(g);
    unlink(path);
}

static void test_a_file_dropped_on_the_compare_dialog_is_compared(void **state)
{
    fixture *f = *state;
    app *a = gui_app(f->g);
    char path[] = "/tmp/transim-drop-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_save(a, path, &err), SIM_OK);
    app_command(a, APP_CMD_COMPARE);
    gui_frame(f->g);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_DROPFILE;
    e.drop.file = SDL_strdup(path); /* freed by the window, as SDL's own drops */
    SDL_PushEvent(&e);
    gui_frame(f->g);
    assert_int_equal(a->ncompare, 1);
    assert_int_equal(a->dialog, APP_DLG_COMPARE);
    /* Dropped with no dialog open, a file opens instead. */
    a->dialog = APP_DLG_NONE;
    a->path[0] = '\0';
    e.drop.file = SDL_strdup(path);
    SDL_PushEvent(&e);
    gui_frame(f->g);
    assert_string_equal(a->path, path);
    remove(path);
}

static void test_font_is_found_and_a_missing_one_is_reported(void **state)
{
    (void)state;
    char path[1024];
    assert_true(draw_find_font(path, sizeof path, "DejaVuSans.ttf"));
    assert_non_null(strstr(path, "DejaVuSans.ttf"));
    assert_false(draw_find_font(path, sizeof path, "NoSuchFont-Regular.ttf"));
    /* A directory named by TRANSIM_FONT_DIR comes first. */
    setenv("TRANSIM_FONT_DIR", "/usr/share/fonts/truetype/dejavu", 1);
    assert_true(draw_find_font(path, sizeof path, "DejaVuSans-Bold.ttf"));
    assert_string_equal(path, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    unsetenv("TRANSIM_FONT_DIR");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_background_and_panels_have_their_colours),
        T(test_text_is_drawn_in_the_toolbar),
        T(test_scenario_line_is_drawn_in_its_colour),
        T(test_dragging_a_slider_changes_lever_run_and_plot),
        T(test_frames_drawn_in_part_equal_the_whole_frame),
        T(test_choosing_an_indicator_from_a_graphs_list_redraws_it),
        T(test_keyboard_tab_and_arrows_adjust_a_lever),
        T(test_screenshot_writes_a_png_of_the_window_size),
        T(test_screenshot_to_an_unwritable_place_says_so),
        T(test_resizing_the_window_relays_everything_out),
        T(test_export_writes_the_graphs_png_and_their_csv),
        T(test_a_file_dropped_on_the_compare_dialog_is_compared),
        cmocka_unit_test(test_an_unsaved_change_is_kept_in_the_recovery_file),
        cmocka_unit_test(test_a_bad_file_at_start_is_swedish_in_the_window_and_english_in_the_terminal),
        cmocka_unit_test(test_font_is_found_and_a_missing_one_is_reported),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
