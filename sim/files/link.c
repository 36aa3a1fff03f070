/* link.c: a scenario to and from the fragment of a URL (sim/files/link.h).
 * Reading turns the numeric entries into the text of a scenario file and
 * hands it to scenario_parse(), so a link is checked exactly like a file;
 * the name, the description and the series, whose lines a file would wrap,
 * are applied afterwards with the reader's own checks. */
#include "sim/files/link.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/engine/var.h"
#include "sim/files/output.h"

#define LINK_VALUE_MAX 160 /* bytes of a decoded numeric value */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long link_decode(const char *text, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)text[i];
        if (c == '%') {
            if (i + 2 >= n)
                return -1;
            int h = hex_digit(text[i + 1]), l = h < 0 ? -1 : hex_digit(text[i + 2]);
            if (h < 0 || l < 0)
                return -1;
            c = h * 16 + l;
            i += 2;
        } else if (c == '+') {
            c = ' ';
        }
        if (c == 0 || k + 1 >= cap)
            return -1;
        out[k++] = (char)c;
    }
    if (cap == 0)
        return -1;
    out[k] = '\0';
    return (long)k;
}

long link_encode(const char *text, char *out, size_t cap)
{
    static const char digits[] = "0123456789ABCDEF";
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || strchr("-._~:,/", *p) != NULL;
        size_t need = plain ? 1 : 3;
        if (k + need >= cap)
            return -1;
        if (plain) {
            out[k++] = (char)*p;
        } else {
            out[k++] = '%';
            out[k++] = digits[*p >> 4];
            out[k++] = digits[*p & 15];
        }
    }
    if (cap == 0)
        return -1;
    out[k] = '\0';
    return (long)k;
}

/* ---- reading ---- */

/* One entry of the fragment, decoded. */
typedef struct link_entry {
    const char *raw; /* the entry as written (not terminated) */
    size_t nraw;
    char key[128];   /* decoded name */
    char *value;     /* decoded value (owned) */
} link_entry;

/* Fills err with the entry's number and text and the reason why (in both
 * languages). */
static sim_status entry_error_why(sim_error *err, const link_entry *e, int index,
                                  const sim_error *why)
{
    int shown = e->nraw > 80 ? 80 : (int)e->nraw;
    return sim_error_set(err, SIM_EPARSE, "link", 0, "entry %d '%.*s%s': %s", index + 1, shown,
                         e->raw, e->nraw > 80 ? "..." : "", sim_error_nested(why));
}

/* As entry_error_why, with the reason given as a printf-style format. */
static sim_status entry_error(sim_error *err, const link_entry *e, int index, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static sim_status entry_error(sim_error *err, const link_entry *e, int index, const char *fmt, ...)
{
    sim_error why;
    va_list ap;
    va_start(ap, fmt);
    sim_error_setv(&why, SIM_EPARSE, NULL, 0, fmt, ap);
    va_end(ap);
    return entry_error_why(err, e, index, &why);
}

/* Where a numeric entry goes in the scenario file text, or NULL when key
 * names nothing that can be set (why says why). */
static const char *section_of(const char *key, sim_error *why)
{
    if (strcmp(key, "start") == 0 || strcmp(key, "end") == 0)
        return "scenario";
    if (strcmp(key, "cap_msek_per_year") == 0)
        return "budget";
    char name[128];
    const char *dot = strchr(key, '.');
    size_t n = dot ? (size_t)(dot - key) : strlen(key);
    snprintf(name, sizeof name, "%.*s", (int)n, key);
    int v = var_find(name);
    if (v < 0) {
        unsigned kinds = (1u << VAR_LEVER) | (1u << VAR_ASSUMPTION) | (1u << VAR_PARAM) |
                         (1u << VAR_SETTING);
        int s = var_suggest(name, kinds);
        if (s >= 0)
            sim_error_set(why, SIM_EPARSE, NULL, 0, "unknown name '%s' (did you mean '%s'?)", name,
                          var_table[s].name);
        else
            sim_error_set(why, SIM_EPARSE, NULL, 0, "unknown name '%s' (see 'transim list')", name);
        return NULL;
    }
    /* A field of anything but a lever is reported by the lever reader. */
    if (dot != NULL || var_table[v].kind == VAR_LEVER)
        return "levers";
    return var_table[v].kind == VAR_SETTING ? "budget" : "assumptions";
}

/* Only the characters of the table's names and their fields. */
static int key_ok(const char *key)
{
    if (key[0] == '\0')
        return 0;
    for (const char *p = key; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '.'))
            return 0;
    return 1;
}

/* Puts series s into sc in the order of the table's rows, replacing one
 * for the same assumption. Returns 0 when sc has no room. */
static int put_series(scenario *sc, const scenario_series *s)
{
    int at = 0;
    while (at < sc->nseries && sc->series[at].var < s->var)
        at++;
    if (at == sc->nseries || sc->series[at].var != s->var) {
        if (sc->nseries == SCENARIO_SERIES_MAX)
            return 0;
        memmove(&sc->series[at + 1], &sc->series[at],
                (size_t)(sc->nseries - at) * sizeof sc->series[0]);
        sc->nseries++;
    }
    sc->series[at] = *s;
    return 1;
}

/* Splits the fragment into entries and decodes them into *out (*nout of
 * them, to be freed with free_entries also on failure). Returns the count,
 * or -1 with *st and err filled. */
static long split(const char *frag, link_entry **out, long *nout, sim_status *st,
                  sim_error *err)
{
    size_t cap = 1;
    for (const char *p = frag; *p; p++)
        cap += *p == '&';
    link_entry *v = calloc(cap, sizeof *v);
    *out = v;
    *nout = 0;
    if (v == NULL) {
        *st = sim_error_set(err, SIM_ENOMEM, "link", 0, "out of memory");
        return -1;
    }
    long n = 0;
    for (const char *p = frag;;) {
        const char *amp = strchr(p, '&');
        size_t len = amp ? (size_t)(amp - p) : strlen(p);
        if (len > 0) {
            link_entry *e = &v[n];
            e->raw = p;
            e->nraw = len;
            const char *eq = memchr(p, '=', len);
            size_t nkey = eq ? (size_t)(eq - p) : len;
            size_t nval = eq ? len - nkey - 1 : 0;
            e->value = malloc(nval + 1);
            n++;
            *nout = n;
            *st = SIM_EPARSE;
            if (e->value == NULL) {
                *st = sim_error_set(err, SIM_ENOMEM, "link", 0, "out of memory");
                return -1;
            }
            if (eq == NULL) {
                entry_error(err, e, (int)n - 1, "expected NAME=VALUE");
                return -1;
            }
            if (nkey >= sizeof e->key) {
                entry_error(err, e, (int)n - 1, "a name of %zu bytes is no name of the model", nkey);
                return -1;
            }
            if (link_decode(p, nkey, e->key, sizeof e->key) < 0 ||
                link_decode(eq + 1, nval, e->value, nval + 1) < 0) {
                entry_error(err, e, (int)n - 1,
                            "bad percent-encoding (a '%%' must be followed by two hex digits, "
                            "and none may encode a NUL byte)");
                return -1;
            }
            if (!key_ok(e->key)) {
                entry_error(err, e, (int)n - 1, "'%s' is not a name (letters, digits, '_' and '.')",
                            e->key);
                return -1;
            }
        }
        if (amp == NULL)
            break;
        p = amp + 1;
    }
    *st = SIM_OK;
    return n;
}

static void free_entries(link_entry *v, long n)
{
    for (long i = 0; v != NULL && i < n; i++)
        free(v[i].value);
    free(v);
}

/* Appends to a growing text; 0 when out of memory. */
typedef struct text_buf {
    char *p;
    size_t n, cap;
} text_buf;

static int append(text_buf *t, const char *a, const char *b, const char *c, const char *d)
{
    const char *parts[] = {a, b, c, d};
    for (int i = 0; i < 4; i++) {
        size_t len = strlen(parts[i]);
        if (t->n + len + 1 > t->cap) {
            size_t cap = (t->cap + len + 1) * 2;
            char *q = realloc(t->p, cap);
            if (q == NULL)
                return 0;
            t->p = q;
            t->cap = cap;
        }
        memcpy(t->p + t->n, parts[i], len + 1);
        t->n += len;
    }
    return 1;
}

/* Applies entries v[0..n) to the baseline into *sc. */
static sim_status apply_entries(scenario *sc, link_entry *v, long n, sim_error *err)
{
    /* line_entry[k]: the entry on the k-th pair of lines of the file text */
    int *line_entry = calloc((size_t)n + 1, sizeof *line_entry);
    scenario *tmp = malloc(sizeof *tmp);
    text_buf t = {0};
    sim_status st = SIM_OK;
    if (line_entry == NULL || tmp == NULL || !append(&t, "", "", "", ""))
        st = sim_error_set(err, SIM_ENOMEM, "link", 0, "out of memory");
    int pairs = 0;
    for (long i = 0; i < n && st == SIM_OK; i++) {
        link_entry *e = &v[i];
        size_t klen = strlen(e->key);
        if (strcmp(e->key, "name") == 0 || strcmp(e->key, "description") == 0 ||
            (klen > 7 && strcmp(e->key + klen - 7, ".series") == 0))
            continue; /* applied below */
        if (strcmp(e->key, "base") == 0) {
            st = entry_error(err, e, (int)i, "a link cannot name a base file");
            break;
        }
        sim_error why;
        const char *section = section_of(e->key, &why);
        if (section == NULL) {
            st = entry_error_why(err, e, (int)i, &why);
            break;
        }
        /* Anything but a short plain number is refused here, before the
         * file text could read it any other way. */
        if (strlen(e->value) > LINK_VALUE_MAX ||
            strspn(e->value, "0123456789+-.eE") != strlen(e->value) || e->value[0] == '\0') {
            int shown = strlen(e->value) > 40 ? 40 : (int)strlen(e->value);
            st = entry_error(err, e, (int)i, "value '%.*s%s' of '%s' is not a number", shown,
                             e->value, strlen(e->value) > 40 ? "..." : "", e->key);
            break;
        }
        if (!append(&t, "[", section, "]\n", "") || !append(&t, e->key, " = ", e->value, "\n"))
            st = sim_error_set(err, SIM_ENOMEM, "link", 0, "out of memory");
        line_entry[pairs++] = (int)i;
    }
    if (st == SIM_OK) {
        sim_error inner;
        st = scenario_parse(tmp, t.p, NULL, &inner);
        if (st != SIM_OK) {
            int pair = inner.line > 0 ? (inner.line - 1) / 2 : -1;
            if (pair >= 0 && pair < pairs)
                st = entry_error_why(err, &v[line_entry[pair]], line_entry[pair], &inner);
            else
                st = sim_error_locate(err, st, "link", 0, &inner);
        }
    }
    for (long i = 0; i < n && st == SIM_OK; i++) {
        link_entry *e = &v[i];
        size_t klen = strlen(e->key);
        if (strcmp(e->key, "name") == 0 || strcmp(e->key, "description") == 0) {
            int desc = e->key[0] == 'd';
            sim_error why;
            if (!scenario_text_ok(desc, e->value, &why))
                st = entry_error_why(err, e, (int)i, &why);
            else if (desc)
                snprintf(tmp->description, sizeof tmp->description, "%s", e->value);
            else
                snprintf(tmp->name, sizeof tmp->name, "%s", e->value);
        } else if (klen > 7 && strcmp(e->key + klen - 7, ".series") == 0) {
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)(klen - 7), e->key);
            int var = var_find(name);
            scenario_series s;
            sim_error why;
            if (var < 0 || var_table[var].kind != VAR_ASSUMPTION) {
                int sug = var_suggest(name, 1u << VAR_ASSUMPTION);
                if (var >= 0)
                    st = entry_error(err, e, (int)i,
                                     "'%s' is %s, not an assumption (only assumptions "
                                     "follow a series)",
                                     name, var_kind_name(var_table[var].kind));
                else if (sug >= 0)
                    st = entry_error(err, e, (int)i, "unknown assumption '%s' (did you mean '%s'?)",
                                     name, var_table[sug].name);
                else
                    st = entry_error(err, e, (int)i, "unknown assumption '%s'", name);
            } else if (!scenario_series_parse(&s, var, e->value, &why)) {
                st = entry_error_why(err, e, (int)i, &why);
            } else if (!put_series(tmp, &s)) {
                st = entry_error(err, e, (int)i, "more than %d series in one scenario",
                                 SCENARIO_SERIES_MAX);
            }
        }
    }
    if (st == SIM_OK && tmp->nseries > 0) {
        sim_error inner;
        st = scenario_validate(tmp, &inner);
        if (st != SIM_OK)
            st = sim_error_locate(err, SIM_EPARSE, "link", 0, &inner);
    }
    if (st == SIM_OK) {
        tmp->path[0] = '\0';
        *sc = *tmp;
    }
    free(t.p);
    free(tmp);
    free(line_entry);
    return st;
}

sim_status link_parse(scenario *sc, const char *link, sim_error *err)
{
    sim_error_clear(err);
    if (link == NULL)
        link = "";
    size_t len = strlen(link);
    if (len > LINK_MAX_BYTES)
        return sim_error_set(err, SIM_EPARSE, "link", 0,
                             "link of %zu bytes is longer than %d bytes", len, LINK_MAX_BYTES);
    const char *hash = strchr(link, '#');
    const char *frag = link;
    if (hash != NULL)
        frag = hash + 1;
    else if (strstr(link, "://") != NULL || link[0] == '/')
        frag = ""; /* a page address without a scenario: the baseline */
    link_entry *v = NULL;
    long n = 0;
    sim_status st = SIM_OK;
    if (split(frag, &v, &n, &st, err) < 0) {
        free_entries(v, n);
        return st;
    }
    st = apply_entries(sc, v, n, err);
    free_entries(v, n);
    return st;
}

/* ---- writing ---- */


typedef struct writer {
    char *out;
    size_t cap, n;
    int full;  /* 1 once something did not fit */
    int first; /* no entry written yet */
} writer;

static void put_raw(writer *w, const char *s)
{
    size_t len = strlen(s);
    if (w->full || w->n + len + 1 > w->cap) {
        w->full = 1;
        return;
    }
    memcpy(w->out + w->n, s, len + 1);
    w->n += len;
}

/* Writes "&key=value" (without '&' first), the value percent-encoded. */
static void put_entry(writer *w, const char *key, const char *suffix, const char *value)
{
    put_raw(w, w->first ? "" : "&");
    w->first = 0;
    put_raw(w, key);
    put_raw(w, suffix);
    put_raw(w, "=");
    if (w->full)
        return;
    long k = link_encode(value, w->out + w->n, w->cap - w->n);
    if (k < 0)
        w->full = 1;
    else
        w->n += (size_t)k;
}

static void put_number(writer *w, const char *key, const char *suffix, double v)
{
    char buf[40];
    output_number_exact(v, buf, sizeof buf);
    put_entry(w, key, suffix, buf);
}

sim_status link_format(const scenario *sc, const char *base, char *out, size_t cap,
                       sim_error *err)
{
    sim_error_clear(err);
    if (cap > 0)
        out[0] = '\0';
    sim_status st = scenario_validate(sc, err);
    if (st != SIM_OK)
        return st;
    writer w = {.out = out, .cap = cap, .first = 1};
    put_raw(&w, base != NULL ? base : "");
    put_raw(&w, "#");
    scenario def;
    scenario_init(&def);
    if (strcmp(sc->name, def.name) != 0)
        put_entry(&w, "name", "", sc->name);
    if (sc->description[0] != '\0')
        put_entry(&w, "description", "", sc->description);
    if (sc->start != def.start)
        put_number(&w, "start", "", sc->start);
    if (sc->end != def.end)
        put_number(&w, "end", "", sc->end);
    static const var_kind kinds[] = {VAR_LEVER, VAR_ASSUMPTION, VAR_SETTING};
    for (int k = 0; k < 3; k++) {
        for (int v = 0; v < VAR_COUNT; v++) {
            const var_desc *d = &var_table[v];
            if (!(d->kind == kinds[k] || (kinds[k] == VAR_ASSUMPTION && d->kind == VAR_PARAM)))
                continue;
            int lever = d->kind == VAR_LEVER;
            int write_start = lever && sc->lever_start[v] != sc->start;
            int write_ramp = lever && sc->lever_ramp[v] != 0.0;
            if (!sc->set[v] && sc->value[v] == d->value && !write_start && !write_ramp)
                continue;
            const char *name = v == V_BUDGET_CAP ? "cap_msek_per_year" : d->name;
            put_number(&w, name, "", sc->value[v]);
            if (write_start)
                put_number(&w, name, ".start", sc->lever_start[v]);
            if (write_ramp)
                put_number(&w, name, ".ramp", sc->lever_ramp[v]);
        }
    }
    for (int i = 0; i < sc->nseries; i++) {
        const scenario_series *s = &sc->series[i];
        char text[SCENARIO_KNOTS_MAX * 64], y[40], val[40];
        size_t n = 0;
        text[0] = '\0';
        for (int k = 0; k < s->n; k++) {
            output_number_exact(s->year[k], y, sizeof y);
            output_number_exact(s->value[k], val, sizeof val);
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%s:%s", k ? "," : "", y, val);
        }
        put_entry(&w, var_table[s->var].name, ".series", text);
    }
    if (w.full || w.n > LINK_MAX_BYTES) {
        if (cap > 0)
            out[0] = '\0';
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "the link takes more than the %zu bytes it may have",
                             cap < LINK_MAX_BYTES ? cap : (size_t)LINK_MAX_BYTES);
    }
    return SIM_OK;
}
