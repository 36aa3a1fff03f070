/* model.h: the Norra Mellansverige transition model's equations.
 *
 * The variables are declared as data in sim/model/model.def (see sim/engine/var.h); this
 * interface evaluates them. Each module (demography, labour, production,
 * firms, innovation, energy, inclusion, budget) has a file of its own with
 * a <module>_init and a <module>_eval; model.c calls them in order. The
 * engine (sim/engine/run.h) sets the parameter, assumption, setting and lever slots
 * of v before each call. */
#ifndef SIM_MODEL_H
#define SIM_MODEL_H

#include "sim/model/smooth.h"
#include "sim/engine/var.h"

#define MODEL_NAME "Norra Mellansverige industrial transition"
#define MODEL_VERSION "2.0.0"

/* The modules' evaluation functions (MODEL_CLONES before each definition)
 * are compiled twice on x86-64 Linux, for
 * the baseline instruction set and for x86-64-v3 (AVX2: three-operand
 * instructions, fewer moves), and the loader picks the one the processor
 * runs; the helpers they inline (smooth.h, labour.h, energy.h) are
 * compiled into each. ISO C (-std=c17) keeps a multiplication and an
 * addition as two roundings (-ffp-contract=off), so both versions give the
 * same numbers to the last bit. Fewer instructions an evaluation (about a
 * tenth, callgrind), the equations untouched. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__gnu_linux__)
#define MODEL_CLONES __attribute__((target_clones("arch=x86-64-v3", "default"), flatten))
#else
#define MODEL_CLONES
#endif

/* What one evaluation of the model sees. */
typedef struct model_frame {
    double t;        /* time, years (e.g. 2031.25) */
    double t0;       /* start year of the run */
    const double *y; /* STOCK_COUNT stock values */
    double *v;       /* VAR_COUNT value slots: inputs set by the engine,
                        flows, auxiliaries and indicators written here */
    double *dydt;    /* STOCK_COUNT derivatives, per year */
    int report;      /* 1 when v will be recorded as a result row; 0 inside
                        the integrator, where a module may skip indicators
                        that no derivative depends on (they cost time in
                        every one of the ~1,000 evaluations of a run) */
    const int *levers; /* V_ ids of the levers that may stand away from their
                          baseline (model table) value in this run, in lever
                          order; every other lever slot holds its baseline
                          value. NULL: any lever may (the budget then scans
                          them all) */
    int nlevers;       /* entries of levers */
    const struct scenario *sc; /* the run's scenario (lever schedules); NULL
                                  outside a run */
} model_frame;

/* Writes the initial state for a run starting at t0 into y[STOCK_COUNT].
 * v holds the parameter, assumption, setting and lever values at t0; initial
 * stocks may depend on them (for example an age split from a share). */
void model_init(double t0, const double *v, double *y);

/* The same from a v whose calibration (every ref_* slot) is already
 * complete: the stocks' table values, then each module's init. */
void model_init_calibrated(double t0, const double *v, double *y);

/* Evaluates every flow and auxiliary into f->v and every derivative into
 * f->dydt; when f->report is set, also every indicator, and copies the
 * stocks into their value slots.
 * The calibrated 2020 reference state (the ref_* slots, sim/model/calib.def)
 * depends on parameter, assumption and setting values only; it is computed
 * when v[V_REF_POP_YOUNG] is 0 (as in a v freshly filled from a scenario)
 * and reused by later evaluations. */
void model_eval(model_frame *f);

/* Marks the calibration in v as stale: call it after changing a parameter,
 * assumption or setting slot of a v that model_eval has already used. */
void model_invalidate(double *v);

/* Module entry points, in evaluation order (called by model_init/model_eval).
 * The calibration module computes the 2020 reference state that the other
 * modules' init functions start from; an init reads v after that step. */
void calib_eval(model_frame *f);
void inclusion_init(double t0, const double *v, double *y);
void inclusion_eval(model_frame *f);
void demography_init(double t0, const double *v, double *y);
void demography_eval(model_frame *f);
void production_init(double t0, const double *v, double *y);
void production_eval(model_frame *f);
void labour_init(double t0, const double *v, double *y);
void labour_eval(model_frame *f);
void firms_init(double t0, const double *v, double *y);
void firms_eval(model_frame *f);
void innovation_init(double t0, const double *v, double *y);
void innovation_eval(model_frame *f);
void energy_init(double t0, const double *v, double *y);
void energy_eval(model_frame *f);
void budget_eval(model_frame *f);

/* The take-up of lever `lever` (a V_ index) in v: its take-up row's value
 * clamped to [0, 1], or 1 for a lever that names no take-up row. The budget
 * charges cost x (value - baseline) x this. */
double budget_uptake(const double *v, int lever);

/* Where a run's spending went over its budget cap: returns the number of
 * report rows with budget_over > 0 and, when there are any, the first and
 * last of their years and the largest excess (MSEK/yr). The run_result is
 * declared in sim/engine/run.h. */
struct run_result;
size_t budget_rows_over(const struct run_result *r, double *first, double *last,
                        double *worst);

#endif
