#!/usr/bin/env bash
# e2e_evidence.sh: end-to-end tests of `transim evidence`.
# Usage: bash tests/e2e_evidence.sh PATH_TO_transim SOURCE_DIR
# Checks the CSV's provenance lines, header and one row per lever, the same
# bytes for -j1 and -j2, the Markdown table, and the usage errors.
set -u
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/transim_ev.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

"$T" evidence --samples 6 -j 1 >j1.csv 2>err || fail "evidence -j 1 failed: $(head -3 err)"
"$T" evidence --samples 6 -j 2 >j2.csv 2>err || fail "evidence -j 2 failed: $(head -3 err)"
cmp -s j1.csv j2.csv || fail "evidence gave different bytes for -j 1 and -j 2"
grep -q '^# command: evidence' j1.csv || fail "no provenance line naming the command"
grep -q '^# samples: 6' j1.csv || fail "no provenance line with the samples"
grep -q '^lever,policy,cost_msek,' j1.csv || fail "no CSV header"
rows=$(grep -vc '^#' j1.csv)
[ "$rows" = 19 ] || fail "evidence wrote $rows lines, not a header and 18 levers"
grep -q '^adult_training_places,6000,' j1.csv || fail "no row for adult_training_places"

"$T" evidence --samples 0 --format md -o table.md 2>err || fail "evidence --format md failed"
grep -q '^| `energy_audits` |' table.md || fail "the Markdown table has no energy_audits row"

"$T" evidence --format xml >/dev/null 2>err
[ $? = 2 ] || fail "an unknown format is not a usage error"
grep -q "unknown format 'xml'" err || fail "no message for an unknown format"
"$T" evidence --samples -3 >/dev/null 2>&1
[ $? = 2 ] || fail "negative samples are not a usage error"
"$T" evidence --help | grep -q '^usage: transim evidence' || fail "no --help"

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "e2e_evidence: all passed"
