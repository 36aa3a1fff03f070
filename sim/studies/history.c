/* history.c: the model against the observed years (sim/studies/history.h):
 * the spec and data readers, the comparison, the errors per series and the
 * SVG charts. The spec is a small INI file read line by line here, so that
 * every error names its line; the data are tidy CSV. */
#include "sim/studies/history.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/files/output.h"

/* ---- small text helpers ---- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static int parse_num(const char *text, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

/* dir of path joined with name (name kept when absolute). */
static int join_path(char *buf, size_t cap, const char *path, const char *name)
{
    const char *slash = strrchr(path, '/');
    int w = name[0] == '/' || slash == NULL
                ? snprintf(buf, cap, "%s", name)
                : snprintf(buf, cap, "%.*s/%s", (int)(slash - path), path, name);
    return w >= 0 && (size_t)w < cap;
}

/* ---- the data file ---- */

/* Splits one CSV line into at most max fields in place (quotes removed,
 * doubled quotes kept once). Returns the number of fields. */
static int csv_split(char *line, char **field, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        char *out = p;
        field[n++] = p;
        if (*p == '"') {
            p++;
            while (*p) {
                if (p[0] == '"' && p[1] == '"') {
                    *out++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *out++ = *p++;
                }
            }
            while (*p && *p != ',')
                p++;
        } else {
            while (*p && *p != ',' && *p != '\n' && *p != '\r')
                *out++ = *p++;
        }
        int more = *p == ',';
        *out = '\0';
        if (!more)
            break;
        p++;
    }
    return n;
}

static sim_status load_data(history_spec *spec, sim_error *err)
{
    FILE *f = fopen(spec->data_path, "r");
    if (f == NULL)
        return sim_error_set(err, SIM_EIO, spec->data_path, 0, "cannot read the file: %s",
                             strerror(errno));
    char line[2048];
    int lineno = 0;
    sim_status st = SIM_OK;
    while (st == SIM_OK && fgets(line, sizeof line, f) != NULL) {
        lineno++;
        if (lineno == 1)
            continue; /* the header */
        char *field[5];
        if (line[0] == '\n' || line[0] == '\r' || line[0] == '\0')
            continue;
        if (csv_split(line, field, 5) < 5) {
            st = sim_error_set(err, SIM_EPARSE, spec->data_path, lineno,
                               "expected year,series,value,unit,source");
            break;
        }
        history_series *s = NULL;
        for (int i = 0; i < spec->nseries; i++)
            if (strcmp(spec->series[i].name, field[1]) == 0)
                s = &spec->series[i];
        if (s == NULL)
            continue;
        double year, value;
        if (!parse_num(field[0], &year) || !parse_num(field[2], &value)) {
            st = sim_error_set(err, SIM_EPARSE, spec->data_path, lineno,
                               "year '%s' or value '%s' is not a number", field[0], field[2]);
        } else if (s->n > 0 && !(year > s->year[s->n - 1])) {
            st = sim_error_set(err, SIM_EPARSE, spec->data_path, lineno,
                               "year %g of '%s' does not follow %g", year, s->name,
                               s->year[s->n - 1]);
        } else if (s->n == HISTORY_YEARS_MAX) {
            st = sim_error_set(err, SIM_EPARSE, spec->data_path, lineno,
                               "more than %d years of '%s'", HISTORY_YEARS_MAX, s->name);
        } else {
            if (s->n == 0) {
                snprintf(s->unit, sizeof s->unit, "%s", field[3]);
                snprintf(s->source, sizeof s->source, "%s", field[4]);
            }
            s->year[s->n] = year;
            s->value[s->n] = value;
            s->n++;
        }
    }
    fclose(f);
    for (int i = 0; i < spec->nseries && st == SIM_OK; i++)
        if (spec->series[i].n == 0)
            st = sim_error_set(err, SIM_EPARSE, spec->data_path, 0, "no data for series '%s'",
                               spec->series[i].name);
    return st;
}

/* ---- the spec ---- */

enum { SPEC_NONE, SPEC_FIT, SPEC_PARAMETERS, SPEC_SERIES };

static sim_status spec_entry(history_spec *spec, int section, const char *key, char *value,
                             const char *path, int line, sim_error *err)
{
    if (section == SPEC_FIT) {
        if (strcmp(key, "scenario") == 0 || strcmp(key, "data") == 0) {
            char *dst = key[0] == 's' ? spec->scenario_path : spec->data_path;
            if (!join_path(dst, sizeof spec->data_path, path, value))
                return sim_error_set(err, SIM_EPARSE, path, line, "path '%s' too long", value);
            return SIM_OK;
        }
        if (strcmp(key, "from") == 0 || strcmp(key, "to") == 0) {
            double *dst = key[0] == 'f' ? &spec->from : &spec->to;
            if (!parse_num(value, dst))
                return sim_error_set(err, SIM_EPARSE, path, line, "'%s' is not a year", value);
            return SIM_OK;
        }
        return sim_error_set(err, SIM_EPARSE, path, line,
                             "unknown name '%s' in [fit] (expected scenario, data, from, to)",
                             key);
    }
    if (section == SPEC_PARAMETERS) {
        int v = var_find(key);
        if (v < 0 || (var_table[v].kind != VAR_PARAM && var_table[v].kind != VAR_ASSUMPTION))
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "'%s' is not a parameter or assumption", key);
        double mean = NAN, sd = NAN;
        if (strcmp(value, "fit") != 0) {
            char *comma = strchr(value, ',');
            if (comma != NULL)
                *comma = '\0';
            if (comma == NULL || !parse_num(trim(value), &mean) || !parse_num(trim(comma + 1), &sd) ||
                !(sd > 0))
                return sim_error_set(err, SIM_EPARSE, path, line,
                                     "expected '%s = fit' or '%s = PRIOR_MEAN, PRIOR_SD' "
                                     "(SD > 0)",
                                     key, key);
            if (!(mean >= var_table[v].min && mean <= var_table[v].max))
                return sim_error_set(err, SIM_EPARSE, path, line,
                                     "prior mean %g of '%s' is outside its range %g to %g", mean,
                                     key, var_table[v].min, var_table[v].max);
        }
        if (!(var_table[v].min < var_table[v].max))
            return sim_error_set(err, SIM_EPARSE, path, line, "'%s' has no range to fit in",
                                 key);
        for (int i = 0; i < spec->nparams; i++)
            if (spec->param[i] == v)
                return sim_error_set(err, SIM_EPARSE, path, line, "'%s' is listed twice", key);
        if (spec->nparams == HISTORY_PARAMS_MAX)
            return sim_error_set(err, SIM_EPARSE, path, line, "more than %d parameters",
                                 HISTORY_PARAMS_MAX);
        spec->prior_mean[spec->nparams] = mean;
        spec->prior_sd[spec->nparams] = sd;
        spec->param[spec->nparams++] = v;
        return SIM_OK;
    }
    if (section == SPEC_SERIES) {
        if (spec->nseries == HISTORY_SERIES_MAX)
            return sim_error_set(err, SIM_EPARSE, path, line, "more than %d series",
                                 HISTORY_SERIES_MAX);
        history_series *s = &spec->series[spec->nseries];
        memset(s, 0, sizeof *s);
        snprintf(s->name, sizeof s->name, "%s", key);
        char *part[4];
        int n = 0;
        for (char *p = value; n < 4 && p != NULL; n++) {
            char *comma = strchr(p, ',');
            if (comma != NULL)
                *comma = '\0';
            part[n] = trim(p);
            p = comma != NULL ? comma + 1 : NULL;
            if (n == 3 && p != NULL)
                n = 5; /* too many */
        }
        if (n != 4)
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "expected '%s = MODEL_VARIABLE, level|rate, SCALE, TARGET'", key);
        s->var = var_find(part[0]);
        if (s->var < 0)
            return sim_error_set(err, SIM_EPARSE, path, line, "unknown model variable '%s'",
                                 part[0]);
        if (strcmp(part[1], "level") == 0)
            s->kind = HISTORY_LEVEL;
        else if (strcmp(part[1], "rate") == 0)
            s->kind = HISTORY_RATE;
        else
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "'%s' is neither 'level' nor 'rate'", part[1]);
        if (!parse_num(part[2], &s->scale) || !parse_num(part[3], &s->target) ||
            !(s->scale > 0) || !(s->target > 0))
            return sim_error_set(err, SIM_EPARSE, path, line,
                                 "SCALE '%s' and TARGET '%s' must be positive numbers", part[2],
                                 part[3]);
        for (int i = 0; i < spec->nseries; i++)
            if (strcmp(spec->series[i].name, key) == 0)
                return sim_error_set(err, SIM_EPARSE, path, line, "series '%s' listed twice",
                                     key);
        spec->nseries++;
        return SIM_OK;
    }
    return sim_error_set(err, SIM_EPARSE, path, line, "'%s' comes before any section", key);
}

sim_status history_spec_load(history_spec *spec, const char *path, sim_error *err)
{
    sim_error_clear(err);
    memset(spec, 0, sizeof *spec);
    snprintf(spec->path, sizeof spec->path, "%s", path);
    spec->from = NAN;
    spec->to = NAN;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return sim_error_set(err, SIM_EIO, path, 0, "cannot read the file: %s", strerror(errno));
    char buf[1024];
    int line = 0, section = SPEC_NONE;
    sim_status st = SIM_OK;
    while (st == SIM_OK && fgets(buf, sizeof buf, f) != NULL) {
        line++;
        char *semi = strstr(buf, ";");
        if (semi != NULL && (semi == buf || semi[-1] == ' ' || semi[-1] == '\t'))
            *semi = '\0';
        char *s = trim(buf);
        if (*s == '\0' || *s == '#')
            continue;
        if (*s == '[') {
            char *close = strchr(s, ']');
            if (close != NULL)
                *close = '\0';
            const char *name = s + 1;
            section = strcmp(name, "fit") == 0          ? SPEC_FIT
                      : strcmp(name, "parameters") == 0 ? SPEC_PARAMETERS
                      : strcmp(name, "series") == 0     ? SPEC_SERIES
                                                        : -1;
            if (close == NULL || section < 0)
                st = sim_error_set(err, SIM_EPARSE, path, line,
                                   "unknown section '[%s]' (expected [fit], [parameters] or "
                                   "[series])",
                                   name);
            continue;
        }
        char *eq = strchr(s, '=');
        if (eq == NULL) {
            st = sim_error_set(err, SIM_EPARSE, path, line, "expected 'name = value'");
            continue;
        }
        *eq = '\0';
        st = spec_entry(spec, section, trim(s), trim(eq + 1), path, line, err);
    }
    fclose(f);
    if (st != SIM_OK)
        return st;
    if (spec->scenario_path[0] == '\0' || spec->data_path[0] == '\0' || isnan(spec->from) ||
        isnan(spec->to) || !(spec->from <= spec->to))
        return sim_error_set(err, SIM_EPARSE, path, 0,
                             "[fit] needs scenario, data, and years from <= to");
    if (spec->nseries == 0)
        return sim_error_set(err, SIM_EPARSE, path, 0, "no [series] to compare");
    return load_data(spec, err);
}

/* ---- comparison ---- */

sim_status history_run(const history_spec *spec, const scenario *sc, run_result *out,
                       sim_error *err)
{
    run_opts o = run_opts_default();
    o.from = sc->start;
    o.to = spec->to < sc->end ? spec->to : sc->end;
    o.step = 1.0;
    o.method = ODE_RK4;
    o.dt = 1.0 / 16.0;
    return run_scenario(sc, &o, out, err);
}

double history_model_at(const history_series *s, const run_result *r, double year)
{
    size_t row = run_row_at(r, year);
    if (row == (size_t)-1 || fabs(r->t[row] - year) > 1e-6)
        return NAN;
    return r->v[row * (size_t)VAR_COUNT + (size_t)s->var] * s->scale;
}

void history_errors(const history_spec *spec, const run_result *r, history_error *out)
{
    for (int i = 0; i < spec->nseries; i++) {
        const history_series *s = &spec->series[i];
        history_error e = {0};
        for (int k = 0; k < s->n; k++) {
            if (s->year[k] < spec->from - 1e-9 || s->year[k] > spec->to + 1e-9)
                continue;
            double m = history_model_at(s, r, s->year[k]);
            if (isnan(m))
                continue;
            double d = s->value[k];
            e.n++;
            e.mae += fabs(m - d);
            e.mape += fabs(m - d) / fabs(d);
            e.bias += s->kind == HISTORY_LEVEL ? (m - d) / fabs(d) : m - d;
        }
        if (e.n > 0) {
            e.mae /= e.n;
            e.mape /= e.n;
            e.bias /= e.n;
        }
        out[i] = e;
    }
}

sim_status history_write_csv(FILE *f, const history_spec *spec, const run_result *r,
                             sim_error *err)
{
    fputs("year,series,model,data,unit,source\n", f);
    for (int i = 0; i < spec->nseries; i++) {
        const history_series *s = &spec->series[i];
        for (size_t row = 0; row < r->rows; row++) {
            double year = r->t[row];
            double m = history_model_at(s, r, year);
            fprintf(f, "%.0f,%s,%.6g,", year, s->name, m);
            int k = 0;
            while (k < s->n && fabs(s->year[k] - year) > 1e-6)
                k++;
            if (k < s->n)
                fprintf(f, "%.6g", s->value[k]);
            fputc(',', f);
            output_csv_field(f, s->unit);
            fputc(',', f);
            output_csv_field(f, k < s->n ? s->source : "");
            fputc('\n', f);
        }
    }
    return ferror(f) ? sim_error_set(err, SIM_EIO, NULL, 0, "cannot write the comparison")
                     : SIM_OK;
}

/* ---- charts ---- */

/* A tick step of 1, 2 or 5 times a power of ten giving about n ticks. */
static double nice_step(double span, int n)
{
    double raw = span / n;
    double p = pow(10.0, floor(log10(raw)));
    double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/* Writes text with &, < and > escaped. */
static void svg_text(FILE *f, const char *text)
{
    for (const char *c = text; *c; c++) {
        if (*c == '&')
            fputs("&amp;", f);
        else if (*c == '<')
            fputs("&lt;", f);
        else if (*c == '>')
            fputs("&gt;", f);
        else
            fputc(*c, f);
    }
}

static void write_chart(FILE *f, const history_series *s, const run_result *r)
{
    enum { W = 640, H = 400, L = 80, R = 20, T = 50, B = 70 };
    double pct = s->kind == HISTORY_RATE ? 100.0 : 1.0; /* rates in per cent */
    double t0 = r->t[0], t1 = r->t[r->rows - 1];
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < r->rows; i++) {
        double m = history_model_at(s, r, r->t[i]) * pct;
        lo = fmin(lo, m);
        hi = fmax(hi, m);
    }
    for (int k = 0; k < s->n; k++) {
        if (s->year[k] < t0 - 1e-9 || s->year[k] > t1 + 1e-9)
            continue;
        lo = fmin(lo, s->value[k] * pct);
        hi = fmax(hi, s->value[k] * pct);
    }
    double pad = (hi - lo) * 0.08 + 1e-9 * fabs(hi);
    lo -= pad;
    hi += pad;
    double ystep = nice_step(hi - lo, 5);
    lo = floor(lo / ystep) * ystep;
    hi = ceil(hi / ystep) * ystep;
    double xstep = t1 - t0 > 24 ? 5 : t1 - t0 > 8 ? 2 : 1;
#define X(t) (L + ((t) - t0) / (t1 - t0) * (W - L - R))
#define Y(v) (T + (hi - (v)) / (hi - lo) * (H - T - B))
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, sans-serif\" "
               "font-size=\"12\">\n", W, H, W, H);
    fprintf(f, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", W, H);
    fprintf(f, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">", L);
    svg_text(f, s->name);
    fprintf(f, ": model and data</text>\n");
    for (double v = lo; v <= hi + 1e-9 * ystep; v += ystep) {
        fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L,
                W - R, Y(v), Y(v));
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.10g</text>\n", L - 6,
                Y(v) + 4, fabs(v) < 1e-9 * ystep ? 0.0 : v);
    }
    for (double t = ceil(t0 / xstep) * xstep; t <= t1 + 1e-9; t += xstep)
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>\n", X(t),
                H - B + 18, t);
    fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, W - R,
            H - B, H - B);
    fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, L, T,
            H - B);
    fprintf(f, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">", (T + H - B) / 2);
    svg_text(f, s->kind == HISTORY_RATE ? "%" : s->unit);
    fputs("</text>\n<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"", f);
    for (size_t i = 0; i < r->rows; i++)
        fprintf(f, "%s%.1f,%.1f", i ? " " : "", X(r->t[i]),
                Y(history_model_at(s, r, r->t[i]) * pct));
    fputs("\"/>\n", f);
    for (int k = 0; k < s->n; k++)
        if (s->year[k] >= t0 - 1e-9 && s->year[k] <= t1 + 1e-9)
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#d62728\"/>\n",
                    X(s->year[k]), Y(s->value[k] * pct));
    fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#1f77b4\" "
               "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">model (%s",
            W - 230, W - 210, 40, 40, W - 205, 44, var_table[s->var].name);
    if (s->scale != 1.0)
        fprintf(f, " x %g", s->scale);
    fprintf(f, ")</text>\n<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#d62728\"/>"
               "<text x=\"%d\" y=\"%d\">data</text>\n",
            W - 220, 24, W - 205, 28);
    fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">Source: ", L, H - 22);
    char src[100];
    snprintf(src, sizeof src, "%.95s%s", s->source, strlen(s->source) > 95 ? "..." : "");
    svg_text(f, src);
    fputs("</text>\n</svg>\n", f);
#undef X
#undef Y
}

sim_status history_write_charts(const history_spec *spec, const run_result *r, const char *dir,
                                sim_error *err)
{
    if (r->rows < 2)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "a chart needs two years or more");
    for (int i = 0; i < spec->nseries; i++) {
        char path[1200];
        snprintf(path, sizeof path, "%s/%s.svg", dir, spec->series[i].name);
        output_file of;
        sim_status st = output_open(&of, path, err);
        if (st != SIM_OK)
            return st;
        write_chart(of.f, &spec->series[i], r);
        st = output_commit(&of, err);
        if (st != SIM_OK)
            return st;
    }
    return SIM_OK;
}
