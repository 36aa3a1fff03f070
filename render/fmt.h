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

#endif
