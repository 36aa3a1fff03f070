/* link.h: a scenario as a link. The lever settings, schedules, changed
 * assumptions, settings and series of a scenario travel in the fragment of a
 * URL, one NAME=VALUE entry per setting joined by '&', percent-encoded:
 *
 *   https://example.org/transim/#name=Training&adult_training_places=6000
 *     &adult_training_places.start=2023&adult_training_places.ramp=3
 *     &export_growth=0.01&cap_msek_per_year=500&start=2020&end=2050
 *     &export_growth.series=2020:0.01,2021:0.02
 *
 * The names are those of a scenario file (sim/files/scenario.h): name,
 * description, start and end of [scenario]; a lever and LEVER.start and
 * LEVER.ramp; an assumption, parameter or cap_msek_per_year; NAME.series for
 * a [series] entry. A link holds what scenario_save() would write, so
 * link_format() then link_parse() reproduces the scenario bit for bit, and
 * the web front end, `transim run --link` and `transim-gui --link` read the
 * same links. This module uses only the C library and sim/files/scenario. */
#ifndef SIM_LINK_H
#define SIM_LINK_H

#include <stddef.h>

#include "sim/engine/status.h"
#include "sim/files/scenario.h"

#define LINK_MAX_BYTES (1 << 17) /* the longest link read or written, bytes */

/* Reads the scenario in link: a whole URL (its fragment, after the first
 * '#', is read; a URL without one is the baseline), a fragment starting with
 * '#', or the bare entries. Starts from the baseline (scenario_init), then
 * applies the entries with the checks of a scenario file. On failure returns
 * SIM_EPARSE (or SIM_ENOMEM) with err saying which entry (its number in the
 * fragment and its text) and why: an unknown name (with a "did you mean"),
 * a bad percent-encoding, a value that is no number or is out of range. sc
 * is written only on success; its path is "". */
sim_status link_parse(scenario *sc, const char *link, sim_error *err);

/* Writes into out (cap bytes) base, then '#', then the entries of sc: the
 * name unless it is the baseline's, the description if any, start and end
 * when they differ from the baseline's, then every lever, assumption,
 * parameter and setting scenario_save() would write, then the series.
 * base may be NULL or "" (a bare fragment "#..."). Returns SIM_EINVAL when
 * sc does not validate or out is too small (out is then ""), SIM_OK
 * otherwise. */
sim_status link_format(const scenario *sc, const char *base, char *out, size_t cap,
                       sim_error *err);

/* Percent-decodes text[0..n) into out (cap bytes, NUL-terminated): "%XX"
 * becomes byte XX and '+' a blank. Returns the length, or -1 on a bad or cut
 * "%" escape, a NUL byte, or when out is too small. */
long link_decode(const char *text, size_t n, char *out, size_t cap);

/* Percent-encodes text into out (cap bytes, NUL-terminated): letters,
 * digits and "-._~:,/" stay, every other byte becomes "%XX". Returns the
 * length, or -1 when out is too small. */
long link_encode(const char *text, char *out, size_t cap);

#endif
