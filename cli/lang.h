/* lang.h: the language of the labels that text output shows (--lang en|sv),
 * shared by the commands that print labels of the model table. */
#ifndef CLI_LANG_H
#define CLI_LANG_H

#include "sim/engine/var.h"

/* Reads a --lang value into *swedish (1 for "sv", 0 for "en"). Prints a
 * usage error for cmd and returns 0 for anything else; 1 when ok. */
int cli_lang(const char *cmd, const char *text, int *swedish);

/* The row's label in that language, or its name when it has none. */
const char *cli_label(const var_desc *d, int swedish);

/* The row's one-sentence description in that language ("" for none). */
const char *cli_desc(const var_desc *d, int swedish);

#endif
