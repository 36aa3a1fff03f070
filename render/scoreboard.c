/* scoreboard.c: the workshop's scoreboard without drawing (see
 * scoreboard.h): the folder list, the teams and their figures, sorting, the
 * table's columns and the CSV. */
#define _XOPEN_SOURCE 700 /* realpath() */
#include "render/scoreboard.h"

#include <dirent.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/csv.h"
#include "render/strings.h"
#include "sim/files/output.h"
#include "sim/model/model.h"

/* Copies src into dst (capacity cap), truncating. */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memmove(dst, src, n);
    dst[n] = '\0';
}

/* The figures of run r (scenario sc) into t, in display units. */
static void team_figures(board_team *t, const board *b, const app *a, const scenario *sc,
                         const run_result *r)
{
    for (int y = 0; y < 2; y++)
        for (int k = 0; k < b->nkeys; k++)
            t->key[y][k] = var_display(&var_table[b->keys[k]], app_value_at(r, b->keys[k], b->years[y]));
    t->cost = a->v_spend_cum >= 0 && r->rows ? run_value(r, r->rows - 1, a->v_spend_cum) : NAN;
    t->peak = 0;
    t->over = 0;
    for (size_t i = 0; i < r->rows; i++) {
        if (a->v_spend >= 0)
            t->peak = fmax(t->peak, run_value(r, i, a->v_spend));
        if (a->v_over >= 0)
            t->over = fmax(t->over, run_value(r, i, a->v_over));
    }
    t->cap = a->v_cap >= 0 ? sc->value[a->v_cap] : 0;
    if (t->cap > 0 && t->peak > t->cap * (1 + 1e-9))
        t->over = fmax(t->over, t->peak - t->cap);
}

board *board_create(const app *a)
{
    board *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    run_result_init(&b->run);
    b->nkeys = a->nkeys < BOARD_KEYS_MAX ? a->nkeys : BOARD_KEYS_MAX;
    for (int k = 0; k < b->nkeys; k++)
        b->keys[k] = a->keys[k];
    b->years[0] = 2030;
    b->years[1] = a->base.rows ? a->base.t[a->base.rows - 1] : a->base_sc.end;
    b->sort_col = -1;
    copy_str(b->base.label, sizeof b->base.label, str_get(STR_BASELINE, 0));
    team_figures(&b->base, b, a, &a->base_sc, &a->base);
    return b;
}

void board_destroy(board *b)
{
    if (!b)
        return;
    run_result_release(&b->run);
    free(b);
}

static int cmp_entries(const void *x, const void *y)
{
    const board_entry *p = x, *q = y;
    if (p->kind != q->kind)
        return (int)p->kind - (int)q->kind;
    return strcmp(p->name, q->name);
}

int board_list(board *b, const char *dir)
{
    char real[PATH_MAX];
    if (realpath(dir, real))
        dir = real;
    if (dir != b->dir)
        copy_str(b->dir, sizeof b->dir, dir);
    b->nentries = 0;
    b->entry_sel = 0;
    b->entry_scroll = 0;
    DIR *d = opendir(b->dir);
    if (!d)
        return -1;
    if (strcmp(b->dir, "/") != 0) {
        b->entry[0].kind = BOARD_ENTRY_UP;
        copy_str(b->entry[0].name, sizeof b->entry[0].name, "..");
        b->nentries = 1;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL && b->nentries < BOARD_ENTRIES_MAX) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len >= sizeof b->entry[0].name)
            continue;
        char full[PATH_MAX + 256];
        snprintf(full, sizeof full, "%s/%s", b->dir, e->d_name);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        board_entry_kind kind;
        if (S_ISDIR(st.st_mode))
            kind = BOARD_ENTRY_DIR;
        else if (S_ISREG(st.st_mode) && len > 4 && strcmp(e->d_name + len - 4, ".ini") == 0)
            kind = BOARD_ENTRY_FILE;
        else
            continue;
        b->entry[b->nentries].kind = kind;
        memcpy(b->entry[b->nentries].name, e->d_name, len + 1);
        b->nentries++;
    }
    closedir(d);
    qsort(b->entry, (size_t)b->nentries, sizeof b->entry[0], cmp_entries);
    return b->nentries;
}

/* The full path of entry i into out; 0, or -1 when it does not fit. */
static int entry_path(const board *b, int i, char *out, size_t n)
{
    int w = snprintf(out, n, "%s%s%s", b->dir, strcmp(b->dir, "/") == 0 ? "" : "/", b->entry[i].name);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

sim_status board_activate(board *b, app *a, int i, sim_error *err)
{
    if (i < 0 || i >= b->nentries)
        return SIM_OK;
    char path[PATH_MAX + 256];
    if (b->entry[i].kind == BOARD_ENTRY_UP) {
        char *slash = strrchr(b->dir, '/');
        if (slash == b->dir)
            copy_str(path, sizeof path, "/");
        else if (slash)
            snprintf(path, sizeof path, "%.*s", (int)(slash - b->dir), b->dir);
        else
            copy_str(path, sizeof path, "..");
        board_list(b, path);
        return SIM_OK;
    }
    if (entry_path(b, i, path, sizeof path) != 0)
        return sim_error_set(err, SIM_EINVAL, b->entry[i].name, 0, "the path is too long");
    if (b->entry[i].kind == BOARD_ENTRY_DIR) {
        board_list(b, path);
        return SIM_OK;
    }
    int t = board_find(b, path);
    if (t >= 0) {
        board_remove(b, t);
        return SIM_OK;
    }
    return board_add(b, a, path, err);
}

int board_find(const board *b, const char *path)
{
    for (int i = 0; i < b->nteams; i++)
        if (strcmp(b->team[i].path, path) == 0)
            return i;
    return -1;
}

/* Loads, validates and runs the scenario at path into t (label, path,
 * figures); on failure t is unchanged. */
static sim_status team_load(board *b, app *a, const char *path, board_team *t, sim_error *err)
{
    scenario *sc = malloc(sizeof *sc);
    if (!sc)
        return sim_error_set(err, SIM_ENOMEM, path, 0, "out of memory");
    scenario_init(sc);
    sim_status st = scenario_load(sc, path, err);
    if (st == SIM_OK)
        st = scenario_validate(sc, err);
    if (st == SIM_OK)
        st = runner_run(a->rn, sc, NULL, &b->run, err);
    if (st != SIM_OK) {
        free(sc);
        return st;
    }
    char keep[1024];
    copy_str(keep, sizeof keep, path); /* path may be t->path */
    memset(t, 0, sizeof *t);
    if (sc->name[0] && strcmp(sc->name, "Baseline") != 0) {
        copy_str(t->label, sizeof t->label, sc->name);
    } else {
        const char *s = strrchr(keep, '/');
        copy_str(t->label, sizeof t->label, s ? s + 1 : keep);
        size_t len = strlen(t->label);
        if (len > 4 && strcmp(t->label + len - 4, ".ini") == 0)
            t->label[len - 4] = '\0';
    }
    copy_str(t->path, sizeof t->path, keep);
    team_figures(t, b, a, sc, &b->run);
    free(sc);
    return SIM_OK;
}

int board_reload(board *b, app *a, sim_error *err)
{
    int failed = 0;
    for (int i = 0; i < b->nteams; i++) {
        board_team t;
        if (team_load(b, a, b->team[i].path, &t, err) == SIM_OK)
            b->team[i] = t;
        else
            failed++;
    }
    board_sort(b, b->sort_col, b->sort_desc);
    return failed;
}

sim_status board_add(board *b, app *a, const char *path, sim_error *err)
{
    if (b->nteams >= BOARD_TEAMS_MAX)
        return sim_error_set(err, SIM_EINVAL, path, 0, "%s (%d)", board_text(BOARD_STR_FULL, a->swedish),
                             BOARD_TEAMS_MAX);
    if (board_find(b, path) >= 0)
        return sim_error_set(err, SIM_EINVAL, path, 0, "%s", board_text(BOARD_STR_ALREADY, a->swedish));
    sim_status st = team_load(b, a, path, &b->team[b->nteams], err);
    if (st != SIM_OK)
        return st;
    b->order[b->nteams] = b->nteams;
    b->nteams++;
    board_sort(b, b->sort_col, b->sort_desc);
    return SIM_OK;
}

int board_add_all(board *b, app *a, int *failed, sim_error *err)
{
    int added = 0, bad = 0;
    for (int i = 0; i < b->nentries; i++) {
        char path[PATH_MAX + 256];
        if (b->entry[i].kind != BOARD_ENTRY_FILE || entry_path(b, i, path, sizeof path) != 0 ||
            board_find(b, path) >= 0)
            continue;
        if (b->nteams >= BOARD_TEAMS_MAX) {
            bad++;
            sim_error_set(err, SIM_EINVAL, path, 0, "%s (%d)", board_text(BOARD_STR_FULL, a->swedish),
                          BOARD_TEAMS_MAX);
            continue;
        }
        sim_error one; /* a later file that loads must not clear a failure */
        if (board_add(b, a, path, &one) == SIM_OK) {
            added++;
        } else {
            bad++;
            if (err != NULL)
                *err = one;
        }
    }
    if (failed)
        *failed = bad;
    return added;
}

void board_remove(board *b, int i)
{
    if (i < 0 || i >= b->nteams)
        return;
    memmove(&b->team[i], &b->team[i + 1], (size_t)(b->nteams - i - 1) * sizeof b->team[0]);
    b->nteams--;
    for (int k = 0; k < b->nteams; k++)
        b->order[k] = k;
    board_sort(b, b->sort_col, b->sort_desc);
}

void board_clear(board *b)
{
    b->nteams = 0;
}

int board_ncols(const board *b)
{
    return 1 + 2 * b->nkeys + 3;
}

board_col_kind board_col_kind_of(const board *b, int col)
{
    (void)b;
    return col <= 0   ? BOARD_COL_TEAM
           : col == 1 ? BOARD_COL_COST
           : col == 2 ? BOARD_COL_PEAK
           : col == 3 ? BOARD_COL_STATUS
                      : BOARD_COL_KEY;
}

int board_col_key(const board *b, int col)
{
    return board_col_kind_of(b, col) == BOARD_COL_KEY ? (col - 4) / 2 : -1;
}

int board_col_year(const board *b, int col)
{
    return board_col_kind_of(b, col) == BOARD_COL_KEY ? (col - 4) % 2 : -1;
}

double board_value(const board_team *t, const board *b, int col)
{
    switch (board_col_kind_of(b, col)) {
    case BOARD_COL_KEY: return t->key[board_col_year(b, col)][board_col_key(b, col)];
    case BOARD_COL_COST: return t->cost;
    case BOARD_COL_PEAK: return t->peak;
    case BOARD_COL_STATUS: return t->over;
    case BOARD_COL_TEAM: break;
    }
    return NAN;
}

/* -1, 0, +1 as team p comes before, with, after team q in column col,
 * ascending; NAN after every number. */
static int compare_teams(const board *b, int col, const board_team *p, const board_team *q, int desc)
{
    if (board_col_kind_of(b, col) == BOARD_COL_TEAM) {
        int c = strcasecmp(p->label, q->label);
        return desc ? -c : c;
    }
    double x = board_value(p, b, col), y = board_value(q, b, col);
    if (isnan(x) || isnan(y))
        return isnan(x) - isnan(y); /* missing last, whichever the direction */
    int c = x < y ? -1 : x > y ? 1 : 0;
    return desc ? -c : c;
}

void board_sort(board *b, int col, int desc)
{
    b->sort_col = col >= 0 && col < board_ncols(b) ? col : -1;
    b->sort_desc = desc;
    for (int i = 0; i < b->nteams; i++)
        b->order[i] = i;
    if (b->sort_col < 0)
        return;
    /* Insertion sort: stable, and a board holds a handful of teams. */
    for (int i = 1; i < b->nteams; i++)
        for (int j = i; j > 0 && compare_teams(b, b->sort_col, &b->team[b->order[j]],
                                               &b->team[b->order[j - 1]], desc) < 0;
             j--) {
            int t = b->order[j];
            b->order[j] = b->order[j - 1];
            b->order[j - 1] = t;
        }
}

void board_click_col(board *b, int col)
{
    if (col < 0 || col >= board_ncols(b))
        return;
    b->reveal_sort = 1;
    if (col == b->sort_col) {
        board_sort(b, col, !b->sort_desc);
        return;
    }
    int desc = 0;
    if (board_col_kind_of(b, col) == BOARD_COL_KEY)
        desc = var_table[b->keys[board_col_key(b, col)]].better > 0;
    board_sort(b, col, desc);
}

int board_shown_cols(const board *b, int *cols)
{
    int n = 0;
    for (int c = 0; c < board_ncols(b); c++) {
        int y = board_col_year(b, c);
        if (y == 0 && b->show_years == BOARD_YEARS_END)
            continue;
        if (y == 1 && b->show_years == BOARD_YEARS_MID)
            continue;
        cols[n++] = c;
    }
    return n;
}

int board_folder_folded(const board *b, int presenting)
{
    if (b->folder_choice == 1)
        return 0;
    if (b->folder_choice == 2)
        return 1;
    return presenting && b->nteams > 0;
}

int board_fit_cols(const int *w, int n, int frozen, int first, int avail)
{
    if (frozen > n)
        frozen = n;
    for (int i = 0; i < frozen; i++)
        avail -= w[i];
    int fit = 0;
    for (int i = frozen + (first > 0 ? first : 0); i < n; i++) {
        if (w[i] > avail && fit > 0)
            break;
        avail -= w[i];
        fit++;
    }
    return fit;
}

/* One row of the CSV: the team's label, file, figures and status. */
static void csv_row(FILE *f, const board *b, const board_team *t, const char *rank, int sv, char sep)
{
    char num[64];
    output_csv_field_sep(f, rank, sep);
    fputc(sep, f);
    output_csv_field_sep(f, t->label, sep);
    fputc(sep, f);
    output_csv_field_sep(f, t->path, sep);
    for (int k = 0; k < b->nkeys; k++)
        for (int y = 0; y < 2; y++) {
            fputc(sep, f);
            fputs(output_number_lang(t->key[y][k], sv, num, sizeof num), f);
        }
    fprintf(f, "%c%s", sep, output_number_lang(t->cost, sv, num, sizeof num));
    fprintf(f, "%c%s", sep, output_number_lang(t->peak, sv, num, sizeof num));
    fprintf(f, "%c%s", sep, output_number_lang(t->cap, sv, num, sizeof num));
    fprintf(f, "%c%s", sep, output_number_lang(t->over, sv, num, sizeof num));
    fputc(sep, f);
    /* In words, as on screen: the amount over is the column before. */
    const char *status = t->over > 0  ? str_get(STR_OVER_CAP, sv)
                         : t->cap > 0 ? board_text(BOARD_STR_WITHIN, sv)
                                      : board_text(BOARD_STR_NO_CAP, sv);
    output_csv_field_sep(f, status, sep);
    fputc('\n', f);
}

sim_status board_export_csv(const board *b, const app *a, const char *path, sim_error *err)
{
    int sv = a->swedish;
    output_file of;
    sim_status st = output_open(&of, path, err);
    if (st != SIM_OK)
        return st;
    FILE *f = of.f;
    char sep = csv_begin(f, sv);
    fprintf(f, "# %s: %d\n", board_text(BOARD_STR_TITLE, sv), b->nteams);
    fprintf(f, "# %s: %s\n", board_text(BOARD_STR_FOLDER, sv), b->dir);
    csv_provenance(f, sv);
    fputs("# columns: rank,team,file", f);
    for (int k = 0; k < b->nkeys; k++)
        for (int y = 0; y < 2; y++)
            fprintf(f, ",%s:%.0f", var_table[b->keys[k]].name, b->years[y]);
    fputs(",cost_total,spend_peak,budget_cap,over_cap,budget_status\n", f);
    char head[512];
    output_csv_field_sep(f, board_text(BOARD_STR_RANK, sv), sep);
    fputc(sep, f);
    output_csv_field_sep(f, board_text(BOARD_STR_TEAM, sv), sep);
    fputc(sep, f);
    output_csv_field_sep(f, str_get(STR_FILE_PATH, sv), sep);
    for (int k = 0; k < b->nkeys; k++)
        for (int y = 0; y < 2; y++) {
            const char *unit = app_unit(a, b->keys[k]);
            if (*unit && strcmp(unit, "1") != 0)
                snprintf(head, sizeof head, "%s (%s) %.0f", app_label(a, b->keys[k]), unit, b->years[y]);
            else
                snprintf(head, sizeof head, "%s %.0f", app_label(a, b->keys[k]), b->years[y]);
            fputc(sep, f);
            output_csv_field_sep(f, head, sep);
        }
    char per_yr[32];
    str_unit("MSEK/yr", sv, per_yr, sizeof per_yr);
    snprintf(head, sizeof head, "%s (MSEK)", board_text(BOARD_STR_COST, sv));
    fputc(sep, f);
    output_csv_field_sep(f, head, sep);
    snprintf(head, sizeof head, "%s (%s)", board_text(BOARD_STR_PEAK, sv), per_yr);
    fputc(sep, f);
    output_csv_field_sep(f, head, sep);
    snprintf(head, sizeof head, "%s (%s)", str_get(STR_CAP, sv), per_yr);
    fputc(sep, f);
    output_csv_field_sep(f, head, sep);
    snprintf(head, sizeof head, "%s (%s)", str_get(STR_OVER_CAP, sv), per_yr);
    fputc(sep, f);
    output_csv_field_sep(f, head, sep);
    fputc(sep, f);
    output_csv_field_sep(f, board_text(BOARD_STR_STATUS, sv), sep);
    fputc('\n', f);
    board_team base = b->base;
    copy_str(base.label, sizeof base.label, str_get(STR_BASELINE, sv));
    csv_row(f, b, &base, "", sv, sep);
    for (int i = 0; i < b->nteams; i++) {
        char rank[16];
        snprintf(rank, sizeof rank, "%d", i + 1);
        csv_row(f, b, &b->team[b->order[i]], rank, sv, sep);
    }
    if (ferror(f)) {
        output_abort(&of);
        return sim_error_set(err, SIM_EIO, path, 0, "cannot write");
    }
    return output_commit(&of, err);
}

/* 1 when BASE.csv or BASE.png exists. */
static int export_taken(const char *base)
{
    char p[1200];
    snprintf(p, sizeof p, "%s.csv", base);
    if (access(p, F_OK) == 0)
        return 1;
    snprintf(p, sizeof p, "%s.png", base);
    return access(p, F_OK) == 0;
}

int board_export_base(const board *b, char *out, size_t n)
{
    char dir[1024], probe[1100];
    copy_str(dir, sizeof dir, b->dir);
    snprintf(probe, sizeof probe, "%s/x.ini", b->dir);
    if (!dir[0] || app_is_bundled(probe) || access(dir, W_OK) != 0) {
        if (app_user_dir(dir, sizeof dir) != 0)
            copy_str(dir, sizeof dir, ".");
    }
    for (int k = 1; k < 1000; k++) {
        int w = k == 1 ? snprintf(out, n, "%s/scoreboard", dir) : snprintf(out, n, "%s/scoreboard-%d", dir, k);
        if (w < 0 || (size_t)w + 4 >= n)
            return -1;
        if (!export_taken(out))
            return 0;
    }
    return -1;
}

static const char *const words[BOARD_STR_COUNT][2] = {
    [BOARD_STR_TITLE] = {"Scoreboard", "Resultattavla"},
    [BOARD_STR_BUTTON] = {"Scoreboard", "Resultattavla"},
    [BOARD_STR_FOLDER] = {"Folder", "Mapp"},
    [BOARD_STR_UP] = {"Up", "Upp"},
    [BOARD_STR_MINE] = {"My scenarios", "Mina scenarier"},
    [BOARD_STR_BUNDLED] = {"Bundled", "Medf\xC3\xB6ljande"},
    [BOARD_STR_ADD_ALL] = {"Add all", "L\xC3\xA4gg till alla"},
    [BOARD_STR_CLEAR] = {"Clear", "Rensa"},
    [BOARD_STR_HINT] = {"Click the teams' scenario files to put them on the board (again to take "
                        "them off); click a folder to open it.",
                        "Klicka p\xC3\xA5 lagens scenariofiler f\xC3\xB6r att s\xC3\xA4tta upp dem "
                        "(igen f\xC3\xB6r att ta bort); klicka p\xC3\xA5 en mapp f\xC3\xB6r att "
                        "\xC3\xB6ppna den."},
    [BOARD_STR_EMPTY] = {"No teams yet: pick their scenario files on the left.",
                         "Inga lag \xC3\xA4n: v\xC3\xA4lj deras scenariofiler till v\xC3\xA4nster."},
    [BOARD_STR_TEAM] = {"Team", "Lag"},
    [BOARD_STR_RANK] = {"#", "#"},
    [BOARD_STR_COST] = {"Cost, total", "Kostnad, totalt"},
    [BOARD_STR_PEAK] = {"Peak per year", "H\xC3\xB6gsta per \xC3\xA5r"},
    [BOARD_STR_STATUS] = {"Budget", "Budget"},
    [BOARD_STR_WITHIN] = {"within cap", "inom taket"},
    /* printf format: the amount over the cap (text) */
    [BOARD_STR_OVER_FMT] = {"%s over", "%s \xC3\xB6ver"},
    [BOARD_STR_NO_CAP] = {"no cap", "inget tak"},
    [BOARD_STR_YEARS_BOTH] = {"Both", "B\xC3\xA5""da"},
    [BOARD_STR_SORT_HINT] = {"Click a column's head to rank by it (again: the other way round).",
                             "Klicka p\xC3\xA5 en kolumnrubrik f\xC3\xB6r att rangordna efter den "
                             "(igen: omv\xC3\xA4nt)."},
    /* printf format: the files' base name (text) */
    [BOARD_STR_EXPORTED_FMT] = {"Scoreboard exported: %s.csv and .png",
                                "Resultattavlan exporterad: %s.csv och .png"},
    /* printf format: how many files were added (int) */
    [BOARD_STR_ADDED_FMT] = {"%d added", "%d tillagda"},
    [BOARD_STR_FULL] = {"the scoreboard is full", "resultattavlan \xC3\xA4r full"},
    /* printf format: first shown, last shown, all (ints) */
    [BOARD_STR_COLS_FMT] = {"columns %d\xE2\x80\x93%d of %d", "kolumn %d\xE2\x80\x93%d av %d"},
    [BOARD_STR_PRESENT] = {"Present", "Presentera"},
    [BOARD_STR_LEVERS_SHOW] = {"\xE2\x96\xB6 Levers", "\xE2\x96\xB6 Styrmedel"},
    [BOARD_STR_LEVERS_HIDE] = {"\xE2\x97\x80 Levers", "\xE2\x97\x80 Styrmedel"},
    [BOARD_STR_NOT_READ] = {"cannot read the folder", "kan inte l\xC3\xA4sa mappen"},
    [BOARD_STR_RANKED_BY] = {"ranked by", "rangordnat efter"},
    [BOARD_STR_ALREADY] = {"already on the scoreboard", "finns redan p\xC3\xA5 resultattavlan"},
    [BOARD_STR_NO_NAME] = {"no free file name for the export", "inget ledigt filnamn f\xC3\xB6r exporten"},
    /* printf format: how many teams (int), then the last error (text) */
    [BOARD_STR_RELOAD_FAILED_FMT] = {"%d team files could not be read again (their last figures are "
                                     "shown): %s",
                                     "%d lagfiler kunde inte l\xC3\xA4sas igen (deras senaste siffror "
                                     "visas): %s"},
    [BOARD_STR_FOLDER_SHOW] = {"\xE2\x96\xB6 Folder", "\xE2\x96\xB6 Mapp"},
    [BOARD_STR_FOLDER_HIDE] = {"\xE2\x97\x80 Folder", "\xE2\x97\x80 Mapp"},
};

const char *board_text(board_str id, int swedish)
{
    if ((int)id < 0 || id >= BOARD_STR_COUNT)
        return "";
    const char *s = words[id][swedish ? 1 : 0];
    return s ? s : words[id][0];
}
