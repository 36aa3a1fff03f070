/* paths.c: folders made on first use (render/paths.h). */
#include "render/paths.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

int paths_make_dirs(const char *path, mode_t mode)
{
    char buf[1024];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, mode) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(buf, mode) == 0 || errno == EEXIST ? 0 : -1;
}
