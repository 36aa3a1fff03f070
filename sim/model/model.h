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
#define MODEL_VERSION "1.0.0"

/* Per-run constants of the equations: rates and ratios that follow from
 * parameter values and the calibrated 2020 state alone, computed with the
 * calibration (calib_consts) so that the evaluations of a run multiply
 * where they would otherwise divide. Units per entry. */
enum model_const {
    K_LAYOFF_RATE,          /* 1 / layoff_years, 1/yr */
    K_HE_STAGE_RATE,        /* 3 / he_years: outflow of one of three stages, 1/yr */
    K_TRAINING_STAGE_RATE,  /* 3 / training_years, 1/yr */
    K_TRAINING_RATE,        /* 1 / training_years, 1/yr */
    K_NEED_RATE,            /* 1 / training_need_years, 1/yr */
    K_JOB_PERCEPTION_RATE,  /* 1 / job_perception_years, 1/yr */
    K_INV_REF_PROSPECTS,    /* 1 / ref_prospects */
    K_AGEING_RATE,          /* 1 / young_years, 1/yr */
    K_DEATH_RATE,           /* 1 / old_age_years, 1/yr */
    K_RETIRE_RATE,          /* 1 / working_age_years, 1/yr */
    K_INV_REF_EMPLOYMENT,   /* 1 / ref_employment_rate */
    K_INV_REF_MFG_OUTPUT,   /* 1 / ref_mfg_output, 1/MSEK */
    K_INV_POPULATION_START,  /* 1 / population_start, 1/person */
    K_PUBLIC_SCALE,         /* public_jobs_start / ref_public_base, jobs/person */
    K_DEMAND_LOW,           /* ref_emp_low (1 + vacancy_rate_start) / ref_skill_jobs_low */
    K_DEMAND_MED,           /* the same for the medium-skilled */
    K_DEMAND_HIGH,          /* the same for the high-skilled */
    K_KNOWLEDGE_SCALE,      /* grp_start / ref_knowledge, 1/yr */
    K_INV_TERTIARY_START,    /* 1 / the 2020 tertiary share of the settled 20-64 */
    K_INV_MFG_SHARE_START,   /* ref_jobs_total / mfg_jobs_start */
    K_INV_UNEMPLOYMENT_START, /* 1 / unemployment_start */
    K_MATURING_RATE,        /* 1 / young_firm_years, 1/yr */
    K_DIGITAL_LIFE_RATE,    /* 1 / digital_life_years, 1/yr */
    K_INNOVATION_LAPSE_RATE, /* 1 / innovation_years, 1/yr */
    K_INV_INNOVATION_SHARE_START, /* 1 / innovation_share_start */
    K_BROADBAND_SCALE,      /* 1 / (1 - broadband_rural_start) */
    /* Responses to levers alone: constant in a run where no lever moves
     * (model_levers_fixed), computed afresh otherwise. */
    K_SAT_BROADBAND,        /* saturate(rural_broadband, 100) */
    K_SAT_INTEGRATION,      /* saturate(integration, 2000) */
    K_SAT_SEED,             /* saturate(seed_capital, 100) */
    K_SAT_CHALLENGE_LAB,    /* saturate(challenge_lab, 20) */
    K_SAT_CHEQUES,          /* saturate(innovation_cheques, 400) */
    K_INV_BUILD_TIME,       /* 1 / build_time, 1/yr */
    K_PART_LOW,             /* participation of the low-skilled with its boost */
    K_PERCEPTION_TIME,      /* perception_time, yr */
    K_PERCEPTION_RATE,      /* 1 / perception_time, 1/yr */
    /* Sums and products of parameters and levers, folded as the modules
     * would compute them (the same operations in the same order). */
    K_PARTICIPATION_BOOST,  /* participation_boost, 1 */
    K_MATCHING_BOOST_LOW,   /* matching_boost_low, 1 */
    K_LINKS_MATCH,          /* 1 + links_match_gain x urban_rural, 1 */
    K_FORESIGHT_MATCH,      /* 1 + foresight_match_gain x skills_foresight, 1 */
    K_HUB_ATTRACT,          /* hub_attract_gain x remote_hubs, 1 */
    K_BROADBAND_RATE,       /* broadband_rate_eff, 1/yr */
    K_UPGRADING_RATE,       /* in_firm_training / 100, 1/yr */
    K_UPSKILLING,           /* integration_vocational_share x integration, persons/yr */
    K_TRAINING_CAPACITY,    /* adult_training / training_years, starts/yr */
    K_SEED_GROWTH,          /* 1 + seed_growth_gain x saturate(seed_capital), 1 */
    K_YOUNG_EXIT_HAZARD,    /* young_exit_hazard, 1/yr */
    K_ENTRE_START,          /* 1 + entre_start_gain x entrepreneurship, 1 */
    K_DIGITAL_SUPPORT,      /* digital_support_effect x sme_digital, firms/yr */
    K_DIGITAL_Q,            /* digital_q_eff, 1/yr */
    K_INNOVATION_Q,         /* innovation_q_eff, 1/yr */
    K_RD_COLLAB_INTENSITY,  /* rd_collab x 0.01, 1 */
    K_GRAD_LEAVE_SHARE,     /* 1 - graduate_retention, 1 */
    K_TRAINING_SLACK,       /* K_TRAINING_CAPACITY + 1e-9, starts/yr */
    /* Parameters alone, as the modules would compute them. */
    K_DROPOUT_SHARE,        /* 1 - he_completion, 1 */
    K_TRAINING_FAIL_SHARE,  /* 1 - training_completion, 1 */
    K_ADULT_MIGRANT_SHARE,  /* 1 - migrant_share_young, 1 */
    K_MIGRANT_SHARE_MED,    /* 1 - migrant_share_low - migrant_share_high, 1 */
    K_HE_ENTRY_MAX,         /* 1 - low_entry_share, 1 */
    K_BROADBAND_FREE_SHARE, /* 1 - digital_broadband_need, 1 */
    K_TAX_FACTOR,           /* 1 + product_tax_share, 1 */
    K_EST_FIRMS_START,       /* active_firms_start - ref_young_firms, firms */
    K_HALF_DIGITAL_PRODUCTIVITY, /* 0.5 x digital_productivity, 1/yr */
    MODEL_CONST_COUNT
};

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
    const struct scenario *sc; /* the run's scenario: lever schedules, for exact
                                  cumulative spending; NULL outside a run (those
                                  rows are then left as they are) */
    double *k;         /* MODEL_CONST_COUNT per-run constants (enum model_const),
                          written with the calibration and read by every later
                          evaluation: keep them with v. NULL: model_eval
                          computes them afresh in each evaluation */
} model_frame;

/* Writes the initial state for a run starting at t0 into y[STOCK_COUNT].
 * v holds the parameter, assumption, setting and lever values at t0; initial
 * stocks may depend on them (for example an age split from a share). */
void model_init(double t0, const double *v, double *y);

/* Evaluates every flow and auxiliary into f->v and every derivative into
 * f->dydt; when f->report is set, also every indicator, and copies the
 * stocks into their value slots.
 * The calibrated 2020 reference state (the ref_* slots, sim/model/calib.def)
 * depends on parameter, assumption and setting values only; it is computed
 * when v[V_REF_POP_YOUNG] is 0 (as in a v freshly filled from a scenario)
 * and reused by later evaluations, and so are the per-run constants in
 * f->k (enum model_const) computed with it. */
void model_eval(model_frame *f);

/* Marks the calibration in v as stale: call it after changing a parameter,
 * assumption or setting slot of a v that model_eval has already used. */
void model_invalidate(double *v);

/* Fills k[MODEL_CONST_COUNT] from the parameter, lever and ref_* slots of v
 * (after calib_eval). */
void calib_consts(const double *v, double *k);

/* Fills the entries of k that follow from lever slots alone (K_SAT_BROADBAND
 * to the end of enum model_const) from v: model_eval calls it in every
 * evaluation of a run where levers move, so that the modules always read
 * the lever responses from k. */
void calib_lever_consts(const double *v, double *k);

/* 1 when no lever moves during the run of f (the engine's list of moving
 * levers is empty), so that the lever responses in f->k hold throughout. */
static inline int model_levers_fixed(const model_frame *f)
{
    return f->levers != NULL && f->nlevers == 0;
}

/* Lever responses that the modules and calib_consts share, so that the
 * per-run constants equal what an evaluation computes. */
static inline double model_integration_response(const double *v)
{
    return saturate(v[V_INTEGRATION], 2000.0);
}

static inline double model_participation_boost(const double *v)
{
    return v[V_HUB_PARTICIPATION_GAIN] * v[V_REMOTE_HUBS] +
           v[V_INTEGRATION_PARTICIPATION_GAIN] * model_integration_response(v);
}

/* Participation of the low-skilled, boosted, below 1. */
static inline double model_participation_low(const double *v, double boost)
{
    return smooth_min(v[V_PARTICIPATION_LOW] + boost, 1.0, 0.01);
}

/* Perception time of the labour market, years: shortened by skills
 * foresight, at least half a year. */
static inline double model_perception_time(const double *v)
{
    return smooth_pos(v[V_PERCEPTION_YEARS] - v[V_FORESIGHT_DELAY_CUT] * v[V_SKILLS_FORESIGHT] -
                          0.5,
                      0.1) +
           0.5;
}

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

/* Where a run's spending went over its budget cap: returns the number of
 * report rows with budget_over > 0 and, when there are any, the first and
 * last of their years and the largest excess (MSEK/yr). The run_result is
 * declared in sim/engine/run.h. */
struct run_result;
size_t budget_rows_over(const struct run_result *r, double *first, double *last,
                        double *worst);

#endif
