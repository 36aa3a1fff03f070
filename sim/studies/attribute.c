/* attribute.c: Shapley values of the levers, exact or from sampled join
 * orders (see attribute.h for the method). */
#include "sim/studies/attribute.h"
#include "sim/engine/gsl_init.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>

#include "sim/studies/sample.h"

static int lever_differs(const scenario *a, const scenario *b, int v)
{
    if (a->value[v] != b->value[v])
        return 1;
    /* A schedule whose target equals the baseline value is flat whatever
     * its start and ramp; otherwise the timing matters. */
    if (b->value[v] == var_table[v].value && a->value[v] == var_table[v].value)
        return 0;
    return a->lever_start[v] != b->lever_start[v] || a->lever_ramp[v] != b->lever_ramp[v];
}

size_t attr_players(const scenario *base, const scenario *sc, int *vars)
{
    size_t k = 0;
    int other = 0;
    for (int v = 0; v < VAR_COUNT; v++) {
        if (var_table[v].kind == VAR_LEVER) {
            if (lever_differs(base, sc, v) && k < ATTR_PLAYERS_MAX)
                vars[k++] = v;
        } else if (var_table[v].kind == VAR_ASSUMPTION || var_table[v].kind == VAR_PARAM ||
                   var_table[v].kind == VAR_SETTING) {
            if (base->value[v] != sc->value[v])
                other = 1;
        }
    }
    if (other)
        vars[k++] = ATTR_OTHER;
    return k;
}

static size_t bits_set(uint32_t m)
{
    size_t n = 0;
    for (; m; m &= m - 1)
        n++;
    return n;
}

static int mask_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

sim_status attr_plan_init(attr_plan *p, size_t k, int exact, size_t orders, uint64_t seed,
                          sim_error *err)
{
    memset(p, 0, sizeof *p);
    if (k > ATTR_PLAYERS_MAX)
        return sim_error_set(err, SIM_EINVAL, NULL, 0,
                             "%zu players are more than the %d attribution accepts", k,
                             ATTR_PLAYERS_MAX);
    p->players = k;
    p->exact = exact > 0 || (exact == 0 && k <= ATTR_EXACT_MAX);
    if (p->exact) {
        p->n_coalitions = (size_t)1 << k;
        p->coalitions = malloc(p->n_coalitions * sizeof *p->coalitions);
        if (p->coalitions == NULL)
            return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
        for (size_t m = 0; m < p->n_coalitions; m++)
            p->coalitions[m] = (uint32_t)m;
        return SIM_OK;
    }

    if (orders == 0)
        return sim_error_set(err, SIM_EINVAL, NULL, 0, "zero join orders for sampled attribution");
    orders += orders % 2;
    p->orders = orders;
    p->order = malloc(orders * k);
    uint32_t *all = malloc((orders * k + 1) * sizeof *all);
    sim_gsl_init(); /* GSL's default handler aborts on a failed alloc */
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (p->order == NULL || all == NULL || rng == NULL) {
        free(all);
        gsl_rng_free(rng);
        attr_plan_release(p);
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory");
    }
    size_t n = 0;
    all[n++] = 0;
    for (size_t o = 0; o < orders; o += 2) {
        unsigned char *fw = p->order + o * k, *bw = fw + k;
        sample_stream(rng, seed, (uint64_t)o / 2);
        for (size_t i = 0; i < k; i++)
            fw[i] = (unsigned char)i;
        for (size_t i = k - 1; i > 0; i--) {
            size_t j = (size_t)gsl_rng_uniform_int(rng, (unsigned long)(i + 1));
            unsigned char t = fw[i];
            fw[i] = fw[j];
            fw[j] = t;
        }
        for (size_t i = 0; i < k; i++)
            bw[i] = fw[k - 1 - i];
        for (size_t h = 0; h < 2; h++) {
            uint32_t m = 0;
            for (size_t i = 0; i < k; i++) {
                m |= 1u << (h ? bw[i] : fw[i]);
                all[n++] = m;
            }
        }
    }
    gsl_rng_free(rng);
    qsort(all, n, sizeof *all, mask_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || all[i] != all[u - 1])
            all[u++] = all[i];
    p->coalitions = all;
    p->n_coalitions = u;
    return SIM_OK;
}

void attr_plan_release(attr_plan *p)
{
    free(p->order);
    free(p->coalitions);
    memset(p, 0, sizeof *p);
}

size_t attr_plan_find(const attr_plan *p, uint32_t mask)
{
    if (p->exact)
        return mask < p->n_coalitions ? (size_t)mask : (size_t)-1;
    size_t lo = 0, hi = p->n_coalitions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->coalitions[mid] < mask)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->n_coalitions && p->coalitions[lo] == mask ? lo : (size_t)-1;
}

void attr_coalition(const scenario *base, const scenario *sc, const int *vars, size_t k,
                    uint32_t mask, scenario *out)
{
    *out = *base;
    memcpy(out->name, sc->name, sizeof out->name);
    out->start = sc->start;
    out->end = sc->end;
    for (size_t i = 0; i < k; i++) {
        if (!(mask & (1u << i)))
            continue;
        int v = vars[i];
        if (v == ATTR_OTHER) {
            for (int w = 0; w < VAR_COUNT; w++) {
                var_kind kind = var_table[w].kind;
                if (kind == VAR_ASSUMPTION || kind == VAR_PARAM || kind == VAR_SETTING) {
                    out->value[w] = sc->value[w];
                    out->set[w] = sc->set[w];
                }
            }
        } else {
            out->value[v] = sc->value[v];
            out->lever_start[v] = sc->lever_start[v];
            out->lever_ramp[v] = sc->lever_ramp[v];
            out->set[v] = sc->set[v];
        }
    }
    /* A lever left at the baseline must not start before the run does. */
    for (int l = 0; l < LEVER_COUNT; l++) {
        int v = var_lever_ids[l];
        if (out->lever_start[v] < out->start)
            out->lever_start[v] = out->start;
    }
}

/* Exact Shapley value: phi_i = sum over S without i of
 * |S|! (k - |S| - 1)! / k! (v(S + i) - v(S)). */
static void shapley_exact(const attr_plan *p, const double *worth, size_t width, size_t j,
                          double *phi)
{
    size_t k = p->players;
    double weight[ATTR_PLAYERS_MAX + 1];
    /* weight[s] = 1 / (k C(k-1, s)), built from C(k-1, s+1) = C(k-1, s) (k-1-s)/(s+1). */
    double binom = 1.0;
    for (size_t s = 0; s < k; s++) {
        weight[s] = 1.0 / ((double)k * binom);
        binom = binom * (double)(k - 1 - s) / (double)(s + 1);
    }
    for (size_t i = 0; i < k; i++) {
        double sum = 0.0;
        uint32_t bit = 1u << i;
        for (size_t m = 0; m < p->n_coalitions; m++) {
            if (m & bit)
                continue;
            size_t s = bits_set((uint32_t)m);
            sum += weight[s] * (worth[(m | bit) * width + j] - worth[m * width + j]);
        }
        phi[i] = sum;
    }
}

static void shapley_sampled(const attr_plan *p, const double *worth, size_t width, size_t j,
                            double *phi)
{
    size_t k = p->players;
    for (size_t i = 0; i < k; i++)
        phi[i] = 0.0;
    for (size_t o = 0; o < p->orders; o++) {
        const unsigned char *ord = p->order + o * k;
        uint32_t m = 0;
        double prev = worth[attr_plan_find(p, 0) * width + j];
        for (size_t i = 0; i < k; i++) {
            m |= 1u << ord[i];
            double cur = worth[attr_plan_find(p, m) * width + j];
            phi[ord[i]] += cur - prev;
            prev = cur;
        }
    }
    for (size_t i = 0; i < k; i++)
        phi[i] /= (double)p->orders;
}

void attr_shapley(const attr_plan *p, const double *worth, size_t width, size_t j, double *phi)
{
    if (p->players == 0)
        return;
    if (p->exact)
        shapley_exact(p, worth, width, j, phi);
    else
        shapley_sampled(p, worth, width, j, phi);
}

void attr_shapley_se(const attr_plan *p, const double *worth, size_t width, size_t j,
                     double *se)
{
    size_t k = p->players;
    for (size_t i = 0; i < k; i++)
        se[i] = 0.0;
    if (p->exact || p->orders < 4)
        return;
    double mean[ATTR_PLAYERS_MAX] = {0}, m2[ATTR_PLAYERS_MAX] = {0};
    double pair[ATTR_PLAYERS_MAX];
    size_t pairs = p->orders / 2;
    for (size_t q = 0; q < pairs; q++) {
        for (size_t i = 0; i < k; i++)
            pair[i] = 0.0;
        for (size_t h = 0; h < 2; h++) {
            const unsigned char *ord = p->order + (2 * q + h) * k;
            uint32_t m = 0;
            double prev = worth[attr_plan_find(p, 0) * width + j];
            for (size_t i = 0; i < k; i++) {
                m |= 1u << ord[i];
                double cur = worth[attr_plan_find(p, m) * width + j];
                pair[ord[i]] += 0.5 * (cur - prev);
                prev = cur;
            }
        }
        for (size_t i = 0; i < k; i++) { /* Welford */
            double d = pair[i] - mean[i];
            mean[i] += d / (double)(q + 1);
            m2[i] += d * (pair[i] - mean[i]);
        }
    }
    for (size_t i = 0; i < k; i++)
        se[i] = sqrt(m2[i] / (double)(pairs - 1) / (double)pairs);
}
