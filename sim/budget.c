/* budget.c: policy spending by lever, priority and theme, and the budget cap.
 * Generic over the levers: it reads each lever's cost and tags from the model
 * table, so adding a lever needs no change here. */
#include "sim/model.h"
#include "sim/run.h"

static const int prio_stocks[PRIO_COUNT] = {S_SPEND_CUM_P1, S_SPEND_CUM_P2, S_SPEND_CUM_P3,
                                            S_SPEND_CUM_P4, S_SPEND_CUM_P5};
static const int theme_stocks[THEME_COUNT] = {S_SPEND_CUM_T1, S_SPEND_CUM_T2, S_SPEND_CUM_T3,
                                              S_SPEND_CUM_T4};

void budget_init(double t0, const double *v, double *y)
{
    (void)t0;
    (void)v;
    y[S_SPEND_CUM] = 0.0;
    for (int i = 0; i < PRIO_COUNT; i++)
        y[prio_stocks[i]] = 0.0;
    for (int i = 0; i < THEME_COUNT; i++)
        y[theme_stocks[i]] = 0.0;
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
    double *dy = f->dydt;
    double total = 0.0;
    double prio[PRIO_COUNT] = {0.0}, theme[THEME_COUNT] = {0.0};
    /* A lever at its baseline value costs nothing: only the levers that
     * move in this run need a look. */
    int n = f->levers != NULL ? f->nlevers : LEVER_COUNT;
    for (int l = 0; l < n; l++) {
        int id = f->levers != NULL ? f->levers[l] : var_lever_ids[l];
        const var_desc *d = &var_table[id];
        double above = v[id] - d->value;
        if (!(above > 0.0))
            continue;
        double spend = d->cost * above;
        total += spend;
        int np = popcount(d->priorities), nt = popcount(d->themes);
        double per_prio = np > 0 ? spend / np : 0.0;
        double per_theme = nt > 0 ? spend / nt : 0.0;
        for (int i = 0; i < PRIO_COUNT; i++)
            if (d->priorities & (1u << i))
                prio[i] += per_prio;
        for (int i = 0; i < THEME_COUNT; i++)
            if (d->themes & (1u << i))
                theme[i] += per_theme;
    }
    v[V_SPEND_TOTAL] = total;
    double cap = v[V_BUDGET_CAP];
    v[V_BUDGET_OVER] = cap > 0.0 && total > cap ? total - cap : 0.0;

    /* Written out (not through the tables above): this runs in every
     * evaluation. */
    v[V_SPEND_P1] = prio[0];
    v[V_SPEND_P2] = prio[1];
    v[V_SPEND_P3] = prio[2];
    v[V_SPEND_P4] = prio[3];
    v[V_SPEND_P5] = prio[4];
    v[V_SPEND_T1] = theme[0];
    v[V_SPEND_T2] = theme[1];
    v[V_SPEND_T3] = theme[2];
    v[V_SPEND_T4] = theme[3];
    dy[S_SPEND_CUM] = total;
    dy[S_SPEND_CUM_P1] = prio[0];
    dy[S_SPEND_CUM_P2] = prio[1];
    dy[S_SPEND_CUM_P3] = prio[2];
    dy[S_SPEND_CUM_P4] = prio[3];
    dy[S_SPEND_CUM_P5] = prio[4];
    dy[S_SPEND_CUM_T1] = theme[0];
    dy[S_SPEND_CUM_T2] = theme[1];
    dy[S_SPEND_CUM_T3] = theme[2];
    dy[S_SPEND_CUM_T4] = theme[3];
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
