/* cmd_doc.c: `transim doc`: the model reference in Markdown, generated from
 * the model table by sim/doc.c, so that it cannot drift from the code. */
#include <stdio.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "sim/doc.h"

static const char usage[] =
    "usage: transim doc [-o FILE]\n"
    "\n"
    "Writes the model reference (Markdown): every stock, flow, auxiliary,\n"
    "indicator, lever, assumption and parameter with its unit, equation, range\n"
    "and source, generated from the model's own table.\n"
    "\n"
    "  -o, --output FILE  write to FILE (atomically) instead of standard output\n";

enum { O_OUTPUT };
static const args_option options[] = {[O_OUTPUT] = {"output", 'o', 1}};

static sim_status write_reference(FILE *f, void *ctx, sim_error *err)
{
    (void)ctx;
    return doc_write_reference(f, err);
}

int cmd_doc(int argc, char **argv)
{
    const char *out = NULL;
    args a;
    args_init(&a, "doc", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        if (id == ARGS_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (id == ARGS_ERROR)
            return CLI_USAGE;
        if (id == ARGS_POSITIONAL)
            return args_usage("doc", "unexpected argument '%s'", a.value);
        out = a.value;
    }
    return cli_write(out, write_reference, NULL);
}
