/* app_why.c: why an indicator changed: each changed lever's share of the
 * change against the baseline (Shapley values, sim/studies/attribute.h, the
 * same as `transim attribute`), computed for the "why" panel. No drawing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/app.h"
#include "sim/studies/attribute.h"

#define WHY_SEED 2020 /* the sampled orders' seed: the same bars for the same scenario */

sim_status app_why_compute(app *a, int var, sim_error *err)
{
    if (var < 0 || var >= VAR_COUNT)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "no such variable");
    if (a->why_var == var && a->why_stamp == a->runs)
        return SIM_OK;
    a->why_var = var;
    a->why_stamp = -1;
    a->why_years[0] = 2030;
    a->why_years[1] = a->sc.end;
    const var_desc *d = &var_table[var];
    for (int y = 0; y < 2; y++)
        a->why_change[y] = var_display(d, app_value_at(&a->cur, var, a->why_years[y])) -
                           var_display(d, app_value_at(&a->base, var, a->why_years[y]));
    int players[ATTR_PLAYERS_MAX + 1];
    size_t k = attr_players(&a->base_sc, &a->sc, players);
    if (k > APP_WHY_PLAYERS)
        k = APP_WHY_PLAYERS;
    a->why_k = (int)k;
    memcpy(a->why_player, players, k * sizeof *players);
    a->why_runs = 0;
    a->why_exact = 1;
    if (k == 0) {
        a->why_stamp = a->runs;
        return SIM_OK;
    }
    attr_plan plan;
    sim_status st = attr_plan_init(&plan, k, 0, APP_WHY_ORDERS, WHY_SEED, err);
    if (st != SIM_OK)
        return st;
    a->why_exact = plan.exact;
    double *worth = malloc(plan.n_coalitions * 2 * sizeof *worth);
    scenario *sc = malloc(sizeof *sc);
    run_result res;
    run_result_init(&res);
    if (!worth || !sc) {
        st = sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    for (size_t c = 0; c < plan.n_coalitions; c++) {
        attr_coalition(&a->base_sc, &a->sc, players, k, plan.coalitions[c], sc);
        st = runner_run(a->rn, sc, NULL, &res, err);
        if (st != SIM_OK)
            goto done;
        for (int y = 0; y < 2; y++)
            worth[c * 2 + (size_t)y] = var_display(d, app_value_at(&res, var, a->why_years[y]));
    }
    a->why_runs = (int)plan.n_coalitions;
    for (int y = 0; y < 2; y++)
        attr_shapley(&plan, worth, 2, (size_t)y, a->why_phi[y]);
    a->why_stamp = a->runs;
done:
    run_result_release(&res);
    free(sc);
    free(worth);
    attr_plan_release(&plan);
    return st;
}
