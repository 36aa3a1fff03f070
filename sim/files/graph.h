/* graph.h: the model's causal structure, read from the table's `.inputs`
 * and `.polarity` (sim/engine/var.h): an edge from each input of an equation
 * to the variable it computes, with its declared sign. On it: the causes and
 * uses trees of one variable, a module's variables, and the feedback loops,
 * named where docs/model.md names them. `transim graph` (cli/graph.c) writes
 * these as text or Graphviz DOT; sim/files/doc.c writes the users of each
 * variable into the model reference. */
#ifndef SIM_GRAPH_H
#define SIM_GRAPH_H

#include <stdio.h>

#include "sim/engine/status.h"
#include "sim/engine/var.h"

#define GRAPH_MAX_NODES 40 /* at most this many variables in one diagram */
#define GRAPH_LOOP_MAX 24  /* variables in one loop */

/* One edge: from is read by the equation of to. */
typedef struct graph_edge {
    int from, to; /* V_ indices */
    char pol;     /* '+' to rises with from, '-' falls, '?' depends on the state,
                     '.' not declared */
} graph_edge;

/* The whole graph, in compressed rows both ways. */
typedef struct graph {
    int nedges;
    graph_edge *edges;    /* nedges edges, by target row then input order */
    int in_start[VAR_COUNT + 1];  /* edges[in_start[v] .. in_start[v+1]) end at v */
    int *out;             /* nedges edge indices grouped by source */
    int out_start[VAR_COUNT + 1]; /* out[out_start[v] .. out_start[v+1]) leave v */
} graph;

/* A feedback loop: vars[0] -> vars[1] -> ... -> vars[n-1] -> vars[0]. */
typedef struct graph_loop {
    const char *name;  /* "B1 Matching" for a loop docs/model.md names, NULL otherwise */
    const char *name_sv; /* the same in Swedish ("B1 Matchning"), NULL otherwise */
    int n;             /* variables in the loop */
    int vars[GRAPH_LOOP_MAX];
    char pol;          /* '+' reinforcing, '-' balancing, '?' some edge's sign depends on
                          the state (or is not declared) */
} graph_loop;

/* Builds g from the model table. Returns SIM_ENOMEM when out of memory. */
sim_status graph_build(graph *g);
void graph_release(graph *g);

/* The sign of the edge from -> to ('+', '-', '?'), or 0 when there is none. */
char graph_edge_pol(const graph *g, int from, int to);

/* Marks in dist[VAR_COUNT] the variables within depth steps of var against
 * the arrows (causes: what var is computed from) or along them (uses: what
 * reads var): dist[v] is the number of steps, -1 outside. */
void graph_causes(const graph *g, int var, int depth, int *dist);
void graph_uses(const graph *g, int var, int depth, int *dist);

/* The feedback loops: first the loops docs/model.md names (each completed
 * through its waypoints by shortest paths), then, for each stock and each
 * variable it feeds, the shortest way back to the stock, when that is no
 * loop listed already, leaving out the two-variable loops of a stock and a
 * flow of its own. Writes at most cap
 * loops into out and returns how many there are. A named loop whose
 * waypoints are not connected is returned with n = 0. */
int graph_loops(const graph *g, graph_loop *out, int cap);

/* The sign of the loop through vars (the product of its edges' signs). */
char graph_loop_pol(const graph *g, const int *vars, int n);

/* Writes the selection sel[VAR_COUNT] (nonzero = in) as a Graphviz digraph:
 * nodes by kind, edges among them with their sign, labels in Swedish when
 * swedish is set. At most GRAPH_MAX_NODES nodes: when sel holds more, the
 * first ones by rank[] (smaller first; NULL = table order) are drawn and a
 * note says how many are left out. circle asks Graphviz to lay the nodes on
 * a circle (for a loop); otherwise left to right. Returns SIM_EIO when a
 * write fails. */
sim_status graph_write_dot(FILE *out, const graph *g, const int *sel, const int *rank,
                           const char *title, int swedish, int circle, sim_error *err);

#endif
