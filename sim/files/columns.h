/* columns.h: what each variable of the model table is, for machines: the
 * metadata `transim list --format csv|json` prints and the sidecar file
 * that describes the columns of a run's output (`transim run --columns`).
 *
 * One record per variable, straight from its row in the table
 * (sim/engine/var.h): name, kind, unit, English and Swedish labels, display
 * scale and unit, the key-indicator flag, which direction is better, whether
 * Monte Carlo draws it (and from what), range, lever cost and tags,
 * description in English and Swedish, source and, for levers, the evidence on cost-effectiveness.
 * The CSV and the JSON carry the same fields under the same names. */
#ifndef SIM_COLUMNS_H
#define SIM_COLUMNS_H

#include <stddef.h>
#include <stdio.h>

#include "sim/engine/status.h"

/* Writes the CSV header line, then one line per variable in
 * vars[0..n) (V_ ids). Returns SIM_EIO when writing fails. */
sim_status columns_write_csv(FILE *f, const int *vars, size_t n, sim_error *err);

/* Writes a JSON document {"model_version": ..., "columns": [records]}
 * with one record per variable in vars[0..n); when year_first is 1 the
 * first record describes the `year` column of a wide output. Fields with
 * nothing to say are null. Returns SIM_EIO when writing fails. */
sim_status columns_write_json(FILE *f, const int *vars, size_t n, int year_first,
                              sim_error *err);

/* A column that is not a variable of the table (year, scenario, sample, a
 * statistic): written as a record with the same first fields as a
 * variable's, display scale 1. unit may be "" (text); description NULL
 * leaves the field out. */
typedef struct columns_lead {
    const char *name;        /* column header */
    const char *kind;        /* "time", "key", "statistic", ... */
    const char *unit;        /* unit of the values, "" for text */
    const char *label_en;    /* label in English */
    const char *label_sv;    /* label in Swedish */
    const char *description; /* what the column holds, or NULL */
} columns_lead;

/* The `year` column of a wide output. */
extern const columns_lead COLUMNS_YEAR;

/* The sidecar of an output: {"model_version": ..., "provenance": {...}
 * (when provenance, '#' lines as output_provenance_json reads them, is not
 * NULL), "columns": [the records of lead[0..nlead), then of vars[0..n)]}.
 * Returns SIM_EIO when writing fails. */
sim_status columns_write_doc(FILE *f, const char *provenance, const columns_lead *lead,
                             size_t nlead, const int *vars, size_t n, sim_error *err);

#endif
