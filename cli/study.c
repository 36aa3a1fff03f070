/* study.c: common options, executor and output of the batch commands. */
#include "cli/study.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/engine/gsl_init.h"
#include "sim/studies/batch.h"
#include "sim/engine/ode.h"

void study_opts_init(study_opts *o)
{
    *o = (study_opts){.run = run_opts_default(), .jobs = 0, .seed = 1, .output = NULL};
}

/* Parses a whole number in [lo, hi]; prints a usage error otherwise. */
static int study_whole(const char *cmd, const char *option, const char *text, double lo,
                       double hi, double *out)
{
    if (!args_number(cmd, option, text, out))
        return 0;
    if (*out != floor(*out) || *out < lo || *out > hi) {
        args_usage(cmd, "%s must be a whole number from %.0f to %.0f, not '%s'", option, lo, hi,
                   text);
        return 0;
    }
    return 1;
}

int study_arg(const char *cmd, const char *usage, const args *a, int id,
              const char **scenario_arg, study_opts *o)
{
    if (id == ARGS_HELP) {
        fputs(usage, stdout);
        return CLI_OK;
    }
    if (id == ARGS_ERROR)
        return CLI_USAGE;
    if (id == ARGS_POSITIONAL) {
        if (*scenario_arg != NULL)
            return args_usage(cmd, "one scenario at a time (got '%s' and '%s')", *scenario_arg,
                              a->value);
        *scenario_arg = a->value;
        return STUDY_ARG_NEXT;
    }
    if (id < STUDY_NOPTS)
        return study_option(cmd, id, a->value, o) == CLI_OK ? STUDY_ARG_NEXT : CLI_USAGE;
    return STUDY_ARG_MINE;
}

study_worker *study_workers_create(unsigned n)
{
    sim_gsl_init(); /* here, before the workers' threads create their runners */
    study_worker *w = calloc(n ? n : 1, sizeof *w);
    for (unsigned i = 0; w != NULL && i < n; i++)
        run_result_init(&w[i].res);
    return w;
}

int study_worker_ready(study_worker *w, sim_error *err)
{
    if (w->rn == NULL && (w->rn = runner_create()) == NULL)
        return sim_error_set(err, SIM_ENOMEM, NULL, 0, "out of memory") != SIM_OK;
    return 0;
}

void study_workers_destroy(study_worker *w, unsigned n)
{
    for (unsigned i = 0; w != NULL && i < n; i++) {
        runner_destroy(w[i].rn);
        run_result_release(&w[i].res);
    }
    free(w);
}

int study_vars(const char *cmd, const char *vars_text, int *vars, size_t *nvars)
{
    if (vars_text != NULL) {
        sim_error err;
        if (output_parse_vars(vars_text, vars, nvars, &err) != SIM_OK)
            return args_usage(cmd, "--vars: %s", err.msg);
        return CLI_OK;
    }
    *nvars = batch_key_vars(vars, VAR_COUNT);
    if (*nvars == 0)
        for (int i = 0; i < VAR_COUNT; i++)
            if (var_table[i].kind == VAR_INDICATOR)
                vars[(*nvars)++] = i;
    return CLI_OK;
}

int study_option(const char *cmd, int id, const char *value, study_opts *o)
{
    double x;
    switch (id) {
    case 0: {
        int m = ode_method_parse(value);
        if (m < 0)
            return args_usage(cmd, "unknown method '%s' (adaptive, rk4 or euler)", value);
        o->run.method = (ode_method)m;
        return CLI_OK;
    }
    case 1:
        if (!args_number(cmd, "--rtol", value, &x))
            return CLI_USAGE;
        o->run.rtol = x;
        return CLI_OK;
    case 2:
        if (!args_number(cmd, "--dt", value, &x) || !args_dt(cmd, value, x))
            return CLI_USAGE;
        o->run.dt = x;
        return CLI_OK;
    case 3:
        if (!args_number(cmd, "--step", value, &x))
            return CLI_USAGE;
        o->run.step = x;
        return CLI_OK;
    case 4:
        if (!args_number(cmd, "--from", value, &x))
            return CLI_USAGE;
        o->run.from = x;
        return CLI_OK;
    case 5:
        if (!args_number(cmd, "--to", value, &x))
            return CLI_USAGE;
        o->run.to = x;
        return CLI_OK;
    case 6:
        if (!study_whole(cmd, "--jobs", value, 1, 256, &x))
            return CLI_USAGE;
        o->jobs = (unsigned)x;
        return CLI_OK;
    case 7:
        o->output = value;
        return CLI_OK;
    case 8: {
        char *end;
        errno = 0;
        unsigned long long s = strtoull(value, &end, 10);
        if (end == value || *end != '\0' || errno != 0 || value[0] == '-')
            return args_usage(cmd, "--seed must be a whole number from 0 to 2^64-1, not '%s'",
                              value);
        o->seed = (uint64_t)s;
        return CLI_OK;
    }
    case 9:
        if (o->nsets == STUDY_SETS_MAX)
            return args_usage(cmd, "more than %d --set options", STUDY_SETS_MAX);
        o->sets[o->nsets++] = value;
        return CLI_OK;
    case 10: {
        char *end;
        errno = 0;
        double v = strtod(value, &end);
        double unit = 1.0;
        switch (*end) {
        case 'k': case 'K': unit = 1024.0; end++; break;
        case 'm': case 'M': unit = 1024.0 * 1024.0; end++; break;
        case 'g': case 'G': unit = 1024.0 * 1024.0 * 1024.0; end++; break;
        case 't': case 'T': unit = 1024.0 * 1024.0 * 1024.0 * 1024.0; end++; break;
        default: break;
        }
        if (end == value || (*end != '\0' && strcmp(end, "B") != 0) || errno != 0 ||
            !(v > 0.0) || !isfinite(v))
            return args_usage(cmd, "--max-memory needs a size such as 4G, 500M or 100000K, "
                              "not '%s'", value);
        o->max_memory = v * unit;
        return CLI_OK;
    }
    default:
        return args_usage(cmd, "internal error: option %d", id);
    }
}

int study_prepare(const char *cmd, scenario *sc, study_opts *o)
{
    sim_error err;
    for (size_t i = 0; i < o->nsets; i++)
        if (scenario_set(sc, o->sets[i], &err) != SIM_OK)
            return args_usage(cmd, "--set '%s': %s", o->sets[i], err.msg);
    if (run_opts_validate(&o->run, sc, &err) != SIM_OK)
        return args_usage(cmd, "%s", err.msg);
    return CLI_OK;
}

/* Bytes as people read them: "14.2 GB". */
static void study_bytes(double b, char *buf, size_t n)
{
    static const char *const units[] = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    int u = 0;
    while (b >= 1024.0 && u < 5) {
        b /= 1024.0;
        u++;
    }
    snprintf(buf, n, u ? "%.1f %s" : "%.0f %s", b, units[u]);
}

/* The memory a study may hold: --max-memory, or the machine's physical
 * memory (0 when unknown); whose names it for messages. */
static double study_limit(const study_opts *o, const char **whose)
{
    *whose = "--max-memory is";
    if (o->max_memory > 0.0)
        return o->max_memory;
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    *whose = "this machine has";
    return pages > 0 && size > 0 ? (double)pages * (double)size : 0.0;
}

int study_memory(const char *cmd, const study_opts *o, double bytes, const char *what)
{
    const char *whose;
    double limit = study_limit(o, &whose);
    if (!(limit > 0.0) || bytes <= limit)
        return CLI_OK; /* fits, or nothing to compare with */
    char need[32], have[32];
    study_bytes(bytes, need, sizeof need);
    study_bytes(limit, have, sizeof have);
    return args_usage(cmd, "%s would need %s of memory, and %s %s; ask for less, or raise "
                      "--max-memory", what, need, whose, have);
}

void study_memory_note(const char *cmd, const study_opts *o, double bytes, const char *what)
{
    const char *whose;
    double limit = study_limit(o, &whose);
    if (bytes <= 1024.0 * 1024.0 * 1024.0 && !(limit > 0.0 && bytes > 0.5 * limit))
        return;
    char need[32], have[32];
    study_bytes(bytes, need, sizeof need);
    if (limit > 0.0) {
        study_bytes(limit, have, sizeof have);
        fprintf(stderr, "transim %s: %s will hold %s of memory until the end (%s %s)\n", cmd,
                what, need, whose, have);
    } else {
        fprintf(stderr, "transim %s: %s will hold %s of memory until the end\n", cmd, what,
                need);
    }
}

size_t study_rows(const scenario *sc, const run_opts *opts)
{
    double from = isnan(opts->from) ? sc->start : opts->from;
    double to = isnan(opts->to) ? sc->end : opts->to;
    if (!(opts->step > 0.0) || !(to >= from))
        return 1;
    double steps = floor((to - from) / opts->step + 1e-9);
    return (size_t)steps + 1 + (from + steps * opts->step < to - 1e-9);
}

int study_no_stdin(const char *cmd, const pool_exec *ex, const char *arg)
{
    if (ex == NULL || arg == NULL || strcmp(arg, "-") != 0)
        return CLI_OK;
    return args_usage(cmd, "a scenario on standard input cannot be read under MPI (each rank "
                      "would read a different part of it); give a scenario file");
}

int study_check_outputs(const char *const *paths, size_t n, const char *const *inputs,
                        size_t ninputs)
{
    for (size_t i = 0; i < n; i++) {
        int rc = paths[i] != NULL ? cli_check_output(paths[i], inputs, ninputs) : CLI_OK;
        if (rc != CLI_OK)
            return rc;
    }
    return CLI_OK;
}

int study_inputs_agree(pool_exec *ex, int ok)
{
    if (ex == NULL)
        return ok != 0;
    int all = ex->agree(ex, ok);
    if (!all && ok && ex->rank == 0)
        cli_error("another MPI rank could not read the inputs (are the files on a file "
                  "system every node sees?)");
    return all;
}

pool_exec *study_exec(pool_exec *ex, pool_exec *local, const study_opts *o)
{
    if (ex == NULL) {
        pool_exec_init(local, o->jobs);
        ex = local;
    } else if (o->jobs) {
        ex->workers = o->jobs;
    }
    ex->progress = ex->rank == 0 && isatty(STDERR_FILENO);
    return ex;
}

int study_out_open(study_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (path == NULL || strcmp(path, "-") == 0) {
        o->f = stdout;
        return CLI_OK;
    }
    sim_error err;
    if (output_open(&o->file, path, &err) != SIM_OK)
        return cli_report(&err);
    o->f = o->file.f;
    o->is_file = 1;
    return CLI_OK;
}

int study_out_close(study_out *o, int ok)
{
    study_out *one[] = {o};
    return study_out_close_all(one, 1, ok);
}

int study_out_close_all(study_out *const *outs, size_t n, int ok)
{
    output_file *files[8];
    size_t nf = 0;
    int rc = CLI_OK;
    for (size_t i = 0; i < n; i++) {
        if (!outs[i]->is_file) {
            if (fflush(stdout) != 0 || ferror(stdout))
                rc = cli_error("<stdout>: cannot write: %s", strerror(errno));
        } else if (nf < sizeof files / sizeof files[0]) {
            files[nf++] = &outs[i]->file;
        }
    }
    if (!ok || rc != CLI_OK) {
        for (size_t i = 0; i < nf; i++)
            output_abort(files[i]);
        return CLI_FAIL;
    }
    sim_error err;
    if (output_commit_all(files, nf, &err) != SIM_OK)
        return cli_report(&err);
    return CLI_OK;
}

void study_manifest(FILE *f, const char *command, const study_opts *o)
{
    batch_manifest(f, command, &o->run);
    for (size_t i = 0; i < o->nsets; i++)
        batch_manifest_line(f, "set", "%s", o->sets[i]);
}

int study_report(const sim_error *err)
{
    if (err->msg[0] == '\0')
        return cli_error("a run failed on another MPI rank");
    return cli_report(err);
}

void study_number(FILE *f, double v)
{
    char buf[40];
    fputs(output_number(v, buf, sizeof buf), f);
}
