/* status.h: status codes and error reports shared by every sim/ function.
 *
 * The library never prints, exits or aborts: a fallible function returns a
 * sim_status (0 = ok) and, when given a sim_error, fills it with a message
 * and, for files, the path and line that caused it. The message is kept in
 * English and in Swedish: sim_error_set looks its English format up in the
 * table of Swedish templates (status_sv.def) and formats the same arguments
 * with both, so that the window can speak the user's language while the
 * command line stays English. */
#ifndef SIM_STATUS_H
#define SIM_STATUS_H

#include <stdarg.h>
#include <stddef.h>

typedef enum sim_status {
    SIM_OK = 0,
    SIM_EINVAL,   /* an argument or input value is out of its domain */
    SIM_EPARSE,   /* a scenario file is malformed */
    SIM_EIO,      /* a file could not be read or written */
    SIM_ENOMEM,   /* an allocation failed */
    SIM_ENUMERIC, /* a NaN, an infinity or a negative stock appeared */
    SIM_ESOLVER   /* the integrator could not reach the requested time */
} sim_status;

typedef struct sim_error {
    char path[1024]; /* file the error is about, "" when none */
    int line;        /* 1-based line in path, 0 when none */
    char msg[1024];  /* lower case, no final period, offending thing quoted */
    char msg_sv[1024]; /* the same in Swedish; "" when msg was not set by
                          sim_error_set (then the English stands in) */
} sim_error;

/* Clears e (no-op on NULL). */
void sim_error_clear(sim_error *e);

/* Fills e (no-op on NULL) with path (may be NULL), line (0 = none) and a
 * printf-style message. Returns status unchanged, so that a caller can write
 * `return sim_error_set(err, SIM_EPARSE, path, line, "unknown lever '%s'", k);`
 * fmt should be a string literal with a row in status_sv.def, which gives
 * msg_sv; a format without a row gives the English text in msg_sv too. A
 * string argument that is itself a word of the table of Swedish words in
 * status_sv.def ("lever", "a directory") is put in Swedish in msg_sv. */
sim_status sim_error_set(sim_error *e, sim_status status, const char *path,
                         int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* sim_error_set with a va_list, for functions that forward their own
 * printf-style arguments. */
sim_status sim_error_setv(sim_error *e, sim_status status, const char *path,
                          int line, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/* Copies the message of inner (both languages) into e with a new path and
 * line (no-op on NULL e); inner and e may be the same. Returns status. */
sim_status sim_error_locate(sim_error *e, sim_status status, const char *path,
                            int line, const sim_error *inner);

/* inner's English message, for a "%s" argument of sim_error_set on this
 * thread: the Swedish text then takes inner's Swedish message in its place.
 * `sim_error_set(err, st, NULL, 0, "sample %zu: %s", i, sim_error_nested(&in));`
 * Up to four may be nested in one call. inner must stay alive until that
 * call and must not be err itself. */
const char *sim_error_nested(const sim_error *inner);

/* The Swedish template of an English format, NULL when the table has none. */
const char *sim_error_sv_template(const char *fmt);

/* Number of rows of the table of Swedish templates, and row i's English
 * format and Swedish template (for tests). */
int sim_error_sv_count(void);
void sim_error_sv_row(int i, const char **en, const char **sv);

/* Writes "path:line: msg", "path: msg" or "msg" into buf (always
 * NUL-terminated when n > 0). Returns buf. */
char *sim_error_format(const sim_error *e, char *buf, size_t n);

/* sim_error_format in Swedish when swedish is nonzero (msg_sv, or msg when
 * msg_sv is empty), else in English. Strings from the operating system
 * (strerror) stay as the C library gives them. */
char *sim_error_format_lang(const sim_error *e, int swedish, char *buf, size_t n);

/* A short English name of a status ("ok", "parse error", ...). */
const char *sim_status_name(sim_status s);

#endif
