/* bench.c: `make bench`. Reports the speed of the engine on the baseline:
 * microseconds per run (2020-2050, default accuracy), runs per second on
 * one core and on every core, the wall time of a 10,000-sample Monte Carlo
 * (the code of `transim mc`, all indicators, five quantiles) and the peak
 * memory. Figures only: nothing here passes or fails. Results and the
 * machine they came from are kept in bench/README.md.
 * Usage: transim_bench [SCENARIO] (default scenarios/baseline.ini when it
 * exists, else the built-in baseline). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "sim/studies/mc_study.h"
#include "sim/studies/pool.h"
#include "sim/model/model.h"
#include "sim/engine/run.h"
#include "sim/files/scenario.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One worker's runner and result, padded so that two workers never write
 * the same cache line; the runner is created by the worker's own thread
 * (the allocator then gives each thread memory of its own). */
typedef struct bench_worker {
    runner *rn;
    run_result res;
    char pad[128];
} bench_worker;

/* User and system CPU time of the process so far, s. */
static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

typedef struct bench_ctx {
    const scenario *sc;
    bench_worker *w;
} bench_ctx;

static int bench_task(void *vctx, size_t index, unsigned worker, double *out, sim_error *err)
{
    (void)index;
    (void)out;
    bench_ctx *c = vctx;
    bench_worker *w = &c->w[worker];
    if (w->rn == NULL && (w->rn = runner_create()) == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    return runner_run(w->rn, c->sc, NULL, &w->res, err) != SIM_OK;
}

/* Runs n baseline runs over `workers` threads; returns the wall time, s. */
static double bench_runs(bench_ctx *c, unsigned workers, size_t n)
{
    sim_error err;
    size_t failed;
    double t0 = now();
    if (pool_map_range(workers, 0, 0, n, 0, bench_task, c, NULL, &err, &failed) != 0) {
        fprintf(stderr, "transim_bench: run failed: %s\n", err.msg);
        exit(1);
    }
    return now() - t0;
}

static void print_machine(void)
{
    char model[256] = "unknown";
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f))
            if (strncmp(line, "model name", 10) == 0) {
                const char *p = strchr(line, ':');
                if (p) {
                    snprintf(model, sizeof model, "%s", p + 2);
                    model[strcspn(model, "\n")] = '\0';
                }
                break;
            }
        fclose(f);
    }
    printf("machine: %s, %u cores online\n", model, pool_cores());
    printf("model: %s %s, %d variables, %d stocks, %d levers\n", MODEL_NAME, MODEL_VERSION,
           VAR_COUNT, STOCK_COUNT, LEVER_COUNT);
}

int main(int argc, char **argv)
{
    scenario sc;
    scenario_init(&sc);
    /* The bundled baseline when run from the source tree (as `make bench`
     * does), else the table's defaults. */
    const char *path = argc > 1 ? argv[1] : NULL;
    if (path == NULL && access("scenarios/baseline.ini", R_OK) == 0)
        path = "scenarios/baseline.ini";
    sim_error err;
    if (path && scenario_load(&sc, path, &err) != SIM_OK) {
        fprintf(stderr, "transim_bench: %s: %s\n", path, err.msg);
        return 1;
    }
    unsigned cores = pool_cores();
    print_machine();
    printf("scenario: %s (%g-%g, adaptive rtol 1e-5, yearly reports)\n",
           path ? path : "built-in baseline", sc.start, sc.end);

    bench_worker *w = calloc(cores, sizeof *w);
    for (unsigned i = 0; i < cores; i++)
        run_result_init(&w[i].res);
    bench_ctx c = {.sc = &sc, .w = w};

    /* Calibrate the run count to about a second on one core. */
    bench_runs(&c, 1, 50);
    size_t n = 200;
    double t1 = bench_runs(&c, 1, n);
    while (t1 < 0.5) {
        n *= 2;
        t1 = bench_runs(&c, 1, n);
    }
    /* Best of three: the machine may be shared, and other work only ever
     * makes a measurement slower. */
    for (int rep = 0; rep < 2; rep++) {
        double t = bench_runs(&c, 1, n);
        if (t < t1)
            t1 = t;
    }
    double per_run = t1 / (double)n;
    printf("baseline run: %.1f us (best of 3 x %zu runs)\n", per_run * 1e6, n);
    printf("one core: %.0f runs/s\n", 1.0 / per_run);

    size_t nall = n * cores;
    double tall = INFINITY, cpu_all = INFINITY;
    for (int rep = 0; rep < 3; rep++) {
        double c0 = cpu_seconds();
        double t = bench_runs(&c, cores, nall);
        double cpu = cpu_seconds() - c0;
        if (t < tall)
            tall = t;
        if (cpu < cpu_all)
            cpu_all = cpu;
    }
    double rate_all = (double)nall / tall;
    printf("%u cores: %.0f runs/s (%.2fx one core)\n", cores, rate_all, rate_all * per_run);
    /* CPU time per run with every core busy: equal to the one-core time when
     * the threads do not slow each other down, whatever else the machine
     * runs (which only lowers the wall-clock speed-up above). */
    printf("%u cores: %.1f us of CPU per run\n", cores, cpu_all / (double)nall * 1e6);

    /* 10,000-sample Monte Carlo, as `transim mc --samples 10000` does it. */
    int vars[VAR_COUNT];
    size_t nv = 0;
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].kind == VAR_INDICATOR)
            vars[nv++] = i;
    const double probs[] = {0.05, 0.25, 0.5, 0.75, 0.95};
    mc_study st = {.sc = &sc, .opts = run_opts_default(), .seed = 1, .samples = 10000,
                   .vars = vars, .nvars = nv, .probs = probs, .nprobs = 5};
    pool_exec ex;
    pool_exec_init(&ex, 0);
    mc_bands bands;
    double tmc = INFINITY;
    for (int rep = 0; rep < 2; rep++) {
        double t0 = now();
        if (mc_study_run(&st, &ex, &bands, &err) != 0) {
            fprintf(stderr, "transim_bench: monte carlo failed: %s\n", err.msg);
            return 1;
        }
        double t = now() - t0;
        if (t < tmc)
            tmc = t;
        if (rep == 0)
            mc_bands_release(&bands);
    }
    printf("monte carlo: 10000 samples, %zu uncertain inputs, %zu indicators x %zu years: "
           "%.2f s on %u cores (best of 2)\n", bands.n_uncertain, nv, bands.rows, tmc, cores);
    mc_bands_release(&bands);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);

    for (unsigned i = 0; i < cores; i++) {
        runner_destroy(w[i].rn);
        run_result_release(&w[i].res);
    }
    free(w);
    return 0;
}
