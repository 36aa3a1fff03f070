/* output.c: run results as CSV, TSV, JSON or long rows, and atomic files.
 * See sim/files/output.h for the layouts and the number format. Uses the C
 * locale's printf only; never calls setlocale. */
#include "sim/files/output.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/model/model.h"

output_opts output_opts_default(void)
{
    output_opts o = {.format = OUTPUT_CSV, .long_rows = 0, .units = 0,
                     .vars = NULL, .nvars = 0, .scenario = NULL};
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
        if (len == 0 || len >= sizeof name)
            return sim_error_set(err, SIM_EINVAL, NULL, 0,
                                 len == 0 ? "empty variable name in '%s'"
                                          : "variable name too long in '%s'",
                                 list != NULL ? list : "");
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

void output_csv_field(FILE *f, const char *text)
{
    size_t len = strlen(text);
    int quote = strpbrk(text, ",\"\r\n") != NULL ||
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

static void write_wide(FILE *f, const run_result *r, const output_opts *o, const int *vars,
                       size_t nvars)
{
    char sep = o->format == OUTPUT_TSV ? '\t' : ',';
    char buf[32];
    fputs("year", f);
    for (size_t j = 0; j < nvars; j++) {
        fputc(sep, f);
        text_field(f, o->format, var_table[vars[j]].name);
    }
    fputc('\n', f);
    if (o->units) {
        fputs("unit", f);
        for (size_t j = 0; j < nvars; j++) {
            fputc(sep, f);
            text_field(f, o->format, var_table[vars[j]].unit);
        }
        fputc('\n', f);
    }
    for (size_t i = 0; i < r->rows; i++) {
        fputs(output_number(r->t[i], buf, sizeof buf), f);
        for (size_t j = 0; j < nvars; j++) {
            fputc(sep, f);
            fputs(output_number(run_value(r, i, vars[j]), buf, sizeof buf), f);
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
            fputs(output_number(r->t[i], buf, sizeof buf), f);
            fputc(sep, f);
            text_field(f, o->format, d->name);
            fputc(sep, f);
            fputs(output_number(run_value(r, i, vars[j]), buf, sizeof buf), f);
            fputc(sep, f);
            text_field(f, o->format, d->unit);
            fputc('\n', f);
        }
    }
}

/* Wide JSON: series by variable, for pd.DataFrame(doc["values"], index=doc["year"]). */
static void write_json_wide(FILE *f, const run_result *r, const output_opts *o,
                            const int *vars, size_t nvars)
{
    fputs("{\n  \"scenario\": ", f);
    json_string(f, o->scenario != NULL ? o->scenario : "");
    fputs(",\n  \"model_version\": ", f);
    json_string(f, MODEL_VERSION);
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
    if (o.format == OUTPUT_JSON)
        (o.long_rows ? write_json_long : write_json_wide)(f, r, &o, vars, nvars);
    else
        (o.long_rows ? write_long : write_wide)(f, r, &o, vars, nvars);
    if (fflush(f) != 0 || ferror(f))
        return sim_error_set(err, SIM_EIO, NULL, 0, "cannot write the output: %s",
                             strerror(errno));
    return SIM_OK;
}

sim_status output_open(output_file *of, const char *path, sim_error *err)
{
    of->f = NULL;
    of->tmp[0] = '\0';
    if (path == NULL || path[0] == '\0')
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "empty output file name");
    if (strlen(path) >= sizeof of->path)
        return sim_error_set(err, SIM_EINVAL, path, 0, "file name too long");
    snprintf(of->path, sizeof of->path, "%s", path);
    snprintf(of->tmp, sizeof of->tmp, "%s.tmpXXXXXX", path);
    int fd = mkstemp(of->tmp);
    if (fd < 0)
        return sim_error_set(err, SIM_EIO, path, 0, "cannot create a file here: %s",
                             strerror(errno));
    /* mkstemp makes the file private (0600); give it the target's mode, or
     * the usual 0644 of a new file. */
    struct stat st;
    mode_t mode = stat(path, &st) == 0 ? (st.st_mode & 07777) : 0644;
    if (fchmod(fd, mode) != 0 || (of->f = fdopen(fd, "w")) == NULL) {
        int e = errno;
        close(fd);
        unlink(of->tmp);
        return sim_error_set(err, SIM_EIO, path, 0, "cannot create a file here: %s",
                             strerror(e));
    }
    return SIM_OK;
}

sim_status output_commit(output_file *of, sim_error *err)
{
    if (of->f == NULL)
        return sim_error_set(err, SIM_EINVAL, of->path, 0, "output file already closed");
    int failed = fflush(of->f) != 0 || ferror(of->f) || fsync(fileno(of->f)) != 0;
    int e = errno;
    if (fclose(of->f) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    of->f = NULL;
    if (!failed && rename(of->tmp, of->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        unlink(of->tmp);
        return sim_error_set(err, SIM_EIO, of->path, 0, "cannot write the file: %s",
                             strerror(e));
    }
    return SIM_OK;
}

void output_abort(output_file *of)
{
    if (of->f == NULL)
        return;
    fclose(of->f);
    of->f = NULL;
    unlink(of->tmp);
}
