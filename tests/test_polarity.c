/* test_polarity.c: the signs the model table declares for its inputs
 * (`.polarity`, sim/engine/var.h) hold, and the named feedback loops that
 * `transim graph --loops` finds (sim/files/graph.c) have the sign their
 * letter says (B balancing, R reinforcing).
 *
 * An edge I -> X is checked by perturbing the baseline state around 2020 and
 * 2030: a root R (a stock, lever, assumption or parameter) whose every path
 * to X within one evaluation passes through I is nudged up, and the sign of
 * the change of X (of its derivative when X is a stock) times the sign of
 * the change of I is the edge's sign. R is I itself when I is a root with
 * no other path to X.
 *
 * The calibrated 2020 reference state (the ref_* rows, sim/model/calib.def)
 * is computed once per run, so for an edge into any other row it is held at
 * its baseline values: each ref_* row is then a root of its own, and a
 * parameter that also enters the calibration is seen through its other
 * uses only. Edges into the ref_* rows are measured with the calibration
 * recomputed; where no root isolates one (calib.c computes every ref_* row
 * from the parameters in one pass, so a row's inputs mostly reach it through
 * one another as well), its sign is the partial derivative of the row's
 * equation, found by the chain rule (calib_partials). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>

#include "sim/files/graph.h"
#include "sim/files/scenario.h"
#include "tests/model_test_util.h"

#define SRC TRANSIM_SOURCE_DIR

/* A baseline state to perturb. */
typedef struct state {
    scenario sc;
    double t;
    double y[STOCK_COUNT];
    double cal[VAR_COUNT]; /* the values after one evaluation: the calibration */
} state;

/* One evaluation: v and the derivatives. */
typedef struct eval {
    double v[VAR_COUNT];
    double dydt[STOCK_COUNT];
} eval;

/* The states perturbed: the baseline around 2020 and in 2030, and the full
 * toolbox in 2040, where every lever stands above its baseline so that the
 * links of take-up, deadweight and displacement move something. */
enum { NSTATES = 3 };
static state states[NSTATES];
static const char *const state_file[NSTATES] = {"baseline", "baseline", "full_toolbox"};
static const double state_t[NSTATES] = {2020.5, 2030, 2040};

/* A row of the calibration (sim/model/calib.def: every one is ref_*). */
static int is_calib(int v)
{
    return strncmp(var_table[v].name, "ref_", 4) == 0;
}

/* frozen: the calibration is held, and its rows are roots. */
static int is_root(int v, int frozen)
{
    var_kind k = var_table[v].kind;
    return k == VAR_STOCK || k == VAR_LEVER || k == VAR_ASSUMPTION || k == VAR_PARAM ||
           (frozen && is_calib(v));
}

/* Evaluates s with root r moved by h (r < 0: no move); frozen: with the
 * baseline calibration, which model_eval then does not recompute. */
static void evaluate(const state *s, int r, double h, int frozen, eval *e)
{
    double y[STOCK_COUNT];
    memcpy(y, s->y, sizeof y);
    for (int i = 0; i < VAR_COUNT; i++)
        e->v[i] = frozen && is_calib(i) ? s->cal[i] : s->sc.value[i];
    for (int l = 0; l < LEVER_COUNT; l++) {
        int id = var_lever_ids[l];
        e->v[id] = scenario_lever_at(&s->sc, id, s->t, s->t);
    }
    if (r >= 0) {
        if (var_table[r].kind == VAR_STOCK)
            y[var_table[r].stock] += h;
        else
            e->v[r] += h;
    }
    model_frame f = {.t = s->t, .t0 = s->sc.start, .y = y, .v = e->v, .dydt = e->dydt,
                     .report = 1, .sc = &s->sc};
    model_eval(&f);
}

/* What is observed of x: its derivative for a stock, its value otherwise. */
static double seen(const eval *e, int x)
{
    return var_table[x].kind == VAR_STOCK ? e->dydt[var_table[x].stock] : e->v[x];
}

/* Whether x is reached from r within one evaluation without passing skip
 * (skip < 0: none) or using the edge skip -> x directly. Stocks pass nothing
 * on: their values are the state, not computed; nor, frozen, does the
 * calibration. */
static int reaches(const graph *g, int r, int x, int skip, int frozen)
{
    static int mark[VAR_COUNT], queue[VAR_COUNT];
    memset(mark, 0, sizeof mark);
    int head = 0, tail = 0;
    queue[tail++] = r;
    mark[r] = 1;
    while (head < tail) {
        int v = queue[head++];
        if (v != r && var_table[v].kind == VAR_STOCK)
            continue;
        for (int i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
            int w = g->edges[g->out[i]].to;
            if (w == skip && skip != r)
                continue;
            if (frozen && is_calib(w))
                continue;
            if (v == skip && w == x)
                continue;
            if (w == x)
                return 1;
            if (!mark[w]) {
                mark[w] = 1;
                queue[tail++] = w;
            }
        }
    }
    return 0;
}

/* The step for root r: small against its value or its range. */
static double step_of(const state *s, int r)
{
    double x = var_table[r].kind == VAR_STOCK ? s->y[var_table[r].stock]
               : is_calib(r)                   ? s->cal[r]
                                               : s->sc.value[r];
    double range = var_table[r].max - var_table[r].min;
    double h = 1e-4 * fabs(x);
    if (h == 0)
        h = range > 0 ? 1e-4 * range : 1e-6;
    return h;
}

/* The sign of edge from -> to at state s: +1, -1, or 0 when no root shows it
 * (every root has another path, or moves nothing). */
/* Why measure() saw no sign (unchecked_edges gives one for each edge). */
#define WHY_OTHER_WAY "the input also reaches the output by another way within one evaluation"
#define WHY_NO_ROOT "every root behind the input also reaches the output by another way"
#define WHY_NO_MOVE                                                                               \
    "no root moves both in the three states: a max() or min() holds there, or the link is "      \
    "multiplied by a lever at its baseline"
#define WHY_INITIAL                                                                               \
    "the input sets only the stock's initial value, which no perturbation within a run moves"
#define WHY_NO_CHAIN                                                                              \
    "no root isolates it, and the chain rule does not separate the row's inputs: some are "      \
    "computed from the others, or stand for a trend"
#define WHY_TABLE_VALUE                                                                           \
    "the calibration reads the lever's value in the model table, which no scenario or "           \
    "perturbation moves"
static const char why_other_way[] = WHY_OTHER_WAY, why_no_root[] = WHY_NO_ROOT,
                  why_no_move[] = WHY_NO_MOVE, why_table_value[] = WHY_TABLE_VALUE,
                  why_no_chain[] = WHY_NO_CHAIN;
static const char *measure_why;

static int measure(const graph *g, const state *s, const eval *base, int from, int to)
{
    /* Candidate roots: from itself, then the roots behind it, nearest first. */
    int frozen = !is_calib(to);
    /* An input that also reaches the output by another way cannot be seen
     * alone: any move of it moves the output by both. */
    if (reaches(g, from, to, from, frozen)) {
        measure_why = why_other_way;
        return 0;
    }
    int isolated = 0;
    int dist[VAR_COUNT];
    graph_causes(g, from, 8, dist);
    if (var_table[from].kind == VAR_STOCK) /* a stock's value has no causes within a step */
        for (int v = 0; v < VAR_COUNT; v++)
            dist[v] = v == from ? 0 : -1;
    for (int d = 0; d <= 8; d++) {
        for (int r = 0; r < VAR_COUNT; r++) {
            if (dist[r] != d || !is_root(r, frozen))
                continue;
            if (reaches(g, r, to, from, frozen))
                continue;
            isolated = 1;
            eval e;
            double h = step_of(s, r);
            evaluate(s, r, h, frozen, &e);
            double di = r == from ? h : e.v[from] - base->v[from];
            double dx = seen(&e, to) - seen(base, to);
            double tol_i = 1e-11 * (fabs(base->v[from]) + 1e-300);
            double tol_x = 1e-9 * (fabs(seen(base, to)) + 1e-12);
            if (fabs(di) <= tol_i || fabs(dx) <= tol_x)
                continue;
            return (dx > 0) == (di > 0) ? 1 : -1;
        }
    }
    measure_why = isolated ? why_no_move : why_no_root;
    return 0;
}

/* The partial derivatives of the calibration row x with respect to each of
 * its inputs, by the chain rule: each root r behind x (a parameter,
 * assumption or lever), moved by +h and -h with the calibration recomputed,
 * moves the n inputs by dI and x by dx = sum_i g_i dI_i; g (in relative
 * terms: the elasticities) solves these equations by least squares. g is
 * known only where the roots move the inputs independently (rank n) and the
 * equations hold (x reads nothing but its inputs, and no input is a run's
 * value standing for something else, as labour demand stands for its 2020
 * trend in ref_match_*). Writes g[n] and returns n, or 0 when g is not
 * known. */
enum { PARTIALS_MAX_INPUTS = 32 };
static int calib_partials(const graph *g, const state *s, int x, double *grad)
{
    int n = g->in_start[x + 1] - g->in_start[x];
    if (n == 0 || n > PARTIALS_MAX_INPUTS)
        return 0;
    int dist[VAR_COUNT], roots[VAR_COUNT], m = 0;
    graph_causes(g, x, VAR_COUNT, dist);
    for (int r = 0; r < VAR_COUNT; r++)
        if (dist[r] > 0 && is_root(r, 0) && var_table[r].kind != VAR_STOCK)
            roots[m++] = r;
    if (m < n)
        return 0;
    eval *base = malloc(3 * sizeof *base);
    gsl_matrix *a = gsl_matrix_calloc((size_t)m, (size_t)n);
    gsl_matrix *v = gsl_matrix_alloc((size_t)n, (size_t)n);
    gsl_vector *b = gsl_vector_alloc((size_t)m), *sv = gsl_vector_alloc((size_t)n);
    gsl_vector *work = gsl_vector_alloc((size_t)n), *sol = gsl_vector_alloc((size_t)n);
    assert_non_null(base);
    eval *up = base + 1, *down = base + 2;
    evaluate(s, -1, 0, 0, base);
    double scale_x = fabs(base->v[x]) + 1e-12;
    for (int j = 0; j < m; j++) {
        double h = step_of(s, roots[j]);
        evaluate(s, roots[j], h, 0, up);
        evaluate(s, roots[j], -h, 0, down);
        for (int i = 0; i < n; i++) {
            int in = g->edges[g->in_start[x] + i].from;
            gsl_matrix_set(a, (size_t)j, (size_t)i,
                           (up->v[in] - down->v[in]) / (fabs(base->v[in]) + 1e-12));
        }
        gsl_vector_set(b, (size_t)j, (up->v[x] - down->v[x]) / scale_x);
    }
    gsl_matrix *u = gsl_matrix_alloc((size_t)m, (size_t)n);
    gsl_matrix_memcpy(u, a);
    int known = 0;
    if (gsl_linalg_SV_decomp(u, v, sv, work) == 0 &&
        gsl_vector_get(sv, (size_t)n - 1) > 1e-8 * gsl_vector_get(sv, 0) &&
        gsl_linalg_SV_solve(u, v, sv, b, sol) == 0) {
        double res = 0, norm = 0;
        for (int j = 0; j < m; j++) {
            double fit = 0;
            for (int i = 0; i < n; i++)
                fit += gsl_matrix_get(a, (size_t)j, (size_t)i) * gsl_vector_get(sol, (size_t)i);
            res += (fit - gsl_vector_get(b, (size_t)j)) * (fit - gsl_vector_get(b, (size_t)j));
            norm += gsl_vector_get(b, (size_t)j) * gsl_vector_get(b, (size_t)j);
        }
        known = norm > 0 && res <= 1e-12 * norm;
        for (int i = 0; i < n; i++)
            grad[i] = gsl_vector_get(sol, (size_t)i);
    }
    gsl_matrix_free(u);
    gsl_matrix_free(a);
    gsl_matrix_free(v);
    gsl_vector_free(b);
    gsl_vector_free(sv);
    gsl_vector_free(work);
    gsl_vector_free(sol);
    free(base);
    return known ? n : 0;
}

/* The sign of edge e into a calibration row by calib_partials at state s:
 * +1, -1, or 0 when not known or when the row does not move with the input
 * (an elasticity below 1e-7). Rows are computed once per state. */
static int calib_sign(const graph *g, int k, const state *s, int e)
{
    static int done[NSTATES][VAR_COUNT], known[NSTATES][VAR_COUNT];
    static double grad[NSTATES][VAR_COUNT][PARTIALS_MAX_INPUTS];
    int x = g->edges[e].to;
    if (!done[k][x]) {
        done[k][x] = 1;
        known[k][x] = calib_partials(g, s, x, grad[k][x]) > 0;
    }
    if (!known[k][x]) {
        measure_why = why_no_chain;
        return 0;
    }
    double el = grad[k][x][e - g->in_start[x]];
    if (fabs(el) >= 1e-7)
        return el > 0 ? 1 : -1;
    if (var_table[g->edges[e].from].kind == VAR_LEVER)
        measure_why = why_table_value;
    return 0;
}

/* The sign of the term `input` in a stock's `.eq` ("d/dt = a + b - c"):
 * +1, -1, or 0 when the equation names it in no plain term. */
static int eq_sign(int stock, int input)
{
    const char *eq = var_table[stock].eq;
    if (strncmp(eq, "d/dt = ", 7) != 0)
        return 0;
    const char *name = var_table[input].name;
    size_t n = strlen(name);
    int sign = 1;
    for (const char *p = eq + 7; *p && *p != ';'; p++) {
        if (*p == '+' || *p == '-') {
            sign = *p == '+' ? 1 : -1;
            continue;
        }
        if (*p == ' ')
            continue;
        size_t w = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
        if (w == n && strncmp(p, name, n) == 0)
            return sign;
        p += w > 0 ? w - 1 : 0;
    }
    return 0;
}

static int setup(void **st)
{
    (void)st;
    sim_error err;
    for (int k = 0; k < NSTATES; k++) {
        state *s = &states[k];
        char path[512];
        snprintf(path, sizeof path, "%s/scenarios/%s.ini", SRC, state_file[k]);
        if (scenario_load(&s->sc, path, &err) != SIM_OK)
            return -1;
        s->t = state_t[k];
        run_result r;
        model_run(&s->sc, &r);
        size_t row = run_row_at(&r, ceil(s->t));
        for (int i = 0; i < STOCK_COUNT; i++)
            s->y[i] = run_value(&r, row, var_stock_ids[i]);
        run_result_release(&r);
        eval *e = malloc(sizeof *e);
        if (e == NULL)
            return -1;
        evaluate(s, -1, 0, 0, e);
        memcpy(s->cal, e->v, sizeof s->cal);
        free(e);
    }
    return 0;
}

/* Signed edges that no perturbation isolates in any of the states: every
 * root behind the input also reaches the output by another path within one
 * evaluation, or the link acts only through a max() or min() that is not
 * binding in these states. Their signs are read from the equation; the
 * reason is given for each. */
typedef struct unchecked_edge {
    const char *from, *to, *why;
} unchecked_edge;
/* The reasons are measure()'s WHY_ texts. */
static const unchecked_edge unchecked_edges[] = {
#include "tests/polarity_unchecked.h"
};

static int unchecked_index(const char *from, const char *to)
{
    for (size_t k = 0; k < sizeof unchecked_edges / sizeof *unchecked_edges; k++)
        if (strcmp(unchecked_edges[k].from, from) == 0 && strcmp(unchecked_edges[k].to, to) == 0)
            return (int)k;
    return -1;
}

static void test_every_declared_polarity_holds_under_perturbation(void **st)
{
    (void)st;
    graph g;
    assert_int_equal(graph_build(&g), SIM_OK);
    eval base[NSTATES];
    for (int k = 0; k < NSTATES; k++)
        evaluate(&states[k], -1, 0, 0, &base[k]);
    int declared = 0, checked = 0, wrong = 0, unchecked = 0, state_dep = 0, undeclared = 0;
    int unlisted = 0;
    static int listed_hit[sizeof unchecked_edges / sizeof *unchecked_edges];
    const int print = getenv("TRANSIM_POLARITY_PRINT") != NULL;
    for (int e = 0; e < g.nedges; e++) {
        const graph_edge *x = &g.edges[e];
        const char *from = var_table[x->from].name, *to = var_table[x->to].name;
        if (x->pol == '?') {
            state_dep++;
            const char *why = var_table[x->to].polarity_why;
            if (why == NULL || strstr(why, from) == NULL) {
                print_message("%s -> %s: sign '?' without a reason naming '%s' in the row's "
                              "polarity_why\n", from, to, from);
                wrong++;
            }
        } else if (x->pol != '+' && x->pol != '-') {
            undeclared++;
        }
        if (x->pol != '+' && x->pol != '-' && !print)
            continue;
        declared += x->pol == '+' || x->pol == '-';
        int want = x->pol == '+' ? 1 : x->pol == '-' ? -1 : 0;
        int got[NSTATES], seen_any = 0, by_partials = 0;
        for (int k = 0; k < NSTATES; k++) {
            got[k] = measure(&g, &states[k], &base[k], x->from, x->to);
            seen_any |= got[k] != 0;
        }
        if (!seen_any && is_calib(x->to)) {
            for (int k = 0; k < NSTATES; k++) {
                got[k] = calib_sign(&g, k, &states[k], e);
                seen_any |= got[k] != 0;
            }
            by_partials = seen_any;
        }
        if (print)
            print_message("measured %s -> %s: %d %d %d%s (declared %c)\n", from, to, got[0],
                          got[1], got[2], by_partials ? " by the chain rule" : "", x->pol);
        if (want == 0)
            continue;
        int t = var_table[x->to].kind == VAR_STOCK ? eq_sign(x->to, x->from) : 0;
        if (!seen_any && t != 0) {
            /* Into a stock: the sign of its term in the stock's equation. */
            if (t != want) {
                print_message("%s -> %s: declared %c, the stock's equation says %c\n", from, to,
                              x->pol, t > 0 ? '+' : '-');
                wrong++;
            } else {
                checked++;
            }
            continue;
        }
        if (!seen_any) {
            unchecked++;
            /* A stock's input that its rate of change does not name. */
            const char *eq = var_table[x->to].eq, *semi = strchr(eq, ';');
            const char *hit = strstr(eq, from);
            int initial = var_table[x->to].kind == VAR_STOCK && t == 0 &&
                          (hit == NULL || (semi != NULL && hit > semi));
            int k = unchecked_index(from, to);
            if (k < 0) {
                print_message("%s -> %s: declared %c, but no perturbation isolates it and "
                              "unchecked_edges does not say why\n", from, to, x->pol);
                if (print)
                    print_message("unlisted {\"%s\", \"%s\", %s},\n", from, to,
                                  initial                      ? "WHY_INITIAL"
                                  : measure_why == why_other_way ? "WHY_OTHER_WAY"
                                  : measure_why == why_no_root ? "WHY_NO_ROOT"
                                  : measure_why == why_table_value ? "WHY_TABLE_VALUE"
                                  : measure_why == why_no_chain ? "WHY_NO_CHAIN"
                                                               : "WHY_NO_MOVE");
                unlisted++;
            } else {
                listed_hit[k] = 1;
            }
            continue;
        }
        checked++;
        for (int k = 0; k < NSTATES; k++)
            if (got[k] != 0 && got[k] != want) {
                print_message("%s -> %s: declared %c, but it moves %s around %g (%s)%s\n", from,
                              to, x->pol, got[k] > 0 ? "with it" : "against it", states[k].t,
                              state_file[k], by_partials ? ", by the chain rule" : "");
                wrong++;
            }
    }
    for (size_t k = 0; k < sizeof unchecked_edges / sizeof *unchecked_edges; k++)
        if (!listed_hit[k]) {
            print_message("unchecked_edges lists %s -> %s, which is checked now or gone: take it "
                          "off\n", unchecked_edges[k].from, unchecked_edges[k].to);
            unlisted++;
        }
    print_message("%d edges: %d signed (%d checked by perturbation or a stock's equation, %d "
                  "listed as not isolable), %d '?' (the sign depends on the state), %d not yet "
                  "declared; %d wrong\n",
                  g.nedges, declared, checked, unchecked, state_dep, undeclared, wrong);
    graph_release(&g);
    assert_true(declared > 0);
    assert_int_equal(wrong, 0);
    assert_int_equal(unlisted, 0);
    /* Every edge has a sign: '+', '-', or '?' with its reason. */
    assert_int_equal(undeclared, 0);
}

/* The perturbation sees a sign: an equation known to fall with an input. */
static void test_perturbation_sees_a_known_sign(void **st)
{
    (void)st;
    graph g;
    assert_int_equal(graph_build(&g), SIM_OK);
    eval base;
    evaluate(&states[1], -1, 0, 0, &base);
    /* Vacancies rise with labour demand (vacancies = demand - employed); net
     * migration falls as more people move out. */
    assert_int_equal(
        measure(&g, &states[1], &base, model_var("labour_demand_med"), V_VACANCIES_MED), 1);
    assert_int_equal(measure(&g, &states[1], &base, model_var("mig_out_employed_med"),
                             model_var("net_migration")),
                     -1);
    graph_release(&g);
}

/* The code of a loop name ("B12" of "B12 Starts and unemployment") into
 * code[8]; 0 when the name does not start with one. */
static int loop_code(const char *name, char *code)
{
    size_t n = 1 + strspn(name + 1, "0123456789");
    if ((name[0] != 'B' && name[0] != 'R') || n < 2 || n > 4 || (name[n] != ' ' && name[n] != '\0'))
        return 0;
    memcpy(code, name, n);
    code[n] = '\0';
    return 1;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    static char buf[1 << 18];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* Every loop the graph names is found, its letter is the product of the
 * signs along it (B balancing, R reinforcing), and no code names two loops,
 * in the graph or in the loop headings of docs/model.md ("**B1 Matching
 * (balancing).**"), where each named loop of the graph is described under
 * the same name and with the kind its letter says. */
static void test_named_loops_are_found_with_the_sign_of_their_letter(void **st)
{
    (void)st;
    graph g;
    assert_int_equal(graph_build(&g), SIM_OK);
    graph_loop loops[128];
    int n = graph_loops(&g, loops, 128);
    assert_true(n <= 128);
    const char *doc = read_text(SRC "/docs/model.md");
    assert_non_null(doc);
    int named = 0;
    for (int i = 0; i < n; i++) {
        const graph_loop *l = &loops[i];
        if (l->name == NULL)
            continue;
        named++;
        char code[8], other[8];
        if (!loop_code(l->name, code))
            fail_msg("loop '%s' has no code B<n> or R<n>", l->name);
        for (int j = 0; j < i; j++)
            if (loops[j].name != NULL && loop_code(loops[j].name, other) &&
                strcmp(code, other) == 0)
                fail_msg("'%s' and '%s' share the code %s", loops[j].name, l->name, code);
        if (l->n == 0)
            fail_msg("loop '%s' is not in the graph", l->name);
        char want = l->name[0] == 'B' ? '-' : '+';
        if (l->pol != want)
            fail_msg("loop '%s' has sign %c, its letter says %c", l->name, l->pol, want);
        /* docs/model.md describes it under the same name and kind. */
        char head[128];
        snprintf(head, sizeof head, "**%s (%s", l->name,
                 want == '-' ? "balancing" : "reinforcing");
        char head2[128]; /* a second loop in the same heading: "... and B4 Saturation (" */
        snprintf(head2, sizeof head2, " and %s (%s", l->name,
                 want == '-' ? "balancing" : "reinforcing");
        if (strstr(doc, head) == NULL && strstr(doc, head2) == NULL)
            fail_msg("docs/model.md has no heading '%s...'", head);
    }
    assert_true(named >= 8);
    /* Each code in the headings of docs/model.md (bold at the start of a
     * line, one loop or two joined by " and ") names one loop. */
    char codes[64][8], names[64][96];
    int headings = 0;
    for (const char *line = doc; line != NULL && *line; line = strchr(line, '\n')) {
        if (*line == '\n')
            line++;
        if (strncmp(line, "**", 2) != 0)
            continue;
        const char *end = strstr(line + 2, "**");
        for (const char *q = line + 2; q != NULL && end != NULL && q < end;) {
            char code[8];
            if (!loop_code(q, code))
                break;
            size_t len = strcspn(q, "(.*\n");
            while (len > 0 && q[len - 1] == ' ')
                len--;
            assert_true(headings < 64 && len < sizeof names[0]);
            memcpy(codes[headings], code, sizeof code);
            memcpy(names[headings], q, len);
            names[headings][len] = '\0';
            for (int j = 0; j < headings; j++)
                if (strcmp(codes[j], code) == 0)
                    fail_msg("docs/model.md names two loops %s: '%s' and '%s'", code, names[j],
                             names[headings]);
            headings++;
            q = strstr(q, " and ");
            q = q != NULL && q < end ? q + 5 : NULL;
        }
    }
    assert_true(headings >= named);
    graph_release(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_perturbation_sees_a_known_sign),
        cmocka_unit_test(test_every_declared_polarity_holds_under_perturbation),
        cmocka_unit_test(test_named_loops_are_found_with_the_sign_of_their_letter),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
