#!/usr/bin/env bash
# e2e_cli.sh: end-to-end tests of the `transim` program.
# Usage: bash tests/e2e_cli.sh PATH_TO_transim SOURCE_DIR
# Checks what a user sees: bundled scenarios give the header, every year and
# no NaN; bad input gives exit 1, a FILE:LINE message and no output file;
# usage errors exit 2; every command answers --help; runs are byte-identical.
set -u
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
DATA=$SRC/tests/data
WORK=$(mktemp -d "${TMPDIR:-/tmp}/transim_e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect_status WANT CMD...: runs CMD with stdout/stderr in $WORK/out, $WORK/err.
expect_status() {
    local want=$1
    shift
    "$@" >"$WORK/out" 2>"$WORK/err"
    local got=$?
    # run's '#' provenance lines (tests/e2e_analyst.sh checks them) aside:
    # the checks below read the table.
    [ "${2:-}" = run ] && sed -i '/^# [a-z ]*: /d' "$WORK/out"
    if [ "$got" != "$want" ]; then
        fail "exit $got (wanted $want): $*"
        sed 's/^/    stderr: /' "$WORK/err" | head -5 >&2
    fi
}

expect_err() { # expect_err TEXT: stderr holds TEXT
    grep -qF -- "$1" "$WORK/err" || fail "stderr lacks '$1': $(head -c 300 "$WORK/err")"
}

expect_out() { # expect_out TEXT: stdout holds TEXT
    grep -qF -- "$1" "$WORK/out" || fail "stdout lacks '$1': $(head -c 300 "$WORK/out")"
}

# ---- version and help ----
expect_status 0 "$T" --version
expect_out "transim "
expect_out "model "
expect_status 2 "$T"
expect_err "usage: transim"
expect_status 0 "$T" --help
expect_out "commands:"
commands=$(awk '/^commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}' "$WORK/out")
[ -n "$commands" ] || fail "no commands listed by --help"
for c in $commands run list check compare doc graph; do
    expect_status 0 "$T" "$c" --help
    expect_out "usage: transim $c"
    [ -s "$WORK/err" ] && fail "$c --help wrote to stderr"
    expect_status 0 "$T" help "$c"
    expect_out "usage: transim $c"
done

# ---- usage errors exit 2 ----
expect_status 2 "$T" rn
expect_err "unknown command 'rn' (did you mean 'run'?)"
expect_status 2 "$T" --bogus
expect_status 2 "$T" run --frm 2030
expect_err "unknown option '--frm' (did you mean '--from'?)"
expect_status 2 "$T" run --method heun
expect_err "unknown method 'heun'"
expect_status 2 "$T" run --format xlsx
expect_status 2 "$T" run --to
expect_err "needs a value"
expect_status 2 "$T" run --from soon
expect_status 2 "$T" run --set adult_training_places
expect_err "expected NAME=VALUE"
expect_status 2 "$T" run --set adult_trainng_places=5000
expect_err "did you mean 'adult_training_places'?"
expect_status 2 "$T" run --set adult_training_places=1e9
expect_err "outside its range"
expect_status 2 "$T" run --vars spend_totl
expect_err "did you mean 'spend_total'?"
expect_status 2 "$T" run a.ini b.ini
expect_status 2 "$T" run --long=yes
expect_status 2 "$T" check
expect_status 2 "$T" list gadgets
expect_status 2 "$T" compare
[ -s "$WORK/out" ] && fail "a usage error wrote to stdout"

# ---- bundled scenarios run: header, every year, no NaN ----
scenarios=$(ls "$SRC"/scenarios/*.ini 2>/dev/null)
scenarios="$scenarios $DATA/full.ini $DATA/child.ini"
for s in $scenarios; do
    expect_status 0 "$T" run "$s"
    head -1 "$WORK/out" | grep -q '^year,' || fail "$s: header does not start with 'year,'"
    start=$(awk -F' *= *' '/^start/{print $2}' "$s" | head -1)
    end=$(awk -F' *= *' '/^end/{print $2}' "$s" | head -1)
    start=${start:-2020}
    end=${end:-2050}
    years=$(tail -n +2 "$WORK/out" | cut -d, -f1 | tr '\n' ' ')
    want=$(seq -s ' ' "${start%%[^0-9]*}" "${end%%[^0-9]*}")
    [ "$years" = "$want " ] || fail "$s: years '$years', wanted '$want '"
    grep -qiE '(^|,)(nan|-?inf)(,|$)' "$WORK/out" && fail "$s: NaN or Inf in the output"
    cols=$(head -1 "$WORK/out" | awk -F, '{print NF}')
    awk -F, -v n="$cols" 'NF != n {exit 1}' "$WORK/out" || fail "$s: ragged rows"
done

# Without a scenario: the baseline.
expect_status 0 "$T" run --vars spend_total --to 2025
[ "$(wc -l <"$WORK/out")" = 7 ] || fail "baseline 2020-2025 should give 6 rows and a header"

# Report step, years and selection.
expect_status 0 "$T" run "$DATA/full.ini" --from 2030 --to 2035 --step 1/4 --vars spend_total,spend_cumulative --units
[ "$(sed -n 1p "$WORK/out")" = "year,spend_total,spend_cumulative" ] || fail "header of --vars"
[ "$(sed -n 2p "$WORK/out")" = "unit,MSEK/yr,MSEK" ] || fail "units line"
[ "$(sed -n 3p "$WORK/out" | cut -d, -f1)" = 2030 ] || fail "first year of --from"
[ "$(tail -1 "$WORK/out" | cut -d, -f1)" = 2035 ] || fail "last year of --to"
[ "$(wc -l <"$WORK/out")" = 23 ] || fail "21 quarter-year rows expected"

for m in adaptive rk4 euler; do
    expect_status 0 "$T" run "$DATA/full.ini" --method "$m" --vars spend_cumulative
done

# Long rows, TSV and JSON.
expect_status 0 "$T" run "$DATA/full.ini" --long --vars spend_total --to 2021
[ "$(cat "$WORK/out")" = "scenario,year,variable,value,unit
Skills test,2020,spend_total,10,MSEK/yr
Skills test,2021,spend_total,10,MSEK/yr" ] || fail "long rows: $(cat "$WORK/out")"
expect_status 0 "$T" run "$DATA/full.ini" --format tsv --vars spend_total --to 2021
[ "$(sed -n 1p "$WORK/out")" = "$(printf 'year\tspend_total')" ] || fail "TSV header"
expect_status 0 "$T" run "$DATA/full.ini" --format json
if command -v python3 >/dev/null; then
    python3 -m json.tool "$WORK/out" >/dev/null || fail "JSON does not parse"
    expect_status 0 "$T" run "$DATA/full.ini" --format json --long --vars levers
    python3 -m json.tool "$WORK/out" >/dev/null || fail "long JSON does not parse"
fi

# --set after the file.
expect_status 0 "$T" run "$DATA/full.ini" --set skills_foresight=0 --set adult_training_places.start=2030 --vars skills_foresight,adult_training_places
# The file ramps adult training to 6000 over 3 years; --set moves its start.
grep -q '^2030,0,3000$' "$WORK/out" || fail "--set did not move the lever start"
grep -q '^2031,0,4000$' "$WORK/out" || fail "--set: ramp from the new start"
grep -q '^2033,0,6000$' "$WORK/out" || fail "--set: full value after the ramp"

# A scenario on standard input.
printf '[scenario]\nname = Piped\n[levers]\nseed_capital = 100\n' |
    "$T" run - --vars seed_capital --long --to 2020 --no-header >"$WORK/out" 2>"$WORK/err"
[ "$(sed -n 2p "$WORK/out")" = "Piped,2020,seed_capital,100,MSEK/yr" ] || fail "run - : $(cat "$WORK/out" "$WORK/err")"
printf '[levers]\nseed_capital = 1000\n' | "$T" run - >"$WORK/out" 2>"$WORK/err"
[ $? = 1 ] || fail "bad standard input should exit 1"
expect_err "transim: <stdin>:2: value 1000 of lever 'seed_capital' is outside its range"

# ---- the same input gives the same bytes ----
"$T" run "$DATA/full.ini" >"$WORK/a.csv" 2>/dev/null
"$T" run "$DATA/full.ini" >"$WORK/b.csv" 2>/dev/null
cmp -s "$WORK/a.csv" "$WORK/b.csv" || fail "two runs differ"
expect_status 0 "$T" run "$DATA/full.ini" -o "$WORK/c.csv"
[ -s "$WORK/out" ] && fail "-o also wrote to stdout"
cmp -s "$WORK/a.csv" "$WORK/c.csv" || fail "-o differs from stdout"
LC_ALL=sv_SE.UTF-8 LC_NUMERIC=sv_SE.UTF-8 "$T" run "$DATA/full.ini" >"$WORK/d.csv" 2>/dev/null
cmp -s "$WORK/a.csv" "$WORK/d.csv" || fail "output depends on the locale"

# ---- bad input: exit 1, FILE:LINE message, no output file ----
expect_status 1 "$T" run "$DATA/bad_lever.ini" -o "$WORK/bad.csv"
expect_err "transim: $DATA/bad_lever.ini:5: unknown lever 'adult_trainng_places' (did you mean 'adult_training_places'?)"
[ -e "$WORK/bad.csv" ] && fail "a failed run left an output file"
[ -s "$WORK/out" ] && fail "a failed run wrote to stdout"
ls "$WORK" | grep -q tmp && fail "a temporary file was left behind"
echo "old" >"$WORK/keep.csv"
expect_status 1 "$T" run "$DATA/bad_lever.ini" -o "$WORK/keep.csv"
[ "$(cat "$WORK/keep.csv")" = old ] || fail "a failed run replaced an existing file"
expect_status 1 "$T" run "$DATA/missing_base.ini"
expect_err "missing_base.ini:3: base file 'no_such_file.ini' not found"
expect_status 1 "$T" run "$DATA/loop_a.ini"
expect_err "base chain loops"
expect_status 1 "$T" run "$WORK/no_such.ini"
expect_err "cannot read the file"
printf '[scenario]\nname = a\000b\n' >"$WORK/nul.ini"
expect_status 1 "$T" run "$WORK/nul.ini" -o "$WORK/nul.csv"
expect_err "nul.ini:2: not a text file"
[ -e "$WORK/nul.csv" ] && fail "a non-text scenario left an output file"
expect_status 1 "$T" run "$DATA/full.ini" -o "$WORK/no/such/dir/out.csv"
expect_err "cannot create"

# ---- check ----
expect_status 0 "$T" check "$DATA/full.ini" "$DATA/child.ini"
expect_out "full.ini: ok"
expect_status 1 "$T" check "$DATA/full.ini" "$DATA/bad_lever.ini" "$DATA/missing_base.ini"
expect_err "bad_lever.ini:5:"
expect_err "missing_base.ini:3:"
expect_out "full.ini: ok"
expect_status 0 "$T" check -q "$DATA/full.ini"
[ -s "$WORK/out" ] && fail "check -q printed"

# ---- list ----
expect_status 0 "$T" list levers --format csv
[ "$(tail -n +2 "$WORK/out" | grep -c '^lever,')" = "$(tail -n +2 "$WORK/out" | wc -l)" ] || fail "list levers lists other kinds"
grep -q '^lever,adult_training_places,places/yr,3000,0,12000,' "$WORK/out" || fail "list csv row"
expect_status 0 "$T" list
expect_out "adult_training_places"
expect_out "source:"

# ---- doc and graph ----
expect_status 0 "$T" doc
grep -q '^#' "$WORK/out" || fail "doc is not Markdown"
expect_out "adult_training_places"
cp "$WORK/out" "$WORK/ref_stdout.md"
expect_status 0 "$T" doc -o "$WORK/ref.md"
cmp -s "$WORK/ref_stdout.md" "$WORK/ref.md" || fail "doc -o differs from stdout"
expect_status 0 "$T" graph
head -1 "$WORK/out" | grep -q '^digraph' || fail "graph is not a DOT digraph"
expect_status 2 "$T" doc extra
expect_status 2 "$T" graph --format svg

# ---- compare ----
expect_status 0 "$T" compare baseline "$DATA/full.ini"
expect_out "Baseline"
expect_out "Skills test"
expect_status 0 "$T" compare --format csv "$DATA/full.ini" baseline
[ "$(sed -n 1p "$WORK/out")" = "indicator,unit,year,scenario,value,difference" ] || fail "compare csv header"
expect_status 1 "$T" compare baseline "$DATA/bad_lever.ini"
expect_err "bad_lever.ini:5:"
# Too wide for the terminal (COLUMNS when not one): a block per indicator.
four="baseline $SRC/scenarios/p1_jobs_of_the_future.ini $SRC/scenarios/full_toolbox.ini $SRC/scenarios/budget_mix.ini"
# shellcheck disable=SC2086
expect_status 0 env COLUMNS=80 "$T" compare $four
expect_out "Population, thousand"
[ "$(wc -L <"$WORK/out")" -le 80 ] || fail "compare is wider than COLUMNS=80: $(wc -L <"$WORK/out")"
# shellcheck disable=SC2086
expect_status 0 env -u COLUMNS "$T" compare $four
[ "$(sed -n 1p "$WORK/out" | cut -c1-9)" = "indicator" ] || fail "compare into a pipe is not the wide table"

# ---- the budget cap: a year over it is flagged, a run within it is quiet ----
expect_status 0 "$T" run "$SRC/scenarios/full_toolbox.ini" --set budget_cap=500 --vars spend_total
expect_err "spending is over the cap of 500 MSEK/yr in 2023-2050"
expect_status 0 "$T" compare baseline "$SRC/scenarios/budget_mix.ini"
[ -s "$WORK/err" ] && fail "a scenario within its cap warned: $(head -c 300 "$WORK/err")"

# ---- history and fit ----
expect_status 0 "$T" fit "$SRC/assets/history/fit.ini" --report
[ "$(sed -n 1p "$WORK/out")" = "year,series,model,data,unit,source" ] || fail "fit --report header"
expect_out "2010,population,"
expect_status 0 "$T" fit "$SRC/assets/history/fit.ini" -o "$WORK/fitted.ini" --markdown "$WORK/fit.md" \
    --charts "$WORK"
expect_out "weighted sum of squares"
[ -s "$WORK/population.svg" ] || fail "fit --charts wrote no population.svg"
grep -q '^| series |' "$WORK/fit.md" || fail "fit --markdown has no table of errors"
expect_status 0 "$T" check "$WORK/fitted.ini"
expect_status 2 "$T" fit --report -o "$WORK/x.ini"
expect_status 2 "$T" fit --maxiter 0
expect_status 1 "$T" fit "$WORK/missing.ini"
expect_err "missing.ini: cannot read the file"
expect_status 0 "$T" run "$SRC/scenarios/history.ini" --vars export_growth
[ "$(sed -n 2p "$WORK/out")" = "2010,0.0325" ] || fail "history run: $(sed -n 2p "$WORK/out")"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "e2e_cli: all passed"
