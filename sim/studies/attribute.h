/* attribute.h: which lever accounts for how much of a scenario's change
 * against the baseline, by Shapley values (Shapley 1953).
 *
 * The players are the levers whose schedule (value, start or ramp) differs
 * between the baseline and the scenario, plus one player "other inputs" when
 * assumptions, parameters or settings differ too. The worth v(S) of a
 * coalition S is an output of the run in which the players in S take the
 * scenario's inputs and the others keep the baseline's. A player's Shapley
 * value is its marginal contribution v(S + i) - v(S) averaged over every
 * order in which the players can join; the values add up to
 * v(all) - v(none), the total change.
 *
 * With k <= ATTR_EXACT_MAX players the values are exact (2^k runs). Beyond,
 * they are estimated from random join orders (Castro, Gomez and Tejada
 * 2009), each drawn order paired with its reverse (antithetic sampling,
 * which cancels much of the error); each order's marginal contributions
 * still add up to the total change, so the estimates do too.
 *
 * This module plans the coalitions and combines their worths; the caller
 * runs the model for each coalition (in parallel if it likes). */
#ifndef SIM_ATTRIBUTE_H
#define SIM_ATTRIBUTE_H

#include <stddef.h>
#include <stdint.h>

#include "sim/files/scenario.h"
#include "sim/engine/status.h"

#define ATTR_EXACT_MAX 12    /* players up to which exact values are the default */
#define ATTR_PLAYERS_MAX 24  /* most players attribution accepts (levers + 1) */
#define ATTR_OTHER (-1)      /* the player "other inputs" in a player list */

typedef struct attr_plan {
    size_t players;        /* k */
    int exact;             /* 1: all 2^k coalitions; 0: sampled join orders */
    size_t orders;         /* sampled: number of join orders (even) */
    unsigned char *order;  /* sampled: orders x players, each a permutation of 0..k-1 */
    uint32_t *coalitions;  /* the coalitions to run, ascending bit masks (bit i = player i) */
    size_t n_coalitions;   /* their number */
} attr_plan;

/* Lists the players of sc against base into vars (V_ lever indices in table
 * order, then ATTR_OTHER if any non-lever input differs); returns how many
 * (at most ATTR_PLAYERS_MAX + 1 are ever written, so size vars to that). */
size_t attr_players(const scenario *base, const scenario *sc, int *vars);

/* Plans the runs for k players: exact when exact > 0, or when exact == 0 and
 * k <= ATTR_EXACT_MAX; otherwise `orders` random join orders (rounded up to
 * even, >= 2) from seed. SIM_EINVAL when k exceeds ATTR_PLAYERS_MAX or
 * orders is 0 for a sampled plan; SIM_ENOMEM. */
sim_status attr_plan_init(attr_plan *p, size_t k, int exact, size_t orders, uint64_t seed,
                          sim_error *err);
void attr_plan_release(attr_plan *p);

/* Position of coalition mask in p->coalitions, or (size_t)-1. */
size_t attr_plan_find(const attr_plan *p, uint32_t mask);

/* The inputs of coalition mask: base's inputs, with the players in mask
 * (vars[i] for bit i, from attr_players) taking sc's, and sc's years and
 * name. */
void attr_coalition(const scenario *base, const scenario *sc, const int *vars, size_t k,
                    uint32_t mask, scenario *out);

/* Shapley values phi[k] of one output, given the worths of the plan's
 * coalitions: output j of coalition c is worth[c * width + j]. */
void attr_shapley(const attr_plan *p, const double *worth, size_t width, size_t j,
                  double *phi);

/* Standard errors se[k] of attr_shapley's values: 0 for an exact plan; for
 * a sampled one, the standard deviation of the players' contributions over
 * the antithetic pairs of orders (each pair averaged) over the square root
 * of the number of pairs. */
void attr_shapley_se(const attr_plan *p, const double *worth, size_t width, size_t j,
                     double *se);

#endif
