/* constraint.c: the joint constraints on the model's inputs
 * (sim/model/constraint.h), found by running the model at the corners of
 * the input ranges (tests/test_constraint.c). One row per constraint, so
 * that a change of the equations changes a row. */
#include "sim/model/constraint.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/engine/var.h"
#include "sim/model/model.h"

#define END -1

const constraint constraint_table[] = {
    {CONSTRAINT_SUM_BELOW, {V_YOUNG_SHARE_START, V_OLD_SHARE_START, END}, 0.95,
     "the young and the old leave too few of working age",
     "de unga och de \xC3\xA4ldre l\xC3\xA4mnar f\xC3\xB6r f\xC3\xA5 i arbetsf\xC3\xB6r \xC3\xA5lder"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_SHARE_LOW_START, V_SKILL_SHARE_HIGH_START, END}, 0.95,
     "the low- and high-skilled leave too few medium-skilled",
     "l\xC3\xA5g- och h\xC3\xB6gutbildade l\xC3\xA4mnar f\xC3\xB6r f\xC3\xA5 gymnasieutbildade"},
    {CONSTRAINT_SUM_BELOW, {V_HE_ENTRY_SHARE_START, V_LOW_ENTRY_SHARE, END}, 1.0,
     "school leavers entering higher education and those leaving with low skills leave "
     "none for the medium-skilled",
     "de som b\xC3\xB6rjar h\xC3\xB6gre utbildning och de som l\xC3\xA4mnar skolan "
     "l\xC3\xA5gutbildade l\xC3\xA4mnar inga gymnasieutbildade"},
    {CONSTRAINT_SUM_BELOW, {V_MIGRANT_SHARE_LOW, V_MIGRANT_SHARE_HIGH, END}, 1.0,
     "low- and high-skilled in-migrants leave none medium-skilled",
     "l\xC3\xA5g- och h\xC3\xB6gutbildade inflyttare l\xC3\xA4mnar inga gymnasieutbildade"},
    {CONSTRAINT_SUM_ABOVE,
     {V_SKILL_HIGH_MFG, V_SKILL_HIGH_CONSTRUCTION, V_SKILL_HIGH_SERVICES, V_SKILL_HIGH_PUBLIC,
      V_SKILL_HIGH_PRIMARY, END},
     0.0, "no job asks for high skills, and the demand for them divides by zero",
     "inget jobb kr\xC3\xA4ver h\xC3\xB6gre utbildning, och efterfr\xC3\xA5gan p\xC3\xA5 h\xC3\xB6gutbildade delar med noll"},
    {CONSTRAINT_SUM_ABOVE,
     {V_SKILL_LOW_MFG, V_SKILL_LOW_CONSTRUCTION, V_SKILL_LOW_SERVICES, V_SKILL_LOW_PUBLIC,
      V_SKILL_LOW_PRIMARY, END},
     0.0, "no job asks for low skills, and the demand for them divides by zero",
     "inget jobb tar l\xC3\xA5gutbildade, och efterfr\xC3\xA5gan p\xC3\xA5 dem delar med noll"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_MFG, V_SKILL_HIGH_MFG, END}, 1.0,
     "manufacturing jobs leave none for the medium-skilled",
     "jobben i tillverkningsindustrin l\xC3\xA4mnar inga till gymnasieutbildade"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_CONSTRUCTION, V_SKILL_HIGH_CONSTRUCTION, END}, 1.0,
     "construction jobs leave none for the medium-skilled",
     "byggjobben l\xC3\xA4mnar inga till gymnasieutbildade"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_SERVICES, V_SKILL_HIGH_SERVICES, END}, 1.0,
     "service jobs leave none for the medium-skilled",
     "tj\xC3\xA4nstejobben l\xC3\xA4mnar inga till gymnasieutbildade"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_PUBLIC, V_SKILL_HIGH_PUBLIC, END}, 1.0,
     "public jobs leave none for the medium-skilled",
     "de offentliga jobben l\xC3\xA4mnar inga till gymnasieutbildade"},
    {CONSTRAINT_SUM_BELOW, {V_SKILL_LOW_PRIMARY, V_SKILL_HIGH_PRIMARY, END}, 1.0,
     "primary-sector jobs leave none for the medium-skilled",
     "jobben i prim\xC3\xA4rn\xC3\xA4ringarna l\xC3\xA4mnar inga till gymnasieutbildade"},
    {CONSTRAINT_STEADY_BELOW,
     {V_FIRM_STARTS_START, V_YOUNG_EXIT_RATE, V_YOUNG_FIRM_YEARS, V_ACTIVE_FIRMS_START, END},
     0.9, "young firms in steady state would outnumber the active firms, leaving no "
          "established ones",
     "unga f\xC3\xB6retag skulle i j\xC3\xA4mvikt bli fler \xC3\xA4n de aktiva f\xC3\xB6retagen, och inga etablerade skulle finnas kvar"},
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

static void name_inputs_pass(const char *list, int *named, int *n, int depth);

/* Adds the inputs named in the comma-separated list to named[], and those
 * of the reference quantities it names (depth levels down). */
static void name_inputs(const char *list, int *named, int *n, int depth)
{
    /* The direct inputs first, then those of the reference quantities. */
    for (int pass = 0; pass < 2; pass++)
        name_inputs_pass(list, named, n, pass ? depth : 0);
}

static void name_inputs_pass(const char *list, int *named, int *n, int depth)
{
    while (list != NULL && *list && *n < CONSTRAINT_NAMED_MAX) {
        while (*list == ' ' || *list == ',')
            list++;
        size_t len = strcspn(list, ", ");
        char name[96];
        if (len > 0 && len < sizeof name) {
            memcpy(name, list, len);
            name[len] = '\0';
            int v = var_find(name);
            if (v >= 0 && var_table[v].kind >= VAR_LEVER && depth == 0)
                named[(*n)++] = v;
            else if (v >= 0 && depth > 0 && strncmp(name, "ref_", 4) == 0)
                name_inputs(var_table[v].inputs, named, n, depth - 1);
        }
        list += len;
    }
}

/* The first initial stock or reference quantity of the calibrated state
 * that is not finite or is negative, or -1. */
static int calibration_broken(const double *value, double *bad)
{
    /* The reference state is 2020's whatever the run's start. */
    double w[VAR_COUNT], y[STOCK_COUNT];
    memcpy(w, value, sizeof w);
    model_invalidate(w);
    model_init(2020.0, w, y);
    for (int s = 0; s < STOCK_COUNT; s++) {
        if (!(y[s] >= 0.0 && isfinite(y[s]))) {
            *bad = y[s];
            return var_stock_ids[s];
        }
    }
    /* model_init computes the reference state on a copy: once more here. */
    double dydt[STOCK_COUNT];
    model_frame f = {.t = 2020.0, .t0 = 2020.0,
                     .y = y, .v = w, .dydt = dydt};
    model_eval(&f);
    for (int v = 0; v < VAR_COUNT; v++) {
        /* The first letter first: this runs before every run, over every row. */
        if (var_table[v].name[0] != 'r' || strncmp(var_table[v].name, "ref_", 4) != 0)
            continue;
        if (!(w[v] >= 0.0 && isfinite(w[v]))) {
            *bad = w[v];
            return v;
        }
    }
    return -1;
}

int constraint_check(const double *value, sim_error *why, int *named, int *nnamed)
{
    *nnamed = 0;
    int broken = constraint_first_broken(value);
    if (broken >= 0) {
        const constraint *c = &constraint_table[broken];
        for (int i = 0; i < CONSTRAINT_INPUTS_MAX && c->input[i] >= 0; i++)
            named[(*nnamed)++] = c->input[i];
        /* The inputs and their values, in both languages: a decimal comma
         * in Swedish (and "; " between them where English has ", "). */
        sim_error list, reason;
        sim_error_clear(&list);
        sim_error_clear(&reason);
        for (int sv = 0; sv < 2; sv++) {
            char *out = sv ? list.msg_sv : list.msg;
            size_t cap = sizeof list.msg, used = 0;
            const char *sep = c->kind != CONSTRAINT_STEADY_BELOW ? " + " : sv ? "; " : ", ";
            for (int i = 0; i < *nnamed && used < cap; i++) {
                char num[32];
                snprintf(num, sizeof num, "%g", value[c->input[i]]);
                char *dot = sv ? strchr(num, '.') : NULL;
                if (dot != NULL)
                    *dot = ',';
                int w = snprintf(out + used, cap - used, "%s'%s' %s", i ? sep : "",
                                 var_table[c->input[i]].name, num);
                used += w > 0 ? (size_t)w : 0;
            }
        }
        snprintf(reason.msg, sizeof reason.msg, "%s", c->why); /* the row's why */
        snprintf(reason.msg_sv, sizeof reason.msg_sv, "%s", c->why_sv);
        if (c->kind == CONSTRAINT_SUM_BELOW)
            sim_error_set(why, SIM_EINVAL, NULL, 0, "%s must stay below %g together: %s",
                          sim_error_nested(&list), c->bound, sim_error_nested(&reason));
        else if (c->kind == CONSTRAINT_SUM_ABOVE)
            sim_error_set(why, SIM_EINVAL, NULL, 0, "%s must together exceed %g: %s",
                          sim_error_nested(&list), c->bound, sim_error_nested(&reason));
        else
            sim_error_set(why, SIM_EINVAL, NULL, 0,
                          "%s: starts / (exit rate + 1 / years young) must stay below %g of the "
                          "active firms: %s",
                          sim_error_nested(&list), c->bound, sim_error_nested(&reason));
        return 0;
    }
    double bad = 0;
    int v = calibration_broken(value, &bad);
    if (v < 0)
        return 1;
    const var_desc *d = &var_table[v];
    name_inputs(d->inputs, named, nnamed, 3);
    sim_error_set(why, SIM_EINVAL, NULL, 0,
                  "these inputs give a 2020 state with %s '%s' %g, which cannot be negative%s%s",
                  var_kind_name(d->kind), d->name, bad,
                  d->inputs && d->inputs[0] ? "; it follows from " : "",
                  d->inputs ? d->inputs : "");
    return 0;
}
