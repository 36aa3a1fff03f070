/* paths.h: the front end's folders on disk (the user's scenarios, the
 * recovery copies) are made on first use, as `mkdir -p` would. */
#ifndef RENDER_PATHS_H
#define RENDER_PATHS_H

#include <sys/types.h>

/* Makes every missing directory of path with the given mode (before the
 * umask); existing ones are left as they are. Returns 0 on success, -1 with
 * errno set otherwise (a path of 1,024 bytes or more gives ENAMETOOLONG). */
int paths_make_dirs(const char *path, mode_t mode);

#endif
