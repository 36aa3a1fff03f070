/* status.c: filling and formatting sim_error reports. */
#include "sim/engine/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sim_error_clear(sim_error *e)
{
    if (e == NULL)
        return;
    e->path[0] = '\0';
    e->line = 0;
    e->msg[0] = '\0';
}

sim_status sim_error_set(sim_error *e, sim_status status, const char *path,
                         int line, const char *fmt, ...)
{
    if (e == NULL)
        return status;
    snprintf(e->path, sizeof e->path, "%s", path ? path : "");
    e->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return status;
}

char *sim_error_format(const sim_error *e, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    if (e->path[0] != '\0' && e->line > 0)
        snprintf(buf, n, "%s:%d: %s", e->path, e->line, e->msg);
    else if (e->path[0] != '\0')
        snprintf(buf, n, "%s: %s", e->path, e->msg);
    else
        snprintf(buf, n, "%s", e->msg);
    return buf;
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
