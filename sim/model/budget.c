/* budget.c: policy spending by lever, priority and theme, and the budget cap.
 * Generic over the levers: it reads each lever's cost, tags and take-up row
 * from the model table, so adding a lever needs no change here. A lever
 * costs cost x (value - baseline) x take-up per year, the take-up being
 * written by the module the lever acts in; what is allocated but not taken
 * up is reported apart (spend_unused). Cumulative spending is a stock per
 * total, priority and theme whose inflow is that spending, so the
 * integrator accumulates what is taken up, with the accuracy of every other
 * stock (exact for spending that is constant or linear between lever
 * breakpoints under every method but Euler's ramps). A lever tagged with
 * several priorities or themes has its spending split equally among them,
 * so the parts add up to the totals. */
#include "sim/model/model.h"
#include "sim/engine/run.h"

enum { PARTS = PRIO_COUNT + THEME_COUNT };

/* Spending per year and its stock, in the order P1..P5, T1..T4. */
static const int part_vars[PARTS] = {V_SPEND_P1, V_SPEND_P2, V_SPEND_P3, V_SPEND_P4,
                                     V_SPEND_P5, V_SPEND_T1, V_SPEND_T2, V_SPEND_T3,
                                     V_SPEND_T4};
static const int part_stocks[PARTS] = {S_SPEND_CUM_P1, S_SPEND_CUM_P2, S_SPEND_CUM_P3,
                                       S_SPEND_CUM_P4, S_SPEND_CUM_P5, S_SPEND_CUM_T1,
                                       S_SPEND_CUM_T2, S_SPEND_CUM_T3, S_SPEND_CUM_T4};

static int popcount(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Adds amount to the parts of a lever's priorities and themes. */
static void add_to_parts(const var_desc *d, double amount, double *parts)
{
    int np = popcount(d->priorities), nt = popcount(d->themes);
    for (int i = 0; i < PRIO_COUNT; i++)
        if (d->priorities & (1u << i))
            parts[i] += amount / np;
    for (int i = 0; i < THEME_COUNT; i++)
        if (d->themes & (1u << i))
            parts[PRIO_COUNT + i] += amount / nt;
}

double budget_uptake(const double *v, int lever)
{
    int row = var_table[lever].uptake;
    if (row <= 0)
        return 1.0;
    double u = v[row];
    return u < 0.0 ? 0.0 : u > 1.0 ? 1.0 : u;
}

MODEL_CLONES
void budget_eval(model_frame *f)
{
    double *v = f->v;
    double total = 0.0, unused = 0.0, parts[PARTS] = {0.0};
    /* A lever at its baseline value costs nothing: only the levers that
     * move in this run need a look. */
    int n = f->levers != NULL ? f->nlevers : LEVER_COUNT;
    for (int l = 0; l < n; l++) {
        int id = f->levers != NULL ? f->levers[l] : var_lever_ids[l];
        const var_desc *d = &var_table[id];
        double above = v[id] - d->value;
        if (!(above > 0.0))
            continue;
        double allocated = d->cost * above, taken = budget_uptake(v, id);
        total += allocated * taken;
        unused += allocated * (1.0 - taken);
        add_to_parts(d, allocated * taken, parts);
    }
    if (f->dydt != NULL) {
        f->dydt[S_SPEND_CUM] = total;
        for (int i = 0; i < PARTS; i++)
            f->dydt[part_stocks[i]] = parts[i];
    }
    if (!f->report)
        return;
    v[V_SPEND_TOTAL] = total;
    v[V_SPEND_UNUSED] = unused;
    double cap = v[V_BUDGET_CAP];
    v[V_BUDGET_OVER] = cap > 0.0 && total > cap ? total - cap : 0.0;
    for (int i = 0; i < PARTS; i++)
        v[part_vars[i]] = parts[i];
}

size_t budget_rows_over(const run_result *r, double *first, double *last, double *worst)
{
    size_t n = 0;
    for (size_t row = 0; row < r->rows; row++) {
        double over = run_value(r, row, V_BUDGET_OVER);
        if (!(over > 0.0))
            continue;
        if (n == 0 || over > *worst)
            *worst = over;
        if (n == 0)
            *first = r->t[row];
        *last = r->t[row];
        n++;
    }
    return n;
}
