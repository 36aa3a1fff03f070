/* constraint.h: joint constraints on the model's inputs. Each input has its
 * own range in the model table (the .def files of sim/model); some are valid alone and
 * not together (shares that sum past one, a denominator of inputs that can
 * all be zero). The table in sim/model/constraint.c declares them as data:
 * the inputs each names, a bound and a message. scenario_validate and the
 * scenario reader check them, so `check` and every run refuse a scenario
 * whose run would fail. */
#ifndef SIM_CONSTRAINT_H
#define SIM_CONSTRAINT_H

#include <stddef.h>

#include "sim/engine/status.h"

#define CONSTRAINT_INPUTS_MAX 6 /* inputs one constraint names */

typedef enum constraint_kind {
    CONSTRAINT_SUM_BELOW, /* sum of the inputs < bound */
    CONSTRAINT_SUM_ABOVE, /* sum of the inputs > bound */
    CONSTRAINT_STEADY_BELOW /* inputs[0] / (inputs[1] + 1 / inputs[2]) < bound * inputs[3]:
                               a steady-state stock below its total */
} constraint_kind;

typedef struct constraint {
    constraint_kind kind;
    int input[CONSTRAINT_INPUTS_MAX]; /* V_ ids; -1 ends the list */
    double bound;                     /* see kind */
    const char *why;                  /* what the run would do otherwise */
    const char *why_sv;               /* the same in Swedish */
} constraint;

extern const constraint constraint_table[];
extern const size_t constraint_count;

#define CONSTRAINT_NAMED_MAX 48 /* inputs one failed check names */

/* Checks the values (indexed by V_ id) against the table, then the
 * calibrated 2020 state they give (sim/model/calib.c): every initial stock
 * and every reference quantity (ref_*) must be finite and not negative, as
 * a share of people or a count of jobs is. Returns 1 when all hold;
 * otherwise 0 with the message in why (both languages, no file or line) and
 * the V_ ids of the inputs it names in named[0..*nnamed) (at most
 * CONSTRAINT_NAMED_MAX), for the caller to find where they were set. */
int constraint_check(const double *value, sim_error *why, int *named, int *nnamed);

/* Index of the first constraint of the table that the values break, or -1
 * when all hold. */
int constraint_first_broken(const double *value);

/* Writes the message for constraint c at values into buf: the inputs with
 * their values, the rule and why, e.g. "he_entry_share_start 0.8 +
 * low_entry_share 0.4 must stay below 1 (the higher-education entry share
 * leaves no room for ...)". */
void constraint_format(const constraint *c, const double *value, char *buf, size_t cap);

#endif
