/* test_render_app.c: the simulator's state and screen without a display:
 * every change re-runs the model, undo/redo and resets, unsaved changes,
 * open/save round trips, comparisons, CSV export, the language switch, the
 * budget meter and the lever detail view. Everything is found through the
 * model table, as the front end does. Text is measured by a stand-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/app.h"
#include "sim/model/model.h"
#include "render/app_ui.h"
#include "render/strings.h"
#include "tests/render_test_util.h"
#include "sim/studies/sample.h"

/* Every character 7 px wide, every line 15 px high. */
static const test_font font = {7, 15};

typedef struct fixture {
    app *a;
    ui_ctx *ctx;
    app_layout l;
    char dir[64];
    int lever; /* V_ id of a lever with a cost, and room above its baseline */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    sim_error err;
    sim_error_clear(&err);
    f->a = app_create(&err);
    f->ctx = malloc(sizeof *f->ctx);
    if (!f->a || !f->ctx)
        return -1;
    test_ui_init(f->ctx, &font);
    f->ctx->width = 1440;
    f->ctx->height = 900;
    snprintf(f->dir, sizeof f->dir, "%s", "/tmp/transim-render-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    /* The user's folders, so that nothing lands in the real home. */
    char sub[128];
    snprintf(sub, sizeof sub, "%s/data", f->dir);
    setenv("XDG_DATA_HOME", sub, 1);
    snprintf(sub, sizeof sub, "%s/state", f->dir);
    setenv("XDG_STATE_HOME", sub, 1);
    f->lever = -1;
    for (int i = 0; i < LEVER_COUNT && f->lever < 0; i++) {
        const var_desc *d = &var_table[var_lever_ids[i]];
        if (d->cost > 0 && d->max > d->value)
            f->lever = var_lever_ids[i];
    }
    *state = f;
    return f->lever >= 0 ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", f->dir);
    app_destroy(f->a);
    free(f->ctx);
    free(f);
    return 0;
}

static void frame(fixture *f)
{
    f->ctx->scale = f->a->zoom;
    app_frame(f->a, f->ctx, &f->l);
}

/* 1 when some text command of the last frame reads s. */
static int shows_text(const ui_ctx *ctx, const char *s)
{
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && strcmp(ctx->text + ctx->cmd[i].text, s) == 0)
            return 1;
    return 0;
}

/* 1 when some text command starts like s (long labels may be shortened
 * with an ellipsis to fit). */
static int shows_start_of(const ui_ctx *ctx, const char *s)
{
    size_t n = strlen(s) < 12 ? strlen(s) : 12;
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && strncmp(ctx->text + ctx->cmd[i].text, s, n) == 0)
            return 1;
    return 0;
}

/* The overlay's text of the last frame, each piece followed by a space
 * (wrapped lines join again as they were written). */
static void overlay_text(const ui_ctx *ctx, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && ctx->cmd[i].layer == 1) {
            strncat(buf, ctx->text + ctx->cmd[i].text, n - strlen(buf) - 1);
            strncat(buf, " ", n - strlen(buf) - 1);
        }
}

static void assert_near_rel(double a, double b)
{
    if (fabs(a - b) > 1e-9 * fmax(1.0, fabs(b)))
        fail_msg("%.12g differs from %.12g", a, b);
}

static double at_end(const run_result *r, int var)
{
    return run_value(r, r->rows - 1, var);
}

static void test_baseline_runs_at_start_and_matches_the_baseline(void **state)
{
    fixture *f = *state;
    assert_true(f->a->cur.rows >= 31);
    assert_int_equal(f->a->cur.rows, f->a->base.rows);
    assert_memory_equal(f->a->cur.v, f->a->base.v, f->a->cur.rows * VAR_COUNT * sizeof(double));
    assert_false(app_dirty(f->a));
}

static void test_changing_a_lever_reruns_the_model(void **state)
{
    fixture *f = *state;
    int spend = var_find("spend_total");
    assert_true(spend >= 0);
    long runs = f->a->runs;
    const var_desc *d = &var_table[f->lever];
    app_set_value(f->a, f->lever, d->value + (d->max - d->value) / 2, 0);
    assert_int_equal(f->a->runs, runs + 1);
    assert_true(at_end(&f->a->cur, spend) > 0);
    assert_true(at_end(&f->a->base, spend) == 0);
    assert_true(app_dirty(f->a));
    /* Setting the same value again does not run. */
    app_set_value(f->a, f->lever, f->a->sc.value[f->lever], 0);
    assert_int_equal(f->a->runs, runs + 1);
}

static void test_values_are_clamped_to_the_table_range(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    app_set_value(f->a, f->lever, d->max * 10 + 1, 0);
    assert_true(f->a->sc.value[f->lever] == d->max);
    app_set_value(f->a, f->lever, d->min - 1e6, 0);
    assert_true(f->a->sc.value[f->lever] == d->min);
    app_set_start(f->a, f->lever, 1900, 0);
    assert_true(f->a->sc.lever_start[f->lever] == f->a->sc.start);
    app_set_ramp(f->a, f->lever, -4, 0);
    assert_true(f->a->sc.lever_ramp[f->lever] == 0);
}

static void test_one_drag_is_one_undo_step(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    double base = f->a->sc.value[f->lever];
    for (int i = 1; i <= 5; i++)
        app_set_value(f->a, f->lever, d->value + (d->max - d->value) * i / 10, 42);
    assert_int_equal(f->a->nundo, 1);
    assert_true(app_undo(f->a));
    assert_true(f->a->sc.value[f->lever] == base);
    assert_false(app_dirty(f->a));
    assert_true(app_redo(f->a));
    assert_true(f->a->sc.value[f->lever] == d->value + (d->max - d->value) * 5 / 10);
    assert_false(app_redo(f->a));
}

static void test_a_new_change_clears_redo(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    app_set_value(f->a, f->lever, d->max, 0);
    app_undo(f->a);
    assert_int_equal(f->a->nredo, 1);
    app_set_value(f->a, f->lever, d->min, 0);
    assert_int_equal(f->a->nredo, 0);
    assert_false(app_redo(f->a));
}

static void test_undo_restores_the_run_as_well(void **state)
{
    fixture *f = *state;
    int spend = var_find("spend_total");
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    assert_true(at_end(&f->a->cur, spend) > 0);
    app_undo(f->a);
    assert_true(at_end(&f->a->cur, spend) == at_end(&f->a->base, spend));
}

static void test_reset_one_lever_and_all(void **state)
{
    fixture *f = *state;
    int other = f->lever == var_lever_ids[0] ? var_lever_ids[1] : var_lever_ids[0];
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_set_value(f->a, other, var_table[other].max, 0);
    app_set_start(f->a, f->lever, 2030, 0);
    app_reset_var(f->a, f->lever);
    assert_true(f->a->sc.value[f->lever] == var_table[f->lever].value);
    assert_true(f->a->sc.lever_start[f->lever] == f->a->sc.start);
    assert_true(f->a->sc.value[other] == var_table[other].max);
    app_reset_all(f->a);
    assert_true(f->a->sc.value[other] == var_table[other].value);
    assert_false(app_dirty(f->a));
    /* Both resets can be undone. */
    app_undo(f->a);
    assert_true(f->a->sc.value[other] == var_table[other].max);
}

static void test_saved_scenario_reloads_and_reruns_to_the_same_values(void **state)
{
    fixture *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/team.ini", f->dir);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_set_start(f->a, f->lever, 2025, 0);
    app_set_ramp(f->a, f->lever, 3, 0);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_save(f->a, path, &err), SIM_OK);
    assert_false(app_dirty(f->a));
    assert_string_equal(f->a->path, path);

    sim_error_clear(&err);
    app *b = app_create(&err);
    assert_non_null(b);
    assert_int_equal(app_open(b, path, &err), SIM_OK);
    assert_true(b->sc.value[f->lever] == f->a->sc.value[f->lever]);
    assert_true(b->sc.lever_start[f->lever] == 2025);
    assert_true(b->sc.lever_ramp[f->lever] == 3);
    assert_int_equal(b->cur.rows, f->a->cur.rows);
    assert_memory_equal(b->cur.v, f->a->cur.v, b->cur.rows * VAR_COUNT * sizeof(double));
    app_destroy(b);
}

/* Reads the CSV at path into lines (at most cap, each at most 4096 bytes);
 * returns how many. */
static int read_lines(const char *path, char lines[][4096], int cap)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    int n = 0;
    while (n < cap && fgets(lines[n], 4096, fp))
        n++;
    fclose(fp);
    return n;
}

static void test_transim_run_of_a_saved_scenario_gives_the_values_shown(void **state)
{
    fixture *f = *state;
    static char gui_csv[64][4096], cli_csv[64][4096];
    char path[128], out_gui[128], out_cli[128], cmd[1024];
    snprintf(path, sizeof path, "%s/shown.ini", f->dir);
    snprintf(out_gui, sizeof out_gui, "%s/gui.csv", f->dir);
    snprintf(out_cli, sizeof out_cli, "%s/cli.csv", f->dir);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_set_start(f->a, f->lever, 2024, 0);
    app_set_ramp(f->a, f->lever, 2.5, 0);
    f->a->ngraphs = 1;
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_save(f->a, path, &err), SIM_OK);
    assert_int_equal(app_export_csv(f->a, out_gui, &err), SIM_OK);
    int var = f->a->ind[f->a->graph_sel[0]];
    snprintf(cmd, sizeof cmd, "'%s/transim' run '%s' --vars %s --no-header -o '%s'",
             TRANSIM_BINARY_DIR, path, var_table[var].name, out_cli);
    assert_int_equal(system(cmd), 0);
    int ng = read_lines(out_gui, gui_csv, 64), nc = read_lines(out_cli, cli_csv, 64);
    /* The export opens with '#' lines of title and provenance. */
    int skip = 0;
    while (skip < ng && gui_csv[skip][0] == '#')
        skip++;
    assert_true(skip >= 4);
    assert_int_equal(ng - skip, nc);
    assert_true(nc > 30);
    /* Row by row: the same year, and the scenario's column is transim run's
     * value in the unit shown (var_display), to its ten digits. */
    for (int i = 1; i < nc; i++) {
        char *g_year = strtok(gui_csv[skip + i], ",");
        char *g_val = strtok(NULL, ",\n");
        char *c_year = strtok(cli_csv[i], ",");
        char *c_val = strtok(NULL, ",\n");
        assert_non_null(g_val);
        assert_non_null(c_val);
        assert_string_equal(g_year, c_year);
        double shown = var_display(&var_table[var], strtod(c_val, NULL));
        if (fabs(strtod(g_val, NULL) - shown) > 1e-9 * fmax(1.0, fabs(shown)))
            fail_msg("%s: exported %s, transim run %s (shown as %.10g)", g_year, g_val, c_val, shown);
    }
}

static void test_an_unreadable_file_changes_nothing_and_says_why(void **state)
{
    fixture *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/bad.ini", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("[levers]\nno_such_lever = 3\n", fp);
    fclose(fp);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    double before = f->a->sc.value[f->lever];
    sim_error err;
    sim_error_clear(&err);
    assert_int_not_equal(app_open(f->a, path, &err), SIM_OK);
    assert_non_null(strstr(err.msg, "no_such_lever"));
    assert_true(f->a->sc.value[f->lever] == before);
    assert_true(app_dirty(f->a));
    /* Through the interface the message lands in the status line. */
    app_request_open(f->a, path);
    assert_int_equal(f->a->dialog, APP_DLG_CONFIRM); /* unsaved changes come first */
    f->a->dialog = APP_DLG_NONE;
    f->a->clean = f->a->sc;
    app_request_open(f->a, path);
    assert_true(f->a->status_error);
    assert_non_null(strstr(f->a->status, "no_such_lever"));
}

static void test_save_dialog_names_a_changed_baseline_after_its_file(void **state)
{
    fixture *f = *state;
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_SAVE); /* not saved yet: asks for a file */
    assert_int_equal(f->a->dialog, APP_DLG_SAVE);
    assert_string_equal(f->a->entry_name, "");
    frame(f);
    snprintf(f->a->entry, sizeof f->a->entry, "%s/team-north.ini", f->dir);
    ui_input_key(f->ctx, UI_KEY_RETURN, 0); /* the file field has the focus */
    frame(f);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_string_equal(f->a->sc.name, "team-north");
    assert_false(app_dirty(f->a));
    char path[128];
    snprintf(path, sizeof path, "%s/team-north.ini", f->dir);
    assert_int_equal(access(path, R_OK), 0);
    /* Saving again goes to the same file without a dialog. */
    app_set_value(f->a, f->lever, var_table[f->lever].min, 0);
    app_command(f->a, APP_CMD_SAVE);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_false(app_dirty(f->a));
}

/* Writes text to path. */
static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* The contents of path (at most n - 1 bytes) into buf. */
static const char *read_file(const char *path, char *buf, size_t n)
{
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    size_t got = fread(buf, 1, n - 1, fp);
    buf[got] = '\0';
    fclose(fp);
    return buf;
}

static void key(fixture *f, unsigned k)
{
    ui_input_key(f->ctx, k, 0);
    frame(f);
}

static void test_save_as_over_another_file_asks_first_and_return_cancels(void **state)
{
    fixture *f = *state;
    char other[128], buf[256];
    snprintf(other, sizeof other, "%s/theirs.ini", f->dir);
    write_file(other, "[scenario]\nname = Theirs\n");
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_SAVE_AS);
    frame(f);
    snprintf(f->a->entry, sizeof f->a->entry, "%s", other);
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_OVERWRITE); /* asks */
    frame(f);
    key(f, UI_KEY_RETURN); /* Return is Cancel: back to Save as, nothing written */
    assert_int_equal(f->a->dialog, APP_DLG_SAVE);
    assert_string_equal(read_file(other, buf, sizeof buf), "[scenario]\nname = Theirs\n");
    assert_true(app_dirty(f->a));
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_OVERWRITE);
    frame(f);
    key(f, UI_KEY_ESCAPE); /* so is Escape */
    assert_int_equal(f->a->dialog, APP_DLG_SAVE);
    assert_string_equal(read_file(other, buf, sizeof buf), "[scenario]\nname = Theirs\n");
    key(f, UI_KEY_RETURN);
    frame(f);
    key(f, UI_KEY_TAB); /* from Cancel to Replace */
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_false(app_dirty(f->a));
    assert_string_equal(f->a->path, other);
}

/* The rectangle of the focused text field of the last frame (its frame is
 * drawn in the accent colour, 2 px). */
static ui_rect focused_field(const fixture *f)
{
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        ui_color ac = f->ctx->colors[UI_COL_ACCENT];
        if (c->type == UI_CMD_FRAME && c->layer == 1 && c->thickness == 2 && c->color.r == ac.r &&
            c->color.g == ac.g && c->color.b == ac.b)
            return c->rect;
    }
    fail_msg("no focused field");
    return ui_rect_make(0, 0, 0, 0);
}

static void click_at(fixture *f, int x, int y)
{
    ui_input_mouse_button(f->ctx, x, y, 1);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 0);
    frame(f);
}

/* The centre of the overlay text command that reads s; 0 when none. */
static int overlay_text_at(const ui_ctx *ctx, const char *s, int *x, int *y)
{
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && ctx->cmd[i].layer == 1 &&
            strcmp(ctx->text + ctx->cmd[i].text, s) == 0) {
            *x = ctx->cmd[i].rect.x + ctx->cmd[i].rect.w / 2;
            *y = ctx->cmd[i].rect.y + ctx->cmd[i].rect.h / 2;
            return 1;
        }
    return 0;
}

/* A file named at start that cannot be opened: the window stays on the
 * baseline, asks with the file and the error, writes nothing (the file is
 * not made, the scenario has no file of its own to save over); Return goes
 * on with the baseline, "Open another" lists that file's folder; a restore
 * question at the same start comes first. */
static void test_a_file_named_at_start_that_cannot_open_asks_and_writes_nothing(void **state)
{
    fixture *f = *state;
    char teams[128], missing[160], text[8192];
    snprintf(teams, sizeof teams, "%s/teams", f->dir);
    assert_int_equal(mkdir(teams, 0755), 0);
    snprintf(missing, sizeof missing, "%s/tem1.ini", teams);
    char path_before[1024];
    snprintf(path_before, sizeof path_before, "%s", f->a->path);
    assert_int_not_equal(app_open_at_start(f->a, missing), SIM_OK);
    assert_int_equal(f->a->dialog, APP_DLG_OPEN_FAILED);
    frame(f);
    overlay_text(f->ctx, text, sizeof text);
    if (!strstr(text, "tem1.ini") || !strstr(text, "Continue on the baseline") || !strstr(text, "Nothing has"))
        fail_msg("the question does not name the file, the way on, or that nothing was written: %s", text);
    assert_false(app_dirty(f->a));
    assert_string_equal(f->a->path, path_before);
    assert_int_not_equal(access(missing, F_OK), 0);
    key(f, UI_KEY_RETURN); /* the default: continue on the baseline */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_true(f->a->status_error);
    assert_non_null(strstr(f->a->status, "tem1.ini"));
    assert_int_not_equal(access(missing, F_OK), 0);

    /* Open another: the Open dialog, in the folder of the file asked for. */
    assert_int_not_equal(app_open_at_start(f->a, missing), SIM_OK);
    frame(f);
    int x = 0, y = 0;
    assert_true(overlay_text_at(f->ctx, "Open another\xE2\x80\xA6", &x, &y));
    click_at(f, x, y);
    assert_int_equal(f->a->dialog, APP_DLG_OPEN);
    assert_non_null(strstr(f->a->dir, "/teams"));
    f->a->dialog = APP_DLG_NONE;

    /* In Swedish; after a restore question asked at the same start. */
    f->a->swedish = 1;
    f->a->dialog = APP_DLG_RESTORE;
    assert_int_not_equal(app_open_at_start(f->a, missing), SIM_OK);
    assert_int_equal(f->a->dialog, APP_DLG_RESTORE);
    key(f, UI_KEY_ESCAPE); /* keeps the copy */
    frame(f);
    assert_int_equal(f->a->dialog, APP_DLG_OPEN_FAILED);
    frame(f);
    overlay_text(f->ctx, text, sizeof text);
    if (!strstr(text, "Forts\xC3\xA4tt med basen") || !strstr(text, "Inget har skrivits"))
        fail_msg("the question is not in Swedish: %s", text);
    key(f, UI_KEY_ESCAPE);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_int_not_equal(access(missing, F_OK), 0);
}

/* A malformed scenario named at start, in Swedish: the question gives the
 * library's message in Swedish with the file and line, and in English once
 * the language is switched; opening it from the window says the same in the
 * status line. */
static void test_a_malformed_scenario_at_start_is_explained_in_swedish(void **state)
{
    fixture *f = *state;
    char bad[160], text[8192];
    snprintf(bad, sizeof bad, "%s/bad.ini", f->dir);
    write_file(bad, "[scenario]\nname = bad\n\n[levers]\nadult_trainng_places = 1\n");
    f->a->swedish = 1;
    assert_int_not_equal(app_open_at_start(f->a, bad), SIM_OK);
    assert_int_equal(f->a->dialog, APP_DLG_OPEN_FAILED);
    frame(f);
    overlay_text(f->ctx, text, sizeof text);
    if (!strstr(text, "bad.ini:5: ok\xC3\xA4nt styrmedel 'adult_trainng_places' "
                      "(menade du 'adult_training_places'?)"))
        fail_msg("the question does not explain the file in Swedish with its line: %s", text);
    if (strstr(text, "unknown lever"))
        fail_msg("English in the Swedish question: %s", text);
    f->a->swedish = 0;
    frame(f);
    overlay_text(f->ctx, text, sizeof text);
    if (!strstr(text, "bad.ini:5: unknown lever 'adult_trainng_places'"))
        fail_msg("the question does not follow the language: %s", text);
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);

    f->a->swedish = 1;
    assert_int_not_equal(app_request_open(f->a, bad), SIM_OK);
    assert_true(f->a->status_error);
    assert_non_null(strstr(f->a->status, "bad.ini:5: ok\xC3\xA4nt styrmedel"));
}

/* A bundled scenarios folder in the fixture's directory, made the working
 * directory (./scenarios is the bundled folder): baseline.ini and one
 * scenario that inherits from it, and opens the baseline. The old working
 * directory goes into cwd (the test changes back to it). */
static void bundled_copy(fixture *f, char *cwd, size_t n, char *baseline, size_t bn)
{
    char dir[128], heir[160];
    assert_non_null(getcwd(cwd, n));
    snprintf(dir, sizeof dir, "%s/scenarios", f->dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(baseline, bn, "%s/baseline.ini", dir);
    write_file(baseline, "[scenario]\nname = Baseline\n");
    snprintf(heir, sizeof heir, "%s/p1.ini", dir);
    write_file(heir, "[scenario]\nname = P1\nbase = baseline.ini\n");
    assert_int_equal(chdir(f->dir), 0);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_open(f->a, "scenarios/baseline.ini", &err), SIM_OK);
}

static void test_clicking_the_name_field_saves_nothing(void **state)
{
    fixture *f = *state;
    char cwd[1024], baseline[160], buf[256];
    bundled_copy(f, cwd, sizeof cwd, baseline, sizeof baseline);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_SAVE_AS);
    frame(f);
    ui_rect r = focused_field(f);
    click_at(f, r.x + r.w / 2, r.y + r.h / 2);
    click_at(f, r.x + r.w / 2, r.y + r.h * 3); /* and the file field below it */
    assert_int_equal(f->a->dialog, APP_DLG_SAVE); /* still open: a click only focuses */
    assert_true(app_dirty(f->a));
    assert_string_equal(read_file(baseline, buf, sizeof buf), "[scenario]\nname = Baseline\n");
    assert_int_equal(chdir(cwd), 0);
}

static void test_save_as_proposes_a_new_file_in_the_users_folder(void **state)
{
    fixture *f = *state;
    char cwd[1024], baseline[160], buf[256], want[256];
    bundled_copy(f, cwd, sizeof cwd, baseline, sizeof baseline);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_SAVE_AS);
    frame(f);
    snprintf(want, sizeof want, "%s/data/transim/scenarios/my-scenario.ini", f->dir);
    assert_string_equal(f->a->entry, want); /* not the bundled file, and new */
    ui_input_text(f->ctx, "Team Bl\xC3\xA5"); /* the name field has the focus */
    frame(f);
    snprintf(want, sizeof want, "%s/data/transim/scenarios/team-bla.ini", f->dir);
    assert_string_equal(f->a->entry, want); /* the file follows the name */
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_string_equal(f->a->path, want);
    assert_string_equal(f->a->sc.name, "Team Bl\xC3\xA5");
    assert_int_equal(access(want, R_OK), 0);
    assert_string_equal(read_file(baseline, buf, sizeof buf), "[scenario]\nname = Baseline\n");
    /* The next Save as proposes another new file, not this one. */
    app_command(f->a, APP_CMD_SAVE_AS);
    snprintf(want, sizeof want, "%s/data/transim/scenarios/team-bla-2.ini", f->dir);
    assert_string_equal(f->a->entry, want);
    assert_int_equal(chdir(cwd), 0);
}

static void test_ctrl_s_on_a_bundled_scenario_is_save_as(void **state)
{
    fixture *f = *state;
    char cwd[1024], baseline[160], buf[256];
    bundled_copy(f, cwd, sizeof cwd, baseline, sizeof baseline);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_SAVE);
    assert_int_equal(f->a->dialog, APP_DLG_SAVE);
    assert_null(strstr(f->a->entry, "/scenarios/baseline.ini"));
    /* Typing the bundled file's path by hand still asks, and says others build on it. */
    frame(f);
    snprintf(f->a->entry, sizeof f->a->entry, "%s", "scenarios/baseline.ini");
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_OVERWRITE);
    assert_int_equal(f->a->overwrite_heirs, 1);
    assert_string_equal(f->a->overwrite_heir, "p1.ini");
    assert_true(f->a->overwrite_bundled);
    frame(f);
    key(f, UI_KEY_RETURN);
    assert_string_equal(read_file(baseline, buf, sizeof buf), "[scenario]\nname = Baseline\n");
    assert_int_equal(chdir(cwd), 0);
}

/* A read-only file stays as its owner marked it: Ctrl+S opens Save as, and
 * Save as onto it is refused with the reason (the atomic rename would
 * replace it silently). */
static void test_a_read_only_file_is_never_replaced(void **state)
{
    fixture *f = *state;
    char mine[128], buf[256];
    snprintf(mine, sizeof mine, "%s/handout.ini", f->dir);
    write_file(mine, "[scenario]\nname = Handout\n");
    assert_int_equal(chmod(mine, 0444), 0);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_open(f->a, mine, &err), SIM_OK);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_SAVE);
    assert_int_equal(f->a->dialog, APP_DLG_SAVE);
    assert_non_null(strstr(f->a->status, "read-only"));
    frame(f);
    snprintf(f->a->entry, sizeof f->a->entry, "%s", mine);
    f->a->entry_auto = 0;
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_SAVE); /* refused, the dialog stays */
    assert_true(f->a->status_error);
    assert_non_null(strstr(f->a->status, "read-only"));
    assert_string_equal(read_file(mine, buf, sizeof buf), "[scenario]\nname = Handout\n");
    assert_true(app_dirty(f->a));
    assert_int_not_equal(app_save(f->a, mine, &err), SIM_OK);
    assert_string_equal(read_file(mine, buf, sizeof buf), "[scenario]\nname = Handout\n");
}

/* Export onto an existing NAME.csv or NAME.png asks; Cancel (Return) goes
 * back to the export dialog with nothing written, Replace writes. */
static void test_export_over_existing_files_asks_first(void **state)
{
    fixture *f = *state;
    char base[128], csv[160], png[160], buf[256];
    snprintf(base, sizeof base, "%s/graphs", f->dir);
    snprintf(csv, sizeof csv, "%s.csv", base);
    snprintf(png, sizeof png, "%s.png", base);
    write_file(png, "mine");
    app_command(f->a, APP_CMD_EXPORT);
    frame(f);
    snprintf(f->a->entry, sizeof f->a->entry, "%s.png", base); /* the suffix is dropped */
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_OVERWRITE);
    assert_string_equal(f->a->overwrite_path, png);
    assert_int_equal(f->a->overwrite_bundled, 0);
    frame(f);
    key(f, UI_KEY_RETURN); /* Cancel */
    assert_int_equal(f->a->dialog, APP_DLG_EXPORT);
    assert_false(f->a->export_requested);
    assert_int_not_equal(access(csv, F_OK), 0);
    assert_string_equal(read_file(png, buf, sizeof buf), "mine");
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_OVERWRITE);
    frame(f);
    key(f, UI_KEY_TAB); /* to Replace */
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_true(f->a->export_requested);
    assert_string_equal(f->a->export_base, base);
    assert_int_equal(access(csv, R_OK), 0);
}

static void test_ctrl_s_on_a_file_others_inherit_from_asks_first(void **state)
{
    fixture *f = *state;
    char mine[128], heir[128], buf[256];
    snprintf(mine, sizeof mine, "%s/mine.ini", f->dir);
    snprintf(heir, sizeof heir, "%s/team.ini", f->dir);
    write_file(mine, "[scenario]\nname = Mine\n");
    write_file(heir, "[scenario]\nname = Team\nbase = ./mine.ini ; ours\n");
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_open(f->a, mine, &err), SIM_OK);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_SAVE);
    assert_int_equal(f->a->dialog, APP_DLG_OVERWRITE);
    assert_int_equal(f->a->overwrite_heirs, 1);
    frame(f);
    key(f, UI_KEY_RETURN); /* Cancel */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_string_equal(read_file(mine, buf, sizeof buf), "[scenario]\nname = Mine\n");
    assert_true(app_dirty(f->a));
    app_command(f->a, APP_CMD_SAVE);
    frame(f);
    key(f, UI_KEY_TAB); /* to Replace */
    key(f, UI_KEY_RETURN);
    assert_false(app_dirty(f->a));
}

static void test_unsaved_question_return_and_escape_cancel(void **state)
{
    fixture *f = *state;
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_QUIT);
    frame(f);
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_false(f->a->want_quit);
    assert_true(app_dirty(f->a));
    assert_string_equal(f->a->path, ""); /* nothing saved */
    app_command(f->a, APP_CMD_QUIT);
    frame(f);
    key(f, UI_KEY_ESCAPE);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_false(f->a->want_quit);
    assert_int_equal(f->a->pending, APP_PENDING_NONE);
}

static void test_title_names_the_scenario_and_its_unsaved_mark(void **state)
{
    fixture *f = *state;
    char title[256];
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "Baseline \xE2\x80\x94 transim");
    snprintf(f->a->sc.name, sizeof f->a->sc.name, "%s", "Skills first");
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "\xE2\x80\xA2 Skills first \xE2\x80\x94 transim");
    f->a->clean = f->a->sc;
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "Skills first \xE2\x80\x94 transim");
    /* A file the name does not say is named too: that is where Save writes. */
    snprintf(f->a->path, sizeof f->a->path, "%s", "/some/where/p1.ini");
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "Skills first (p1.ini) \xE2\x80\x94 transim");
    snprintf(f->a->path, sizeof f->a->path, "%s", "/some/where/skills-first.ini");
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "Skills first \xE2\x80\x94 transim");
}

/* At 1280x720 in Swedish, no key-indicator card cuts its heading: a long one
 * wraps onto a second line. */
static void test_key_cards_are_not_cut_at_1280(void **state)
{
    fixture *f = *state;
    f->a->swedish = 1;
    f->ctx->width = 1280;
    f->ctx->height = 720;
    frame(f);
    ui_rect k = f->l.keys;
    assert_true(k.h > 0);
    int texts = 0;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type != UI_CMD_TEXT || c->rect.y < k.y || c->rect.y >= k.y + k.h)
            continue;
        texts++;
        const char *t = f->ctx->text + c->text;
        /* The page buttons' one-character arrows are three bytes, which the
         * fake font measures as three characters: those come out as a lone
         * ellipsis here and are not card text. */
        if (strcmp(t, "\xE2\x80\xA6") != 0 && strstr(t, "\xE2\x80\xA6") != NULL)
            fail_msg("a key card shows '%s', cut (at x %d, %d wide)", t, c->rect.x, c->rect.w);
    }
    assert_true(texts > 0);
    f->a->swedish = 0;
}

/* --graphs: the graphs show the indicators named, in order; a wrong name
 * changes nothing and says which. */
static void test_graphs_can_be_chosen_by_name(void **state)
{
    fixture *f = *state;
    char msg[200];
    assert_int_equal(app_set_graphs(f->a, "grp_vs_sweden,emissions_industry", msg, sizeof msg), 0);
    assert_int_equal(f->a->ind[f->a->graph_sel[0]], var_find("grp_vs_sweden"));
    assert_int_equal(f->a->ind[f->a->graph_sel[1]], var_find("emissions_industry"));
    int before[APP_GRAPHS_MAX];
    memcpy(before, f->a->graph_sel, sizeof before);
    assert_int_equal(app_set_graphs(f->a, "grp_vs_sweden,no_such_thing", msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "'no_such_thing'"));
    assert_memory_equal(before, f->a->graph_sel, sizeof before);
    assert_int_equal(app_set_graphs(f->a, "", msg, sizeof msg), -1);
    assert_int_equal(f->a->ngraphs, 4);
    assert_int_equal(app_set_graphs(f->a, "grp,grp,grp,grp,grp", msg, sizeof msg), 0);
    assert_int_equal(f->a->ngraphs, 6);
}

/* The bundled baseline's English name is shown in the window's language. */
static void test_baseline_name_is_translated(void **state)
{
    fixture *f = *state;
    char title[256];
    snprintf(f->a->sc.name, sizeof f->a->sc.name, "%s", "Baseline");
    f->a->clean = f->a->sc;
    f->a->swedish = 1;
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "Basscenario \xE2\x80\x94 transim");
    assert_string_equal(app_scenario_name(f->a, "Lag Siljan"), "Lag Siljan");
    f->a->swedish = 0;
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "Baseline \xE2\x80\x94 transim");
}

static void test_slug_and_proposed_names(void **state)
{
    fixture *f = *state;
    char buf[256], want[256];
    app_slug("Kompetens f\xC3\xB6rst / G\xC3\xA4vle", buf, sizeof buf);
    assert_string_equal(buf, "kompetens-forst-gavle");
    app_slug("  ", buf, sizeof buf);
    assert_string_equal(buf, "my-scenario");
    snprintf(want, sizeof want, "%s/x.ini", f->dir);
    write_file(want, "");
    assert_int_equal(app_propose_path(f->dir, "X", buf, sizeof buf), 0);
    snprintf(want, sizeof want, "%s/x-2.ini", f->dir);
    assert_string_equal(buf, want);
}

static void test_clicking_the_compare_path_field_reads_nothing(void **state)
{
    fixture *f = *state;
    app_command(f->a, APP_CMD_COMPARE);
    frame(f);
    ui_rect r = ui_rect_make(0, 0, 0, 0);
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type == UI_CMD_FRAME && c->layer == 1 && c->rect.h == 32)
            r = c->rect; /* the path field: one row high */
    }
    assert_true(r.w > 0);
    f->a->status[0] = '\0';
    click_at(f, r.x + r.w / 2, r.y + r.h / 2);
    assert_false(f->a->status_error); /* no "cannot read the file" */
    assert_int_equal(f->a->ncompare, 0);
    assert_int_equal(f->a->dialog, APP_DLG_COMPARE);
}

static void test_clicking_a_detail_field_applies_nothing(void **state)
{
    fixture *f = *state;
    f->a->detail_var = f->lever;
    frame(f);
    double start = f->a->sc.lever_start[f->lever];
    snprintf(f->a->detail_start, sizeof f->a->detail_start, "%.0f", start + 3);
    const char *label = str_get(STR_DETAIL_START, 0);
    int ty = -1, tx = 0;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type == UI_CMD_TEXT && strcmp(f->ctx->text + c->text, label) == 0) {
            ty = c->rect.y + c->rect.h / 2;
            tx = c->rect.x;
        }
    }
    assert_true(ty >= 0);
    ui_rect r = ui_rect_make(0, 0, 0, 0);
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type == UI_CMD_FRAME && c->rect.h == 30 && c->rect.x > tx && c->rect.y <= ty &&
            ty < c->rect.y + c->rect.h)
            r = c->rect; /* the start year's field (a row high), right of its label */
    }
    assert_true(r.w > 0);
    click_at(f, r.x + r.w / 2, r.y + r.h / 2);
    assert_true(f->a->sc.lever_start[f->lever] == start); /* not applied by the click */
    assert_false(app_dirty(f->a));
    key(f, UI_KEY_RETURN);
    assert_true(f->a->sc.lever_start[f->lever] == start + 3); /* Return applies */
}

static void test_quit_asks_before_discarding_unsaved_changes(void **state)
{
    fixture *f = *state;
    app_command(f->a, APP_CMD_QUIT);
    assert_true(f->a->want_quit); /* nothing to lose */
    f->a->want_quit = 0;
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_QUIT);
    assert_false(f->a->want_quit);
    assert_int_equal(f->a->dialog, APP_DLG_CONFIRM);
    assert_int_equal(f->a->pending, APP_PENDING_QUIT);
}

/* Presses the button the keyboard reaches after tabs Tab presses. */
static void press_after_tabs(fixture *f, int tabs)
{
    for (int i = 0; i < tabs; i++) {
        ui_input_key(f->ctx, UI_KEY_TAB, 0);
        frame(f);
    }
    ui_input_key(f->ctx, UI_KEY_RETURN, 0);
    frame(f);
}

static void test_unsaved_question_discard_quits_and_cancel_stays(void **state)
{
    fixture *f = *state;
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_command(f->a, APP_CMD_QUIT);
    frame(f);
    press_after_tabs(f, 3); /* Save, Discard, Cancel: Cancel */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_false(f->a->want_quit);
    assert_true(app_dirty(f->a));
    app_command(f->a, APP_CMD_QUIT);
    frame(f);
    press_after_tabs(f, 2); /* Discard changes */
    assert_true(f->a->want_quit);
}

/* Discard, then the file fails to open: the work stays on screen and stays
 * unsaved, so that closing still asks (it was once marked saved here). */
static void test_discard_then_a_failed_open_keeps_the_work_unsaved(void **state)
{
    fixture *f = *state;
    char gone[128];
    snprintf(gone, sizeof gone, "%s/gone.ini", f->dir);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    assert_int_equal(app_request_open(f->a, gone), SIM_OK);
    assert_int_equal(f->a->dialog, APP_DLG_CONFIRM);
    frame(f);
    press_after_tabs(f, 2); /* Discard changes; then gone.ini cannot be read */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_true(f->a->sc.value[f->lever] == var_table[f->lever].max);
    assert_true(app_dirty(f->a));
    app_command(f->a, APP_CMD_QUIT);
    frame(f);
    assert_int_equal(f->a->dialog, APP_DLG_CONFIRM);
    assert_false(f->a->want_quit);
}

static void test_unsaved_question_save_then_opens_the_other_file(void **state)
{
    fixture *f = *state;
    char mine[128], other[128];
    snprintf(mine, sizeof mine, "%s/mine.ini", f->dir);
    snprintf(other, sizeof other, "%s/other.ini", f->dir);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_save(f->a, other, &err), SIM_OK);
    assert_int_equal(app_save(f->a, mine, &err), SIM_OK);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    app_request_open(f->a, other);
    assert_int_equal(f->a->dialog, APP_DLG_CONFIRM);
    frame(f);
    press_after_tabs(f, 1); /* Save: to mine.ini, then open other.ini */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_string_equal(f->a->path, other);
    assert_false(app_dirty(f->a));
    /* mine.ini holds the change. */
    app *b = app_create(&err);
    assert_non_null(b);
    assert_int_equal(app_open(b, mine, &err), SIM_OK);
    assert_true(b->sc.value[f->lever] == var_table[f->lever].max);
    app_destroy(b);
}

static void test_compare_overlays_at_most_four_scenarios(void **state)
{
    fixture *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/t.ini", f->dir);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_save(f->a, path, &err), SIM_OK);
    for (int i = 0; i < APP_COMPARE_MAX; i++)
        assert_int_equal(app_compare_add(f->a, path, &err), SIM_OK);
    assert_int_not_equal(app_compare_add(f->a, path, &err), SIM_OK);
    assert_int_equal(f->a->ncompare, APP_COMPARE_MAX);
    assert_memory_equal(f->a->compare[2].res.v, f->a->cur.v, f->a->cur.rows * VAR_COUNT * sizeof(double));
    app_compare_remove(f->a, 1);
    assert_int_equal(f->a->ncompare, APP_COMPARE_MAX - 1);
    assert_int_equal(app_compare_add(f->a, path, &err), SIM_OK);
    app_compare_clear(f->a);
    assert_int_equal(f->a->ncompare, 0);
}

/* 1 when some layer-0 text inside r starts like s. */
static int shows_in(const ui_ctx *ctx, ui_rect r, const char *s)
{
    for (int i = 0; i < ctx->ncmd; i++) {
        const ui_cmd *c = &ctx->cmd[i];
        if (c->type == UI_CMD_TEXT && c->layer == 0 && c->rect.y >= r.y && c->rect.y < r.y + r.h &&
            strncmp(ctx->text + c->text, s, strlen(s)) == 0)
            return 1;
    }
    return 0;
}

/* At 1024x600 the graphs are too short for their legends: the compared
 * scenarios' names and colours are then on the status line, so that a team
 * can still tell its line; a taller window keeps them in the graphs. */
static void test_compared_names_show_when_graphs_drop_their_legends(void **state)
{
    fixture *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/t.ini", f->dir);
    snprintf(f->a->sc.name, sizeof f->a->sc.name, "%s", "Team Teal");
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_save(f->a, path, &err), SIM_OK);
    assert_int_equal(app_compare_add(f->a, path, &err), SIM_OK);
    f->ctx->width = 1024;
    f->ctx->height = 600;
    frame(f);
    assert_true(f->a->legend_hidden);
    assert_true(shows_in(f->ctx, f->l.status, f->a->compare[0].label));
    f->ctx->width = 1440;
    f->ctx->height = 900;
    frame(f);
    assert_false(f->a->legend_hidden);
    assert_false(shows_in(f->ctx, f->l.status, f->a->compare[0].label));
    assert_true(shows_in(f->ctx, f->l.graphs, f->a->compare[0].label));
}

static void test_export_csv_has_a_column_per_graph_and_run(void **state)
{
    fixture *f = *state;
    char path[128], line[8192];
    snprintf(path, sizeof path, "%s/out.csv", f->dir);
    snprintf(f->a->sc.name, sizeof f->a->sc.name, "%s", "Team Blue");
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_export_csv(f->a, path, &err), SIM_OK);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    /* Title, scenario, model and date first. */
    int title = 0, model = 0, date = 0, columns = 0;
    char col[256];
    snprintf(col, sizeof col, "%s:baseline", var_table[f->a->ind[f->a->graph_sel[0]]].name);
    while (fgets(line, sizeof line, fp) && line[0] == '#') {
        title |= strstr(line, "Team Blue") != NULL;
        model |= strstr(line, MODEL_VERSION) != NULL;
        date |= strstr(line, "exported: 20") != NULL;
        columns |= strncmp(line, "# columns: year,", 16) == 0 && strstr(line, col) != NULL;
    }
    assert_true(title && model && date && columns);
    assert_int_equal(strncmp(line, "year,", 5), 0);
    assert_non_null(strstr(line, var_table[f->a->ind[f->a->graph_sel[0]]].label_en));
    assert_non_null(strstr(line, "Baseline"));
    int rows = 0;
    while (fgets(line, sizeof line, fp))
        rows++;
    fclose(fp);
    assert_int_equal(rows, (int)f->a->cur.rows);
}

/* In Swedish, the CSV is Swedish Excel's: a byte-order mark, semicolons,
 * decimal commas, Swedish heads. */
static void test_export_csv_in_swedish_is_for_swedish_excel(void **state)
{
    fixture *f = *state;
    char path[128], line[8192];
    snprintf(path, sizeof path, "%s/ut.csv", f->dir);
    f->a->swedish = 1;
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_export_csv(f->a, path, &err), SIM_OK);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    assert_non_null(fgets(line, sizeof line, fp));
    assert_int_equal(memcmp(line, "\xEF\xBB\xBF#", 4), 0);
    while (fgets(line, sizeof line, fp) && line[0] == '#')
        ;
    assert_int_equal(strncmp(line, "\xC3\xA5r;", 4), 0); /* "år;" */
    assert_non_null(strstr(line, "Basscenario"));
    int rows = 0, commas = 0;
    while (fgets(line, sizeof line, fp)) {
        rows++;
        assert_null(strchr(line, '.'));
        int seps = 0;
        for (char *p = line; *p; p++) {
            seps += *p == ';';
            commas += *p == ',';
        }
        assert_int_equal(seps, 2 * f->a->ngraphs); /* scenario and baseline per graph */
    }
    fclose(fp);
    assert_int_equal(rows, (int)f->a->cur.rows);
    assert_true(commas > rows); /* decimal commas */
}

static void test_frame_labels_follow_the_language_at_once(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[var_lever_ids[0]];
    frame(f);
    assert_true(shows_text(f->ctx, d->label_en));
    assert_true(shows_text(f->ctx, var_priority_label(0, 0)));
    app_command(f->a, APP_CMD_LANGUAGE);
    frame(f);
    assert_true(shows_text(f->ctx, d->label_sv));
    assert_true(shows_text(f->ctx, var_priority_label(0, 1)));
    assert_false(shows_text(f->ctx, d->label_en));
    assert_true(shows_text(f->ctx, str_get(STR_LEVERS, 1)));
}

static void test_themes_switch_regroups_the_levers(void **state)
{
    fixture *f = *state;
    f->a->by_theme = 1;
    frame(f);
    assert_true(shows_start_of(f->ctx, var_theme_label(0, 0)));
    assert_false(shows_start_of(f->ctx, var_priority_label(0, 0)));
}

static void test_every_lever_gets_a_slider(void **state)
{
    fixture *f = *state;
    frame(f);
    for (int i = 0; i < LEVER_COUNT; i++)
        assert_true(app_slider_rect(f->a, var_lever_ids[i]).w > 0);
}

/* Counts filled rectangles of colour c inside r in the last frame. */
static int rects_of_color(const ui_ctx *ctx, ui_color c, ui_rect r)
{
    int n = 0;
    for (int i = 0; i < ctx->ncmd; i++) {
        const ui_cmd *m = &ctx->cmd[i];
        if (m->type == UI_CMD_RECT && memcmp(&m->color, &c, sizeof c) == 0 && m->rect.w > 0 &&
            ui_rect_contains(r, m->rect.x, m->rect.y))
            n++;
    }
    return n;
}

static void test_budget_meter_turns_red_over_the_cap(void **state)
{
    fixture *f = *state;
    ui_color bad = f->ctx->colors[UI_COL_BAD];
    int cap = var_find("budget_cap");
    assert_true(cap >= 0);
    app_set_value(f->a, cap, 1000, 0);
    app_set_value(f->a, f->lever, var_table[f->lever].value + 1, 0);
    frame(f);
    assert_int_equal(rects_of_color(f->ctx, bad, f->l.budget), 0);
    app_set_value(f->a, cap, 0.001, 0);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    frame(f);
    assert_true(rects_of_color(f->ctx, bad, f->l.budget) > 0);
}

static void test_detail_view_applies_a_typed_value_start_and_ramp(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    double typed = d->value + (d->max - d->value) / 3;
    f->a->detail_var = f->lever;
    frame(f);
    snprintf(f->a->detail_value, sizeof f->a->detail_value, "%.6f", typed);
    /* A decimal comma works as well as a point. */
    for (char *p = f->a->detail_value; *p; p++)
        if (*p == '.')
            *p = ',';
    snprintf(f->a->detail_start, sizeof f->a->detail_start, "%s", "2027");
    snprintf(f->a->detail_ramp, sizeof f->a->detail_ramp, "%s", "4");
    ui_focus_set(f->ctx, ui_id("detail-value", f->lever));
    ui_input_key(f->ctx, UI_KEY_RETURN, 0);
    frame(f);
    if (fabs(f->a->sc.value[f->lever] - typed) > 1e-6 * fmax(1, fabs(typed)))
        fail_msg("value %.10g, typed %.10g", f->a->sc.value[f->lever], typed);
    assert_true(f->a->sc.lever_start[f->lever] == 2027);
    assert_true(f->a->sc.lever_ramp[f->lever] == 4);
    assert_int_equal(f->a->nundo, 1); /* one step for the three fields */
}

static void test_detail_view_takes_values_in_the_units_it_shows(void **state)
{
    fixture *f = *state;
    /* An input shown scaled (a share as percent) if the model has one. */
    int var = f->lever;
    for (int i = 0; i < VAR_COUNT; i++)
        if ((var_table[i].kind == VAR_ASSUMPTION || var_table[i].kind == VAR_LEVER) &&
            var_table[i].display_scale != 0 && var_table[i].display_scale != 1 &&
            var_table[i].max > var_table[i].min) {
            var = i;
            break;
        }
    const var_desc *d = &var_table[var];
    double mid = (d->min + d->max) / 2;
    f->a->left_tab = d->kind == VAR_LEVER ? 0 : 1;
    f->a->detail_var = var;
    frame(f);
    /* The entry shows the current value as the slider does. */
    double shown = strtod(f->a->detail_value, NULL);
    assert_near_rel(shown, var_display(d, f->a->sc.value[var]));
    snprintf(f->a->detail_value, sizeof f->a->detail_value, "%.10g", var_display(d, mid));
    ui_focus_set(f->ctx, ui_id("detail-value", var));
    ui_input_key(f->ctx, UI_KEY_RETURN, 0);
    frame(f);
    assert_near_rel(f->a->sc.value[var], mid);
}

/* In Swedish the detail view gives the lever's source in Swedish
 * (sim/model/source_sv.def), in English the row's own text. */
static void test_detail_view_shows_the_source_in_the_window_language(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    assert_true(strcmp(var_source_text(d, 1), d->source) != 0);
    for (int swedish = 1; swedish >= 0; swedish--) {
        f->a->swedish = swedish;
        f->a->left_tab = 0;
        f->a->detail_var = f->lever;
        frame(f);
        /* The text commands joined by spaces undo the wrapping of lines. */
        static char all[1 << 16];
        size_t used = 0;
        for (int i = 0; i < f->ctx->ncmd; i++) {
            const ui_cmd *c = &f->ctx->cmd[i];
            if (c->type != UI_CMD_TEXT)
                continue;
            int w = snprintf(all + used, sizeof all - used, "%s ", f->ctx->text + c->text);
            if (w < 0 || (size_t)w >= sizeof all - used)
                break;
            used += (size_t)w;
        }
        const char *want = var_source_text(d, swedish);
        const char *other = var_source_text(d, !swedish);
        if (strstr(all, want) == NULL)
            fail_msg("the detail view (swedish %d) lacks the source '%s'", swedish, want);
        assert_null(strstr(all, other));
    }
    f->a->detail_var = -1;
}

static void test_detail_view_refuses_a_value_out_of_range(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    f->a->detail_var = f->lever;
    frame(f);
    snprintf(f->a->detail_value, sizeof f->a->detail_value, "%g", d->max * 2 + 10);
    ui_focus_set(f->ctx, ui_id("detail-value", f->lever));
    ui_input_key(f->ctx, UI_KEY_RETURN, 0);
    frame(f);
    assert_true(f->a->sc.value[f->lever] == d->value);
    assert_true(f->a->status_error);
}

static void test_zoom_scales_fonts_and_widgets_within_limits(void **state)
{
    fixture *f = *state;
    frame(f);
    int w1 = app_slider_rect(f->a, var_lever_ids[0]).h;
    app_command(f->a, APP_CMD_ZOOM_IN);
    app_command(f->a, APP_CMD_ZOOM_IN);
    frame(f);
    assert_true(app_slider_rect(f->a, var_lever_ids[0]).h > w1);
    for (int i = 0; i < 40; i++)
        app_command(f->a, APP_CMD_ZOOM_IN);
    assert_true(f->a->zoom <= 2.5f);
    app_command(f->a, APP_CMD_ZOOM_RESET);
    assert_true(f->a->zoom == 1.0f);
}

/* The lever whose slider has the focus, when it belongs to one priority
 * only (its slider's rectangle is then unambiguous), or -1. */
static int focused_single_lever(const fixture *f)
{
    for (int k = 0; k < LEVER_COUNT; k++) {
        int v = var_lever_ids[k];
        unsigned p = var_table[v].priorities;
        if (p == 0 || (p & (p - 1)) != 0)
            continue;
        for (int g = 0; g < PRIO_COUNT; g++)
            if (f->ctx->focus == app_slider_id(g, v))
                return v;
    }
    return -1;
}

/* The window sizes the layout tests look at: the smallest usable, a
 * projector's and a laptop's. */
static const int sizes[][2] = {{1024, 600}, {1280, 720}, {1440, 900}};

/* Sets the window to size (width, height) and the language (1 Swedish). */
static void set_window(fixture *f, const int size[2], int swedish)
{
    f->a->swedish = swedish;
    f->ctx->width = size[0];
    f->ctx->height = size[1];
}

/* At a projector's 1280x720 and the smallest 1024x600, every key card shows
 * its whole name: nothing in the strip is cut short with an ellipsis. */
static void test_key_cards_show_whole_names_down_to_1024x600(void **state)
{
    fixture *f = *state;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int sv = 0; sv < 2; sv++) {
            set_window(f, sizes[s], sv);
            frame(f);
            frame(f);
            int cards = 0;
            for (int i = 0; i < f->ctx->ncmd; i++) {
                const ui_cmd *c = &f->ctx->cmd[i];
                /* The cards, between the page buttons (one glyph each). */
                if (c->type != UI_CMD_TEXT || c->layer != 0 || c->rect.y < f->l.keys.y ||
                    c->rect.y >= f->l.keys.y + f->l.keys.h || c->rect.x < f->l.keys.x + 30 ||
                    c->rect.x >= f->l.keys.x + f->l.keys.w - 30)
                    continue;
                const char *t = f->ctx->text + c->text;
                if (strstr(t, "\xE2\x80\xA6"))
                    fail_msg("%dx%d: '%s' cut short in the key strip", sizes[s][0], sizes[s][1], t);
                for (int k = 0; k < f->a->nkeys; k++)
                    if (strncmp(t, app_label(f->a, f->a->keys[k]), strlen(app_label(f->a, f->a->keys[k]))) == 0)
                        cards++;
            }
            if (cards < 3)
                fail_msg("%dx%d: %d key cards", sizes[s][0], sizes[s][1], cards);
        }
    }
}

/* A number without its unit misleads: at 1024x600 and 1280x720, in both
 * languages, every key card shows its unit (in the head, after the 2050
 * value, or under the values), never drops it. */
static void test_key_cards_always_show_their_unit(void **state)
{
    fixture *f = *state;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int sv = 0; sv < 2; sv++) {
            set_window(f, sizes[s], sv);
            frame(f);
            frame(f);
            int shown = 0;
            for (int k = 0; k < f->a->nkeys; k++) {
                const char *unit = app_unit(f->a, f->a->keys[k]);
                if (!*unit || strcmp(unit, "1") == 0)
                    continue;
                char head[300];
                snprintf(head, sizeof head, "%s (%s)", app_label(f->a, f->a->keys[k]), unit);
                int name_here = 0, unit_here = 0;
                for (int i = 0; i < f->ctx->ncmd; i++) {
                    const ui_cmd *c = &f->ctx->cmd[i];
                    if (c->type != UI_CMD_TEXT || c->layer != 0 || c->rect.y < f->l.keys.y ||
                        c->rect.y >= f->l.keys.y + f->l.keys.h)
                        continue;
                    const char *t = f->ctx->text + c->text;
                    if (strcmp(t, head) == 0)
                        name_here = unit_here = 1;
                    else if (strcmp(t, app_label(f->a, f->a->keys[k])) == 0)
                        name_here = 1;
                    else if (strcmp(t, unit) == 0)
                        unit_here = 1;
                }
                if (!name_here)
                    continue; /* on another page */
                shown++;
                if (!unit_here)
                    fail_msg("%dx%d %s: '%s' shows no unit (%s)", sizes[s][0], sizes[s][1], sv ? "sv" : "en",
                             app_label(f->a, f->a->keys[k]), unit);
            }
            if (shown < 2)
                fail_msg("%dx%d: %d key cards with a unit", sizes[s][0], sizes[s][1], shown);
        }
    }
}

/* A lever's name is never cut short in the lever panel: at 1024x600 in
 * both languages a name too long for its row goes on two lines, each
 * drawn whole. */
static void test_lever_names_show_whole_in_the_panel_at_1024x600(void **state)
{
    fixture *f = *state;
    f->ctx->width = 1024;
    f->ctx->height = 600;
    for (int g = 0; g < APP_GROUPS_MAX; g++)
        f->a->group_open[g] = 1;
    int wrapped = 0;
    for (int sv = 0; sv < 2; sv++) {
        f->a->swedish = sv;
        frame(f);
        frame(f);
        for (int i = 0; i < LEVER_COUNT; i++) {
            const char *label = app_label(f->a, var_lever_ids[i]);
            int found = 0;
            for (int c = 0; c < f->ctx->ncmd && !found; c++) {
                const ui_cmd *a = &f->ctx->cmd[c];
                if (a->type != UI_CMD_TEXT || a->layer != 0 || a->rect.x >= f->l.levers.x + f->l.levers.w)
                    continue;
                const char *t = f->ctx->text + a->text;
                if (strcmp(t, label) == 0) {
                    found = 1;
                } else if (c + 1 < f->ctx->ncmd && f->ctx->cmd[c + 1].type == UI_CMD_TEXT) {
                    char both[600];
                    snprintf(both, sizeof both, "%s %s", t, f->ctx->text + f->ctx->cmd[c + 1].text);
                    if (strcmp(both, label) == 0) {
                        found = 1;
                        wrapped++;
                    }
                }
            }
            if (!found)
                fail_msg("%s: lever '%s' is not shown whole in the panel", sv ? "sv" : "en", label);
        }
    }
    assert_true(wrapped > 0); /* the test font makes some names long */
}

/* The help names what no button says (a click on a line or a key card
 * opens why, a click on a cause explains it, Backspace goes back, the
 * History toggle) and the workshop's keys (Ctrl+B, F5), in both languages;
 * at 1024x600 and at a projector's 1280x720 every row shows whole, inside
 * the window, no text over another. */
static void test_help_names_clicks_and_workshop_keys_whole_in_both_languages(void **state)
{
    fixture *f = *state;
    static const char *const en[] = {"graph's line", "Click a cause", "Backspace", "History", "Ctrl+B",
                                     "scoreboard", "F5", "presentation mode"};
    static const char *const sv[] = {"linje i ett diagram", "Klicka p\xC3\xA5 en orsak", "Backsteg",
                                     "Historik", "Ctrl+B", "resultattavla", "F5",
                                     "presentationsl\xC3\xA4ge"};
    static char all[65536];
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int lang = 0; lang < 2; lang++) {
            set_window(f, sizes[s], lang);
            app_command(f->a, APP_CMD_HELP);
            assert_int_equal(f->a->dialog, APP_DLG_HELP);
            frame(f);
            overlay_text(f->ctx, all, sizeof all);
            for (size_t k = 0; k < sizeof en / sizeof en[0]; k++) {
                const char *want = lang ? sv[k] : en[k];
                if (!strstr(all, want))
                    fail_msg("%dx%d %s: the help does not say '%s': %s", sizes[s][0], sizes[s][1],
                             lang ? "sv" : "en", want, all);
            }
            if (lang && strstr(all, "Click a"))
                fail_msg("English in the Swedish help: %s", all);
            for (int i = 0; i < f->ctx->ncmd; i++) {
                const ui_cmd *c = &f->ctx->cmd[i];
                if (c->type != UI_CMD_TEXT || c->layer != 1)
                    continue;
                const char *t = f->ctx->text + c->text;
                if (strstr(t, "\xE2\x80\xA6"))
                    fail_msg("%dx%d: '%s' cut short", sizes[s][0], sizes[s][1], t);
                if (c->rect.x < 0 || c->rect.y < 0 || c->rect.x + c->rect.w > sizes[s][0] ||
                    c->rect.y + c->rect.h > sizes[s][1])
                    fail_msg("%dx%d: '%s' outside the window", sizes[s][0], sizes[s][1], t);
                for (int j = i + 1; j < f->ctx->ncmd; j++) {
                    const ui_cmd *d = &f->ctx->cmd[j];
                    if (d->type != UI_CMD_TEXT || d->layer != 1)
                        continue;
                    if (c->rect.x < d->rect.x + d->rect.w && d->rect.x < c->rect.x + c->rect.w &&
                        c->rect.y < d->rect.y + d->rect.h && d->rect.y < c->rect.y + c->rect.h)
                        fail_msg("%dx%d: '%s' over '%s'", sizes[s][0], sizes[s][1], t, f->ctx->text + d->text);
                }
            }
            f->a->dialog = APP_DLG_NONE;
        }
}

/* "Why": each changed lever's share of a key indicator's change; the shares
 * add up to the whole change in 2030 and 2050, as Shapley values do. A
 * click on the card opens the panel. */
static void test_why_shares_add_up_to_the_change_and_a_card_click_opens_it(void **state)
{
    fixture *f = *state;
    int l1 = var_lever_ids[0], l2 = var_lever_ids[1];
    app_set_value(f->a, l1, var_table[l1].max, 0);
    app_set_value(f->a, l2, var_table[l2].max, 0);
    int var = f->a->keys[0];
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(app_why_compute(f->a, var, &err), SIM_OK);
    assert_int_equal(f->a->why_k, 2);
    assert_true(f->a->why_exact);
    assert_int_equal(f->a->why_runs, 4);
    for (int y = 0; y < 2; y++) {
        double sum = f->a->why_phi[y][0] + f->a->why_phi[y][1];
        double want = var_display(&var_table[var], app_value_at(&f->a->cur, var, f->a->why_years[y])) -
                      var_display(&var_table[var], app_value_at(&f->a->base, var, f->a->why_years[y]));
        assert_near_rel(sum, want);
        assert_near_rel(f->a->why_change[y], want);
    }
    /* Nothing changed: nothing to explain, and no runs. */
    app_reset_all(f->a);
    assert_int_equal(app_why_compute(f->a, var, &err), SIM_OK);
    assert_int_equal(f->a->why_k, 0);
    /* A click on the first key card opens the panel on its indicator. */
    app_set_value(f->a, l1, var_table[l1].max, 0);
    frame(f);
    int x = f->l.keys.x + f->l.keys.w / 2, y = f->l.keys.y + f->l.keys.h / 2;
    ui_input_mouse_move(f->ctx, x, y);
    ui_input_mouse_button(f->ctx, x, y, 1);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 0);
    frame(f);
    assert_int_equal(f->a->dialog, APP_DLG_WHY);
    assert_true(f->a->why_var >= 0);
    frame(f);
    assert_true(shows_text(f->ctx, "Whole change"));
    assert_true(shows_start_of(f->ctx, app_label(f->a, l1)));
    key(f, UI_KEY_ESCAPE);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
}

/* The part of the overlay's text command i that shows: its rect within
 * the clip rectangle in force (a scrolled list clips its rows). */
static ui_rect shown_part(const ui_ctx *ctx, int i)
{
    ui_rect clip = ui_rect_make(0, 0, -1, -1);
    for (int k = 0; k < i; k++)
        if (ctx->cmd[k].type == UI_CMD_CLIP && ctx->cmd[k].layer == ctx->cmd[i].layer)
            clip = ctx->cmd[k].rect;
    ui_rect r = ctx->cmd[i].rect;
    return clip.w < 0 ? r : ui_rect_intersect(r, clip);
}

/* The first two overlay texts of the last frame whose shown parts overlap,
 * or 0. */
static int overlay_overlap(const ui_ctx *ctx, const char **t1, const char **t2)
{
    for (int i = 0; i < ctx->ncmd; i++) {
        const ui_cmd *c = &ctx->cmd[i];
        if (c->type != UI_CMD_TEXT || c->layer != 1)
            continue;
        ui_rect a = shown_part(ctx, i);
        if (a.w <= 0 || a.h <= 0)
            continue;
        for (int j = i + 1; j < ctx->ncmd; j++) {
            const ui_cmd *d = &ctx->cmd[j];
            if (d->type != UI_CMD_TEXT || d->layer != 1)
                continue;
            ui_rect b = shown_part(ctx, j);
            if (b.w > 0 && b.h > 0 && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
                *t1 = ctx->text + c->text;
                *t2 = ctx->text + d->text;
                return 1;
            }
        }
    }
    return 0;
}

/* The why panel's numbers never run into each other, whatever the window
 * and the zoom (a projector's 1280x720 at 130 %, the smallest window) and
 * however wide the font: a year's column holds its widest number on either
 * side of its zero line. */
static void test_why_numbers_never_overprint(void **state)
{
    fixture *f = *state;
    /* Shares both ways, some tiny (long numbers): the skills levers. */
    static const int levers[] = {V_ADULT_TRAINING, V_SKILLS_FORESIGHT, V_IN_FIRM_TRAINING, V_GRADUATE_RETENTION};
    for (size_t i = 0; i < sizeof levers / sizeof levers[0]; i++) {
        int v = levers[i];
        app_set_value(f->a, v, var_table[v].min + 0.6 * (var_table[v].max - var_table[v].min), 0);
    }
    /* DejaVu Sans is about 7.5 px a character at 100 %, 10 at 130 %. */
    static const test_font fonts[] = {{7, 15}, {10, 19}};
    static const float zooms[] = {1.0f, 1.3f};
    for (size_t z = 0; z < 2; z++)
        for (size_t fo = z; fo <= z; fo++)
            for (size_t s = 0; s < 2; s++)
                for (int lang = 0; lang < 2; lang++) {
                    test_ui_init(f->ctx, &fonts[fo]);
                    set_window(f, sizes[s], lang);
                    f->a->zoom = zooms[z];
                    assert_int_equal(app_show(f->a, "why:skill_mismatch"), 0);
                    frame(f);
                    frame(f);
                    assert_int_equal(f->a->dialog, APP_DLG_WHY);
                    const char *t1, *t2;
                    if (overlay_overlap(f->ctx, &t1, &t2))
                        fail_msg("%dx%d at %.0f %%, %d px a character: '%s' over '%s'", sizes[s][0], sizes[s][1],
                                 100.0 * zooms[z], fonts[fo].char_w, t1, t2);
                }
    test_ui_init(f->ctx, &font);
    f->a->zoom = 1.0f;
}

static void test_tabbing_through_the_levers_scrolls_each_into_view(void **state)
{
    fixture *f = *state;
    f->ctx->height = 600; /* the lever list overflows its panel */
    frame(f);
    int checked = 0;
    for (int i = 0; i < 80; i++) {
        ui_input_key(f->ctx, UI_KEY_TAB, 0);
        frame(f); /* the focus moves at the end of this frame */
        frame(f); /* the panel scrolls to it at the end of this one */
        frame(f); /* and this one shows it */
        int v = focused_single_lever(f);
        if (v < 0)
            continue;
        ui_rect r = app_slider_rect(f->a, v);
        if (r.y < f->l.levers.y || r.y + r.h > f->l.levers.y + f->l.levers.h)
            fail_msg("focused slider of '%s' at y %d outside the panel %d..%d", var_table[v].name, r.y,
                     f->l.levers.y, f->l.levers.y + f->l.levers.h);
        checked++;
    }
    assert_true(checked > 5);
    assert_true(f->a->lever_scroll > 0 || checked == 0);
}

/* The top of the focused lever's name in the panel: the highest text of the
 * last frame, at the panel's left edge (not a group's title) just above its
 * slider, that is the name or the first line of it; or INT_MAX when none is
 * drawn. */
static int lever_name_top(const fixture *f, int v, ui_rect slider)
{
    const char *label = app_label(f->a, v);
    int top = INT_MAX;
    for (int c = 0; c < f->ctx->ncmd; c++) {
        const ui_cmd *k = &f->ctx->cmd[c];
        if (k->type != UI_CMD_TEXT || k->layer != 0 || k->rect.x < f->l.levers.x ||
            k->rect.x >= f->l.levers.x + 30)
            continue;
        const char *t = f->ctx->text + k->text;
        size_t n = strlen(t);
        if (n >= 3 && strncmp(label, t, n) == 0 && k->rect.y < slider.y && k->rect.y > slider.y - 80 &&
            k->rect.y < top)
            top = k->rect.y;
    }
    return top;
}

/* At 1024x600 with every group open, in both languages, Tab and Shift+Tab
 * through the levers bring each focused lever's whole row into view: its
 * name, on two lines where it wraps, as well as its slider; and the wheel
 * reaches the last lever. */
static void test_focus_both_ways_shows_each_levers_name_and_slider_at_1024x600(void **state)
{
    fixture *f = *state;
    f->ctx->width = 1024;
    f->ctx->height = 600;
    for (int g = 0; g < APP_GROUPS_MAX; g++)
        f->a->group_open[g] = 1;
    int panel_top = 0, panel_bottom = 0;
    for (int sv = 0; sv < 2; sv++) {
        f->a->swedish = sv;
        f->a->lever_scroll = 0;
        frame(f);
        int steps = 2 * f->ctx->nfocus;
        for (int dir = 0; dir < 2; dir++) {
            int checked = 0;
            for (int i = 0; i < steps; i++) {
                ui_input_key(f->ctx, UI_KEY_TAB, dir ? UI_MOD_SHIFT : 0);
                frame(f); /* the focus moves at the end of this frame */
                frame(f); /* the panel scrolls to it at the end of this one */
                frame(f); /* and this one shows it */
                int v = focused_single_lever(f);
                if (v < 0)
                    continue;
                ui_rect r = app_slider_rect(f->a, v);
                panel_top = f->l.levers.y;
                panel_bottom = f->l.levers.y + f->l.levers.h;
                int name = lever_name_top(f, v, r);
                if (name == INT_MAX || name < panel_top || r.y + r.h > panel_bottom)
                    fail_msg("%s, %s: focused lever '%s' (name at %d, slider %d..%d) not whole in the "
                             "panel %d..%d",
                             sv ? "sv" : "en", dir ? "shift+tab" : "tab", app_label(f->a, v), name, r.y,
                             r.y + r.h, panel_top, panel_bottom);
                checked++;
            }
            assert_true(checked > 5);
        }
        /* The wheel over the panel scrolls to its end, where the last row
         * ends inside the panel. */
        ui_input_mouse_move(f->ctx, f->l.levers.x + 20, f->l.levers.y + 20);
        ui_input_wheel(f->ctx, -1000);
        frame(f);
        frame(f);
        int bottom = 0;
        for (int i = 0; i < LEVER_COUNT; i++) {
            ui_rect r = app_slider_rect(f->a, var_lever_ids[i]);
            if (r.y + r.h > bottom)
                bottom = r.y + r.h;
        }
        assert_true(bottom > panel_top);
        if (bottom > panel_bottom)
            fail_msg("%s: the last slider ends at %d, below the panel's %d", sv ? "sv" : "en", bottom,
                     panel_bottom);
        ui_input_mouse_move(f->ctx, 0, 0);
    }
}

/* text split at sep into parts (copied into buf), at most max; their count. */
static int split_parts(const char *text, const char *sep, char *buf, size_t n, char **part, int max)
{
    snprintf(buf, n, "%s", text);
    int np = 0;
    for (char *p = buf; p && np < max;) {
        part[np++] = p;
        char *e = strstr(p, sep);
        if (e)
            *e = '\0';
        p = e ? e + strlen(sep) : NULL;
    }
    return np;
}

/* The key hint in the status line shows whole parts at 1024x600 and in
 * presentation mode at a projector's 1280x720, in both languages: nothing
 * cut with an ellipsis, the first part and the last (F1 help) always, each
 * part shown one of the hint's, and clear of the text at the right. */
static void test_key_hint_shows_whole_parts_at_1024x600_and_when_presenting(void **state)
{
    fixture *f = *state;
    static const char sep[] = " \xC2\xB7 ";
    for (int k = 0; k < 4; k++) {
        int sv = k % 2, present = k / 2;
        f->a->swedish = sv;
        f->ctx->width = present ? 1280 : 1024;
        f->ctx->height = present ? 720 : 600;
        if (present)
            app_command(f->a, APP_CMD_PRESENT);
        frame(f);
        frame(f);
        const char *hint = str_get(STR_HELP_KEYS, sv);
        const ui_cmd *shown = NULL;
        int right = INT_MAX; /* the left edge of the status line's other texts */
        for (int i = 0; i < f->ctx->ncmd; i++) {
            const ui_cmd *c = &f->ctx->cmd[i];
            if (c->type != UI_CMD_TEXT || c->layer != 0 || c->rect.y < f->l.status.y ||
                c->rect.y >= f->l.status.y + f->l.status.h || c->rect.x < f->l.status.x)
                continue;
            if (strncmp(f->ctx->text + c->text, "Tab", 3) == 0)
                shown = c;
            else if (c->rect.x < right)
                right = c->rect.x;
        }
        assert_non_null(shown);
        assert_true(right < INT_MAX); /* the model and the run's time */
        const char *t = f->ctx->text + shown->text;
        if (strstr(t, "\xE2\x80\xA6"))
            fail_msg("%s at %dx%d: '%s' cut short", sv ? "sv" : "en", f->ctx->width, f->ctx->height, t);
        assert_true(shown->rect.x + shown->rect.w <= right);
        assert_true(shown->rect.x + shown->rect.w <= f->ctx->width);
        /* Every part shown is one of the hint's, in its order, and the
         * first and the last are there. */
        char hs[512], ts[512];
        char *hp[16], *tp[16];
        int nh = split_parts(hint, sep, hs, sizeof hs, hp, 16);
        int nt = split_parts(t, sep, ts, sizeof ts, tp, 16);
        assert_true(nt >= 2 && nh >= nt);
        int j = 0;
        for (int i = 0; i < nt; i++) {
            while (j < nh && strcmp(hp[j], tp[i]) != 0)
                j++;
            if (j == nh)
                fail_msg("'%s' is no part of the hint, or out of its order", tp[i]);
        }
        assert_string_equal(tp[0], hp[0]);
        assert_string_equal(tp[nt - 1], hp[nh - 1]);
        if (present)
            app_command(f->a, APP_CMD_PRESENT);
    }
}

static void test_uncertainty_bands_bracket_the_draws_and_follow_changes(void **state)
{
    fixture *f = *state;
    const double *lo, *hi;
    assert_int_equal(app_update_bands(f->a), SIM_OK);
    assert_false(app_band(f->a, 0, &lo, &hi)); /* off by default */
    app_command(f->a, APP_CMD_BANDS);
    assert_int_equal(app_bands_wait(f->a), SIM_OK);
    assert_int_equal(f->a->band_n, APP_BAND_MAX);
    size_t rows = f->a->cur.rows;
    int widened = 0;
    for (int g = 0; g < f->a->ngraphs; g++) {
        assert_true(app_band(f->a, g, &lo, &hi));
        for (size_t r = 0; r < rows; r++) {
            assert_true(isfinite(lo[r]) && isfinite(hi[r]));
            assert_true(lo[r] <= hi[r]);
            widened |= hi[r] > lo[r];
        }
    }
    /* The uncertain inputs make the band wider than a line somewhere. */
    size_t nu = sample_uncertain_vars(NULL, 0);
    if (nu > 0)
        assert_true(widened);
    /* The same draws every time: recomputing gives the same band. */
    double first[256];
    assert_true(app_band(f->a, 0, &lo, &hi));
    size_t nr = rows < 128 ? rows : 128;
    memcpy(first, lo, nr * sizeof *lo);
    memcpy(first + 128, hi, nr * sizeof *hi);
    app_bands_release(f->a);
    assert_int_equal(app_bands_wait(f->a), SIM_OK);
    assert_true(app_band(f->a, 0, &lo, &hi));
    assert_memory_equal(first, lo, nr * sizeof *lo);
    assert_memory_equal(first + 128, hi, nr * sizeof *hi);
    /* A change of the scenario makes the band stale until updated. */
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    assert_false(app_band(f->a, 0, &lo, &hi));
    assert_int_equal(app_update_bands(f->a), SIM_OK);
    assert_true(app_band(f->a, 0, &lo, &hi));
}

/* Without worker threads (the web build): a batch of draws at a change;
 * while nothing changes the bands grow to APP_BAND_MAX draws, a batch a
 * call, and a change starts them again. */
static void test_uncertainty_bands_grow_to_their_full_draws_while_nothing_changes(void **state)
{
    fixture *f = *state;
    f->a->band_threads = 0;
    app_command(f->a, APP_CMD_BANDS);
    assert_int_equal(app_update_bands(f->a), SIM_OK);
    assert_int_equal(f->a->band_n, APP_BAND_SAMPLES);
    assert_true(app_bands_growing(f->a));
    int calls = 0;
    while (app_bands_growing(f->a) && calls++ < 100)
        assert_int_equal(app_update_bands(f->a), SIM_OK);
    assert_false(app_bands_growing(f->a));
    assert_int_equal(f->a->band_n, APP_BAND_MAX);
    const double *lo, *hi;
    assert_true(app_band(f->a, 0, &lo, &hi));
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    assert_int_equal(app_update_bands(f->a), SIM_OK);
    assert_true(f->a->band_n <= APP_BAND_SAMPLES);
    assert_true(app_bands_growing(f->a));
}

static void test_frame_draws_the_bands_when_asked(void **state)
{
    fixture *f = *state;
    frame(f);
    int bands_off = 0, bands_on = 0;
    for (int i = 0; i < f->ctx->ncmd; i++)
        bands_off += f->ctx->cmd[i].type == UI_CMD_BAND;
    app_command(f->a, APP_CMD_BANDS);
    assert_int_equal(app_bands_wait(f->a), SIM_OK);
    frame(f);
    for (int i = 0; i < f->ctx->ncmd; i++)
        bands_on += f->ctx->cmd[i].type == UI_CMD_BAND;
    assert_int_equal(bands_off, 0);
    assert_int_equal(bands_on, f->a->ngraphs);
}

/* With bands on from the start, the first frame is drawn before any draw
 * begins: the worker threads would compete with the first picture. The
 * window is asked for the next frame, which starts them. */
static void test_bands_start_after_the_first_frame(void **state)
{
    fixture *f = *state;
    f->a->bands = 1;
    frame(f);
    assert_int_equal(app_bands_pending(f->a), 0); /* nothing posted yet */
    assert_true(app_bands_growing(f->a));         /* but a next frame is asked for */
    frame(f);
    assert_true(app_bands_pending(f->a));
    assert_int_equal(app_bands_wait(f->a), SIM_OK);
    frame(f);
    int drawn = 0;
    for (int i = 0; i < f->ctx->ncmd; i++)
        drawn += f->ctx->cmd[i].type == UI_CMD_BAND;
    assert_int_equal(drawn, f->a->ngraphs);
}

static void test_key_strip_pages_through_more_keys_than_fit(void **state)
{
    fixture *f = *state;
    if (f->a->nkeys < 3)
        skip(); /* a model with fewer key indicators fits them all */
    f->ctx->width = 900; /* room for two or three cards */
    frame(f);
    int last = f->a->keys[f->a->nkeys - 1];
    assert_false(shows_start_of(f->ctx, app_label(f->a, last)));
    for (int i = 0; i < f->a->nkeys; i++) {
        ui_input_mouse_move(f->ctx, f->l.keys.x + f->l.keys.w / 2, f->l.keys.y + f->l.keys.h / 2);
        ui_input_wheel(f->ctx, -1);
        frame(f);
    }
    frame(f);
    assert_true(shows_start_of(f->ctx, app_label(f->a, last)));
    assert_true(f->a->key_first > 0);
}

static void test_step_of_is_a_round_hundredth_of_the_range(void **state)
{
    (void)state;
    for (int i = 0; i < LEVER_COUNT; i++) {
        int v = var_lever_ids[i];
        double step = app_step_of(v);
        double range = var_table[v].max - var_table[v].min;
        assert_true(step >= range / 100 * (1 - 1e-9));
        assert_true(step <= range / 20);
        double mant = step / pow(10, floor(log10(step) + 1e-12));
        assert_true(fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 || fabs(mant - 5) < 1e-9);
    }
}

/* Without a cap the budget bar is not "80 % full": it has no fill, or
 * compares the scenario with the largest spending of the compared ones. */
static void test_budget_bar_without_a_cap_has_no_fill_or_compares(void **state)
{
    (void)state;
    assert_true(app_budget_full(0, 400, NULL, 0) == 0);
    double others[2] = {800, 200};
    assert_true(app_budget_full(0, 400, others, 2) == 800);
    assert_true(app_budget_full(0, 900, others, 2) == 900);
    assert_true(app_budget_full(500, 400, NULL, 0) == 625);
    assert_true(app_budget_full(500, 700, others, 2) == 700);
}

/* An empty scenario file (or one of comments only) sets nothing: the
 * window says so when it opens one. */
static void test_an_empty_scenario_file_is_told_apart(void **state)
{
    (void)state;
    scenario *sc = malloc(sizeof *sc);
    assert_non_null(sc);
    sim_error err;
    sim_error_clear(&err);
    scenario_init(sc);
    assert_int_equal(scenario_parse(sc, "", "empty.ini", &err), SIM_OK);
    assert_true(app_sets_nothing(sc));
    assert_int_equal(scenario_parse(sc, "# a comment only\n", "c.ini", &err), SIM_OK);
    assert_true(app_sets_nothing(sc));
    sc->set[var_lever_ids[0]] = 1;
    assert_false(app_sets_nothing(sc));
    free(sc);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_baseline_runs_at_start_and_matches_the_baseline),
        T(test_changing_a_lever_reruns_the_model),
        T(test_values_are_clamped_to_the_table_range),
        T(test_one_drag_is_one_undo_step),
        T(test_a_new_change_clears_redo),
        T(test_undo_restores_the_run_as_well),
        T(test_reset_one_lever_and_all),
        T(test_saved_scenario_reloads_and_reruns_to_the_same_values),
        T(test_transim_run_of_a_saved_scenario_gives_the_values_shown),
        T(test_an_unreadable_file_changes_nothing_and_says_why),
        T(test_a_file_named_at_start_that_cannot_open_asks_and_writes_nothing),
        T(test_a_malformed_scenario_at_start_is_explained_in_swedish),
        T(test_save_dialog_names_a_changed_baseline_after_its_file),
        T(test_save_as_over_another_file_asks_first_and_return_cancels),
        T(test_clicking_the_name_field_saves_nothing),
        T(test_save_as_proposes_a_new_file_in_the_users_folder),
        T(test_ctrl_s_on_a_bundled_scenario_is_save_as),
        T(test_a_read_only_file_is_never_replaced),
        T(test_export_over_existing_files_asks_first),
        T(test_ctrl_s_on_a_file_others_inherit_from_asks_first),
        T(test_unsaved_question_return_and_escape_cancel),
        T(test_clicking_the_compare_path_field_reads_nothing),
        T(test_clicking_a_detail_field_applies_nothing),
        T(test_title_names_the_scenario_and_its_unsaved_mark),
        T(test_baseline_name_is_translated),
        T(test_graphs_can_be_chosen_by_name),
        T(test_key_cards_are_not_cut_at_1280),
        T(test_slug_and_proposed_names),
        T(test_quit_asks_before_discarding_unsaved_changes),
        T(test_unsaved_question_discard_quits_and_cancel_stays),
        T(test_discard_then_a_failed_open_keeps_the_work_unsaved),
        T(test_unsaved_question_save_then_opens_the_other_file),
        T(test_compare_overlays_at_most_four_scenarios),
        T(test_compared_names_show_when_graphs_drop_their_legends),
        T(test_export_csv_has_a_column_per_graph_and_run),
        T(test_export_csv_in_swedish_is_for_swedish_excel),
        T(test_frame_labels_follow_the_language_at_once),
        T(test_themes_switch_regroups_the_levers),
        T(test_every_lever_gets_a_slider),
        T(test_budget_meter_turns_red_over_the_cap),
        T(test_detail_view_applies_a_typed_value_start_and_ramp),
        T(test_detail_view_takes_values_in_the_units_it_shows),
        T(test_detail_view_shows_the_source_in_the_window_language),
        T(test_detail_view_refuses_a_value_out_of_range),
        T(test_zoom_scales_fonts_and_widgets_within_limits),
        T(test_key_cards_show_whole_names_down_to_1024x600),
        T(test_key_cards_always_show_their_unit),
        T(test_lever_names_show_whole_in_the_panel_at_1024x600),
        T(test_help_names_clicks_and_workshop_keys_whole_in_both_languages),
        T(test_why_shares_add_up_to_the_change_and_a_card_click_opens_it),
        T(test_why_numbers_never_overprint),
        T(test_tabbing_through_the_levers_scrolls_each_into_view),
        T(test_focus_both_ways_shows_each_levers_name_and_slider_at_1024x600),
        T(test_key_hint_shows_whole_parts_at_1024x600_and_when_presenting),
        T(test_key_strip_pages_through_more_keys_than_fit),
        T(test_uncertainty_bands_bracket_the_draws_and_follow_changes),
        T(test_uncertainty_bands_grow_to_their_full_draws_while_nothing_changes),
        T(test_frame_draws_the_bands_when_asked),
        T(test_bands_start_after_the_first_frame),
        cmocka_unit_test(test_step_of_is_a_round_hundredth_of_the_range),
        cmocka_unit_test(test_budget_bar_without_a_cap_has_no_fill_or_compares),
        cmocka_unit_test(test_an_empty_scenario_file_is_told_apart),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
