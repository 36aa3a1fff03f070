/* csv.c: the window's CSV files (render/csv.h). */
#include "render/csv.h"

#include <string.h>
#include <time.h>

#include "render/strings.h"
#include "sim/files/output.h"
#include "sim/model/model.h"

char csv_begin(FILE *f, int swedish)
{
    /* Swedish Excel reads UTF-8 (å, ä, ö) only after a byte-order mark. */
    if (swedish)
        fputs("\xEF\xBB\xBF", f);
    return swedish ? ';' : ',';
}

void csv_provenance(FILE *f, int swedish)
{
    char when[64] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    fprintf(f, "# %s: %s %s, transim %s\n", str_get(STR_MODEL_WORD, swedish), MODEL_NAME,
            MODEL_VERSION, TRANSIM_VERSION);
    fprintf(f, "# %s: %s\n", str_get(STR_EXPORTED_ON, swedish), when);
    fprintf(f, "# %s\n", str_get(STR_EXPORT_UNITS_NOTE, swedish));
}

