/* cmd_check.c: `transim check`: validates scenario files without running
 * them; every file is checked, and each error is reported with its line. */
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "sim/files/path_check.h"

static const char usage[] =
    "usage: transim check [--quiet] FILE...\n"
    "       transim check [--quiet] - < FILE\n"
    "\n"
    "Reads each scenario file (and its base files) and checks every entry: known\n"
    "sections and names, numbers within range, lever starts within the run, no\n"
    "duplicate keys. Prints 'FILE: ok' for each good file; errors go to stderr as\n"
    "'transim: FILE:LINE: message'. Exit status 1 when any file is bad. '-' reads\n"
    "a scenario from standard input (its base files are found from the current\n"
    "directory).\n"
    "\n"
    "  -q, --quiet   print nothing for good files\n";

enum { O_QUIET };
static const args_option options[] = {[O_QUIET] = {"quiet", 'q', 0}};

int cmd_check(int argc, char **argv)
{
    int quiet = 0, files = 0, failed = 0, stdin_read = 0;
    args a;
    args_init(&a, "check", argc, argv, options, sizeof options / sizeof *options);
    /* Options first, so that --help anywhere prints help and checks nothing. */
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        if (id == ARGS_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (id == ARGS_ERROR)
            return CLI_USAGE;
        if (id == O_QUIET)
            quiet = 1;
        else
            files++;
    }
    if (files == 0)
        return args_usage("check", "no scenario files given");
    args_init(&a, "check", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        if (id != ARGS_POSITIONAL)
            continue;
        scenario sc;
        sim_error err;
        if (strcmp(a.value, "-") == 0) {
            if (stdin_read++)
                failed = 1, cli_error("'-' (standard input) given twice");
            else if (cli_load_scenario("-", &sc) != CLI_OK)
                failed = 1;
            else if (!quiet)
                printf("<stdin>: ok\n");
        } else if (path_check_scenario(a.value, &err) != SIM_OK ||
                   scenario_load(&sc, a.value, &err) != SIM_OK) {
            cli_report(&err);
            failed = 1;
        } else if (!quiet) {
            printf("%s: ok\n", a.value);
        }
    }
    return failed ? CLI_FAIL : CLI_OK;
}
