/* batch.c: scenario lists, key indicators and provenance headers shared by
 * the batch commands. */
#include "sim/studies/batch.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/model/model.h"
#include "transim_commit.h" /* TRANSIM_COMMIT, generated at build time */

#ifndef TRANSIM_VERSION
#define TRANSIM_VERSION "unknown"
#endif

const double batch_summary_years[BATCH_SUMMARY_YEARS] = {2030.0, 2040.0, 2050.0};

size_t batch_key_vars(int *ids, size_t cap)
{
    size_t n = 0;
    for (int i = 0; i < VAR_COUNT; i++) {
        if (!var_table[i].key)
            continue;
        if (n < cap)
            ids[n] = i;
        n++;
    }
    return n;
}

void batch_manifest_line(FILE *f, const char *key, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (char *p = buf; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    fprintf(f, "# %s: %s\n", key, buf);
}

void batch_manifest(FILE *f, const char *command, const run_opts *opts)
{
    batch_manifest_line(f, "program", "transim %s (commit %s)", TRANSIM_VERSION, TRANSIM_COMMIT);
    batch_manifest_line(f, "model", "%s %s", MODEL_NAME, MODEL_VERSION);
    batch_manifest_line(f, "command", "%s", command);
    char years[64] = "";
    if (!isnan(opts->from) || !isnan(opts->to)) {
        int w = 0;
        if (!isnan(opts->from))
            w = snprintf(years, sizeof years, " from=%g", opts->from);
        if (!isnan(opts->to) && w >= 0 && (size_t)w < sizeof years)
            snprintf(years + w, sizeof years - (size_t)w, " to=%g", opts->to);
    }
    if (opts->method == ODE_ADAPTIVE)
        batch_manifest_line(f, "solver", "%s rtol=%g step=%g%s", ode_method_name(opts->method),
                            opts->rtol, opts->step, years);
    else
        batch_manifest_line(f, "solver", "%s dt=%g step=%g%s", ode_method_name(opts->method),
                            opts->dt, opts->step, years);
}

void batch_files_release(batch_files *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->paths[i]);
        free(b->names[i]);
    }
    free(b->paths);
    free(b->names);
    memset(b, 0, sizeof *b);
}

static int batch_push(batch_files *b, size_t *cap, const char *path)
{
    if (b->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        char **p = realloc(b->paths, nc * sizeof *p);
        if (p == NULL)
            return 0;
        b->paths = p;
        char **q = realloc(b->names, nc * sizeof *q);
        if (q == NULL)
            return 0;
        b->names = q;
        *cap = nc;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".ini") == 0)
        len -= 4;
    char *name = malloc(len + 5);
    char *copy = strdup(path);
    if (name == NULL || copy == NULL) {
        free(name);
        free(copy);
        return 0;
    }
    memcpy(name, base, len);
    memcpy(name + len, ".csv", 5);
    b->paths[b->n] = copy;
    b->names[b->n] = name;
    b->n++;
    return 1;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_ini(const char *name)
{
    size_t len = strlen(name);
    return len > 4 && name[0] != '.' && strcmp(name + len - 4, ".ini") == 0;
}

/* Appends the *.ini files of dir, sorted. */
static sim_status batch_add_dir(batch_files *b, size_t *cap, const char *dir, sim_error *err)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return sim_error_set(err, SIM_EIO, dir, 0, "cannot read directory: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, ncap = 0;
    struct dirent *e;
    sim_status st = SIM_OK;
    while ((e = readdir(d)) != NULL) {
        if (!is_ini(e->d_name))
            continue;
        if (n == ncap) {
            ncap = ncap ? ncap * 2 : 64;
            char **p = realloc(names, ncap * sizeof *p);
            if (p == NULL) {
                st = SIM_ENOMEM;
                break;
            }
            names = p;
        }
        names[n] = strdup(e->d_name);
        if (names[n] == NULL) {
            st = SIM_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (st == SIM_OK && n == 0)
        st = sim_error_set(err, SIM_EIO, dir, 0, "no scenario files (*.ini) in the directory");
    if (st == SIM_OK)
        qsort(names, n, sizeof *names, name_cmp);
    size_t dlen = strlen(dir);
    int slash = dlen > 0 && dir[dlen - 1] == '/';
    for (size_t i = 0; i < n && st == SIM_OK; i++) {
        size_t len = dlen + 1 + strlen(names[i]) + 1;
        char *path = malloc(len);
        if (path == NULL) {
            st = SIM_ENOMEM;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, slash ? "" : "/", names[i]);
        if (!batch_push(b, cap, path))
            st = SIM_ENOMEM;
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (st == SIM_ENOMEM)
        sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
    return st;
}

static int ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

sim_status batch_files_collect(char *const *args, size_t nargs, batch_files *out,
                               sim_error *err)
{
    batch_files b = {0};
    size_t cap = 0;
    for (size_t i = 0; i < nargs; i++) {
        struct stat st;
        if (stat(args[i], &st) != 0) {
            batch_files_release(&b);
            return sim_error_set(err, SIM_EIO, args[i], 0, "cannot open: %s", strerror(errno));
        }
        sim_status s = SIM_OK;
        if (S_ISDIR(st.st_mode))
            s = batch_add_dir(&b, &cap, args[i], err);
        else if (!batch_push(&b, &cap, args[i]))
            s = sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
        if (s != SIM_OK) {
            batch_files_release(&b);
            return s;
        }
    }
    /* Two scenarios must not write the same file. */
    char **sorted = malloc((b.n ? b.n : 1) * sizeof *sorted);
    if (sorted == NULL) {
        batch_files_release(&b);
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
    }
    memcpy(sorted, b.names, b.n * sizeof *sorted);
    qsort(sorted, b.n, sizeof *sorted, ptr_cmp);
    for (size_t i = 0; i < b.n; i++) {
        sim_status s = SIM_OK;
        if (strcmp(sorted[i], "summary.csv") == 0)
            s = sim_error_set(err, SIM_EINVAL, NULL, 0,
                              "a scenario file called 'summary.ini' would overwrite "
                              "'summary.csv'");
        else if (i > 0 && strcmp(sorted[i], sorted[i - 1]) == 0)
            s = sim_error_set(err, SIM_EINVAL, NULL, 0,
                              "two scenarios would write '%s'; give them different file names",
                              sorted[i]);
        if (s != SIM_OK) {
            free(sorted);
            batch_files_release(&b);
            return s;
        }
    }
    free(sorted);
    *out = b;
    return SIM_OK;
}

sim_status batch_outdir_prepare(const char *dir, sim_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT || mkdir(dir, 0777) != 0)
            return sim_error_set(err, SIM_EIO, dir, 0, "cannot create output directory: %s",
                                 strerror(errno));
        return SIM_OK;
    }
    if (!S_ISDIR(st.st_mode))
        return sim_error_set(err, SIM_EINVAL, dir, 0,
                             "is not a directory; give a folder for the batch's files");
    if (access(dir, W_OK | X_OK) != 0)
        return sim_error_set(err, SIM_EIO, dir, 0, "output directory is not writable: %s",
                             strerror(errno));
    return SIM_OK;
}
