/* mpi_exec.c: maps over MPI ranks, each with a thread pool (see
 * mpi_exec.h). Only the thread that called the map talks to MPI. */
#include "mpi/mpi_exec.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static MPI_Comm exec_comm(const pool_exec *ex)
{
    return *(const MPI_Comm *)ex->impl;
}

static int mpi_agree(pool_exec *ex, int ok)
{
    int mine = ok != 0, all = 0;
    MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, exec_comm(ex));
    return all;
}

static int mpi_map(pool_exec *ex, size_t n, size_t width, pool_task fn, void *ctx,
                   double *out, sim_error *err, size_t *failed)
{
    MPI_Comm comm = exec_comm(ex);
    int rank = ex->rank, size = ex->size;
    size_t lo, hi;
    pool_share(n, rank, size, &lo, &hi);
    sim_error mine_err;
    sim_error_clear(&mine_err);
    size_t mine_failed = (size_t)-1;
    /* Rank 0's share starts at index 0, so it lands in place in the full
     * array; every other rank fills its own packed block from out[0]. */
    int rc = pool_map_range(ex->workers, ex->progress, lo, hi, width, fn, ctx, out, &mine_err,
                            &mine_failed);

    /* Agree on the lowest failed index; its rank sends the error to all. */
    unsigned long long my_low = rc ? (unsigned long long)mine_failed : ULLONG_MAX, low;
    MPI_Allreduce(&my_low, &low, 1, MPI_UNSIGNED_LONG_LONG, MPI_MIN, comm);
    if (failed)
        *failed = (size_t)-1;
    if (low != ULLONG_MAX) {
        int me = my_low == low ? rank : size, owner;
        MPI_Allreduce(&me, &owner, 1, MPI_INT, MPI_MIN, comm);
        MPI_Bcast(&mine_err, (int)sizeof mine_err, MPI_BYTE, owner, comm);
        if (err)
            *err = mine_err;
        if (failed)
            *failed = (size_t)low;
        return 1;
    }
    if (width == 0 || out == NULL || size == 1)
        return 0;

    /* Rank 0 receives every block (MPI_Gatherv); the other ranks only send
     * theirs, so none of them ever holds more than its share. A block of
     * width doubles is one element of a contiguous type, so the counts stay
     * small. Only rank 0 needs the counts and displacements. */
    int *counts = NULL, *displs = NULL;
    if (rank == 0) {
        counts = malloc((size_t)size * sizeof *counts);
        displs = malloc((size_t)size * sizeof *displs);
    }
    int ok = mpi_agree(ex, (rank != 0 || (counts != NULL && displs != NULL)) &&
                               n <= INT_MAX && width <= INT_MAX);
    if (ok) {
        MPI_Datatype block;
        MPI_Type_contiguous((int)width, MPI_DOUBLE, &block);
        MPI_Type_commit(&block);
        if (rank == 0) {
            for (int r = 0; r < size; r++) {
                size_t a, b;
                pool_share(n, r, size, &a, &b);
                counts[r] = (int)(b - a);
                displs[r] = (int)a;
            }
            MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, out, counts, displs, block, 0,
                        comm);
        } else {
            MPI_Gatherv(out, (int)(hi - lo), block, NULL, NULL, NULL, block, 0, comm);
        }
        MPI_Type_free(&block);
    }
    free(counts);
    free(displs);
    if (!ok) {
        sim_error_set(err, SIM_ENOMEM, NULL, 0, "cannot gather %zu results of %zu values", n,
                      width);
        return 1;
    }
    return 0;
}

void mpi_exec_init(pool_exec *ex, MPI_Comm *comm, unsigned workers)
{
    int rank = 0, size = 1;
    MPI_Comm_rank(*comm, &rank);
    MPI_Comm_size(*comm, &size);
    *ex = (pool_exec){.workers = workers ? workers : 1, .rank = rank, .size = size,
                      .map = mpi_map, .agree = mpi_agree, .impl = comm};
}
