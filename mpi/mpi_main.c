/* mpi_main.c: `transim-mpi`, the cluster engine: batch, sweep, mc and
 * attribute over the ranks of an MPI job, with the same arguments and the
 * same output bytes as `transim`. Every rank reads the inputs (a shared file
 * system is assumed, as on any Slurm cluster); rank 0 writes the outputs and
 * the messages, except `batch`'s per-scenario files, which the rank that ran
 * each scenario writes. See docs/cluster.md. */
#include <stdio.h>
#include <string.h>

#include <mpi.h>

#include "cli/args.h"
#include "cli/cleanup.h"
#include "cli/study.h"
#include "mpi/mpi_exec.h"
#include "sim/engine/gsl_init.h"
#include "sim/model/model.h"

typedef int (*mpi_command_fn)(int argc, char **argv, pool_exec *ex);

static const struct {
    const char *name;
    mpi_command_fn run;
} mpi_commands[] = {
    {"batch", batch_command},
    {"sweep", sweep_command},
    {"mc", mc_command},
    {"attribute", attribute_command},
};
#define MPI_NCOMMANDS (sizeof mpi_commands / sizeof mpi_commands[0])

static void mpi_usage(FILE *f)
{
    fputs("usage: mpirun [-np N] transim-mpi COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "The cluster engine of transim: the batch commands over the ranks of an MPI\n"
          "job, with the same options and the same results as `transim COMMAND`.\n"
          "-j N sets the worker threads per rank (default 1).\n\ncommands:\n"
          "  batch      run many scenarios: one CSV each and summary.csv\n"
          "  sweep      a grid or Latin hypercube over levers and assumptions\n"
          "  mc         Monte Carlo over the uncertain inputs: quantile bands\n"
          "  attribute  each lever's share of the change against the baseline\n"
          "\n'transim-mpi COMMAND --help' describes a command.\n",
          f);
}

static int mpi_dispatch(int argc, char **argv, pool_exec *ex)
{
    if (argc < 2) {
        mpi_usage(stderr);
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        mpi_usage(stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("transim-mpi %s\nmodel %s (%s)\n", TRANSIM_VERSION, MODEL_VERSION, MODEL_NAME);
        return CLI_OK;
    }
    for (size_t i = 0; i < MPI_NCOMMANDS; i++)
        if (strcmp(argv[1], mpi_commands[i].name) == 0)
            return mpi_commands[i].run(argc - 1, argv + 1, ex);
    fprintf(stderr, "transim-mpi: unknown command '%s' (batch, sweep, mc or attribute)\n",
            argv[1]);
    return CLI_USAGE;
}

int main(int argc, char **argv)
{
    int provided = 0;
    if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
        fputs("transim-mpi: cannot initialise MPI\n", stderr);
        return CLI_FAIL;
    }
    sim_gsl_init(); /* once, before any worker thread */
    cleanup_install(); /* temporary files and a batch's staging go on SIGTERM */
    MPI_Comm comm = MPI_COMM_WORLD;
    pool_exec ex;
    mpi_exec_init(&ex, &comm, 1);
    /* Every rank parses the same arguments and reads the same files, so
     * they all meet the same errors: only rank 0 says so. Errors met by one
     * rank alone travel to rank 0 with the results. */
    if (ex.rank != 0 && (freopen("/dev/null", "w", stdout) == NULL ||
                         freopen("/dev/null", "w", stderr) == NULL)) {
        MPI_Abort(comm, CLI_FAIL);
    }
    int rc = mpi_dispatch(argc, argv, &ex);
    if (fflush(stdout) != 0 && rc == CLI_OK)
        rc = CLI_FAIL;
    int worst = rc;
    MPI_Allreduce(&rc, &worst, 1, MPI_INT, MPI_MAX, comm);
    MPI_Finalize();
    return worst;
}
