# e2e_teaching.sh: the teaching kit (docs/teaching/, scenarios/teaching/) still
# fits the model: the team start files load, change no lever and carry the
# shared budget cap; the cost sheets are what costs.sh makes from the model
# now; every indicator a challenge names exists, and the challenge says what
# it measures in the table's words; English and Swedish hold the
# same documents; the loop diagrams are there; make clean removes the
# rendered kit. Usage: bash e2e_teaching.sh PATH_TO_transim SOURCE_DIR
set -u
T=$1
SRC=$2
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# The team start files: valid, the baseline's levers, no spending, cap 800.
teams=$(ls "$SRC"/scenarios/teaching/*.ini 2>/dev/null | grep -v '/challenge' || true)
[ -n "$teams" ] || fail "no team start files in scenarios/teaching/"
for f in $teams; do
    "$T" check "$f" >/dev/null 2>"$W/err" || fail "$f does not load: $(cat "$W/err")"
    "$T" run "$f" --vars spend_total,budget_cap --from 2050 --to 2050 >"$W/run.csv" 2>"$W/err" \
        || { fail "$f does not run: $(cat "$W/err")"; continue; }
    row=$(tail -n 1 "$W/run.csv")
    [ "$row" = "2050,0,800" ] || fail "$f: spend_total and budget_cap in 2050 are '$row', not 0 and 800"
done

# The cost sheets are generated from the model as it is now.
bash "$SRC/docs/teaching/costs.sh" "$T" "$W/costs" 2>"$W/err" || fail "costs.sh failed: $(cat "$W/err")"
for lang in en sv; do
    cmp -s "$W/costs/$lang/costs.md" "$SRC/docs/teaching/$lang/costs.md" \
        || fail "docs/teaching/$lang/costs.md is out of date: run docs/teaching/costs.sh"
done

# Every variable a challenge names in `code` is an indicator of the model.
"$T" list indicators >"$W/ind.txt" || fail "transim list indicators failed"
for lang in en sv; do
    names=$(grep -o '`[a-z_0-9]*` (\*' "$SRC/docs/teaching/$lang/challenges.md" \
            | sed 's/`\([a-z_0-9]*\)`.*/\1/')
    [ -n "$names" ] || fail "$lang/challenges.md names no indicator"
    for v in $names; do
        grep -q "^  $v \[" "$W/ind.txt" || fail "$lang/challenges.md names '$v', which is not an indicator"
    done
done

# Each challenge says what its indicator measures in the model table's own
# words (desc, desc_sv) and links its entry in the reference of its language.
for lang in en sv; do
    case $lang in en) head='What it measures'; ref='../../model-reference.md' ;;
                  sv) head='Vad den mäter'; ref='../../sv/model-reference.md' ;; esac
    "$T" list indicators --lang "$lang" >"$W/ind_$lang.txt" || fail "list indicators --lang $lang failed"
    n=0
    while IFS= read -r line; do
        v=$(printf '%s\n' "$line" | sed 's/.*#\([a-z_0-9]*\)).*/\1/')
        d=$(grep -A2 "^  $v \[" "$W/ind_$lang.txt" | sed -n '3s/^      //p')
        [ -n "$d" ] || { fail "$lang/challenges.md: '$v' is not an indicator"; continue; }
        case $line in
            "| $head | $d ([$(printf '%s' "$line" | sed 's/.*(\[\([^]]*\)\].*/\1/')]($ref#$v)) |") n=$((n + 1)) ;;
            *) fail "$lang/challenges.md: what '$v' measures is not the table's words: $line" ;;
        esac
    done <<EOF2
$(grep "^| $head | " "$SRC/docs/teaching/$lang/challenges.md")
EOF2
    targets=$(grep -c '^| \(Target\|Mål\) | ' "$SRC/docs/teaching/$lang/challenges.md")
    [ "$n" -eq "$targets" ] || fail "$lang/challenges.md: $targets targets but $n say what they measure"
done

# English and Swedish hold the same documents.
en=$(cd "$SRC/docs/teaching/en" && ls *.md)
sv=$(cd "$SRC/docs/teaching/sv" && ls *.md)
[ "$en" = "$sv" ] || fail "docs/teaching/en and sv differ: '$en' against '$sv'"

# Every loop `transim graph --loops` names has its diagram in both languages
# (make doc draws them), and the kit's loop pages show them.
codes=$("$T" graph --loops | sed -n 's/^\([BR][0-9][0-9]*\) .*/\1/p')
[ -n "$codes" ] || fail "transim graph --loops names no loop"
for lang in en sv; do
    for c in $codes; do
        [ -s "$SRC/docs/teaching/$lang/loops/$c.svg" ] || fail "docs/teaching/$lang/loops/$c.svg is missing: run make doc"
        grep -q "(loops/$c.svg)" "$SRC/docs/teaching/$lang/loops.md" || fail "$lang/loops.md does not show loop $c"
    done
done

# make clean removes what make teaching builds.
if command -v make >/dev/null; then
    make -n -C "$SRC" clean 2>/dev/null | grep -q 'build-teaching' || fail "make clean leaves build-teaching/"
fi

[ "$fails" -eq 0 ] && echo "e2e_teaching: ok"
exit $((fails > 0))
