/* cmd_graph.c: `transim graph`: the causal graph of the model in Graphviz DOT,
 * drawn from the inputs each equation reads (sim/doc.c). */
#include <stdio.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "sim/doc.h"

static const char usage[] =
    "usage: transim graph [-o FILE]\n"
    "\n"
    "Writes the model's causal graph in Graphviz DOT: one node per variable,\n"
    "an arrow from each input an equation reads to the variable it computes.\n"
    "Render it with, for example: transim graph | dot -Tsvg -o model.svg\n"
    "\n"
    "  -o, --output FILE  write to FILE (atomically) instead of standard output\n";

enum { O_OUTPUT };
static const args_option options[] = {[O_OUTPUT] = {"output", 'o', 1}};

static sim_status write_graph(FILE *f, void *ctx, sim_error *err)
{
    (void)ctx;
    return doc_write_graph(f, err);
}

int cmd_graph(int argc, char **argv)
{
    const char *out = NULL;
    args a;
    args_init(&a, "graph", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        if (id == ARGS_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (id == ARGS_ERROR)
            return CLI_USAGE;
        if (id == ARGS_POSITIONAL)
            return args_usage("graph", "unexpected argument '%s'", a.value);
        out = a.value;
    }
    return cli_write(out, write_graph, NULL);
}
