/* args.c: option parsing and messages shared by the subcommands (cli/args.h). */
#include "cli/args.h"

#include "sim/model/model.h"

#include "sim/files/datadir.h"
#include "sim/files/output.h"
#include "sim/files/path_check.h"
#include "sim/studies/batch.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void args_init(args *a, const char *cmd, int argc, char **argv, const args_option *opts,
               size_t nopts)
{
    a->cmd = cmd;
    a->argc = argc;
    a->argv = argv;
    a->i = 1;
    a->opts = opts;
    a->nopts = nopts;
    a->value = NULL;
    a->only_positionals = 0;
}

int args_usage(const char *cmd, const char *fmt, ...)
{
    fprintf(stderr, "transim %s: ", cmd);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'transim %s --help'.\n", cmd);
    return CLI_USAGE;
}

/* Levenshtein distance of two short strings (longer ones count as far). */
static size_t distance(const char *a, const char *b)
{
    enum { MAX = 40 };
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAX || lb > MAX)
        return (size_t)-1;
    size_t row[MAX + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *args_suggest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, names[i]);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    size_t len = strlen(word);
    return best != NULL && best_d > 0 && best_d <= 2 && best_d * 3 <= len + 1 ? best : NULL;
}

static int unknown_option(args *a, const char *arg, const char *name)
{
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < a->nopts && n < 63; i++)
        names[n++] = a->opts[i].name;
    names[n++] = "help";
    const char *s = args_suggest(name, names, n);
    if (s != NULL)
        args_usage(a->cmd, "unknown option '%s' (did you mean '--%s'?)", arg, s);
    else
        args_usage(a->cmd, "unknown option '%s'", arg);
    return ARGS_ERROR;
}

int args_next(args *a)
{
    a->value = NULL;
    if (a->i >= a->argc)
        return ARGS_END;
    const char *arg = a->argv[a->i++];
    if (a->only_positionals || arg[0] != '-' || arg[1] == '\0') {
        a->value = arg;
        return ARGS_POSITIONAL;
    }
    if (strcmp(arg, "--") == 0) {
        a->only_positionals = 1;
        return args_next(a);
    }
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
        return ARGS_HELP;
    int id = -1;
    const char *inline_value = NULL;
    if (arg[1] == '-') {
        const char *name = arg + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        for (size_t i = 0; i < a->nopts; i++)
            if (strlen(a->opts[i].name) == len && strncmp(a->opts[i].name, name, len) == 0)
                id = (int)i;
        if (id < 0) {
            char buf[64];
            snprintf(buf, sizeof buf, "%.*s", (int)(len < 63 ? len : 63), name);
            return unknown_option(a, arg, buf);
        }
        if (eq != NULL)
            inline_value = eq + 1;
    } else {
        for (size_t i = 0; i < a->nopts; i++)
            if (a->opts[i].short_name != 0 && a->opts[i].short_name == arg[1])
                id = (int)i;
        if (id < 0)
            return unknown_option(a, arg, arg + 1);
        if (arg[2] != '\0') {
            if (!a->opts[id].has_value)
                return args_usage(a->cmd, "option '-%c' takes no value", arg[1]), ARGS_ERROR;
            inline_value = arg + 2;
        }
    }
    const args_option *o = &a->opts[id];
    if (!o->has_value) {
        if (inline_value != NULL) {
            args_usage(a->cmd, "option '--%s' takes no value", o->name);
            return ARGS_ERROR;
        }
        return id;
    }
    if (inline_value == NULL) {
        if (a->i >= a->argc) {
            args_usage(a->cmd, "option '%s' needs a value", arg);
            return ARGS_ERROR;
        }
        inline_value = a->argv[a->i++];
    }
    a->value = inline_value;
    return id;
}

int args_number(const char *cmd, const char *option, const char *text, double *out)
{
    char *end;
    double v = strtod(text, &end);
    if (end != text && *end == '/') {
        char *end2;
        double d = strtod(end + 1, &end2);
        if (end2 != end + 1 && *end2 == '\0' && d != 0) {
            v /= d;
            end = end2;
        }
    }
    if (text[0] == '\0' || *end != '\0' || !isfinite(v) || strpbrk(text, "xXnN") != NULL) {
        args_usage(cmd, "option '%s' needs a number, not '%s'", option, text);
        return 0;
    }
    *out = v;
    return 1;
}

int cli_report(const sim_error *err)
{
    char buf[2200];
    fprintf(stderr, "transim: %s\n", sim_error_format(err, buf, sizeof buf));
    return CLI_FAIL;
}

void cli_warn_budget(const scenario *sc, const run_result *r)
{
    double first = 0.0, last = 0.0, worst = 0.0;
    if (budget_rows_over(r, &first, &last, &worst) == 0)
        return;
    fprintf(stderr,
            "transim: %s: spending is over the cap of %.0f MSEK/yr in %.4g-%.4g "
            "(by up to %.0f MSEK/yr)\n",
            sc->path[0] ? sc->path : sc->name, sc->value[V_BUDGET_CAP], first, last, worst);
}

int cli_error(const char *fmt, ...)
{
    fputs("transim: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return CLI_FAIL;
}

/* Reads a scenario from standard input ("-"); base files are then found
 * relative to the current directory. */
/* Parses text read from standard input. Its `base` is looked for in the
 * current folder and then, as `transim run NAME` does, under scenarios/
 * (so that `transim run - < my.ini` with `base = baseline.ini` works from
 * the repository's root). Messages name the text "<stdin>". */
static int parse_stdin(scenario *sc, const char *text, scenario_sources *src, sim_error *err)
{
    static const char here[] = "<stdin>";
    char dir[900], there[1000];
    datadir_scenarios(dir, sizeof dir);
    snprintf(there, sizeof there, "%s/<stdin>", dir);
    if (path_check_bases(text, here, err) == SIM_OK &&
        scenario_parse_sources(sc, text, here, src, err) == SIM_OK)
        return CLI_OK;
    int base_missing = strcmp(err->path, here) == 0 && strncmp(err->msg, "base file '", 11) == 0 &&
                       strstr(err->msg, "' not found") != NULL;
    if (!base_missing || access(dir, F_OK) != 0)
        return cli_report(err);
    sim_error again;
    scenario probe;
    if (path_check_bases(text, there, &again) == SIM_OK &&
        scenario_parse_sources(&probe, text, there, src, &again) == SIM_OK) {
        *sc = probe;
        snprintf(sc->path, sizeof sc->path, "%s", here);
        if (src != NULL && src->n > 0)
            snprintf(src->path[0], sizeof src->path[0], "%s", here);
        return CLI_OK;
    }
    if (strcmp(again.path, there) != 0)
        return cli_report(&again); /* the base was found and is itself wrong */
    if (strstr(again.msg, "' not found") != NULL)
        return cli_report(err); /* in neither folder: the first message */
    snprintf(again.path, sizeof again.path, "%s", here);
    return cli_report(&again);
}

static int load_stdin(scenario *sc, scenario_sources *src)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (size_t got = 1; buf != NULL && got > 0;) {
        if (n + 1 == cap) {
            char *b = cap < ((size_t)1 << 20) ? realloc(buf, cap * 2) : NULL;
            if (b == NULL) {
                free(buf);
                return cli_error("<stdin>: too large for a scenario");
            }
            buf = b;
            cap *= 2;
        }
        got = fread(buf + n, 1, cap - 1 - n, stdin);
        n += got;
    }
    if (buf == NULL)
        return cli_error("out of memory");
    buf[n] = '\0';
    sim_error err;
    int status = CLI_OK;
    if (ferror(stdin))
        status = cli_error("<stdin>: cannot read standard input");
    else if (memchr(buf, '\0', n) != NULL)
        status = cli_error("<stdin>: not a text file (NUL byte)");
    else
        status = parse_stdin(sc, buf, src, &err);
    free(buf);
    return status;
}

int cli_load_scenario(const char *name, scenario *sc)
{
    return cli_load_scenario_sources(name, sc, NULL);
}

int cli_load_scenario_sources(const char *name, scenario *sc, scenario_sources *src)
{
    if (src != NULL)
        src->n = 0;
    if (strcmp(name, "-") == 0)
        return load_stdin(sc, src);
    sim_error err;
    const char *path = name;
    char buf[1100];
    if (access(name, F_OK) != 0 && strchr(name, '/') == NULL) {
        /* A name of a bundled scenario: under ./scenarios in a source
         * tree, under PREFIX/share/transim/scenarios when installed. */
        char dir[900];
        datadir_scenarios(dir, sizeof dir);
        static const char *const forms[] = {"%s/%s", "%s/%s.ini"};
        for (int i = 0; i < 2; i++) {
            snprintf(buf, sizeof buf, forms[i], dir, name);
            if (access(buf, F_OK) == 0) {
                path = buf;
                break;
            }
        }
        if (path == name && strcmp(name, "baseline") == 0) {
            scenario_init(sc);
            return CLI_OK;
        }
    }
    /* A FIFO or device would block the reader forever. */
    if (path_check_scenario(path, &err) != SIM_OK ||
        scenario_load_sources(sc, path, src, &err) != SIM_OK)
        return cli_report(&err);
    return CLI_OK;
}

int cli_write(const char *path, cli_writer fn, void *ctx)
{
    sim_error err;
    sim_error_clear(&err);
    sim_status st;
    if (path == NULL || strcmp(path, "-") == 0) {
        st = fn(stdout, ctx, &err);
    } else {
        output_file of;
        st = output_open(&of, path, &err);
        if (st == SIM_OK) {
            st = fn(of.f, ctx, &err);
            if (st == SIM_OK)
                st = output_commit(&of, &err);
            else
                output_abort(&of);
        }
    }
    /* A full disk or a closed pipe: say which file could not be written. */
    if (st != SIM_OK && err.path[0] == '\0')
        snprintf(err.path, sizeof err.path, "%s",
                 path == NULL || strcmp(path, "-") == 0 ? "<stdout>" : path);
    return st == SIM_OK ? CLI_OK : cli_report(&err);
}

int args_dt(const char *cmd, const char *text, double dt)
{
    if (dt >= CLI_DT_MIN)
        return 1;
    args_usage(cmd, "--dt must be at least %g years (under an hour), not '%s'", CLI_DT_MIN,
               text);
    return 0;
}

int cli_check_output(const char *path, const char *const *inputs, size_t ninputs)
{
    if (path == NULL || strcmp(path, "-") == 0)
        return CLI_OK;
    /* The inputs with their base files: an output must not replace the
     * base of its own scenario either. */
    enum { CHAIN = 16, ALL = 64 };
    static char chain[ALL][1024];
    const char *all[ALL];
    size_t n = 0;
    for (size_t i = 0; i < ninputs && n < ALL; i++) {
        if (inputs[i] == NULL)
            continue;
        size_t k = path_check_chain(inputs[i], chain + n, ALL - n < CHAIN ? ALL - n : CHAIN);
        if (k == 0)
            all[n++] = inputs[i];
        for (size_t j = 0; j < k; j++, n++)
            all[n] = chain[n];
    }
    sim_error err;
    sim_error_clear(&err);
    sim_status st = output_check(path, all, n, &err);
    if (st == SIM_OK)
        return CLI_OK;
    cli_report(&err);
    return st == SIM_EINVAL ? CLI_USAGE : CLI_FAIL;
}

int args_years(const char *cmd, const char *text, double *years, size_t cap, size_t *n)
{
    size_t k = 0;
    for (const char *p = text;;) {
        char item[32];
        size_t len = strcspn(p, ",");
        if (len == 0 || len >= sizeof item)
            return args_usage(cmd, "--years: '%s' is not a comma-separated list of years", text),
                   0;
        memcpy(item, p, len);
        item[len] = '\0';
        if (k == cap)
            return args_usage(cmd, "--years: at most %zu years", cap), 0;
        if (!args_number(cmd, "--years", item, &years[k]))
            return 0;
        if (k > 0 && !(years[k] > years[k - 1]))
            return args_usage(cmd, "--years: the years must increase ('%s')", text), 0;
        k++;
        if (p[len] == '\0')
            break;
        p += len + 1;
    }
    *n = k;
    return 1;
}

void cli_scenario_provenance(FILE *f, const scenario *sc, const char *arg,
                             const scenario_sources *src)
{
    cli_scenario_provenance_as(f, "scenario", sc, arg, src);
}

void cli_scenario_provenance_as(FILE *f, const char *key, const scenario *sc, const char *arg,
                                const scenario_sources *src)
{
    char base_key[64];
    snprintf(base_key, sizeof base_key, "%s", strcmp(key, "scenario") == 0 ? "base" : key);
    if (strcmp(key, "scenario") != 0)
        snprintf(base_key, sizeof base_key, "%s base", key);
    if (src == NULL || src->n == 0) {
        const char *where = sc->path[0] ? sc->path : arg;
        if (strcmp(where, "baseline") == 0 && sc->path[0] == '\0')
            where = "built-in baseline";
        batch_manifest_line(f, key, "%s (%s)", where, sc->name);
        return;
    }
    batch_manifest_line(f, key, "%s (%s) sha256 %s", src->path[0], sc->name, src->sha256[0]);
    for (int i = 1; i < src->n; i++)
        batch_manifest_line(f, base_key, "%s sha256 %s", src->path[i], src->sha256[i]);
}
