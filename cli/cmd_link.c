/* cmd_link.c: `transim link`: writes the link of a scenario, the fragment
 * the web version opens and `transim run --link` reads (sim/files/link.h). */
#include "cli/args.h"
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>

#include "sim/files/link.h"

static const char usage[] =
    "usage: transim link [SCENARIO] [--set NAME=VALUE]... [--base URL]\n"
    "\n"
    "Writes the link of SCENARIO (a scenario file, a name under scenarios/, or -\n"
    "for standard input; without one, the baseline): the page's address, then '#'\n"
    "and the scenario's settings. Opening it in the web version, or giving it to\n"
    "`transim run --link`, restores the scenario.\n"
    "\n"
    "  --set NAME=VALUE   set a lever, assumption, parameter or setting (after the\n"
    "                     file); may be repeated\n"
    "  --base URL         the page's address before '#' (default: none, a bare\n"
    "                     fragment)\n";

enum { O_SET, O_BASE };
static const args_option options[] = {[O_SET] = {"set", 0, 1}, [O_BASE] = {"base", 0, 1}};

int cmd_link(int argc, char **argv)
{
    const char *scenario_name = NULL, *base = "";
    const char *sets[256];
    size_t nsets = 0;
    args a;
    args_init(&a, "link", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        switch (id) {
        case ARGS_HELP: fputs(usage, stdout); return CLI_OK;
        case ARGS_ERROR: return CLI_USAGE;
        case ARGS_POSITIONAL:
            if (scenario_name != NULL)
                return args_usage("link", "one scenario at a time (got '%s' and '%s')",
                                  scenario_name, a.value);
            scenario_name = a.value;
            break;
        case O_SET:
            if (nsets == sizeof sets / sizeof *sets)
                return args_usage("link", "too many --set options");
            sets[nsets++] = a.value;
            break;
        case O_BASE: base = a.value; break;
        default: return CLI_USAGE;
        }
    }
    scenario sc;
    sim_error err;
    if (scenario_name == NULL)
        scenario_init(&sc);
    else if (cli_load_scenario(scenario_name, &sc) != CLI_OK)
        return CLI_FAIL;
    for (size_t i = 0; i < nsets; i++)
        if (scenario_set(&sc, sets[i], &err) != SIM_OK)
            return args_usage("link", "--set '%s': %s", sets[i], err.msg);
    char *out = malloc(LINK_MAX_BYTES + 1);
    if (out == NULL)
        return cli_error("out of memory");
    sim_status st = link_format(&sc, base, out, LINK_MAX_BYTES + 1, &err);
    if (st == SIM_OK)
        puts(out);
    free(out);
    return st == SIM_OK ? CLI_OK : cli_report(&err);
}
