/* cmd_list.c: `transim list`: the model's table (sim/engine/var.h) as text or CSV,
 * so that what a user reads is what the model uses. */
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/lang.h"
#include "sim/files/columns.h"
#include "sim/files/output.h"
#include "sim/engine/var.h"

static const char usage[] =
    "usage: transim list [levers|assumptions|parameters|indicators|stocks|flows|\n"
    "                     auxiliaries|settings|all]... [--format text|csv|json]\n"
    "                     [--lang en|sv]\n"
    "\n"
    "Lists the model's variables (default: all): name, unit, default, min, max,\n"
    "description and source; for levers also the policy value, the cost, and the\n"
    "priorities (P1-P5) and themes (T1-T4) they serve, the take-up row spending\n"
    "follows, and the cost per job-year and per tonne CO2e avoided that the cited\n"
    "evaluations give (compared with the model's by `transim evidence`). Key\n"
    "indicators (those `compare`, batch summaries and `--vars key` report) are\n"
    "marked.\n"
    "\n"
    "  --format F   text (default), csv (one row per variable) or json (one\n"
    "               record per variable); both also give the English and\n"
    "               Swedish labels, the display scale and unit, the key flag,\n"
    "               which direction is better, and whether Monte Carlo draws the\n"
    "               input (uncertain, dist, unc_lo, unc_hi)\n"
    "  --lang L     text: also each variable's label in English (en) or Swedish\n"
    "               (sv), as the window shows it; with sv the whole listing is\n"
    "               in Swedish (decimal commas), but for the variables' names\n"
    "               and the source tags\n";

enum { O_FORMAT, O_LANG };
static const args_option options[] = {[O_FORMAT] = {"format", 0, 1}, [O_LANG] = {"lang", 0, 1}};

/* Plural and singular kind words, indexed by var_kind. */
static const char *const plural[VAR_KIND_COUNT] = {
    "stocks", "flows", "auxiliaries", "indicators", "levers", "assumptions", "parameters",
    "settings",
};

/* The same in Swedish, for the text listing with --lang sv. */
static const char *const plural_sv[VAR_KIND_COUNT] = {
    "lager", "fl\xC3\xB6" "den", "hj\xC3\xA4lpvariabler", "indikatorer", "styrmedel",
    "antaganden", "parametrar", "inst\xC3\xA4llningar",
};

/* en or sv by the listing's language. */
static const char *tr(int swedish, const char *en, const char *sv)
{
    return swedish ? sv : en;
}

static int kind_word(const char *w)
{
    for (int k = 0; k < VAR_KIND_COUNT; k++) {
        size_t n = strlen(plural[k]);
        if (strcmp(w, plural[k]) == 0 || strcmp(w, var_kind_name((var_kind)k)) == 0 ||
            (n > 1 && strncmp(w, plural[k], n - 1) == 0 && strlen(w) == n - 1))
            return k;
    }
    if (strcmp(w, "params") == 0 || strcmp(w, "param") == 0)
        return VAR_PARAM;
    if (strcmp(w, "auxiliary") == 0 || strcmp(w, "aux") == 0)
        return VAR_AUX;
    return -1;
}

static int has_range(const var_desc *d)
{
    return d->kind >= VAR_LEVER;
}

/* The evidence lines of a lever in the text listing; the note in Swedish
 * when swedish. */
static void evidence_text(const var_desc *d, int swedish)
{
    char b1[32], b2[32];
    if (d->uptake > 0)
        printf("      %s: %s\n", tr(swedish, "take-up", "utnyttjande"), var_table[d->uptake].name);
    if (d->ev_source == NULL && !var_has_job_evidence(d) && !var_has_t_evidence(d))
        return;
    printf("      %s:", tr(swedish, "evidence", "utv\xC3\xA4rderingar"));
    if (!var_has_job_evidence(d) && !var_has_t_evidence(d))
        printf(" %s", tr(swedish, "no cost per job-year or per tonne found",
                         "ingen kostnad per \xC3\xA5rsarbete eller per ton funnen"));
    if (var_has_job_evidence(d))
        printf(tr(swedish, " %s to %s kSEK per job-year", " %s till %s tkr per \xC3\xA5rsarbete"),
               output_number_lang(d->ev_job_lo * 1e-3, swedish, b1, sizeof b1),
               output_number_lang(d->ev_job_hi * 1e-3, swedish, b2, sizeof b2));
    if (var_has_t_evidence(d))
        printf(tr(swedish, "%s %s to %s SEK per t CO2e", "%s %s till %s kr per ton CO2e"),
               var_has_job_evidence(d) ? "," : "", output_number_lang(d->ev_t_lo, swedish, b1, sizeof b1),
               output_number_lang(d->ev_t_hi, swedish, b2, sizeof b2));
    if (d->ev_source != NULL)
        printf(" %s", d->ev_source);
    putchar('\n');
    const char *note = swedish ? var_source_sv(d->ev_note) : NULL;
    if (note == NULL)
        note = d->ev_note;
    if (note != NULL && note[0] != '\0')
        printf("      %s\n", note);
}

/* The rows of the kinds wanted, in table order, as CSV or JSON records
 * (sim/files/columns.h). */
static int list_records(const unsigned char *want, int json)
{
    int ids[VAR_COUNT];
    size_t n = 0;
    for (int i = 0; i < VAR_COUNT; i++)
        if (want[var_table[i].kind])
            ids[n++] = i;
    sim_error err;
    sim_status st = json ? columns_write_json(stdout, ids, n, 0, &err)
                         : columns_write_csv(stdout, ids, n, &err);
    return st == SIM_OK ? CLI_OK : cli_report(&err);
}

/* lang: -1 no labels, 0 English, 1 Swedish (then every word of the
 * listing but the names is Swedish). */
static void list_text(const unsigned char *want, int lang)
{
    char tags[64], b1[32], b2[32], b3[32], unit[128];
    const int sv = lang == 1;
    int first = 1;
    for (int k = 0; k < VAR_KIND_COUNT; k++) {
        if (!want[k])
            continue;
        int count = 0;
        for (int i = 0; i < VAR_COUNT; i++)
            count += var_table[i].kind == (var_kind)k;
        if (count == 0)
            continue;
        printf("%s%s (%d)\n", first ? "" : "\n", sv ? plural_sv[k] : plural[k], count);
        first = 0;
        for (int i = 0; i < VAR_COUNT; i++) {
            const var_desc *d = &var_table[i];
            if (d->kind != (var_kind)k)
                continue;
            printf("  %s [%s]%s", d->name,
                   sv ? var_unit_text(d->unit, 1, unit, sizeof unit) : d->unit,
                   d->key ? tr(sv, "  key indicator", "  nyckelindikator") : "");
            if (has_range(d))
                printf(tr(sv, "  default %s, range %s to %s",
                          "  standardv\xC3\xA4rde %s, intervall %s till %s"),
                       output_number_lang(d->value, sv, b1, sizeof b1), output_number_lang(d->min, sv, b2, sizeof b2),
                       output_number_lang(d->max, sv, b3, sizeof b3));
            else if (d->kind == VAR_STOCK)
                printf(tr(sv, "  initial %s", "  startv\xC3\xA4rde %s"),
                       output_number_lang(d->value, sv, b1, sizeof b1));
            if (d->kind == VAR_LEVER) {
                printf(tr(sv, ", policy %s, cost %s MSEK/yr per unit",
                          ", policyv\xC3\xA4rde %s, kostnad %s MSEK/\xC3\xA5r per enhet"),
                       output_number_lang(d->policy, sv, b1, sizeof b1),
                       output_number_lang(d->cost, sv, b2, sizeof b2));
                printf(", %s", var_tags_format(d->priorities, 0, " ", tags, sizeof tags));
                printf(", %s", var_tags_format(d->themes, 1, " ", tags, sizeof tags));
            }
            putchar('\n');
            if (lang >= 0)
                printf("      %s\n", cli_label(d, lang));
            if (cli_desc(d, sv)[0] != '\0')
                printf("      %s\n", cli_desc(d, sv));
            if (d->source != NULL && d->source[0] != '\0')
                printf("      %s: %s\n", tr(sv, "source", "k\xC3\xA4lla"), var_source_text(d, sv));
            if (d->kind == VAR_LEVER)
                evidence_text(d, sv);
        }
    }
}

int cmd_list(int argc, char **argv)
{
    unsigned char want[VAR_KIND_COUNT] = {0};
    int any = 0, format = 0; /* 0 text, 1 csv, 2 json */
    int lang = -1;           /* --lang: -1 not given, 0 en, 1 sv */
    args a;
    args_init(&a, "list", argc, argv, options, sizeof options / sizeof *options);
    for (int id; (id = args_next(&a)) != ARGS_END;) {
        if (id == ARGS_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (id == ARGS_ERROR)
            return CLI_USAGE;
        if (id == O_LANG) {
            if (!cli_lang("list", a.value, &lang))
                return CLI_USAGE;
            continue;
        }
        if (id == O_FORMAT) {
            if (strcmp(a.value, "csv") == 0)
                format = 1;
            else if (strcmp(a.value, "json") == 0)
                format = 2;
            else if (strcmp(a.value, "text") == 0)
                format = 0;
            else
                return args_usage("list", "unknown format '%s' (text, csv or json)", a.value);
            continue;
        }
        any = 1;
        if (strcmp(a.value, "all") == 0) {
            memset(want, 1, sizeof want);
            continue;
        }
        int k = kind_word(a.value);
        if (k < 0) {
            const char *words[VAR_KIND_COUNT + 1];
            for (int i = 0; i < VAR_KIND_COUNT; i++)
                words[i] = plural[i];
            words[VAR_KIND_COUNT] = "all";
            const char *s = args_suggest(a.value, words, VAR_KIND_COUNT + 1);
            if (s != NULL)
                return args_usage("list", "unknown kind '%s' (did you mean '%s'?)", a.value, s);
            return args_usage("list", "unknown kind '%s'", a.value);
        }
        want[k] = 1;
    }
    if (!any)
        memset(want, 1, sizeof want);
    if (format != 0)
        return list_records(want, format == 2);
    list_text(want, lang);
    return CLI_OK;
}
