/* var.c: the model table expanded from sim/model/model.def, and look-ups on it. */
#include "sim/engine/var.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define ROW_(kind_, id_, ...) \
    [V_##id_] = {.kind = kind_, .stock = -1, .lever = -1, .id = #id_, __VA_ARGS__},

const var_desc var_table[VAR_COUNT] = {
#define STOCK(id_, ...) \
    [V_##id_] = {.kind = VAR_STOCK, .stock = S_##id_, .lever = -1, .id = #id_, __VA_ARGS__},
#define FLOW(id_, ...) ROW_(VAR_FLOW, id_, __VA_ARGS__)
#define AUX(id_, ...) ROW_(VAR_AUX, id_, __VA_ARGS__)
#define INDICATOR(id_, ...) ROW_(VAR_INDICATOR, id_, __VA_ARGS__)
#define LEVER(id_, ...) \
    [V_##id_] = {.kind = VAR_LEVER, .stock = -1, .lever = L_##id_, .id = #id_, __VA_ARGS__},
#define ASSUMPTION(id_, ...) ROW_(VAR_ASSUMPTION, id_, __VA_ARGS__)
#define PARAM(id_, ...) ROW_(VAR_PARAM, id_, __VA_ARGS__)
#define SETTING(id_, ...) ROW_(VAR_SETTING, id_, __VA_ARGS__)
#include "sim/model/model.def"
#undef STOCK
#undef FLOW
#undef AUX
#undef INDICATOR
#undef LEVER
#undef ASSUMPTION
#undef PARAM
#undef SETTING
};

const int var_stock_ids[STOCK_COUNT] = {
#define STOCK(id_, ...) V_##id_,
#define FLOW VAR_NONE_
#define AUX VAR_NONE_
#define INDICATOR VAR_NONE_
#define LEVER VAR_NONE_
#define ASSUMPTION VAR_NONE_
#define PARAM VAR_NONE_
#define SETTING VAR_NONE_
#include "sim/model/model.def"
#undef STOCK
#undef LEVER
};

const int var_lever_ids[LEVER_COUNT] = {
#define STOCK VAR_NONE_
#define LEVER(id_, ...) V_##id_,
#include "sim/model/model.def"
#undef STOCK
#undef FLOW
#undef AUX
#undef INDICATOR
#undef LEVER
#undef ASSUMPTION
#undef PARAM
#undef SETTING
};

int var_find(const char *name)
{
    if (name == NULL)
        return -1;
    for (int i = 0; i < VAR_COUNT; i++)
        if (strcmp(var_table[i].name, name) == 0)
            return i;
    return -1;
}

int var_find_budget(var_budget part)
{
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].budget == part)
            return i;
    return -1;
}

size_t var_name_distance(const char *a, const char *b)
{
    enum { MAXLEN = 64 };
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAXLEN || lb > MAXLEN)
        return (size_t)-1;
    size_t d[MAXLEN + 1][MAXLEN + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

int var_suggest(const char *name, unsigned kind_mask)
{
    int best = -1;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < VAR_COUNT; i++) {
        if (!(kind_mask & (1u << var_table[i].kind)))
            continue;
        size_t dist = var_name_distance(name, var_table[i].name);
        if (dist < best_d) {
            best_d = dist;
            best = i;
        }
    }
    if (best < 0 || best_d == 0 || !var_name_near(best_d, strlen(name)))
        return -1;
    return best;
}

int var_name_near(size_t dist, size_t len)
{
    return dist <= 3 && dist * 3 <= len + 2;
}

const char *var_kind_name(var_kind k)
{
    static const char *const names[VAR_KIND_COUNT] = {
        "stock", "flow", "auxiliary", "indicator", "lever", "assumption", "parameter", "setting",
    };
    return (unsigned)k < VAR_KIND_COUNT ? names[k] : "unknown";
}

const char *var_kind_name_sv(var_kind k)
{
    static const char *const names[VAR_KIND_COUNT] = {
        "lager",     "fl\xC3\xB6""de",   "hj\xC3\xA4lpvariabel", "indikator", "styrmedel",
        "antagande", "parameter", "inst\xC3\xA4llning",
    };
    return (unsigned)k < VAR_KIND_COUNT ? names[k] : "ok\xC3\xA4nd";
}

int var_is_estimate(const var_desc *d)
{
    return d->source != NULL &&
           (strstr(d->source, "[est]") != NULL || strstr(d->source, "[fit]") != NULL);
}

int var_has_job_evidence(const var_desc *d)
{
    return d->ev_job_hi > 0.0;
}

int var_has_t_evidence(const var_desc *d)
{
    return d->ev_t_hi > 0.0;
}

static const char *const prio_codes[PRIO_COUNT] = {"P1", "P2", "P3", "P4", "P5"};
static const char *const prio_en[PRIO_COUNT] = {
    "Jobs of the future", "Innovation diffusion", "Entrepreneurship",
    "Climate-neutral economy", "Inclusive growth",
};
static const char *const prio_sv[PRIO_COUNT] = {
    "Framtidens jobb", "Innovationsspridning", "Entreprenörskap",
    "Klimatneutral ekonomi", "Inkluderande tillväxt",
};
static const char *const theme_codes[THEME_COUNT] = {"T1", "T2", "T3", "T4"};
static const char *const theme_en[THEME_COUNT] = {
    "Digitalisation and business development", "Energy efficiency and circular economy",
    "Innovation and entrepreneurship", "People in industry",
};
static const char *const theme_sv[THEME_COUNT] = {
    "Digitalisering och affärsutveckling", "Energieffektivisering och cirkulär ekonomi",
    "Innovation och entreprenörskap", "Människor i industrin",
};

const char *var_priority_code(int i)
{
    return i >= 0 && i < PRIO_COUNT ? prio_codes[i] : NULL;
}

const char *var_priority_label(int i, int swedish)
{
    if (i < 0 || i >= PRIO_COUNT)
        return NULL;
    return swedish ? prio_sv[i] : prio_en[i];
}

const char *var_theme_code(int i)
{
    return i >= 0 && i < THEME_COUNT ? theme_codes[i] : NULL;
}

const char *var_theme_label(int i, int swedish)
{
    if (i < 0 || i >= THEME_COUNT)
        return NULL;
    return swedish ? theme_sv[i] : theme_en[i];
}

char *var_tags_format(unsigned mask, int themes, const char *sep, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    buf[0] = '\0';
    int count = themes ? THEME_COUNT : PRIO_COUNT;
    size_t used = 0;
    for (int i = 0; i < count; i++) {
        if (!(mask & (1u << i)))
            continue;
        const char *code = themes ? theme_codes[i] : prio_codes[i];
        int w = snprintf(buf + used, n - used, "%s%s", used ? sep : "", code);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

double var_display(const var_desc *d, double value)
{
    return d->display_scale != 0.0 ? value * d->display_scale : value;
}

const char *var_display_unit(const var_desc *d)
{
    return d->display_unit != NULL ? d->display_unit : d->unit;
}

/* English words of the model's units and their Swedish equivalents. */
static const char *const unit_words[][2] = {
    {"yr", "\xC3\xA5r"},           {"persons", "personer"},   {"person", "person"},
    {"thousand", "tusen"},            {"jobs", "jobb"},          {"job", "jobb"},
    {"firms", "f\xC3\xB6retag"},   {"firm", "f\xC3\xB6retag"}, {"places", "platser"},
    {"participants", "deltagare"},    {"projects", "projekt"},   {"SMEs", "SMF"},
    {"of", "av"},                     {"GRP", "BRP"},            {"bn", "mdr"},
    {"SEK", "kr"},                    {"kSEK", "tkr"},           {"pp", "procentenheter"},
};

char *var_unit_text(const char *unit, int swedish, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    buf[0] = '\0';
    if (unit == NULL)
        return buf;
    if (!swedish) {
        snprintf(buf, n, "%s", unit);
        return buf;
    }
    size_t used = 0;
    for (const char *p = unit; *p && used + 1 < n;) {
        size_t len = 0;
        while (isalpha((unsigned char)p[len]))
            len++;
        const char *out = p;
        size_t out_len = len ? len : 1;
        for (size_t i = 0; len && i < sizeof unit_words / sizeof *unit_words; i++) {
            if (strlen(unit_words[i][0]) == len && strncmp(p, unit_words[i][0], len) == 0) {
                out = unit_words[i][1];
                out_len = strlen(out);
                break;
            }
        }
        if (used + out_len >= n)
            break;
        memcpy(buf + used, out, out_len);
        used += out_len;
        p += len ? len : 1;
    }
    buf[used] = '\0';
    return buf;
}

/* source_sv.def as a table of (source, Swedish) pairs. */
static const char *const source_sv[][2] = {
#define SOURCE_SV(en_, sv_) {en_, sv_},
#include "sim/model/source_sv.def"
#undef SOURCE_SV
};
enum { SOURCE_SV_COUNT = sizeof source_sv / sizeof source_sv[0] };

/* 1 when s has a letter outside its bracketed tags ("[S15] [est]" has none). */
static int source_has_words(const char *s)
{
    int depth = 0;
    for (; *s; s++) {
        if (*s == '[')
            depth++;
        else if (*s == ']' && depth > 0)
            depth--;
        else if (depth == 0 && (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80))
            return 1;
    }
    return 0;
}

const char *var_source_sv(const char *source)
{
    if (source == NULL)
        return NULL;
    for (int i = 0; i < SOURCE_SV_COUNT; i++)
        if (strcmp(source_sv[i][0], source) == 0)
            return source_sv[i][1];
    return source_has_words(source) ? NULL : source;
}

const char *var_source_text(const var_desc *d, int swedish)
{
    if (d->source == NULL)
        return "";
    const char *sv = swedish ? var_source_sv(d->source) : NULL;
    return sv != NULL ? sv : d->source;
}

int var_source_sv_count(void)
{
    return SOURCE_SV_COUNT;
}

const char *var_source_sv_entry(int i, const char **sv)
{
    if (i < 0 || i >= SOURCE_SV_COUNT)
        return NULL;
    if (sv != NULL)
        *sv = source_sv[i][1];
    return source_sv[i][0];
}
