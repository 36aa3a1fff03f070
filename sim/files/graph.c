/* graph.c: the causal graph of the model table (see graph.h): edges from
 * `.inputs` with the signs of `.polarity`, causes and uses trees, the
 * feedback loops, and the Graphviz writer for diagrams of at most
 * GRAPH_MAX_NODES variables. */
#include "sim/files/graph.h"

#include <stdlib.h>
#include <string.h>

#include "sim/files/doc.h"

/* The loops docs/model.md names, each as waypoints the loop passes in order;
 * graph_loops completes them by shortest paths. The letter says the sign
 * that tests/test_polarity.c expects: B balancing, R reinforcing; each code
 * names one loop. Word of mouth and saturation are drawn on the diffusion
 * of energy efficiency, whose adopters and pool are separate stocks: in the
 * digital and innovation diffusions one stock is both, and its sign on
 * adoption changes as the pool empties. */
typedef struct named_loop {
    const char *name;      /* code and English name, as docs/model.md has it */
    const char *name_sv;   /* code and Swedish name */
    const char *waypoints; /* comma-separated variable names */
} named_loop;

static const named_loop named_loops[] = {
    {"B1 Matching", "B1 Matchning",
     "vacancies_med, hires_med, employed_med"},
    {"B2 Study choice", "B2 Utbildningsval",
     "tertiary_prospects, he_entry_share, higher_ed_3, graduates_stay, "
                        "not_employed_high, unemployed_high"},
    {"B3 Adult training", "B3 Vuxenutbildning",
     "training_need_low, training_enrol_low, adult_training_low_3, "
                          "training_pass_low, not_employed_med, unemployed_med, hires_med, "
                          "employed_med, "
                          "vacancies_med"},
    {"R1 Prospects and people", "R1 Utsikter och befolkning",
     "employment_perception, perceived_employment, attractiveness, "
                                "in_migration, population, service_jobs, labour_demand_med, "
                                "vacancies_med, hires_med, employed_med, unemployed_med, "
                                "unemployment_rate"},
    {"R2 Word of mouth", "R2 Mun-till-mun",
     "efficiency_saved, efficiency_adoption"},
    {"B4 Saturation", "B4 Mättnad",
     "efficiency_potential, efficiency_adoption"},
    {"R3 Innovation and growth", "R3 Innovation och tillväxt",
     "innovation_active, competitiveness, mfg_output, grp, "
                                 "rd_spending, knowledge_stock, innovation_p_eff, "
                                 "innovation_adoption"},
    {"B12 Starts and unemployment", "B12 Nya företag och arbetslöshet",
     "unemployment_rate, start_conditions, firm_starts, "
                                   "firms_young, new_firm_jobs, service_jobs, "
                                   "labour_demand_low, vacancies_low, hires_low, employed_low, "
                                   "unemployed_low"},
    {"B7 Decarbonisation", "B7 Utsläppsminskning",
     "abatable_left, decarb_starts, abatement_pipe_1, abatement_pipe_2, "
                           "abatement_pipe_3, abatement_done"},
    {"B8 Grid", "B8 Elnätet",
     "grid_capacity, grid_expansion"},
    {"R4 Cost squeeze", "R4 Kostnadspress",
     "industry_cost_burden, industry_cost_change, industry_cost_seen, "
                              "competitiveness, mfg_output, mfg_gva"},
};
enum { N_NAMED = sizeof named_loops / sizeof named_loops[0] };

/* Context for collecting the edges of one row. */
typedef struct collect_ctx {
    graph *g;
    int to;
    char pol;
} collect_ctx;

static void collect_one(int var, void *vctx)
{
    collect_ctx *c = vctx;
    if (c->g->edges != NULL)
        c->g->edges[c->g->nedges] = (graph_edge){.from = var, .to = c->to, .pol = c->pol};
    c->g->nedges++;
}

/* The sign of the k-th entry in a polarity string: '+', '-', '?' (depends on
 * the state), or '.' when not declared. */
static char pol_at(const char *pol, int k)
{
    if (pol == NULL)
        return '.';
    for (; *pol; pol++) {
        if (*pol == ',' || *pol == ' ')
            continue;
        if (k-- == 0)
            return *pol == '+' || *pol == '-' || *pol == '?' ? *pol : '.';
    }
    return '.';
}

/* Calls doc_input_each for each entry of d's inputs with the entry's sign. */
static void row_edges(graph *g, int to)
{
    const var_desc *d = &var_table[to];
    const char *p = d->inputs != NULL ? d->inputs : "";
    int k = 0;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, ",");
        size_t m = n;
        while (m > 0 && p[m - 1] == ' ')
            m--;
        char entry[128];
        if (m > 0 && m < sizeof entry) {
            memcpy(entry, p, m);
            entry[m] = '\0';
            collect_ctx c = {.g = g, .to = to, .pol = pol_at(d->polarity, k)};
            doc_input_each(entry, collect_one, &c);
            k++;
        }
        p += n;
    }
}

sim_status graph_build(graph *g)
{
    memset(g, 0, sizeof *g);
    for (int v = 0; v < VAR_COUNT; v++)
        row_edges(g, v);
    int n = g->nedges;
    g->edges = malloc(((size_t)n + 1) * sizeof *g->edges);
    g->out = malloc(((size_t)n + 1) * sizeof *g->out);
    if (g->edges == NULL || g->out == NULL) {
        graph_release(g);
        return SIM_ENOMEM;
    }
    g->nedges = 0;
    for (int v = 0; v < VAR_COUNT; v++) {
        g->in_start[v] = g->nedges;
        row_edges(g, v);
    }
    g->in_start[VAR_COUNT] = g->nedges;
    for (int e = 0; e < n; e++)
        g->out_start[g->edges[e].from + 1]++;
    for (int v = 0; v < VAR_COUNT; v++)
        g->out_start[v + 1] += g->out_start[v];
    int fill[VAR_COUNT];
    memcpy(fill, g->out_start, sizeof fill);
    for (int e = 0; e < n; e++)
        g->out[fill[g->edges[e].from]++] = e;
    return SIM_OK;
}

void graph_release(graph *g)
{
    free(g->edges);
    free(g->out);
    g->edges = NULL;
    g->out = NULL;
    g->nedges = 0;
}

char graph_edge_pol(const graph *g, int from, int to)
{
    for (int e = g->in_start[to]; e < g->in_start[to + 1]; e++)
        if (g->edges[e].from == from)
            return g->edges[e].pol;
    return 0;
}

/* Breadth-first from var, against the arrows (back) or along them. */
static void walk(const graph *g, int var, int depth, int back, int *dist)
{
    for (int v = 0; v < VAR_COUNT; v++)
        dist[v] = -1;
    int queue[VAR_COUNT], head = 0, tail = 0;
    dist[var] = 0;
    queue[tail++] = var;
    while (head < tail) {
        int v = queue[head++];
        if (dist[v] >= depth)
            continue;
        int lo = back ? g->in_start[v] : g->out_start[v];
        int hi = back ? g->in_start[v + 1] : g->out_start[v + 1];
        for (int i = lo; i < hi; i++) {
            const graph_edge *e = &g->edges[back ? i : g->out[i]];
            int w = back ? e->from : e->to;
            if (dist[w] < 0) {
                dist[w] = dist[v] + 1;
                queue[tail++] = w;
            }
        }
    }
}

void graph_causes(const graph *g, int var, int depth, int *dist)
{
    walk(g, var, depth, 1, dist);
}

void graph_uses(const graph *g, int var, int depth, int *dist)
{
    walk(g, var, depth, 0, dist);
}

/* The shortest path from a to b along the arrows, written into path (a
 * first, b last, at most cap variables). Returns its length in variables, 0
 * when there is none. A path from a to itself is a loop through a. */
static int shortest_path(const graph *g, int a, int b, int *path, int cap)
{
    int prev[VAR_COUNT], queue[VAR_COUNT], head = 0, tail = 0;
    for (int v = 0; v < VAR_COUNT; v++)
        prev[v] = -2;
    queue[tail++] = a;
    prev[a] = -1;
    int found = 0;
    while (head < tail && !found) {
        int v = queue[head++];
        for (int i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
            int w = g->edges[g->out[i]].to;
            if (w == b) {
                found = 1;
                queue[0] = v; /* b's predecessor (b may be a itself) */
                break;
            }
            if (prev[w] == -2) {
                prev[w] = v;
                queue[tail++] = w;
            }
        }
    }
    if (!found)
        return 0;
    /* Walk back from the predecessor of b to a. */
    int rev[VAR_COUNT], n = 0;
    rev[n++] = b;
    for (int v = queue[0]; v != a; v = prev[v])
        rev[n++] = v;
    rev[n++] = a;
    if (n > cap)
        return 0;
    for (int i = 0; i < n; i++)
        path[i] = rev[n - 1 - i];
    return n;
}

char graph_loop_pol(const graph *g, const int *vars, int n)
{
    int neg = 0;
    for (int i = 0; i < n; i++) {
        char p = graph_edge_pol(g, vars[i], vars[(i + 1) % n]);
        if (p != '+' && p != '-')
            return '?';
        neg ^= p == '-';
    }
    return neg ? '-' : '+';
}

/* Completes a named loop through its waypoints. */
static void named(const graph *g, const named_loop *nl, graph_loop *l)
{
    int way[16], nw = 0;
    const char *p = nl->waypoints;
    while (*p && nw < 16) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, ",");
        char name[64];
        if (n > 0 && n < sizeof name) {
            memcpy(name, p, n);
            name[n] = '\0';
            way[nw++] = var_find(name);
        }
        p += n;
    }
    l->name = nl->name;
    l->name_sv = nl->name_sv;
    l->n = 0;
    for (int i = 0; i < nw; i++) {
        int a = way[i], b = way[(i + 1) % nw];
        int seg[GRAPH_LOOP_MAX + 1];
        int k = a >= 0 && b >= 0 ? shortest_path(g, a, b, seg, GRAPH_LOOP_MAX + 1) : 0;
        if (k == 0 || l->n + k - 1 > GRAPH_LOOP_MAX) {
            l->n = 0;
            return;
        }
        for (int j = 0; j < k - 1; j++)
            l->vars[l->n++] = seg[j];
    }
    l->pol = graph_loop_pol(g, l->vars, l->n);
}

/* Whether loops a and b hold the same variables. */
static int same_set(const graph_loop *a, const int *vars, int n)
{
    if (a->n != n)
        return 0;
    for (int i = 0; i < n; i++) {
        int hit = 0;
        for (int j = 0; j < n; j++)
            hit |= a->vars[j] == vars[i];
        if (!hit)
            return 0;
    }
    return 1;
}

int graph_loops(const graph *g, graph_loop *out, int cap)
{
    int count = 0;
    graph_loop l;
    for (int i = 0; i < N_NAMED; i++) {
        named(g, &named_loops[i], &l);
        if (count < cap)
            out[count] = l;
        count++;
    }
    /* For each stock and each variable it feeds, the shortest way back. */
    for (int s = 0; s < STOCK_COUNT; s++) {
        int v = var_stock_ids[s];
        for (int i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
            int w = g->edges[g->out[i]].to;
            int path[GRAPH_LOOP_MAX + 1];
            int k = w == v ? 0 : shortest_path(g, w, v, path + 1, GRAPH_LOOP_MAX);
            if (k < 3) /* none, or a stock and one flow: first-order adjustment */
                continue;
            path[0] = v;
            int n = k; /* v, then w .. the variable before v */
            int dup = 0;
            for (int j = 0; j < count && j < cap && !dup; j++)
                dup = same_set(&out[j], path, n);
            if (dup)
                continue;
            l.name = NULL;
            l.name_sv = NULL;
            l.n = n;
            memcpy(l.vars, path, (size_t)n * sizeof *path);
            l.pol = graph_loop_pol(g, l.vars, n);
            if (count < cap)
                out[count] = l;
            count++;
        }
    }
    return count;
}

/* Writes s as a DOT string body. */
static int put_escaped(FILE *f, const char *s)
{
    for (; s != NULL && *s; s++) {
        if ((*s == '"' || *s == '\\') && fputc('\\', f) == EOF)
            return -1;
        if (fputc(*s, f) == EOF)
            return -1;
    }
    return 0;
}

static const char *shape_of(var_kind k)
{
    static const char *const shapes[VAR_KIND_COUNT] = {
        "box", "cds", "ellipse", "doubleoctagon", "house", "parallelogram", "plaintext", "note",
    };
    return (unsigned)k < VAR_KIND_COUNT ? shapes[k] : "ellipse";
}

sim_status graph_write_dot(FILE *out, const graph *g, const int *sel, const int *rank,
                           const char *title, int swedish, int circle, sim_error *err)
{
    int order[VAR_COUNT], n = 0;
    for (int v = 0; v < VAR_COUNT; v++)
        if (sel[v])
            order[n++] = v;
    /* Stable selection sort by rank: n is at most a few hundred. */
    if (rank != NULL)
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && rank[order[j]] < rank[order[j - 1]]; j--) {
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
    int shown[VAR_COUNT] = {0};
    int drawn = n < GRAPH_MAX_NODES ? n : GRAPH_MAX_NODES;
    for (int i = 0; i < drawn; i++)
        shown[order[i]] = 1;
    int bad = 0;
    bad |= fprintf(out, "digraph transim {\n  %s;\n  labelloc=t;\n  label=\"",
                   circle ? "layout=circo" : "rankdir=LR") < 0;
    bad |= put_escaped(out, title) < 0;
    if (n > drawn)
        bad |= fprintf(out, swedish ? " (%d av %d variabler visas)" : " (%d of %d variables shown)",
                       drawn, n) < 0;
    bad |= fprintf(out, "\";\n  node [fontname=\"DejaVu Sans\", fontsize=10];\n"
                        "  edge [fontname=\"DejaVu Sans\", fontsize=12];\n") < 0;
    for (int i = 0; i < drawn; i++) {
        const var_desc *d = &var_table[order[i]];
        bad |= fprintf(out, "  %s [shape=%s, label=\"", d->name, shape_of(d->kind)) < 0;
        bad |= put_escaped(out, swedish ? d->label_sv : d->label_en) < 0;
        bad |= fprintf(out, "\"];\n") < 0;
    }
    for (int e = 0; e < g->nedges; e++) {
        const graph_edge *x = &g->edges[e];
        if (!shown[x->from] || !shown[x->to])
            continue;
        bad |= fprintf(out, "  %s -> %s [label=\"%c\"%s];\n", var_table[x->from].name,
                       var_table[x->to].name, x->pol == '-' ? '-' : x->pol == '+' ? '+' : '?',
                       x->pol == '-' ? ", style=dashed" : "") < 0;
    }
    bad |= fprintf(out, "}\n") < 0;
    if (bad || ferror(out))
        return sim_error_set(err, SIM_EIO, NULL, 0, "could not write the graph");
    return SIM_OK;
}
