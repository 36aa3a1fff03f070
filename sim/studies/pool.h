/* pool.h: runs many independent tasks, each filling a fixed-width block of
 * doubles, over worker threads (this file) or MPI ranks (mpi/mpi_exec.c).
 *
 * The batch commands (batch, sweep, mc, attribute) describe their work as
 * "task i writes width doubles at out[i * width]" and hand it to an
 * executor. Because every task depends on its index alone, the results are
 * the same bytes whatever the number of threads or ranks. Threads live here,
 * in cli/, so that sim/ stays free of them. */
#ifndef CLI_POOL_H
#define CLI_POOL_H

#include <stddef.h>

#include "sim/engine/status.h"

/* One task: computes item index on worker thread `worker` (0 .. workers-1,
 * so that ctx can hold one runner per worker) and writes its block of
 * `width` doubles to out. Returns 0 on success; otherwise fills err and
 * returns non-zero, which stops the map (tasks not yet started are skipped). */
typedef int (*pool_task)(void *ctx, size_t index, unsigned worker, double *out,
                         sim_error *err);

typedef struct pool_exec pool_exec;

/* How a map is carried out: worker threads on this machine, or ranks of an
 * MPI job each with its own threads. */
struct pool_exec {
    unsigned workers; /* threads per process, >= 1 */
    int progress;     /* 1: draw a progress bar on stderr (set only for a terminal) */
    int rank;         /* this process's MPI rank (0 without MPI) */
    int size;         /* number of processes (1 without MPI) */
    /* Runs fn for every index in [0, n). Who holds what afterwards:
     * - rank 0 (the only process without MPI) holds all n blocks, block i
     *   at out[i * width], so out must have room for n * width doubles;
     * - every other rank holds only its own share, the blocks [lo, hi) of
     *   pool_share(), packed from out[0] (block i at out[(i - lo) * width]),
     *   so out needs room for (hi - lo) * width doubles there.
     * Only rank 0 may read the results; the other ranks keep memory for
     * their share alone, however many ranks there are. Returns 0 on every
     * process, or non-zero on every process after a task failed: then err
     * holds the failure of the lowest failing index (on every process under
     * MPI) and *failed is that index. */
    int (*map)(pool_exec *ex, size_t n, size_t width, pool_task fn, void *ctx, double *out,
               sim_error *err, size_t *failed);
    /* 1 when ok is non-zero on every process (the processes' agreement on
     * a check only rank 0 made, such as opening the output). */
    int (*agree)(pool_exec *ex, int ok);
    void *impl; /* executor-specific state */
};

/* An executor with `workers` threads on this machine (0 = all cores). */
void pool_exec_init(pool_exec *ex, unsigned workers);

/* The number of online cores (at least 1). */
unsigned pool_cores(void);

/* The share of process `rank` of `size` in a map of n items: the
 * contiguous indices [*lo, *hi) = [n rank / size, n (rank + 1) / size).
 * Without MPI (rank 0 of 1) that is [0, n). */
void pool_share(size_t n, int rank, int size, size_t *lo, size_t *hi);

/* Formats the progress line of a map into buf (at least 96 bytes):
 * "[#####.....]  42% 420/1000  ETA 1m05s" while running, the time left
 * estimated from the rate so far once a second has passed and one item is
 * done; "... 1000/1000  12s" (the time taken) when done. elapsed is in
 * seconds. Returns buf. */
char *pool_progress_format(char *buf, size_t n, size_t done, size_t total, double elapsed);

/* The thread map on its own: runs fn for indices [lo, hi) over `workers`
 * threads, writing block i at out[(i - lo) * width]. Draws a progress bar
 * over `total` items (offset by `done_before`) when progress is set. Same
 * return contract as pool_exec.map. Used by the MPI executor for its share. */
int pool_map_range(unsigned workers, int progress, size_t lo, size_t hi, size_t width,
                   pool_task fn, void *ctx, double *out, sim_error *err, size_t *failed);

#endif
