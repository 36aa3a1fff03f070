/* commands.h: the subcommands of `transim`, one file each (cli/cmd_NAME.c).
 *
 * A command is a function that gets the arguments from its own name on
 * (argv[0] is "run" for `transim run ...`) and returns the exit status
 * (CLI_OK, CLI_FAIL or CLI_USAGE from cli/args.h). Every command answers
 * --help on stdout. To add one: write cmd_NAME() in cli/cmd_NAME.c with
 * cli/args.h's helpers, declare it here, and add a row to the table in
 * cli/main.c. */
#ifndef CLI_COMMANDS_H
#define CLI_COMMANDS_H

typedef int (*cli_command_fn)(int argc, char **argv);

typedef struct cli_command {
    const char *name;    /* as typed: "run" */
    const char *summary; /* one line for `transim --help` */
    cli_command_fn run;  /* the command */
} cli_command;

int cmd_run(int argc, char **argv);     /* run one scenario, write its results */
int cmd_list(int argc, char **argv);    /* list the model's variables */
int cmd_link(int argc, char **argv);    /* the link of a scenario */
int cmd_check(int argc, char **argv);   /* validate scenario files */
int cmd_compare(int argc, char **argv); /* key indicators of several scenarios */
int cmd_doc(int argc, char **argv);     /* the model reference */
int cmd_graph(int argc, char **argv);   /* the causal graph */
int cmd_batch(int argc, char **argv);     /* many scenarios in parallel */
int cmd_sweep(int argc, char **argv);     /* grids and Latin hypercubes */
int cmd_mc(int argc, char **argv);        /* Monte Carlo bands */
int cmd_attribute(int argc, char **argv); /* Shapley shares of the levers */
int cmd_fit(int argc, char **argv);       /* the model against history; the fit */
int cmd_evidence(int argc, char **argv);  /* cost-effectiveness beside the evidence */

#endif
