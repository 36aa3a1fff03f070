#!/usr/bin/env bash
# e2e_install.sh: `make install` and `make run` as a user meets them.
# Usage: bash tests/e2e_install.sh PATH_TO_transim SOURCE_DIR
# Installs the build tree holding transim under a folder of the user's (no
# root) and under DESTDIR, then checks what landed: programs that run, a man
# page with a section for every command `transim --help` lists, and a bash
# completion that offers the commands, a command's options and the model's
# variable names. Then `make run` without a display: the build's log goes to
# a file and the comparison fits 80 columns.
set -u
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
BUILD=$(dirname "$T")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/transim_install.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# ---- into a folder of the user's ----
cmake --install "$BUILD" --prefix "$WORK/p" >"$WORK/log" 2>&1 || fail "install failed: $(tail -n 5 "$WORK/log")"
P=$WORK/p
"$P/bin/transim" --version | grep -q '^transim ' || fail "installed transim does not run"
# From a folder without scenarios/, names of bundled scenarios and a base
# named in a scenario on standard input are found where they were installed.
(cd "$WORK" && "$P/bin/transim" run p1_jobs_of_the_future --to 2021 >/dev/null 2>&1) ||
  fail "installed transim does not find a bundled scenario by name from another folder"
(cd "$WORK" && printf '[scenario]\nbase = baseline.ini\n' | "$P/bin/transim" run - --to 2021 >/dev/null 2>&1) ||
  fail "installed transim does not find the base of a scenario on standard input"
[ -f "$P/share/transim/scenarios/baseline.ini" ] || fail "the scenarios were not installed"
[ -f "$P/share/transim/history/fit.ini" ] && [ -f "$P/share/transim/history/observed.csv" ] ||
    fail "the observed series were not installed"
man1=$P/share/man/man1/transim.1
[ -f "$man1" ] || fail "no man page transim.1"
if [ -x "$BUILD/transim-gui" ]; then
    [ -f "$P/bin/transim-gui" ] || fail "transim-gui was not installed"
    grep -q -- 'screenshot FILE' "$P/share/man/man1/transim-gui.1" ||
        fail "transim-gui.1 lacks the options of transim-gui --help"
fi
commands=$("$T" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }')
[ -n "$commands" ] || fail "transim --help lists no commands"
for c in $commands; do
    grep -q "^\\.SS $c\$" "$man1" || fail "transim.1 has no section for '$c'"
done
# The page says what --help says: the first option line of `run --help`.
line=$("$T" run --help | grep -m1 -- '--set NAME=VALUE' | sed 's/^ *//')
man_text=$(sed 's/\\-/-/g; s/\\e/\\/g' "$man1")
grep -qF -- "$line" <<<"$man_text" || fail "transim.1 does not hold run's help: '$line'"
if command -v groff >/dev/null; then
    warn=$(groff -man -Tutf8 -ww -z "$man1" 2>&1)
    [ -z "$warn" ] || fail "groff warns on transim.1: $(head -c 300 <<<"$warn")"
fi

# ---- the bash completion ----
comp=$P/share/bash-completion/completions/transim
[ -f "$comp" ] || fail "no bash completion installed"
complete_words() { # complete_words WORD...: the completions of the last word
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _transim; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$comp" "$@" 2>/dev/null
}
complete_words transim ru | grep -qx run || fail "completion does not offer 'run'"
complete_words transim run --no | grep -qx -- --no-header || fail "completion lacks run's --no-header"
complete_words transim mc --sam | grep -qx -- --samples || fail "completion lacks mc's --samples"
complete_words transim run --vars unemployment_r | grep -qx unemployment_rate ||
    fail "completion does not offer variable names"
complete_words transim run --vars key,emissions_t | grep -qx key,emissions_total ||
    fail "completion of the second name of a --vars list"
complete_words transim run --set adult_training_p | grep -qx adult_training_places= ||
    fail "completion does not offer levers for --set"

# ---- under DESTDIR: staged, nothing outside it ----
DESTDIR=$WORK/stage cmake --install "$BUILD" --prefix /opt/transim-e2e >/dev/null 2>&1 ||
    fail "install with DESTDIR failed"
[ -x "$WORK/stage/opt/transim-e2e/bin/transim" ] || fail "DESTDIR install put no transim in the stage"
[ -e /opt/transim-e2e ] && fail "DESTDIR install wrote outside the stage"

# ---- make run without a display ----
if command -v make >/dev/null && [ -f "$SRC/Makefile" ]; then
    # (not the jobserver of a make that runs the tests)
    (cd "$SRC" && env -u DISPLAY -u WAYLAND_DISPLAY -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
        COLUMNS=80 make --no-print-directory run \
        BUILD="$BUILD" JOBS=1) >"$WORK/run.out" 2>"$WORK/run.err" ||
        fail "make run (headless) failed: $(tail -n 5 "$WORK/run.err")"
    [ -s "$BUILD/build.log" ] || fail "make run left no build log"
    grep -q 'Building\|Built target\|cmake' "$WORK/run.out" "$WORK/run.err" &&
        fail "make run printed the build log"
    grep -q '^Population' "$WORK/run.out" || fail "make run printed no comparison"
    wide=$(awk 'length($0) > 80' "$WORK/run.out" | wc -l)
    [ "$wide" = 0 ] || fail "make run printed $wide lines wider than 80 columns"
fi

if [ "$failures" -gt 0 ]; then
    echo "e2e_install: $failures failed" >&2
    exit 1
fi
echo "e2e_install: ok"
