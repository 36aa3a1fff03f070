/* budget.c: policy spending by lever, priority and theme, and the budget cap.
 * Generic over the levers: it reads each lever's cost and tags from the model
 * table, so adding a lever needs no change here. */
#include "sim/model.h"

static const int prio_vars[PRIO_COUNT] = {V_SPEND_P1, V_SPEND_P2, V_SPEND_P3, V_SPEND_P4,
                                          V_SPEND_P5};
static const int theme_vars[THEME_COUNT] = {V_SPEND_T1, V_SPEND_T2, V_SPEND_T3, V_SPEND_T4};

void budget_init(double t0, const double *v, double *y)
{
    (void)t0;
    (void)v;
    y[S_SPEND_CUM] = 0.0;
}

static int popcount(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

void budget_eval(model_frame *f)
{
    double *v = f->v;
    double total = 0.0;
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        double above = v[var_lever_ids[l]] - d->value;
        if (above > 0.0)
            total += d->cost * above;
    }
    v[V_SPEND_TOTAL] = total;
    f->dydt[S_SPEND_CUM] = total;
    double cap = v[V_BUDGET_CAP];
    v[V_BUDGET_OVER] = cap > 0.0 && total > cap ? total - cap : 0.0;
    if (!f->report)
        return;

    /* The split by priority and theme feeds no derivative: report rows only. */
    for (int i = 0; i < PRIO_COUNT; i++)
        v[prio_vars[i]] = 0.0;
    for (int i = 0; i < THEME_COUNT; i++)
        v[theme_vars[i]] = 0.0;
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        double above = v[var_lever_ids[l]] - d->value;
        if (!(above > 0.0))
            continue;
        double spend = d->cost * above;
        int np = popcount(d->priorities), nt = popcount(d->themes);
        for (int i = 0; i < PRIO_COUNT; i++)
            if (d->priorities & (1u << i))
                v[prio_vars[i]] += spend / np;
        for (int i = 0; i < THEME_COUNT; i++)
            if (d->themes & (1u << i))
                v[theme_vars[i]] += spend / nt;
    }
}
