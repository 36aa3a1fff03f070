#!/usr/bin/env bash
# e2e_docs.sh: every `transim` command shown in README.md and docs/*.md runs.
# Usage: bash tests/e2e_docs.sh PATH_TO_transim SOURCE_DIR
# Takes the lines of the ```sh blocks that call build/transim (joining lines
# continued with '\'), and runs each, as a reader would, from a copy of the
# repository's root (so commands that write docs/ or results/ change nothing
# here) with build/transim the program under test and my.ini the README's
# example scenario. Each must exit 0. Every scenario file the docs name must
# exist, and the README's error example must give the line it quotes.
set -u
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/transim_docs.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# The reader's checkout: what the commands read, and a build/ holding the
# program under test.
mkdir -p "$WORK/root/build"
cp -r "$SRC/scenarios" "$SRC/docs" "$SRC/assets" "$SRC/README.md" "$WORK/root/"
ln -s "$T" "$WORK/root/build/transim"
cd "$WORK/root" || exit 1
# The README's example scenario, as my.ini.
awk '/^```ini/ { inb = 1; next } /^```/ { if (inb) exit } inb' README.md >my.ini
[ -s my.ini ] || fail "README.md has no \`\`\`ini example"

# commands FILE: the build/transim lines of FILE's sh/bash/console blocks.
commands() {
    awk '/^```/ { if (inb) inb = 0; else inb = ($0 ~ /^```(sh|bash|console)/); next }
         inb {
             line = $0
             if (cont != "") { line = cont " " line; cont = "" }
             if (line ~ /\\$/) { sub(/\\$/, "", line); cont = line; next }
             if (line ~ /^(\$ )?build\/transim /) { sub(/^\$ /, "", line); print line }
         }' "$1"
}

have_dot=0
command -v dot >/dev/null && have_dot=1
n=0
for doc in "$SRC/README.md" "$SRC"/docs/*.md; do
    rel=${doc#"$SRC"/}
    while IFS= read -r cmd; do
        # A trailing comment explains the command; it is not part of it.
        cmd=$(printf '%s' "$cmd" | sed 's/[[:space:]][[:space:]]*#[[:space:]].*$//')
        if [ $have_dot = 0 ] && [[ $cmd == *"| dot "* ]]; then
            cmd=${cmd%%|*}
            cmd="$cmd >/dev/null"
        fi
        n=$((n + 1))
        if ! bash -c "$cmd" >"$WORK/out" 2>"$WORK/err" </dev/null; then
            fail "$rel: '$cmd' exited $?: $(head -c 300 "$WORK/err")"
        fi
    done < <(commands "$doc")
done
[ "$n" -ge 10 ] || fail "found only $n commands in the docs"

# Every scenarios/*.ini a page names exists (an error message shown as an
# example names the reader's own file).
for doc in "$SRC/README.md" "$SRC"/docs/*.md "$SRC"/docs/teaching/*.md; do
    for f in $(grep -v '^transim: ' "$doc" | grep -o 'scenarios/[A-Za-z0-9_/.-]*\.ini' | sort -u); do
        [ -e "$SRC/$f" ] || fail "${doc#"$SRC"/} names $f, which does not exist"
    done
done

# The README's error example: the INI with the misspelt lever gives the
# message and line it quotes.
msg=$(grep -m1 "^transim: scenarios/mine.ini:" README.md)
if [ -n "$msg" ]; then
    sed 's/adult_training_places = 6000/adult_trainng_places = 6000/' my.ini >scenarios/mine.ini
    got=$(build/transim check scenarios/mine.ini 2>&1 >/dev/null)
    [ "$got" = "$msg" ] || fail "README's error example says '$msg'; the program says '$got'"
else
    fail "README.md lost its error example"
fi

# docs/batch.md's provenance example: every line it shows (but the commit in
# `program`) is what the command it names writes, in that order.
cmd=$(awk '/^\(one `uncertain` line/ { getline l2; print $0 " " l2; exit }' docs/batch.md |
    sed -n 's/.*`transim mc *\([^`]*\)`.*/\1/p')
if [ -n "$cmd" ]; then
    # shellcheck disable=SC2086
    build/transim mc $cmd -o prov.csv 2>/dev/null || fail "docs/batch.md's example 'transim mc $cmd' fails"
    awk '/^## Provenance lines/ { want = 1 } want && /^```$/ { if (inb) exit; inb = 1; next }
         inb && /^# / && !/^# program:/' docs/batch.md >shown.txt
    grep '^# ' prov.csv >real.txt
    # The shown lines, in order, as a subsequence of the real ones.
    awk 'NR == FNR { want[++n] = $0; next } $0 == want[k + 1] { k++ } END { exit k != n }' \
        shown.txt real.txt ||
        fail "docs/batch.md's provenance example differs from 'transim mc $cmd': $(diff shown.txt real.txt | head -n 6)"
    [ -s shown.txt ] || fail "docs/batch.md's provenance example is empty"
else
    fail "docs/batch.md names no command for its provenance example"
fi

if [ "$failures" -gt 0 ]; then
    echo "e2e_docs: $failures failed ($n commands)" >&2
    exit 1
fi
echo "e2e_docs: $n commands ok"
