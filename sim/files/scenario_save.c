/* scenario_save.c: checking a scenario and writing it back as an INI file
 * (sim/files/scenario.h). The file is written atomically through sim/files/output.h and
 * is flat (no `base`): every entry that differs from the baseline or was set,
 * numbers in the shortest decimal form that reads back exactly, so that
 * save then load reproduces the scenario bit for bit. */
#include "sim/files/scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/model/model.h"
#include "sim/files/output.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* ---- validate ---- */

sim_status scenario_validate(const scenario *sc, sim_error *err)
{
    const char *path = sc->path[0] ? sc->path : NULL;
    if (!(sc->start >= SCENARIO_START_MIN && sc->end <= SCENARIO_END_MAX && sc->start < sc->end))
        return sim_error_set(err, SIM_EINVAL, path, 0,
                             "run %g to %g is not within the model's years %g to %g", sc->start,
                             sc->end, SCENARIO_START_MIN, SCENARIO_END_MAX);
    for (int v = 0; v < VAR_COUNT; v++) {
        const var_desc *d = &var_table[v];
        if (d->kind < VAR_LEVER)
            continue;
        if (!(sc->value[v] >= d->min && sc->value[v] <= d->max))
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "value %g of %s '%s' is outside its range %g to %g",
                                 sc->value[v], var_kind_name(d->kind), d->name, d->min, d->max);
        if (d->kind != VAR_LEVER)
            continue;
        if (!(sc->lever_ramp[v] >= 0 && isfinite(sc->lever_ramp[v])))
            return sim_error_set(err, SIM_EINVAL, path, 0, "negative ramp %g of lever '%s'",
                                 sc->lever_ramp[v], d->name);
        if (!(sc->lever_start[v] >= sc->start && sc->lever_start[v] <= sc->end))
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "start %g of lever '%s' is outside the run %g to %g",
                                 sc->lever_start[v], d->name, sc->start, sc->end);
    }
    if (!(sc->nseries >= 0 && sc->nseries <= SCENARIO_SERIES_MAX))
        return sim_error_set(err, SIM_EINVAL, path, 0, "%d series, more than %d", sc->nseries,
                             SCENARIO_SERIES_MAX);
    for (int i = 0; i < sc->nseries; i++) {
        const scenario_series *s = &sc->series[i];
        if (!(s->var >= 0 && s->var < VAR_COUNT && var_table[s->var].kind == VAR_ASSUMPTION))
            return sim_error_set(err, SIM_EINVAL, path, 0, "series %d drives no assumption", i);
        const var_desc *d = &var_table[s->var];
        if (i > 0 && !(s->var > sc->series[i - 1].var))
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "series of '%s' is out of order or repeated", d->name);
        if (!(s->n >= 1 && s->n <= SCENARIO_KNOTS_MAX))
            return sim_error_set(err, SIM_EINVAL, path, 0, "series of '%s' has %d knots",
                                 d->name, s->n);
        for (int k = 0; k < s->n; k++) {
            if (!(s->year[k] == floor(s->year[k]) && s->year[k] >= sc->start &&
                  s->year[k] <= sc->end && (k == 0 || s->year[k] > s->year[k - 1])))
                return sim_error_set(err, SIM_EINVAL, path, 0,
                                     "year %g in the series of '%s' is not a whole year "
                                     "after the last, within the run %g to %g",
                                     s->year[k], d->name, sc->start, sc->end);
            if (!(s->value[k] >= d->min && s->value[k] <= d->max))
                return sim_error_set(err, SIM_EINVAL, path, 0,
                                     "value %g for %g of %s '%s' is outside its range %g to %g",
                                     s->value[k], s->year[k], var_kind_name(d->kind), d->name,
                                     d->min, d->max);
        }
    }
    return SIM_OK;
}

/* ---- save ---- */

/* The shortest of %.15g, %.16g, %.17g that reads back as exactly v. */
static void exact_number(double v, char *buf, size_t n)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v == 0.0 ? 0.0 : v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* Writes a series as "name = YEAR:VALUE, ..." with indented continuation
 * lines, which the reader joins with one space after each comma. */
static void write_series(FILE *f, const scenario_series *s)
{
    enum { WIDTH = 76 };
    const char *name = var_table[s->var].name;
    fprintf(f, "%s =", name);
    size_t col = strlen(name) + 2;
    for (int k = 0; k < s->n; k++) {
        char y[40], v[40], knot[90];
        exact_number(s->year[k], y, sizeof y);
        exact_number(s->value[k], v, sizeof v);
        int w = snprintf(knot, sizeof knot, "%s:%s%s", y, v, k + 1 < s->n ? "," : "");
        if (k > 0 && col + 1 + (size_t)w > WIDTH) {
            fputs("\n    ", f);
            col = 4;
        } else {
            fputc(' ', f);
            col++;
        }
        fputs(knot, f);
        col += (size_t)w;
    }
    fputc('\n', f);
}

/* Checks that text survives a save and load: libinih strips blanks around
 * a value and cuts it at " ;", and a line break would end it. */
static sim_status check_savable(const char *what, const char *text, const char *path,
                                sim_error *err)
{
    for (const char *c = text; *c; c++) {
        if ((unsigned char)*c < 0x20)
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "%s contains a line break or control character", what);
        if (*c == ';' && c > text && is_blank(c[-1]))
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "%s contains ' ;', which would start a comment", what);
    }
    if (text[0] != '\0' && (is_blank(text[0]) || is_blank(text[strlen(text) - 1])))
        return sim_error_set(err, SIM_EINVAL, path, 0, "%s starts or ends with a blank", what);
    return SIM_OK;
}

/* Writes the description wrapped onto indented continuation lines, which
 * the reader joins back with one space. It breaks only at a single space
 * between two words (so the join is exact), and never before a word that
 * would read as a comment or a section header at the start of a line. */
static void write_description(FILE *f, const char *text)
{
    enum { WIDTH = 76 };
    fputs("description = ", f);
    size_t col = 14;
    const char *p = text;
    while (*p) {
        /* The next piece runs to the next single space between words. */
        const char *q = p;
        while (*q && !(q[0] == ' ' && q > text && q[-1] != ' ' && q[1] != ' ' && q[1] != '\0'))
            q++;
        size_t w = (size_t)(q - p);
        if (p != text) {
            int can_break = *p != ';' && *p != '#' && *p != '[';
            if (can_break && col + 1 + w > WIDTH) {
                fputs("\n    ", f);
                col = 4;
            } else {
                fputc(' ', f);
                col++;
            }
        }
        fwrite(p, 1, w, f);
        col += w;
        p = *q ? q + 1 : q;
    }
    fputc('\n', f);
}

sim_status scenario_save(const scenario *sc, const char *path, sim_error *err)
{
    sim_error_clear(err);
    sim_status st = scenario_validate(sc, err);
    if (st == SIM_OK)
        st = check_savable("name", sc->name, path, err);
    if (st == SIM_OK)
        st = check_savable("description", sc->description, path, err);
    if (st != SIM_OK)
        return st;
    /* A word too long for a line cannot be wrapped. */
    for (const char *p = sc->description; *p;) {
        size_t w = strcspn(p, " ");
        if (w > 150)
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "description has a word longer than 150 characters");
        p += w + strspn(p + w, " ");
    }
    output_file of;
    st = output_open(&of, path, err);
    if (st != SIM_OK)
        return st;
    FILE *f = of.f;
    char a[40], b[40];
    fputs("; transim scenario (model " MODEL_VERSION ")\n[scenario]\n", f);
    fprintf(f, "name = %s\n", sc->name);
    if (sc->description[0] != '\0')
        write_description(f, sc->description);
    exact_number(sc->start, a, sizeof a);
    exact_number(sc->end, b, sizeof b);
    fprintf(f, "start = %s\nend = %s\n", a, b);
    static const var_kind kinds[] = {VAR_LEVER, VAR_ASSUMPTION, VAR_SETTING};
    static const char *const headers[] = {"\n[levers]\n", "\n[assumptions]\n", "\n[budget]\n"};
    for (int k = 0; k < 3; k++) {
        int header = 0;
        for (int v = 0; v < VAR_COUNT; v++) {
            const var_desc *d = &var_table[v];
            int match = d->kind == kinds[k] || (kinds[k] == VAR_ASSUMPTION && d->kind == VAR_PARAM);
            if (!match)
                continue;
            int lever = d->kind == VAR_LEVER;
            int write_start = lever && sc->lever_start[v] != sc->start;
            int write_ramp = lever && sc->lever_ramp[v] != 0.0;
            if (!sc->set[v] && sc->value[v] == d->value && !write_start && !write_ramp)
                continue;
            if (!header)
                fputs(headers[k], f);
            header = 1;
            const char *name = v == V_BUDGET_CAP ? "cap_msek_per_year" : d->name;
            exact_number(sc->value[v], a, sizeof a);
            fprintf(f, "%s = %s", name, a);
            if (strcmp(d->unit, "1") != 0 && d->unit[0] != '\0' &&
                strlen(name) + strlen(a) + strlen(d->unit) < 150)
                fprintf(f, "  ; %s", d->unit);
            fputc('\n', f);
            if (write_start) {
                exact_number(sc->lever_start[v], a, sizeof a);
                fprintf(f, "%s.start = %s\n", name, a);
            }
            if (write_ramp) {
                exact_number(sc->lever_ramp[v], a, sizeof a);
                fprintf(f, "%s.ramp = %s\n", name, a);
            }
        }
    }
    if (sc->nseries > 0) {
        fputs("\n[series]\n", f);
        for (int i = 0; i < sc->nseries; i++)
            write_series(f, &sc->series[i]);
    }
    if (ferror(f)) {
        output_abort(&of);
        return sim_error_set(err, SIM_EIO, path, 0, "cannot write the file");
    }
    return output_commit(&of, err);
}
