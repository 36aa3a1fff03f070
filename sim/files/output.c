/* output.c: run results as CSV, TSV, JSON or long rows, and atomic files.
 * See sim/files/output.h for the layouts and the number format. Uses the C
 * locale's printf only; never calls setlocale. */
#include "sim/files/output.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sim/model/model.h"

output_opts output_opts_default(void)
{
    output_opts o = {.format = OUTPUT_CSV, .long_rows = 0, .units = 0,
                     .vars = NULL, .nvars = 0, .scenario = NULL, .scenario_column = 0};
    return o;
}

static const char *const format_names[] = {"csv", "tsv", "json"};

int output_format_parse(const char *name)
{
    for (int i = 0; i < 3; i++)
        if (name != NULL && strcmp(name, format_names[i]) == 0)
            return i;
    return -1;
}

const char *output_format_name(output_format f)
{
    return (unsigned)f < 3 ? format_names[f] : "unknown";
}

static int in_default_set(var_kind k)
{
    return k == VAR_STOCK || k == VAR_FLOW || k == VAR_AUX || k == VAR_INDICATOR ||
           k == VAR_LEVER;
}

size_t output_default_vars(int *ids, size_t cap)
{
    size_t n = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        if (!in_default_set(var_table[i].kind))
            continue;
        if (n < cap)
            ids[n] = i;
        n++;
    }
    return n;
}

/* Plural kind names accepted in a selection, indexed by var_kind. */
static const char *const kind_groups[VAR_KIND_COUNT] = {
    "stocks", "flows", "auxiliaries", "indicators", "levers", "assumptions", "parameters",
    "settings",
};

/* Adds var to ids[0..*n) unless it is there already. */
static void add_var(int *ids, size_t *n, int var)
{
    for (size_t i = 0; i < *n; i++)
        if (ids[i] == var)
            return;
    ids[(*n)++] = var;
}

/* Adds the members of group name; returns 0 when name is not a group. */
static int add_group(const char *name, int *ids, size_t *n)
{
    int kind = -1;
    for (int k = 0; k < VAR_KIND_COUNT; k++)
        if (strcmp(name, kind_groups[k]) == 0)
            kind = k;
    int all = strcmp(name, "all") == 0, def = strcmp(name, "default") == 0,
        key = strcmp(name, "key") == 0;
    if (kind < 0 && !all && !def && !key)
        return 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (all || (def && in_default_set(d->kind)) || (key && d->key) ||
            (kind >= 0 && d->kind == (var_kind)kind))
            add_var(ids, n, i);
    }
    return 1;
}

sim_status output_parse_vars(const char *list, int *ids, size_t *n, sim_error *err)
{
    int tmp[VAR_COUNT];
    size_t count = 0;
    const char *p = list != NULL ? list : "";
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        while (len > 0 && (*p == ' ' || *p == '\t')) {
            p++;
            len--;
        }
        while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        char name[128];
        if (len == 0)
            return sim_error_set(err, SIM_EINVAL, NULL, 0, "empty variable name in '%s'",
                                 list != NULL ? list : "");
        if (len >= sizeof name)
            return sim_error_set(err, SIM_EINVAL, NULL, 0, "variable name too long in '%s'",
                                 list);
        memcpy(name, p, len);
        name[len] = '\0';
        int var = var_find(name);
        if (var >= 0) {
            add_var(tmp, &count, var);
        } else if (!add_group(name, tmp, &count)) {
            int s = var_suggest(name, (1u << VAR_KIND_COUNT) - 1u);
            if (s >= 0)
                return sim_error_set(err, SIM_EINVAL, NULL, 0,
                                     "unknown variable '%s' (did you mean '%s'?)", name,
                                     var_table[s].name);
            return sim_error_set(err, SIM_EINVAL, NULL, 0,
                                 "unknown variable '%s' (see 'transim list all')", name);
        }
        if (comma == NULL)
            break;
        p = comma + 1;
    }
    memcpy(ids, tmp, count * sizeof *tmp);
    *n = count;
    return SIM_OK;
}

char *output_number(double v, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "NaN");
    else if (isinf(v))
        snprintf(buf, n, v > 0 ? "Inf" : "-Inf");
    else
        snprintf(buf, n, "%.10g", v == 0.0 ? 0.0 : v);
    return buf;
}

char *output_decimal_comma(char *s, int swedish)
{
    if (swedish)
        for (char *c = s; *c != '\0'; c++)
            if (*c == '.')
                *c = ',';
    return s;
}

char *output_number_lang(double v, int swedish, char *buf, size_t n)
{
    return output_decimal_comma(output_number(v, buf, n), swedish);
}

void output_csv_field(FILE *f, const char *text)
{
    output_csv_field_sep(f, text, ',');
}

void output_csv_field_sep(FILE *f, const char *text, char sep)
{
    size_t len = strlen(text);
    int quote = strchr(text, sep) != NULL || strpbrk(text, "\"\r\n") != NULL ||
                (len > 0 && (text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' ||
                             text[len - 1] == '\t'));
    if (!quote) {
        fputs(text, f);
        return;
    }
    fputc('"', f);
    for (const char *c = text; *c; c++) {
        if (*c == '"')
            fputc('"', f);
        fputc(*c, f);
    }
    fputc('"', f);
}

/* A TSV field: tabs and line breaks would split the record, so they become
 * spaces. */
static void tsv_field(FILE *f, const char *text)
{
    for (const char *c = text; *c; c++)
        fputc(*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c, f);
}

static void text_field(FILE *f, output_format fmt, const char *text)
{
    if (fmt == OUTPUT_TSV)
        tsv_field(f, text);
    else
        output_csv_field(f, text);
}

static void json_string(FILE *f, const char *text)
{
    fputc('"', f);
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(f, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", f);
        else if (*c == '\t')
            fputs("\\t", f);
        else if (*c < 0x20)
            fprintf(f, "\\u%04x", *c);
        else
            fputc(*c, f);
    }
    fputc('"', f);
}

static void json_number(FILE *f, double v)
{
    char buf[32];
    fputs(isfinite(v) ? output_number(v, buf, sizeof buf) : "null", f);
}

void output_json_string(FILE *f, const char *text)
{
    json_string(f, text);
}

void output_json_number(FILE *f, double v)
{
    json_number(f, v);
}

char *output_number_exact(double v, char *buf, size_t n)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v == 0.0 ? 0.0 : v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

/* A value as output_number() writes it or, with o->exact, as
 * output_number_exact() does. */
static char *number(const output_opts *o, double v, char *buf, size_t n)
{
    if (!o->exact || !isfinite(v))
        return output_number(v, buf, n);
    return output_number_exact(v, buf, n);
}

static void write_wide(FILE *f, const run_result *r, const output_opts *o, const int *vars,
                       size_t nvars)
{
    char sep = o->format == OUTPUT_TSV ? '\t' : ',';
    char buf[32];
    const char *scen = o->scenario != NULL ? o->scenario : "";
    if (o->scenario_column)
        fprintf(f, "scenario%c", sep);
    fputs("year", f);
    for (size_t j = 0; j < nvars; j++) {
        fputc(sep, f);
        text_field(f, o->format, var_table[vars[j]].name);
    }
    fputc('\n', f);
    if (o->units) {
        if (o->scenario_column)
            fprintf(f, "%c", sep);
        fputs("unit", f);
        for (size_t j = 0; j < nvars; j++) {
            fputc(sep, f);
            text_field(f, o->format, var_table[vars[j]].unit);
        }
        fputc('\n', f);
    }
    for (size_t i = 0; i < r->rows; i++) {
        if (o->scenario_column) {
            text_field(f, o->format, scen);
            fputc(sep, f);
        }
        fputs(number(o, r->t[i], buf, sizeof buf), f);
        for (size_t j = 0; j < nvars; j++) {
            fputc(sep, f);
            fputs(number(o, run_value(r, i, vars[j]), buf, sizeof buf), f);
        }
        fputc('\n', f);
    }
}

static void write_long(FILE *f, const run_result *r, const output_opts *o, const int *vars,
                       size_t nvars)
{
    char sep = o->format == OUTPUT_TSV ? '\t' : ',';
    const char *scen = o->scenario != NULL ? o->scenario : "";
    char buf[32];
    fprintf(f, "scenario%cyear%cvariable%cvalue%cunit\n", sep, sep, sep, sep);
    for (size_t i = 0; i < r->rows; i++) {
        for (size_t j = 0; j < nvars; j++) {
            const var_desc *d = &var_table[vars[j]];
            text_field(f, o->format, scen);
            fputc(sep, f);
            fputs(number(o, r->t[i], buf, sizeof buf), f);
            fputc(sep, f);
            text_field(f, o->format, d->name);
            fputc(sep, f);
            fputs(number(o, run_value(r, i, vars[j]), buf, sizeof buf), f);
            fputc(sep, f);
            text_field(f, o->format, d->unit);
            fputc('\n', f);
        }
    }
}

/* The key and value of one "# key: value" line at p (up to the newline);
 * 0 when the line has another form. */
static int provenance_line(const char *p, size_t len, size_t *key_len, const char **value,
                           size_t *value_len)
{
    if (len < 4 || p[0] != '#' || p[1] != ' ')
        return 0;
    const char *colon = memchr(p + 2, ':', len - 2);
    if (colon == NULL || colon == p + 2 || (size_t)(colon - p) + 1 >= len || colon[1] != ' ')
        return 0;
    *key_len = (size_t)(colon - p - 2);
    *value = colon + 2;
    *value_len = len - (size_t)(colon + 2 - p);
    return 1;
}

static void json_string_n(FILE *f, const char *text, size_t n)
{
    char small[512];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (buf == NULL) { /* out of memory: the line's first part, as JSON still */
        buf = small;
        n = sizeof small - 1;
    }
    memcpy(buf, text, n);
    buf[n] = '\0';
    json_string(f, buf);
    if (buf != small)
        free(buf);
}

void output_provenance_json(FILE *f, const char *lines, const char *indent)
{
    static const char *const repeating[] = {"base", "set", "uncertain", "vary"};
    const char *end = lines + strlen(lines);
    int first = 1;
    fputc('{', f);
    for (const char *p = lines; p < end;) {
        size_t len = strcspn(p, "\n"), klen, vlen;
        const char *value;
        const char *next = p + len + (p[len] == '\n');
        if (!provenance_line(p, len, &klen, &value, &vlen)) {
            p = next;
            continue;
        }
        /* Written where the key first appears; later lines of it are skipped. */
        int seen = 0, count = 0;
        for (const char *q = lines; q < end;) {
            size_t ql = strcspn(q, "\n"), qk, qv;
            const char *qval;
            if (provenance_line(q, ql, &qk, &qval, &qv) && qk == klen &&
                memcmp(q + 2, p + 2, klen) == 0) {
                if (q < p)
                    seen = 1;
                count++;
            }
            q += ql + (q[ql] == '\n');
        }
        if (seen) {
            p = next;
            continue;
        }
        int array = count > 1;
        for (size_t i = 0; i < sizeof repeating / sizeof *repeating; i++)
            if (strlen(repeating[i]) == klen && memcmp(repeating[i], p + 2, klen) == 0)
                array = 1;
        fprintf(f, first ? "\n%s" : ",\n%s", indent);
        first = 0;
        json_string_n(f, p + 2, klen);
        fputs(": ", f);
        if (!array) {
            json_string_n(f, value, vlen);
        } else {
            fputc('[', f);
            int n = 0;
            for (const char *q = p; q < end;) {
                size_t ql = strcspn(q, "\n"), qk, qv;
                const char *qval;
                if (provenance_line(q, ql, &qk, &qval, &qv) && qk == klen &&
                    memcmp(q + 2, p + 2, klen) == 0) {
                    fputs(n++ ? ", " : "", f);
                    json_string_n(f, qval, qv);
                }
                q += ql + (q[ql] == '\n');
            }
            fputc(']', f);
        }
        p = next;
    }
    size_t in = strlen(indent);
    fprintf(f, first ? "}" : "\n%s}", indent + (in >= 2 ? 2 : in));
}

/* Wide JSON: series by variable, for pd.DataFrame(doc["values"], index=doc["year"]). */
static void write_json_wide(FILE *f, const run_result *r, const output_opts *o,
                            const int *vars, size_t nvars)
{
    fputs("{\n  \"scenario\": ", f);
    json_string(f, o->scenario != NULL ? o->scenario : "");
    fputs(",\n  \"model_version\": ", f);
    json_string(f, MODEL_VERSION);
    if (o->provenance != NULL) {
        fputs(",\n  \"provenance\": ", f);
        output_provenance_json(f, o->provenance, "    ");
    }
    fputs(",\n  \"variables\": [", f);
    for (size_t j = 0; j < nvars; j++) {
        const var_desc *d = &var_table[vars[j]];
        fputs(j ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
        json_string(f, d->name);
        fputs(", \"unit\": ", f);
        json_string(f, d->unit);
        fputs(", \"kind\": ", f);
        json_string(f, var_kind_name(d->kind));
        fputc('}', f);
    }
    fputs(nvars ? "\n  ],\n  \"year\": [" : "],\n  \"year\": [", f);
    for (size_t i = 0; i < r->rows; i++) {
        if (i)
            fputs(", ", f);
        json_number(f, r->t[i]);
    }
    fputs("],\n  \"values\": {", f);
    for (size_t j = 0; j < nvars; j++) {
        fputs(j ? ",\n    " : "\n    ", f);
        json_string(f, var_table[vars[j]].name);
        fputs(": [", f);
        for (size_t i = 0; i < r->rows; i++) {
            if (i)
                fputs(", ", f);
            json_number(f, run_value(r, i, vars[j]));
        }
        fputc(']', f);
    }
    fputs(nvars ? "\n  }\n}\n" : "}\n}\n", f);
}

/* Long JSON: an array of records, for pd.read_json(..., orient="records"). */
static void write_json_long(FILE *f, const run_result *r, const output_opts *o,
                            const int *vars, size_t nvars)
{
    const char *scen = o->scenario != NULL ? o->scenario : "";
    int first = 1;
    fputc('[', f);
    for (size_t i = 0; i < r->rows; i++) {
        for (size_t j = 0; j < nvars; j++) {
            const var_desc *d = &var_table[vars[j]];
            fputs(first ? "\n  {\"scenario\": " : ",\n  {\"scenario\": ", f);
            first = 0;
            json_string(f, scen);
            fputs(", \"year\": ", f);
            json_number(f, r->t[i]);
            fputs(", \"variable\": ", f);
            json_string(f, d->name);
            fputs(", \"value\": ", f);
            json_number(f, run_value(r, i, vars[j]));
            fputs(", \"unit\": ", f);
            json_string(f, d->unit);
            fputc('}', f);
        }
    }
    fputs(first ? "]\n" : "\n]\n", f);
}

sim_status output_write(FILE *f, const run_result *r, const output_opts *opts, sim_error *err)
{
    output_opts o = opts != NULL ? *opts : output_opts_default();
    int defaults[VAR_COUNT];
    const int *vars = o.vars;
    size_t nvars = o.nvars;
    if (vars == NULL) {
        nvars = output_default_vars(defaults, VAR_COUNT);
        vars = defaults;
    }
    for (size_t j = 0; j < nvars; j++)
        if (vars[j] < 0 || vars[j] >= VAR_COUNT)
            return sim_error_set(err, SIM_EINVAL, NULL, 0, "variable id %d out of range",
                                 vars[j]);
    if ((unsigned)o.format > OUTPUT_JSON)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "unknown output format %d",
                             (int)o.format);
    if (o.format != OUTPUT_JSON && o.provenance != NULL)
        fputs(o.provenance, f);
    if (o.format == OUTPUT_JSON)
        (o.long_rows ? write_json_long : write_json_wide)(f, r, &o, vars, nvars);
    else
        (o.long_rows ? write_long : write_wide)(f, r, &o, vars, nvars);
    if (fflush(f) != 0 || ferror(f))
        return sim_error_set(err, SIM_EIO, NULL, 0, "cannot write the output: %s",
                             strerror(errno));
    return SIM_OK;
}

/* ---- output files ---- */

static void (*tmp_created)(const char *tmp);
static void (*tmp_gone)(const char *tmp);

void output_set_tmp_hooks(void (*created)(const char *tmp), void (*gone)(const char *tmp))
{
    tmp_created = created;
    tmp_gone = gone;
}

/* What a target is, as output_resolve() finds it. */
enum { OUT_NEW, OUT_FILE, OUT_DEVICE, OUT_FD };

/* The descriptor a path names directly (/dev/stdout, /dev/stderr,
 * /dev/fd/N, /proc/self/fd/N), or -1. Opening such a path anew would start
 * at offset 0 of a file the shell redirected (or fail for a socket), and
 * following its links ends in names such as "pipe:[123]": the descriptor
 * itself is what the user means. */
static int output_std_fd(const char *p)
{
    if (strcmp(p, "/dev/stdout") == 0)
        return 1;
    if (strcmp(p, "/dev/stderr") == 0)
        return 2;
    const char *rest = NULL;
    if (strncmp(p, "/dev/fd/", 8) == 0)
        rest = p + 8;
    else if (strncmp(p, "/proc/self/fd/", 14) == 0)
        rest = p + 14;
    if (rest == NULL || !isdigit((unsigned char)rest[0]))
        return -1;
    char *end;
    long v = strtol(rest, &end, 10);
    return *end == '\0' && v <= INT_MAX ? (int)v : -1;
}

/* Follows path's symbolic links to the file that would be written: copies
 * it to real (n bytes), sets *kind (OUT_*), *fd for OUT_FD and *st for
 * OUT_FILE. For a file to create or replace, checks that its folder can be
 * written. */
static sim_status output_resolve(const char *path, char *real, size_t n, int *kind, int *fd,
                                 struct stat *st, sim_error *err)
{
    char cur[1024], link[1024];
    if (path == NULL || path[0] == '\0')
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "empty output file name");
    if (strlen(path) >= sizeof cur || strlen(path) >= n)
        return sim_error_set(err, SIM_EINVAL, path, 0, "file name too long");
    snprintf(cur, sizeof cur, "%s", path);
    for (int hops = 0;; hops++) {
        int f = output_std_fd(cur);
        if (f >= 0) {
            *kind = OUT_FD;
            *fd = f;
            break;
        }
        if (lstat(cur, st) != 0) {
            if (errno != ENOENT && errno != ENOTDIR)
                return sim_error_set(err, SIM_EIO, path, 0, "cannot open: %s", strerror(errno));
            *kind = OUT_NEW;
            break;
        }
        if (S_ISLNK(st->st_mode)) {
            ssize_t k = hops < 40 ? readlink(cur, link, sizeof link - 1) : -1;
            if (k < 0)
                return sim_error_set(err, SIM_EIO, path, 0, "cannot follow the link: %s",
                                     hops < 40 ? strerror(errno) : "too many levels");
            link[k] = '\0';
            char *slash = strrchr(cur, '/');
            size_t keep = link[0] == '/' || slash == NULL ? 0 : (size_t)(slash - cur) + 1;
            if (keep + (size_t)k >= sizeof cur)
                return sim_error_set(err, SIM_EINVAL, path, 0, "file name too long");
            memcpy(cur + keep, link, (size_t)k + 1);
            continue;
        }
        if (S_ISDIR(st->st_mode))
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "is a directory; give a file name for the output");
        *kind = S_ISREG(st->st_mode) ? OUT_FILE : OUT_DEVICE;
        break;
    }
    if (strlen(cur) >= n)
        return sim_error_set(err, SIM_EINVAL, path, 0, "file name too long");
    snprintf(real, n, "%s", cur);
    if (*kind == OUT_NEW || *kind == OUT_FILE) {
        char dir[1024];
        char *slash = strrchr(cur, '/');
        if (slash == NULL)
            snprintf(dir, sizeof dir, ".");
        else if (slash == cur)
            snprintf(dir, sizeof dir, "/");
        else
            snprintf(dir, sizeof dir, "%.*s", (int)(slash - cur), cur);
        struct stat ds;
        if (stat(dir, &ds) != 0)
            return sim_error_set(err, SIM_EIO, path, 0, "cannot create a file in '%s': %s", dir,
                                 strerror(errno));
        if (!S_ISDIR(ds.st_mode))
            return sim_error_set(err, SIM_EIO, path, 0,
                                 "cannot create a file in '%s': not a directory", dir);
        if (access(dir, W_OK | X_OK) != 0)
            return sim_error_set(err, SIM_EIO, path, 0, "cannot create a file in '%s': %s", dir,
                                 strerror(errno));
    }
    return SIM_OK;
}

sim_status output_check(const char *path, const char *const *inputs, size_t ninputs,
                        sim_error *err)
{
    if (path != NULL && strcmp(path, "-") == 0)
        return SIM_OK;
    char real[1024];
    int kind, fd = -1;
    struct stat st;
    sim_status s = output_resolve(path, real, sizeof real, &kind, &fd, &st, err);
    if (s != SIM_OK)
        return s;
    if (kind == OUT_FD && fcntl(fd, F_GETFL) < 0)
        return sim_error_set(err, SIM_EIO, path, 0, "cannot write: %s", strerror(errno));
    if (kind != OUT_FILE)
        return SIM_OK;
    for (size_t i = 0; i < ninputs; i++) {
        struct stat in;
        if (inputs[i] == NULL || strcmp(inputs[i], "-") == 0 || stat(inputs[i], &in) != 0)
            continue;
        if (in.st_dev == st.st_dev && in.st_ino == st.st_ino)
            return sim_error_set(err, SIM_EINVAL, path, 0,
                                 "is also an input ('%s'); choose another output file",
                                 inputs[i]);
    }
    return SIM_OK;
}

/* Creates a new temporary file real.tmpXXXXXX with mode 0666 (the kernel
 * takes the umask off, as for any new file; mkstemp would give 0600).
 * Returns the descriptor, or -1 with errno set. */
static int output_mktemp(const char *real, char *tmp, size_t n)
{
    static atomic_uint counter;
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int attempt = 0; attempt < 100; attempt++) {
        unsigned long long x = (unsigned long long)getpid() * 0x9E3779B97F4A7C15ull ^
                               (unsigned long long)time(NULL) * 0xBF58476D1CE4E5B9ull ^
                               (unsigned long long)atomic_fetch_add(&counter, 1u) *
                                   0x94D049BB133111EBull ^
                               (unsigned long long)(uintptr_t)tmp;
        x ^= x >> 31;
        char suffix[7];
        for (int i = 0; i < 6; i++) {
            suffix[i] = digits[x % 62];
            x /= 62;
        }
        suffix[6] = '\0';
        snprintf(tmp, n, "%s.tmp%s", real, suffix);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* Gives fd the mode (and, when allowed, the owner) of the file it replaces. */
static int output_keep_mode(int fd, const struct stat *old)
{
    if (fchmod(fd, old->st_mode & 07777) != 0)
        return -1;
    if ((old->st_uid != geteuid() || old->st_gid != getegid()) &&
        fchown(fd, old->st_uid, old->st_gid) != 0) {
        /* Not allowed (not root): the file becomes the writer's, as with
         * any editor that saves by renaming. */
    }
    return 0;
}

sim_status output_open(output_file *of, const char *path, sim_error *err)
{
    memset(of, 0, sizeof *of);
    int kind, sfd = -1;
    struct stat st;
    sim_status s = output_resolve(path, of->real, sizeof of->real, &kind, &sfd, &st, err);
    if (s != SIM_OK)
        return s;
    snprintf(of->path, sizeof of->path, "%s", path);
    int fd;
    if (kind == OUT_FD || kind == OUT_DEVICE) {
        of->in_place = 1;
        fd = kind == OUT_FD ? fcntl(sfd, F_DUPFD_CLOEXEC, 0)
                            : open(of->real, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return sim_error_set(err, SIM_EIO, path, 0, "cannot open for writing: %s",
                                 strerror(errno));
    } else {
        fd = output_mktemp(of->real, of->tmp, sizeof of->tmp);
        if (fd < 0)
            return sim_error_set(err, SIM_EIO, path, 0, "cannot create a file here: %s",
                                 strerror(errno));
        if (tmp_created != NULL)
            tmp_created(of->tmp);
        if (kind == OUT_FILE && output_keep_mode(fd, &st) != 0) {
            int e = errno;
            close(fd);
            output_abort(of);
            return sim_error_set(err, SIM_EIO, path, 0, "cannot create a file here: %s",
                                 strerror(e));
        }
    }
    if ((of->f = fdopen(fd, "w")) == NULL) {
        int e = errno;
        close(fd);
        if (!of->in_place) {
            unlink(of->tmp);
            if (tmp_gone != NULL)
                tmp_gone(of->tmp);
        }
        return sim_error_set(err, SIM_EIO, path, 0, "cannot open for writing: %s", strerror(e));
    }
    return SIM_OK;
}

sim_status output_open_staged(output_file *of, const char *path, const char *tmp,
                              sim_error *err)
{
    memset(of, 0, sizeof *of);
    int kind, sfd = -1;
    struct stat st;
    sim_status s = output_resolve(path, of->real, sizeof of->real, &kind, &sfd, &st, err);
    if (s != SIM_OK)
        return s;
    if (kind != OUT_NEW && kind != OUT_FILE)
        return sim_error_set(err, SIM_EINVAL, path, 0, "is not a regular file");
    if (strlen(tmp) >= sizeof of->tmp)
        return sim_error_set(err, SIM_EINVAL, tmp, 0, "file name too long");
    snprintf(of->path, sizeof of->path, "%s", path);
    snprintf(of->tmp, sizeof of->tmp, "%s", tmp);
    of->staged = 1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return sim_error_set(err, SIM_EIO, tmp, 0, "cannot create: %s", strerror(errno));
    if ((kind == OUT_FILE && output_keep_mode(fd, &st) != 0) ||
        (of->f = fdopen(fd, "w")) == NULL) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return sim_error_set(err, SIM_EIO, tmp, 0, "cannot create: %s", strerror(e));
    }
    return SIM_OK;
}

/* Flushes and closes of->f; syncs a file that will be renamed. Returns 0 or
 * an errno value. */
static int output_close(output_file *of)
{
    int e = 0;
    if (fflush(of->f) != 0 || ferror(of->f))
        e = errno ? errno : EIO;
    else if (!of->in_place && fsync(fileno(of->f)) != 0)
        e = errno;
    if (fclose(of->f) != 0 && e == 0)
        e = errno;
    of->f = NULL;
    return e;
}

sim_status output_finish(output_file *of, sim_error *err)
{
    if (of->f == NULL)
        return sim_error_set(err, SIM_EINVAL, of->path, 0, "output file already closed");
    int e = output_close(of);
    if (e != 0) {
        unlink(of->tmp);
        return sim_error_set(err, SIM_EIO, of->path, 0, "cannot write the file: %s",
                             strerror(e));
    }
    return SIM_OK;
}

sim_status output_install(const char *tmp, const char *path, sim_error *err)
{
    char real[1024];
    int kind, fd;
    struct stat st;
    sim_status s = output_resolve(path, real, sizeof real, &kind, &fd, &st, err);
    if (s != SIM_OK)
        return s;
    if (rename(tmp, real) != 0)
        return sim_error_set(err, SIM_EIO, path, 0, "cannot write the file: %s",
                             strerror(errno));
    return SIM_OK;
}

sim_status output_commit(output_file *of, sim_error *err)
{
    if (of->f == NULL)
        return sim_error_set(err, SIM_EINVAL, of->path, 0, "output file already closed");
    int e = output_close(of);
    if (!of->in_place) {
        if (e == 0 && rename(of->tmp, of->real) != 0)
            e = errno;
        if (e != 0)
            unlink(of->tmp);
        if (tmp_gone != NULL && !of->staged)
            tmp_gone(of->tmp);
        of->tmp[0] = '\0';
    }
    if (e != 0)
        return sim_error_set(err, SIM_EIO, of->path, 0, "cannot write the file: %s",
                             strerror(e));
    return SIM_OK;
}

void output_abort(output_file *of)
{
    if (of->f != NULL) {
        fclose(of->f);
        of->f = NULL;
    }
    if (!of->in_place && of->tmp[0] != '\0') {
        unlink(of->tmp);
        if (tmp_gone != NULL && !of->staged)
            tmp_gone(of->tmp);
        of->tmp[0] = '\0';
    }
}

sim_status output_commit_all(output_file *const *files, size_t n, sim_error *err)
{
    sim_status st = SIM_OK;
    for (size_t i = 0; i < n; i++) {
        if (files[i]->f == NULL) {
            if (st == SIM_OK)
                st = sim_error_set(err, SIM_EINVAL, files[i]->path, 0,
                                   "output file already closed");
            continue;
        }
        int e = output_close(files[i]);
        if (e != 0 && st == SIM_OK)
            st = sim_error_set(err, SIM_EIO, files[i]->path, 0, "cannot write the file: %s",
                               strerror(e));
    }
    for (size_t i = 0; i < n; i++) {
        output_file *of = files[i];
        if (of->in_place || of->tmp[0] == '\0')
            continue;
        if (st == SIM_OK && rename(of->tmp, of->real) != 0)
            st = sim_error_set(err, SIM_EIO, of->path, 0, "cannot write the file: %s",
                               strerror(errno));
        else if (st != SIM_OK)
            unlink(of->tmp);
        if (tmp_gone != NULL)
            tmp_gone(of->tmp);
        of->tmp[0] = '\0';
    }
    return st;
}
