/* model.c: runs the modules of the model in evaluation order. */
#include "sim/model.h"

void model_init(double t0, const double *v, double *y)
{
    for (int s = 0; s < STOCK_COUNT; s++)
        y[s] = var_table[var_stock_ids[s]].value;
    budget_init(t0, v, y);
}

void model_eval(model_frame *f)
{
    for (int s = 0; s < STOCK_COUNT; s++)
        f->v[var_stock_ids[s]] = f->y[s];
    budget_eval(f);
}
