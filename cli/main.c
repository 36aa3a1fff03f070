/* main.c: the `transim` program: git-style subcommands over sim/.
 *
 * `transim COMMAND [ARGS]` dispatches through the table below; data goes to
 * stdout, diagnostics to stderr; exit 0 ok, 1 failure, 2 usage error. The
 * program never calls setlocale(), so numbers always use a decimal point. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cleanup.h"
#include "cli/commands.h"
#include "sim/engine/gsl_init.h"
#include "sim/model/model.h"
#include "transim_commit.h" /* TRANSIM_COMMIT, generated at build time */

static const cli_command commands[] = {
    {"run", "run a scenario and write its results (CSV, TSV, JSON)", cmd_run},
    {"link", "the link of a scenario, for the web version and run --link", cmd_link},
    {"list", "list levers, assumptions, indicators and stocks", cmd_list},
    {"check", "validate scenario files without running them", cmd_check},
    {"compare", "key indicators and spending of scenarios, side by side", cmd_compare},
    {"doc", "write the model reference (Markdown)", cmd_doc},
    {"graph", "the causal graph, its parts and its feedback loops (text or DOT)", cmd_graph},
    {"batch", "run many scenarios in parallel: one CSV each and summary.csv", cmd_batch},
    {"sweep", "a grid or Latin hypercube over levers and assumptions", cmd_sweep},
    {"mc", "Monte Carlo over the uncertain inputs: quantile bands", cmd_mc},
    {"attribute", "each lever's share of the change against the baseline", cmd_attribute},
    {"fit", "the model against 2010-2020 data; fit the parameters history informs", cmd_fit},
    {"evidence", "each lever's cost per job-year and per tonne beside the evidence",
     cmd_evidence},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fputs("usage: transim COMMAND [OPTIONS] [ARGS]\n"
          "       transim --version\n"
          "       transim help COMMAND\n\n"
          "A system-dynamics simulator of industrial transition in Norra Mellansverige\n"
          "(SE31: Värmland, Dalarna, Gävleborg), 2020-2050.\n\ncommands:\n",
          f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'transim COMMAND --help' describes a command.\n"
          "Exit status: 0 ok, 1 failure, 2 usage error.\n",
          f);
}

static void version(void)
{
    printf("transim %s (commit %s)\nmodel %s (%s)\n", TRANSIM_VERSION, TRANSIM_COMMIT,
           MODEL_VERSION, MODEL_NAME);
}

static const cli_command *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown(const char *name)
{
    const char *names[NCOMMANDS];
    for (size_t i = 0; i < NCOMMANDS; i++)
        names[i] = commands[i].name;
    const char *s = args_suggest(name, names, NCOMMANDS);
    if (s != NULL)
        fprintf(stderr, "transim: unknown command '%s' (did you mean '%s'?)\n", name, s);
    else
        fprintf(stderr, "transim: unknown command '%s'\n", name);
    fputs("Try 'transim --help'.\n", stderr);
    return CLI_USAGE;
}

int main(int argc, char **argv)
{
    /* Before any worker thread: both set process-wide state. */
    sim_gsl_init();
    cleanup_install();
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        version();
        return CLI_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            usage(stdout);
            return CLI_OK;
        }
        const cli_command *c = find(argv[2]);
        if (c == NULL)
            return unknown(argv[2]);
        char *help_argv[] = {argv[2], "--help", NULL};
        return c->run(2, help_argv);
    }
    if (name[0] == '-') {
        fprintf(stderr, "transim: unknown option '%s'\nTry 'transim --help'.\n", name);
        return CLI_USAGE;
    }
    const cli_command *c = find(name);
    if (c == NULL)
        return unknown(name);
    int status = c->run(argc - 1, argv + 1);
    /* Data that could not be written (a full disk, a closed pipe) is a failure. */
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (status == CLI_OK)
            fprintf(stderr, "transim: <stdout>: cannot write: %s\n",
                    errno != 0 ? strerror(errno) : "write error");
        return status == CLI_OK ? CLI_FAIL : status;
    }
    return status;
}
