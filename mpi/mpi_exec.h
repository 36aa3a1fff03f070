/* mpi_exec.h: a pool_exec (sim/studies/pool.h) that shares each map among the ranks
 * of an MPI job. Rank r computes the contiguous block of indices
 * [n r / size, n (r + 1) / size) (pool_share) with its own worker threads,
 * and then rank 0 alone receives every block (MPI_Gatherv), so its results
 * are the very numbers the single-machine run computes. The other ranks hold
 * only their own block, packed from out[0] (see pool_exec.map): memory per
 * rank other than 0 shrinks as ranks are added. A failure anywhere is agreed
 * on by all ranks, and the error of the lowest failed index is sent to all. */
#ifndef MPI_MPI_EXEC_H
#define MPI_MPI_EXEC_H

#include <mpi.h>

#include "sim/studies/pool.h"

/* Sets ex up over *comm (which must outlive ex) with `workers` threads per
 * rank (0 = 1). MPI must
 * be initialised with at least MPI_THREAD_FUNNELED: only the calling
 * thread makes MPI calls. */
void mpi_exec_init(pool_exec *ex, MPI_Comm *comm, unsigned workers);

#endif
