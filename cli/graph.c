/* graph.c: `transim graph`: the model's causal structure from the table
 * (sim/files/graph.h). Without a selection, the whole graph in Graphviz DOT;
 * with --causes, --uses, --module or --loops, a readable part of it as a
 * text tree or list (default) or as a DOT diagram of at most 40 variables,
 * each arrow with its declared sign. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "sim/files/doc.h"
#include "sim/files/graph.h"

static const char usage[] =
    "usage: transim graph [--causes VAR | --uses VAR] [--depth N]\n"
    "                     [--module NAME] [--loops | --loop NAME]\n"
    "                     [--format text|dot] [--lang en|sv] [-o FILE]\n"
    "\n"
    "Writes the model's causal structure, read from the equations' inputs in\n"
    "the model table: an arrow from each input to the variable computed from it,\n"
    "marked + when the variable rises with the input and - when it falls.\n"
    "Without options, the whole graph in Graphviz DOT (every variable).\n"
    "\n"
    "  --causes VAR       what VAR is computed from, N steps back (a causes tree)\n"
    "  --uses VAR         what is computed from VAR, N steps on (a uses tree)\n"
    "  --depth N          steps for --causes and --uses, 1 to 6 (default 2)\n"
    "  --module NAME      the variables of one module (demography, labour,\n"
    "                     production, firms, innovation, energy, inclusion,\n"
    "                     budget, levers, calib) and the arrows among them\n"
    "  --loops            the feedback loops, named as in docs/model.md\n"
    "                     (B1 to B12, R1 to R4) where they are named there\n"
    "  --loop NAME        one loop, by its name or code (\"B1\")\n"
    "  --format F         text (default with a selection) or dot; a DOT diagram\n"
    "                     shows at most 40 variables and says how many it leaves out\n"
    "  --lang L           labels in English (en, default) or Swedish (sv)\n"
    "  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
    "\n"
    "Render a diagram with Graphviz, for example:\n"
    "  transim graph --causes emissions_industry --format dot | dot -Tsvg -o why.svg\n";

enum { O_CAUSES, O_USES, O_DEPTH, O_MODULE, O_LOOPS, O_LOOP, O_FORMAT, O_LANG, O_OUTPUT };
static const args_option options[] = {
    [O_CAUSES] = {"causes", 0, 1}, [O_USES] = {"uses", 0, 1},     [O_DEPTH] = {"depth", 0, 1},
    [O_MODULE] = {"module", 0, 1}, [O_LOOPS] = {"loops", 0, 0},   [O_LOOP] = {"loop", 0, 1},
    [O_FORMAT] = {"format", 0, 1}, [O_LANG] = {"lang", 0, 1},     [O_OUTPUT] = {"output", 'o', 1},
};

enum { SEL_ALL, SEL_CAUSES, SEL_USES, SEL_MODULE, SEL_LOOPS };

/* What the writer needs. */
typedef struct graph_job {
    graph g;
    int what;         /* SEL_* */
    int var;          /* --causes / --uses */
    int depth;
    int first, end;   /* --module: rows */
    const char *title_m; /* --module: title */
    const char *loop; /* --loop NAME, or NULL for every loop */
    int dot, swedish;
} graph_job;

static const char *label(const graph_job *j, int v)
{
    return j->swedish ? var_table[v].label_sv : var_table[v].label_en;
}

/* v's unit in the job's language, in buf. */
static const char *unit(const graph_job *j, int v, char *buf, size_t n)
{
    return var_unit_text(var_table[v].unit, j->swedish, buf, n);
}

/* The text tree: v with its inputs (back) or users below it, to depth. */
static void tree(FILE *f, const graph_job *j, int v, int level, char pol, int back)
{
    char u[128];
    fprintf(f, "%*s%s%s  %s [%s]\n", 2 * level, "", level ? (char[]){pol, ' ', 0} : "",
            var_table[v].name, label(j, v), unit(j, v, u, sizeof u));
    if (level >= j->depth)
        return;
    const graph *g = &j->g;
    int lo = back ? g->in_start[v] : g->out_start[v];
    int hi = back ? g->in_start[v + 1] : g->out_start[v + 1];
    for (int i = lo; i < hi; i++) {
        const graph_edge *e = &g->edges[back ? i : g->out[i]];
        tree(f, j, back ? e->from : e->to, level + 1, e->pol, back);
    }
}

/* Whether loop l is the one --loop asked for ("B1" or "B1 Matching"). */
static int loop_wanted(const graph_job *j, const graph_loop *l)
{
    if (j->loop == NULL)
        return l->name != NULL || j->what == SEL_LOOPS;
    if (l->name == NULL)
        return 0;
    size_t n = strlen(j->loop);
    return strcmp(l->name, j->loop) == 0 || (strncmp(l->name, j->loop, n) == 0 && l->name[n] == ' ');
}

static const char *loop_kind(char pol, int swedish)
{
    if (pol == '+')
        return swedish ? "förstärkande" : "reinforcing";
    if (pol == '-')
        return swedish ? "balanserande" : "balancing";
    return swedish ? "tecken ej angivet" : "sign not declared";
}

/* Whether the loop --loop names is one of the graph's. */
static int loop_exists(graph_job *j)
{
    static graph_loop loops[512];
    int n = graph_loops(&j->g, loops, 512);
    for (int i = 0; i < n && i < 512; i++)
        if (loop_wanted(j, &loops[i]))
            return 1;
    return 0;
}

static sim_status write_loops(FILE *f, graph_job *j, sim_error *err)
{
    enum { MAX_LOOPS = 512 };
    static graph_loop loops[MAX_LOOPS];
    int n = graph_loops(&j->g, loops, MAX_LOOPS);
    if (n > MAX_LOOPS) {
        fprintf(stderr, "transim: graph: %d loops, showing the first %d\n", n, MAX_LOOPS);
        n = MAX_LOOPS;
    }
    if (j->dot) {
        int sel[VAR_COUNT] = {0}, rank[VAR_COUNT];
        for (int v = 0; v < VAR_COUNT; v++)
            rank[v] = 1 << 20;
        int pos = 0;
        for (int i = 0; i < n; i++) {
            if (!loop_wanted(j, &loops[i]) || (j->loop == NULL && loops[i].name == NULL))
                continue;
            for (int k = 0; k < loops[i].n; k++) {
                int v = loops[i].vars[k];
                if (!sel[v])
                    rank[v] = pos++;
                sel[v] = 1;
            }
        }
        const char *title = j->swedish ? "Återkopplingsslingor i docs/model.md"
                                       : "Feedback loops of docs/model.md";
        char one[160];
        for (int i = 0; i < n && j->loop != NULL; i++)
            if (loop_wanted(j, &loops[i])) {
                snprintf(one, sizeof one, "%s (%s)", j->swedish ? loops[i].name_sv : loops[i].name,
                         loop_kind(loops[i].pol, j->swedish));
                title = one;
                break;
            }
        return graph_write_dot(f, &j->g, sel, rank, title, j->swedish, j->loop != NULL, err);
    }
    int shown = 0;
    for (int i = 0; i < n; i++) {
        const graph_loop *l = &loops[i];
        if (!loop_wanted(j, l))
            continue;
        shown++;
        if (l->n == 0) {
            fprintf(f, "%s: %s\n", l->name, j->swedish ? "finns inte i grafen" : "not found in the graph");
            continue;
        }
        const char *name = l->name == NULL ? (j->swedish ? "Slinga" : "Loop")
                           : j->swedish    ? l->name_sv
                                           : l->name;
        fprintf(f, "%s (%s, %d %s", name,
                loop_kind(l->pol, j->swedish), l->n, j->swedish ? "variabler" : "variables");
        /* The letter docs/model.md gives it, when the table's signs say otherwise. */
        char letter = l->name != NULL ? (l->name[0] == 'B' ? '-' : '+') : 0;
        if (letter != 0 && l->pol != letter)
            fprintf(f, j->swedish ? "; docs/model.md: %s" : "; docs/model.md says %s",
                    loop_kind(letter, j->swedish));
        fputs("):\n ", f);
        for (int k = 0; k < l->n; k++) {
            int a = l->vars[k], b = l->vars[(k + 1) % l->n];
            char p = graph_edge_pol(&j->g, a, b);
            fprintf(f, " %s -%c->", var_table[a].name, p == '+' || p == '-' ? p : '?');
        }
        fprintf(f, " %s\n", var_table[l->vars[0]].name);
    }
    if (shown == 0)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "no loop called '%s'", j->loop);
    return ferror(f) ? sim_error_set(err, SIM_EIO, NULL, 0, "could not write the loops")
                     : SIM_OK;
}

static sim_status write_job(FILE *f, void *ctx, sim_error *err)
{
    graph_job *j = ctx;
    if (j->what == SEL_ALL)
        return doc_write_graph(f, err);
    if (j->what == SEL_LOOPS)
        return write_loops(f, j, err);
    int sel[VAR_COUNT], rank[VAR_COUNT];
    char title[256];
    if (j->what == SEL_MODULE) {
        for (int v = 0; v < VAR_COUNT; v++) {
            sel[v] = v >= j->first && v < j->end;
            /* Stocks and flows first, then indicators: the diagram keeps those. */
            static const int kind_rank[VAR_KIND_COUNT] = {0, 1, 3, 2, 4, 5, 6, 7};
            rank[v] = kind_rank[var_table[v].kind] * VAR_COUNT + v;
        }
        snprintf(title, sizeof title, "%s", j->title_m);
    } else {
        int back = j->what == SEL_CAUSES;
        if (!j->dot) {
            fprintf(f, j->swedish ? "%s av %s, %d steg:\n" : "%s of %s, %d steps:\n",
                    back ? (j->swedish ? "Orsaker" : "Causes")
                         : (j->swedish ? "Användning" : "Uses"),
                    var_table[j->var].name, j->depth);
            tree(f, j, j->var, 0, 0, back);
            return ferror(f) ? sim_error_set(err, SIM_EIO, NULL, 0, "could not write the tree")
                             : SIM_OK;
        }
        (back ? graph_causes : graph_uses)(&j->g, j->var, j->depth, rank);
        for (int v = 0; v < VAR_COUNT; v++) {
            sel[v] = rank[v] >= 0;
            rank[v] = rank[v] * VAR_COUNT + v;
        }
        snprintf(title, sizeof title, "%s: %s",
                 back ? (j->swedish ? "Orsaker" : "Causes") : (j->swedish ? "Användning" : "Uses"),
                 label(j, j->var));
    }
    if (j->dot)
        return graph_write_dot(f, &j->g, sel, rank, title, j->swedish, 0, err);
    fprintf(f, "%s\n", title);
    char u[128];
    for (int v = j->first; v < j->end; v++)
        fprintf(f, "  %-34s %-10s %s [%s]\n", var_table[v].name,
                j->swedish ? var_kind_name_sv(var_table[v].kind) : var_kind_name(var_table[v].kind),
                label(j, v), unit(j, v, u, sizeof u));
    for (int e = 0; e < j->g.nedges; e++) {
        const graph_edge *x = &j->g.edges[e];
        if (sel[x->from] && sel[x->to])
            fprintf(f, "  %s -%c-> %s\n", var_table[x->from].name, x->pol, var_table[x->to].name);
    }
    return ferror(f) ? sim_error_set(err, SIM_EIO, NULL, 0, "could not write the module")
                     : SIM_OK;
}

static int find_var(const char *name)
{
    int v = var_find(name);
    if (v >= 0)
        return v;
    int s = var_suggest(name, ~0u);
    if (s >= 0)
        args_usage("graph", "unknown variable '%s' (did you mean '%s'?)", name,
                   var_table[s].name);
    else
        args_usage("graph", "unknown variable '%s'", name);
    return -1;
}

int cmd_graph(int argc, char **argv)
{
    static graph_job j;
    memset(&j, 0, sizeof j);
    j.what = SEL_ALL;
    j.depth = 2;
    j.first = j.end = 0;
    const char *out = NULL, *format = NULL, *module = NULL;
    int nsel = 0;
    args a;
    args_init(&a, "graph", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        switch (id) {
        case ARGS_HELP:
            fputs(usage, stdout);
            return CLI_OK;
        case ARGS_ERROR:
            return CLI_USAGE;
        case ARGS_POSITIONAL:
            return args_usage("graph", "unexpected argument '%s'", a.value);
        case O_CAUSES:
        case O_USES:
            if ((j.var = find_var(a.value)) < 0)
                return CLI_USAGE;
            j.what = id == O_CAUSES ? SEL_CAUSES : SEL_USES;
            nsel++;
            break;
        case O_DEPTH: {
            double d;
            if (!args_number("graph", "--depth", a.value, &d))
                return CLI_USAGE;
            if (d < 1 || d > 6 || d != (int)d)
                return args_usage("graph", "--depth must be a whole number from 1 to 6, not '%s'",
                                  a.value);
            j.depth = (int)d;
            break;
        }
        case O_MODULE:
            module = a.value;
            j.what = SEL_MODULE;
            nsel++;
            break;
        case O_LOOPS:
        case O_LOOP:
            j.what = SEL_LOOPS;
            j.loop = id == O_LOOP ? a.value : NULL;
            nsel++;
            break;
        case O_FORMAT:
            format = a.value;
            break;
        case O_LANG:
            if (strcmp(a.value, "en") != 0 && strcmp(a.value, "sv") != 0)
                return args_usage("graph", "--lang must be en or sv, not '%s'", a.value);
            j.swedish = strcmp(a.value, "sv") == 0;
            break;
        case O_OUTPUT:
            out = a.value;
            break;
        }
    }
    if (nsel > 1)
        return args_usage("graph", "give one of --causes, --uses, --module and --loops");
    if (format != NULL && strcmp(format, "text") != 0 && strcmp(format, "dot") != 0)
        return args_usage("graph", "--format must be text or dot, not '%s'", format);
    j.dot = format != NULL ? strcmp(format, "dot") == 0 : j.what == SEL_ALL;
    if (j.what == SEL_ALL && !j.dot)
        return args_usage("graph", "the whole graph is written in DOT only: choose a part "
                                   "(--causes, --uses, --module, --loops) for text");
    if (module != NULL) {
        char key[32];
        const char *title;
        int m = 0, found = 0;
        while (doc_module_info(m++, key, sizeof key, &title, &j.first, &j.end))
            if (strcmp(key, module) == 0) {
                found = 1;
                j.title_m = doc_module_title(m - 1, j.swedish);
                break;
            }
        if (!found)
            return args_usage("graph", "unknown module '%s'", module);
    }
    int orc = cli_check_output(out, NULL, 0);
    if (orc != CLI_OK)
        return orc;
    if (graph_build(&j.g) != SIM_OK) {
        fputs("transim: graph: out of memory\n", stderr);
        return CLI_FAIL;
    }
    /* A loop that does not exist is a usage error, found before any output
     * is opened, as an unknown module is. */
    if (j.loop != NULL && !loop_exists(&j)) {
        graph_release(&j.g);
        return args_usage("graph", "no loop called '%s' (see 'transim graph --loops')", j.loop);
    }
    int status = cli_write(out, write_job, &j);
    graph_release(&j.g);
    return status;
}
