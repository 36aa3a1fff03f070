/* cmd_compare.c: `transim compare`: the key indicators (var_table[i].key)
 * and spending, or the variables asked for, of several scenarios in chosen years, with each scenario's difference from
 * the first: an aligned table for people, tidy CSV for machines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/lang.h"
#include "cli/commands.h"
#include "sim/files/output.h"
#include "sim/engine/run.h"

static const char usage[] =
    "usage: transim compare [--years LIST] [--vars LIST] [--method M] [--format text|csv]\n"
    "                       SCENARIO...\n"
    "\n"
    "Runs each SCENARIO (a file, a name under scenarios/, or 'baseline') and\n"
    "shows the key indicators and what the scenario spends (spend_total,\n"
    "spend_cumulative) in 2030, 2040 and 2050, with each scenario's difference\n"
    "from the first.\n"
    "\n"
    "  --years LIST   comma-separated years (default 2030,2040,2050)\n"
    "  --vars LIST    variables or groups as for `run` (default: key, then\n"
    "                 spend_total and spend_cumulative)\n"
    "  --method M     adaptive (default), rk4 or euler\n"
    "  --lang L       labels, column headers and units of the text table in\n"
    "                 English (en, default) or Swedish (sv)\n"
    "  --format F     text (default: an aligned table, values in display units,\n"
    "                 rounded, with thousands separators) or csv (tidy rows\n"
    "                 indicator,unit,year,scenario,value,difference in model units,\n"
    "                 ten significant digits)\n"
    "\n"
    "The text table puts the scenarios side by side when they fit the width of\n"
    "the terminal (or of COLUMNS when the output is not a terminal); otherwise\n"
    "it shows one block per indicator, a row per scenario.\n";

enum { O_YEARS, O_METHOD, O_FORMAT, O_LANG, O_VARS };
static const args_option options[] = {
    [O_YEARS] = {"years", 0, 1}, [O_METHOD] = {"method", 0, 1}, [O_FORMAT] = {"format", 0, 1},
    [O_LANG] = {"lang", 0, 1},   [O_VARS] = {"vars", 0, 1}};

static int swedish; /* --lang sv: Swedish labels in the text table */

#define MAX_YEARS 16
#define CELL 64

/* Formats |v| rounded to decimals with thousands separators, signed as asked
 * ("+" for positive differences). */
static void human(double v, int decimals, int plus, char *out, size_t n)
{
    char digits[64];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    int zero = strspn(digits, "0.") == strlen(digits);
    const char *sign = zero ? "" : v < 0 ? "-" : plus ? "+" : "";
    char *dot = strchr(digits, '.');
    size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
    char buf[96];
    size_t k = 0;
    for (const char *s = sign; *s;)
        buf[k++] = *s++;
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    snprintf(buf + k, sizeof buf - k, "%s", dot ? dot : "");
    size_t len = strlen(buf) < n ? strlen(buf) : n - 1;
    memcpy(out, buf, len);
    out[len] = '\0';
}

/* Decimals that show three to four significant digits of values up to m. */
static int decimals_for(double m)
{
    return m >= 100 ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : 3;
}

/* Width on a terminal of UTF-8 text: one column per character. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int parse_years(const char *text, double *years, size_t *n)
{
    *n = 0;
    const char *p = text;
    for (;;) {
        char item[32];
        size_t len = strcspn(p, ",");
        snprintf(item, sizeof item, "%.*s", (int)(len < 31 ? len : 31), p);
        if (*n == MAX_YEARS)
            return args_usage("compare", "at most %d years", MAX_YEARS), 0;
        if (!args_number("compare", "--years", item, &years[*n]))
            return 0;
        (*n)++;
        if (p[len] == '\0')
            return 1;
        p += len + 1;
    }
}

/* The width to fit, in columns: the terminal's when stdout is one, else
 * COLUMNS when set, else 0 (no limit: a file or a pipe gets the wide table). */
static size_t terminal_columns(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    long n = env != NULL ? strtol(env, NULL, 10) : 0;
    return n > 0 && n < 100000 ? (size_t)n : 0;
}

/* The width of the table print_table would print. */
static size_t table_width(char (*cells)[CELL], size_t rows, size_t cols)
{
    size_t total = 0;
    for (size_t c = 0; c < cols; c++) {
        size_t w = 0;
        for (size_t r = 0; r < rows; r++)
            if (width(cells[r * cols + c]) > w)
                w = width(cells[r * cols + c]);
        total += w + (c > 0 ? 2 : 0);
    }
    return total;
}

static void print_table(char (*cells)[CELL], size_t rows, size_t cols, size_t left_cols)
{
    size_t *w = calloc(cols, sizeof *w);
    if (w == NULL)
        return;
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++)
            if (width(cells[r * cols + c]) > w[c])
                w[c] = width(cells[r * cols + c]);
    for (size_t r = 0; r < rows; r++) {
        size_t line = 0;
        for (size_t c = 0; c < cols; c++) {
            const char *s = cells[r * cols + c];
            size_t pad = w[c] - width(s);
            int last = c + 1 == cols;
            if (c > 0)
                line += (size_t)printf("  ");
            if (c < left_cols)
                line += (size_t)printf("%s%*s", s, last ? 0 : (int)pad, "");
            else
                line += (size_t)printf("%*s%s", (int)pad, "", s);
        }
        putchar('\n');
        (void)line;
    }
    free(w);
}

/* The side-by-side table of cells (a header row, then nyears rows per
 * indicator, columns indicator, unit, year and each scenario's value with,
 * after the first, its change) as one block per indicator: a title line,
 * then a row per scenario with a column per year, "value (change)". For a
 * terminal too narrow for the scenarios side by side. */
/* Cuts s to at most n characters (UTF-8: never inside a character). */
static void cut_to_width(char *s, size_t n)
{
    size_t chars = 0;
    for (char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) == 0x80)
            continue;
        if (chars++ == n) {
            *p = '\0';
            return;
        }
    }
}

static int print_blocks(char (*cells)[CELL], size_t nkeys, size_t nyears, size_t nscen,
                        size_t cols, size_t fit)
{
    size_t bcols = 1 + nyears, brows = 1 + nscen;
    char (*block)[CELL] = calloc(brows * bcols, CELL);
    if (block == NULL)
        return cli_error("out of memory");
    for (size_t k = 0; k < nkeys; k++) {
        char (*first)[CELL] = &cells[(1 + k * nyears) * cols];
        printf("%s%s, %s\n", k > 0 ? "\n" : "", first[0], first[1]);
        snprintf(block[0], CELL, "scenario"); /* the same word in Swedish */
        for (size_t y = 0; y < nyears; y++)
            snprintf(block[1 + y], CELL, "%s", cells[(1 + k * nyears + y) * cols + 2]);
        for (size_t s = 0; s < nscen; s++) {
            size_t c = s == 0 ? 3 : 3 + 2 * s - 1;
            snprintf(block[(1 + s) * bcols], CELL, "%.40s", cells[c]);
            for (size_t y = 0; y < nyears; y++) {
                char (*row)[CELL] = &cells[(1 + k * nyears + y) * cols];
                char *out = block[(1 + s) * bcols + 1 + y];
                if (s == 0)
                    snprintf(out, CELL, "%s", row[c]);
                else
                    snprintf(out, CELL, "%.28s (%.28s)", row[c], row[c + 1]);
            }
        }
        /* The scenario names give way to the figures when the terminal is
         * narrow (down to 12 characters). */
        size_t figures = 0;
        for (size_t c = 1; c < bcols; c++) {
            size_t w = 0;
            for (size_t r = 0; r < brows; r++)
                if (width(block[r * bcols + c]) > w)
                    w = width(block[r * bcols + c]);
            figures += w + 2;
        }
        size_t room = fit > figures + 12 ? fit - figures : 12;
        for (size_t r = 1; r < brows; r++)
            cut_to_width(block[r * bcols], room);
        print_table(block, brows, bcols, 1);
    }
    free(block);
    return CLI_OK;
}

/* The rows compared: the --vars list, or the key indicators and then the
 * budget's spending rows. Prints a usage error for a bad list. */
static int compare_vars(const char *text, int *ids, size_t *n)
{
    sim_error err;
    if (text != NULL) {
        if (output_parse_vars(text, ids, n, &err) != SIM_OK)
            return args_usage("compare", "--vars: %s", err.msg);
        return CLI_OK;
    }
    *n = 0;
    for (int i = 0; i < VAR_COUNT; i++)
        if (var_table[i].key)
            ids[(*n)++] = i;
    const var_budget spend[] = {BUDGET_SPEND, BUDGET_CUMULATIVE};
    for (size_t k = 0; k < sizeof spend / sizeof *spend; k++) {
        int id = var_find_budget(spend[k]);
        if (id >= 0 && !var_table[id].key)
            ids[(*n)++] = id;
    }
    return CLI_OK;
}

int cmd_compare(int argc, char **argv)
{
    double years[MAX_YEARS] = {2030, 2040, 2050};
    size_t nyears = 3;
    int csv = 0;
    const char *vars_text = NULL;
    run_opts ro = run_opts_default();
    const char **names = calloc((size_t)argc, sizeof *names);
    size_t nscen = 0;
    if (names == NULL)
        return cli_error("out of memory");
    args a;
    args_init(&a, "compare", argc, argv, options, sizeof options / sizeof *options);
    int status = CLI_OK;
    for (int id; status == CLI_OK && (id = args_next(&a)) != ARGS_END;) {
        if (id == ARGS_HELP) {
            fputs(usage, stdout);
            free(names);
            return CLI_OK;
        }
        if (id == ARGS_ERROR)
            status = CLI_USAGE;
        else if (id == ARGS_POSITIONAL)
            names[nscen++] = a.value;
        else if (id == O_YEARS && !parse_years(a.value, years, &nyears))
            status = CLI_USAGE;
        else if (id == O_VARS)
            vars_text = a.value;
        else if (id == O_METHOD) {
            int m = ode_method_parse(a.value);
            if (m < 0)
                status = args_usage("compare", "unknown method '%s' (adaptive, rk4 or euler)",
                                    a.value);
            else
                ro.method = (ode_method)m;
        } else if (id == O_LANG) {
            if (!cli_lang("compare", a.value, &swedish))
                status = CLI_USAGE;
        } else if (id == O_FORMAT) {
            if (strcmp(a.value, "csv") == 0 || strcmp(a.value, "text") == 0)
                csv = strcmp(a.value, "csv") == 0;
            else
                status = args_usage("compare", "unknown format '%s' (text or csv)", a.value);
        }
    }
    if (status == CLI_OK && nscen == 0)
        status = args_usage("compare", "no scenarios given");
    int keys[VAR_COUNT];
    size_t nkeys = 0;
    if (status == CLI_OK)
        status = compare_vars(vars_text, keys, &nkeys);
    if (status != CLI_OK) {
        free(names);
        return status;
    }

    /* vals[(s * nkeys + k) * nyears + y]; NaN where a run does not reach the year. */
    double *vals = malloc((nscen * nkeys * nyears + 1) * sizeof *vals);
    scenario *sc = malloc(sizeof *sc);
    runner *rn = runner_create();
    run_result res;
    run_result_init(&res);
    if (vals == NULL || sc == NULL || rn == NULL)
        status = cli_error("out of memory");
    char (*titles)[CELL] = calloc(nscen, CELL);
    if (titles == NULL)
        status = cli_error("out of memory");
    for (size_t s = 0; s < nscen && status == CLI_OK; s++) {
        if (cli_load_scenario(names[s], sc) != CLI_OK) {
            status = CLI_FAIL;
            break;
        }
        snprintf(titles[s], CELL, "%.40s", sc->name[0] ? sc->name : names[s]);
        sim_error err;
        if (runner_run(rn, sc, &ro, &res, &err) != SIM_OK) {
            if (err.path[0] == '\0')
                snprintf(err.path, sizeof err.path, "%s", sc->path[0] ? sc->path : names[s]);
            status = cli_report(&err);
            break;
        }
        cli_warn_budget(sc, &res);
        for (size_t k = 0; k < nkeys; k++)
            for (size_t y = 0; y < nyears; y++) {
                size_t row = run_row_at(&res, years[y]);
                vals[(s * nkeys + k) * nyears + y] =
                    row == (size_t)-1 ? NAN : run_value(&res, row, keys[k]);
            }
    }
    run_result_release(&res);
    runner_destroy(rn);
    free(sc);
    /* A year no scenario reports would be a row of dashes: a usage error. */
    for (size_t y = 0; status == CLI_OK && y < nyears; y++) {
        int seen = 0;
        for (size_t s = 0; s < nscen && !seen; s++)
            for (size_t k = 0; k < nkeys && !seen; k++)
                seen = !isnan(vals[(s * nkeys + k) * nyears + y]);
        if (!seen && nkeys > 0)
            status = args_usage("compare", "--years: no scenario's run reports %g", years[y]);
    }

    if (status == CLI_OK && csv) {
        char b[32];
        puts("indicator,unit,year,scenario,value,difference");
        for (size_t k = 0; k < nkeys; k++)
            for (size_t y = 0; y < nyears; y++)
                for (size_t s = 0; s < nscen; s++) {
                    const var_desc *d = &var_table[keys[k]];
                    double v = vals[(s * nkeys + k) * nyears + y];
                    double v0 = vals[k * nyears + y];
                    output_csv_field(stdout, d->name);
                    putchar(',');
                    output_csv_field(stdout, d->unit);
                    printf(",%s,", output_number(years[y], b, sizeof b));
                    output_csv_field(stdout, titles[s]);
                    printf(",%s,", isnan(v) ? "" : output_number(v, b, sizeof b));
                    printf("%s\n", isnan(v) || isnan(v0) ? "" : output_number(v - v0, b, sizeof b));
                }
    } else if (status == CLI_OK) {
        size_t cols = 3 + nscen + (nscen - 1), rows = 1 + nkeys * nyears;
        char (*cells)[CELL] = calloc(rows * cols, CELL);
        if (cells == NULL) {
            status = cli_error("out of memory");
        } else {
            snprintf(cells[0], CELL, "%s", swedish ? "indikator" : "indicator");
            snprintf(cells[1], CELL, "%s", swedish ? "enhet" : "unit");
            snprintf(cells[2], CELL, "%s", swedish ? "\xC3\xA5r" : "year");
            for (size_t s = 0, c = 3; s < nscen; s++) {
                snprintf(cells[c++], CELL, "%s", titles[s]);
                if (s > 0)
                    snprintf(cells[c++], CELL, "%s",
                             swedish ? "f\xC3\xB6r\xC3\xA4ndring" : "change");
            }
            for (size_t k = 0; k < nkeys; k++) {
                const var_desc *d = &var_table[keys[k]];
                double m = 0;
                for (size_t s = 0; s < nscen; s++)
                    for (size_t y = 0; y < nyears; y++) {
                        double v = fabs(var_display(d, vals[(s * nkeys + k) * nyears + y]));
                        if (v > m)
                            m = v;
                    }
                int dec = decimals_for(m);
                for (size_t y = 0; y < nyears; y++) {
                    char (*row)[CELL] = &cells[(1 + k * nyears + y) * cols];
                    if (y == 0) {
                        snprintf(row[0], CELL, "%.60s", cli_label(d, swedish));
                        var_unit_text(var_display_unit(d), swedish, row[1], 61);
                    }
                    snprintf(row[2], CELL, "%g", years[y]);
                    double v0 = var_display(d, vals[k * nyears + y]);
                    for (size_t s = 0, c = 3; s < nscen; s++) {
                        double v = var_display(d, vals[(s * nkeys + k) * nyears + y]);
                        if (isnan(v))
                            snprintf(row[c], CELL, "-");
                        else
                            human(v, dec, 0, row[c], CELL);
                        c++;
                        if (s == 0)
                            continue;
                        if (isnan(v) || isnan(v0))
                            snprintf(row[c], CELL, "-");
                        else
                            human(v - v0, dec, 1, row[c], CELL);
                        c++;
                    }
                }
            }
            size_t fit = terminal_columns();
            if (fit == 0 || table_width(cells, rows, cols) <= fit)
                print_table(cells, rows, cols, 2);
            else
                status = print_blocks(cells, nkeys, nyears, nscen, cols, fit);
            free(cells);
        }
    }
    free(titles);
    free(vals);
    free(names);
    return status;
}
