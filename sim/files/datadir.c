/* datadir.c: the folder of the bundled scenarios (sim/files/datadir.h). */
#include "sim/files/datadir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Copies p into buf when it is a directory that fits; 1 then, else 0. */
static int take(char *buf, size_t n, const char *p)
{
    if (strlen(p) >= n || !is_dir(p))
        return 0;
    memcpy(buf, p, strlen(p) + 1);
    return 1;
}

int datadir_scenarios(char *buf, size_t n)
{
    char p[4096];
    if (take(buf, n, "scenarios"))
        return 1;
    const char *env = getenv("TRANSIM_DATA_DIR");
    if (env && *env && snprintf(p, sizeof p, "%s/scenarios", env) < (int)sizeof p &&
        take(buf, n, p))
        return 1;
    /* The program's own path (Linux): PREFIX/bin/transim -> PREFIX/share. */
    char exe[2048];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if (snprintf(p, sizeof p, "%s/../share/transim/scenarios", exe) < (int)sizeof p &&
                take(buf, n, p))
                return 1;
        }
    }
    snprintf(buf, n, "%s", "scenarios");
    return 0;
}
