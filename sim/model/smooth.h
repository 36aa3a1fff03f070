/* smooth.h: smooth replacements for max, min and abs, shared by the model's
 * modules. The adaptive integrator stalls on kinks, so the equations use
 * these instead of fmax/fmin/fabs. e is the width of the rounded corner in
 * the variable's own units; the result is exact far from the corner. */
#ifndef SIM_SMOOTH_H
#define SIM_SMOOTH_H

#include <math.h>

/* The square root of x >= 0. sim/ is built with -fno-math-errno (it never
 * reads errno), so this is the processor's square-root instruction, without
 * the branch to the library that errno would need and the saving of every
 * floating-point register around it. */
static inline double smooth_sqrt(double x)
{
    return sqrt(x);
}

/* About max(x, 0): 0.5 (x + sqrt(x^2 + e^2)); always > 0, e/2 at x = 0. */
static inline double smooth_pos(double x, double e)
{
    return 0.5 * (x + smooth_sqrt(x * x + e * e));
}

/* About min(x, cap): cap - smooth_pos(cap - x, e); exact far from cap. */
static inline double smooth_min(double x, double cap, double e)
{
    return cap - smooth_pos(cap - x, e);
}

/* About min(x, cap), rounded over a width e and shifted so that
 * smooth_cap(cap, cap, e) == cap exactly: far below cap it returns x + e/2,
 * far above, cap + e/2. Used for fill rates that must equal 1 exactly in the
 * calibrated 2020 state. */
static inline double smooth_cap(double x, double cap, double e)
{
    return cap - (smooth_pos(cap - x, e) - 0.5 * e);
}

/* About min(x, cap), never above cap and equal to it for x >= cap: x + e/2
 * for x <= cap - e, a quadratic over the last e below cap (the slope is
 * continuous). For shares that must not pass 1, such as fill rates. */
static inline double smooth_cap_below(double x, double cap, double e)
{
    double d = cap - x;
    if (d <= 0.0)
        return cap;
    if (d >= e)
        return x + 0.5 * e;
    return cap - d * d / (2.0 * e);
}

/* About |x|: sqrt(x^2 + e^2) - e, exact (0) at x = 0. */
static inline double smooth_abs(double x, double e)
{
    return smooth_sqrt(x * x + e * e) - e;
}

/* Saturating response x / (x + half): 0 at x = 0, 1/2 at x = half, towards 1. */
static inline double saturate(double x, double half)
{
    return x > 0.0 ? x / (x + half) : 0.0;
}

/* Share of x units that fit within a capacity cap > 0, rounded:
 * (1 + (x / cap)^4)^(-1/4). About 1 far below cap (0.985 at half of it),
 * 0.84 at cap, cap / x far above, so x times it never exceeds cap and rises
 * with x. Take-up of a lever's funded units bounded by the eligible ones. */
static inline double smooth_share_within(double x, double cap)
{
    if (x <= 0.0)
        return 1.0; /* nothing funded: nothing left unused (and no 0 / 0) */
    double r = x / cap, r2 = r * r;
    return 1.0 / smooth_sqrt(smooth_sqrt(1.0 + r2 * r2));
}

#endif
