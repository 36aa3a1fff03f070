/* csv.h: the window's CSV files (the graphs' export, the scoreboard) in the
 * form a spreadsheet opens in the window's language: in Swedish a UTF-8
 * byte-order mark, semicolons and decimal commas, as Swedish Excel expects;
 * otherwise commas and decimal points. Fields and numbers are written by
 * output_csv_field_sep and output_number_lang (sim/files/output.h); fields
 * are quoted per RFC 4180. */
#ifndef TRANSIM_RENDER_CSV_H
#define TRANSIM_RENDER_CSV_H

#include <stdio.h>

/* Starts a file: the byte-order mark in Swedish. Returns the separator. */
char csv_begin(FILE *f, int swedish);

/* The provenance lines every export carries after its own title lines: the
 * model and program versions, the date and time of the export (local), and
 * the note that values are in display units. */
void csv_provenance(FILE *f, int swedish);

#endif
