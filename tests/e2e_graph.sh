# e2e_graph.sh: `transim graph` gives readable parts of the causal graph: a
# causes and a uses tree with signs, a module, the named loops, DOT diagrams
# of at most 40 variables, Swedish labels, and usage errors with exit 2.
# Usage: bash e2e_graph.sh PATH_TO_transim SOURCE_DIR
set -u
T=$1
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# A causes tree: the variable, then its inputs with their signs, indented.
"$T" graph --causes vacancies_med --depth 1 >"$W/c.txt" || fail "--causes failed"
grep -q '^vacancies_med ' "$W/c.txt" || fail "--causes does not start with the variable"
grep -q '^  + labour_demand_med ' "$W/c.txt" || fail "--causes lacks '+ labour_demand_med'"
grep -q '^  - employed_med ' "$W/c.txt" || fail "--causes lacks '- employed_med'"
[ "$(grep -c '^    ' "$W/c.txt")" -eq 0 ] || fail "--depth 1 goes deeper than one step"
"$T" graph --uses carbon_price --depth 2 >"$W/u.txt" || fail "--uses failed"
grep -q '^    ' "$W/u.txt" || fail "--uses --depth 2 has no second step"

# Loops: the named loops, each with a sign.
"$T" graph --loops >"$W/l.txt" || fail "--loops failed"
for name in "B1 Matching" "B2 Study choice" "R1 Prospects and people" "B7 Decarbonisation"; do
    grep -q "^$name (\(balancing\|reinforcing\)" "$W/l.txt" || fail "--loops lacks '$name' with a sign"
done
"$T" graph --loop B1 >"$W/b1.txt" || fail "--loop B1 failed"
[ "$(grep -c '^[BR][0-9]' "$W/b1.txt")" -eq 1 ] || fail "--loop B1 shows more than one loop"
# An unknown loop is a usage error, as an unknown module is, and writes nothing.
"$T" graph --loop B99 -o "$W/none.txt" 2>"$W/err"; [ $? = 2 ] || fail "--loop B99 is not a usage error"
grep -q "no loop called 'B99'" "$W/err" || fail "--loop B99: $(cat "$W/err")"
grep -q '<stdout>' "$W/err" && fail "--loop B99 blames standard output: $(cat "$W/err")"
[ -e "$W/none.txt" ] && fail "--loop B99 wrote a file"

# A module's title is in the language asked for.
[ "$("$T" graph --module energy --lang sv | head -n 1)" = "Energi och klimat" ] \
    || fail "--module energy --lang sv is not titled 'Energi och klimat'"
[ "$("$T" graph --module energy | head -n 1)" = "Energy and climate" ] \
    || fail "--module energy is not titled 'Energy and climate'"

# Diagrams: at most 40 variables, and a note when some are left out.
"$T" graph --module energy --format dot >"$W/m.dot" || fail "--module energy --format dot failed"
nodes=$(grep -c '\[shape=' "$W/m.dot")
[ "$nodes" -le 40 ] || fail "--module energy draws $nodes variables, more than 40"
grep -q 'variables shown' "$W/m.dot" || fail "--module energy does not say it leaves variables out"
"$T" graph --loops --format dot >"$W/loops.dot" || fail "--loops --format dot failed"
[ "$(grep -c '\[shape=' "$W/loops.dot")" -le 40 ] || fail "the loop diagram draws more than 40 variables"
grep -q 'label="-", style=dashed' "$W/loops.dot" || fail "the loop diagram has no negative arrow"

# Swedish labels.
"$T" graph --causes emissions_industry --depth 1 --lang sv >"$W/sv.txt" || fail "--lang sv failed"
grep -q 'Industrins utsläpp' "$W/sv.txt" || fail "--lang sv does not give the Swedish label"

# Usage errors.
"$T" graph --causes no_such_var >/dev/null 2>"$W/err"; [ $? -eq 2 ] || fail "unknown variable does not exit 2"
grep -q "unknown variable 'no_such_var'" "$W/err" || fail "unknown variable message: $(cat "$W/err")"
"$T" graph --causes grp --uses grp >/dev/null 2>&1; [ $? -eq 2 ] || fail "two selections do not exit 2"
"$T" graph --module nowhere >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown module does not exit 2"
"$T" graph --depth 0 --causes grp >/dev/null 2>&1; [ $? -eq 2 ] || fail "--depth 0 does not exit 2"

# Without options: the whole graph in DOT, as before.
"$T" graph | head -1 | grep -q '^digraph transim' || fail "plain 'transim graph' is not DOT"

[ "$fails" -eq 0 ] && echo "e2e_graph: ok"
exit $((fails > 0))
