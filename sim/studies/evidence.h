/* evidence.h: the computation behind `transim evidence`: each lever's
 * cost-effectiveness in the model beside the range the cited evaluations
 * give (the ev_* fields of the lever rows, sim/engine/var.h).
 *
 * Each lever is set alone to its policy value (.policy in the table) from
 * the first year of the study, against a baseline where every lever keeps
 * its baseline value. Over the years [from, to] the study computes
 *   cost       spend_cumulative(to) - spend_cumulative(from), MSEK (what is
 *              taken up, see sim/model/budget.c)
 *   job-years  the integral of employment(lever) - employment(baseline),
 *              by the trapezoid rule over the report times
 *   avoided    the integral of emissions_total(baseline) - emissions_total
 *              (lever), kt, by the same rule
 * and from them the cost per job-year and per tonne CO2e avoided, in SEK.
 * The central figures use the table's values; the Monte Carlo bands redo
 * both runs under each draw of the uncertain inputs (sample i draws as
 * sample i of `transim mc`, sim/studies/sample.h). Every run is one task of
 * a pool_exec, so the figures are the same bytes for any number of threads
 * or ranks. */
#ifndef SIM_EVIDENCE_H
#define SIM_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

#include "sim/engine/run.h"
#include "sim/engine/status.h"
#include "sim/files/scenario.h"
#include "sim/studies/pool.h"

/* Where the model's figure lies against the evidence range. */
typedef enum evidence_verdict {
    EVIDENCE_NA = 0, /* no evidence range in the table, or no figure */
    EVIDENCE_WITHIN, /* inside [lo, hi] */
    EVIDENCE_BELOW,  /* cheaper than the evidence */
    EVIDENCE_ABOVE   /* dearer than the evidence, or no gain at all */
} evidence_verdict;

typedef struct evidence_study {
    const scenario *base; /* the baseline: every lever at its baseline value is
                             expected; assumptions and parameters as given */
    run_opts opts;        /* solver and report step; from and to are the years
                             integrated (NAN: the scenario's start and end) */
    uint64_t seed;        /* Monte Carlo seed */
    size_t samples;       /* Monte Carlo samples (0: central figures only) */
    double p_lo, p_hi;    /* band probabilities, e.g. 0.05 and 0.95 */
} evidence_study;

/* The figures of one lever. Costs per unit are NAN where the lever gains
 * nothing (no job-years, or no emissions avoided). */
typedef struct evidence_row {
    int lever;               /* V_ index */
    double value;            /* the policy value it is set to */
    double cost;             /* cumulative spending over the years, MSEK */
    double allocated;        /* what the same units would cost fully taken up, MSEK */
    double job_years;        /* integral of the employment difference, job-years */
    double avoided;          /* integral of the emissions avoided, t CO2e */
    double per_job;          /* cost per job-year, SEK */
    double per_job_lo, per_job_hi; /* its Monte Carlo band, SEK (hi INFINITY: no gain in
                                      some draws beyond the band's probability) */
    double per_t;            /* cost per tonne CO2e avoided, SEK */
    double per_t_lo, per_t_hi; /* its band, SEK */
    double job_gain_end;     /* employment difference in the last year, persons */
    evidence_verdict job_verdict, t_verdict;
    char why[512];           /* why the figure falls outside the evidence ("" when
                                within or n/a) */
} evidence_row;

typedef struct evidence_result {
    double from, to;          /* years integrated */
    size_t rows;              /* LEVER_COUNT */
    evidence_row row[LEVER_COUNT];
} evidence_result;

/* The scenario in which lever (a V_ index) alone takes value from year
 * `from` on, with no ramp; the rest as in base. */
void evidence_scenario(const scenario *base, int lever, double value, double from,
                       scenario *out);

/* The integral of var over the report times of r from year `from` to year
 * `to` by the trapezoid rule, in var's unit x years. Report times outside
 * [from, to] are left out; from and to are expected to be report times. */
double evidence_integral(const run_result *r, int var, double from, double to);

/* Runs the study over ex into out. Returns 0, or non-zero with err filled
 * (a run that fails names its lever and sample). Under MPI only rank 0 gets
 * out filled. */
int evidence_study_run(const evidence_study *s, pool_exec *ex, evidence_result *out,
                       sim_error *err);

/* "within", "below", "above" or "n/a". */
const char *evidence_verdict_name(evidence_verdict v);

#endif
