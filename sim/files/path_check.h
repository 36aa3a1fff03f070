/* path_check.h: checks that a scenario file and its chain of `base` files
 * are regular files before the reader (sim/files/scenario.c) opens them.
 *
 * open() of a FIFO for reading blocks until a writer comes, forever when
 * none does; a device may never end. These checks open each path with
 * O_NONBLOCK only to learn its type, and read a regular file's
 * [scenario] `base` entry to follow the chain. Everything else (syntax,
 * missing files, loops) is the reader's to report. */
#ifndef SIM_PATH_CHECK_H
#define SIM_PATH_CHECK_H

#include <stddef.h>

#include "sim/engine/status.h"

/* SIM_EIO with err naming the file (and, for a base, the line that names
 * it) when path or a base file it names, directly or through other bases,
 * exists but is not a regular file. SIM_OK otherwise, also when a file is
 * missing or unreadable (the reader says so). */
sim_status path_check_scenario(const char *path, sim_error *err);

/* The same for the base chain of scenario text read from elsewhere
 * (standard input), whose relative bases are found from the folder of
 * path ("." when it has no '/'). */
sim_status path_check_bases(const char *text, const char *path, sim_error *err);

/* The files of path's base chain, path itself first: copies up to cap
 * paths (each under 1024 bytes, relative bases joined to their file's
 * folder) into chain and returns how many. Stops at a missing file, a
 * file that is not regular, or PATH_CHECK_DEPTH levels. Used to refuse an
 * output that would overwrite a scenario's base. */
size_t path_check_chain(const char *path, char (*chain)[1024], size_t cap);

#endif
