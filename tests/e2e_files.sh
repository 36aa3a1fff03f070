#!/usr/bin/env bash
# e2e_files.sh: what the commands do with files, limits and empty
# selections: outputs written in place, through links and with the umask;
# an output that is an input refused; multi-file outputs committed whole;
# no temporary file left by a signal; a second batch into a folder locked
# out; memory, --dt and FIFOs refused with a message; empty selections and
# bad --set are usage errors everywhere.
# Usage: bash tests/e2e_files.sh PATH_TO_transim SOURCE_DIR
set -u
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/transim_files.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# expect STATUS FRAGMENT COMMAND...: exits with STATUS and says FRAGMENT on stderr.
expect() {
    local want=$1 frag=$2
    shift 2
    "$@" >out.txt 2>err.txt
    local got=$?
    [ "$got" = "$want" ] || fail "'$*' exited $got, not $want ($(head -c 300 err.txt))"
    [ -z "$frag" ] || grep -qF -- "$frag" err.txt || fail "'$*' did not say '$frag' (said: $(head -c 300 err.txt))"
}
no_tmp() { # no_tmp DIR: no temporary file left in DIR
    ls -A "$1" | grep -q 'tmp\|partial' && fail "temporary files left in $1: $(ls -A "$1")"
}

cp "$SRC/scenarios/baseline.ini" s.ini
cp "$SRC/scenarios/full_toolbox.ini" f.ini
cp "$SRC/scenarios/baseline.ini" baseline.ini # the base f.ini names

# ---- outputs: devices in place, links followed, umask, modes ----
expect 0 "" "$T" run s.ini --to 2021 -o /dev/null
[ -c /dev/null ] || fail "run -o /dev/null replaced the device"
"$T" run s.ini --to 2021 --vars employment -o /dev/stdout >stdout.csv 2>err.txt ||
    fail "run -o /dev/stdout failed: $(cat err.txt)"
grep -q '^year,employment$' stdout.csv || fail "-o /dev/stdout wrote nothing to stdout"
mkfifo pipe
{ cat pipe >frompipe.csv & } 2>/dev/null
"$T" run s.ini --to 2021 -o pipe || fail "run -o FIFO failed"
wait
[ -p pipe ] || fail "run -o FIFO replaced the FIFO"
grep -q '^year,' frompipe.csv || fail "nothing came through the FIFO"
echo old >target.csv
ln -s target.csv link.csv
expect 0 "" "$T" run s.ini --to 2021 -o link.csv
[ -L link.csv ] || fail "run -o LINK replaced the link"
grep -q '^year,' target.csv || fail "run -o LINK did not write the link's target"
(umask 077 && "$T" run s.ini --to 2021 -o private.csv) || fail "run under umask 077 failed"
[ "$(stat -c %a private.csv)" = 600 ] || fail "umask 077 gave mode $(stat -c %a private.csv)"
(umask 022 && "$T" run s.ini --to 2021 -o public.csv) || fail "run under umask 022 failed"
[ "$(stat -c %a public.csv)" = 644 ] || fail "umask 022 gave mode $(stat -c %a public.csv)"
chmod 640 public.csv
"$T" run s.ini --to 2021 -o public.csv || fail "rewriting public.csv failed"
[ "$(stat -c %a public.csv)" = 640 ] || fail "an existing file lost its mode"
mkdir adir
expect 2 "is a directory" "$T" run s.ini -o adir
expect 1 "/dev/full: cannot write" "$T" run s.ini -o /dev/full
no_tmp .

# ---- an output that is an input ----
cp s.ini keep.ini
expect 2 "is also an input" "$T" run keep.ini -o keep.ini
cmp -s keep.ini s.ini || fail "run -o SCENARIO replaced the scenario"
expect 2 "is also an input" "$T" mc keep.ini --samples 2 -o keep.ini
expect 2 "is also an input" "$T" mc keep.ini --samples 2 --draws keep.ini
expect 2 "is also an input" "$T" sweep keep.ini --vary energy_audits=0:600:2 -o keep.ini
expect 2 "is also an input" "$T" attribute f.ini --baseline keep.ini -o keep.ini
expect 2 "is also an input" "$T" evidence keep.ini --samples 0 -o keep.ini
cmp -s keep.ini s.ini || fail "a study replaced its scenario"
expect 2 "is also an input" "$T" mc f.ini --samples 2 --columns baseline.ini # f.ini's base
cmp -s baseline.ini "$SRC/scenarios/baseline.ini" || fail "mc --columns replaced the scenario's base"
# Every command that writes a file says so of a directory, as a usage error.
expect 2 "is a directory" "$T" evidence --samples 0 -o adir
expect 2 "is a directory" "$T" doc -o adir
expect 2 "is a directory" "$T" graph --loops -o adir
expect 2 "is a directory" "$T" fit -o adir
expect 2 "is a directory" "$T" mc s.ini --samples 2 --columns adir
expect 2 "is a directory" "$T" run s.ini --columns adir
cp baseline.ini base_before.ini
expect 2 "is also an input" "$T" run f.ini -o baseline.ini # f.ini's base
cmp -s baseline.ini base_before.ini || fail "run -o BASE replaced the scenario's base"

# ---- mc: a bad -o is found before computing, and --draws is not replaced ----
echo keep >draws.csv
expect 2 "is a directory" "$T" mc s.ini --samples 4 -o adir --draws draws.csv
[ "$(cat draws.csv)" = keep ] || fail "mc with a bad -o replaced --draws"
expect 1 "/dev/full" "$T" mc s.ini --samples 4 -o /dev/full --draws draws.csv
[ "$(cat draws.csv)" = keep ] || fail "mc that could not write -o replaced --draws"
expect 0 "" "$T" mc s.ini --samples 4 -o bands.csv --draws draws.csv
grep -q '^sample,' draws.csv || fail "mc --draws wrote no draws"
no_tmp .

# ---- signals: no temporary file is left ----
mkdir sig
# (a slow solver, so that the study is still running; little memory)
"$T" mc s.ini --samples 1000 --method euler --dt 0.0001 --vars employment \
    -o sig/bands.csv --draws sig/d.csv 2>/dev/null &
pid=$!
for _ in $(seq 50); do ls sig | grep -q tmp && break; sleep 0.1; done
kill -TERM $pid
wait $pid
[ $? = 143 ] || fail "mc did not die of SIGTERM"
no_tmp sig
[ -e sig/bands.csv ] && fail "a killed mc left its output"

# ---- batch: whole sets, a lock, usage errors ----
mkdir sc
for i in 1 2 3; do printf '[scenario]\nname = S%s\n[levers]\nseed_capital = %s0\n' $i $i >sc/s$i.ini; done
expect 0 "" "$T" batch sc -o res -j 2
[ -f res/summary.csv ] && [ -f res/s3.csv ] || fail "batch wrote no files"
no_tmp res
echo "$$ $(hostname)" >res/.transim-batch.lock
expect 1 "another batch (process $$)" "$T" batch sc -o res
rm res/.transim-batch.lock
echo "999999999 $(hostname)" >res/.transim-batch.lock
expect 0 "" "$T" batch sc -o res # a lock whose process is gone is taken over
[ -e res/.transim-batch.lock ] && fail "batch left its lock"
mkdir linked
printf '[scenario]\nname = L\n' >linked/l.ini
ln -s l.ini linked/l.csv
expect 2 "is also one of the scenario files" "$T" batch linked/l.ini -o linked
[ -L linked/l.csv ] && grep -q 'name = L' linked/l.ini || fail "batch replaced its own scenario"
"$T" run s.ini --to 2021 >/dev/full 2>err.txt && fail "run >/dev/full exited 0"
grep -qF '<stdout>' err.txt || fail "a full stdout was not named: $(cat err.txt)"
cp res/summary.csv summary.before
expect 2 "--set 'not_a_lever=1'" "$T" batch sc -o res --set not_a_lever=1
expect 2 "no summary year" "$T" batch sc -o res --from 2031 --to 2032
cmp -s res/summary.csv summary.before || fail "a refused batch changed summary.csv"
no_tmp res

# ---- limits ----
expect 2 "would need" "$T" mc s.ini --samples 100000000
expect 2 "would need" "$T" mc s.ini --samples 1000 --max-memory 1M
expect 2 "--max-memory needs a size" "$T" mc s.ini --samples 10 --max-memory lots
expect 2 "would need" "$T" sweep s.ini --vary energy_audits=0:600 --lhs 100000000 --max-memory 100M
expect 2 "--dt must be at least" "$T" run s.ini --method euler --dt 1e-9
expect 2 "--dt must be at least" "$T" mc s.ini --samples 2 --method euler --dt 1e-9
mkfifo fifo.ini
expect 1 "is a FIFO" timeout 10 "$T" run fifo.ini
printf '[scenario]\nbase = fifo.ini\n' >usesfifo.ini
expect 1 "base file 'fifo.ini' is a FIFO" timeout 10 "$T" check usesfifo.ini
expect 1 "is a FIFO" timeout 10 "$T" batch usesfifo.ini -o resf

# ---- honest errors ----
expect 2 "none of the years split (2030, 2050)" "$T" attribute f.ini --from 2035 --to 2045
[ -s out.txt ] && fail "attribute with no year wrote a table"
expect 2 "no scenario's run reports 2019" "$T" compare --years 2019 baseline
[ -s out.txt ] && fail "compare of a year no run reports wrote a table"
expect 2 "not_a_lever" "$T" run s.ini --set not_a_lever=1
expect 2 "not_a_lever" "$T" mc s.ini --samples 2 --set not_a_lever=1
expect 2 "not_a_lever" "$T" sweep s.ini --vary energy_audits=0:600:2 --set not_a_lever=1
expect 2 "not_a_lever" "$T" attribute f.ini --set not_a_lever=1
printf '[scenario]\nname = Piped\n' | "$T" check - >out.txt 2>err.txt || fail "check - failed: $(cat err.txt)"
grep -q '^<stdin>: ok$' out.txt || fail "check - did not say ok"
printf '[levers]\nnot_a_lever = 1\n' | "$T" check - >out.txt 2>err.txt
[ $? = 1 ] || fail "check - of a bad scenario did not exit 1"
grep -qF '<stdin>:2:' err.txt || fail "check - did not name the line"

if [ "$fails" -gt 0 ]; then
    echo "$fails failure(s)" >&2
    exit 1
fi
echo "e2e_files: all passed"
