/* model.c: runs the modules of the model in evaluation order: the 2020
 * calibration, inclusion, demography, production, labour, firms,
 * innovation, energy and budget. Each module reads only stocks, inputs and
 * values computed by the modules before it (see sim/model/model.def). */
#include <string.h>

#include "sim/model/model.h"

void model_init(double t0, const double *v, double *y)
{
    /* The initial stocks follow from the calibrated 2020 reference state,
     * which is computed on a copy so that v stays untouched. */
    double w[VAR_COUNT];
    memcpy(w, v, sizeof w);
    model_frame f = {.t = t0, .t0 = t0, .y = y, .v = w, .dydt = NULL};
    calib_eval(&f);
    model_init_calibrated(t0, w, y);
}

void model_init_calibrated(double t0, const double *v, double *y)
{
    for (int s = 0; s < STOCK_COUNT; s++)
        y[s] = var_table[var_stock_ids[s]].value;
    inclusion_init(t0, v, y);
    demography_init(t0, v, y);
    production_init(t0, v, y);
    labour_init(t0, v, y);
    firms_init(t0, v, y);
    innovation_init(t0, v, y);
    energy_init(t0, v, y);
}

void model_invalidate(double *v)
{
    v[V_REF_POP_YOUNG] = 0.0;
}

MODEL_CLONES
void model_eval(model_frame *f)
{
    /* The modules read stocks from f->y; their value slots matter only in
     * a reported row. */
    if (f->report)
        for (int s = 0; s < STOCK_COUNT; s++)
            f->v[var_stock_ids[s]] = f->y[s];
    /* The calibration depends on parameters alone, which the engine sets
     * once per run (and with them clears the ref_* slots): compute it on
     * the first evaluation of a run only. */
    if (f->v[V_REF_POP_YOUNG] == 0.0)
        calib_eval(f);
    inclusion_eval(f);
    demography_eval(f);
    production_eval(f);
    labour_eval(f);
    firms_eval(f);
    innovation_eval(f);
    energy_eval(f);
    budget_eval(f);
}
