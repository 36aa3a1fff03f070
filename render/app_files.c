/* app_files.c: where the simulator may write scenario files (see app.h):
 * the user's own scenario folder, the bundled scenarios that are never
 * written over without asking, the scenarios that inherit from a file
 * (`base = ...`), and a fresh file name proposed for Save as. No drawing. */
#define _XOPEN_SOURCE 700 /* realpath() */
#include "render/app.h"
#include "render/paths.h"
#include "sim/files/datadir.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef TRANSIM_SCENARIOS_DIR
#define TRANSIM_SCENARIOS_DIR "scenarios"
#endif

int app_user_dir(char *buf, size_t n)
{
    const char *data = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int w;
    if (data && data[0] == '/')
        w = snprintf(buf, n, "%s/transim/scenarios", data);
    else if (home && *home)
        w = snprintf(buf, n, "%s/.local/share/transim/scenarios", home);
    else
        return -1;
    if (w < 0 || (size_t)w >= n)
        return -1;
    return paths_make_dirs(buf, 0755);
}

/* The directory part of path into buf ("." when none). */
static void dir_part(const char *path, char *buf, size_t n)
{
    const char *s = strrchr(path, '/');
    if (!s)
        snprintf(buf, n, "%s", ".");
    else if (s == path)
        snprintf(buf, n, "%s", "/");
    else
        snprintf(buf, n, "%.*s", (int)(s - path), path);
}

/* 1 when directories a and b are the same existing directory. */
static int same_dir(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

int app_is_bundled(const char *path)
{
    char dir[1024];
    dir_part(path, dir, sizeof dir);
    char bundled[1024];
    return same_dir(dir, TRANSIM_SCENARIOS_DIR) ||
           (datadir_scenarios(bundled, sizeof bundled) && same_dir(dir, bundled));
}

/* The value of the `base` key in the scenario file f (without comment and
 * spaces) into buf; 1 when there is one. */
static int base_of(FILE *f, char *buf, size_t n)
{
    char line[1200];
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, "base", 4) != 0)
            continue;
        p += 4;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '=')
            continue;
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t len = strcspn(p, ";#\r\n");
        while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len == 0 || len >= n)
            return 0;
        memcpy(buf, p, len);
        buf[len] = '\0';
        return 1;
    }
    return 0;
}

int app_count_heirs(const char *path, char *first, size_t n)
{
    char dir[1024], target[PATH_MAX];
    if (first && n > 0)
        first[0] = '\0';
    if (!realpath(path, target))
        return 0;
    dir_part(path, dir, sizeof dir);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 4 || strcmp(e->d_name + len - 4, ".ini") != 0)
            continue;
        char file[2200], base[1024], resolved[PATH_MAX];
        snprintf(file, sizeof file, "%s/%s", dir, e->d_name);
        FILE *f = fopen(file, "r");
        if (!f)
            continue;
        int has = base_of(f, base, sizeof base);
        fclose(f);
        if (!has)
            continue;
        /* base is relative to the file that names it. */
        char full[2200];
        if (base[0] == '/')
            snprintf(full, sizeof full, "%s", base);
        else
            snprintf(full, sizeof full, "%s/%s", dir, base);
        if (realpath(full, resolved) && strcmp(resolved, target) == 0) {
            if (count == 0 && first && n > 0)
                snprintf(first, n, "%s", e->d_name);
            count++;
        }
    }
    closedir(d);
    return count;
}

void app_slug(const char *name, char *buf, size_t n)
{
    /* Swedish and a few other letters to their plain form; anything else
     * that is not a letter or digit becomes one '-'. */
    static const char *const fold[][2] = {
        {"\xC3\xA5", "a"}, {"\xC3\xA4", "a"}, {"\xC3\xB6", "o"}, {"\xC3\x85", "a"},
        {"\xC3\x84", "a"}, {"\xC3\x96", "o"}, {"\xC3\xA9", "e"}, {"\xC3\xBC", "u"},
    };
    size_t used = 0;
    int dash = 0;
    for (const char *p = name; *p && used + 2 < n;) {
        char c = 0;
        size_t adv = 1;
        for (size_t i = 0; i < sizeof fold / sizeof fold[0]; i++)
            if (strncmp(p, fold[i][0], 2) == 0) {
                c = fold[i][1][0];
                adv = 2;
            }
        if (!c && isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80))
            c = (char)tolower((unsigned char)*p);
        if (c) {
            if (dash && used > 0)
                buf[used++] = '-';
            buf[used++] = c;
            dash = 0;
        } else {
            dash = 1;
        }
        p += adv;
    }
    buf[used] = '\0';
    if (used == 0)
        snprintf(buf, n, "%s", "my-scenario");
}

int app_propose_path(const char *dir, const char *name, char *out, size_t n)
{
    char slug[128];
    app_slug(name, slug, sizeof slug);
    for (int k = 1; k < 1000; k++) {
        int w = k == 1 ? snprintf(out, n, "%s/%s.ini", dir, slug)
                       : snprintf(out, n, "%s/%s-%d.ini", dir, slug, k);
        if (w < 0 || (size_t)w >= n)
            break;
        if (access(out, F_OK) != 0)
            return 0;
    }
    out[0] = '\0';
    return -1;
}

int app_is_read_only(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0; /* a new file */
    if (!(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)))
        return 1; /* marked read-only, even for a user who could write it anyway */
    return access(path, W_OK) != 0;
}
