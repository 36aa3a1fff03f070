/* app.c: the simulator's state and its changes (see app.h). No drawing. */
#include "render/app.h"
#include "render/csv.h"
#include "render/scoreboard.h"
#include "render/strings.h"

#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/files/link.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif
#include "sim/files/output.h"
#include "sim/model/model.h"

/* Copies src into dst (capacity cap), truncating; src may overlap dst. */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memmove(dst, src, n);
    dst[n] = '\0';
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void app_status(app *a, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->status, sizeof a->status, fmt, ap);
    va_end(ap);
    a->status_error = error;
}

/* The lists the interface offers, all taken from the model table. */
static void collect_vars(app *a)
{
    a->nind = 0;
    a->nkeys = 0;
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].kind == VAR_INDICATOR)
            a->ind[a->nind++] = i;
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].kind == VAR_STOCK)
            a->ind[a->nind++] = i;
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].key && (var_table[i].kind == VAR_INDICATOR ||
                                 var_table[i].kind == VAR_STOCK ||
                                 var_table[i].kind == VAR_AUX))
            a->keys[a->nkeys++] = i;
    a->v_spend = var_find_budget(BUDGET_SPEND);
    a->v_spend_cum = var_find_budget(BUDGET_CUMULATIVE);
    a->v_over = var_find_budget(BUDGET_OVER);
    a->v_cap = var_find_budget(BUDGET_CAP);

    /* The graphs start on the key indicators, then the other indicators in
     * table order. */
    int used[VAR_COUNT] = {0};
    int g = 0;
    for (int k = 0; k < a->nkeys && g < APP_GRAPHS_MAX; k++)
        for (int j = 0; j < a->nind; j++)
            if (a->ind[j] == a->keys[k] && !used[j]) {
                a->graph_sel[g++] = j;
                used[j] = 1;
            }
    for (int j = 0; j < a->nind && g < APP_GRAPHS_MAX; j++)
        if (!used[j]) {
            a->graph_sel[g++] = j;
            used[j] = 1;
        }
    while (g < APP_GRAPHS_MAX) {
        a->graph_sel[g] = g < a->nind ? g : 0;
        g++;
    }
}

app *app_create(sim_error *err)
{
    app *a = calloc(1, sizeof *a);
    if (!a) {
        sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    a->undo = calloc(APP_UNDO_MAX, sizeof *a->undo);
    a->redo = calloc(APP_UNDO_MAX, sizeof *a->redo);
    a->rn = runner_create();
    if (!a->undo || !a->redo || !a->rn) {
        sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
        app_destroy(a);
        return NULL;
    }
    run_result_init(&a->base);
    run_result_init(&a->cur);
    run_result_init(&a->scratch);
    a->band_stamp = -1;
    a->band_posted = -1;
    a->band_threads = 2;
    a->why_var = -1;
    a->why_stamp = -1;
    a->why_year_sel = 1;
    a->history = 1;
    for (int i = 0; i < APP_COMPARE_MAX; i++)
        run_result_init(&a->compare[i].res);
    for (int i = 0; i < VAR_COUNT; i++)
        str_unit(var_display_unit(&var_table[i]), 1, a->unit_sv[i], sizeof a->unit_sv[i]);
    scenario_init(&a->base_sc);
    a->sc = a->base_sc;
    a->clean = a->sc;
    a->zoom = 1.0f;
    a->ngraphs = 4;
    a->detail_var = -1;
    a->detail_filled = -1;
    for (int i = 0; i < APP_GROUPS_MAX; i++)
        a->group_open[i] = 1;
    collect_vars(a);
    snprintf(a->dir, sizeof a->dir, "%s", ".");
    if (runner_run(a->rn, &a->base_sc, NULL, &a->base, err) != SIM_OK) {
        app_destroy(a);
        return NULL;
    }
    if (app_rerun(a) != SIM_OK) {
        sim_error_set(err, SIM_ENUMERIC, NULL, 0, "%s", a->run_msg);
        app_destroy(a);
        return NULL;
    }
    return a;
}

void app_destroy(app *a)
{
    if (!a)
        return;
    runner_destroy(a->rn);
    run_result_release(&a->base);
    run_result_release(&a->cur);
    run_result_release(&a->scratch);
    for (int i = 0; i < APP_COMPARE_MAX; i++)
        run_result_release(&a->compare[i].res);
    app_bands_release(a);
    board_destroy(a->board);
    app_why_release(a);
    free(a->undo);
    free(a->redo);
    free(a);
}

sim_status app_rerun(app *a)
{
    sim_error err;
    sim_error_clear(&err);
    double t0 = now_ms();
    sim_status st = runner_run(a->rn, &a->sc, NULL, &a->scratch, &err);
    a->run_ms = now_ms() - t0;
    a->runs++;
    if (st != SIM_OK) {
        a->run_failed = 1;
        sim_error_format_lang(&err, a->swedish, a->run_msg, sizeof a->run_msg);
        app_status(a, 1, "%s", a->run_msg);
        return st;
    }
    run_result t = a->cur;
    a->cur = a->scratch;
    a->scratch = t;
    if (a->run_failed)
        a->status[0] = '\0';
    a->run_failed = 0;
    a->run_msg[0] = '\0';
    return SIM_OK;
}

sim_status app_open(app *a, const char *path, sim_error *err)
{
    scenario *tmp = malloc(sizeof *tmp);
    if (!tmp)
        return sim_error_set(err, SIM_ENOMEM, path, 0, "out of memory");
    scenario_init(tmp);
    sim_status st = scenario_load(tmp, path, err);
    if (st == SIM_OK)
        st = scenario_validate(tmp, err);
    if (st != SIM_OK) {
        free(tmp);
        return st;
    }
    scenario old = a->sc;
    a->sc = *tmp;
    free(tmp);
    if (app_rerun(a) != SIM_OK) {
        st = sim_error_set(err, SIM_ENUMERIC, path, 0, "%s", a->run_msg);
        a->sc = old;
        app_rerun(a);
        return st;
    }
    a->clean = a->sc;
    a->nundo = a->nredo = 0;
    a->undo_group = 0;
    a->detail_var = -1;
    copy_str(a->path, sizeof a->path, path);
    return SIM_OK;
}

sim_status app_restore(app *a, const char *path, const char *origin, sim_error *err)
{
    sim_status st = app_open(a, path, err);
    if (st != SIM_OK)
        return st;
    a->path[0] = '\0';
    a->clean = a->base_sc; /* unsaved until the user saves it somewhere */
    a->clean.name[0] = '\0';
    if (!origin || !origin[0])
        return SIM_OK;
    copy_str(a->path, sizeof a->path, origin);
    /* Unsaved against what the file holds now; a file gone or unreadable
     * since leaves the copy all unsaved (Save writes the file anew). */
    scenario *tmp = malloc(sizeof *tmp);
    sim_error ignored;
    sim_error_clear(&ignored);
    if (tmp) {
        scenario_init(tmp);
        if (scenario_load(tmp, origin, &ignored) == SIM_OK)
            a->clean = *tmp;
        free(tmp);
    }
    return SIM_OK;
}

sim_status app_open_link(app *a, const char *link, sim_error *err)
{
    scenario *tmp = malloc(sizeof *tmp);
    if (!tmp)
        return sim_error_set(err, SIM_ENOMEM, "link", 0, "out of memory");
    sim_status st = link_parse(tmp, link, err);
    if (st != SIM_OK) {
        free(tmp);
        return st;
    }
    scenario old = a->sc;
    a->sc = *tmp;
    free(tmp);
    if (app_rerun(a) != SIM_OK) {
        st = sim_error_set(err, SIM_ENUMERIC, "link", 0, "%s", a->run_msg);
        a->sc = old;
        app_rerun(a);
        return st;
    }
    a->nundo = a->nredo = 0;
    a->undo_group = 0;
    a->detail_var = -1;
    a->path[0] = '\0';
    a->clean = a->base_sc; /* unsaved until the user saves it somewhere */
    a->clean.name[0] = '\0';
    return SIM_OK;
}

sim_status app_save(app *a, const char *path, sim_error *err)
{
    if (app_is_read_only(path))
        return sim_error_set(err, SIM_EIO, path, 0, "%s",
                             str_get(STR_READ_ONLY, a->swedish));
    sim_status st = scenario_save(&a->sc, path, err);
    if (st != SIM_OK)
        return st;
    a->clean = a->sc;
    copy_str(a->path, sizeof a->path, path);
#ifdef __EMSCRIPTEN__
    EM_ASM({ transimDownload(UTF8ToString($0)); }, path); /* web/app.js */
#endif
    return SIM_OK;
}

int app_dirty(const app *a)
{
    const scenario *x = &a->sc, *y = &a->clean;
    if (x->start != y->start || x->end != y->end || strcmp(x->name, y->name) != 0)
        return 1;
    return memcmp(x->value, y->value, sizeof x->value) != 0 ||
           memcmp(x->lever_start, y->lever_start, sizeof x->lever_start) != 0 ||
           memcmp(x->lever_ramp, y->lever_ramp, sizeof x->lever_ramp) != 0;
}

/* The file name of path without directory and ".ini". */
static void base_name(const char *path, char *buf, size_t n)
{
    const char *s = strrchr(path, '/');
    s = s ? s + 1 : path;
    snprintf(buf, n, "%s", s);
    size_t len = strlen(buf);
    if (len > 4 && strcmp(buf + len - 4, ".ini") == 0)
        buf[len - 4] = '\0';
}

int app_set_graphs(app *a, const char *list, char *msg, size_t n)
{
    int sel[APP_GRAPHS_MAX], k = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        char name[64];
        if (len == 0 || len >= sizeof name) {
            snprintf(msg, n, "graphs '%s': an empty or overlong name", list);
            return -1;
        }
        memcpy(name, p, len);
        name[len] = '\0';
        int v = var_find(name), j = 0;
        while (j < a->nind && a->ind[j] != v)
            j++;
        if (v < 0 || j == a->nind) {
            snprintf(msg, n, "'%s' is not an indicator or stock the graphs can show", name);
            return -1;
        }
        if (k == APP_GRAPHS_MAX) {
            snprintf(msg, n, "at most %d graphs", APP_GRAPHS_MAX);
            return -1;
        }
        sel[k++] = j;
        p += len;
        if (*p == ',')
            p++;
    }
    if (k == 0) {
        snprintf(msg, n, "no graphs named");
        return -1;
    }
    for (int g = 0; g < k; g++)
        a->graph_sel[g] = sel[g];
    if (k > 4)
        a->ngraphs = 6;
    return 0;
}

const char *app_scenario_name(const app *a, const char *name)
{
    /* The baseline's name comes from the file (or the table's default) in English. */
    if (strcmp(name, "Baseline") == 0)
        return str_get(STR_BASELINE, a->swedish);
    return name;
}

void app_title(const app *a, char *buf, size_t n)
{
    char stem[256], slug[256], file[1100] = "";
    const char *name = app_scenario_name(a, a->sc.name);
    if (a->path[0])
        base_name(a->path, stem, sizeof stem);
    if (!name[0] && a->path[0]) {
        name = stem;
    } else if (!name[0]) {
        name = str_get(STR_SCENARIO, a->swedish);
    } else if (a->path[0]) {
        /* The file too when the name does not say it (where Save writes). */
        app_slug(name, slug, sizeof slug);
        const char *leaf = strrchr(a->path, '/');
        if (strcmp(slug, stem) != 0)
            snprintf(file, sizeof file, " (%s)", leaf ? leaf + 1 : a->path);
    }
    snprintf(buf, n, "%s%s%s \xE2\x80\x94 transim", app_dirty(a) ? "\xE2\x80\xA2 " : "", name, file);
}

/* Records the state before a change, unless it continues the last group. */
static void push_undo(app *a, unsigned group)
{
    a->nredo = 0;
    if (group != 0 && group == a->undo_group && a->nundo > 0)
        return;
    a->undo_group = group;
    if (a->nundo == APP_UNDO_MAX) {
        memmove(a->undo, a->undo + 1, (APP_UNDO_MAX - 1) * sizeof *a->undo);
        a->nundo--;
    }
    a->undo[a->nundo++] = a->sc;
}

static int is_input(int var)
{
    var_kind k = var_table[var].kind;
    return k == VAR_LEVER || k == VAR_ASSUMPTION || k == VAR_PARAM || k == VAR_SETTING;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void app_set_value(app *a, int var, double value, unsigned group)
{
    if (var < 0 || var >= VAR_COUNT || !is_input(var) || !isfinite(value))
        return;
    const var_desc *d = &var_table[var];
    if (d->max > d->min)
        value = clamp(value, d->min, d->max);
    if (value == a->sc.value[var])
        return;
    push_undo(a, group);
    a->sc.value[var] = value;
    a->sc.set[var] = 1;
    app_rerun(a);
}

void app_set_start(app *a, int var, double year, unsigned group)
{
    if (var < 0 || var >= VAR_COUNT || var_table[var].kind != VAR_LEVER || !isfinite(year))
        return;
    year = clamp(round(year), a->sc.start, a->sc.end);
    if (year == a->sc.lever_start[var])
        return;
    push_undo(a, group);
    a->sc.lever_start[var] = year;
    a->sc.set[var] = 1;
    app_rerun(a);
}

void app_set_ramp(app *a, int var, double years, unsigned group)
{
    if (var < 0 || var >= VAR_COUNT || var_table[var].kind != VAR_LEVER || !isfinite(years))
        return;
    years = clamp(years, 0, a->sc.end - a->sc.start);
    if (years == a->sc.lever_ramp[var])
        return;
    push_undo(a, group);
    a->sc.lever_ramp[var] = years;
    a->sc.set[var] = 1;
    app_rerun(a);
}

static int var_is_default(const app *a, int var)
{
    return a->sc.value[var] == a->base_sc.value[var] &&
           a->sc.lever_start[var] == a->base_sc.lever_start[var] &&
           a->sc.lever_ramp[var] == a->base_sc.lever_ramp[var];
}

void app_reset_var(app *a, int var)
{
    if (var < 0 || var >= VAR_COUNT || !is_input(var) || var_is_default(a, var))
        return;
    push_undo(a, 0);
    a->sc.value[var] = a->base_sc.value[var];
    a->sc.lever_start[var] = a->base_sc.lever_start[var];
    a->sc.lever_ramp[var] = a->base_sc.lever_ramp[var];
    a->sc.set[var] = 0;
    app_rerun(a);
}

void app_reset_all(app *a)
{
    int any = 0;
    for (int v = 0; v < VAR_COUNT; v++)
        if (is_input(v) && var_table[v].kind != VAR_SETTING && !var_is_default(a, v))
            any = 1;
    if (!any)
        return;
    push_undo(a, 0);
    for (int v = 0; v < VAR_COUNT; v++) {
        if (!is_input(v) || var_table[v].kind == VAR_SETTING)
            continue;
        a->sc.value[v] = a->base_sc.value[v];
        a->sc.lever_start[v] = a->base_sc.lever_start[v];
        a->sc.lever_ramp[v] = a->base_sc.lever_ramp[v];
        a->sc.set[v] = 0;
    }
    app_rerun(a);
}

int app_undo(app *a)
{
    if (a->nundo == 0)
        return 0;
    if (a->nredo < APP_UNDO_MAX)
        a->redo[a->nredo++] = a->sc;
    a->sc = a->undo[--a->nundo];
    a->undo_group = 0;
    app_rerun(a);
    return 1;
}

int app_redo(app *a)
{
    if (a->nredo == 0)
        return 0;
    if (a->nundo < APP_UNDO_MAX)
        a->undo[a->nundo++] = a->sc;
    a->sc = a->redo[--a->nredo];
    a->undo_group = 0;
    app_rerun(a);
    return 1;
}

sim_status app_compare_add(app *a, const char *path, sim_error *err)
{
    if (a->ncompare >= APP_COMPARE_MAX)
        return sim_error_set(err, SIM_EINVAL, path, 0, "at most %d scenarios can be compared",
                             APP_COMPARE_MAX);
    app_compare *c = &a->compare[a->ncompare];
    scenario_init(&c->sc);
    sim_status st = scenario_load(&c->sc, path, err);
    if (st == SIM_OK)
        st = scenario_validate(&c->sc, err);
    if (st == SIM_OK)
        st = runner_run(a->rn, &c->sc, NULL, &c->res, err);
    if (st != SIM_OK)
        return st;
    if (c->sc.name[0] && strcmp(c->sc.name, "Baseline") != 0)
        copy_str(c->label, sizeof c->label, c->sc.name);
    else
        base_name(path, c->label, sizeof c->label);
    copy_str(c->path, sizeof c->path, path);
    a->ncompare++;
    return SIM_OK;
}

void app_compare_remove(app *a, int i)
{
    if (i < 0 || i >= a->ncompare)
        return;
    run_result keep = a->compare[i].res;
    for (int k = i; k < a->ncompare - 1; k++)
        a->compare[k] = a->compare[k + 1];
    a->ncompare--;
    /* The removed entry's memory moves to the free slot for reuse. */
    a->compare[a->ncompare].res = keep;
    a->compare[a->ncompare].res.rows = 0;
}

void app_compare_clear(app *a)
{
    while (a->ncompare > 0)
        app_compare_remove(a, a->ncompare - 1);
}

double app_value_at(const run_result *r, int var, double year)
{
    if (r->rows == 0 || year < r->t[0] - 1e-9 || year > r->t[r->rows - 1] + 1e-9)
        return NAN;
    size_t row = run_row_at(r, year);
    if (row == (size_t)-1)
        return NAN;
    return run_value(r, row, var);
}

const char *app_label(const app *a, int var)
{
    const var_desc *d = &var_table[var];
    const char *s = a->swedish ? d->label_sv : d->label_en;
    return s && *s ? s : d->name;
}

const char *app_desc(const app *a, int var)
{
    const var_desc *d = &var_table[var];
    const char *s = a->swedish && d->desc_sv && *d->desc_sv ? d->desc_sv : d->desc;
    return s ? s : "";
}

const char *app_unit(const app *a, int var)
{
    const char *u = a->swedish ? a->unit_sv[var] : var_display_unit(&var_table[var]);
    return u != NULL ? u : "";
}

double app_budget_full(double cap, double peak, const double *others, int nothers)
{
    if (cap > 0)
        return fmax(cap * 1.25, peak);
    double full = 0;
    for (int i = 0; i < nothers; i++)
        full = fmax(full, others[i]);
    return full > 0 ? fmax(full, peak) : 0;
}

int app_sets_nothing(const scenario *sc)
{
    for (int v = 0; v < VAR_COUNT; v++)
        if (sc->set[v])
            return 0;
    return sc->nseries == 0;
}

int app_is_share(int var)
{
    const var_desc *d = &var_table[var];
    return d->unit && strcmp(d->unit, "1") == 0 && strcmp(var_display_unit(d), "%") == 0;
}

sim_status app_export_csv(const app *a, const char *path, sim_error *err)
{
    int vars[APP_GRAPHS_MAX];
    int nv = 0;
    for (int g = 0; g < a->ngraphs; g++) {
        int v = a->ind[a->graph_sel[g]];
        int dup = 0;
        for (int k = 0; k < nv; k++)
            dup |= vars[k] == v;
        if (!dup)
            vars[nv++] = v;
    }
    int sv = a->swedish;
    const run_result *runs[2 + APP_COMPARE_MAX];
    const char *names[2 + APP_COMPARE_MAX], *ids[2 + APP_COMPARE_MAX];
    int nr = 0;
    /* The runs named as in the graphs' legend; the scenario's own name is
     * in the title line. */
    runs[nr] = &a->cur;
    ids[nr] = "scenario";
    names[nr++] = str_get(STR_SCENARIO, sv);
    runs[nr] = &a->base;
    ids[nr] = "baseline";
    names[nr++] = str_get(STR_BASELINE, sv);
    for (int i = 0; i < a->ncompare; i++) {
        runs[nr] = &a->compare[i].res;
        ids[nr] = names[nr] = a->compare[i].label;
        nr++;
    }
    output_file of;
    sim_status st = output_open(&of, path, err);
    if (st != SIM_OK)
        return st;
    FILE *f = of.f;
    char sep = csv_begin(f, sv);
    /* Title and provenance: what this is, from which model, when. */
    const char *scname = a->sc.name[0] ? a->sc.name : str_get(STR_SCENARIO, sv);
    fprintf(f, "# %s: %s\n", str_get(STR_EXPORT_CSV_TITLE, sv), scname);
    fprintf(f, "# %s: %s%s%s\n", str_get(STR_SCENARIO, sv), scname, a->path[0] ? ", " : "", a->path);
    csv_provenance(f, sv);
    fputs("# columns: year", f);
    for (int k = 0; k < nv; k++)
        for (int r = 0; r < nr; r++)
            fprintf(f, "%c%s:%s", sep, var_table[vars[k]].name, ids[r]);
    fputc('\n', f);
    char head[512], num[64];
    output_csv_field_sep(f, str_get(STR_YEAR, sv), sep);
    for (int k = 0; k < nv; k++)
        for (int r = 0; r < nr; r++) {
            const char *unit = app_unit(a, vars[k]);
            if (*unit && strcmp(unit, "1") != 0)
                snprintf(head, sizeof head, "%s (%s): %s", app_label(a, vars[k]), unit, names[r]);
            else
                snprintf(head, sizeof head, "%s: %s", app_label(a, vars[k]), names[r]);
            fputc(sep, f);
            output_csv_field_sep(f, head, sep);
        }
    fputc('\n', f);
    for (size_t row = 0; row < a->cur.rows; row++) {
        double year = a->cur.t[row];
        fputs(output_number_lang(year, sv, num, sizeof num), f);
        for (int k = 0; k < nv; k++)
            for (int r = 0; r < nr; r++) {
                fputc(sep, f);
                double v = var_display(&var_table[vars[k]], app_value_at(runs[r], vars[k], year));
                fputs(output_number_lang(v, sv, num, sizeof num), f);
            }
        fputc('\n', f);
    }
    if (ferror(f)) {
        output_abort(&of);
        return sim_error_set(err, SIM_EIO, path, 0, "cannot write");
    }
    return output_commit(&of, err);
}

static int cmp_names(const void *x, const void *y)
{
    return strcmp((const char *)x, (const char *)y);
}

int app_list_files(app *a, const char *dir)
{
    a->nfiles = 0;
    a->file_sel = 0;
    a->file_scroll = 0;
    copy_str(a->dir, sizeof a->dir, dir);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && a->nfiles < APP_FILES_MAX) {
        size_t len = strlen(e->d_name);
        if (len > 4 && len < sizeof a->files[0] && strcmp(e->d_name + len - 4, ".ini") == 0)
            memcpy(a->files[a->nfiles++], e->d_name, len + 1);
    }
    closedir(d);
    qsort(a->files, (size_t)a->nfiles, sizeof a->files[0], cmp_names);
    return a->nfiles;
}

double app_step_of(int var)
{
    const var_desc *d = &var_table[var];
    double range = d->max - d->min;
    if (!(range > 0))
        return 0;
    double raw = range / 100.0;
    double mag = pow(10.0, floor(log10(raw)));
    double f = raw / mag;
    double nice = f <= 1.0 + 1e-9 ? 1.0 : f <= 2.0 + 1e-9 ? 2.0 : f <= 5.0 + 1e-9 ? 5.0 : 10.0;
    return nice * mag;
}
