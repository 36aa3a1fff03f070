/* batch.h: what the batch commands (batch, sweep, mc, attribute) share:
 * the list of scenario files of a batch, the key indicators and years of
 * summaries, and the provenance header of every batch output.
 *
 * Provenance: each CSV a batch command writes opens with comment lines
 *   # program: transim 0.1.0
 *   # model: Norra Mellansverige industrial transition 2.0.0
 *   # solver: adaptive rtol=1e-05 step=1
 *   # seed: 42
 * ("# key: value", one per line, before the header row; no dates or thread
 * counts, so that the same study gives the same bytes). pandas reads such a
 * file with read_csv(path, comment="#"), R with read.csv(path,
 * comment.char="#"); the header is parsed by batch_manifest_read. */
#ifndef SIM_BATCH_H
#define SIM_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "sim/engine/run.h"
#include "sim/engine/status.h"

#define BATCH_SUMMARY_YEARS 3
/* Years of summary.csv and of attribution, within each run's years. */
extern const double batch_summary_years[BATCH_SUMMARY_YEARS];

/* The key indicators (var_table[i].key), in table order: writes up to cap V_
 * indices to ids and returns how many there are. */
size_t batch_key_vars(int *ids, size_t cap);

/* Writes the provenance lines common to every batch output: program and
 * model version, the command, and the solver settings of opts. More lines
 * follow with batch_manifest_line. */
void batch_manifest(FILE *f, const char *command, const run_opts *opts);

/* Writes one "# key: value" line (value printf-style, newlines replaced). */
void batch_manifest_line(FILE *f, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The scenario files of a batch, in order. */
typedef struct batch_files {
    char **paths;  /* n paths, owned */
    char **names;  /* n output file names ("x.csv" for "dir/x.ini"), owned */
    size_t n;
} batch_files;

/* Expands the arguments into scenario files: a file is taken as given; a
 * directory gives its *.ini files (not recursive) sorted by name. Fails with
 * SIM_EIO for a path that does not exist or an empty directory, and with
 * SIM_EINVAL when two files would write the same output name. On failure
 * out is left empty. */
sim_status batch_files_collect(char *const *args, size_t nargs, batch_files *out,
                               sim_error *err);
void batch_files_release(batch_files *b);

/* Checks that dir is a writable directory, creating it (one level) when it
 * does not exist. SIM_EINVAL when it is something else (a file: the
 * caller's mistake), SIM_EIO when it cannot be created or written. */
sim_status batch_outdir_prepare(const char *dir, sim_error *err);

#endif
