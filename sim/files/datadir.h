/* datadir.h: where the bundled scenarios are, in a source tree or installed.
 *
 * A program run from the repository finds them in ./scenarios; an installed
 * one (make install) in PREFIX/share/transim/scenarios, found from the
 * program's own path, so that `transim run p1_jobs_of_the_future` and the
 * window's file dialogs work from any folder. */
#ifndef SIM_FILES_DATADIR_H
#define SIM_FILES_DATADIR_H

#include <stddef.h>

/* Writes into buf (n bytes) the first of these that is a directory:
 * ./scenarios; $TRANSIM_DATA_DIR/scenarios; the running program's
 * ../share/transim/scenarios. When none is, buf is "scenarios". Returns 1
 * when the folder exists, 0 when not (buf is then "scenarios"). */
int datadir_scenarios(char *buf, size_t n);

#endif
