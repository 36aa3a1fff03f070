/* test_attribute.c: Shapley attribution. Exact values of games with known
 * Shapley values, additivity of exact and sampled values, the coalition
 * scenarios, and the players found between two scenarios. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/studies/attribute.h"

#define assert_near(a, b, tol)                                                            \
    do {                                                                                  \
        double a_ = (a), b_ = (b);                                                        \
        if (!(fabs(a_ - b_) <= (tol)))                                                    \
            fail_msg("%s = %.15g, expected %.15g within %g", #a, a_, b_, (double)(tol)); \
    } while (0)

/* A game with interactions: v(S) = sum of a_i over S + b * [0 and 1 in S]
 * + c * |S|^2. Shapley: phi_i = a_i + (b/2 for i in {0,1}) + c * (k + 1)...
 * computed below from the closed form of each term. */
static double game(uint32_t m, size_t k)
{
    double v = 0.0;
    size_t s = 0;
    for (size_t i = 0; i < k; i++)
        if (m & (1u << i)) {
            v += (double)(i + 1) * 1.5;
            s++;
        }
    if ((m & 3u) == 3u)
        v += 10.0;
    return v + 0.25 * (double)(s * s);
}

/* Shapley of the game: additive part a_i; the pair term splits equally
 * between players 0 and 1; the symmetric term c s^2 gives each c k. */
static double game_phi(size_t i, size_t k)
{
    return (double)(i + 1) * 1.5 + (i < 2 ? 5.0 : 0.0) + 0.25 * (double)k;
}

static double *worths(const attr_plan *p)
{
    double *w = malloc(p->n_coalitions * 2 * sizeof *w);
    for (size_t c = 0; c < p->n_coalitions; c++) {
        w[c * 2] = game(p->coalitions[c], p->players);
        w[c * 2 + 1] = -2.0 * game(p->coalitions[c], p->players);
    }
    return w;
}

static void test_exact_shapley_values_match_closed_form(void **state)
{
    (void)state;
    for (size_t k = 1; k <= 10; k++) {
        attr_plan p;
        assert_int_equal(attr_plan_init(&p, k, 0, 0, 1, NULL), SIM_OK);
        assert_true(p.exact);
        assert_int_equal(p.n_coalitions, (size_t)1 << k);
        double *w = worths(&p), phi[ATTR_PLAYERS_MAX];
        attr_shapley(&p, w, 2, 0, phi);
        for (size_t i = 0; i < k; i++)
            assert_near(phi[i], k == 1 ? 1.75 : game_phi(i, k), 1e-9);
        attr_shapley(&p, w, 2, 1, phi);
        for (size_t i = 0; i < k; i++)
            assert_near(phi[i], -2.0 * (k == 1 ? 1.75 : game_phi(i, k)), 1e-9);
        free(w);
        attr_plan_release(&p);
    }
}

static void test_exact_and_sampled_values_add_up_to_the_total_change(void **state)
{
    (void)state;
    for (int exact = 1; exact >= -1; exact -= 2) {
        size_t k = 16;
        attr_plan p;
        assert_int_equal(attr_plan_init(&p, k, exact, 64, 9, NULL), SIM_OK);
        assert_int_equal(p.exact, exact > 0);
        double *w = worths(&p), phi[ATTR_PLAYERS_MAX];
        attr_shapley(&p, w, 2, 0, phi);
        double sum = 0.0;
        for (size_t i = 0; i < k; i++)
            sum += phi[i];
        double total = game((1u << k) - 1, k) - game(0, k);
        assert_near(sum, total, 1e-9 * fabs(total));
        free(w);
        attr_plan_release(&p);
    }
}

static void test_sampled_values_are_exact_for_an_additive_game(void **state)
{
    (void)state;
    /* Without interactions every join order gives each player a_i. */
    size_t k = 14;
    attr_plan p;
    assert_int_equal(attr_plan_init(&p, k, 0, 10, 3, NULL), SIM_OK);
    assert_false(p.exact);
    assert_int_equal(p.orders, 10);
    assert_true(p.n_coalitions <= 10 * (k - 1) + 2);
    double *w = malloc(p.n_coalitions * sizeof *w), phi[ATTR_PLAYERS_MAX];
    for (size_t c = 0; c < p.n_coalitions; c++) {
        w[c] = 0.0;
        for (size_t i = 0; i < k; i++)
            if (p.coalitions[c] & (1u << i))
                w[c] += (double)i;
    }
    attr_shapley(&p, w, 1, 0, phi);
    for (size_t i = 0; i < k; i++)
        assert_near(phi[i], (double)i, 1e-12);
    free(w);
    attr_plan_release(&p);
}

static void test_sampled_values_approach_exact_values(void **state)
{
    (void)state;
    size_t k = 13;
    attr_plan p;
    assert_int_equal(attr_plan_init(&p, k, -1, 2000, 11, NULL), SIM_OK);
    double *w = worths(&p), phi[ATTR_PLAYERS_MAX];
    attr_shapley(&p, w, 2, 0, phi);
    for (size_t i = 0; i < k; i++)
        assert_near(phi[i], game_phi(i, k), 0.5);
    free(w);
    attr_plan_release(&p);
}

static void test_standard_errors_are_zero_when_exact_and_cover_the_true_value(void **state)
{
    (void)state;
    size_t k = 8;
    attr_plan p;
    double phi[ATTR_PLAYERS_MAX], se[ATTR_PLAYERS_MAX];
    assert_int_equal(attr_plan_init(&p, k, 1, 0, 1, NULL), SIM_OK);
    double *w = worths(&p);
    attr_shapley_se(&p, w, 2, 0, se);
    for (size_t i = 0; i < k; i++)
        assert_true(se[i] == 0.0);
    free(w);
    attr_plan_release(&p);

    /* A three-way synergy: v(S) = sum of (i + 1) over S, + 6 when players 0,
     * 1 and 2 are all in S. Shapley gives each of the three 6/3 = 2 more.
     * (Pairwise terms and terms in |S| cancel exactly within an antithetic
     * pair of orders; a three-way term does not.) */
    k = 14;
    assert_int_equal(attr_plan_init(&p, k, -1, 400, 21, NULL), SIM_OK);
    w = malloc(p.n_coalitions * sizeof *w);
    for (size_t c = 0; c < p.n_coalitions; c++) {
        uint32_t m = p.coalitions[c];
        w[c] = (m & 7u) == 7u ? 6.0 : 0.0;
        for (size_t i = 0; i < k; i++)
            if (m & (1u << i))
                w[c] += (double)(i + 1);
    }
    attr_shapley(&p, w, 1, 0, phi);
    attr_shapley_se(&p, w, 1, 0, se);
    for (size_t i = 0; i < k; i++) {
        double exact = (double)(i + 1) + (i < 3 ? 2.0 : 0.0);
        if (i < 3) {
            assert_true(se[i] > 0.0);
            assert_near(phi[i], exact, 5.0 * se[i]);
        } else {
            assert_true(se[i] == 0.0);
            assert_near(phi[i], exact, 1e-12);
        }
    }
    free(w);
    attr_plan_release(&p);
}

static void test_same_seed_gives_the_same_plan(void **state)
{
    (void)state;
    attr_plan a, b;
    assert_int_equal(attr_plan_init(&a, 15, 0, 32, 5, NULL), SIM_OK);
    assert_int_equal(attr_plan_init(&b, 15, 0, 32, 5, NULL), SIM_OK);
    assert_int_equal(a.n_coalitions, b.n_coalitions);
    assert_memory_equal(a.coalitions, b.coalitions, a.n_coalitions * sizeof *a.coalitions);
    assert_memory_equal(a.order, b.order, a.orders * a.players);
    assert_int_equal(attr_plan_find(&a, 0), 0);
    assert_int_equal(attr_plan_find(&a, (1u << 15) - 1), a.n_coalitions - 1);
    attr_plan_release(&a);
    attr_plan_release(&b);
}

static void test_too_many_players_or_no_orders_is_an_error(void **state)
{
    (void)state;
    attr_plan p;
    sim_error err;
    assert_int_equal(attr_plan_init(&p, ATTR_PLAYERS_MAX + 1, 0, 10, 1, &err), SIM_EINVAL);
    assert_int_equal(attr_plan_init(&p, 20, 0, 0, 1, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "zero"));
}

static void base_scenario(scenario *sc)
{
    memset(sc, 0, sizeof *sc);
    sc->start = 2020;
    sc->end = 2050;
    for (int v = 0; v < VAR_COUNT; v++) {
        sc->value[v] = var_table[v].value;
        sc->lever_start[v] = 2020;
    }
}

static void test_players_are_changed_levers_and_other_inputs(void **state)
{
    (void)state;
    scenario base, sc, out;
    base_scenario(&base);
    base_scenario(&sc);
    int vars[ATTR_PLAYERS_MAX + 1];
    assert_int_equal(attr_players(&base, &sc, vars), 0);

    int a = var_lever_ids[0], b = var_lever_ids[LEVER_COUNT - 1];
    sc.value[a] = var_table[a].policy;
    sc.value[b] = var_table[b].policy;
    sc.lever_start[b] = 2025;
    sc.value[V_BUDGET_CAP] = 100;
    /* A start year alone on a lever at its baseline value changes nothing. */
    sc.lever_start[var_lever_ids[1]] = 2030;
    assert_int_equal(attr_players(&base, &sc, vars), 3);
    assert_int_equal(vars[0], a);
    assert_int_equal(vars[1], b);
    assert_int_equal(vars[2], ATTR_OTHER);

    attr_coalition(&base, &sc, vars, 3, 2u, &out);
    assert_true(out.value[a] == var_table[a].value);
    assert_true(out.value[b] == sc.value[b]);
    assert_true(out.lever_start[b] == 2025);
    assert_true(out.value[V_BUDGET_CAP] == 0);
    attr_coalition(&base, &sc, vars, 3, 7u, &out);
    assert_true(out.value[a] == sc.value[a]);
    assert_true(out.value[V_BUDGET_CAP] == 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_shapley_values_match_closed_form),
        cmocka_unit_test(test_exact_and_sampled_values_add_up_to_the_total_change),
        cmocka_unit_test(test_sampled_values_are_exact_for_an_additive_game),
        cmocka_unit_test(test_sampled_values_approach_exact_values),
        cmocka_unit_test(test_standard_errors_are_zero_when_exact_and_cover_the_true_value),
        cmocka_unit_test(test_same_seed_gives_the_same_plan),
        cmocka_unit_test(test_too_many_players_or_no_orders_is_an_error),
        cmocka_unit_test(test_players_are_changed_levers_and_other_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
