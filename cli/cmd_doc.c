/* cmd_doc.c: `transim doc`: the model reference in Markdown, generated from
 * the model table by sim/files/doc.c, so that it cannot drift from the code.
 * `transim graph` is in graph.c. */
#include <stdio.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/lang.h"
#include "sim/files/doc.h"

static const char doc_usage[] =
    "usage: transim doc [--lang en|sv] [--counts] [-o FILE]\n"
    "\n"
    "Writes the model reference (Markdown): every stock, flow, auxiliary,\n"
    "indicator, lever, assumption and parameter with its unit, equation, range\n"
    "and source, generated from the model's own table.\n"
    "\n"
    "  --lang en|sv       the language of the reference (default en); docs/sv/\n"
    "                     model-reference.md is the Swedish one\n"
    "  --counts           only the paragraph that counts the variables, the edges\n"
    "                     of the causal graph by sign and the feedback loops\n"
    "                     (`make doc` puts it into docs/model.md)\n"
    "  -o, --output FILE  write to FILE (atomically) instead of standard output\n";

enum { O_OUTPUT, O_LANG, O_COUNTS };
static const args_option options[] = {[O_OUTPUT] = {"output", 'o', 1},
                                      [O_LANG] = {"lang", 0, 1},
                                      [O_COUNTS] = {"counts", 0, 0}};

static sim_status write_reference(FILE *f, void *ctx, sim_error *err)
{
    return doc_write_reference_lang(f, *(const int *)ctx, err);
}

static sim_status write_counts(FILE *f, void *ctx, sim_error *err)
{
    return doc_write_counts_lang(f, *(const int *)ctx, err);
}

/* The shared driver: takes -o FILE, --lang and --counts, then writes with
 * write_fn (with counts_fn for --counts), whose context is the language: 1
 * for Swedish. */
static int run_writer(const char *command, const char *usage, int argc, char **argv,
                      sim_status (*write_fn)(FILE *, void *, sim_error *),
                      sim_status (*counts_fn)(FILE *, void *, sim_error *))
{
    const char *out = NULL;
    int swedish = 0;
    args a;
    args_init(&a, command, argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        if (id == ARGS_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (id == ARGS_ERROR)
            return CLI_USAGE;
        if (id == ARGS_POSITIONAL)
            return args_usage(command, "unexpected argument '%s'", a.value);
        if (id == O_LANG) {
            if (!cli_lang(command, a.value, &swedish))
                return CLI_USAGE;
        } else if (id == O_COUNTS) {
            write_fn = counts_fn;
        } else {
            out = a.value;
        }
    }
    int rc = cli_check_output(out, NULL, 0);
    return rc != CLI_OK ? rc : cli_write(out, write_fn, &swedish);
}

int cmd_doc(int argc, char **argv)
{
    return run_writer("doc", doc_usage, argc, argv, write_reference, write_counts);
}
