# e2e_batch.sh: the batch commands end to end (batch, sweep, mc, attribute):
# the same bytes for any number of threads, the provenance lines, Shapley
# shares that add up, and bad arguments that give a clear error and write
# nothing. Usage: bash e2e_batch.sh PATH_TO_transim SOURCE_DIR
set -u
T=$1
SRC=$2
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# expect_error STATUS FRAGMENT COMMAND...: the command exits with STATUS and
# says FRAGMENT on stderr.
expect_error() {
    local want=$1 frag=$2
    shift 2
    "$@" >out.txt 2>err.txt
    local got=$?
    [ "$got" = "$want" ] || fail "'$*' exited $got, not $want"
    grep -qF -- "$frag" err.txt || fail "'$*' did not say '$frag' (said: $(cat err.txt))"
    [ -s out.txt ] && fail "'$*' wrote to stdout"
}

mkdir sc
for i in 1 2 3 4 5; do
    cat >sc/s$i.ini <<EOF
[scenario]
name = Study $i
[levers]
adult_training_places = $((i * 1500))
skills_foresight = 0.$i
seed_capital = $((i * 20))
seed_capital.start = 2030
seed_capital.ramp = $i
EOF
done
cp "$SRC"/scenarios/*.ini sc/ 2>/dev/null || true

# batch: one CSV per scenario and summary.csv, the same files for -j 1 and -j 4.
"$T" batch sc -o out1 -j 1 || fail "batch -j 1 failed"
"$T" batch sc -o out4 -j 4 || fail "batch -j 4 failed"
diff -r out1 out4 >/dev/null || fail "batch output differs between -j 1 and -j 4"
[ -f out1/s3.csv ] || fail "batch wrote no s3.csv"
[ -f out1/summary.csv ] || fail "batch wrote no summary.csv"
grep -q '^# model: .* [0-9]' out1/summary.csv || fail "summary.csv does not name the model version"
grep -q '^# solver: adaptive rtol=' out1/summary.csv || fail "summary.csv does not name the solver"
grep -q '^file,scenario,status,year,' out1/summary.csv || fail "summary.csv has no header"
[ "$(grep -c '^s2.csv,Study 2,ok,20[345]0,' out1/summary.csv)" = 3 ] ||
    fail "summary.csv lacks the 2030, 2040 and 2050 rows of s2"
grep -v '^#' out1/s1.csv | head -1 | grep -q '^scenario,year,' || fail "s1.csv has no run header with its scenario column"

# The progress bar: on a terminal only (script(1) gives the program one).
"$T" batch sc -o outq -j 2 2>errq.txt || fail "batch to outq failed"
[ -s errq.txt ] && fail "batch wrote to stderr that is not a terminal: $(cat errq.txt)"
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
    script -qec "'$T' batch sc -o outtty -j 2" /dev/null >tty.txt 2>&1
    grep -q '\[########################################\] 100%' tty.txt ||
        fail "batch on a terminal drew no progress bar"
fi

# batch -o naming a file: a usage error that leaves the file alone.
echo keep >notadir
"$T" batch sc -o notadir >/dev/null 2>err; [ $? = 2 ] || fail "batch -o FILE is not a usage error"
grep -q "notadir: is not a directory" err || fail "batch -o FILE: $(cat err)"
[ "$(cat notadir)" = keep ] || fail "batch -o FILE changed the file"

# batch --summary-only: the same summary.csv and its column metadata, nothing else.
"$T" batch sc -o outs --summary-only -j 2 || fail "batch --summary-only failed"
[ "$(ls outs | tr '\n' ' ')" = "columns.json summary.csv " ] ||
    fail "batch --summary-only wrote more than summary.csv and columns.json: $(ls outs)"
grep -q '"name": "adult_training_places"' outs/columns.json &&
    fail "batch --summary-only describes columns summary.csv does not have"
cmp -s out1/summary.csv outs/summary.csv || fail "batch --summary-only gives another summary.csv"

# batch: a bad file stops everything before anything is written.
printf '[levers]\nnot_a_lever = 1\n' >bad.ini
expect_error 1 "unknown lever 'not_a_lever'" "$T" batch sc/s1.ini bad.ini -o outbad
[ -e outbad ] && fail "batch with a bad file created its output directory"
# ... and so does an output directory that cannot be written (even by root).
touch plainfile
expect_error 1 "plainfile/out" "$T" batch sc -o plainfile/out
expect_error 2 "-o OUTDIR" "$T" batch sc

# mc: the same bytes for any number of threads; provenance names the seed.
"$T" mc sc/s2.ini --samples 64 --seed 7 -j 1 >mc1.csv || fail "mc -j 1 failed"
"$T" mc sc/s2.ini --samples 64 --seed 7 -j 3 -o mc3.csv || fail "mc -j 3 -o failed"
cmp -s mc1.csv mc3.csv || fail "mc output differs between -j 1 and -j 3"
grep -q '^# seed: 7$' mc1.csv || fail "mc output does not name its seed"
"$T" mc sc/s2.ini --samples 4 --set seed_capital=50 --vars spend_total |
    grep -q '^# set: seed_capital=50$' || fail "mc output does not name its --set"
grep -q '^variable,unit,year,mean,sd,p5,p25,p50,p75,p95$' mc1.csv || fail "mc header"
"$T" mc sc/s2.ini --samples 20 --quantiles 10,90 --vars spend_total |
    grep -q '^spend_total,MSEK/yr,2030,' || fail "mc --vars --quantiles gave no spend_total row"
"$T" mc sc/s2.ini --samples 16 --seed 5 -j 1 --draws d1.csv >/dev/null &&
    "$T" mc sc/s2.ini --samples 16 --seed 5 -j 2 --draws d2.csv >/dev/null || fail "mc --draws failed"
cmp -s d1.csv d2.csv || fail "mc --draws differs between -j 1 and -j 2"
[ "$(grep -c '^15,' d1.csv)" -ge 1 ] || fail "mc --draws lacks sample 15"
expect_error 2 "--samples must be" "$T" mc sc/s2.ini --samples 0 -o mc0.csv
[ -e mc0.csv ] && fail "mc --samples 0 wrote a file"
expect_error 2 "increasing" "$T" mc sc/s2.ini --samples 5 --quantiles 50,5
expect_error 1 "nodir/x.csv" "$T" mc sc/s2.ini --samples 5 -o nodir/x.csv

# sweep: a 3 x 2 grid gives 6 samples; the same bytes for any thread count.
"$T" sweep sc/s1.ini --vary adult_training_places=0:9000:3 --vary skills_foresight=0:1:2 \
    --to 2025 -j 1 >sw1.csv || fail "sweep failed"
"$T" sweep sc/s1.ini --vary adult_training_places=0:9000:3 --vary skills_foresight=0:1:2 \
    --to 2025 -j 2 >sw2.csv || fail "sweep -j 2 failed"
cmp -s sw1.csv sw2.csv || fail "sweep output differs between -j 1 and -j 2"
[ "$(grep -v '^#' sw1.csv | tail -n +2 | cut -d, -f1 | sort -u | wc -l)" = 6 ] ||
    fail "sweep grid does not have 6 samples"
"$T" sweep sc/s1.ini --vary adult_training_places=0:9000 --lhs 10 --seed 3 --to 2021 >lhs1.csv &&
    "$T" sweep sc/s1.ini --vary adult_training_places=0:9000 --lhs 10 --seed 3 --to 2021 -j 3 >lhs2.csv ||
    fail "sweep --lhs failed"
cmp -s lhs1.csv lhs2.csv || fail "sweep --lhs differs between runs"
"$T" sweep sc/s1.ini --vary adult_training_places.start=2020:2030:3 --vary seed_capital.ramp=0:4:2 \
    --to 2032 >swst.csv || fail "sweep over a start year and a ramp failed"
grep -q '^sample,adult_training_places.start,seed_capital.ramp,year,' swst.csv ||
    fail "sweep over a start year lacks its column"
expect_error 2 "outside the run" "$T" sweep sc/s1.ini --vary adult_training_places.start=2020:2060:3
expect_error 2 "'adult_training_placez' is not a lever" \
    "$T" sweep sc/s1.ini --vary adult_training_placez=0:1:2
expect_error 2 "is above HI" "$T" sweep sc/s1.ini --vary adult_training_places=9000:0:3 -o sw.csv
[ -e sw.csv ] && fail "sweep with LO > HI wrote a file"

# attribute: the shares add up to the total change; same bytes for any -j.
"$T" attribute sc/s3.ini --format csv -j 1 >at1.csv || fail "attribute failed"
"$T" attribute sc/s3.ini --format csv -j 2 >at2.csv || fail "attribute -j 2 failed"
cmp -s at1.csv at2.csv || fail "attribute differs between -j 1 and -j 2"
grep -q '^# method: exact Shapley values, 3 inputs, 8 runs' at1.csv || fail "attribute method line"
grep -v '^#' at1.csv | awk -F, 'NR > 1 { key = $1 "," $3; sum[key] += $8; change[key] = $6 }
    END { bad = 0; n = 0
          for (k in sum) { n++; d = sum[k] - change[k]; if (d < 0) d = -d
                           tol = 1e-6 * (change[k] < 0 ? -change[k] : change[k]) + 1e-6
                           if (d > tol) { print "attribution of " k " sums to " sum[k] " not " change[k]; bad = 1 } }
          if (n == 0) { print "no attribution rows"; bad = 1 }
          exit bad }' || fail "attribution does not add up"
"$T" attribute sc/s3.ini >at.txt || fail "attribute text failed"
grep -q 'adult_training_places' at.txt || fail "attribute table lacks a lever"

if [ "$fails" -gt 0 ]; then
    echo "$fails failure(s)" >&2
    exit 1
fi
echo "all batch end-to-end checks passed"
