/* var.h: the model as data. Every stock, flow, auxiliary, indicator, lever,
 * assumption, parameter and setting of the model is one row of a single
 * table, written in the X-macro file sim/model/model.def (which includes one .def
 * file per model module). From that table come the enums used by the
 * equations (V_x for every variable, S_x for stocks, L_x for levers), the
 * descriptors below, the command line's `list`, the CSV headers, the front
 * end's sliders and the model reference; nothing else lists variables.
 *
 * A row reads, for example:
 *   LEVER(ADULT_TRAINING, .name = "adult_training_places", .unit = "places/yr",
 *         .value = 3000, .min = 0, .max = 9000, .cost = 0.1, ...)
 * where the first argument is the enum suffix and the rest are designated
 * initializers of var_desc. */
#ifndef SIM_VAR_H
#define SIM_VAR_H

#include <stddef.h>

typedef enum var_kind {
    VAR_STOCK,      /* integrated state; value = initial value (may be set by model_init) */
    VAR_FLOW,       /* a rate that changes stocks, per year */
    VAR_AUX,        /* an intermediate computed quantity */
    VAR_INDICATOR,  /* an output quantity reported to users */
    VAR_LEVER,      /* a policy the region decides; scheduled in time */
    VAR_ASSUMPTION, /* an exogenous driver the region does not decide */
    VAR_PARAM,      /* a structural model constant */
    VAR_SETTING,    /* a scenario setting (the budget cap) */
    VAR_KIND_COUNT
} var_kind;

/* The five priorities of the EU/OECD industrial-transition toolbox. */
enum {
    PRIO_P1 = 1u << 0, /* jobs of the future (skills) */
    PRIO_P2 = 1u << 1, /* innovation diffusion */
    PRIO_P3 = 1u << 2, /* entrepreneurship and private-sector engagement */
    PRIO_P4 = 1u << 3, /* climate-neutral economy */
    PRIO_P5 = 1u << 4, /* inclusive growth */
    PRIO_COUNT = 5
};

/* The four themes of the region's strategy for industrial transition. */
enum {
    THEME_T1 = 1u << 0, /* digitalisation and business development */
    THEME_T2 = 1u << 1, /* energy efficiency and circular economy */
    THEME_T3 = 1u << 2, /* innovation and entrepreneurship */
    THEME_T4 = 1u << 3, /* people in industry */
    THEME_COUNT = 4
};

/* Uncertainty distributions for Monte Carlo over [est] entries. */
typedef enum var_dist {
    DIST_NONE = 0,  /* not varied */
    DIST_UNIFORM,   /* uniform on [unc_lo, unc_hi] */
    DIST_TRIANGULAR /* triangular on [unc_lo, unc_hi] with mode = value */
} var_dist;

/* The parts of the policy budget, for front ends that show a budget meter. */
typedef enum var_budget {
    BUDGET_NONE = 0,
    BUDGET_CAP,        /* the yearly cap (a setting) */
    BUDGET_SPEND,      /* spending per year */
    BUDGET_CUMULATIVE, /* spending since the start of the run */
    BUDGET_OVER        /* spending above the cap per year */
} var_budget;

typedef struct var_desc {
    var_kind kind;         /* what the row is */
    int stock;             /* S_x index for stocks, -1 otherwise (filled by the X-macro) */
    int lever;             /* L_x index for levers, -1 otherwise (filled by the X-macro) */
    const char *id;        /* enum suffix, e.g. "POP_YOUNG" (filled by the X-macro) */
    const char *name;      /* snake_case identifier used in files, CLI and CSV */
    const char *unit;      /* SI-style unit text, e.g. "persons", "kt CO2e/yr", "1" */
    const char *label_en;  /* short English label for graphs and sliders */
    const char *label_sv;  /* short Swedish label */
    const char *desc;      /* one English sentence: what it is */
    const char *desc_sv;   /* the same in Swedish, in the words a class in the region uses */
    const char *eq;        /* the equation in words or as a formula */
    const char *inputs;    /* comma-separated names the equation reads ("" for inputs and
                              for an auxiliary whose equation is a constant, "1: ...") */
    const char *polarity;  /* the sign of each entry of inputs, in order: '+' when the
                              row rises with that input, '-' when it falls (in every
                              state, at the table's values of the parameters whose sign
                              sets a link's direction); '?' when the sign depends on the
                              state (polarity_why says why); '.' not yet declared, which
                              tests/test_polarity.c refuses; commas and spaces are ignored.
                              NULL = every entry '.'. Checked by that test against
                              perturbations, or for the ref_* rows by the chain rule */
    const char *polarity_why; /* for each '?' in polarity: which entry and what state
                                 turns its sign (NULL when there is none) */
    const char *source;    /* source tags such as "[S19]", or "[est]" */
    double value;          /* levers: baseline value; assumptions/params: central value;
                              stocks: initial value when not derived by model_init */
    double min, max;       /* allowed range for levers, assumptions, params, settings */
    double policy;         /* levers: value of the full-toolbox policy */
    double cost;           /* levers: MSEK per year per unit above the baseline value */
    unsigned priorities;   /* levers: PRIO_* mask */
    unsigned themes;       /* levers: THEME_* mask */
    var_dist dist;         /* [est] assumptions/params: uncertainty distribution */
    double unc_lo, unc_hi; /* [est] assumptions/params: uncertainty range */
    int key;               /* 1 for a key indicator (compare, summary, key strip) */
    int better;            /* +1 higher is better, -1 lower is better, 0 neutral */
    double display_scale;  /* GUI/compare: multiply by this for display (0 = 1) */
    const char *display_unit; /* unit after display_scale (NULL = unit) */
    var_budget budget;     /* the row's part of the budget (BUDGET_NONE for most) */
    /* Levers: take-up and the evidence on cost-effectiveness. */
    int uptake;            /* V_ index of the lever's take-up row (<lever>_uptake, the share
                              of the units funded above the baseline that are used); spending
                              is charged on that share only. 0 = none (row 0 is never one) */
    double ev_job_lo, ev_job_hi; /* public cost per additional job-year that the cited
                                    evaluations give, SEK at 2020 prices (low, high);
                                    0, 0 = none given */
    double ev_t_lo, ev_t_hi;     /* public cost per tonne CO2e avoided, SEK (low, high);
                                    0, 0 = none given */
    const char *ev_source; /* tags of the evaluations, such as "[E3, E7]"; NULL = none */
    const char *ev_note;   /* one sentence: what the evidence measures and how the model's
                              figure may differ from it; NULL = none */
} var_desc;

#define VAR_ENUM_(id, ...) V_##id,
#define VAR_NONE_(id, ...)

/* Every variable: V_<ID>. */
enum var_id {
#define STOCK VAR_ENUM_
#define FLOW VAR_ENUM_
#define AUX VAR_ENUM_
#define INDICATOR VAR_ENUM_
#define LEVER VAR_ENUM_
#define ASSUMPTION VAR_ENUM_
#define PARAM VAR_ENUM_
#define SETTING VAR_ENUM_
#include "sim/model/model.def"
#undef STOCK
#undef FLOW
#undef AUX
#undef INDICATOR
#undef LEVER
#undef ASSUMPTION
#undef PARAM
#undef SETTING
    VAR_COUNT
};

/* Stocks only: S_<ID>, the index into the state vector. */
enum stock_id {
#define STOCK(id, ...) S_##id,
#define FLOW VAR_NONE_
#define AUX VAR_NONE_
#define INDICATOR VAR_NONE_
#define LEVER VAR_NONE_
#define ASSUMPTION VAR_NONE_
#define PARAM VAR_NONE_
#define SETTING VAR_NONE_
#include "sim/model/model.def"
#undef STOCK
#undef LEVER
    STOCK_COUNT
};

/* Levers only: L_<ID>, the index into lever schedules. */
enum lever_id {
#define STOCK VAR_NONE_
#define LEVER(id, ...) L_##id,
#include "sim/model/model.def"
#undef STOCK
#undef FLOW
#undef AUX
#undef INDICATOR
#undef LEVER
#undef ASSUMPTION
#undef PARAM
#undef SETTING
    LEVER_COUNT
};

/* The whole table, indexed by var_id. */
extern const var_desc var_table[VAR_COUNT];
/* V_ index of each stock (by S_ index) and of each lever (by L_ index). */
extern const int var_stock_ids[STOCK_COUNT];
extern const int var_lever_ids[LEVER_COUNT];

/* The V_ index of the variable called name, or -1. */
int var_find(const char *name);

/* The V_ index of the row playing part of the budget, or -1. */
int var_find_budget(var_budget part);

/* The V_ index of the entry closest in spelling to name among the kinds in
 * kind_mask (1u << VAR_x bits), or -1 when none is close enough to suggest.
 * For "did you mean" messages. */
int var_suggest(const char *name, unsigned kind_mask);

/* Optimal-string-alignment (edit) distance between two names, counting
 * insertions, deletions, substitutions and swaps of neighbours; (size_t)-1
 * when either is longer than 64 characters. var_suggest's measure. */
size_t var_name_distance(const char *a, const char *b);

/* 1 when a name at distance dist from the len-character word typed is a
 * near miss worth suggesting: a few edits, fewer than a third of the word. */
int var_name_near(size_t dist, size_t len);

/* Kind names for listings: "stock", "flow", ..., and the plural forms used by
 * `transim list` ("stocks", "levers", ...). */
const char *var_kind_name(var_kind k);

/* The same in Swedish ("lager", "flöde", "hjälpvariabel", ...), for the
 * Swedish reference and listings. */
const char *var_kind_name_sv(var_kind k);

/* 1 when the lever row d gives an evidence range for the cost per job-year
 * (var_has_job_evidence) or per tonne CO2e avoided (var_has_t_evidence). */
int var_has_job_evidence(const var_desc *d);
int var_has_t_evidence(const var_desc *d);

/* 1 when the entry's source marks it as uncertain: an estimate ("[est]") or
 * a value fitted to history ("[fit]", with its standard error). */
int var_is_estimate(const var_desc *d);

/* Short code ("P1".."P5", "T1".."T4") and English/Swedish label of the i-th
 * priority or theme (0-based). NULL when i is out of range. */
const char *var_priority_code(int i);
const char *var_priority_label(int i, int swedish);
const char *var_theme_code(int i);
const char *var_theme_label(int i, int swedish);

/* Writes the codes of a PRIO_ or THEME_ mask as "P1 P2" / "T1/T3" style
 * text joined by sep into buf. Returns buf. */
char *var_tags_format(unsigned mask, int themes, const char *sep, char *buf, size_t n);

/* The value multiplied by display_scale, and the display unit. */
double var_display(const var_desc *d, double value);
const char *var_display_unit(const var_desc *d);

/* A unit of the model table in Swedish: each English word ("yr", "persons",
 * "thousand", "of GRP"...) is replaced by its Swedish one, symbols and SI
 * units are kept ("MSEK/yr" -> "MSEK/år"). Writes into buf (always
 * NUL-terminated when n > 0) and returns buf; with swedish = 0 copies unit.
 * The window, `compare --lang sv` and the Swedish reference show units so. */
char *var_unit_text(const char *unit, int swedish, char *buf, size_t n);

/* The row's source in Swedish (swedish = 1) or as the row writes it: the
 * Swedish text is d->source's entry in sim/model/source_sv.def, with the
 * tags ("[S15]", "[est]") as they are. A source of tags only is the same in
 * both languages; one with words and no entry stays English (a test fails on
 * that). Returns "" for a row without a source; never NULL. The window, `list
 * --lang sv` and `doc --lang sv` show sources so. */
const char *var_source_text(const var_desc *d, int swedish);

/* The Swedish text of a source as a row writes it: its entry in
 * source_sv.def; source itself when it holds nothing but bracketed tags;
 * NULL when it has words and no entry (or source is NULL). */
const char *var_source_sv(const char *source);

/* The entries of source_sv.def, for tests: their number, and the i-th's
 * source text (its Swedish in *sv). NULL when i is out of range. */
int var_source_sv_count(void);
const char *var_source_sv_entry(int i, const char **sv);

#endif
