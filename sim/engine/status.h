/* status.h: status codes and error reports shared by every sim/ function.
 *
 * The library never prints, exits or aborts: a fallible function returns a
 * sim_status (0 = ok) and, when given a sim_error, fills it with a message
 * and, for files, the path and line that caused it. */
#ifndef SIM_STATUS_H
#define SIM_STATUS_H

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
} sim_error;

/* Clears e (no-op on NULL). */
void sim_error_clear(sim_error *e);

/* Fills e (no-op on NULL) with path (may be NULL), line (0 = none) and a
 * printf-style message. Returns status unchanged, so that a caller can write
 * `return sim_error_set(err, SIM_EPARSE, path, line, "unknown lever '%s'", k);` */
sim_status sim_error_set(sim_error *e, sim_status status, const char *path,
                         int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Writes "path:line: msg", "path: msg" or "msg" into buf (always
 * NUL-terminated when n > 0). Returns buf. */
char *sim_error_format(const sim_error *e, char *buf, size_t n);

/* A short English name of a status ("ok", "parse error", ...). */
const char *sim_status_name(sim_status s);

#endif
