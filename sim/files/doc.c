/* doc.c: the model reference (Markdown) and the causal graph (Graphviz DOT),
 * both generated from the model table. The CLI's `transim doc` and
 * `transim graph` call these; docs/model-reference.md is the committed
 * output of doc_write_reference (tests/test_doc.c keeps it current). */
#include "sim/files/doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sim/files/graph.h"
#include "sim/files/output.h"
#include "sim/model/model.h"

/* The modules in evaluation order, each from its first row in the table to
 * the next module's first row (see sim/model/model.def). */
typedef struct doc_module {
    int first;            /* V_ index of the module's first row */
    const char *title;    /* section title */
    const char *file;     /* the .def file */
    const char *about;    /* what the module does, in a sentence or two */
    const char *title_sv; /* the title in Swedish */
    const char *about_sv; /* what it does, in Swedish */
} doc_module;

static const doc_module modules[] = {
    {V_ADULT_TRAINING, "Levers", "sim/model/levers.def",
     "The 18 policy levers the region decides; each acts from a start year, ramping to its "
     "target. Their effect sizes are parameters of the modules they act on.",
     "Styrmedel",
     "De 18 styrmedel som regionen beslutar om; vart och ett verkar från ett startår och trappas "
     "upp till sitt mål. Deras effekter är parametrar i de moduler de verkar på."},
    {V_REF_POP_YOUNG, "Calibration: the 2020 reference state", "sim/model/calib.def",
     "The 2020 state derived from the parameters alone: the initial stocks and the constants "
     "fitted so that the 2020 state reproduces the sourced figures under any parameter values.",
     "Kalibrering: läget 2020",
     "Läget 2020 härlett ur parametrarna: de ursprungliga lagren och de konstanter som anpassas "
     "så att läget 2020 återger de källbelagda siffrorna, vilka parametervärden som än gäller."},
    {V_BROADBAND_RURAL_START, "Inclusion: rural broadband and urban-rural links",
     "sim/model/inclusion.def",
     "Rural fibre coverage, and the factors by which connectivity, urban-rural partnerships, "
     "remote-work hubs and integration programmes act on matching, participation and "
     "in-migration.",
     "Inkludering: bredband på landsbygden och kopplingar mellan stad och land",
     "Fiberutbyggnaden på landsbygden och de faktorer genom vilka uppkoppling, partnerskap mellan "
     "stad och land, distansarbetsplatser och etableringsinsatser verkar på matchning, deltagande "
     "och inflyttning."},
    {V_POPULATION_START, "Demography", "sim/model/demography.def",
     "Age groups 0-19, 20-64 (held by skill and status in the labour module) and 65+; births, "
     "deaths, ageing, and migration that follows perceived job prospects and connectivity.",
     "Befolkning",
     "Åldersgrupperna 0–19, 20–64 (efter utbildningsnivå och ställning i arbetsmarknadsmodulen) "
     "och 65+; födda, döda, åldrande och flyttningar som följer de upplevda jobbutsikterna och "
     "uppkopplingen."},
    {V_EXPORT_GROWTH, "Production and jobs", "sim/model/production.def",
     "Five sectors; manufacturing sells what export demand and competitiveness allow, and its "
     "jobs are sales over productivity; services follow population, manufacturing and new "
     "firms; labour demand by skill; GRP.",
     "Produktion och jobb",
     "Fem sektorer; tillverkningsindustrin säljer vad exportefterfrågan och konkurrenskraften "
     "medger, och dess jobb är försäljningen delad med produktiviteten; tjänsterna följer "
     "befolkningen, industrin och de nya företagen; efterfrågan på arbetskraft per "
     "utbildningsnivå; bruttoregionprodukten (BRP)."},
    {V_SKILL_SHARE_LOW_START, "Skills and labour", "sim/model/labour.def",
     "People aged 20-64 by skill (low, medium, high) and status; higher education and adult "
     "training as third-order delays; a matching function per skill level; mismatch and "
     "shortage.",
     "Kompetens och arbetsmarknad",
     "Personer 20–64 år efter utbildningsnivå (låg, mellan, hög) och ställning; högre "
     "utbildning och vuxenutbildning som fördröjningar av tredje ordningen; en "
     "matchningsfunktion per utbildningsnivå; kompetensmissmatchning och brist."},
    {V_FIRM_STARTS_START, "Firms", "sim/model/firms.def",
     "Young and established firms as an aging chain: starts, exits, maturing, survival.",
     "Företag",
     "Unga och etablerade företag som en åldrande kedja: nyföretagande, nedläggningar, "
     "mognad och överlevnad."},
    {V_DIGITAL_SHARE_START, "Innovation and digitalisation", "sim/model/innovation.def",
     "Bass diffusion of digital tools and of innovation among established SMEs, and the R&D "
     "knowledge stock.",
     "Innovation och digitalisering",
     "Spridning enligt Bassmodellen av digitala verktyg och av innovation bland etablerade "
     "SMF, och kunskapsstocken från FoU."},
    {V_ENERGY_PRICE, "Energy and climate", "sim/model/energy.def",
     "Industrial energy (electricity and fuels), diffusion of efficiency measures from a "
     "potential, energy audits, a decarbonisation pipeline whose electrified projects wait for "
     "grid capacity, industry's cost burden, and emissions of industry and of five other "
     "sectors.",
     "Energi och klimat",
     "Industrins energi (el och bränslen), spridning av effektiviseringsåtgärder ur en "
     "potential, energikartläggningar, en kedja av omställningsprojekt där de elektrifierade "
     "väntar på kapacitet i elnätet, industrins kostnadsbörda samt utsläppen från industrin och "
     "fem andra sektorer."},
    {V_BUDGET_CAP, "Budget", "sim/model/budget.def",
     "Policy spending on the units taken up, by priority and theme; funds allocated but not "
     "taken up; cumulative spending as stocks whose inflow is the spending; the yearly cap.",
     "Budget",
     "Styrmedlens kostnad för de enheter som utnyttjas, per prioritering och tema; anslag som "
     "inte utnyttjas; den sammanlagda kostnaden som lager vars inflöde är kostnaden; taket per år."},
};
enum { N_MODULES = sizeof modules / sizeof modules[0] };

int doc_module_info(int m, char *key, size_t cap, const char **title, int *first, int *end)
{
    if (m < 0 || m >= N_MODULES || cap == 0)
        return 0;
    /* "sim/model/labour.def" -> "labour" */
    const char *base = strrchr(modules[m].file, '/');
    base = base != NULL ? base + 1 : modules[m].file;
    size_t n = strcspn(base, ".");
    if (n >= cap)
        n = cap - 1;
    memcpy(key, base, n);
    key[n] = '\0';
    *title = modules[m].title;
    *first = modules[m].first;
    *end = m + 1 < N_MODULES ? modules[m + 1].first : VAR_COUNT;
    return 1;
}

const char *doc_module_title(int m, int swedish)
{
    if (m < 0 || m >= N_MODULES)
        return NULL;
    return swedish ? modules[m].title_sv : modules[m].title;
}

/* Writer state: the stream and whether a write has failed. */
typedef struct doc_out {
    FILE *f;
    int failed;
    int sv; /* 1: the Swedish reference */
} doc_out;

/* The text of the reference's language. */
static const char *tr(const doc_out *o, const char *en, const char *sv)
{
    return o->sv ? sv : en;
}

/* A unit of the table in the reference's language. */
static const char *unit_of(const doc_out *o, const char *unit, char *buf, size_t n)
{
    return var_unit_text(unit, o->sv, buf, n);
}

static void emit(doc_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emit(doc_out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(o->f, fmt, ap) < 0)
        o->failed = 1;
    va_end(ap);
}

/* Writes s with the characters that would break a Markdown table cell
 * escaped. */
static void emit_cell(doc_out *o, const char *s)
{
    for (; s != NULL && *s; s++) {
        if (*s == '|')
            emit(o, "\\|");
        else if (fputc(*s, o->f) == EOF)
            o->failed = 1;
    }
}

static sim_status finish(doc_out *o, sim_error *err, const char *what)
{
    if (o->failed || ferror(o->f) || fflush(o->f) != 0)
        return sim_error_set(err, SIM_EIO, NULL, 0, "could not write the %s", what);
    return SIM_OK;
}

doc_status doc_status_of(const var_desc *d)
{
    const char *s = d->source != NULL ? d->source : "";
    /* "[fitted]": a calibration constant; "[fit]": fitted to 2010-2020 (transim fit). */
    if (strstr(s, "[fitted]") != NULL || strncmp(s, "[fit]", 5) == 0)
        return DOC_FITTED;
    if (var_is_estimate(d))
        return DOC_ESTIMATE;
    if (strstr(s, "[S") != NULL)
        return DOC_SOURCED;
    return DOC_DERIVED;
}

const char *doc_status_name(doc_status s)
{
    static const char *const names[] = {"sourced", "fitted", "estimate", "derived"};
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "unknown";
}

int doc_input_each(const char *entry, void (*fn)(int var, void *ctx), void *ctx)
{
    int id = var_find(entry);
    if (id >= 0) {
        fn(id, ctx);
        return 1;
    }
    unsigned mask = 0;
    int themes = 0;
    if (strcmp(entry, "every lever's take-up") == 0) {
        int n = 0;
        for (int l = 0; l < LEVER_COUNT; l++) {
            int row = var_table[var_lever_ids[l]].uptake;
            if (row > 0) {
                fn(row, ctx);
                n++;
            }
        }
        return n;
    }
    if (strcmp(entry, "every lever") == 0) {
        mask = ~0u;
    } else if (strncmp(entry, "levers tagged ", 14) == 0) {
        const char *code = entry + 14;
        for (int i = 0; i < PRIO_COUNT; i++)
            if (strcmp(code, var_priority_code(i)) == 0)
                mask = 1u << i;
        for (int i = 0; i < THEME_COUNT; i++)
            if (strcmp(code, var_theme_code(i)) == 0) {
                mask = 1u << i;
                themes = 1;
            }
    }
    if (mask == 0)
        return 0;
    int n = 0;
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        if ((themes ? d->themes : d->priorities) & mask) {
            fn(var_lever_ids[l], ctx);
            n++;
        }
    }
    return n;
}

/* Calls fn for every variable named in d's inputs. Entries are separated
 * by commas; an entry that names nothing is skipped (tests catch those). */
static void inputs_each(const var_desc *d, void (*fn)(int var, void *ctx), void *ctx)
{
    const char *p = d->inputs != NULL ? d->inputs : "";
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
            doc_input_each(entry, fn, ctx);
        }
        p += n;
    }
}

/* A number; with a decimal comma in Swedish. */
static void emit_number(doc_out *o, double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.6g", x);
    emit(o, "%s", output_decimal_comma(buf, o->sv));
}

/* The dash between the ends of a range. */
static const char *dash(const doc_out *o)
{
    return o->sv ? "–" : "-";
}

/* A label: the English and the Swedish in the English reference, the
 * Swedish only in the Swedish one. */
static void emit_label(doc_out *o, const var_desc *d)
{
    if (!o->sv) {
        emit_cell(o, d->label_en);
        emit(o, " / ");
    }
    emit_cell(o, d->label_sv);
}

static const char *kind_name(const doc_out *o, var_kind k)
{
    return o->sv ? var_kind_name_sv(k) : var_kind_name(k);
}

static const char *status_name(const doc_out *o, doc_status st)
{
    static const char *const sv[] = {"källbelagd", "anpassad", "uppskattning",
                                     "härledd"};
    return o->sv && (unsigned)st < 4 ? sv[st] : doc_status_name(st);
}

static const char *better_name(const doc_out *o, int better)
{
    return better > 0 ? tr(o, "higher", "högre")
                      : better < 0 ? tr(o, "lower", "lägre") : tr(o, "neutral", "neutral");
}

static void emit_lever_row(doc_out *o, const var_desc *d)
{
    char pr[32], th[32];
    var_tags_format(d->priorities, 0, " ", pr, sizeof pr);
    var_tags_format(d->themes, 1, " ", th, sizeof th);
    char unit[128];
    emit(o, "| `%s` | ", d->name);
    emit_label(o, d);
    emit(o, " | %s | ", unit_of(o, d->unit, unit, sizeof unit));
    emit_number(o, d->value);
    emit(o, " | ");
    emit_number(o, d->min);
    emit(o, "%s", dash(o));
    emit_number(o, d->max);
    emit(o, " | ");
    emit_number(o, d->policy);
    emit(o, " | ");
    emit_number(o, d->cost);
    emit(o, " | %s | %s |\n", pr, th);
}

static void emit_lever_table_head(doc_out *o)
{
    emit(o, "%s", tr(o, "| Lever | Label (en / sv) | Unit | Baseline | Range | Full toolbox | "
                        "Cost, MSEK/yr per unit | Priorities | Themes |\n",
                     "| Styrmedel | Benämning | Enhet | Basnivå | Intervall | "
                     "Full verktygslåda | Kostnad, MSEK/år per enhet | "
                     "Prioriteringar | Teman |\n"));
    emit(o, "|---|---|---|---|---|---|---|---|---|\n");
}

/* One section of levers: those whose mask has bit i, under a heading with
 * the group's code and its English and Swedish labels. */
static void emit_lever_group(doc_out *o, const char *code, const char *en, const char *sv,
                             int themes, int i)
{
    if (o->sv)
        emit(o, "### %s %s\n\n", code, sv);
    else
        emit(o, "### %s %s (%s)\n\n", code, en, sv);
    emit_lever_table_head(o);
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        if ((themes ? d->themes : d->priorities) & (1u << i))
            emit_lever_row(o, d);
    }
    emit(o, "\n");
}

/* A range "lo-hi" scaled by scale, or "n/a" when the lever gives none. */
static void emit_range(doc_out *o, int has, double lo, double hi, double scale)
{
    if (!has) {
        emit(o, "%s", tr(o, "n/a", "saknas"));
        return;
    }
    emit_number(o, lo * scale);
    if (hi != lo) {
        emit(o, "%s", dash(o));
        emit_number(o, hi * scale);
    }
}

/* A lever's evidence note in the reference's language ("" for none): the
 * Swedish is its entry in sim/model/source_sv.def. */
static const char *ev_note_of(const doc_out *o, const var_desc *d)
{
    const char *sv = o->sv ? var_source_sv(d->ev_note) : NULL;
    return sv != NULL ? sv : d->ev_note != NULL ? d->ev_note : "";
}

/* Per lever: its take-up row and the cost-effectiveness the cited
 * evaluations give (the ev_* fields), which `transim evidence` compares
 * with the model's. */
static void emit_lever_evidence(doc_out *o)
{
    emit(o, "%s",
         tr(o,
            "## Levers: take-up and evidence\n\n"
            "Spending is charged on the units taken up only (the take-up row). The evidence "
            "columns give the public cost per additional job-year and per tonne CO2e avoided "
            "that the cited evaluations find; `transim evidence` (docs/evidence.md) sets the "
            "model's own figures beside them.\n\n"
            "| Lever | Take-up | Cost per job-year, kSEK | Cost per t CO2e, SEK | Sources | Note |\n"
            "|---|---|---|---|---|---|\n",
            "## Styrmedel: utnyttjande och belägg\n\n"
            "Kostnaden räknas bara på de enheter som utnyttjas (raden för utnyttjande). "
            "Kolumnerna med belägg visar den offentliga kostnaden per extra årsarbete och per "
            "ton CO2e som undviks enligt de utvärderingar som citeras; `transim evidence` "
            "(docs/evidence.md, på engelska) ställer modellens egna siffror bredvid.\n\n"
            "| Styrmedel | Utnyttjande | Kostnad per årsarbete, tkr | Kostnad per t CO2e, kr | "
            "Källor | Kommentar |\n"
            "|---|---|---|---|---|---|\n"));
    for (int l = 0; l < LEVER_COUNT; l++) {
        const var_desc *d = &var_table[var_lever_ids[l]];
        emit(o, "| `%s` | ", d->name);
        if (d->uptake > 0)
            emit(o, "`%s`", var_table[d->uptake].name);
        else
            emit(o, "%s", tr(o, "none", "ingen"));
        emit(o, " | ");
        emit_range(o, var_has_job_evidence(d), d->ev_job_lo, d->ev_job_hi, 1e-3);
        emit(o, " | ");
        emit_range(o, var_has_t_evidence(d), d->ev_t_lo, d->ev_t_hi, 1.0);
        emit(o, " | ");
        emit_cell(o, d->ev_source != NULL ? d->ev_source : tr(o, "none yet", "inga ännu"));
        emit(o, " | ");
        emit_cell(o, ev_note_of(o, d));
        emit(o, " |\n");
    }
    emit(o, "\n");
}

/* The levers grouped by priority, then by theme. */
static void emit_levers(doc_out *o)
{
    emit(o, "%s",
         tr(o,
            "## Levers by priority\n\n"
            "The five priorities of the EU/OECD industrial-transition toolbox. A lever tagged "
            "with several priorities appears under each; its spending is split equally among "
            "them in the budget indicators. Spending is cost x (value - baseline) x take-up per "
            "year.\n\n",
            "## Styrmedel per prioritering\n\n"
            "De fem prioriteringarna i EU:s och OECD:s verktygslåda för industriell omställning. "
            "Ett styrmedel med flera prioriteringar står under var och en; dess kostnad delas "
            "lika mellan dem i budgetindikatorerna. Kostnaden per år är kostnad × (värde − "
            "basnivå) × utnyttjande.\n\n"));
    for (int p = 0; p < PRIO_COUNT; p++)
        emit_lever_group(o, var_priority_code(p), var_priority_label(p, 0),
                         var_priority_label(p, 1), 0, p);
    emit(o, "%s", tr(o,
                     "## Levers by theme\n\n"
                     "The four themes of the region's strategy for industrial transition.\n\n",
                     "## Styrmedel per tema\n\n"
                     "De fyra temana i regionens strategi för industriell omvandling.\n\n"));
    for (int t = 0; t < THEME_COUNT; t++)
        emit_lever_group(o, var_theme_code(t), var_theme_label(t, 0), var_theme_label(t, 1), 1,
                         t);
    emit_lever_evidence(o);
}

static void emit_key_indicators(doc_out *o)
{
    emit(o, "%s",
         tr(o,
            "## Key indicators\n\n"
            "The indicators that `compare`, the batch summary and the front end's key strip "
            "show first.\n\n"
            "| Indicator | Label (en / sv) | Unit | Shown as | Better |\n|---|---|---|---|---|\n",
            "## Nyckelindikatorer\n\n"
            "De indikatorer som `compare`, sammanställningen av en körning i omgångar och "
            "fönstrets nyckelrad visar först.\n\n"
            "| Indikator | Benämning | Enhet | Visas som | Bättre |\n|---|---|---|---|---|\n"));
    for (int i = 0; i < VAR_COUNT; i++) {
        const var_desc *d = &var_table[i];
        if (!d->key)
            continue;
        char unit[128], shown[128];
        emit(o, "| `%s` | ", d->name);
        emit_label(o, d);
        emit(o, " | %s | %s | %s |\n", unit_of(o, d->unit, unit, sizeof unit),
             unit_of(o, var_display_unit(d), shown, sizeof shown), better_name(o, d->better));
    }
    emit(o, "\n");
}

/* Context for listing a row's inputs. */
typedef struct list_ctx {
    doc_out *o;
    int n;
} list_ctx;

static void list_one(int var, void *vctx)
{
    list_ctx *c = vctx;
    emit(c->o, "%s`%s`", c->n++ ? ", " : "", var_table[var].name);
}

/* One end of an arrow in a list: a link to the variable's entry, and its
 * sign when declared. */
static void emit_edge_end(doc_out *o, int comma, int var, char pol)
{
    emit(o, "%s[`%s`](#%s)%s", comma ? ", " : "", var_table[var].name, var_table[var].name,
         pol == '+' ? " (+)" : pol == '-' ? " (-)" : "");
}

static void emit_variable(doc_out *o, const var_desc *d, const graph *g)
{
    char unit[128];
    emit(o, "<a id=\"%s\"></a>\n\n#### `%s`: ", d->name, d->name);
    emit_label(o, d);
    emit(o, "\n\n*%s*, %s", kind_name(o, d->kind), unit_of(o, d->unit, unit, sizeof unit));
    if (d->display_scale != 0.0 || d->display_unit != NULL)
        emit(o, " (%s %s)", tr(o, "shown in", "visas i"),
             unit_of(o, var_display_unit(d), unit, sizeof unit));
    if (d->key)
        emit(o, "; %s", o->sv ? (d->better > 0   ? "nyckelindikator, högre är bättre"
                                 : d->better < 0 ? "nyckelindikator, lägre är bättre"
                                                 : "nyckelindikator, varken högre eller lägre är bättre")
                              : d->better > 0 ? "key indicator, higher is better"
                              : d->better < 0 ? "key indicator, lower is better"
                                              : "key indicator, neither is better");
    emit(o, ". ");
    emit_cell(o, o->sv ? d->desc_sv : d->desc);
    emit(o, "%s", tr(o, ".\n\n- Equation: ", ".\n\n- Ekvation (på engelska): "));
    emit_cell(o, d->eq);
    emit(o, "\n");
    int v = (int)(d - var_table);
    if (g != NULL && g->in_start[v] < g->in_start[v + 1]) {
        emit(o, "%s", tr(o, "- Inputs (sign where declared): ", "- Indata (tecken där det är angivet): "));
        for (int e = g->in_start[v]; e < g->in_start[v + 1]; e++)
            emit_edge_end(o, e > g->in_start[v], g->edges[e].from, g->edges[e].pol);
        emit(o, "\n");
    } else if (g == NULL && d->inputs != NULL && d->inputs[0] != '\0') {
        emit(o, "%s", tr(o, "- Inputs: ", "- Indata: "));
        list_ctx c = {.o = o, .n = 0};
        inputs_each(d, list_one, &c);
        emit(o, "\n");
    }
    if (g != NULL && g->out_start[v] < g->out_start[v + 1]) {
        emit(o, "%s", tr(o, "- Used by: ", "- Används av: "));
        for (int i = g->out_start[v]; i < g->out_start[v + 1]; i++) {
            const graph_edge *e = &g->edges[g->out[i]];
            emit_edge_end(o, i > g->out_start[v], e->to, e->pol);
        }
        emit(o, "\n");
    }
    if (d->kind == VAR_LEVER || d->kind == VAR_ASSUMPTION || d->kind == VAR_PARAM ||
        d->kind == VAR_SETTING) {
        const char *to = tr(o, " to ", " till ");
        emit(o, "%s", tr(o, "- Value: ", "- Värde: "));
        emit_number(o, d->value);
        emit(o, "%s", tr(o, " (allowed ", " (tillåtet "));
        emit_number(o, d->min);
        emit(o, "%s", to);
        emit_number(o, d->max);
        emit(o, ")");
        if (d->kind == VAR_LEVER) {
            emit(o, "%s", tr(o, "; full toolbox ", "; full verktygslåda "));
            emit_number(o, d->policy);
            emit(o, "%s", tr(o, "; cost ", "; kostnad "));
            emit_number(o, d->cost);
            emit(o, "%s", tr(o, " MSEK/yr per unit above the baseline and taken up",
                             " MSEK/år per enhet över basnivån som utnyttjas"));
            if (d->uptake > 0)
                emit(o, " (%s `%s`)", tr(o, "take-up", "utnyttjande"), var_table[d->uptake].name);
        }
        if (d->dist != DIST_NONE) {
            emit(o, "; Monte Carlo: %s %s ",
                 d->dist == DIST_UNIFORM ? tr(o, "uniform", "likformig fördelning")
                                         : tr(o, "triangular", "triangelfördelning"),
                 tr(o, "on", "på"));
            emit_number(o, d->unc_lo);
            emit(o, "%s", to);
            emit_number(o, d->unc_hi);
        }
        emit(o, "\n");
    } else if (d->kind == VAR_STOCK) {
        emit(o, "%s", tr(o, "- Value in 2020 at the central parameters: ",
                         "- Värde 2020 vid de centrala parametervärdena: "));
        emit_number(o, d->value);
        emit(o, "\n");
    }
    if (d->kind == VAR_LEVER && d->ev_source != NULL) {
        emit(o, "%s", tr(o, "- Evidence: ", "- Belägg: "));
        if (!var_has_job_evidence(d) && !var_has_t_evidence(d))
            emit(o, "%s", tr(o, "no cost per job-year or per tonne found",
                             "ingen kostnad per årsarbete eller per ton hittad"));
        if (var_has_job_evidence(d)) {
            emit(o, "%s", tr(o, "cost per job-year ", "kostnad per årsarbete "));
            emit_range(o, 1, d->ev_job_lo, d->ev_job_hi, 1e-3);
            emit(o, "%s", tr(o, " kSEK", " tkr"));
        }
        if (var_has_t_evidence(d)) {
            emit(o, "%s%s", var_has_job_evidence(d) ? "; " : "",
                 tr(o, "cost per t CO2e ", "kostnad per t CO2e "));
            emit_range(o, 1, d->ev_t_lo, d->ev_t_hi, 1.0);
            emit(o, "%s", tr(o, " SEK", " kr"));
        }
        emit(o, " ");
        emit_cell(o, d->ev_source);
        if (d->ev_note != NULL) {
            emit(o, ". ");
            emit_cell(o, ev_note_of(o, d));
        }
        emit(o, "\n");
    }
    emit(o, "%s", tr(o, "- Source: ", "- Källa: "));
    emit_cell(o, var_source_text(d, o->sv));
    emit(o, " (%s)\n\n", status_name(o, doc_status_of(d)));
}

static void emit_modules(doc_out *o, const graph *g)
{
    for (int m = 0; m < N_MODULES; m++) {
        int end = m + 1 < N_MODULES ? modules[m + 1].first : VAR_COUNT;
        emit(o, "## %s\n\n%s (`%s`)\n\n", tr(o, modules[m].title, modules[m].title_sv),
             tr(o, modules[m].about, modules[m].about_sv), modules[m].file);
        for (int k = 0; k < VAR_KIND_COUNT; k++)
            for (int i = modules[m].first; i < end; i++)
                if (var_table[i].kind == (var_kind)k)
                    emit_variable(o, &var_table[i], g);
    }
}

static void emit_status_lists(doc_out *o)
{
    emit(o, "%s",
         tr(o,
            "## Sourced, fitted and estimated figures\n\n"
            "Every assumption and parameter, by the status of its value. *Sourced* figures "
            "are published statistics or arithmetic on them (tags [S..], listed in the research "
            "note's section 5); "
            "*fitted* ones are computed so that the 2020 state reproduces sourced figures, or "
            "([fit]) estimated from 2010-2020 by `transim fit`, with the fit's 90 % range "
            "for Monte Carlo; "
            "*estimates* ([est]) are modelling judgements, each with the uncertainty range "
            "that Monte Carlo draws from; *derived* ones are arithmetic on other figures or "
            "definitions. The fitted constants of the 2020 calibration are auxiliaries of the "
            "calibration module.\n\n",
            "## Källbelagda, anpassade och uppskattade värden\n\n"
            "Alla antaganden och parametrar, efter vad deras värde vilar på. *Källbelagda* "
            "värden är publicerad statistik eller räkning på den (taggarna [S..], se "
            "[källförteckningen](sources.md)); *anpassade* värden räknas fram så att läget 2020 "
            "återger källbelagda siffror, eller skattas ([fit]) ur 2010–2020 med `transim fit`, "
            "och Monte Carlo drar då ur anpassningens 90-procentsintervall; *uppskattningar* "
            "([est]) är bedömningar i modellbygget, var och en med det osäkerhetsintervall som "
            "Monte Carlo drar ur; *härledda* värden är räkning på andra värden eller "
            "definitioner. Kalibreringens anpassade konstanter för 2020 är hjälpvariabler i "
            "kalibreringsmodulen.\n\n"));
    static const char *const titles[] = {"Sourced", "Fitted", "Estimates", "Derived"};
    static const char *const titles_sv[] = {"Källbelagda", "Anpassade", "Uppskattningar",
                                            "Härledda"};
    for (int s = DOC_SOURCED; s <= DOC_DERIVED; s++) {
        emit(o, "- %s:", tr(o, titles[s], titles_sv[s]));
        int n = 0;
        for (int i = 0; i < VAR_COUNT; i++) {
            const var_desc *d = &var_table[i];
            int input = d->kind == VAR_ASSUMPTION || d->kind == VAR_PARAM;
            int fitted_aux = d->kind == VAR_AUX && s == DOC_FITTED;
            if ((input || fitted_aux) && doc_status_of(d) == (doc_status)s)
                emit(o, "%s `%s`", n++ ? "," : "", d->name);
        }
        emit(o, "%s\n", n ? "" : tr(o, " none", " inga"));
    }
    emit(o, "\n");
}

static void emit_overview(doc_out *o)
{
    int count[VAR_KIND_COUNT] = {0};
    for (int i = 0; i < VAR_COUNT; i++)
        count[var_table[i].kind]++;
    if (!o->sv) {
        emit(o, "# Model reference: %s %s\n\n", MODEL_NAME, MODEL_VERSION);
        emit(o, "Generated by `transim doc` from the model table (`sim/model/model.def` and the "
                "module files it includes); do not edit by hand: change the table and run `make "
                "doc`. The story of the model, its feedback loops and its limits are in "
                "`docs/model.md`.\n\n"
                "The model runs in years from the 2020 state to 2050 (or up to 2100). Stocks are "
                "integrated by an adaptive Runge-Kutta method; every stock changes by the flows "
                "listed in its equation.\n\n");
    } else {
        emit(o, "# Modellreferens: industriell omställning i Norra Mellansverige %s\n\n",
             MODEL_VERSION);
        emit(o, "Skriven av `transim doc --lang sv` ur modelltabellen (`sim/model/model.def` och "
                "modulfilerna den tar med); ändra inte för hand: ändra tabellen och kör `make "
                "doc`. Samma referens på engelska är [model-reference.md](../model-reference.md); "
                "källorna som taggarna [S..] och [E..] hänvisar till finns i "
                "[källförteckningen](sources.md), och modellens berättelse, "
                "återkopplingsslingor och begränsningar i `docs/model.md` (på engelska).\n\n"
                "Modellen räknar i år från läget 2020 till 2050 (eller längst till 2100). Lagren "
                "integreras med en Runge–Kutta-metod med anpassad steglängd; varje lager ändras "
                "av de flöden som står i dess ekvation. Ekvationerna och variabelnamnen står som i "
                "modelltabellen, på engelska; benämningar, beskrivningar, enheter och källor står "
                "på svenska. Tal skrivs med decimalkomma.\n\n");
    }
    emit(o, "%s", tr(o, "| Kind | Count |\n|---|---|\n", "| Slag | Antal |\n|---|---|\n"));
    for (int k = 0; k < VAR_KIND_COUNT; k++)
        emit(o, "| %s | %d |\n", kind_name(o, (var_kind)k), count[k]);
    emit(o, "| %s | %d |\n\n", tr(o, "all", "alla"), VAR_COUNT);
    emit(o, "%s", tr(o, "Modules, in evaluation order:\n\n",
                     "Moduler, i den ordning de räknas:\n\n"));
    for (int m = 0; m < N_MODULES; m++)
        emit(o, "%d. %s (`%s`)\n", m + 1, tr(o, modules[m].title, modules[m].title_sv),
             modules[m].file);
    emit(o, "\n");
}

/* n with a thousands separator, into buf[32]: a comma in English ("1,602"),
 * a thin space in Swedish ("1 602", as Swedish typography has it). */
static const char *thousands(const doc_out *o, int n, char *buf)
{
    const char *sep = o->sv ? "\xE2\x80\xAF" : ",";
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%d", n < 0 ? -n : n), k = 0;
    if (n < 0)
        buf[k++] = '-';
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            for (const char *c = sep; *c != '\0'; c++)
                buf[k++] = *c;
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    return buf;
}

/* The counts paragraph (doc_write_counts) from g, in the reference's
 * language. */
static void emit_counts(doc_out *o, const graph *g)
{
    int plus = 0, minus = 0, depends = 0, open = 0;
    for (int e = 0; e < g->nedges; e++) {
        char p = g->edges[e].pol;
        plus += p == '+';
        minus += p == '-';
        depends += p == '?';
        open += p != '+' && p != '-' && p != '?';
    }
    enum { LOOPS_CAP = 512 };
    graph_loop *loops = malloc(LOOPS_CAP * sizeof *loops);
    int nloops = loops != NULL ? graph_loops(g, loops, LOOPS_CAP) : 0, named = 0;
    for (int i = 0; i < nloops && i < LOOPS_CAP; i++)
        named += loops[i].name != NULL && loops[i].n > 0;
    char a[32], b[32], c[32], d[32], e[32];
    emit(o,
         tr(o,
            "The model has %s variables. Its causal graph (`transim graph`) has %s edges, one "
            "from each input of each equation: %s marked + (the variable rises with the input), "
            "%s marked - (it falls) and %s marked ? (the sign depends on the state, and the "
            "row says why)",
            "Modellen har %s variabler. Dess orsaksgraf (`transim graph`) har %s pilar, en från "
            "varje indata till varje ekvation: %s märkta + (variabeln stiger med indata), %s "
            "märkta - (den sjunker) och %s märkta ? (tecknet beror på tillståndet, och raden "
            "säger varför)"),
         thousands(o, VAR_COUNT, a), thousands(o, g->nedges, b), thousands(o, plus, c),
         thousands(o, minus, d), thousands(o, depends, e));
    if (open > 0)
        emit(o, tr(o, "; %s have no sign yet", "; %s saknar ännu tecken"), thousands(o, open, a));
    if (loops != NULL)
        emit(o,
             tr(o, ". `transim graph --loops` finds %s feedback loops, %d of them named",
                ". `transim graph --loops` hittar %s återkopplingsslingor, varav %d med namn"),
             thousands(o, nloops, a), named);
    emit(o, ".\n");
    free(loops);
}

sim_status doc_write_counts(FILE *out, sim_error *err)
{
    return doc_write_counts_lang(out, 0, err);
}

sim_status doc_write_counts_lang(FILE *out, int swedish, sim_error *err)
{
    doc_out o = {.f = out, .failed = 0, .sv = swedish != 0};
    graph g;
    if (graph_build(&g) != SIM_OK)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory for the causal graph");
    emit_counts(&o, &g);
    graph_release(&g);
    return finish(&o, err, "counts");
}

sim_status doc_write_reference(FILE *out, sim_error *err)
{
    return doc_write_reference_lang(out, 0, err);
}

sim_status doc_write_reference_lang(FILE *out, int swedish, sim_error *err)
{
    doc_out o = {.f = out, .failed = 0, .sv = swedish != 0};
    graph g;
    int have_graph = graph_build(&g) == SIM_OK; /* without it, inputs without signs */
    emit_overview(&o);
    if (have_graph) {
        emit_counts(&o, &g);
        emit(&o, "\n");
    }
    emit_key_indicators(&o);
    emit_levers(&o);
    emit_status_lists(&o);
    emit_modules(&o, have_graph ? &g : NULL);
    if (have_graph)
        graph_release(&g);
    return finish(&o, err, "model reference");
}

/* Graphviz node shape of each kind. */
static const char *shape_of(var_kind k)
{
    static const char *const shapes[VAR_KIND_COUNT] = {
        "box", "cds", "ellipse", "doubleoctagon", "house", "parallelogram", "plaintext", "note",
    };
    return (unsigned)k < VAR_KIND_COUNT ? shapes[k] : "ellipse";
}

/* Context for writing a row's in-edges. */
typedef struct edge_ctx {
    doc_out *o;
    int to;
} edge_ctx;

static void edge_one(int var, void *vctx)
{
    edge_ctx *c = vctx;
    emit(c->o, "  %s -> %s;\n", var_table[var].name, var_table[c->to].name);
}

sim_status doc_write_graph(FILE *out, sim_error *err)
{
    doc_out o = {.f = out, .failed = 0};
    emit(&o, "digraph transim {\n  rankdir=LR;\n  node [fontname=\"DejaVu Sans\", fontsize=10];\n");
    for (int m = 0; m < N_MODULES; m++) {
        int end = m + 1 < N_MODULES ? modules[m + 1].first : VAR_COUNT;
        emit(&o, "  subgraph cluster_%d {\n    label=\"%s\";\n", m, modules[m].title);
        for (int i = modules[m].first; i < end; i++) {
            const var_desc *d = &var_table[i];
            emit(&o, "    %s [shape=%s, label=\"", d->name, shape_of(d->kind));
            for (const char *s = d->label_en; *s; s++) {
                if (*s == '"' || *s == '\\')
                    emit(&o, "\\");
                if (fputc(*s, out) == EOF)
                    o.failed = 1;
            }
            emit(&o, "\"];\n");
        }
        emit(&o, "  }\n");
    }
    for (int i = 0; i < VAR_COUNT; i++) {
        edge_ctx c = {.o = &o, .to = i};
        inputs_each(&var_table[i], edge_one, &c);
    }
    emit(&o, "}\n");
    return finish(&o, err, "model graph");
}
