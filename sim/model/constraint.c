/* constraint.c: the joint constraints on the model's inputs
 * (sim/model/constraint.h), found by running the model at the corners of
 * the input ranges (tests/test_constraint.c). One row per constraint, so
 * that a change of the equations changes a row. */
#include "sim/model/constraint.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/engine/var.h"

#define END -1

const constraint constraint_table[] = {
    {CONSTRAINT_SUM_BELOW, {V_YOUNG_SHARE_START, V_OLD_SHARE_START, END}, 0.95,
     "the young and the old leave too few of working age"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_SHARE_LOW_START, V_SKILL_SHARE_HIGH_START, END}, 0.95,
     "the low- and high-skilled leave too few medium-skilled"},
    {CONSTRAINT_SUM_BELOW, {V_HE_ENTRY_SHARE_START, V_LOW_ENTRY_SHARE, END}, 1.0,
     "school leavers entering higher education and those leaving with low skills leave "
     "none for the medium-skilled"},
    {CONSTRAINT_SUM_BELOW, {V_MIGRANT_SHARE_LOW, V_MIGRANT_SHARE_HIGH, END}, 1.0,
     "low- and high-skilled in-migrants leave none medium-skilled"},
    {CONSTRAINT_SUM_ABOVE,
     {V_SKILL_HIGH_MFG, V_SKILL_HIGH_CONSTRUCTION, V_SKILL_HIGH_SERVICES, V_SKILL_HIGH_PUBLIC,
      V_SKILL_HIGH_PRIMARY, END},
     0.0, "no job asks for high skills, and the demand for them divides by zero"},
    {CONSTRAINT_SUM_ABOVE,
     {V_SKILL_LOW_MFG, V_SKILL_LOW_CONSTRUCTION, V_SKILL_LOW_SERVICES, V_SKILL_LOW_PUBLIC,
      V_SKILL_LOW_PRIMARY, END},
     0.0, "no job asks for low skills, and the demand for them divides by zero"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_MFG, V_SKILL_HIGH_MFG, END}, 1.0,
     "manufacturing jobs leave none for the medium-skilled"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_CONSTRUCTION, V_SKILL_HIGH_CONSTRUCTION, END}, 1.0,
     "construction jobs leave none for the medium-skilled"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_SERVICES, V_SKILL_HIGH_SERVICES, END}, 1.0,
     "service jobs leave none for the medium-skilled"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_PUBLIC, V_SKILL_HIGH_PUBLIC, END}, 1.0,
     "public jobs leave none for the medium-skilled"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_PRIMARY, V_SKILL_HIGH_PRIMARY, END}, 1.0,
     "primary-sector jobs leave none for the medium-skilled"},
    {CONSTRAINT_STEADY_BELOW,
     {V_FIRM_STARTS_START, V_YOUNG_EXIT_RATE, V_YOUNG_FIRM_YEARS, V_ACTIVE_FIRMS_START, END},
     0.9, "young firms in steady state would outnumber the active firms, leaving no "
          "established ones"},
};
const size_t constraint_count = sizeof constraint_table / sizeof constraint_table[0];

static int inputs(const constraint *c)
{
    int n = 0;
    while (n < CONSTRAINT_INPUTS_MAX && c->input[n] >= 0)
        n++;
    return n;
}

static int holds(const constraint *c, const double *value)
{
    int n = inputs(c);
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += value[c->input[i]];
    switch (c->kind) {
    case CONSTRAINT_SUM_BELOW:
        return sum < c->bound;
    case CONSTRAINT_SUM_ABOVE:
        return sum > c->bound;
    case CONSTRAINT_STEADY_BELOW: {
        const double *x = value;
        double steady = x[c->input[0]] / (x[c->input[1]] + 1.0 / x[c->input[2]]);
        return steady < c->bound * x[c->input[3]];
    }
    }
    return 0;
}

int constraint_first_broken(const double *value)
{
    for (size_t i = 0; i < constraint_count; i++)
        if (!holds(&constraint_table[i], value))
            return (int)i;
    return -1;
}

void constraint_format(const constraint *c, const double *value, char *buf, size_t cap)
{
    int n = inputs(c);
    size_t used = 0;
    const char *sep = c->kind == CONSTRAINT_STEADY_BELOW ? ", " : " + ";
    for (int i = 0; i < n && used < cap; i++) {
        int w = snprintf(buf + used, cap - used, "%s'%s' %g", i ? sep : "",
                         var_table[c->input[i]].name, value[c->input[i]]);
        used += w > 0 ? (size_t)w : 0;
    }
    if (used >= cap)
        return;
    if (c->kind == CONSTRAINT_SUM_BELOW)
        snprintf(buf + used, cap - used, " must stay below %g together: %s", c->bound, c->why);
    else if (c->kind == CONSTRAINT_SUM_ABOVE)
        snprintf(buf + used, cap - used, " must together exceed %g: %s", c->bound, c->why);
    else
        snprintf(buf + used, cap - used,
                 ": starts / (exit rate + 1 / years young) must stay below %g of the active "
                 "firms: %s",
                 c->bound, c->why);
}
