/* ode.c: the integrator over GSL's gsl_odeiv2.
 *
 * The adaptive method is GSL's evolve function in a driver loop of our
 * own (ode_drive: GSL's, with steps stretched onto report times) with a
 * Cash-Karp Runge-Kutta (4,5) step and GSL's scaled error control.
 * Cash-Karp rather than Fehlberg: the same accuracy on this model for about
 * 15 % fewer instructions (callgrind). The step and the control are GSL types of our own (ck_type
 * and cs_type below) that do the arithmetic of GSL's gsl_odeiv2_step_rkck
 * and gsl_odeiv2_control_scaled_new term for term, so that they give the
 * same numbers to the last bit; their loops over the stocks take k1 from
 * the driver instead of copying it, compute the solution and the error
 * estimate in one pass, and are written so that the compiler can vectorise
 * them (restrict pointers, -O3 from sim/CMakeLists.txt, AVX2 clones).
 * The fixed-step methods exist for cross-checks against
 * system-dynamics tools (Vensim, Stella), which take classical RK4 and
 * explicit Euler at a step dt; GSL has no explicit Euler, and its rk4
 * stepper takes every step as two half steps (to estimate an error), so
 * both are written out here, a few lines each, to match those tools. */
#include "sim/engine/ode.h"
#include "sim/engine/gsl_init.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

#define ODE_NMAX 1000000ul /* adaptive steps per ode_advance before giving up */

/* GSL calls rhs through this; ode_advance points it at the caller's
 * function and parameters before each integration. */
typedef struct ode_call {
    ode_rhs rhs;
    void *params;
    size_t dim;
    unsigned long evaluations;
} ode_call;

struct ode_solver {
    size_t dim;
    ode_method method;
    double rtol;              /* adaptive tolerance */
    double h;                 /* fixed step, years; adaptive: the first step */
    ode_call call;            /* the current right-hand side */
    gsl_odeiv2_system sys;    /* points at call through trampoline_fast */
    gsl_odeiv2_driver *drv;   /* adaptive only */
    double *work;             /* fixed steps: k1..k4 and a stage state, 5 x dim */
    int fresh;                /* 1 until the first step after create or reset */
};

/* Cash-Karp's tableau (Cash and Karp, ACM TOMS 16 (1990) 201-222): stage
 * times, stage weights, the fifth-order weights and the differences of the
 * fifth- and fourth-order weights (the error estimate). */
static const double ck_a[] = {1.0 / 5.0, 0.3, 3.0 / 5.0, 1.0, 7.0 / 8.0};
static const double ck_b21 = 1.0 / 5.0;
static const double ck_b3[] = {3.0 / 40.0, 9.0 / 40.0};
static const double ck_b4[] = {0.3, -0.9, 1.2};
static const double ck_b5[] = {-11.0 / 54.0, 2.5, -70.0 / 27.0, 35.0 / 27.0};
static const double ck_b6[] = {1631.0 / 55296.0, 175.0 / 512.0, 575.0 / 13824.0,
                               44275.0 / 110592.0, 253.0 / 4096.0};
static const double ck_c1 = 37.0 / 378.0, ck_c3 = 250.0 / 621.0, ck_c4 = 125.0 / 594.0,
                    ck_c6 = 512.0 / 1771.0;
static const double ck_e1 = 37.0 / 378.0 - 2825.0 / 27648.0,
                    ck_e3 = 250.0 / 621.0 - 18575.0 / 48384.0,
                    ck_e4 = 125.0 / 594.0 - 13525.0 / 55296.0, ck_e5 = -277.0 / 14336.0,
                    ck_e6 = 512.0 / 1771.0 - 0.25;

/* The step's scratch: stages k1..k6 (k1 only when the caller passes no
 * start derivative), the stage state, and y at the start of the step
 * (restored when the derivative at the end fails), 8 x dim. */
typedef struct ck_state {
    double *k1, *k2, *k3, *k4, *k5, *k6, *ytmp, *y0;
} ck_state;

static void *ck_alloc(size_t dim)
{
    ck_state *st = malloc(sizeof *st);
    double *w = st != NULL ? calloc(8 * dim, sizeof *w) : NULL;
    if (w == NULL) {
        free(st);
        return NULL;
    }
    *st = (ck_state){.k1 = w, .k2 = w + dim, .k3 = w + 2 * dim, .k4 = w + 3 * dim,
                     .k5 = w + 4 * dim, .k6 = w + 5 * dim, .ytmp = w + 6 * dim,
                     .y0 = w + 7 * dim};
    return st;
}

static void ck_free(void *vst)
{
    ck_state *st = vst;
    free(st->k1);
    free(st);
}

/* Nothing to forget: every array is written before it is read in a step. */
static int ck_reset(void *vst, size_t dim)
{
    (void)vst;
    (void)dim;
    return GSL_SUCCESS;
}

/* The order GSL's rkck reports to the step control, which sets how fast
 * the step grows and shrinks. */
static unsigned ck_order(void *vst)
{
    (void)vst;
    return 5;
}

static int ck_set_driver(void *vst, const gsl_odeiv2_driver *d)
{
    (void)vst;
    (void)d;
    return GSL_SUCCESS;
}

/* The stage loops below are compiled twice on x86-64, for the baseline
 * instruction set and for AVX2 (four doubles a vector instead of two), and
 * the loader picks the one the processor runs. Neither contracts a
 * multiplication and an addition into one rounding (no FMA), so both give
 * the same numbers. */
#if defined(__x86_64__) && defined(__GNUC__) && defined(__gnu_linux__)
#define CK_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define CK_CLONES
#endif

/* Stage state y + h (sum of a_j k_j) for the stages so far. */
CK_CLONES static void ck_stage2(size_t n, double *restrict ytmp, const double *restrict y, double h,
                      const double *restrict k1)
{
    for (size_t i = 0; i < n; i++)
        ytmp[i] = y[i] + ck_b21 * h * k1[i];
}

CK_CLONES static void ck_stage3(size_t n, double *restrict ytmp, const double *restrict y, double h,
                      const double *restrict k1, const double *restrict k2)
{
    for (size_t i = 0; i < n; i++)
        ytmp[i] = y[i] + h * (ck_b3[0] * k1[i] + ck_b3[1] * k2[i]);
}

CK_CLONES static void ck_stage4(size_t n, double *restrict ytmp, const double *restrict y, double h,
                      const double *restrict k1, const double *restrict k2,
                      const double *restrict k3)
{
    for (size_t i = 0; i < n; i++)
        ytmp[i] = y[i] + h * (ck_b4[0] * k1[i] + ck_b4[1] * k2[i] + ck_b4[2] * k3[i]);
}

CK_CLONES static void ck_stage5(size_t n, double *restrict ytmp, const double *restrict y, double h,
                      const double *restrict k1, const double *restrict k2,
                      const double *restrict k3, const double *restrict k4)
{
    for (size_t i = 0; i < n; i++)
        ytmp[i] = y[i] + h * (ck_b5[0] * k1[i] + ck_b5[1] * k2[i] + ck_b5[2] * k3[i] +
                              ck_b5[3] * k4[i]);
}

CK_CLONES static void ck_stage6(size_t n, double *restrict ytmp, const double *restrict y, double h,
                      const double *restrict k1, const double *restrict k2,
                      const double *restrict k3, const double *restrict k4,
                      const double *restrict k5)
{
    for (size_t i = 0; i < n; i++)
        ytmp[i] = y[i] + h * (ck_b6[0] * k1[i] + ck_b6[1] * k2[i] + ck_b6[2] * k3[i] +
                              ck_b6[3] * k4[i] + ck_b6[4] * k5[i]);
}

/* The fifth-order solution into y (its start saved in y0) and the error
 * estimate, in one pass. */
CK_CLONES static void ck_finish(size_t n, double *restrict y, double *restrict y0, double *restrict yerr,
                      double h, const double *restrict k1, const double *restrict k3,
                      const double *restrict k4, const double *restrict k5,
                      const double *restrict k6)
{
    for (size_t i = 0; i < n; i++) {
        y0[i] = y[i];
        y[i] += h * (ck_c1 * k1[i] + ck_c3 * k3[i] + ck_c4 * k4[i] + ck_c6 * k6[i]);
        yerr[i] = h * (ck_e1 * k1[i] + ck_e3 * k3[i] + ck_e4 * k4[i] + ck_e5 * k5[i] +
                       ck_e6 * k6[i]);
    }
}

#define CK_EVAL(sys, t, y, dydt)                                                                 \
    do {                                                                                         \
        int rc_ = (sys)->function((t), (y), (dydt), (sys)->params);                              \
        if (rc_ != GSL_SUCCESS)                                                                  \
            return rc_;                                                                          \
    } while (0)

static int ck_apply(void *vst, size_t n, double t, double h, double y[], double yerr[],
                    const double dydt_in[], double dydt_out[], const gsl_odeiv2_system *sys)
{
    ck_state *st = vst;
    const double *k1 = dydt_in;
    if (k1 == NULL) { /* GSL's driver always passes it */
        CK_EVAL(sys, t, y, st->k1);
        k1 = st->k1;
    }
    ck_stage2(n, st->ytmp, y, h, k1);
    CK_EVAL(sys, t + ck_a[0] * h, st->ytmp, st->k2);
    ck_stage3(n, st->ytmp, y, h, k1, st->k2);
    CK_EVAL(sys, t + ck_a[1] * h, st->ytmp, st->k3);
    ck_stage4(n, st->ytmp, y, h, k1, st->k2, st->k3);
    CK_EVAL(sys, t + ck_a[2] * h, st->ytmp, st->k4);
    ck_stage5(n, st->ytmp, y, h, k1, st->k2, st->k3, st->k4);
    CK_EVAL(sys, t + ck_a[3] * h, st->ytmp, st->k5);
    ck_stage6(n, st->ytmp, y, h, k1, st->k2, st->k3, st->k4, st->k5);
    CK_EVAL(sys, t + ck_a[4] * h, st->ytmp, st->k6);
    ck_finish(n, y, st->y0, yerr, h, k1, st->k3, st->k4, st->k5, st->k6);
    if (dydt_out != NULL) {
        int rc = sys->function(t + h, y, dydt_out, sys->params);
        if (rc != GSL_SUCCESS) {
            memcpy(y, st->y0, n * sizeof *y);
            return rc;
        }
    }
    return GSL_SUCCESS;
}

/* Can use the driver's derivative at the start of the step (k1) and gives
 * the exact derivative at its end, as GSL's rkck. */
static const gsl_odeiv2_step_type ck_type = {"rkck-fused", 1, 1, ck_alloc, ck_apply,
                                             ck_set_driver, ck_reset, ck_order, ck_free};

/* The step control: GSL's "scaled" control (gsl_odeiv2_control_scaled_new)
 * term for term, the error of stock i measured against
 * eps_rel (a_y |y_i| + a_dydt |h y'_i|) + eps_abs scale_i, and the step
 * shrunk or grown by the same rules. Its loop over the stocks is split so
 * that it vectorises: the ratios first, then their largest in four lanes
 * (the largest of a set does not depend on the order it is taken in).
 * Same step sizes, same results to the last bit. */
typedef struct cs_state {
    double eps_abs, eps_rel, a_y, a_dydt;
    double *scale; /* dim absolute scales */
    double *ratio; /* dim error ratios, scratch */
} cs_state;

static void *cs_alloc(void)
{
    return calloc(1, sizeof(cs_state));
}

static int cs_init(void *vst, double eps_abs, double eps_rel, double a_y, double a_dydt)
{
    cs_state *st = vst;
    if (eps_abs < 0.0 || eps_rel < 0.0 || a_y < 0.0 || a_dydt < 0.0)
        return GSL_EINVAL;
    st->eps_abs = eps_abs;
    st->eps_rel = eps_rel;
    st->a_y = a_y;
    st->a_dydt = a_dydt;
    return GSL_SUCCESS;
}

/* The largest ratio of each stock's error to its tolerance (DBL_MIN when
 * all are zero; a NaN ratio is passed over, as in GSL). */
CK_CLONES static double cs_worst(size_t n, double *restrict ratio, const cs_state *st, double h,
                                 const double *restrict y, const double *restrict yerr,
                                 const double *restrict yp)
{
    const double eps_abs = st->eps_abs, eps_rel = st->eps_rel, a_y = st->a_y,
                 a_dydt = st->a_dydt;
    const double *restrict scale = st->scale;
    for (size_t i = 0; i < n; i++) {
        double d0 = eps_rel * (a_y * fabs(y[i]) + a_dydt * fabs(h * yp[i])) + eps_abs * scale[i];
        ratio[i] = fabs(yerr[i]) / fabs(d0);
    }
    double m[4] = {DBL_MIN, DBL_MIN, DBL_MIN, DBL_MIN};
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (size_t j = 0; j < 4; j++)
            m[j] = ratio[i + j] > m[j] ? ratio[i + j] : m[j];
    for (; i < n; i++)
        m[0] = ratio[i] > m[0] ? ratio[i] : m[0];
    double a = m[1] > m[0] ? m[1] : m[0], b = m[3] > m[2] ? m[3] : m[2];
    return b > a ? b : a;
}

static int cs_hadjust(void *vst, size_t dim, unsigned ord, const double y[], const double yerr[],
                      const double yp[], double *h)
{
    cs_state *st = vst;
    const double S = 0.9, h_old = *h;
    double rmax = cs_worst(dim, st->ratio, st, h_old, y, yerr, yp);
    if (rmax > 1.1) {
        /* Shrink: by no more than a factor of 5, a fraction S below what
         * the error's order suggests. */
        double r = S / pow(rmax, 1.0 / ord);
        if (r < 0.2)
            r = 0.2;
        *h = r * h_old;
        return GSL_ODEIV_HADJ_DEC;
    }
    if (rmax < 0.5) {
        /* Grow: by at most 4.9 times, never shrinking because of S. */
        double r = S / pow(rmax, 1.0 / (ord + 1.0));
        if (r > 4.9)
            r = 4.9;
        if (r < 1.0)
            r = 1.0;
        *h = r * h_old;
        return GSL_ODEIV_HADJ_INC;
    }
    return GSL_ODEIV_HADJ_NIL;
}

static int cs_errlevel(void *vst, double y, double dydt, double h, size_t i, double *errlev)
{
    const cs_state *st = vst;
    *errlev = st->eps_rel * (st->a_y * fabs(y) + st->a_dydt * fabs(h * dydt)) +
              st->eps_abs * st->scale[i];
    return *errlev > 0.0 ? GSL_SUCCESS : GSL_ESANITY;
}

static int cs_set_driver(void *vst, const gsl_odeiv2_driver *d)
{
    (void)vst;
    (void)d;
    return GSL_SUCCESS;
}

static void cs_free(void *vst)
{
    cs_state *st = vst;
    free(st->scale);
    free(st);
}

static const gsl_odeiv2_control_type cs_type = {"scaled-split", cs_alloc, cs_init, cs_hadjust,
                                                cs_errlevel, cs_set_driver, cs_free};

/* The control for dim stocks: absolute scales from scale (NULL: 1 each). */
static gsl_odeiv2_control *cs_new(double eps_abs, double eps_rel, const double *scale,
                                  size_t dim)
{
    gsl_odeiv2_control *c = gsl_odeiv2_control_alloc(&cs_type);
    if (c == NULL)
        return NULL;
    cs_state *st = c->state;
    st->scale = malloc(2 * dim * sizeof *st->scale);
    if (st->scale == NULL ||
        gsl_odeiv2_control_init(c, eps_abs, eps_rel, 1.0, 0.0) != GSL_SUCCESS) {
        gsl_odeiv2_control_free(c);
        return NULL;
    }
    st->ratio = st->scale + dim;
    for (size_t i = 0; i < dim; i++)
        st->scale[i] = scale != NULL ? scale[i] : 1.0;
    return c;
}

/* 1 when every one of n values is finite. A sum is non-finite exactly when a
 * term is (for values far from overflow); four partial sums let the
 * compiler use vector additions. */
static int all_finite(const double *x, size_t n)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    for (; i < n; i++)
        s0 += x[i];
    return isfinite((s0 + s1) + (s2 + s3));
}

/* Evaluates the caller's rhs; a failure or a non-finite derivative stops
 * GSL's stepping (GSL_EBADFUNC), leaving the last good point in place. */
/* The adaptive method's right-hand side: no finiteness check here, which
 * would cost in each of the ~400 evaluations of a run. A non-finite
 * derivative makes a non-finite state that GSL carries to the end of the
 * segment (its error control lets NaN through), where ode_advance checks y
 * once. */
static int trampoline_fast(double t, const double y[], double dydt[], void *p)
{
    ode_call *c = p;
    c->evaluations++;
    return c->rhs(t, y, dydt, c->params) != 0 ? GSL_EBADFUNC : GSL_SUCCESS;
}

static int trampoline(double t, const double y[], double dydt[], void *p)
{
    ode_call *c = p;
    c->evaluations++;
    if (c->rhs(t, y, dydt, c->params) != 0 || !all_finite(dydt, c->dim))
        return GSL_EBADFUNC;
    return GSL_SUCCESS;
}

ode_solver *ode_create(size_t dim, ode_method method, double rtol, const double *scale, double h)
{
    if (dim == 0 || !(rtol > 0.0) || !(h > 0.0) || (unsigned)method > ODE_EULER)
        return NULL;
    sim_gsl_init(); /* once per process, not per thread: the handler is a global */
    ode_solver *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->dim = dim;
    s->method = method;
    s->rtol = rtol;
    s->h = h;
    s->call.dim = dim;
    s->sys = (gsl_odeiv2_system){.function = trampoline_fast, .jacobian = NULL, .dimension = dim,
                                 .params = &s->call};
    int ok = 0;
    switch (method) {
    case ODE_ADAPTIVE:
        /* The error of variable i may be rtol (|y_i| + scale_i): relative
         * for large values, and for a small stock an absolute part of the
         * size of its kind (a few persons among the region's people), so
         * that a small, fast stock (a stage of a training pipeline) does
         * not set the step of the whole model. */
        s->drv = gsl_odeiv2_driver_alloc_y_new(&s->sys, &ck_type, h, rtol, rtol);
        if (s->drv != NULL) {
            /* The driver's control swapped for ours (cs_type), which its
             * public structure allows. */
            gsl_odeiv2_control *c = cs_new(rtol, rtol, scale, dim);
            if (c != NULL) {
                gsl_odeiv2_control_free(s->drv->c);
                s->drv->c = c;
                ok = gsl_odeiv2_control_set_driver(c, s->drv) == GSL_SUCCESS &&
                     gsl_odeiv2_driver_set_nmax(s->drv, ODE_NMAX) == GSL_SUCCESS;
            }
        }
        break;
    case ODE_RK4:
    case ODE_EULER:
        s->work = malloc(5 * dim * sizeof *s->work);
        ok = s->work != NULL;
        break;
    }
    if (!ok) {
        ode_destroy(s);
        return NULL;
    }
    s->fresh = 1;
    return s;
}

void ode_destroy(ode_solver *s)
{
    if (s == NULL)
        return;
    if (s->drv != NULL)
        gsl_odeiv2_driver_free(s->drv);
    free(s->work);
    free(s);
}

const char *ode_method_name(ode_method m)
{
    switch (m) {
    case ODE_ADAPTIVE: return "adaptive";
    case ODE_RK4: return "rk4";
    case ODE_EULER: return "euler";
    }
    return "unknown";
}

int ode_method_parse(const char *name)
{
    for (int m = ODE_ADAPTIVE; m <= ODE_EULER; m++)
        if (strcmp(name, ode_method_name((ode_method)m)) == 0)
            return m;
    return -1;
}

void ode_reset(ode_solver *s)
{
    if (s->drv != NULL)
        gsl_odeiv2_driver_reset(s->drv);
    s->fresh = 1;
}

unsigned long ode_evaluations(const ode_solver *s)
{
    return s->call.evaluations;
}

/* GSL's driver loop (gsl_odeiv2_driver_apply) with one change: a step
 * that would stop short of t1 (a report time) by less than a tenth of
 * itself is stretched to end on t1, as MATLAB's ode45 does (Shampine and
 * Reichelt, SIAM J. Sci. Comput. 18 (1997) 1-22). GSL's driver takes the
 * step the control wants and then the sliver left before t1; the control
 * keeps a step whose error is between half and 1.1 times the tolerance,
 * so a wanted step of 0.92 years made two steps of every year. The step
 * control still judges the stretched step, and shrinks and repeats it
 * when its error is over the tolerance. */
static int ode_drive(gsl_odeiv2_driver *d, double *t, double t1, double y[])
{
    d->n = 0;
    while (*t < t1) {
        double rest = t1 - *t, h = d->h;
        if (h < rest && 1.1 * h >= rest)
            h = nextafter(rest, INFINITY); /* GSL's last step: ends on t1 exactly */
        int rc = gsl_odeiv2_evolve_apply(d->e, d->c, d->s, d->sys, t, t1, &h, y);
        if (rc != GSL_SUCCESS)
            return rc;
        d->h = h;
        if (d->nmax > 0 && d->n > d->nmax)
            return GSL_EMAXITER;
        if (fabs(d->h) > d->hmax)
            d->h = d->hmax;
        if (fabs(d->h) < d->hmin)
            return GSL_ENOPROG;
        d->n++;
    }
    return GSL_SUCCESS;
}

/* Equal steps no longer than h that land exactly on t1. */
static unsigned long fixed_steps(double span, double h)
{
    double n = ceil(span / h - 1e-9);
    return n < 1.0 ? 1ul : (unsigned long)n;
}

sim_status ode_advance(ode_solver *s, ode_rhs rhs, void *params, double *t, double t1, double *y)
{
    s->call.rhs = rhs;
    s->call.params = params;
    double span = t1 - *t;
    if (span == 0.0)
        return SIM_OK;
    if (!(span > 0.0))
        return SIM_ESOLVER;

    if (s->method == ODE_ADAPTIVE) {
        if (s->fresh)
            gsl_odeiv2_driver_reset_hstart(s->drv, span < s->h ? span : s->h);
        s->fresh = 0;
        int rc = ode_drive(s->drv, t, t1, y);
        return rc == GSL_SUCCESS && all_finite(y, s->dim) ? SIM_OK : SIM_ESOLVER;
    }

    unsigned long n = fixed_steps(span, s->h);
    double t0 = *t, h = span / (double)n;
    size_t dim = s->dim;
    double *k1 = s->work, *k2 = k1 + dim, *k3 = k2 + dim, *k4 = k3 + dim, *ytmp = k4 + dim;
    for (unsigned long i = 0; i < n; i++) {
        double ti = t0 + h * (double)i;
        int ok = trampoline(ti, y, k1, &s->call) == GSL_SUCCESS;
        if (ok && s->method == ODE_EULER) {
            for (size_t j = 0; j < dim; j++)
                y[j] += h * k1[j];
            continue;
        }
        /* Classical fourth-order Runge-Kutta. */
        for (size_t j = 0; ok && j < dim; j++)
            ytmp[j] = y[j] + 0.5 * h * k1[j];
        ok = ok && trampoline(ti + 0.5 * h, ytmp, k2, &s->call) == GSL_SUCCESS;
        for (size_t j = 0; ok && j < dim; j++)
            ytmp[j] = y[j] + 0.5 * h * k2[j];
        ok = ok && trampoline(ti + 0.5 * h, ytmp, k3, &s->call) == GSL_SUCCESS;
        for (size_t j = 0; ok && j < dim; j++)
            ytmp[j] = y[j] + h * k3[j];
        ok = ok && trampoline(ti + h, ytmp, k4, &s->call) == GSL_SUCCESS;
        if (!ok) {
            *t = ti;
            return SIM_ESOLVER;
        }
        for (size_t j = 0; j < dim; j++)
            y[j] += h / 6.0 * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j]);
    }
    *t = t1; /* exact, whatever the rounding of n small steps */
    return SIM_OK;
}
