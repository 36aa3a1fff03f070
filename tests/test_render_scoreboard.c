/* test_render_scoreboard.c: the workshop's scoreboard without a display:
 * the folder list (folders first, hidden and other files left out, walking
 * in and up), ticking and unticking the teams' files, their figures against
 * `transim run`'s, sorting by every kind of column (best first, the other
 * way round, missing values last, ties kept in order), the table's columns
 * per year shown and the columns that fit, the CSV in English and Swedish,
 * the export's free file name, the screen (a click on a head sorts, a click
 * on a file ticks it) and every word in both languages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "render/app.h"
#include "render/app_ui.h"
#include "render/fmt.h"
#include "render/scoreboard.h"
#include "render/strings.h"
#include "tests/render_test_util.h"
#include "sim/model/model.h"

/* Every character 7 px wide, every line 15 px high. */
static const test_font font = {7, 15};

typedef struct fixture {
    app *a;
    board *b;
    ui_ctx *ctx;
    char dir[64];
} fixture;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

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
    f->ctx->width = 1280;
    f->ctx->height = 720;
    snprintf(f->dir, sizeof f->dir, "%s", "/tmp/transim-board-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/.data", f->dir); /* hidden: not listed */
    setenv("XDG_DATA_HOME", sub, 1);
    /* Three teams, a folder, a hidden folder and a file that is no scenario. */
    char p[256];
    snprintf(p, sizeof p, "%s/red.ini", f->dir);
    write_file(p, "[scenario]\nname = Team Red\n[levers]\nadult_training_places = 6000\n");
    snprintf(p, sizeof p, "%s/blue.ini", f->dir);
    write_file(p, "[scenario]\nname = Team Blue\n[levers]\nadult_training_places = 4000\n"
                  "[budget]\ncap_msek_per_year = 1\n");
    snprintf(p, sizeof p, "%s/green.ini", f->dir);
    write_file(p, "; no name: the file's name is the team's\n");
    snprintf(p, sizeof p, "%s/notes.txt", f->dir);
    write_file(p, "not a scenario\n");
    snprintf(p, sizeof p, "%s/round2", f->dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/round2/yellow.ini", f->dir);
    write_file(p, "[scenario]\nname = Team Yellow\n");
    snprintf(p, sizeof p, "%s/.hidden", f->dir);
    mkdir(p, 0755);
    f->b = app_board(f->a);
    if (!f->b)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    app_destroy(f->a); /* destroys the board too */
    free(f->ctx);
    free(f);
    return 0;
}

/* The index of the entry named name, or -1. */
static int entry_of(const board *b, const char *name)
{
    for (int i = 0; i < b->nentries; i++)
        if (strcmp(b->entry[i].name, name) == 0)
            return i;
    return -1;
}

static void add(fixture *f, const char *name)
{
    char p[256];
    sim_error err;
    sim_error_clear(&err);
    snprintf(p, sizeof p, "%s/%s", f->dir, name);
    assert_int_equal(board_add(f->b, f->a, p, &err), SIM_OK);
}

static void test_folder_lists_up_then_folders_then_scenarios_only(void **state)
{
    fixture *f = *state;
    assert_int_equal(board_list(f->b, f->dir), 5);
    assert_int_equal(f->b->entry[0].kind, BOARD_ENTRY_UP);
    assert_int_equal(f->b->entry[1].kind, BOARD_ENTRY_DIR);
    assert_string_equal(f->b->entry[1].name, "round2");
    assert_string_equal(f->b->entry[2].name, "blue.ini");
    assert_string_equal(f->b->entry[3].name, "green.ini");
    assert_string_equal(f->b->entry[4].name, "red.ini");
    assert_int_equal(entry_of(f->b, "notes.txt"), -1);
    assert_int_equal(entry_of(f->b, ".hidden"), -1);
    /* The root has no "..". */
    board_list(f->b, "/");
    assert_true(f->b->nentries == 0 || f->b->entry[0].kind != BOARD_ENTRY_UP);
    /* A folder that cannot be read lists nothing and says so. */
    assert_int_equal(board_list(f->b, "/no/such/folder"), -1);
    assert_int_equal(f->b->nentries, 0);
}

static void test_folder_click_walks_in_and_up(void **state)
{
    fixture *f = *state;
    sim_error err;
    sim_error_clear(&err);
    board_list(f->b, f->dir);
    char top[1024];
    snprintf(top, sizeof top, "%s", f->b->dir);
    assert_int_equal(board_activate(f->b, f->a, entry_of(f->b, "round2"), &err), SIM_OK);
    assert_non_null(strstr(f->b->dir, "/round2"));
    assert_int_not_equal(entry_of(f->b, "yellow.ini"), -1);
    assert_int_equal(board_activate(f->b, f->a, 0, &err), SIM_OK); /* ".." */
    assert_string_equal(f->b->dir, top);
    assert_int_equal(f->b->nteams, 0); /* walking picks nothing */
}

static void test_file_click_ticks_then_unticks_a_team(void **state)
{
    fixture *f = *state;
    sim_error err;
    sim_error_clear(&err);
    board_list(f->b, f->dir);
    int red = entry_of(f->b, "red.ini");
    assert_int_equal(board_activate(f->b, f->a, red, &err), SIM_OK);
    assert_int_equal(f->b->nteams, 1);
    assert_string_equal(f->b->team[0].label, "Team Red");
    assert_int_equal(board_activate(f->b, f->a, entry_of(f->b, "green.ini"), &err), SIM_OK);
    assert_string_equal(f->b->team[1].label, "green"); /* no name: the file's */
    assert_int_equal(board_activate(f->b, f->a, red, &err), SIM_OK);
    assert_int_equal(f->b->nteams, 1);
    assert_string_equal(f->b->team[0].label, "green");
}

static void test_bad_file_changes_nothing_and_says_where(void **state)
{
    fixture *f = *state;
    char p[256];
    snprintf(p, sizeof p, "%s/broken.ini", f->dir);
    write_file(p, "[levers]\nno_such_lever = 1\n");
    sim_error err;
    sim_error_clear(&err);
    assert_int_not_equal(board_add(f->b, f->a, p, &err), SIM_OK);
    assert_int_equal(f->b->nteams, 0);
    char msg[1200];
    assert_non_null(strstr(sim_error_format(&err, msg, sizeof msg), "broken.ini"));
    /* Add all skips it and counts it. */
    board_list(f->b, f->dir);
    int failed = 0;
    sim_error_clear(&err);
    assert_int_equal(board_add_all(f->b, f->a, &failed, &err), 3);
    assert_int_equal(failed, 1);
    /* ... and says which, although good files follow it in the folder. */
    assert_non_null(strstr(sim_error_format(&err, msg, sizeof msg), "broken.ini"));
    /* A file already on the board is refused. */
    char real[1100];
    snprintf(real, sizeof real, "%s/red.ini", f->b->dir);
    assert_int_not_equal(board_add(f->b, f->a, real, &err), SIM_OK);
    assert_int_equal(f->b->nteams, 3);
}

/* The figures of team t against a run of its file. */
static void check_figures(fixture *f, const board_team *t, const char *path)
{
    scenario sc;
    scenario_init(&sc);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(scenario_load(&sc, path, &err), SIM_OK);
    run_result r;
    run_result_init(&r);
    assert_int_equal(run_scenario(&sc, NULL, &r, &err), SIM_OK);
    for (int k = 0; k < f->b->nkeys; k++) {
        int v = f->b->keys[k];
        double x = var_display(&var_table[v], app_value_at(&r, v, 2050));
        assert_true(fabs(t->key[1][k] - x) <= 1e-9 * fmax(1, fabs(x)));
        x = var_display(&var_table[v], app_value_at(&r, v, 2030));
        assert_true(fabs(t->key[0][k] - x) <= 1e-9 * fmax(1, fabs(x)));
    }
    run_result_release(&r);
}

static void test_figures_are_the_runs_and_the_cap_is_read(void **state)
{
    fixture *f = *state;
    add(f, "red.ini");
    add(f, "blue.ini");
    assert_int_equal(f->b->nkeys, f->a->nkeys);
    char p[256];
    snprintf(p, sizeof p, "%s/red.ini", f->dir);
    check_figures(f, &f->b->team[0], p);
    /* Red trains more than the baseline: it costs; the baseline does not. */
    assert_true(f->b->team[0].cost > 0);
    assert_true(f->b->team[0].peak > 0);
    assert_true(f->b->base.cost == 0);
    assert_true(f->b->team[0].cap == 0 && f->b->team[0].over == 0);
    /* Blue's cap of 1 MSEK a year is far below its spending: over. */
    assert_true(f->b->team[1].cap == 1);
    assert_true(f->b->team[1].over > 0);
}

static void test_opening_again_reads_what_teams_saved_since(void **state)
{
    fixture *f = *state;
    board_list(f->b, f->dir);
    add(f, "red.ini");
    double cost = f->b->team[0].cost;
    char p[256];
    snprintf(p, sizeof p, "%s/red.ini", f->dir);
    write_file(p, "[scenario]\nname = Team Red, round 2\n[levers]\nadult_training_places = 9000\n");
    snprintf(p, sizeof p, "%s/late.ini", f->dir);
    write_file(p, "[scenario]\nname = Late team\n");
    app_command(f->a, APP_CMD_SCOREBOARD);
    assert_int_equal(f->a->dialog, APP_DLG_SCOREBOARD);
    assert_string_equal(f->b->team[0].label, "Team Red, round 2");
    assert_true(f->b->team[0].cost > cost);
    assert_int_not_equal(entry_of(f->b, "late.ini"), -1); /* listed anew */
    assert_false(f->a->status_error);
    /* A file broken since keeps its last figures, and the status says so. */
    cost = f->b->team[0].cost;
    snprintf(p, sizeof p, "%s/red.ini", f->dir);
    write_file(p, "[levers]\nno_such_lever = 1\n");
    app_command(f->a, APP_CMD_SCOREBOARD); /* closes */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    app_command(f->a, APP_CMD_SCOREBOARD);
    assert_int_equal(f->b->nteams, 1);
    assert_true(f->b->team[0].cost == cost);
    assert_true(f->a->status_error);
    assert_non_null(strstr(f->a->status, "red.ini"));
}

static void test_first_click_ranks_best_first_second_reverses(void **state)
{
    fixture *f = *state;
    board *b = f->b;
    /* Figures set by hand: the sorting alone is under test. */
    b->nteams = 4;
    const char *names[4] = {"delta", "Alpha", "charlie", "bravo"};
    double vals[4] = {3, 1, NAN, 2};
    for (int i = 0; i < 4; i++) {
        memset(&b->team[i], 0, sizeof b->team[i]);
        snprintf(b->team[i].label, sizeof b->team[i].label, "%s", names[i]);
        for (int k = 0; k < b->nkeys; k++)
            b->team[i].key[0][k] = b->team[i].key[1][k] = vals[i];
        b->team[i].cost = vals[i];
        b->order[i] = i;
    }
    /* A key indicator where higher is better, and one where lower is. */
    int up = -1, down = -1;
    for (int k = 0; k < b->nkeys; k++) {
        if (var_table[b->keys[k]].better > 0 && up < 0)
            up = k;
        if (var_table[b->keys[k]].better < 0 && down < 0)
            down = k;
    }
    assert_true(up >= 0 && down >= 0);
    int col_up = 4 + 2 * up + 1, col_down = 4 + 2 * down;
    assert_int_equal(board_col_key(b, col_up), up);
    assert_int_equal(board_col_year(b, col_up), 1);
    board_click_col(b, col_up);
    assert_int_equal(b->sort_desc, 1);
    int want_desc[4] = {0, 3, 1, 2}; /* 3, 2, 1, then the missing one */
    for (int i = 0; i < 4; i++)
        assert_int_equal(b->order[i], want_desc[i]);
    board_click_col(b, col_up);
    int want_asc[4] = {1, 3, 0, 2}; /* 1, 2, 3, missing still last */
    for (int i = 0; i < 4; i++)
        assert_int_equal(b->order[i], want_asc[i]);
    board_click_col(b, col_down);
    assert_int_equal(b->sort_desc, 0);
    assert_int_equal(b->order[0], 1);
    /* Cost: cheapest first. */
    int cost = 1;
    assert_int_equal(board_col_kind_of(b, cost), BOARD_COL_COST);
    board_click_col(b, cost);
    assert_int_equal(b->order[0], 1);
    assert_int_equal(b->order[3], 2);
    /* The team column: A to Z, ignoring case. */
    board_click_col(b, 0);
    assert_string_equal(b->team[b->order[0]].label, "Alpha");
    assert_string_equal(b->team[b->order[1]].label, "bravo");
    assert_string_equal(b->team[b->order[3]].label, "delta");
    board_click_col(b, 0);
    assert_string_equal(b->team[b->order[0]].label, "delta");
}

static void test_ties_keep_the_order_ticked(void **state)
{
    fixture *f = *state;
    board *b = f->b;
    b->nteams = 3;
    for (int i = 0; i < 3; i++) {
        memset(&b->team[i], 0, sizeof b->team[i]);
        snprintf(b->team[i].label, sizeof b->team[i].label, "t%d", i);
        b->team[i].over = i == 1 ? 5 : 0;
    }
    int status = 3;
    assert_int_equal(board_col_kind_of(b, status), BOARD_COL_STATUS);
    board_sort(b, status, 0);
    assert_int_equal(b->order[0], 0);
    assert_int_equal(b->order[1], 2);
    assert_int_equal(b->order[2], 1); /* over the cap last */
    board_sort(b, -1, 0);
    for (int i = 0; i < 3; i++)
        assert_int_equal(b->order[i], i);
}

static void test_shown_columns_follow_the_years(void **state)
{
    fixture *f = *state;
    board *b = f->b;
    int cols[BOARD_COLS_MAX];
    assert_int_equal(board_shown_cols(b, cols), board_ncols(b));
    b->show_years = BOARD_YEARS_END;
    int n = board_shown_cols(b, cols);
    assert_int_equal(n, 1 + 3 + b->nkeys);
    assert_int_equal(cols[0], 0);
    assert_int_equal(board_col_kind_of(b, cols[1]), BOARD_COL_COST);
    assert_int_equal(board_col_kind_of(b, cols[3]), BOARD_COL_STATUS);
    for (int i = 4; i < n; i++)
        assert_int_equal(board_col_year(b, cols[i]), 1);
    b->show_years = BOARD_YEARS_MID;
    n = board_shown_cols(b, cols);
    assert_int_equal(board_col_year(b, cols[4]), 0);
    assert_int_equal(board_col_key(b, cols[n - 1]), b->nkeys - 1);
}

static void test_fit_keeps_the_frozen_column_and_at_least_one(void **state)
{
    (void)state;
    int w[6] = {200, 100, 100, 100, 100, 100};
    assert_int_equal(board_fit_cols(w, 6, 1, 0, 700), 5);
    assert_int_equal(board_fit_cols(w, 6, 1, 0, 699), 4);
    assert_int_equal(board_fit_cols(w, 6, 1, 2, 699), 3); /* from the third: all that are left */
    assert_int_equal(board_fit_cols(w, 6, 1, 0, 250), 1); /* never none */
    assert_int_equal(board_fit_cols(w, 6, 1, 5, 1000), 0); /* nothing left to show */
}

/* The whole file at path into a new string. */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *buf = calloc(1, 1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static void test_csv_has_provenance_every_column_and_the_order_shown(void **state)
{
    fixture *f = *state;
    add(f, "red.ini");
    add(f, "blue.ini");
    board_click_col(f->b, 0); /* Team Blue, Team Red */
    char p[256];
    sim_error err;
    sim_error_clear(&err);
    snprintf(p, sizeof p, "%s/board.csv", f->dir);
    assert_int_equal(board_export_csv(f->b, f->a, p, &err), SIM_OK);
    char *csv = slurp(p);
    assert_non_null(strstr(csv, "# Scoreboard: 2"));
    assert_non_null(strstr(csv, MODEL_VERSION));
    assert_non_null(strstr(csv, "# columns: rank,team,file"));
    char name[128];
    snprintf(name, sizeof name, ",%s:2050", var_table[f->b->keys[0]].name);
    assert_non_null(strstr(csv, name));
    char *base = strstr(csv, "\n,Baseline,"), *blue = strstr(csv, "\n1,Team Blue,"),
         *red = strstr(csv, "\n2,Team Red,");
    assert_non_null(base);
    assert_non_null(blue);
    assert_non_null(red);
    assert_true(base < blue && blue < red);
    assert_non_null(strstr(blue, ",over the cap\n"));
    assert_non_null(strstr(red, ",no cap\n"));
    /* Every data row has as many fields as the machine names. */
    int fields = 1 + 3 + 2 * f->b->nkeys + 5 - 1;
    int commas = 0;
    for (const char *q = blue + 1; *q && *q != '\n'; q++)
        commas += *q == ',';
    assert_int_equal(commas, fields - 1);
    free(csv);

    /* Swedish: a byte-order mark, semicolons, decimal commas, Swedish heads. */
    f->a->swedish = 1;
    assert_int_equal(board_export_csv(f->b, f->a, p, &err), SIM_OK);
    csv = slurp(p);
    assert_memory_equal(csv, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(csv, "Lag;"));
    assert_non_null(strstr(csv, "\n1;Team Blue;"));
    assert_non_null(strstr(csv, ";\xC3\xB6ver taket\n"));
    const char *figures = strstr(strstr(csv, "\n1;Team Blue;"), "blue.ini;") + 9;
    assert_true(strchr(figures, ',') != NULL && strchr(figures, ',') < strchr(figures, '\n'));
    assert_true(strchr(figures, '.') == NULL || strchr(figures, '.') > strchr(figures, '\n'));
    free(csv);
}

static void test_export_name_never_replaces_and_leaves_bundled_alone(void **state)
{
    fixture *f = *state;
    board_list(f->b, f->dir);
    char base[1024], p[1100];
    assert_int_equal(board_export_base(f->b, base, sizeof base), 0);
    assert_non_null(strstr(base, "/scoreboard"));
    snprintf(p, sizeof p, "%s.png", base);
    write_file(p, "x");
    char second[1024];
    assert_int_equal(board_export_base(f->b, second, sizeof second), 0);
    assert_non_null(strstr(second, "/scoreboard-2"));
    /* The bundled scenarios' folder is never written into. */
    board_list(f->b, TRANSIM_SOURCE_DIR "/scenarios");
    assert_int_equal(board_export_base(f->b, base, sizeof base), 0);
    assert_null(strstr(base, TRANSIM_SOURCE_DIR "/scenarios/"));
}

static void frame(fixture *f)
{
    app_layout l;
    app_frame(f->a, f->ctx, &l);
}

static void click(fixture *f, int x, int y)
{
    ui_input_mouse_move(f->ctx, x, y);
    ui_input_mouse_button(f->ctx, x, y, 1);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 0);
    frame(f);
}

/* The first text command of the overlay whose text starts with s, or NULL. */
static const ui_cmd *find_text(const ui_ctx *ctx, const char *s)
{
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && ctx->cmd[i].layer == 1 && strncmp(ctx->text + ctx->cmd[i].text, s, strlen(s)) == 0)
            return &ctx->cmd[i];
    return NULL;
}

static void test_screen_ticks_a_file_and_sorts_by_a_head(void **state)
{
    fixture *f = *state;
    assert_int_equal(app_show(f->a, "scoreboard"), 0);
    board_list(f->b, f->dir);
    frame(f);
    const ui_cmd *c = find_text(f->ctx, "\xE2\x98\x90  red.ini");
    assert_non_null(c);
    click(f, c->rect.x + 4, c->rect.y + 4);
    assert_int_equal(f->b->nteams, 1);
    c = find_text(f->ctx, "\xE2\x98\x90  blue.ini");
    assert_non_null(c);
    click(f, c->rect.x + 4, c->rect.y + 4);
    assert_int_equal(f->b->nteams, 2);
    frame(f);
    assert_non_null(find_text(f->ctx, "\xE2\x98\x91  blue.ini")); /* ticked */
    /* The team column's head: A to Z. */
    c = find_text(f->ctx, "Team");
    assert_non_null(c);
    click(f, c->rect.x + 2, c->rect.y + 2);
    assert_int_equal(f->b->sort_col, 0);
    assert_string_equal(f->b->team[f->b->order[0]].label, "Team Blue");
    /* Close: the board stays for the next time. */
    c = find_text(f->ctx, str_get(STR_DETAIL_CLOSE, 0));
    assert_non_null(c);
    click(f, c->rect.x + 2, c->rect.y + 2);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    app_command(f->a, APP_CMD_SCOREBOARD);
    assert_int_equal(f->a->dialog, APP_DLG_SCOREBOARD);
    assert_int_equal(f->b->nteams, 2);
}

static void test_screen_fits_1024x600_in_both_languages(void **state)
{
    fixture *f = *state;
    add(f, "red.ini");
    add(f, "blue.ini");
    app_show(f->a, "scoreboard");
    for (int sv = 0; sv < 2; sv++) {
        f->a->swedish = sv;
        f->ctx->width = 1024;
        f->ctx->height = 600;
        frame(f);
        /* Nothing outside the window, and the table shows some columns. */
        for (int i = 0; i < f->ctx->ncmd; i++) {
            const ui_cmd *c = &f->ctx->cmd[i];
            if ((c->type != UI_CMD_RECT && c->type != UI_CMD_TEXT) || c->layer != 1)
                continue;
            assert_true(c->rect.x >= 0 && c->rect.y >= 0);
            assert_true(c->rect.x + c->rect.w <= 1024 && c->rect.y + c->rect.h <= 600);
        }
        assert_true(f->b->page_fit >= 2); /* a pair of years beside the team and its cost */
        assert_true(f->a->board_rect.w > 600);
    }
}

/* A long team name uses its column: at 1024x600 and at a projector's
 * 1280x720, in both languages, it shows whole on two lines (its row grows,
 * the next row starts below it) and nothing of it is cut with an ellipsis;
 * hovering over it shows it whole with its file. */
static void test_long_team_name_wraps_in_its_column_and_shows_whole_on_hover(void **state)
{
    fixture *f = *state;
    static const char name[] = "T1 Digitalisation and business development";
    char p[256];
    snprintf(p, sizeof p, "%s/t1.ini", f->dir);
    write_file(p, "[scenario]\nname = T1 Digitalisation and business development\n");
    add(f, "t1.ini");
    add(f, "red.ini");
    app_show(f->a, "scoreboard");
    static const int sizes[2][2] = {{1024, 600}, {1280, 720}};
    for (int k = 0; k < 4; k++) {
        f->a->swedish = k % 2;
        f->ctx->width = sizes[k / 2][0];
        f->ctx->height = sizes[k / 2][1];
        ui_input_mouse_move(f->ctx, 0, 0);
        frame(f);
        frame(f);
        /* Its first line, then the rest on the next line below it. */
        const ui_cmd *first = find_text(f->ctx, "T1 ");
        assert_non_null(first);
        const char *t1 = f->ctx->text + first->text;
        size_t n = strlen(t1);
        /* The test font makes it too long for one line. */
        assert_true(n + 1 < sizeof name - 1 && strncmp(name, t1, n) == 0 && name[n] == ' ');
        const ui_cmd *second = find_text(f->ctx, name + n + 1);
        assert_non_null(second);
        assert_string_equal(f->ctx->text + second->text, name + n + 1);
        assert_true(second->rect.y >= first->rect.y + first->rect.h);
        assert_int_equal(second->rect.x, first->rect.x);
        /* Team Red's row, ranked after it, starts below both lines. */
        const ui_cmd *red = find_text(f->ctx, "Team Red");
        assert_non_null(red);
        assert_int_equal(f->b->order[0], 0);
        assert_true(red->rect.y >= second->rect.y + second->rect.h);
        /* No ellipsis in any team's name. */
        for (int i = 0; i < f->ctx->ncmd; i++) {
            const ui_cmd *c = &f->ctx->cmd[i];
            const char *t = f->ctx->text + c->text;
            if (c->type == UI_CMD_TEXT && (strncmp(t, "T1", 2) == 0 || strncmp(t, "busi", 4) == 0) &&
                strstr(t, "\xE2\x80\xA6"))
                fail_msg("'%s' cut short", t);
        }
        /* Hovering the name shows it whole, with its file. */
        ui_input_mouse_move(f->ctx, first->rect.x + 4, first->rect.y + 4);
        frame(f);
        int tips = 0;
        for (int i = 0; i < f->ctx->ncmd; i++) {
            const ui_cmd *c = &f->ctx->cmd[i];
            if (c->type == UI_CMD_TEXT && strcmp(f->ctx->text + c->text, name) == 0)
                tips++;
        }
        assert_int_equal(tips, 1);
        assert_non_null(find_text(f->ctx, p));
    }
    /* Ranked Z to A, Team Red comes first: the hover still names the team
     * under the mouse, with its own file. */
    board_sort(f->b, 0, 1);
    ui_input_mouse_move(f->ctx, 0, 0);
    frame(f);
    frame(f);
    assert_int_equal(f->b->order[0], 1);
    const ui_cmd *first = find_text(f->ctx, "T1 ");
    assert_non_null(first);
    assert_true(first->rect.y > find_text(f->ctx, "Team Red")->rect.y);
    ui_input_mouse_move(f->ctx, first->rect.x + 4, first->rect.y + 4);
    frame(f);
    int tips = 0;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        tips += c->type == UI_CMD_TEXT && strcmp(f->ctx->text + c->text, name) == 0;
    }
    assert_int_equal(tips, 1);
    assert_non_null(find_text(f->ctx, p));
    ui_input_mouse_move(f->ctx, 0, 0);
}

/* In presentation mode (1280x720 at the projector's zoom) the folder list
 * folds away once teams are on the board, so the table shows more than one
 * indicator's pair of years; its toggle brings the list back (and folds it
 * again), and outside presentation mode the list starts open. */
static void test_presentation_folds_the_folder_list_for_the_table(void **state)
{
    fixture *f = *state;
    add(f, "red.ini");
    add(f, "blue.ini");
    app_show(f->a, "scoreboard");
    f->ctx->width = 1280;
    f->ctx->height = 720;
    f->ctx->scale = 1.3f;
    const char *add_all = board_text(BOARD_STR_ADD_ALL, 0);
    /* Not presenting: the list is there. */
    frame(f);
    assert_non_null(find_text(f->ctx, add_all));
    int open_fit = f->b->page_fit;
    f->a->present = 1;
    frame(f);
    frame(f);
    assert_null(find_text(f->ctx, add_all));
    assert_true(f->b->page_fit >= 4); /* two indicators' 2030 and 2050 at least */
    assert_true(f->b->page_fit > open_fit);
    /* The toggle opens it again, and folds it. */
    const ui_cmd *c = find_text(f->ctx, board_text(BOARD_STR_FOLDER_SHOW, 0));
    assert_non_null(c);
    click(f, c->rect.x + 2, c->rect.y + 2);
    frame(f);
    assert_non_null(find_text(f->ctx, add_all));
    c = find_text(f->ctx, board_text(BOARD_STR_FOLDER_HIDE, 0));
    assert_non_null(c);
    click(f, c->rect.x + 2, c->rect.y + 2);
    frame(f);
    assert_null(find_text(f->ctx, add_all));
    f->ctx->scale = 1.0f;
}

/* Texts of layer 0 in ctx starting with s. */
static int count_base_texts(const ui_ctx *ctx, const char *s)
{
    int n = 0;
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && ctx->cmd[i].layer == 0 &&
            strncmp(ctx->text + ctx->cmd[i].text, s, strlen(s)) == 0)
            n++;
    return n;
}

/* The PNG export's sheet holds the whole table whatever the window shows:
 * at 1024x600, with one year shown and the columns paged, it still has both
 * years of every key indicator, cost, peak and status, every team and the
 * baseline, the title and what the rank is on, and the provenance line
 * (model, date, folder); nothing cut short or outside it, and the board's
 * own paging is left as it was. */
static void test_sheet_holds_every_column_and_row_whatever_the_window_shows(void **state)
{
    fixture *f = *state;
    add(f, "red.ini");
    add(f, "blue.ini");
    add(f, "green.ini");
    app_show(f->a, "scoreboard");
    f->ctx->width = 1024;
    f->ctx->height = 600;
    f->b->show_years = BOARD_YEARS_MID;
    frame(f);
    int cols[BOARD_COLS_MAX], n = board_shown_cols(f->b, cols);
    for (int i = 0; i < n; i++)
        if (board_col_kind_of(f->b, cols[i]) == BOARD_COL_KEY && board_col_key(f->b, cols[i]) == 1)
            board_click_col(f->b, cols[i]);
    frame(f);
    f->b->first_col = 1;
    frame(f);
    assert_true(f->b->page_fit < f->b->page_total); /* the window shows a part */
    int first = f->b->first_col, fit = f->b->page_fit;

    ui_ctx *sheet = malloc(sizeof *sheet);
    assert_non_null(sheet);
    test_ui_init(sheet, &font);
    ui_begin(sheet);
    ui_rect r = app_board_sheet(f->a, sheet);
    ui_end(sheet);
    assert_int_equal(f->b->show_years, BOARD_YEARS_MID);
    assert_int_equal(f->b->first_col, first);
    assert_int_equal(f->b->page_fit, fit);
    assert_true(r.w > f->a->board_rect.w);

    char y0[16], y1[16];
    snprintf(y0, sizeof y0, "%.0f", f->b->years[0]);
    snprintf(y1, sizeof y1, "%.0f", f->b->years[1]);
    /* A year under every key indicator's two columns. */
    assert_int_equal(count_base_texts(sheet, y0), f->b->nkeys);
    assert_int_equal(count_base_texts(sheet, y1), f->b->nkeys);
    const char *want[] = {board_text(BOARD_STR_TITLE, 0), board_text(BOARD_STR_RANKED_BY, 0),
                          str_get(STR_BASELINE, 0), "Team Red", "Team Blue", "green",
                          board_text(BOARD_STR_COST, 0), board_text(BOARD_STR_PEAK, 0),
                          board_text(BOARD_STR_STATUS, 0), MODEL_VERSION};
    /* Every text whole and inside; then every head and every team's figures. */
    static char all[65536];
    all[0] = '\0';
    for (int i = 0; i < sheet->ncmd; i++)
        if (sheet->cmd[i].type == UI_CMD_TEXT) {
            const ui_cmd *c = &sheet->cmd[i];
            const char *t = sheet->text + c->text;
            strncat(all, t, sizeof all - strlen(all) - 2);
            strcat(all, " ");
            if (strstr(t, "\xE2\x80\xA6"))
                fail_msg("'%s' cut short on the sheet", t);
            if (c->rect.x < 0 || c->rect.y < 0 || c->rect.x + c->rect.w > r.w || c->rect.y + c->rect.h > r.h)
                fail_msg("'%s' outside the %dx%d sheet", t, r.w, r.h);
        }
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
        if (!strstr(all, want[k]))
            fail_msg("the sheet has no '%s': %s", want[k], all);
    for (int k = 0; k < f->b->nkeys; k++) {
        const char *label = app_label(f->a, f->b->keys[k]);
        if (!strstr(all, label))
            fail_msg("no head '%s' on the sheet", label);
    }
    for (int t = 0; t < f->b->nteams; t++) {
        char num[64];
        for (int c = 0; c < board_ncols(f->b); c++) {
            double v = board_value(&f->b->team[t], f->b, c);
            if (board_col_kind_of(f->b, c) != BOARD_COL_KEY || !isfinite(v))
                continue;
            fmt_value(num, sizeof num, v, 0);
            if (!strstr(all, num))
                fail_msg("team %d's %s (column %d) not on the sheet", t, num, c);
        }
    }
    char when[16];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%d", &tm);
    assert_non_null(strstr(all, when));
    assert_non_null(strstr(all, f->b->dir));
    free(sheet);
}

static void test_every_word_in_english_and_swedish(void **state)
{
    (void)state;
    for (int i = 0; i < BOARD_STR_COUNT; i++) {
        const char *en = board_text((board_str)i, 0), *sv = board_text((board_str)i, 1);
        assert_non_null(en);
        assert_non_null(sv);
        assert_true(en[0] != '\0');
        assert_true(sv[0] != '\0');
    }
    assert_string_equal(board_text(BOARD_STR_COUNT, 0), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_folder_lists_up_then_folders_then_scenarios_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folder_click_walks_in_and_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_click_ticks_then_unticks_a_team, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_file_changes_nothing_and_says_where, setup, teardown),
        cmocka_unit_test_setup_teardown(test_figures_are_the_runs_and_the_cap_is_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_opening_again_reads_what_teams_saved_since, setup, teardown),
        cmocka_unit_test_setup_teardown(test_first_click_ranks_best_first_second_reverses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ties_keep_the_order_ticked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shown_columns_follow_the_years, setup, teardown),
        cmocka_unit_test(test_fit_keeps_the_frozen_column_and_at_least_one),
        cmocka_unit_test_setup_teardown(test_csv_has_provenance_every_column_and_the_order_shown, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_name_never_replaces_and_leaves_bundled_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_screen_ticks_a_file_and_sorts_by_a_head, setup, teardown),
        cmocka_unit_test_setup_teardown(test_screen_fits_1024x600_in_both_languages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_presentation_folds_the_folder_list_for_the_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_team_name_wraps_in_its_column_and_shows_whole_on_hover, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sheet_holds_every_column_and_row_whatever_the_window_shows, setup,
                                        teardown),
        cmocka_unit_test(test_every_word_in_english_and_swedish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
