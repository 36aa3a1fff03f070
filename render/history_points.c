/* history_points.c: observed series as points on the graphs (see
 * history_points.h). The fit's loader reads the spec and the data; the
 * source of each year is read here from the data file's source column,
 * since a series may change source (population: Eurostat, then SCB). */
#include "render/history_points.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render/fmt.h"
#include "sim/files/datadir.h"
#include "sim/files/output.h"

#ifndef TRANSIM_ASSETS_DIR
#define TRANSIM_ASSETS_DIR "assets"
#endif

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The first spec that exists, into buf; 0 when none does. */
static int find_spec(char *buf, size_t n)
{
    char cand[4][1200];
    int nc = 0;
    const char *env = getenv("TRANSIM_HISTORY");
    if (env && *env)
        snprintf(cand[nc++], sizeof cand[0], "%s", env);
    snprintf(cand[nc++], sizeof cand[0], "%s", "assets/history/fit.ini");
    snprintf(cand[nc++], sizeof cand[0], "%s", TRANSIM_ASSETS_DIR "/history/fit.ini");
    char sc[1024];
    if (datadir_scenarios(sc, sizeof sc))
        snprintf(cand[nc++], sizeof cand[0], "%.1024s/../history/fit.ini", sc);
    for (int i = 0; i < nc; i++)
        if (is_file(cand[i]) && strlen(cand[i]) < n) {
            memcpy(buf, cand[i], strlen(cand[i]) + 1);
            return 1;
        }
    return 0;
}

/* Splits a CSV line into at most nf fields in place, with "quoted" fields
 * (a doubled quote inside is one quote). Returns the number of fields. */
static int split_csv(char *s, char **field, int nf)
{
    int n = 0;
    while (n < nf) {
        char *out = s;
        field[n++] = s;
        if (*s == '"') {
            s++;
            while (*s && !(*s == '"' && s[1] != '"')) {
                if (*s == '"')
                    s++;
                *out++ = *s++;
            }
            if (*s == '"')
                s++;
        }
        while (*s && *s != ',' && *s != '\n' && *s != '\r')
            *out++ = *s++;
        int more = *s == ',';
        *out = '\0';
        if (!more)
            break;
        s++;
    }
    return n;
}

/* Each point's own source, from the data file's rows: the fifth column,
 * and the optional sixth (source_sv) for the Swedish. */
static void read_sources(hist_data *h)
{
    FILE *f = fopen(h->spec.data_path, "r");
    if (f == NULL)
        return;
    char line[2048];
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[6];
        int nf = split_csv(line, field, 6);
        if (nf < 5)
            continue;
        double year = strtod(field[0], NULL);
        for (int s = 0; s < h->spec.nseries; s++) {
            const history_series *hs = &h->spec.series[s];
            if (strcmp(hs->name, field[1]) != 0)
                continue;
            for (int i = 0; i < hs->n; i++)
                if (hs->year[i] == year) {
                    snprintf(h->source[s][i], sizeof h->source[s][i], "%s", field[4]);
                    if (nf == 6)
                        snprintf(h->source_sv[s][i], sizeof h->source_sv[s][i], "%s",
                                 field[5]);
                }
        }
    }
    fclose(f);
}

sim_status hist_load(hist_data *h, const char *path, sim_error *err)
{
    char found[1200];
    sim_error_clear(err);
    if (path == NULL) {
        if (!find_spec(found, sizeof found)) {
            h->state = -1;
            sim_error none;
            sim_error_set(&none, SIM_EIO, NULL, 0, "no history/fit.ini found");
            sim_error_format(&none, h->msg, sizeof h->msg);
            if (err != NULL)
                *err = none;
            return SIM_EIO;
        }
        path = found;
    }
    sim_status st = history_spec_load(&h->spec, path, err);
    if (st != SIM_OK) {
        h->state = -1;
        sim_error_format(err, h->msg, sizeof h->msg);
        return st;
    }
    memset(h->source, 0, sizeof h->source);
    memset(h->source_sv, 0, sizeof h->source_sv);
    read_sources(h);
    for (int k = 0; k < h->spec.nseries; k++)
        hist_points(&h->spec.series[k], h->pt[k], h->pv[k], HISTORY_YEARS_MAX);
    h->state = 1;
    h->msg[0] = '\0';
    return SIM_OK;
}

const history_series *hist_series_of(const hist_data *h, int var)
{
    if (h == NULL || h->state != 1)
        return NULL;
    for (int i = 0; i < h->spec.nseries; i++)
        if (h->spec.series[i].var == var && h->spec.series[i].n > 0)
            return &h->spec.series[i];
    return NULL;
}

chart_dots hist_dots(const hist_data *h, int var, ui_color color, const char *label)
{
    chart_dots d = {0};
    const history_series *s = hist_series_of(h, var);
    if (s == NULL)
        return d;
    int k = (int)(s - h->spec.series);
    d.t = h->pt[k];
    d.v = h->pv[k];
    d.n = s->n;
    d.color = color;
    d.label = label;
    return d;
}

const char *hist_source(const hist_data *h, const history_series *s, int i, int swedish)
{
    int k = (int)(s - h->spec.series);
    if (k < 0 || k >= h->spec.nseries || i < 0 || i >= s->n)
        return s->source;
    if (swedish && h->source_sv[k][i][0])
        return h->source_sv[k][i];
    return h->source[k][i][0] ? h->source[k][i] : s->source;
}

/* Datum i of s as a value of its model variable, display units. */
static double point_value(const history_series *s, int i)
{
    double scale = s->scale != 0 ? s->scale : 1;
    return var_display(&var_table[s->var], s->value[i] / scale);
}

int hist_points(const history_series *s, double *t, double *v, int cap)
{
    int n = 0;
    for (int i = 0; i < s->n && n < cap; i++) {
        t[n] = s->year[i];
        v[n] = point_value(s, i);
        n++;
    }
    return n;
}

char *hist_tooltip(char *buf, size_t n, const hist_data *h, const history_series *s, int i,
                   const char *label, const char *unit, int swedish)
{
    char v[64], raw[64];
    int share = strcmp(var_table[s->var].unit, "1") == 0;
    fmt_value(v, sizeof v, point_value(s, i), swedish);
    int w = snprintf(buf, n, "%s %.0f\n%s: %s%s%s", swedish ? "Observerat" : "Observed", s->year[i],
                     label, v, *unit ? " " : "", unit);
    if (w < 0 || (size_t)w >= n)
        return buf;
    if (s->scale != 0 && s->scale != 1) {
        /* The datum measures something else, mapped onto the model's variable
         * by a fixed ratio (assets/history/README.md). */
        double d = share ? 100 * s->value[i] : s->value[i];
        fmt_value(raw, sizeof raw, d, swedish);
        char sc[32];
        snprintf(sc, sizeof sc, "%g", s->scale); /* the ratio exactly, as fit.ini has it */
        output_decimal_comma(sc, swedish);
        snprintf(buf + w, n - (size_t)w,
                 swedish ? "\nData: %s%s, ritat som data / %s (regeln i assets/history/README.md)"
                         : "\nData: %s%s, drawn as data / %s (the rule of assets/history/README.md)",
                 raw, share ? " %" : "", sc);
        w = (int)strlen(buf);
    }
    snprintf(buf + w, n - (size_t)w, "\n%s: %s", swedish ? "K\xC3\xA4lla" : "Source", hist_source(h, s, i, swedish));
    return buf;
}
