/* status.c: filling and formatting sim_error reports, in English and, from
 * the table of Swedish templates in status_sv.def, in Swedish. */
#include "sim/engine/status.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct sv_row {
    const char *en; /* the English format, as passed to sim_error_set */
    const char *sv; /* its Swedish template: the same conversions in order */
} sv_row;

static const sv_row sv_rows[] = {
#define ERROR_SV(en, sv) {en, sv},
#define WORD_SV(en, sv)
#include "sim/engine/status_sv.def"
#undef ERROR_SV
#undef WORD_SV
};

static const sv_row sv_words[] = {
#define ERROR_SV(en, sv)
#define WORD_SV(en, sv) {en, sv},
#include "sim/engine/status_sv.def"
#undef ERROR_SV
#undef WORD_SV
};

#define SV_ROWS (sizeof sv_rows / sizeof sv_rows[0])
#define SV_WORDS (sizeof sv_words / sizeof sv_words[0])

void sim_error_clear(sim_error *e)
{
    if (e == NULL)
        return;
    e->path[0] = '\0';
    e->line = 0;
    e->msg[0] = '\0';
    e->msg_sv[0] = '\0';
}

const char *sim_error_sv_template(const char *fmt)
{
    for (size_t i = 0; i < SV_ROWS; i++)
        if (strcmp(sv_rows[i].en, fmt) == 0)
            return sv_rows[i].sv;
    return NULL;
}

int sim_error_sv_count(void)
{
    return (int)SV_ROWS;
}

void sim_error_sv_row(int i, const char **en, const char **sv)
{
    *en = sv_rows[i].en;
    *sv = sv_rows[i].sv;
}

/* The errors whose messages are being nested in the next message, on this
 * thread (sim_error_nested; more than NESTED_MAX are passed as English). */
enum { NESTED_MAX = 4 };
static _Thread_local const sim_error *nested[NESTED_MAX];
static _Thread_local int nnested;

const char *sim_error_nested(const sim_error *inner)
{
    if (nnested < NESTED_MAX)
        nested[nnested++] = inner;
    return inner->msg;
}

/* The nested error whose message s is, or NULL. */
static const sim_error *nested_of(const char *s)
{
    for (int i = 0; i < nnested; i++)
        if (s == nested[i]->msg)
            return nested[i];
    return NULL;
}

/* A string argument in Swedish: a nested error's Swedish message, a word of
 * the table, else as is. */
static const char *sv_word(const char *s)
{
    if (s == NULL)
        return s;
    const sim_error *in = nested_of(s);
    if (in != NULL)
        return in->msg_sv[0] != '\0' ? in->msg_sv : s;
    for (size_t i = 0; i < SV_WORDS; i++)
        if (strcmp(sv_words[i].en, s) == 0)
            return sv_words[i].sv;
    return s;
}

/* Formats tpl with the arguments in ap, one conversion at a time, so that
 * string arguments can be put in Swedish (unless quoted: those are names)
 * and floating-point numbers take a decimal comma. tpl has the conversions of the
 * English format in the same order (tests/test_status.c checks the table),
 * so each argument is read with the type the caller passed. */
static void format_sv(char *out, size_t cap, const char *tpl, va_list ap)
{
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = tpl; *p != '\0' && o + 1 < cap;) {
        if (p[0] != '%' || p[1] == '%') {
            out[o++] = *p;
            p += p[0] == '%' ? 2 : 1;
            out[o] = '\0';
            continue;
        }
        const char *start = p++;
        int star[2], nstar = 0;
        while (*p != '\0' && strchr("-+ #0", *p) != NULL)
            p++;
        if (*p == '*') {
            star[nstar++] = va_arg(ap, int);
            p++;
        }
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '.') {
            p++;
            if (*p == '*') {
                star[nstar++] = va_arg(ap, int);
                p++;
            }
            while (*p >= '0' && *p <= '9')
                p++;
        }
        char len[3] = "";
        for (int k = 0; k < 2 && *p != '\0' && strchr("hlLzjt", *p) != NULL; k++)
            len[k] = *p++;
        char conv = *p;
        if (conv == '\0' || (size_t)(p + 1 - start) >= 32)
            break; /* a malformed template: keep what is written */
        p++;
        char spec[32];
        memcpy(spec, start, (size_t)(p - start));
        spec[p - start] = '\0';
        char *dst = out + o;
        size_t room = cap - o;
#define PIECE(val)                                                                                 \
    (nstar == 0   ? snprintf(dst, room, spec, val)                                                 \
     : nstar == 1 ? snprintf(dst, room, spec, star[0], val)                                        \
                  : snprintf(dst, room, spec, star[0], star[1], val))
        int n;
        switch (conv) {
        case 'd': case 'i': case 'c':
            if (strcmp(len, "l") == 0)
                n = PIECE(va_arg(ap, long));
            else if (strcmp(len, "ll") == 0)
                n = PIECE(va_arg(ap, long long));
            else if (strcmp(len, "z") == 0)
                n = PIECE(va_arg(ap, size_t));
            else if (strcmp(len, "j") == 0)
                n = PIECE(va_arg(ap, intmax_t));
            else if (strcmp(len, "t") == 0)
                n = PIECE(va_arg(ap, ptrdiff_t));
            else
                n = PIECE(va_arg(ap, int));
            break;
        case 'u': case 'o': case 'x': case 'X':
            if (strcmp(len, "l") == 0)
                n = PIECE(va_arg(ap, unsigned long));
            else if (strcmp(len, "ll") == 0)
                n = PIECE(va_arg(ap, unsigned long long));
            else if (strcmp(len, "z") == 0)
                n = PIECE(va_arg(ap, size_t));
            else if (strcmp(len, "j") == 0)
                n = PIECE(va_arg(ap, uintmax_t));
            else if (strcmp(len, "t") == 0)
                n = PIECE(va_arg(ap, ptrdiff_t));
            else
                n = PIECE(va_arg(ap, unsigned));
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            if (strcmp(len, "L") == 0)
                n = PIECE(va_arg(ap, long double));
            else
                n = PIECE(va_arg(ap, double));
            /* A number the program writes takes a decimal comma in Swedish
             * (a number the user wrote comes quoted, through %s, as written). */
            for (int k = 0; k < n && dst[k] != '\0'; k++)
                if (dst[k] == '.')
                    dst[k] = ',';
            break;
        case 's': {
            const char *arg = va_arg(ap, const char *);
            int quoted = start > tpl && (start[-1] == '\'' || start[-1] == '[');
            n = PIECE(quoted && nested_of(arg) == NULL ? arg : sv_word(arg));
            break;
        }
        case 'p':
            n = PIECE(va_arg(ap, void *));
            break;
        default:
            n = -1; /* %n or an unknown conversion: never read its argument */
            break;
        }
#undef PIECE
        if (n < 0)
            break;
        o += (size_t)n < room ? (size_t)n : room - 1;
    }
    out[o < cap ? o : cap - 1] = '\0';
}

sim_status sim_error_setv(sim_error *e, sim_status status, const char *path,
                          int line, const char *fmt, va_list ap)
{
    if (e == NULL) {
        nnested = 0; /* sim_error_nested holds for one call only */
        return status;
    }
    snprintf(e->path, sizeof e->path, "%s", path ? path : "");
    e->line = line;
    va_list sv;
    va_copy(sv, ap);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    const char *tpl = sim_error_sv_template(fmt);
    format_sv(e->msg_sv, sizeof e->msg_sv, tpl ? tpl : fmt, sv);
    va_end(sv);
    nnested = 0;
    return status;
}

sim_status sim_error_set(sim_error *e, sim_status status, const char *path,
                         int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sim_error_setv(e, status, path, line, fmt, ap);
    va_end(ap);
    return status;
}

sim_status sim_error_locate(sim_error *e, sim_status status, const char *path,
                            int line, const sim_error *inner)
{
    if (e == NULL)
        return status;
    if (e != inner) {
        memcpy(e->msg, inner->msg, sizeof e->msg);
        memcpy(e->msg_sv, inner->msg_sv, sizeof e->msg_sv);
    }
    snprintf(e->path, sizeof e->path, "%s", path ? path : "");
    e->line = line;
    return status;
}

char *sim_error_format_lang(const sim_error *e, int swedish, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    const char *msg = swedish && e->msg_sv[0] != '\0' ? e->msg_sv : e->msg;
    if (e->path[0] != '\0' && e->line > 0)
        snprintf(buf, n, "%s:%d: %s", e->path, e->line, msg);
    else if (e->path[0] != '\0')
        snprintf(buf, n, "%s: %s", e->path, msg);
    else
        snprintf(buf, n, "%s", msg);
    return buf;
}

char *sim_error_format(const sim_error *e, char *buf, size_t n)
{
    return sim_error_format_lang(e, 0, buf, n);
}

const char *sim_status_name(sim_status s)
{
    switch (s) {
    case SIM_OK: return "ok";
    case SIM_EINVAL: return "invalid argument";
    case SIM_EPARSE: return "parse error";
    case SIM_EIO: return "input/output error";
    case SIM_ENOMEM: return "out of memory";
    case SIM_ENUMERIC: return "numerical error";
    case SIM_ESOLVER: return "solver error";
    }
    return "unknown status";
}
