/* test_render_why.c: the causes tree of the "why" panel without a display:
 * its rows are the model graph's causes two steps back (as `transim graph
 * --causes` walks them) with the declared sign of each link and the values
 * of the runs, it is cut at the second step first when too long, its rows
 * are laid out by depth and hit-tested, and the panel shows it and follows
 * a click to a cause. Text is measured by a stand-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/app.h"
#include "render/app_ui.h"
#include "render/why_tree.h"
#include "tests/render_test_util.h"
#include "sim/files/graph.h"

/* Every character 7 px wide, every line 15 px high. */
static const test_font font = {7, 15};

typedef struct fixture {
    app *a;
    ui_ctx *ctx;
    app_layout l;
    graph g;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    sim_error err;
    sim_error_clear(&err);
    setenv("XDG_DATA_HOME", "/tmp/transim-test-why-data", 1);
    setenv("XDG_STATE_HOME", "/tmp/transim-test-why-state", 1);
    f->a = app_create(&err);
    f->ctx = malloc(sizeof *f->ctx);
    if (!f->a || !f->ctx || graph_build(&f->g) != SIM_OK)
        return -1;
    test_ui_init(f->ctx, &font);
    f->ctx->width = 1280;
    f->ctx->height = 800;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    graph_release(&f->g);
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

static int var(const char *name)
{
    int v = var_find(name);
    if (v < 0)
        fail_msg("no variable '%s'", name);
    return v;
}

/* 1 when some text command of the last frame reads s. */
static int shows_text(const ui_ctx *ctx, const char *s)
{
    for (int i = 0; i < ctx->ncmd; i++)
        if (ctx->cmd[i].type == UI_CMD_TEXT && strcmp(ctx->text + ctx->cmd[i].text, s) == 0)
            return 1;
    return 0;
}

static void assert_same(double a, double b)
{
    if (!(fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b))))
        fail_msg("%.12g differs from %.12g", a, b);
}

/* Employment = employed_20_64 / (1 - other_ages_share), and employed_20_64
 * is the sum of the three skill levels: the tree says so, in the order of
 * the equations' inputs, every link rising. */
static void test_employment_tree_is_its_equation_two_steps_back(void **state)
{
    fixture *f = *state;
    why_tree t;
    why_tree_build(&t, &f->g, var("employment"), 2, &f->a->cur, &f->a->base, 2050);
    static const char *const names[] = {"employment",   "employed_20_64", "employed_low",
                                        "employed_med", "employed_high",  "other_ages_share"};
    static const int depth[] = {0, 1, 2, 2, 2, 1}, parent[] = {-1, 0, 1, 1, 1, 0};
    assert_int_equal(t.n, 6);
    assert_int_equal(t.hidden, 0);
    for (int i = 0; i < 6; i++) {
        assert_string_equal(var_table[t.node[i].var].name, names[i]);
        assert_int_equal(t.node[i].depth, depth[i]);
        assert_int_equal(t.node[i].parent, parent[i]);
        assert_int_equal(t.node[i].pol, i == 0 ? 0 : '+');
    }
}

/* Every row's sign is the table's declared sign of its link, every row's
 * value is the run's value in display units, and the rows hold exactly the
 * variables `transim graph --causes VAR --depth 2` reaches. */
static void test_rows_carry_the_declared_signs_and_the_runs_values(void **state)
{
    fixture *f = *state;
    app_set_value(f->a, var_lever_ids[0], var_table[var_lever_ids[0]].max, 0);
    int saw_minus = 0, saw_unsure = 0;
    static const char *const vars[] = {"skill_mismatch", "unemployment_rate", "emissions_total",
                                       "grp_per_capita", "firm_starts_per_1000"};
    for (size_t k = 0; k < sizeof vars / sizeof vars[0]; k++) {
        int v = var(vars[k]);
        why_tree t;
        why_tree_build(&t, &f->g, v, 2, &f->a->cur, &f->a->base, 2030);
        assert_true(t.n > 1);
        int dist[VAR_COUNT], in_tree[VAR_COUNT] = {0};
        graph_causes(&f->g, v, 2, dist);
        for (int i = 0; i < t.n; i++) {
            const why_node *n = &t.node[i];
            in_tree[n->var] = 1;
            assert_true(dist[n->var] >= 0 && dist[n->var] <= n->depth);
            assert_same(n->value, var_display(&var_table[n->var], app_value_at(&f->a->cur, n->var, 2030)));
            assert_same(n->base, var_display(&var_table[n->var], app_value_at(&f->a->base, n->var, 2030)));
            if (i == 0)
                continue;
            const why_node *p = &t.node[n->parent];
            assert_int_equal(n->depth, p->depth + 1);
            char want = graph_edge_pol(&f->g, n->var, p->var);
            assert_true(want != 0); /* a real edge of the model */
            assert_int_equal(n->pol, want == '+' || want == '-' ? want : '?');
            saw_minus |= n->pol == '-';
            saw_unsure |= n->pol == '?';
        }
        if (t.hidden == 0)
            for (int w = 0; w < VAR_COUNT; w++)
                if (dist[w] >= 0 && !in_tree[w])
                    fail_msg("%s: cause '%s' missing", vars[k], var_table[w].name);
    }
    assert_true(saw_minus);
    assert_true(saw_unsure);
}

/* working_age_pop has more than a hundred causes within two steps: every
 * first-step cause keeps its row, the second step is cut, and what is cut
 * is counted where it belongs. */
static void test_a_long_tree_keeps_the_first_step_and_counts_the_rest(void **state)
{
    fixture *f = *state;
    int v = var("working_age_pop");
    why_tree t;
    why_tree_build(&t, &f->g, v, 2, &f->a->cur, &f->a->base, 2050);
    int n1 = f->g.in_start[v + 1] - f->g.in_start[v], total = 1 + n1;
    for (int e = f->g.in_start[v]; e < f->g.in_start[v + 1]; e++) {
        int u = f->g.edges[e].from;
        total += f->g.in_start[u + 1] - f->g.in_start[u];
    }
    assert_true(total > WHY_TREE_MAX);
    assert_int_equal(t.n, WHY_TREE_MAX);
    assert_int_equal(t.n + t.hidden, total);
    int first = 0, hidden = 0;
    for (int i = 0; i < t.n; i++) {
        first += t.node[i].depth == 1;
        hidden += t.node[i].hidden;
    }
    assert_int_equal(first, n1 < WHY_TREE_MAX - 1 ? n1 : WHY_TREE_MAX - 1);
    assert_int_equal(hidden, t.hidden);
    /* One step back: only the first step, nothing hidden. */
    why_tree_build(&t, &f->g, v, 1, &f->a->cur, &f->a->base, 2050);
    assert_int_equal(t.n, 1 + n1);
    assert_int_equal(t.hidden, 0);
    /* An input has no causes: the tree is the input alone. */
    why_tree_build(&t, &f->g, var_lever_ids[0], 2, &f->a->cur, &f->a->base, 2050);
    assert_int_equal(t.n, 1);
}

/* Rows stack downwards, each step back one indent further right, and the
 * hit test finds the row under a point and nothing outside. */
static void test_rows_are_laid_out_by_depth_and_hit_tested(void **state)
{
    fixture *f = *state;
    why_tree t;
    why_tree_build(&t, &f->g, var("employment"), 2, &f->a->cur, &f->a->base, 2050);
    why_tree_geom g;
    why_tree_layout(&t, ui_rect_make(100, 50, 400, 0), 20, 26, &g);
    assert_int_equal(g.height, 6 * 20);
    for (int i = 0; i < t.n; i++) {
        assert_int_equal(g.row[i].x, 100 + 26 * t.node[i].depth);
        assert_int_equal(g.row[i].y, 50 + 20 * i);
        assert_int_equal(g.row[i].x + g.row[i].w, 500);
        assert_int_equal(g.row[i].h, 20);
        assert_int_equal(why_tree_row_at(&t, &g, 499, 50 + 20 * i + 10), i);
    }
    assert_int_equal(why_tree_row_at(&t, &g, 300, 49), -1);
    assert_int_equal(why_tree_row_at(&t, &g, 300, 50 + 6 * 20), -1);
    assert_int_equal(why_tree_row_at(&t, &g, 501, 60), -1);
    /* A second-step row starts two indents in: left of it is no row of its own. */
    assert_int_equal(why_tree_row_at(&t, &g, 110, 50 + 2 * 20 + 5), -1);
    assert_string_equal(why_tree_sign_text('+'), "+");
    assert_string_equal(why_tree_sign_text('-'), "\xE2\x88\x92");
    assert_string_equal(why_tree_sign_text('?'), "?");
}

/* The panel shows the causes beside the levers' shares, in both languages,
 * with the value of each; a click on a cause explains that one. */
static void test_panel_shows_the_causes_and_a_click_explains_a_cause(void **state)
{
    fixture *f = *state;
    app_set_value(f->a, var_lever_ids[0], var_table[var_lever_ids[0]].max, 0);
    assert_int_equal(app_show(f->a, "why:employment"), 0);
    frame(f);
    frame(f);
    assert_int_equal(f->a->dialog, APP_DLG_WHY);
    assert_true(shows_text(f->ctx, "Causes, two steps back"));
    assert_true(shows_text(f->ctx, app_label(f->a, var("employed_20_64"))));
    assert_true(shows_text(f->ctx, app_label(f->a, var("other_ages_share"))));
    /* The year of the values: 2050 at first, 2030 on its tab. */
    assert_int_equal(f->a->why_year_sel, 1);
    f->a->swedish = 1;
    frame(f);
    assert_true(shows_text(f->ctx, "Orsaker, tv\xC3\xA5 steg bak\xC3\xA5t"));
    assert_true(shows_text(f->ctx, var_table[var("employed_20_64")].label_sv));
    f->a->swedish = 0;
    frame(f);
    /* Find the row of employed_20_64 by its label and click it. */
    const char *want = app_label(f->a, var("employed_20_64"));
    int x = -1, y = -1;
    for (int i = 0; i < f->ctx->ncmd; i++) {
        const ui_cmd *c = &f->ctx->cmd[i];
        if (c->type == UI_CMD_TEXT && strcmp(f->ctx->text + c->text, want) == 0 && c->layer == 1) {
            x = c->rect.x + 5;
            y = c->rect.y + 5;
        }
    }
    assert_true(x >= 0);
    ui_input_mouse_move(f->ctx, x, y);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 1);
    frame(f);
    ui_input_mouse_button(f->ctx, x, y, 0);
    frame(f);
    assert_int_equal(f->a->why_var, var("employed_20_64"));
    assert_int_equal(f->a->dialog, APP_DLG_WHY);
    frame(f);
    assert_true(shows_text(f->ctx, app_label(f->a, var("employed_low"))));
    /* Back returns to the variable explained before (Backspace too). */
    assert_int_equal(f->a->why_nback, 1);
    char back[200];
    snprintf(back, sizeof back, "\xE2\x80\xB9 %s", app_label(f->a, var("employment")));
    assert_true(shows_text(f->ctx, back));
    ui_input_key(f->ctx, UI_KEY_BACKSPACE, 0);
    frame(f);
    assert_int_equal(f->a->why_var, var("employment"));
    assert_int_equal(f->a->why_nback, 0);
    frame(f);
    assert_false(shows_text(f->ctx, back));
    /* Closed and opened again: nothing to go back to. */
    f->a->why_back[0] = var("grp");
    f->a->why_nback = 1;
    ui_input_key(f->ctx, UI_KEY_ESCAPE, 0);
    frame(f);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_int_equal(app_show(f->a, "why:employment"), 0);
    frame(f);
    assert_int_equal(f->a->why_nback, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_employment_tree_is_its_equation_two_steps_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows_carry_the_declared_signs_and_the_runs_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_long_tree_keeps_the_first_step_and_counts_the_rest, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_rows_are_laid_out_by_depth_and_hit_tested, setup, teardown),
        cmocka_unit_test_setup_teardown(test_panel_shows_the_causes_and_a_click_explains_a_cause, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
