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

#include "sim/model/constraint.h"
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
    sim_error why;
    int named[CONSTRAINT_NAMED_MAX], nnamed;
    if (!constraint_check(sc->value, &why, named, &nnamed))
        return sim_error_locate(err, SIM_EINVAL, path, 0, &why);
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
        output_number_exact(s->year[k], y, sizeof y);
        output_number_exact(s->value[k], v, sizeof v);
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

/* The line libinih reads at most (INI_MAX_LINE 200 less "\r\n\0"), bytes. */
#define LINE_MAX_BYTES 197

static size_t utf8_count(const char *text, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)text[i] & 0xC0) != 0x80;
    return c;
}

/* Where the description may break onto a continuation line: at the space
 * text[i] between two non-blank characters, before a word a continuation
 * line could not start with (a comment or a section header). */
static int can_break_at(const char *text, size_t i)
{
    return text[i] == ' ' && i > 0 && !is_blank(text[i - 1]) && text[i + 1] != '\0' &&
           !is_blank(text[i + 1]) && text[i + 1] != ';' && text[i + 1] != '#' &&
           text[i + 1] != '[';
}

int scenario_text_ok(int description, const char *text, sim_error *why)
{
    const char *what = description ? "description" : "name";
    size_t limit = description ? sizeof ((scenario *)0)->description - 1
                               : sizeof ((scenario *)0)->name - 1;
    size_t n = strlen(text), chars = utf8_count(text, n);
    if (chars > limit) {
        sim_error_set(why, SIM_EINVAL, NULL, 0, "%s of %zu characters is longer than %zu characters", what, chars,
                 limit);
        return 0;
    }
    if (n > limit) {
        sim_error_set(why, SIM_EINVAL, NULL, 0,
                 "%s of %zu characters takes %zu bytes, more than the %zu it can hold "
                 "(letters such as 'ä' take two)",
                 what, chars, n, limit);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            sim_error_set(why, SIM_EINVAL, NULL, 0, "%s contains a line break or control character", what);
            return 0;
        }
        if (c == ';' && (i == 0 || is_blank(text[i - 1]))) {
            sim_error_set(why, SIM_EINVAL, NULL, 0,
                     "%s has a ';' at its start or after a blank, which starts a comment "
                     "(write it without a blank before it)",
                     what);
            return 0;
        }
    }
    if (n > 0 && (is_blank(text[0]) || is_blank(text[n - 1]))) {
        sim_error_set(why, SIM_EINVAL, NULL, 0, "%s starts or ends with a blank", what);
        return 0;
    }
    /* Each piece between break points must fit on a line of its own,
     * after one blank of indentation. */
    size_t piece = 0, longest = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || (description && can_break_at(text, i))) {
            size_t c = utf8_count(text + i - piece, piece);
            if (piece > LINE_MAX_BYTES - 1 && c > longest)
                longest = c;
            piece = 0;
        } else {
            piece++;
        }
    }
    /* A first piece that starts like a comment or a header cannot move to
     * a continuation line: it must fit after "description =". */
    if (description && (text[0] == '#' || text[0] == '[')) {
        size_t first = 0;
        while (first < n && !can_break_at(text, first))
            first++;
        if (first + strlen("description =") > LINE_MAX_BYTES)
            longest = utf8_count(text, first);
    }
    if (!description && n + strlen("name = ") > LINE_MAX_BYTES)
        longest = chars; /* cannot happen while the name holds 127 bytes */
    if (longest > 0) {
        sim_error_set(why, SIM_EINVAL, NULL, 0,
                 "%s has a word of %zu characters, too long for a line of the file "
                 "(%d bytes)",
                 what, longest, LINE_MAX_BYTES);
        return 0;
    }
    return 1;
}

/* Writes the description wrapped onto indented continuation lines, which
 * the reader joins back with one space. It breaks only where can_break_at
 * allows (so the join is exact); a piece too long for the first line goes
 * to a continuation line (the reader joins an empty first line without a
 * space), and one too long for the usual indentation gets a single blank. */
static void write_description(FILE *f, const char *text)
{
    enum { WIDTH = 76, INDENT = 4 };
    size_t n = strlen(text), col = 0;
    fputs("description =", f);
    col = 13;
    int first = 1;
    for (size_t p = 0; p < n;) {
        size_t q = p;
        while (q < n && !can_break_at(text, q))
            q++;
        size_t w = q - p;
        if (first && col + 1 + w <= LINE_MAX_BYTES) {
            fputc(' ', f);
            col++;
        } else if (first && (text[p] == '#' || text[p] == '[')) {
            /* It could not start a continuation line: no blank after '='
             * ("description =" is written, and the reader skips blanks). */
        } else if (!first && col + 1 + w <= WIDTH) {
            fputc(' ', f);
            col++;
        } else {
            size_t indent = INDENT + w <= LINE_MAX_BYTES ? INDENT : 1;
            fprintf(f, "\n%*s", (int)indent, "");
            col = indent;
        }
        fwrite(text + p, 1, w, f);
        col += w;
        first = 0;
        p = q < n ? q + 1 : q;
    }
    fputc('\n', f);
}

sim_status scenario_save(const scenario *sc, const char *path, sim_error *err)
{
    sim_error_clear(err);
    sim_status st = scenario_validate(sc, err);
    if (st != SIM_OK)
        return st;
    sim_error why;
    for (int d = 0; d <= 1; d++) {
        const char *text = d ? sc->description : sc->name;
        if (memchr(text, '\0', d ? sizeof sc->description : sizeof sc->name) == NULL)
            return sim_error_set(err, SIM_EINVAL, path, 0, "%s is not terminated",
                                 d ? "description" : "name");
        if (!scenario_text_ok(d, text, &why))
            return sim_error_locate(err, SIM_EINVAL, path, 0, &why);
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
    output_number_exact(sc->start, a, sizeof a);
    output_number_exact(sc->end, b, sizeof b);
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
            output_number_exact(sc->value[v], a, sizeof a);
            fprintf(f, "%s = %s", name, a);
            if (strcmp(d->unit, "1") != 0 && d->unit[0] != '\0' &&
                strlen(name) + strlen(a) + strlen(d->unit) < 150)
                fprintf(f, "  ; %s", d->unit);
            fputc('\n', f);
            if (write_start) {
                output_number_exact(sc->lever_start[v], a, sizeof a);
                fprintf(f, "%s.start = %s\n", name, a);
            }
            if (write_ramp) {
                output_number_exact(sc->lever_ramp[v], a, sizeof a);
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
