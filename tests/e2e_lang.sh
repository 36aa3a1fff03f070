# e2e_lang.sh: compare (its column headers and units too), attribute and list
# label their indicators in Swedish under --lang sv (the model table's
# label_sv; list also its desc_sv), in English by default, and refuse another
# language with exit 2. Usage: bash e2e_lang.sh PATH_TO_transim SOURCE_DIR
set -u
T=$1
SRC=$2
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

"$T" compare baseline "$SRC/scenarios/p1_jobs_of_the_future.ini" --lang sv >"$W/sv.txt" \
    || fail "compare --lang sv failed"
grep -q '^Befolkning ' "$W/sv.txt" || fail "compare --lang sv lacks 'Befolkning'"
grep -q '^Population ' "$W/sv.txt" && fail "compare --lang sv still says 'Population'"
head -n 1 "$W/sv.txt" | grep -q '^indikator  *enhet  *år .*förändring$' \
    || fail "compare --lang sv lacks Swedish column headers: $(head -n 1 "$W/sv.txt")"
grep -q ' tusen ' "$W/sv.txt" || fail "compare --lang sv lacks Swedish units (tusen)"
"$T" compare baseline "$SRC/scenarios/p1_jobs_of_the_future.ini" >"$W/en.txt" || fail "compare failed"
grep -q '^Population ' "$W/en.txt" || fail "compare without --lang lacks 'Population'"
head -n 1 "$W/en.txt" | grep -q '^indicator  *unit  *year .*change$' \
    || fail "compare lacks English column headers: $(head -n 1 "$W/en.txt")"
"$T" compare baseline --lang de >/dev/null 2>&1; [ $? -eq 2 ] || fail "compare --lang de does not exit 2"

"$T" attribute "$SRC/scenarios/teaching/challenge4_young.ini" --vars working_age_pop --lang sv \
    >"$W/attr.txt" 2>"$W/err" || fail "attribute --lang sv failed: $(cat "$W/err")"
grep -q '^Befolkning 20-64 år (working_age_pop' "$W/attr.txt" \
    || fail "attribute --lang sv lacks the Swedish label: $(grep working_age_pop "$W/attr.txt")"
"$T" attribute "$SRC/scenarios/teaching/challenge4_young.ini" --lang xx >/dev/null 2>&1
[ $? -eq 2 ] || fail "attribute --lang xx does not exit 2"

"$T" list indicators --lang sv >"$W/list.txt" || fail "list --lang sv failed"
grep -q '^      Befolkning$' "$W/list.txt" || fail "list --lang sv lacks the label 'Befolkning'"
grep -q '^      Regionens invånare$' "$W/list.txt" \
    || fail "list --lang sv lacks the Swedish description of population"
grep -q '^      Residents of the region$' "$W/list.txt" && fail "list --lang sv shows the English description"
"$T" list indicators | grep -q '^      Residents of the region$' \
    || fail "list without --lang lacks the English description"
"$T" list indicators --lang en | grep -q '^      Population$' || fail "list --lang en lacks 'Population'"
"$T" list indicators | grep -q '^      Population$' && fail "list without --lang shows labels"
"$T" list --lang fi >/dev/null 2>&1; [ $? -eq 2 ] || fail "list --lang fi does not exit 2"
# In Swedish the listing's own words are Swedish too: kinds, units, ranges, costs, evidence.
"$T" list levers stocks --lang sv >"$W/levers.txt" || fail "list levers --lang sv failed"
grep -q '^styrmedel (18)$' "$W/levers.txt" || fail "list --lang sv does not head the levers 'styrmedel'"
grep -q '^  adult_training_places \[platser/år\]  standardvärde 3000, intervall 0 till 12000, policyvärde 6000, kostnad 0,1 MSEK/år per enhet' \
    "$W/levers.txt" || fail "list --lang sv: $(grep '^  adult_training_places' "$W/levers.txt")"
grep -q '^      utvärderingar: 210 till 1250 tkr per årsarbete' "$W/levers.txt" \
    || fail "list --lang sv lacks the evidence in Swedish"
grep -q '^      utnyttjande: adult_training_places_uptake$' "$W/levers.txt" || fail "list --lang sv lacks 'utnyttjande'"
grep -q '^lager (' "$W/levers.txt" || fail "list --lang sv does not head the stocks 'lager'"
grep -Eq '(default|range|policy|cost|take-up:|evidence:|initial) ' "$W/levers.txt" \
    && fail "list --lang sv keeps English words: $(grep -Em1 '(default|range|policy|cost|take-up:|evidence:|initial) ' "$W/levers.txt")"

[ "$fails" -eq 0 ] && echo "e2e_lang: ok"
exit $((fails > 0))
