/* lang.c: --lang en|sv for the commands' text output (see lang.h). The
 * labels and descriptions come from the model table's label_en, label_sv,
 * desc and desc_sv. */
#include "cli/lang.h"

#include <string.h>

#include "cli/args.h"

int cli_lang(const char *cmd, const char *text, int *swedish)
{
    if (strcmp(text, "en") != 0 && strcmp(text, "sv") != 0) {
        args_usage(cmd, "--lang must be en or sv, not '%s'", text);
        return 0;
    }
    *swedish = strcmp(text, "sv") == 0;
    return 1;
}

const char *cli_label(const var_desc *d, int swedish)
{
    const char *l = swedish ? d->label_sv : d->label_en;
    return l != NULL && l[0] != '\0' ? l : d->name;
}

const char *cli_desc(const var_desc *d, int swedish)
{
    const char *s = swedish && d->desc_sv != NULL && d->desc_sv[0] != '\0' ? d->desc_sv : d->desc;
    return s != NULL ? s : "";
}
