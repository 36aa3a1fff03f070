/* fuzz_scenario.c: a libFuzzer harness for the scenario reader
 * (sim/files/scenario.c). Parses arbitrary bytes with scenario_parse; when
 * they load, saves the scenario, loads the file back and requires the same
 * scenario (the reader and writer agree), then runs the model briefly and
 * requires every reported value to be finite. The same bytes are read as a
 * link (sim/files/link.h), and every scenario that loads, from a file or a
 * link, must come back the same through its link. Built with clang by
 * -DTRANSIM_FUZZ=ON; `make fuzz` runs it for 60 seconds on tests/fuzz/corpus
 * with tests/fuzz/scenario.dict. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/engine/run.h"
#include "sim/files/link.h"
#include "sim/files/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char save_path[64];
static char link_text[LINK_MAX_BYTES + 1];
static runner *fuzz_runner;

static void setup(void)
{
    snprintf(save_path, sizeof save_path, "/tmp/transim_fuzz_%ld.ini", (long)getpid());
    fuzz_runner = runner_create();
    if (fuzz_runner == NULL)
        abort();
}

/* 1 when a and b hold the same scenario but for the path (unused knots
 * and padding aside). */
static int same_scenario(const scenario *a, const scenario *b)
{
    if (strcmp(a->name, b->name) != 0 || strcmp(a->description, b->description) != 0 ||
        a->start != b->start || a->end != b->end || a->nseries != b->nseries ||
        memcmp(a->value, b->value, sizeof a->value) != 0 ||
        memcmp(a->lever_start, b->lever_start, sizeof a->lever_start) != 0 ||
        memcmp(a->lever_ramp, b->lever_ramp, sizeof a->lever_ramp) != 0 ||
        memcmp(a->set, b->set, sizeof a->set) != 0)
        return 0;
    for (int i = 0; i < a->nseries; i++) {
        const scenario_series *s = &a->series[i], *t = &b->series[i];
        if (s->var != t->var || s->n != t->n ||
            memcmp(s->year, t->year, (size_t)s->n * sizeof s->year[0]) != 0 ||
            memcmp(s->value, t->value, (size_t)s->n * sizeof s->value[0]) != 0)
            return 0;
    }
    return 1;
}

/* Requires that sc comes back the same from its link. */
static void link_round_trip(const scenario *sc)
{
    static scenario back;
    sim_error err;
    if (link_format(sc, "https://example.org/", link_text, sizeof link_text, &err) != SIM_OK) {
        fprintf(stderr, "loaded but has no link: %s\n", err.msg);
        abort();
    }
    if (link_parse(&back, link_text, &err) != SIM_OK) {
        fprintf(stderr, "link does not read back: %s\n%s\n", err.msg, link_text);
        abort();
    }
    if (!same_scenario(&back, sc)) {
        fprintf(stderr, "link gives another scenario: %s\n", link_text);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fuzz_runner == NULL)
        setup();
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    static scenario sc, back;
    sim_error err;
    /* As if read from the corpus folder, so that `base = baseline.ini`
     * finds the bundled baseline there. */
    if (link_parse(&sc, text, &err) == SIM_OK)
        link_round_trip(&sc);
    else if (err.msg[0] == '\0')
        abort();
    sim_status st = scenario_parse(&sc, text, TRANSIM_FUZZ_DIR "/corpus/fuzz.ini", &err);
    free(text);
    if (st != SIM_OK) {
        if (err.msg[0] == '\0')
            abort(); /* every refusal says why */
        return 0;
    }
    if (scenario_save(&sc, save_path, &err) != SIM_OK) {
        fprintf(stderr, "loaded but cannot be saved: %s\n", err.msg);
        abort();
    }
    if (scenario_load(&back, save_path, &err) != SIM_OK) {
        fprintf(stderr, "saved but cannot be loaded: %d: %s\n", err.line, err.msg);
        abort();
    }
    if (!same_scenario(&back, &sc)) {
        fprintf(stderr, "reload differs: name '%s' / '%s'\n", sc.name, back.name);
        abort();
    }
    link_round_trip(&sc);
    /* A short run: the scenario's first two years. */
    run_opts o = run_opts_default();
    o.from = sc.start;
    o.to = fmin(sc.end, sc.start + 2.0);
    run_result r;
    run_result_init(&r);
    st = runner_run(fuzz_runner, &sc, &o, &r, &err);
    if (st == SIM_OK) {
        for (size_t i = 0; i < r.rows * (size_t)VAR_COUNT; i++)
            if (!isfinite(r.v[i]))
                abort();
    } else if (st != SIM_EINVAL && st != SIM_ENUMERIC) {
        abort();
    }
    run_result_release(&r);
    return 0;
}
