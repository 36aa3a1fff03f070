/* fmt.h: numbers for people: thousands separators, sensible rounding and
 * the language's decimal mark (English 12,345.6; Swedish 12 345,6 with a
 * no-break space). Used by the charts, the lever values and the key strip;
 * files (CSV, scenarios) never use it. */
#ifndef RENDER_FMT_H
#define RENDER_FMT_H

#include <stddef.h>

/* Writes v with exactly decimals digits after the mark (0..9), grouped in
 * thousands, into buf (always NUL-terminated when n > 0). A negative number
 * gets a minus sign (U+2212). Returns buf. */
char *fmt_fixed(char *buf, size_t n, double v, int decimals, int swedish);

/* Writes v rounded to about three significant digits (at least to units for
 * magnitudes of 100 and above), trailing zeros dropped. Returns buf. */
char *fmt_value(char *buf, size_t n, double v, int swedish);

/* Decimals needed to tell apart numbers on a grid of the given step
 * (step 250 -> 0, 0.5 -> 1, 0.25 -> 2). */
int fmt_decimals_for_step(double step);

/* Writes a signed change ("+1,200", "−3.4 %") of v: sign always shown,
 * three significant digits. Returns buf. */
char *fmt_change(char *buf, size_t n, double v, int swedish);

/* How a key indicator's change against the baseline is shown. */
typedef enum fmt_change_kind {
    FMT_CHANGE_RELATIVE, /* percent of the baseline's value */
    FMT_CHANGE_POINTS,   /* percentage points: the row is a share or rate shown in % */
    FMT_CHANGE_UNITS     /* in the row's unit: the baseline is zero */
} fmt_change_kind;

#define FMT_SIGNIFICANT 0.005 /* a change under this fraction of the baseline is no change */

typedef struct fmt_key_change {
    fmt_change_kind kind;
    double value;     /* the change in that kind: percent, points or units */
    double absolute;  /* cur - base, in the row's display unit */
    int sign;         /* +1 up, -1 down, 0 within the margin (neutral colour, no arrow) */
} fmt_key_change;

/* The change from base to cur (both in the display unit). A share (a row of
 * unit "1" shown in %) changes in percentage points, anything else in percent
 * of the baseline, or in units when the baseline is 0. The change counts
 * (sign != 0) only when it is at least FMT_SIGNIFICANT of |base| and at
 * least noise (the half-width of the uncertainty band there; 0 when there is
 * none). */
fmt_key_change fmt_key_change_of(double base, double cur, int share, double noise);

/* The change as a card shows it: "+1.2 %", "\u221221.5 pp", "+1,200"
 * (sign always shown, three significant digits). Returns buf. */
char *fmt_key_change_text(char *buf, size_t n, const fmt_key_change *c, int swedish);

#endif
