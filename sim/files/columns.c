/* columns.c: the model table's rows as CSV or JSON records; see
 * sim/files/columns.h. Numbers use output_number() (C locale, ten
 * significant digits), so the same table gives the same bytes. */
#include "sim/files/columns.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "sim/engine/var.h"
#include "sim/files/output.h"
#include "sim/model/model.h"
#include "sim/studies/sample.h"

/* The kinds whose rows carry default, min and max. */
static int has_range(const var_desc *d)
{
    return d->kind >= VAR_LEVER;
}

static const char *dist_name(var_dist d)
{
    return d == DIST_UNIFORM ? "uniform" : d == DIST_TRIANGULAR ? "triangular" : "";
}

/* One field of a record: its name and either text or a number (text NULL
 * and has_num 0: nothing to say). */
typedef struct field {
    const char *name;
    const char *text;
    double num;
    int has_num;
    int is_bool; /* a number written as true/false in JSON */
} field;

#define NFIELDS 32

/* The fields of row d, in the order of the CSV header. */
static size_t row_fields(const var_desc *d, field *fl, char *tags, char *themes, size_t ntags)
{
    size_t k = 0;
    int lever = d->kind == VAR_LEVER, range = has_range(d);
    int draws = sample_is_uncertain(d);
#define TEXT(n, t) (fl[k++] = (field){(n), (t), 0, 0, 0})
#define NUM(n, ok, v) (fl[k++] = (field){(n), NULL, (v), (ok), 0})
#define BOOL(n, v) (fl[k++] = (field){(n), NULL, (v), 1, 1})
    TEXT("kind", var_kind_name(d->kind));
    TEXT("name", d->name);
    TEXT("unit", d->unit);
    NUM("default", range || d->kind == VAR_STOCK, d->value);
    NUM("min", range, d->min);
    NUM("max", range, d->max);
    NUM("policy", lever, d->policy);
    NUM("cost_msek_per_unit", lever, d->cost);
    TEXT("priorities", lever ? var_tags_format(d->priorities, 0, " ", tags, ntags) : NULL);
    TEXT("themes", lever ? var_tags_format(d->themes, 1, " ", themes, ntags) : NULL);
    TEXT("description", d->desc);
    TEXT("source", d->source);
    TEXT("uptake", lever && d->uptake > 0 ? var_table[d->uptake].name : NULL);
    NUM("ev_sek_per_job_year_lo", lever && var_has_job_evidence(d), d->ev_job_lo);
    NUM("ev_sek_per_job_year_hi", lever && var_has_job_evidence(d), d->ev_job_hi);
    NUM("ev_sek_per_t_lo", lever && var_has_t_evidence(d), d->ev_t_lo);
    NUM("ev_sek_per_t_hi", lever && var_has_t_evidence(d), d->ev_t_hi);
    TEXT("ev_source", lever ? d->ev_source : NULL);
    TEXT("ev_note", lever ? d->ev_note : NULL);
    TEXT("label_en", d->label_en);
    TEXT("label_sv", d->label_sv);
    NUM("display_scale", 1, d->display_scale != 0.0 ? d->display_scale : 1.0);
    TEXT("display_unit", var_display_unit(d));
    BOOL("key", d->key != 0);
    NUM("better", 1, d->better);
    BOOL("uncertain", draws);
    TEXT("dist", draws ? dist_name(d->dist) : NULL);
    NUM("unc_lo", draws, d->unc_lo);
    NUM("unc_hi", draws, d->unc_hi);
    TEXT("description_sv", d->desc_sv);
    TEXT("source_sv", var_source_text(d, 1));
    TEXT("ev_note_sv", lever && d->ev_note != NULL ? var_source_sv(d->ev_note) : NULL);
#undef TEXT
#undef NUM
#undef BOOL
    return k;
}

static sim_status finish(FILE *f, sim_error *err)
{
    if (fflush(f) != 0 || ferror(f))
        return sim_error_set(err, SIM_EIO, NULL, 0, "cannot write the column metadata: %s",
                             strerror(errno));
    return SIM_OK;
}

sim_status columns_write_csv(FILE *f, const int *vars, size_t n, sim_error *err)
{
    field fl[NFIELDS];
    char tags[64], themes[64], num[32];
    size_t nf = row_fields(&var_table[0], fl, tags, themes, sizeof tags);
    for (size_t j = 0; j < nf; j++)
        fprintf(f, "%s%s", j ? "," : "", fl[j].name);
    fputc('\n', f);
    for (size_t i = 0; i < n; i++) {
        nf = row_fields(&var_table[vars[i]], fl, tags, themes, sizeof tags);
        for (size_t j = 0; j < nf; j++) {
            if (j)
                fputc(',', f);
            if (fl[j].text != NULL)
                output_csv_field(f, fl[j].text);
            else if (fl[j].has_num)
                fputs(output_number(fl[j].num, num, sizeof num), f);
        }
        fputc('\n', f);
    }
    return finish(f, err);
}

static void json_fields(FILE *f, const field *fl, size_t nf)
{
    char num[32];
    fputc('{', f);
    for (size_t j = 0; j < nf; j++) {
        fputs(j ? ", " : "", f);
        output_json_string(f, fl[j].name);
        fputs(": ", f);
        if (fl[j].text != NULL)
            output_json_string(f, fl[j].text);
        else if (fl[j].is_bool)
            fputs(fl[j].num != 0.0 ? "true" : "false", f);
        else if (fl[j].has_num && isfinite(fl[j].num))
            fputs(output_number(fl[j].num, num, sizeof num), f);
        else
            fputs("null", f);
    }
    fputc('}', f);
}

const columns_lead COLUMNS_YEAR = {"year", "time", "yr", "Year", "År", NULL};

sim_status columns_write_json(FILE *f, const int *vars, size_t n, int year_first,
                              sim_error *err)
{
    return columns_write_doc(f, NULL, &COLUMNS_YEAR, year_first ? 1 : 0, vars, n, err);
}

sim_status columns_write_doc(FILE *f, const char *provenance, const columns_lead *lead,
                             size_t nlead, const int *vars, size_t n, sim_error *err)
{
    fputs("{\n  \"model_version\": ", f);
    output_json_string(f, MODEL_VERSION);
    if (provenance != NULL) {
        fputs(",\n  \"provenance\": ", f);
        output_provenance_json(f, provenance, "    ");
    }
    fputs(",\n  \"columns\": [", f);
    int first = 1;
    for (size_t i = 0; i < nlead; i++) {
        const columns_lead *c = &lead[i];
        field y[] = {{"kind", c->kind, 0, 0, 0},           {"name", c->name, 0, 0, 0},
                     {"unit", c->unit, 0, 0, 0},           {"label_en", c->label_en, 0, 0, 0},
                     {"label_sv", c->label_sv, 0, 0, 0},   {"display_scale", NULL, 1, 1, 0},
                     {"display_unit", c->unit, 0, 0, 0},   {"description", c->description, 0, 0, 0}};
        fputs(first ? "\n    " : ",\n    ", f);
        json_fields(f, y, sizeof y / sizeof *y - (c->description == NULL));
        first = 0;
    }
    field fl[NFIELDS];
    char tags[64], themes[64];
    for (size_t i = 0; i < n; i++) {
        size_t nf = row_fields(&var_table[vars[i]], fl, tags, themes, sizeof tags);
        fputs(first ? "\n    " : ",\n    ", f);
        first = 0;
        json_fields(f, fl, nf);
    }
    fputs(first ? "]\n}\n" : "\n  ]\n}\n", f);
    return finish(f, err);
}
