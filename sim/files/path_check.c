/* path_check.c: scenario and base files must be regular files
 * (sim/files/path_check.h). */
#include "sim/files/path_check.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_CHECK_DEPTH 32          /* longer chains are the reader's loop error */
#define PATH_CHECK_BYTES (1u << 20)  /* what the reader accepts at most */

static sim_status check_file(const char *path, const char *from, int line, int depth,
                             sim_error *err);

/* Finds `base = X` in the [scenario] section of text; copies X to out and
 * returns its line, or 0 when there is none. */
static int find_base(const char *text, char *out, size_t cap)
{
    int line = 0, in_scenario = 0;
    for (const char *p = text; *p;) {
        line++;
        size_t len = strcspn(p, "\r\n");
        const char *s = p, *e = p + len;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        if (s < e && *s == '[') {
            in_scenario = e - s >= 10 && strncmp(s, "[scenario]", 10) == 0;
        } else if (in_scenario && e - s > 4 && strncmp(s, "base", 4) == 0) {
            const char *q = s + 4;
            while (q < e && (*q == ' ' || *q == '\t'))
                q++;
            if (q < e && (*q == '=' || *q == ':')) {
                q++;
                while (q < e && (*q == ' ' || *q == '\t'))
                    q++;
                const char *end = q;
                while (end < e && *end != ';' && *end != '#')
                    end++;
                while (end > q && (end[-1] == ' ' || end[-1] == '\t'))
                    end--;
                size_t n = (size_t)(end - q);
                if (n > 0 && n < cap) {
                    memcpy(out, q, n);
                    out[n] = '\0';
                    return line;
                }
                return 0;
            }
        }
        p = e;
        if (*p == '\r' && p[1] == '\n')
            p++;
        if (*p)
            p++;
    }
    return 0;
}

static sim_status check_bases(const char *text, const char *path, int depth, sim_error *err)
{
    char base[1024], full[2100];
    int line = find_base(text, base, sizeof base);
    if (line == 0)
        return SIM_OK;
    const char *slash = strrchr(path, '/');
    if (base[0] == '/' || slash == NULL)
        snprintf(full, sizeof full, "%s", base);
    else
        snprintf(full, sizeof full, "%.*s/%s", (int)(slash - path), path, base);
    return check_file(full, path, line, depth + 1, err);
}

static sim_status check_file(const char *path, const char *from, int line, int depth,
                             sim_error *err)
{
    if (depth > PATH_CHECK_DEPTH)
        return SIM_OK;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return SIM_OK;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        const char *what = S_ISFIFO(st.st_mode)  ? "a FIFO"
                           : S_ISDIR(st.st_mode) ? "a directory"
                                                 : "not a regular file";
        if (from != NULL)
            return sim_error_set(err, SIM_EIO, from, line,
                                 "base file '%s' is %s; a scenario must be a regular file",
                                 path, what);
        return sim_error_set(err, SIM_EIO, path, 0,
                             "is %s; give a scenario file, or - for standard input", what);
    }
    size_t n = st.st_size > 0 && (size_t)st.st_size < PATH_CHECK_BYTES ? (size_t)st.st_size
                                                                       : PATH_CHECK_BYTES;
    char *text = malloc(n + 1);
    ssize_t got = text != NULL ? read(fd, text, n) : -1;
    close(fd);
    sim_status s = SIM_OK;
    if (got > 0) {
        text[got] = '\0';
        s = check_bases(text, path, depth, err);
    }
    free(text);
    return s;
}

sim_status path_check_scenario(const char *path, sim_error *err)
{
    return check_file(path, NULL, 0, 0, err);
}

sim_status path_check_bases(const char *text, const char *path, sim_error *err)
{
    return check_bases(text, path, 0, err);
}

size_t path_check_chain(const char *path, char (*chain)[1024], size_t cap)
{
    size_t n = 0;
    char cur[1024];
    if (strlen(path) >= sizeof cur)
        return 0;
    snprintf(cur, sizeof cur, "%s", path);
    while (n < cap && n <= PATH_CHECK_DEPTH) {
        int fd = open(cur, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            break;
        struct stat st;
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            close(fd);
            break;
        }
        snprintf(chain[n++], 1024, "%s", cur);
        size_t size = st.st_size > 0 && (size_t)st.st_size < PATH_CHECK_BYTES
                          ? (size_t)st.st_size
                          : PATH_CHECK_BYTES;
        char *text = malloc(size + 1);
        ssize_t got = text != NULL ? read(fd, text, size) : -1;
        close(fd);
        char base[1024];
        int line = 0;
        if (got > 0) {
            text[got] = '\0';
            line = find_base(text, base, sizeof base);
        }
        free(text);
        if (line == 0)
            break;
        const char *slash = strrchr(cur, '/');
        char next[2100];
        if (base[0] == '/' || slash == NULL)
            snprintf(next, sizeof next, "%s", base);
        else
            snprintf(next, sizeof next, "%.*s/%s", (int)(slash - cur), cur, base);
        if (strlen(next) >= sizeof cur)
            break;
        memcpy(cur, next, strlen(next) + 1);
    }
    return n;
}
