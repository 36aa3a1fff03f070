/* energy.h: formulas of the energy module that the calibration and the
 * production module also need (construction jobs follow decarbonisation
 * investment, which is spread over the build time). */
#ifndef SIM_ENERGY_H
#define SIM_ENERGY_H

#include "sim/model/smooth.h"
#include "sim/engine/var.h"

/* Years cut from a lead time of `years` by `cut` years at full permitting
 * and grid planning, net of the lever's deadweight and displacement; at
 * least one year (build_time and grid_build_time in energy.def). */
static inline double energy_lead_time(const double *v, double years, double cut)
{
    double net = v[V_PERMITTING] * (1.0 - v[V_PERMITTING_DEADWEIGHT]) *
                 (1.0 - v[V_PERMITTING_DISPLACEMENT]);
    return smooth_pos(years - cut * net - 1.0, 0.1) + 1.0;
}

/* Build time of abatement projects, years (build_time). */
static inline double energy_build_time(const double *v)
{
    return energy_lead_time(v, v[V_BUILD_YEARS], v[V_PERMITTING_CUT]);
}

#endif
