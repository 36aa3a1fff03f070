/* cleanup.h: what a signal must not leave behind. When SIGINT, SIGTERM,
 * SIGHUP or SIGPIPE stops `transim`, the temporary files of outputs still
 * being written, a batch's staging folder and its lock are removed before
 * the program dies of the signal (so the shell still sees it).
 *
 * The registry is a fixed table written with atomics: any thread may add
 * and remove entries while the handler may run on any thread. main() calls
 * cleanup_install() once; sim/files/output.c reports every temporary file
 * through the hooks it installs. */
#ifndef CLI_CLEANUP_H
#define CLI_CLEANUP_H

#include <stddef.h>

/* Installs the handlers (not for a signal the parent set to be ignored,
 * as nohup does) and output.c's hooks. */
void cleanup_install(void);

/* Registers path for removal on a signal; cleanup_forget() ends that. The
 * path is copied. Silently does nothing when the table is full. */
void cleanup_add(const char *path);
void cleanup_forget(const char *path);

/* A batch's staging folder holding names[0..n) and summary.csv, and its
 * lock file: all removed on a signal (the folder's files, then the folder,
 * then the lock, then outdir when it is not NULL and empty: a folder the
 * batch created). names must stay valid until cleanup_batch_end(). */
void cleanup_batch(const char *staging, char *const *names, size_t n, const char *lock,
                   const char *outdir);
void cleanup_batch_end(void);

/* Does what the handler does, now (for tests and fatal paths). */
void cleanup_run(void);

#endif
