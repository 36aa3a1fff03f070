/* scenario.c: reading, checking and writing scenario files (sim/files/scenario.h).
 *
 * A file is read into memory, checked to be text (no NUL byte, valid UTF-8),
 * and handed line by line to libinih through a reader that counts lines, so
 * that every error names its line. Entries are collected per file, the
 * `base` chain is resolved (each base's entries come first), and the entries
 * are applied in order to a copy of the baseline; the caller's scenario is
 * written only when everything holds. Saving and validation live in
 * sim/files/scenario_save.c, the lever schedules in sim/engine/schedule.c. */
#define _XOPEN_SOURCE 700 /* realpath(), to find loops in base chains */

#include "sim/files/scenario.h"
#include "sim/files/sha256.h"
#include "sim/model/constraint.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


#define SCENARIO_MAX_BYTES (1 << 20) /* larger files are not scenarios */

enum section {
    SEC_NONE, SEC_SCENARIO, SEC_LEVERS, SEC_ASSUMPTIONS, SEC_SERIES, SEC_BUDGET, SEC_UNKNOWN
};
static const char *const section_names[] = {"", "scenario", "levers", "assumptions", "series",
                                            "budget"};

/* Keys of [scenario]. */
enum { KEY_NAME, KEY_DESCRIPTION, KEY_BASE, KEY_START, KEY_END, KEY_COUNT };
static const char *const key_names[KEY_COUNT] = {"name", "description", "base", "start", "end"};

/* What an entry sets: a lever's or input's value, a lever's start or ramp. */
enum { FIELD_VALUE, FIELD_START, FIELD_RAMP };

typedef struct entry {
    int file;    /* index into load_ctx.files */
    int line;    /* 1-based line in that file */
    int section; /* SEC_ */
    int target;  /* SEC_SCENARIO: KEY_; otherwise the V_ id */
    int field;   /* FIELD_ (levers, inputs) */
    double num;  /* the value, when numeric */
    char *text;  /* the value as written (owned) */
} entry;

typedef struct entry_list {
    entry *v;
    size_t n, cap;
} entry_list;

typedef struct load_ctx {
    char files[SCENARIO_MAX_DEPTH][1024]; /* paths as named, for messages */
    char real[SCENARIO_MAX_DEPTH][PATH_MAX]; /* resolved paths, for loops */
    int nfiles;
    entry_list all; /* entries of the whole chain, deepest base first */
    scenario_sources *src; /* NULL, or where to record each file and its digest */
} load_ctx;

/* State of one file while libinih reads it. */
typedef struct file_state {
    load_ctx *ctx;
    int file;            /* index into ctx->files */
    const char *p, *end; /* text still to read */
    int line;            /* line last handed to libinih */
    int indented;        /* that line starts with a blank */
    int section;         /* SEC_ of the current section header */
    char prev_key[256];  /* key of the last entry in this section ("" after a header) */
    int prev_line;       /* its line */
    entry_list local;    /* this file's entries, in line order */
    int err_line;        /* first error seen (0 = none) */
    sim_status err_status;
    sim_error err;
} file_state;

static void list_free(entry_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].text);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static int list_push(entry_list *l, const entry *e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 32;
        entry *v = realloc(l->v, cap * sizeof *v);
        if (v == NULL)
            return 0;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = *e;
    return 1;
}

/* Records the first error of a file (later ones are dropped: the user fixes
 * them in line order). */
static void fs_error(file_state *fs, sim_status st, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fs_error(file_state *fs, sim_status st, int line, const char *fmt, ...)
{
    if (fs->err_line != 0 && fs->err_line <= line)
        return;
    fs->err_line = line;
    fs->err_status = st;
    va_list ap;
    va_start(ap, fmt);
    sim_error_setv(&fs->err, st, fs->ctx->files[fs->file], line, fmt, ap);
    va_end(ap);
}

/* ---- text checks ---- */

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t len;
    unsigned min;
    unsigned cp;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2;
        min = 0x80;
        cp = s[0] & 0x1Fu;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3;
        min = 0x800;
        cp = s[0] & 0x0Fu;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4;
        min = 0x10000;
        cp = s[0] & 0x07u;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Checks that text[0..n) is text: no NUL byte, valid UTF-8, lines ended
 * by LF or CRLF (libinih would read past a lone CR, so that a CR-only file
 * reads as one line and the text after a header's ']' is dropped), and no
 * control character but TAB, which no entry could hold and a save could
 * not write back. */
static sim_status check_text(const char *text, size_t n, const char *path, sim_error *err)
{
    int line = 1;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        if (s[i] == '\0')
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "not a text file (NUL byte)");
        if (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'))
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "carriage return without a line feed (lines must end "
                                 "with LF or CRLF)");
        if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') || s[i] == 0x7F)
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "not a text file (control character 0x%02X)", s[i]);
        size_t len = utf8_len(s + i, n - i);
        if (len == 0)
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "not a text file (invalid UTF-8)");
        if (s[i] == '\n')
            line++;
        i += len;
    }
    return SIM_OK;
}

/* Reads the whole file at path into a NUL-terminated buffer (owned by the
 * caller) after checking it is text. */
static sim_status read_text(const char *path, char **out, sim_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return sim_error_set(err, SIM_EIO, path, 0, "cannot read the file: %s",
                             strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    sim_status st = buf ? SIM_OK : SIM_ENOMEM;
    while (st == SIM_OK) {
        if (n + 1 >= cap) {
            if (cap >= SCENARIO_MAX_BYTES) {
                st = sim_error_set(err, SIM_EPARSE, path, 0,
                                   "file too large for a scenario (over %d bytes)",
                                   SCENARIO_MAX_BYTES);
                break;
            }
            char *b = realloc(buf, cap * 2);
            if (b == NULL) {
                st = SIM_ENOMEM;
                break;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                st = sim_error_set(err, SIM_EIO, path, 0, "cannot read the file: %s",
                                   strerror(errno));
            break;
        }
    }
    fclose(f);
    if (st == SIM_ENOMEM)
        sim_error_set(err, st, path, 0, "out of memory");
    if (st == SIM_OK)
        st = check_text(buf, n, path, err);
    if (st != SIM_OK) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *out = buf;
    return SIM_OK;
}

/* ---- names ---- */

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Copies text[0..n) without surrounding blanks into buf. */
static void trim_copy(char *buf, size_t cap, const char *text, size_t n)
{
    while (n > 0 && is_blank(*text)) {
        text++;
        n--;
    }
    while (n > 0 && is_blank(text[n - 1]))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, text, n);
    buf[n] = '\0';
}

/* A near miss among names (case, a missing or extra letter at the end):
 * enough for the handful of section and [scenario] names. */
static const char *suggest_word(const char *word, const char *const *names, int count)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < count; i++) {
        if (names[i][0] == '\0')
            continue;
        size_t d = var_name_distance(word, names[i]);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    return best != NULL && var_name_near(best_d, strlen(word)) ? best : NULL;
}

static int section_find(const char *name)
{
    for (int s = SEC_SCENARIO; s <= SEC_BUDGET; s++)
        if (strcmp(name, section_names[s]) == 0)
            return s;
    return SEC_UNKNOWN;
}

/* Bits of the kinds an entry of each section may name. */
#define INPUT_KINDS ((1u << VAR_ASSUMPTION) | (1u << VAR_PARAM))

static const char *kind_article(var_kind k)
{
    return k == VAR_ASSUMPTION || k == VAR_AUX || k == VAR_INDICATOR ? "an" : "a";
}

/* Where an entry of kind k belongs, for "put it under" hints. */
static const char *home_section(var_kind k)
{
    switch (k) {
    case VAR_LEVER: return "[levers]";
    case VAR_ASSUMPTION:
    case VAR_PARAM: return "[assumptions]";
    case VAR_SETTING: return "[budget]";
    default: return NULL;
    }
}

/* Parses a finite decimal number that fills the whole of text. A negative
 * zero reads as zero, which is what the writer writes back. */
static int parse_number(const char *text, double *out)
{
    if (text[0] == '\0' || strspn(text, "0123456789+-.eE") != strlen(text))
        return 0;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (*end != '\0' || end == text || !isfinite(v))
        return 0;
    *out = v == 0.0 ? 0.0 : v;
    return 1;
}

/* ---- one entry ---- */

/* Resolves a [levers] key "NAME", "NAME.start" or "NAME.ramp" into e, or
 * reports why not. */
static int resolve_lever(file_state *fs, const char *key, entry *e)
{
    char name[128];
    const char *dot = strchr(key, '.');
    trim_copy(name, sizeof name, key, dot ? (size_t)(dot - key) : strlen(key));
    e->field = FIELD_VALUE;
    if (dot != NULL) {
        if (strcmp(dot + 1, "start") == 0)
            e->field = FIELD_START;
        else if (strcmp(dot + 1, "ramp") == 0)
            e->field = FIELD_RAMP;
        else {
            fs_error(fs, SIM_EPARSE, fs->line,
                     "unknown lever field '%s' in '%s' (expected 'start' or 'ramp')", dot + 1,
                     key);
            return 0;
        }
    }
    int v = var_find(name);
    if (v >= 0 && var_table[v].kind == VAR_LEVER) {
        e->target = v;
        return 1;
    }
    if (v >= 0) {
        const char *home = home_section(var_table[v].kind);
        fs_error(fs, SIM_EPARSE, fs->line, "'%s' is %s %s, not a lever%s%s%s", name,
                 kind_article(var_table[v].kind), var_kind_name(var_table[v].kind),
                 home ? " (put it under " : "", home ? home : "", home ? ")" : "");
        return 0;
    }
    int s = var_suggest(name, 1u << VAR_LEVER);
    if (s >= 0)
        fs_error(fs, SIM_EPARSE, fs->line, "unknown lever '%s' (did you mean '%s'?)", name,
                 var_table[s].name);
    else
        fs_error(fs, SIM_EPARSE, fs->line, "unknown lever '%s'", name);
    return 0;
}

/* Resolves an [assumptions] or [budget] key into e. */
static int resolve_input(file_state *fs, int section, const char *key, entry *e)
{
    e->field = FIELD_VALUE;
    unsigned kinds = section == SEC_BUDGET ? 1u << VAR_SETTING : INPUT_KINDS;
    int v = section == SEC_BUDGET && strcmp(key, "cap_msek_per_year") == 0 ? V_BUDGET_CAP
                                                                           : var_find(key);
    if (v >= 0 && (kinds & (1u << var_table[v].kind))) {
        e->target = v;
        return 1;
    }
    const char *what = section == SEC_BUDGET ? "budget entry" : "assumption or parameter";
    if (v >= 0) {
        const char *home = home_section(var_table[v].kind);
        fs_error(fs, SIM_EPARSE, fs->line, "'%s' is %s %s, not %s %s%s%s%s", key,
                 kind_article(var_table[v].kind), var_kind_name(var_table[v].kind),
                 section == SEC_BUDGET ? "a" : "an", what, home ? " (put it under " : "",
                 home ? home : "", home ? ")" : "");
        return 0;
    }
    if (strchr(key, '.') != NULL) {
        fs_error(fs, SIM_EPARSE, fs->line,
                 "'%s': only levers have a start and a ramp (put them under [levers])", key);
        return 0;
    }
    int s = var_suggest(key, kinds);
    if (section == SEC_BUDGET && s < 0)
        fs_error(fs, SIM_EPARSE, fs->line,
                 "unknown budget entry '%s' (expected 'cap_msek_per_year')", key);
    else if (s >= 0)
        fs_error(fs, SIM_EPARSE, fs->line, "unknown %s '%s' (did you mean '%s'?)", what, key,
                 var_table[s].name);
    else
        fs_error(fs, SIM_EPARSE, fs->line, "unknown %s '%s'", what, key);
    return 0;
}

/* Resolves a [series] key, which must name an assumption, into e. Only
 * assumptions vary in time: the parameters calibrate the initial state. */
static int resolve_series(file_state *fs, const char *key, entry *e)
{
    e->field = FIELD_VALUE;
    int v = var_find(key);
    if (v >= 0 && var_table[v].kind == VAR_ASSUMPTION) {
        e->target = v;
        return 1;
    }
    if (v >= 0) {
        fs_error(fs, SIM_EPARSE, fs->line,
                 "'%s' is %s %s; a series drives an assumption only", key,
                 kind_article(var_table[v].kind), var_kind_name(var_table[v].kind));
        return 0;
    }
    int s = var_suggest(key, 1u << VAR_ASSUMPTION);
    if (s >= 0)
        fs_error(fs, SIM_EPARSE, fs->line, "unknown assumption '%s' (did you mean '%s'?)", key,
                 var_table[s].name);
    else
        fs_error(fs, SIM_EPARSE, fs->line, "unknown assumption '%s'", key);
    return 0;
}

/* Checks a numeric entry that does not depend on the run's years. */
static int check_value(file_state *fs, const entry *e, const char *key)
{
    if (e->section == SEC_SCENARIO) {
        if (e->target == KEY_START && (e->num < SCENARIO_START_MIN || e->num >= SCENARIO_END_MAX))
            fs_error(fs, SIM_EPARSE, fs->line,
                     "start %g is outside the model's years %g to %g", e->num,
                     SCENARIO_START_MIN, SCENARIO_END_MAX);
        else if (e->target == KEY_END &&
                 (e->num <= SCENARIO_START_MIN || e->num > SCENARIO_END_MAX))
            fs_error(fs, SIM_EPARSE, fs->line, "end %g is outside the model's years %g to %g",
                     e->num, SCENARIO_START_MIN, SCENARIO_END_MAX);
        else
            return 1;
        return 0;
    }
    const var_desc *d = &var_table[e->target];
    if (e->field == FIELD_RAMP && e->num < 0) {
        fs_error(fs, SIM_EPARSE, fs->line, "negative ramp %g in '%s' (years, 0 or more)",
                 e->num, key);
        return 0;
    }
    if (e->field == FIELD_VALUE && (e->num < d->min || e->num > d->max)) {
        fs_error(fs, SIM_EPARSE, fs->line, "value %g of %s '%s' is outside its range %g to %g",
                 e->num, var_kind_name(d->kind), d->name, d->min, d->max);
        return 0;
    }
    return 1;
}

/* Appends a continuation line (an indented line after an entry: libinih's
 * multi-line values) to the previous entry, which must be the description
 * or a series. */
static void continue_entry(file_state *fs, entry *prev, const char *key, const char *value)
{
    if (!(prev->section == SEC_SCENARIO && prev->target == KEY_DESCRIPTION) &&
        prev->section != SEC_SERIES) {
        fs_error(fs, SIM_EPARSE, fs->line,
                 "indented line continues '%s' from line %d (remove the indentation)", key,
                 prev->line);
        return;
    }
    size_t a = strlen(prev->text), b = strlen(value);
    char *t = realloc(prev->text, a + b + 2);
    if (t == NULL) {
        fs_error(fs, SIM_ENOMEM, fs->line, "out of memory");
        return;
    }
    /* An empty first line ("description =") takes no space before the text. */
    size_t sep = a > 0 ? 1 : 0;
    t[a] = ' ';
    memcpy(t + a + sep, value, b + 1);
    prev->text = t;
}

/* libinih's handler: resolves and checks one name = value entry. */
static int on_entry(void *user, const char *section_text, const char *key, const char *value)
{
    (void)section_text; /* the reader tracks the section, with its line */
    file_state *fs = user;
    if (fs->section == SEC_UNKNOWN)
        return 1; /* reported at the section header */
    /* libinih passes an indented line after an entry (a multi-line value)
     * with the previous entry's key. */
    if (fs->indented && fs->prev_key[0] != '\0' && strcmp(key, fs->prev_key) == 0) {
        entry *prev = fs->local.n ? &fs->local.v[fs->local.n - 1] : NULL;
        if (prev != NULL && prev->line == fs->prev_line)
            continue_entry(fs, prev, key, value);
        else if (fs->err_line == 0)
            fs_error(fs, SIM_EPARSE, fs->line,
                     "indented line continues '%s' from line %d (remove the indentation)", key,
                     fs->prev_line);
        return 1;
    }
    snprintf(fs->prev_key, sizeof fs->prev_key, "%s", key);
    fs->prev_line = fs->line;
    entry e = {.file = fs->file, .line = fs->line, .section = fs->section, .target = -1};
    if (fs->section == SEC_NONE) {
        fs_error(fs, SIM_EPARSE, fs->line,
                 "'%s' comes before any section ([scenario], [levers], [assumptions], "
                 "[series] or [budget])",
                 key);
        return 1;
    }
    if (fs->section == SEC_SCENARIO) {
        for (int k = 0; k < KEY_COUNT; k++)
            if (strcmp(key, key_names[k]) == 0)
                e.target = k;
        if (e.target < 0) {
            const char *s = suggest_word(key, key_names, KEY_COUNT);
            if (s != NULL)
                fs_error(fs, SIM_EPARSE, fs->line,
                         "unknown name '%s' in [scenario] (did you mean '%s'?)", key, s);
            else
                fs_error(fs, SIM_EPARSE, fs->line,
                         "unknown name '%s' in [scenario] (expected name, description, "
                         "base, start or end)",
                         key);
            return 1;
        }
    } else if (fs->section == SEC_LEVERS) {
        if (!resolve_lever(fs, key, &e))
            return 1;
    } else if (fs->section == SEC_SERIES) {
        if (!resolve_series(fs, key, &e))
            return 1;
    } else if (!resolve_input(fs, fs->section, key, &e)) {
        return 1;
    }
    for (size_t i = 0; i < fs->local.n; i++) {
        const entry *o = &fs->local.v[i];
        if (o->section == e.section && o->target == e.target && o->field == e.field) {
            fs_error(fs, SIM_EPARSE, fs->line, "duplicate key '%s' (first set on line %d)",
                     key, o->line);
            return 1;
        }
    }
    int numeric = !(e.section == SEC_SCENARIO &&
                    (e.target == KEY_NAME || e.target == KEY_DESCRIPTION || e.target == KEY_BASE));
    if (e.section == SEC_SERIES)
        numeric = 0; /* checked when applied, after any continuation lines */
    if (numeric) {
        if (!parse_number(value, &e.num)) {
            fs_error(fs, SIM_EPARSE, fs->line, "value '%s' of '%s' is not a number", value, key);
            return 1;
        }
        if (!check_value(fs, &e, key))
            return 1;
    }
    e.text = strdup(value);
    if (e.text == NULL || !list_push(&fs->local, &e)) {
        free(e.text);
        fs_error(fs, SIM_ENOMEM, fs->line, "out of memory");
    }
    return 1;
}

/* libinih's reader: hands over one line at a time (fgets-style), counting
 * lines, tracking the section, and refusing lines libinih would split. */
static char *read_line(char *str, int num, void *stream)
{
    file_state *fs = stream;
    if (fs->p >= fs->end)
        return NULL;
    const char *nl = memchr(fs->p, '\n', (size_t)(fs->end - fs->p));
    size_t len = nl ? (size_t)(nl - fs->p) + 1 : (size_t)(fs->end - fs->p);
    size_t content = len;
    while (content > 0 && (fs->p[content - 1] == '\n' || fs->p[content - 1] == '\r'))
        content--;
    fs->line++;
    if (fs->line == 1 && len >= 3 && memcmp(fs->p, "\xEF\xBB\xBF", 3) == 0) {
        fs->p += 3; /* a UTF-8 byte-order mark */
        len -= 3;
        content -= 3;
    }
    /* libinih needs room for "\r\n\0" after the text. */
    if (num < 4 || content + 3 > (size_t)num) {
        size_t chars = 0;
        for (size_t i = 0; i < content; i++)
            chars += ((unsigned char)fs->p[i] & 0xC0) != 0x80;
        if (chars > (size_t)num - 3)
            fs_error(fs, SIM_EPARSE, fs->line, "line longer than %d characters", num - 3);
        else
            fs_error(fs, SIM_EPARSE, fs->line,
                     "line of %zu characters takes %zu bytes, more than %d (letters such "
                     "as 'ä' take two)",
                     chars, content, num - 3);
        fs->p = fs->end;
        return NULL;
    }
    memcpy(str, fs->p, len);
    str[len] = '\0';
    fs->p += len;
    fs->indented = len > 0 && (str[0] == ' ' || str[0] == '\t');
    /* A section header (libinih does not pass headers to the handler). */
    char *s = str;
    while (is_blank(*s) && *s != '\n')
        s++;
    if (*s == '[') {
        const char *close = strchr(s, ']');
        if (close != NULL) {
            char name[128];
            trim_copy(name, sizeof name, s + 1, (size_t)(close - s - 1));
            fs->section = section_find(name);
            /* libinih ignores whatever follows the ']'; only a comment may. */
            const char *rest = close + 1;
            while (is_blank(*rest))
                rest++;
            if (*rest != '\0' && *rest != ';' && *rest != '#') {
                fs_error(fs, SIM_EPARSE, fs->line,
                         "text after the section header '[%s]' (only a comment may follow "
                         "the ']')",
                         name);
                fs->section = SEC_UNKNOWN; /* its entries are not read */
            } else if (fs->section == SEC_UNKNOWN) {
                const char *sug = suggest_word(name, section_names, SEC_BUDGET + 1);
                if (sug != NULL)
                    fs_error(fs, SIM_EPARSE, fs->line,
                             "unknown section '[%s]' (did you mean '[%s]'?)", name, sug);
                else
                    fs_error(fs, SIM_EPARSE, fs->line,
                             "unknown section '[%s]' (expected [scenario], [levers], "
                             "[assumptions], [series] or [budget])",
                             name);
            }
            fs->prev_key[0] = '\0'; /* as libinih forgets its previous name */
            /* libinih would take an indented header for a continuation line. */
            memmove(str, s, strlen(s) + 1);
            fs->indented = 0;
        }
    }
    return str;
}

/* ---- files and the base chain ---- */

static void dir_of(const char *path, char *buf, size_t cap)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (slash == NULL)
        snprintf(buf, cap, ".");
    else if (slash == path)
        snprintf(buf, cap, "/");
    else
        snprintf(buf, cap, "%.*s", (int)(slash - path), path);
}

static sim_status load_text(load_ctx *ctx, const char *text, const char *path, sim_error *err);

/* 1 when some line of text is the header [scenario] (blanks allowed). */
static int has_scenario_section(const char *text)
{
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        const char *open = p;
        while (open < p + len && is_blank(*open))
            open++;
        if (open < p + len && *open == '[') {
            const char *close = memchr(open, ']', (size_t)(p + len - open));
            char name[32];
            if (close != NULL) {
                trim_copy(name, sizeof name, open + 1, (size_t)(close - open - 1));
                if (strcmp(name, "scenario") == 0)
                    return 1;
            }
        }
        p += len + (p[len] == '\n');
    }
    return 0;
}

/* Loads the base named in entry b of the file at ctx->files[file]. */
static sim_status load_base(load_ctx *ctx, int file, const entry *b, sim_error *err)
{
    const char *from = ctx->files[file];
    char dir[1024], path[1024];
    dir_of(from, dir, sizeof dir);
    if (b->text[0] == '\0')
        return sim_error_set(err, SIM_EPARSE, from, b->line, "empty base file name");
    int w = b->text[0] == '/' ? snprintf(path, sizeof path, "%s", b->text)
                              : snprintf(path, sizeof path, "%s/%s", dir, b->text);
    if (w < 0 || (size_t)w >= sizeof path)
        return sim_error_set(err, SIM_EPARSE, from, b->line, "base file name too long");
    char real[PATH_MAX];
    if (realpath(path, real) == NULL)
        return sim_error_set(err, SIM_EPARSE, from, b->line, "base file '%s' %s", b->text,
                             errno == ENOENT ? "not found" : strerror(errno));
    for (int i = 0; i < ctx->nfiles; i++) {
        if (strcmp(ctx->real[i], real) == 0) {
            char chain[900] = "";
            size_t used = 0;
            for (int j = i; j < ctx->nfiles && used < sizeof chain; j++) {
                int n = snprintf(chain + used, sizeof chain - used, "'%s' -> ", ctx->files[j]);
                used += n > 0 ? (size_t)n : 0;
            }
            return sim_error_set(err, SIM_EPARSE, from, b->line, "base chain loops: %s'%s'",
                                 chain, path);
        }
    }
    if (ctx->nfiles >= SCENARIO_MAX_DEPTH)
        return sim_error_set(err, SIM_EPARSE, from, b->line,
                             "base chain deeper than %d files", SCENARIO_MAX_DEPTH);
    char *text = NULL;
    sim_error sub;
    sim_error_clear(&sub);
    sim_status st = read_text(path, &text, &sub);
    if (st == SIM_EIO)
        return sim_error_set(err, SIM_EPARSE, from, b->line, "cannot read base file '%s': %s",
                             b->text, sim_error_nested(&sub));
    if (st != SIM_OK) {
        if (err != NULL)
            *err = sub;
        return st;
    }
    /* A file that is not a scenario (a base named by mistake, or a system
     * file named on purpose) is refused before its lines can be quoted. */
    if (!has_scenario_section(text)) {
        free(text);
        return sim_error_set(err, SIM_EPARSE, from, b->line,
                             "base file '%s' is not a scenario (it has no [scenario] section)",
                             b->text);
    }
    snprintf(ctx->real[ctx->nfiles], sizeof ctx->real[0], "%s", real);
    st = load_text(ctx, text, path, err);
    free(text);
    return st;
}

/* Reads text as the file path: collects its entries, loads its base, then
 * appends its entries to ctx->all. ctx->real[ctx->nfiles] must hold the
 * resolved path (or the path) before the call. */
static sim_status load_text(load_ctx *ctx, const char *text, const char *path, sim_error *err)
{
    int file = ctx->nfiles++;
    snprintf(ctx->files[file], sizeof ctx->files[0], "%s", path);
    if (ctx->src != NULL) {
        snprintf(ctx->src->path[file], sizeof ctx->src->path[0], "%s", path);
        sha256_data(text, strlen(text), ctx->src->sha256[file]);
        ctx->src->n = ctx->nfiles;
    }
    file_state fs = {.ctx = ctx, .file = file, .p = text, .end = text + strlen(text)};
    sim_error_clear(&fs.err);
    int syntax = ini_parse_stream(read_line, &fs, on_entry, &fs);
    if (syntax > 0)
        fs_error(&fs, SIM_EPARSE, syntax,
                 "expected 'name = value', '[section]' or a comment");
    else if (syntax < 0)
        fs_error(&fs, SIM_ENOMEM, 1, "out of memory");
    const entry *base = NULL;
    for (size_t i = 0; i < fs.local.n; i++)
        if (fs.local.v[i].section == SEC_SCENARIO && fs.local.v[i].target == KEY_BASE)
            base = &fs.local.v[i];
    sim_status st = SIM_OK;
    if (fs.err_line != 0 && (base == NULL || base->line > fs.err_line)) {
        st = fs.err_status;
    } else {
        if (base != NULL)
            st = load_base(ctx, file, base, err);
        if (st == SIM_OK && fs.err_line != 0)
            st = fs.err_status;
        else if (st != SIM_OK)
            fs.err_line = 0; /* the base's error stands */
    }
    if (st != SIM_OK) {
        if (fs.err_line != 0 && err != NULL)
            *err = fs.err;
        list_free(&fs.local);
        return st;
    }
    for (size_t i = 0; i < fs.local.n; i++) {
        if (!list_push(&ctx->all, &fs.local.v[i])) {
            for (size_t j = i; j < fs.local.n; j++)
                free(fs.local.v[j].text);
            free(fs.local.v);
            return sim_error_set(err, SIM_ENOMEM, path, 0, "out of memory");
        }
    }
    free(fs.local.v); /* the texts now belong to ctx->all */
    return SIM_OK;
}

/* ---- applying entries ---- */

/* Puts the series of entry e into sc, replacing one a base set for the
 * same assumption, in the order of the table's rows. */
static sim_status apply_series(scenario *sc, const entry *e, const char *path, sim_error *err)
{
    sim_error why;
    scenario_series ser;
    if (!scenario_series_parse(&ser, e->target, e->text, &why))
        return sim_error_locate(err, SIM_EPARSE, path, e->line, &why);
    int at = 0;
    while (at < sc->nseries && sc->series[at].var < e->target)
        at++;
    if (at == sc->nseries || sc->series[at].var != e->target) {
        if (sc->nseries == SCENARIO_SERIES_MAX)
            return sim_error_set(err, SIM_EPARSE, path, e->line,
                                 "more than %d series in one scenario", SCENARIO_SERIES_MAX);
        memmove(&sc->series[at + 1], &sc->series[at],
                (size_t)(sc->nseries - at) * sizeof sc->series[0]);
        sc->nseries++;
    }
    sc->series[at] = ser;
    return SIM_OK;
}

/* Index in ctx->all of the last [series] entry for var. */
static int series_entry(const load_ctx *ctx, int var)
{
    int k = -1;
    for (size_t i = 0; i < ctx->all.n; i++)
        if (ctx->all.v[i].section == SEC_SERIES && ctx->all.v[i].target == var)
            k = (int)i;
    return k;
}

/* Applies ctx->all in order to a copy of the baseline, checks the result
 * and, on success, writes it to *sc. */
static sim_status apply(load_ctx *ctx, scenario *sc, const char *path, sim_error *err)
{
    scenario *tmp = malloc(sizeof *tmp);
    /* last[v][field]: index of the entry that last set it, for line numbers */
    int (*last)[3] = malloc(sizeof(int[3]) * VAR_COUNT);
    if (tmp == NULL || last == NULL) {
        free(tmp);
        free(last);
        return sim_error_set(err, SIM_ENOMEM, path, 0, "out of memory");
    }
    scenario_init(tmp);
    for (int v = 0; v < VAR_COUNT; v++)
        last[v][0] = last[v][1] = last[v][2] = -1;
    int last_key[KEY_COUNT] = {-1, -1, -1, -1, -1};
    sim_status st = SIM_OK;
    for (size_t i = 0; i < ctx->all.n && st == SIM_OK; i++) {
        const entry *e = &ctx->all.v[i];
        if (e->section == SEC_SCENARIO) {
            last_key[e->target] = (int)i;
            if (e->target == KEY_NAME || e->target == KEY_DESCRIPTION) {
                char *dst = e->target == KEY_NAME ? tmp->name : tmp->description;
                size_t cap = e->target == KEY_NAME ? sizeof tmp->name : sizeof tmp->description;
                sim_error why;
                /* Only what a save can write back is read. */
                if (!scenario_text_ok(e->target == KEY_DESCRIPTION, e->text, &why))
                    st = sim_error_locate(err, SIM_EPARSE, ctx->files[e->file], e->line, &why);
                else if (strlen(e->text) < cap)
                    memcpy(dst, e->text, strlen(e->text) + 1);
            } else if (e->target == KEY_START) {
                tmp->start = e->num;
            } else if (e->target == KEY_END) {
                tmp->end = e->num;
            }
            continue;
        }
        if (e->section == SEC_SERIES) {
            st = apply_series(tmp, e, ctx->files[e->file], err);
            continue;
        }
        last[e->target][e->field] = (int)i;
        tmp->set[e->target] = 1;
        if (e->field == FIELD_VALUE)
            tmp->value[e->target] = e->num;
        else if (e->field == FIELD_START)
            tmp->lever_start[e->target] = e->num;
        else
            tmp->lever_ramp[e->target] = e->num;
    }
    for (int i = 0; i < tmp->nseries && st == SIM_OK; i++) {
        const scenario_series *ser = &tmp->series[i];
        if (ser->year[0] < tmp->start || ser->year[ser->n - 1] > tmp->end) {
            const entry *e = &ctx->all.v[series_entry(ctx, ser->var)];
            st = sim_error_set(err, SIM_EPARSE, ctx->files[e->file], e->line,
                               "series of '%s' runs %g to %g, outside the run %g to %g",
                               var_table[ser->var].name, ser->year[0], ser->year[ser->n - 1],
                               tmp->start, tmp->end);
        }
    }
    if (st == SIM_OK && tmp->start >= tmp->end) {
        int k = last_key[KEY_END] > last_key[KEY_START] ? last_key[KEY_END] : last_key[KEY_START];
        const entry *e = &ctx->all.v[k];
        st = sim_error_set(err, SIM_EPARSE, ctx->files[e->file], e->line,
                           "start %g is not before end %g", tmp->start, tmp->end);
    }
    for (int l = 0; l < LEVER_COUNT && st == SIM_OK; l++) {
        int v = var_lever_ids[l];
        if (last[v][FIELD_START] < 0) {
            tmp->lever_start[v] = tmp->start; /* the default follows the run */
            continue;
        }
        if (tmp->lever_start[v] < tmp->start || tmp->lever_start[v] > tmp->end) {
            const entry *e = &ctx->all.v[last[v][FIELD_START]];
            st = sim_error_set(err, SIM_EPARSE, ctx->files[e->file], e->line,
                               "start %g of lever '%s' is outside the run %g to %g",
                               tmp->lever_start[v], var_table[v].name, tmp->start, tmp->end);
        }
    }
    sim_error why;
    int inputs[CONSTRAINT_NAMED_MAX], ninputs = 0;
    if (st == SIM_OK && !constraint_check(tmp->value, &why, inputs, &ninputs)) {
        /* Reported at the last of the inputs it names that a file set. */
        int k = -1;
        for (int i = 0; i < ninputs; i++)
            if (last[inputs[i]][FIELD_VALUE] > k)
                k = last[inputs[i]][FIELD_VALUE];
        st = sim_error_locate(err, SIM_EPARSE, k >= 0 ? ctx->files[ctx->all.v[k].file] : path,
                              k >= 0 ? ctx->all.v[k].line : 0, &why);
    }
    if (st == SIM_OK) {
        int named = 0;
        for (size_t i = 0; i < ctx->all.n; i++)
            if (ctx->all.v[i].file == 0 && ctx->all.v[i].section == SEC_SCENARIO &&
                ctx->all.v[i].target == KEY_NAME)
                named = 1;
        /* A file without a name of its own is named after the file, not its base. */
        if (!named && path != NULL) {
            const char *b = strrchr(path, '/');
            b = b ? b + 1 : path;
            size_t n = strlen(b);
            if (n > 4 && strcmp(b + n - 4, ".ini") == 0)
                n -= 4;
            if (n > 0)
                snprintf(tmp->name, sizeof tmp->name, "%.*s", (int)n, b);
        }
        snprintf(tmp->path, sizeof tmp->path, "%s", path != NULL ? path : "");
        *sc = *tmp;
    }
    free(tmp);
    free(last);
    return st;
}

static sim_status parse_top(scenario *sc, const char *text, const char *path, int loaded,
                            scenario_sources *src, sim_error *err)
{
    load_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL)
        return sim_error_set(err, SIM_ENOMEM, path, 0, "out of memory");
    scenario_sources *got = src != NULL ? calloc(1, sizeof *got) : NULL;
    if (src != NULL && got == NULL) {
        free(ctx);
        return sim_error_set(err, SIM_ENOMEM, path, 0, "out of memory");
    }
    ctx->src = got;
    const char *name = path != NULL ? path : "<text>";
    sim_status st = loaded ? SIM_OK : check_text(text, strlen(text), name, err);
    if (st == SIM_OK) {
        if (path == NULL || realpath(path, ctx->real[0]) == NULL)
            snprintf(ctx->real[0], sizeof ctx->real[0], "%s", name);
        st = load_text(ctx, text, name, err);
    }
    if (st == SIM_OK)
        st = apply(ctx, sc, path, err);
    if (st == SIM_OK && src != NULL)
        *src = *got;
    free(got);
    list_free(&ctx->all);
    free(ctx);
    return st;
}

sim_status scenario_parse(scenario *sc, const char *text, const char *path, sim_error *err)
{
    return scenario_parse_sources(sc, text, path, NULL, err);
}

sim_status scenario_parse_sources(scenario *sc, const char *text, const char *path,
                                  scenario_sources *src, sim_error *err)
{
    sim_error_clear(err);
    return parse_top(sc, text != NULL ? text : "", path, 0, src, err);
}

sim_status scenario_load(scenario *sc, const char *path, sim_error *err)
{
    return scenario_load_sources(sc, path, NULL, err);
}

sim_status scenario_load_sources(scenario *sc, const char *path, scenario_sources *src,
                                 sim_error *err)
{
    sim_error_clear(err);
    char *text = NULL;
    sim_status st = read_text(path, &text, err);
    if (st != SIM_OK)
        return st;
    st = parse_top(sc, text, path, 1, src, err);
    free(text);
    return st;
}

/* ---- --set ---- */

sim_status scenario_set(scenario *sc, const char *assignment, sim_error *err)
{
    sim_error_clear(err);
    const char *eq = strchr(assignment, '=');
    if (eq == NULL)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "expected NAME=VALUE, got '%s'",
                             assignment);
    char key[160], value[160];
    trim_copy(key, sizeof key, assignment, (size_t)(eq - assignment));
    trim_copy(value, sizeof value, eq + 1, strlen(eq + 1));
    /* The checks of a file entry, on a one-entry "file" without a name. */
    load_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
    ctx->nfiles = 1;
    file_state fs = {.ctx = ctx, .file = 0, .line = 1, .section = SEC_LEVERS};
    sim_error_clear(&fs.err);
    entry e = {.target = -1};
    int v = strcmp(key, "cap_msek_per_year") == 0 ? V_BUDGET_CAP : var_find(key);
    int ok = 1;
    if (strchr(key, '.') != NULL || (v >= 0 && var_table[v].kind == VAR_LEVER)) {
        ok = resolve_lever(&fs, key, &e);
    } else if (v >= 0 && (var_table[v].kind == VAR_SETTING ||
                          (INPUT_KINDS & (1u << var_table[v].kind)))) {
        fs.section = var_table[v].kind == VAR_SETTING ? SEC_BUDGET : SEC_ASSUMPTIONS;
        ok = resolve_input(&fs, fs.section, key, &e);
    } else if (v >= 0) {
        fs_error(&fs, SIM_EINVAL, 1,
                 "'%s' is %s %s, computed by the model (only levers, assumptions, "
                 "parameters and settings can be set)",
                 key, kind_article(var_table[v].kind), var_kind_name(var_table[v].kind));
        ok = 0;
    } else {
        unsigned kinds = (1u << VAR_LEVER) | INPUT_KINDS | (1u << VAR_SETTING);
        int s = var_suggest(key, kinds);
        if (s >= 0)
            fs_error(&fs, SIM_EINVAL, 1, "unknown name '%s' (did you mean '%s'?)", key,
                     var_table[s].name);
        else
            fs_error(&fs, SIM_EINVAL, 1, "unknown name '%s' (see 'transim list')", key);
        ok = 0;
    }
    e.section = fs.section;
    if (ok && !parse_number(value, &e.num)) {
        fs_error(&fs, SIM_EINVAL, 1, "value '%s' of '%s' is not a number", value, key);
        ok = 0;
    }
    if (ok)
        ok = check_value(&fs, &e, key);
    if (ok && e.field == FIELD_START && (e.num < sc->start || e.num > sc->end)) {
        fs_error(&fs, SIM_EINVAL, 1, "start %g of lever '%s' is outside the run %g to %g",
                 e.num, var_table[e.target].name, sc->start, sc->end);
        ok = 0;
    }
    free(ctx);
    if (!ok)
        return sim_error_locate(err, SIM_EINVAL, NULL, 0, &fs.err);
    sc->set[e.target] = 1;
    if (e.field == FIELD_VALUE)
        sc->value[e.target] = e.num;
    else if (e.field == FIELD_START)
        sc->lever_start[e.target] = e.num;
    else
        sc->lever_ramp[e.target] = e.num;
    return SIM_OK;
}
