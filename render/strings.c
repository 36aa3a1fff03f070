/* strings.c: the interface's own words in English and Swedish (strings.h). */
#include "render/strings.h"

#include <stdio.h>
#include <string.h>

#include "sim/engine/var.h"

static const char *const table[STR_COUNT][2] = {
    [STR_APP_TITLE] = {"transim: Norra Mellansverige 2020\xE2\x80\x93" "2050",
                       "transim: Norra Mellansverige 2020\xE2\x80\x93" "2050"},
    [STR_OPEN] = {"Open", "\xC3\x96ppna"},
    [STR_SAVE] = {"Save", "Spara"},
    [STR_SAVE_AS] = {"Save as", "Spara som"},
    [STR_UNDO] = {"Undo", "\xC3\x85ngra"},
    [STR_REDO] = {"Redo", "G\xC3\xB6r om"},
    [STR_RESET_ALL] = {"Reset all", "\xC3\x85terst\xC3\xA4ll allt"},
    [STR_RESET] = {"Reset", "\xC3\x85terst\xC3\xA4ll"},
    [STR_COMPARE] = {"Compare", "J\xC3\xA4mf\xC3\xB6r"},
    [STR_EXPORT] = {"Export", "Exportera"},
    [STR_LANGUAGE] = {"Svenska", "English"},
    [STR_FULLSCREEN] = {"Full screen", "Helsk\xC3\xA4rm"},
    [STR_ZOOM_IN] = {"A+", "A+"},
    [STR_ZOOM_OUT] = {"A\xE2\x88\x92", "A\xE2\x88\x92"},
    [STR_LEVERS] = {"Levers", "Styrmedel"},
    [STR_ASSUMPTIONS] = {"Assumptions", "Antaganden"},
    [STR_BY_PRIORITY] = {"Priorities", "Prioriteringar"},
    [STR_BY_THEME] = {"Themes", "Teman"},
    [STR_SHOW_PARAMS] = {"Show model parameters", "Visa modellparametrar"},
    [STR_PARAMS] = {"Model parameters", "Modellparametrar"},
    [STR_BASELINE] = {"Baseline", "Basscenario"},
    [STR_SCENARIO] = {"Scenario", "Scenario"},
    [STR_KEY_INDICATORS] = {"Key indicators", "Nyckeltal"},
    [STR_VS_BASELINE] = {"vs baseline", "mot bas"},
    [STR_BUDGET] = {"Budget", "Budget"},
    [STR_PER_YEAR_PEAK] = {"peak per year", "h\xC3\xB6gsta per \xC3\xA5r"},
    [STR_TOTAL] = {"total", "totalt"},
    [STR_CAP] = {"cap", "tak"},
    [STR_NO_CAP] = {"no cap", "inget tak"},
    [STR_OVER_CAP] = {"over the cap", "\xC3\xB6ver taket"},
    [STR_DETAIL_VALUE] = {"Value", "V\xC3\xA4rde"},
    [STR_DETAIL_START] = {"Start year", "Start\xC3\xA5r"},
    [STR_DETAIL_RAMP] = {"Ramp (years)", "Upptrappning (\xC3\xA5r)"},
    [STR_DETAIL_APPLY] = {"Apply", "Till\xC3\xA4mpa"},
    [STR_DETAIL_CLOSE] = {"Close", "St\xC3\xA4ng"},
    [STR_DETAIL_SOURCE] = {"Source", "K\xC3\xA4lla"},
    [STR_DETAIL_RANGE] = {"Range", "Intervall"},
    [STR_DETAIL_COST] = {"Cost", "Kostnad"},
    /* printf format: the cost (text) and the lever's unit */
    [STR_DETAIL_COST_FMT] = {"Cost: %s MSEK/yr for each unit (%s) above the baseline",
                             "Kostnad: %s MSEK/\xC3\xA5r per enhet (%s) \xC3\xB6ver basniv\xC3\xA5n"},
    /* printf format: the start year (a double) and the ramp (text) */
    [STR_SCHEDULE_FMT] = {"from %.0f, reaching it over %s years",
                          "fr\xC3\xA5n %.0f, fullt efter %s \xC3\xA5r"},
    /* printf format: the start year (a double) */
    [STR_SCHEDULE_START_FMT] = {"from %.0f", "fr\xC3\xA5n %.0f"},
    [STR_YEARS] = {"years", "\xC3\xA5r"},
    [STR_CANCEL] = {"Cancel", "Avbryt"},
    [STR_OK] = {"OK", "OK"},
    [STR_DISCARD] = {"Discard changes", "F\xC3\xB6rkasta \xC3\xA4ndringar"},
    [STR_UNSAVED_TITLE] = {"Unsaved changes", "Osparade \xC3\xA4ndringar"},
    [STR_UNSAVED_TEXT] = {"The scenario has changes that are not saved.",
                          "Scenariot har \xC3\xA4ndringar som inte \xC3\xA4r sparade."},
    [STR_FILE_PATH] = {"File", "Fil"},
    [STR_SCENARIO_NAME] = {"Name of the scenario", "Scenariots namn"},
    /* printf format: the path */
    [STR_OVERWRITE_FMT] = {"'%s' exists: press Save again to replace it",
                           "'%s' finns: tryck Spara igen f\xC3\xB6r att ers\xC3\xA4tta den"},
    [STR_FILES_HERE] = {"Scenario files", "Scenariofiler"},
    [STR_OPEN_TITLE] = {"Open a scenario", "\xC3\x96ppna ett scenario"},
    [STR_SAVE_TITLE] = {"Save the scenario", "Spara scenariot"},
    [STR_COMPARE_TITLE] = {"Compare saved scenarios", "J\xC3\xA4mf\xC3\xB6r sparade scenarier"},
    [STR_COMPARE_HINT] = {"Overlay up to four saved scenarios on the graphs: choose a file, type a "
                          "path, or drop files on the window.",
                          "L\xC3\xA4gg upp till fyra sparade scenarier i graferna: v\xC3\xA4lj en fil, "
                          "skriv en s\xC3\xB6kv\xC3\xA4g eller sl\xC3\xA4pp filer i f\xC3\xB6nstret."},
    [STR_COMPARE_ADD] = {"Add", "L\xC3\xA4gg till"},
    [STR_COMPARE_REMOVE] = {"Remove", "Ta bort"},
    [STR_COMPARE_CLEAR] = {"Clear all", "Rensa"},
    [STR_EXPORT_TITLE] = {"Export graphs and data", "Exportera grafer och data"},
    [STR_EXPORT_HINT] = {"Writes NAME.png (the graphs) and NAME.csv (the data behind them).",
                         "Skriver NAMN.png (graferna) och NAMN.csv (data bakom dem)."},
    [STR_SAVED_TO] = {"Saved", "Sparat"},
    [STR_OPENED] = {"Opened", "\xC3\x96ppnat"},
    [STR_EXPORTED] = {"Exported", "Exporterat"},
    [STR_ERROR] = {"Error", "Fel"},
    [STR_UNSAVED_MARK] = {"unsaved", "osparat"},
    [STR_NOTHING_TO_UNDO] = {"Nothing to undo", "Inget att \xC3\xA5ngra"},
    [STR_NOTHING_TO_REDO] = {"Nothing to redo", "Inget att g\xC3\xB6ra om"},
    [STR_HELP_KEYS] = {"Tab/\xE2\x86\x91\xE2\x86\x93 move \xC2\xB7 \xE2\x86\x90\xE2\x86\x92 adjust \xC2\xB7 "
                       "Ctrl+Z/Y undo/redo \xC2\xB7 Ctrl+S save \xC2\xB7 F11 full screen \xC2\xB7 "
                       "Ctrl+/\xE2\x88\x92 zoom \xC2\xB7 F1 help",
                       "Tab/\xE2\x86\x91\xE2\x86\x93 flytta \xC2\xB7 \xE2\x86\x90\xE2\x86\x92 justera \xC2\xB7 "
                       "Ctrl+Z/Y \xC3\xA5ngra/g\xC3\xB6r om \xC2\xB7 Ctrl+S spara \xC2\xB7 F11 helsk\xC3\xA4rm \xC2\xB7 "
                       "Ctrl+/\xE2\x88\x92 zoom \xC2\xB7 F1 hj\xC3\xA4lp"},
    [STR_HELP_TITLE] = {"Keys and clicks", "Tangenter och klick"},
    [STR_COMPARE_FULL] = {"Four scenarios are already compared",
                          "Fyra scenarier j\xC3\xA4mf\xC3\xB6rs redan"},
    [STR_QUIT_TITLE] = {"Quit", "Avsluta"},
    [STR_UNCERTAINTY] = {"Uncertainty", "Os\xC3\xA4kerhet"},
    [STR_BAND] = {"5\xE2\x80\x93" "95 %", "5\xE2\x80\x93" "95 %"},
    [STR_DRAWS] = {"draws", "dragningar"},
    [STR_PP] = {"pp", "p.e."},
    [STR_PP_LONG] = {"percentage points", "procentenheter"},
    [STR_OF_BASELINE] = {"of the baseline's", "av basens"},
    [STR_NOT_SIGNIFICANT] = {"within the margin: under 0.5 % of the baseline, or inside the uncertainty band",
                             "inom marginalen: under 0,5 % av basen, eller inom os\xC3\xA4kerhetsbandet"},
    [STR_NO_CAP_SET] = {"no cap", "inget tak"},
    [STR_EMPTY_FILE] = {"the file sets nothing: it is the baseline", "filen s\xC3\xA4tter inget: den \xC3\xA4r basen"},
    [STR_SHARE] = {"Share", "Dela"},
    [STR_SHARED_FMT] = {"Link to this scenario copied (%zu characters): paste it to share it",
                        "L\xC3\xA4nken till scenariot kopierad (%zu tecken): klistra in den f\xC3\xB6r att dela"},
    [STR_LINK_OPENED] = {"Opened from a link: save it to keep it",
                         "\xC3\x96ppnat fr\xC3\xA5n en l\xC3\xA4nk: spara f\xC3\xB6r att beh\xC3\xA5lla det"},
    [STR_RUN] = {"run", "k\xC3\xB6rning"},
    [STR_GRAPH_COUNT] = {"Graphs", "Grafer"},
    [STR_ZOOM_LIMITED] = {"zoom limited by the window:", "zoomen begr\xC3\xA4nsas av f\xC3\xB6nstret:"},
    [STR_GRAPHS_WORD] = {"graphs", "grafer"},
    [STR_OVERWRITE_TITLE] = {"Replace the file?", "Ers\xC3\xA4tta filen?"},
    [STR_OVERWRITE_TEXT_FMT] = {"'%s' exists. Replacing it loses what it holds now.",
                                "'%s' finns redan. Om den ers\xC3\xA4tts f\xC3\xB6rsvinner det den "
                                "inneh\xC3\xA5ller nu."},
    [STR_HEIRS_FMT] = {"%d other scenario files build on it (such as '%s', with base = ...) and "
                       "would change with it.",
                       "%d andra scenariofiler bygger p\xC3\xA5 den (till exempel '%s', med base = ...) "
                       "och skulle \xC3\xA4ndras med den."},
    [STR_BUNDLED_NOTE] = {"It is one of the scenarios that come with transim.",
                          "Den \xC3\xA4r ett av scenarierna som f\xC3\xB6ljer med transim."},
    [STR_REPLACE] = {"Replace", "Ers\xC3\xA4tt"},
    [STR_BUNDLED_SAVE_AS] = {"The bundled scenarios stay as they are: save your own copy",
                             "Medf\xC3\xB6ljande scenarier beh\xC3\xA5lls som de \xC3\xA4r: spara "
                             "en egen kopia"},
    [STR_READ_ONLY] = {"the file is read-only: save a copy under another name",
                       "filen \xC3\xA4r skrivskyddad: spara en kopia under ett annat namn"},
    [STR_RESTORE_TITLE] = {"Restore unsaved work?", "\xC3\x85terst\xC3\xA4lla osparat arbete?"},
    [STR_RESTORE_TEXT_FMT] = {"transim did not close normally last time. A recovery copy of '%s' "
                              "was kept (%s):\n%s",
                              "transim st\xC3\xA4ngdes inte normalt f\xC3\xB6rra g\xC3\xA5ngen. "
                              "En \xC3\xA5terst\xC3\xA4llningskopia av '%s' sparades (%s):\n%s"},
    [STR_RESTORE] = {"Restore", "\xC3\x85terst\xC3\xA4ll"},
    [STR_DISCARD_COPY] = {"Discard the copy", "Sl\xC3\xA4ng kopian"},
    [STR_RESTORE_LATER] = {"Escape keeps the copy and asks again at the next start.",
                           "Escape beh\xC3\xA5ller kopian och fr\xC3\xA5gar igen vid n\xC3\xA4sta start."},
    [STR_RESTORED_FMT] = {"Restored from %s: save it to keep it",
                          "\xC3\x85terst\xC3\xA4llt fr\xC3\xA5n %s: spara f\xC3\xB6r att beh\xC3\xA5lla det"},
    [STR_RESTORED_TO_FMT] = {"Restored the unsaved work on %s: Save writes it there",
                             "Osparat arbete p\xC3\xA5 %s \xC3\xA5terst\xC3\xA4llt: Spara skriver det dit"},
    [STR_RESTORE_OF_FMT] = {"It is unsaved work on %s; restored, Save writes it there.",
                            "Det \xC3\xA4r osparat arbete p\xC3\xA5 %s; \xC3\xA5terst\xC3\xA4llt skriver Spara "
                            "det dit."},
    [STR_DISCARDED_FMT] = {"Recovery copy %s discarded", "\xC3\x85terst\xC3\xA4llningskopian %s sl\xC3\xA4ngd"},
    [STR_AUTOSAVE_FAILED_FMT] = {"Recovery copy not written: %s",
                                 "\xC3\x85terst\xC3\xA4llningskopian kunde inte skrivas: %s"},
    [STR_EXPORT_CSV_TITLE] = {"transim: the graphs' data", "transim: graferna som data"},
    [STR_MODEL_WORD] = {"model", "modell"},
    [STR_EXPORTED_ON] = {"exported", "exporterad"},
    [STR_EXPORT_UNITS_NOTE] = {"values in the units shown on screen (column heads); shares in %",
                               "v\xC3\xA4rden i enheterna p\xC3\xA5 sk\xC3\xA4rmen (kolumnrubrikerna); "
                               "andelar i %"},
    [STR_YEAR] = {"year", "\xC3\xA5r"},
    [STR_WHY_TITLE] = {"Why it changed", "Varf\xC3\xB6r det \xC3\xA4ndrades"},
    [STR_WHY_HINT] = {"Each lever's share of the change against the baseline (Shapley values: they add "
                      "up to the whole change, as in transim attribute).",
                      "Varje styrmedels andel av f\xC3\xB6r\xC3\xA4ndringen mot basen (Shapleyv\xC3\xA4rden: "
                      "de summerar till hela f\xC3\xB6r\xC3\xA4ndringen, som i transim attribute)."},
    [STR_WHY_NONE] = {"The scenario sets every lever and input as the baseline does: there is no change "
                      "to explain.",
                      "Scenariot s\xC3\xA4tter alla styrmedel och antaganden som basen: det finns ingen "
                      "f\xC3\xB6r\xC3\xA4ndring att f\xC3\xB6rklara."},
    [STR_WHY_TOTAL] = {"Whole change", "Hela f\xC3\xB6r\xC3\xA4ndringen"},
    [STR_OTHER_INPUTS] = {"Other inputs (assumptions, parameters)", "\xC3\x96vriga indata (antaganden, parametrar)"},
    [STR_WHY_RUNS_FMT] = {"%d model runs, %s", "%d modellk\xC3\xB6rningar, %s"},
    [STR_EXACT] = {"exact", "exakt"},
    [STR_ESTIMATED] = {"estimated from sampled orders", "skattat fr\xC3\xA5n slumpade ordningar"},
    [STR_WHY_OPEN] = {"Click: why it changed", "Klicka: varf\xC3\xB6r det \xC3\xA4ndrades"},
    [STR_OPEN_FAILED_TITLE] = {"The scenario could not be opened", "Scenariot kunde inte \xC3\xB6ppnas"},
    [STR_OPEN_FAILED_TEXT] = {"The window shows the baseline instead. Nothing has been written: that "
                              "file is neither made nor changed, and Save asks where to save.",
                              "F\xC3\xB6nstret visar basen i st\xC3\xA4llet. Inget har skrivits: filen "
                              "varken skapas eller \xC3\xA4ndras, och Spara fr\xC3\xA5gar var det ska sparas."},
    [STR_OPEN_ANOTHER] = {"Open another\xE2\x80\xA6", "\xC3\x96ppna en annan\xE2\x80\xA6"},
    [STR_CONTINUE_BASELINE] = {"Continue on the baseline", "Forts\xC3\xA4tt med basen"},
    [STR_OUT_OF_MEMORY] = {"out of memory", "minnet r\xC3\xA4" "cker inte"},
    [STR_OUT_OF_MEMORY_BANDS] = {"out of memory for the uncertainty bands",
                                 "minnet r\xC3\xA4" "cker inte till os\xC3\xA4kerhetsbanden"},
    [STR_FONT_ZOOM_FMT] = {"cannot reopen the font at zoom %.0f %%",
                           "kan inte \xC3\xB6ppna typsnittet igen vid zoom %.0f %%"},
};

const char *str_get(str_id id, int swedish)
{
    if ((unsigned)id >= STR_COUNT)
        return "";
    const char *s = table[id][swedish ? 1 : 0];
    return s ? s : "";
}

char *str_unit(const char *unit, int swedish, char *buf, size_t n)
{
    return var_unit_text(unit, swedish, buf, n);
}
