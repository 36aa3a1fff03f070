/* energy.h: formulas of the energy module that the production module also
 * needs (construction jobs follow decarbonisation investment). */
#ifndef SIM_ENERGY_H
#define SIM_ENERGY_H

#include "sim/model/smooth.h"
#include "sim/engine/var.h"

/* Build time of abatement projects, years (at least one year): shortened by
 * faster permits and grid planning. */
static inline double energy_build_time(const double *v)
{
    return smooth_pos(v[V_BUILD_YEARS] - v[V_PERMITTING_CUT] * v[V_PERMITTING] - 1.0, 0.1) + 1.0;
}

#endif
