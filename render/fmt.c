/* fmt.c: number formatting for display (see fmt.h). */
#include "render/fmt.h"

#include "render/strings.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MINUS "\xE2\x88\x92" /* U+2212 minus sign */
#define NBSP "\xC2\xA0"      /* U+00A0 no-break space, the Swedish group mark */

/* Appends s to buf (capacity n) at *used, truncating safely. */
static void put(char *buf, size_t n, size_t *used, const char *s)
{
    size_t len = strlen(s);
    if (*used + len >= n)
        len = *used + 1 < n ? n - *used - 1 : 0;
    memcpy(buf + *used, s, len);
    *used += len;
    buf[*used] = '\0';
}

char *fmt_fixed(char *buf, size_t n, double v, int decimals, int swedish)
{
    if (n == 0)
        return buf;
    buf[0] = '\0';
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        decimals = 9;
    if (isnan(v)) {
        snprintf(buf, n, "%s", "\xE2\x80\x93"); /* an en dash for no value */
        return buf;
    }
    if (isinf(v)) {
        snprintf(buf, n, "%s", v > 0 ? "\xE2\x88\x9E" : MINUS "\xE2\x88\x9E");
        return buf;
    }
    char digits[64];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    /* A value that rounds to zero shows no sign. */
    int nonzero = 0;
    for (const char *p = digits; *p; p++)
        if (*p >= '1' && *p <= '9')
            nonzero = 1;
    size_t used = 0;
    if (v < 0 && nonzero)
        put(buf, n, &used, MINUS);
    const char *dot = strchr(digits, '.');
    size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
    for (size_t i = 0; i < intlen; i++) {
        char d[2] = {digits[i], '\0'};
        put(buf, n, &used, d);
        size_t left = intlen - i - 1;
        /* Years are printed as plain integers elsewhere; every number
         * formatted here of 1,000 or more is grouped. */
        if (left > 0 && left % 3 == 0)
            put(buf, n, &used, swedish ? NBSP : ",");
    }
    if (dot) {
        put(buf, n, &used, swedish ? "," : ".");
        put(buf, n, &used, dot + 1);
    }
    return buf;
}

int fmt_decimals_for_step(double step)
{
    step = fabs(step);
    if (step == 0 || !isfinite(step))
        return 0;
    for (int d = 0; d < 9; d++) {
        double scaled = step * pow(10.0, d);
        if (fabs(scaled - round(scaled)) < 1e-6 * scaled)
            return d;
    }
    return 9;
}

/* Decimals for about three significant digits of v. */
static int decimals_for_value(double v)
{
    double a = fabs(v);
    if (a == 0 || !isfinite(a) || a >= 100)
        return 0;
    int mag = (int)floor(log10(a)); /* 10^mag <= a */
    int d = 2 - mag;
    return d < 0 ? 0 : d > 9 ? 9 : d;
}

/* Drops trailing zeros after the decimal mark (and the mark itself). */
static void trim_zeros(char *buf, int swedish)
{
    char mark = swedish ? ',' : '.';
    char *m = strrchr(buf, mark);
    if (!m)
        return;
    char *end = buf + strlen(buf);
    while (end > m + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == m + 1)
        *m = '\0';
}

char *fmt_value(char *buf, size_t n, double v, int swedish)
{
    fmt_fixed(buf, n, v, decimals_for_value(v), swedish);
    trim_zeros(buf, swedish);
    return buf;
}

char *fmt_change(char *buf, size_t n, double v, int swedish)
{
    char body[64];
    fmt_value(body, sizeof body, v, swedish);
    if (n == 0)
        return buf;
    if (v > 0 && strcmp(body, "0") != 0)
        snprintf(buf, n, "+%s", body);
    else if (strncmp(body, MINUS, 3) == 0 || strcmp(body, "0") == 0)
        snprintf(buf, n, "%s", strcmp(body, "0") == 0 ? "\xC2\xB1" "0" : body);
    else
        snprintf(buf, n, "%s", body);
    return buf;
}

fmt_key_change fmt_key_change_of(double base, double cur, int share, double noise)
{
    fmt_key_change c;
    c.absolute = cur - base;
    if (share) {
        c.kind = FMT_CHANGE_POINTS;
        c.value = c.absolute;
    } else if (base != 0) {
        c.kind = FMT_CHANGE_RELATIVE;
        c.value = 100 * c.absolute / fabs(base);
    } else {
        c.kind = FMT_CHANGE_UNITS;
        c.value = c.absolute;
    }
    double margin = FMT_SIGNIFICANT * fabs(base);
    if (noise > margin)
        margin = noise;
    int tiny = fabs(c.absolute) <= 1e-12 * fmax(1.0, fabs(base));
    c.sign = tiny || fabs(c.absolute) < margin ? 0 : c.absolute > 0 ? 1 : -1;
    return c;
}

char *fmt_key_change_text(char *buf, size_t n, const fmt_key_change *c, int swedish)
{
    char num[64];
    fmt_change(num, sizeof num, c->value, swedish);
    switch (c->kind) {
    case FMT_CHANGE_RELATIVE:
        snprintf(buf, n, "%s %%", num);
        break;
    case FMT_CHANGE_POINTS:
        snprintf(buf, n, "%s %s", num, str_get(STR_PP, swedish));
        break;
    default:
        snprintf(buf, n, "%s", num);
        break;
    }
    return buf;
}
