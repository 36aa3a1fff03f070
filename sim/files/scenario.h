/* scenario.h: a scenario is the model's inputs for one run: lever targets
 * with their start year and ramp, assumption and parameter values, the
 * budget cap and the run's years. Scenarios are INI files shared by the
 * command line, the batch tools and the interactive front end:
 *
 *   [scenario]
 *   name = Full toolbox
 *   description = every lever at its policy value
 *   base = baseline.ini      ; inherit, then override (relative to this file)
 *   start = 2020
 *   end = 2050
 *   [levers]
 *   adult_training_places = 6000
 *   adult_training_places.start = 2022
 *   adult_training_places.ramp = 3
 *   [assumptions]             ; assumptions and parameters
 *   export_growth = 0.015
 *   [series]                  ; assumptions that follow observed years
 *   export_growth = 2010:0.061, 2011:0.012, 2012:-0.011
 *   [budget]
 *   cap_msek_per_year = 500
 *
 * A series drives an assumption by yearly steps: the value given for a
 * year holds from the start of that year to the next knot, the last one for
 * its own year; before the first knot and after the last year the
 * assumption has its scalar value (from [assumptions] or the table). The
 * data behind a series are yearly figures (a growth over the year, a
 * year's mean price), so a step integrates to the same change over the
 * year as the data, which a line between knots would not. */
#ifndef SIM_SCENARIO_H
#define SIM_SCENARIO_H

#include "sim/engine/status.h"
#include "sim/engine/var.h"

#define SCENARIO_START_MIN 2010.0     /* the earliest start (a history run) */
#define SCENARIO_START_DEFAULT 2020.0 /* the start of the baseline: the model table's
                                         *_start figures describe this year */
#define SCENARIO_END_MAX 2100.0       /* the latest end a scenario may ask for */
#define SCENARIO_SERIES_MAX 8         /* assumptions driven by a series in one scenario */
#define SCENARIO_KNOTS_MAX 96         /* knots of one series (a value per year) */

/* An assumption driven by yearly values. */
typedef struct scenario_series {
    int var;                          /* V_ id of the assumption */
    int n;                            /* knots, 1..SCENARIO_KNOTS_MAX */
    double year[SCENARIO_KNOTS_MAX];  /* whole years, increasing */
    double value[SCENARIO_KNOTS_MAX]; /* the assumption's value through that year */
} scenario_series;

typedef struct scenario {
    char name[128];              /* display name */
    char description[1024];      /* text a teacher can read aloud */
    char path[1024];             /* file it was loaded from, "" if none */
    double start, end;           /* years of the run */
    double value[VAR_COUNT];     /* levers: target; assumptions, params, settings: value */
    double lever_start[VAR_COUNT]; /* levers: year the lever starts acting */
    double lever_ramp[VAR_COUNT];  /* levers: years from start to full value (>= 0) */
    unsigned char set[VAR_COUNT];  /* 1 where a file, its base or a call set the value,
                                      start or ramp (saved back by scenario_save) */
    int nseries;                   /* entries of series */
    scenario_series series[SCENARIO_SERIES_MAX]; /* in the order of the table's rows */
} scenario;

#define SCENARIO_MAX_DEPTH 16 /* files in a base chain */

/* The files a scenario was read from, for provenance: the named file first,
 * then its base, that file's base and so on. */
typedef struct scenario_sources {
    int n;                                /* files, 0..SCENARIO_MAX_DEPTH */
    char path[SCENARIO_MAX_DEPTH][1024];  /* each as named (a base: joined to the
                                             folder of the file naming it) */
    char sha256[SCENARIO_MAX_DEPTH][65];  /* hex SHA-256 of the bytes read, as
                                             `sha256sum` prints it */
} scenario_sources;

/* Fills sc with the baseline: every value at its table default, levers
 * starting at the run's start with no ramp, no series, years 2020-2050, name
 * "Baseline". */
void scenario_init(scenario *sc);

/* Loads the file at path into sc. Resolves `base` (relative to the file)
 * first, then applies this file's entries. On failure returns SIM_EPARSE or
 * SIM_EIO with err naming the file and line, and leaves sc unchanged. */
sim_status scenario_load(scenario *sc, const char *path, sim_error *err);

/* Parses scenario text as if read from path (used for tests and the GUI).
 * path may name a directory context for `base`; same contract as load. */
sim_status scenario_parse(scenario *sc, const char *text, const char *path, sim_error *err);

/* As scenario_load() and scenario_parse(), and on success also fills src
 * (when not NULL) with every file of the base chain and the digest of the
 * text that was read, so that the digests match what the run used even if
 * a file changes afterwards. */
sim_status scenario_load_sources(scenario *sc, const char *path, scenario_sources *src,
                                 sim_error *err);
sim_status scenario_parse_sources(scenario *sc, const char *text, const char *path,
                                  scenario_sources *src, sim_error *err);

/* Checks that text can be the name (description = 0) or the description
 * (description = 1) of a scenario file: that a save writes it so that a load
 * reads it back unchanged. The reader refuses what this refuses, so anything
 * it loads can be saved. Limits count UTF-8 characters, and bytes where the
 * field's buffer is the tighter limit. Returns 1, or 0 with a message
 * (without file or line) in why. */
int scenario_text_ok(int description, const char *text, sim_error *why);

/* Writes sc to path atomically (temporary file, then rename), with every
 * entry that differs from the baseline or is marked set. */
sim_status scenario_save(const scenario *sc, const char *path, sim_error *err);

/* Applies one "NAME=VALUE" assignment as given to `--set`: NAME is a lever,
 * assumption, parameter or setting, or LEVER.start / LEVER.ramp. Checks the
 * range like a file entry; on failure leaves sc unchanged. */
sim_status scenario_set(scenario *sc, const char *assignment, sim_error *err);

/* Checks the values, starts, ramps and series of sc against the table's
 * ranges and the run's years. */
sim_status scenario_validate(const scenario *sc, sim_error *err);

/* The series of sc that drives variable var, or NULL. */
const scenario_series *scenario_series_of(const scenario *sc, int var);

/* The value of series s at time t (years) in the piece of its steps that
 * contains t_phase, or fallback (the scalar value) outside its years.
 * t_phase = t gives the right-continuous steps. */
double scenario_series_at(const scenario_series *s, double t, double t_phase, double fallback);

/* Parses "YEAR:VALUE, YEAR:VALUE, ..." into s for variable var: whole years,
 * increasing, values in the row's range. Returns 0 and fills why (a message
 * without file or line) on failure; s is then unspecified. */
int scenario_series_parse(scenario_series *s, int var, const char *text, sim_error *why);

/* The value of lever var at time t (years), given that t lies in a segment
 * of the schedule whose interior contains t_phase: before the start the
 * baseline value, then a linear ramp to the target, then the target. Passing
 * t_phase = t gives the right-continuous schedule. */
double scenario_lever_at(const scenario *sc, int var, double t, double t_phase);

/* The integral over [t0, t] (years) of how far lever var stands above its
 * baseline value, max(0, value - baseline): unit x years, exact for the
 * piecewise-linear schedule (0 while the target is at or below baseline).
 * Cumulative spending is the lever's cost times this. */
double scenario_lever_excess(const scenario *sc, int var, double t0, double t);

/* Collects the years in (from, to) where some lever's schedule has a kink
 * (start, start + ramp) or some series steps (each knot, and the end of the
 * last knot's year), sorted and without duplicates, into out (at most cap).
 * Returns how many were written. */
size_t scenario_breakpoints(const scenario *sc, double from, double to, double *out, size_t cap);

#endif
