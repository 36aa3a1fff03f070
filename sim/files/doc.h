/* doc.h: documentation generated from the model table (sim/model/model.def): the
 * Markdown model reference (`transim doc`, committed as
 * docs/model-reference.md) and the causal structure as a Graphviz graph
 * (`transim graph`). Both are pure functions of the table, so they cannot
 * drift from the model. */
#ifndef SIM_DOC_H
#define SIM_DOC_H

#include <stdio.h>

#include "sim/engine/status.h"
#include "sim/engine/var.h"

/* Writes the model reference as Markdown to out: every variable with its
 * English and Swedish labels, unit, equation, inputs and the variables that
 * use it (each a link, with the declared sign), and source, grouped by
 * module; the levers by priority and by theme; the key indicators; and which
 * figures are sourced, fitted or estimates. The output is deterministic (no
 * dates). Returns SIM_EIO, with err saying so, when a write to out fails. */
sim_status doc_write_reference(FILE *out, sim_error *err);

/* The same in English (swedish = 0, as doc_write_reference) or in Swedish
 * (1: headings, kinds, units, labels, descriptions, sources and evidence notes
 * in Swedish, numbers with a decimal comma; equations and names as in the
 * table), committed as docs/sv/model-reference.md. */
sim_status doc_write_reference_lang(FILE *out, int swedish, sim_error *err);

/* Writes one paragraph of Markdown with the model's counts: variables, the
 * edges of the causal graph by sign, and the feedback loops `transim graph
 * --loops` finds, named ones among them. The model reference opens with it,
 * and `make doc` puts it between the counts markers of docs/model.md
 * (`transim doc --counts`), so that no count in the docs is written by hand.
 * Returns SIM_ENOMEM when the graph cannot be built, SIM_EIO when a write
 * fails. */
sim_status doc_write_counts(FILE *out, sim_error *err);

/* The same in English (swedish = 0) or Swedish (1, a thin space between
 * thousands). */
sim_status doc_write_counts_lang(FILE *out, int swedish, sim_error *err);

/* Writes the causal structure as a Graphviz digraph to out: one node per
 * variable (shaped by kind, grouped by module) and an edge from each name in
 * a row's inputs to the row. Returns SIM_EIO when a write fails. */
sim_status doc_write_graph(FILE *out, sim_error *err);

/* Classification of a figure by its source tag. */
typedef enum doc_status {
    DOC_SOURCED,   /* a published figure or arithmetic on published figures:
                      a source tag [S..], neither [est] nor [fitted] */
    DOC_FITTED,    /* fitted so that the model reproduces sourced figures */
    DOC_ESTIMATE,  /* a modelling estimate ([est]), varied by Monte Carlo */
    DOC_DERIVED    /* a definition or arithmetic on the model's own figures */
} doc_status;

/* The status of row d, and its name ("sourced", "fitted", "estimate",
 * "derived"). */
doc_status doc_status_of(const var_desc *d);
const char *doc_status_name(doc_status s);

/* Calls fn(lever V_ index, ctx) for each variable named by one entry of an
 * inputs list: the variable itself, or the levers of a group ("every lever",
 * "levers tagged P1" .. "levers tagged T4"). Returns the number of variables
 * named (0 when the entry names nothing). */
int doc_input_each(const char *entry, void (*fn)(int var, void *ctx), void *ctx);

/* The modules of the table in evaluation order: module m's short name (the
 * base name of its .def file, "labour", cut to fit key[cap]), its title,
 * and its rows [*first, *end). Returns 0 when m is out of range. */
int doc_module_info(int m, char *key, size_t cap, const char **title, int *first, int *end);

/* Module m's title in Swedish (swedish = 1) or English; NULL when m is out
 * of range. */
const char *doc_module_title(int m, int swedish);

#endif
