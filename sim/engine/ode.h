/* ode.h: the integrator, a thin layer over GSL's gsl_odeiv2.
 *
 * Three methods: GSL's evolve loop with an adaptive embedded Runge-Kutta (4,5)
 * method (Cash-Karp) and GSL's scaled error control, both as vectorised
 * types of our own that give GSL's numbers (the default, at a relative
 * tolerance of 1e-5); and, for cross-checks against system-dynamics tools that
 * integrate at a fixed step dt, classical RK4 (four evaluations a step) and
 * explicit Euler. Independent of the model: tests drive it with closed-form
 * systems. */
#ifndef SIM_ODE_H
#define SIM_ODE_H

#include <stddef.h>

#include "sim/engine/status.h"

typedef enum ode_method {
    ODE_ADAPTIVE = 0, /* Cash-Karp rkck with error control */
    ODE_RK4,          /* classical fourth-order, fixed step */
    ODE_EULER         /* explicit Euler, fixed step */
} ode_method;

/* Right-hand side, GSL's convention: fills dydt at (t, y); returns 0 on
 * success, non-zero to stop the integration. The integrator stops by itself
 * on a non-finite derivative, so rhs need not check for one. */
typedef int (*ode_rhs)(double t, const double y[], double dydt[], void *params);

typedef struct ode_solver ode_solver;

/* A solver for dim equations. rtol: relative tolerance of the adaptive
 * method; scale: NULL, or dim magnitudes in the variables' own units, for
 * an absolute tolerance of rtol x scale[i] on variable i (NULL: rtol in the
 * variables' own units); the array is copied. h: the fixed step of RK4 and
 * Euler, years (a segment is split into equal steps no longer than h).
 * Returns NULL when out of memory or dim == 0. */
ode_solver *ode_create(size_t dim, ode_method method, double rtol, const double *scale, double h);
void ode_destroy(ode_solver *s);

/* Method name for reports ("adaptive", "rk4", "euler") and its parse; the
 * parse returns -1 for an unknown name. */
const char *ode_method_name(ode_method m);
int ode_method_parse(const char *name);

/* Integrates y (dim values) from *t to t1 with rhs(params), continuing with
 * the step size the previous call ended with. On success *t == t1. Returns
 * SIM_ESOLVER when the step size collapses, the rhs reports an error or a
 * derivative is not finite. The fixed-step methods then leave *t and y at
 * the last good step; the adaptive method may have carried a NaN to t1, so
 * that *t is where it stopped and y may be non-finite there. */
sim_status ode_advance(ode_solver *s, ode_rhs rhs, void *params, double *t, double t1,
                       double *y);

/* Forgets the step history, so that the next ode_advance starts afresh with
 * a small step: call it where the right-hand side is discontinuous (a lever
 * that jumps), so that the discontinuity is integrated exactly. */
void ode_reset(ode_solver *s);

/* Right-hand-side evaluations since creation (for benchmarks). */
unsigned long ode_evaluations(const ode_solver *s);

#endif
