#!/usr/bin/env bash
# e2e_analyst.sh: what an analyst loads into R or pandas from `transim`.
# Usage: bash tests/e2e_analyst.sh PATH_TO_transim SOURCE_DIR
# Checks the machine-readable outputs against the model table and each other:
# `list --format csv|json` carries labels, units, scale and the key flag;
# Monte Carlo draws are written once per sample; run outputs can be read
# without guessing (provenance, column sidecar); report years can be chosen.
set -u
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/transim_analyst.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
have_python=0
command -v python3 >/dev/null && have_python=1

# ---- list --format csv|json: the table's metadata, the same in both ----
"$T" list --format csv >list.csv || fail "list --format csv failed"
head -n 1 list.csv | grep -q ',label_en,label_sv,display_scale,display_unit,key,better,uncertain,' ||
    fail "list csv header lacks labels, scale or key: $(head -n 1 list.csv)"
"$T" list --format json >list.json || fail "list --format json failed"
nkey_csv=$(grep -c '^indicator,.*,1,[-01]*,0,,,$' list.csv)
"$T" list indicators >ind.txt || fail "list indicators failed"
nkey_text=$(grep -c 'key indicator' ind.txt)
[ "$nkey_text" -ge 5 ] || fail "list indicators marks $nkey_text key indicators"
if [ $have_python = 1 ]; then
    python3 - list.csv list.json "$nkey_text" <<'PY' || fail "list csv and json disagree"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
cols = doc["columns"]
assert len(rows) == len(cols) > 100, (len(rows), len(cols))
for r, c in zip(rows, cols):
    assert r["name"] == c["name"] and r["unit"] == c["unit"], r["name"]
    assert r["label_sv"] == c["label_sv"] and c["label_sv"], r["name"]
    assert (r["key"] == "1") == c["key"], r["name"]
    assert float(r["display_scale"]) == c["display_scale"], r["name"]
keys = [c["name"] for c in cols if c["key"]]
assert len(keys) == int(sys.argv[3]), (keys, sys.argv[3])
assert all(c["kind"] == "indicator" for c in cols if c["key"])
unc = [c for c in cols if c["uncertain"]]
assert all(c["unc_lo"] < c["unc_hi"] and c["dist"] for c in unc)
PY
fi
"$T" list --format xml >/dev/null 2>err; [ $? = 2 ] || fail "list --format xml is not a usage error"

# ---- mc: inputs once per sample, outputs per sample and year apart ----
"$T" mc baseline --samples 5 --seed 3 --to 2023 -j 1 -o bands.csv --draws draws.csv \
    --sample-outputs paths.csv 2>/dev/null || fail "mc --draws --sample-outputs failed"
nunc=$(grep -c '^# uncertain: ' draws.csv)
[ "$(grep -vc '^#' draws.csv)" = 6 ] || fail "draws.csv holds $(grep -vc '^#' draws.csv) lines, not 1 + 5 samples"
[ "$(grep -v '^#' draws.csv | head -n 1 | tr ',' '\n' | wc -l)" = $((nunc + 1)) ] ||
    fail "draws.csv has not one column per uncertain input"
grep -v '^#' draws.csv | head -n 1 | grep -q ',year' && fail "draws.csv repeats the inputs by year"
[ "$(grep -vc '^#' paths.csv)" = $((1 + 5 * 4)) ] || fail "paths.csv lacks a row per sample and year"
grep -v '^#' paths.csv | head -n 1 | grep -q '^sample,year,' || fail "paths.csv header"
"$T" mc baseline --samples 5 --seed 3 --to 2023 -j 2 --draws draws2.csv >/dev/null 2>&1
cmp -s <(grep -v '^#' draws.csv) <(grep -v '^#' draws2.csv) || fail "draws differ with -j 2"
"$T" mc baseline --samples 2 --draws x.csv --sample-outputs x.csv >/dev/null 2>err
[ $? = 2 ] || fail "mc with --draws and --sample-outputs in one file is not a usage error"

# ---- run: provenance lines that pin the scenario; a column sidecar ----
cp "$SRC/scenarios/baseline.ini" base.ini
"$T" run base.ini --vars key --to 2022 --set 'budget_cap=400' -o run.csv --columns cols.json ||
    fail "run --columns failed"
grep -q '^# model: .* [0-9]*\.[0-9]*\.[0-9]*$' run.csv || fail "run output names no model version"
grep -qF "# command line: transim run base.ini --vars key --to 2022 --set budget_cap=400" run.csv ||
    fail "run output lacks its command line: $(grep '^# command line' run.csv)"
sum=$(sha256sum base.ini 2>/dev/null | cut -d' ' -f1)
[ -z "$sum" ] || grep -q "^# scenario: base.ini (Baseline) sha256 $sum\$" run.csv ||
    fail "run output lacks the scenario's SHA-256: $(grep '^# scenario' run.csv)"
"$T" run base.ini --vars key --to 2022 --set budget_cap=400 >run2.csv || fail "run to stdout failed"
cmp -s run.csv run2.csv || fail "-o and standard output differ"
"$T" run base.ini --vars key --to 2022 --no-header | head -n 1 | grep -q '^year,population,' ||
    fail "--no-header still writes provenance"
"$T" run base.ini --format json --to 2021 | head -c 1 | grep -q '{' || fail "JSON got '#' lines"
if [ $have_python = 1 ]; then
    python3 - run.csv cols.json <<'PY' || fail "the column sidecar does not describe the columns"
import csv, json, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if not r[0].startswith("#")]
cols = json.load(open(sys.argv[2]))["columns"]
assert [c["name"] for c in cols] == rows[0], ([c["name"] for c in cols], rows[0])
assert cols[0]["unit"] == "yr" and all(c["unit"] for c in cols)
assert all(c["key"] for c in cols[1:])
assert all(float(x) == float(x) for x in rows[1])  # every value reads as a number
PY
fi
"$T" run base.ini --columns run.csv -o run.csv >/dev/null 2>&1; [ $? = 2 ] ||
    fail "--columns onto -o is not a usage error"

# ---- batch: a scenario column to stack the files; chosen years; spending ----
mkdir -p sc
cp "$SRC/scenarios/baseline.ini" sc/baseline.ini
cp "$SRC/scenarios/budget_mix.ini" sc/budget_mix.ini
"$T" batch sc -o bout --years 2025,2035 -j 2 2>/dev/null || fail "batch --years failed"
grep -v '^#' bout/budget_mix.csv | head -n 2 | tail -n 1 | grep -q '^Budget mix,2020,' ||
    fail "batch files lack the scenario column"
[ "$(grep -c ',ok,20[23]5,' bout/summary.csv)" = 4 ] || fail "summary.csv lacks the --years rows"
grep -q ',ok,2030,' bout/summary.csv && fail "summary.csv has a year --years left out"
grep -v '^#' bout/summary.csv | head -n 1 | grep -q ',spend_total,spend_cumulative$' ||
    fail "summary.csv has no spending"
grep '^budget_mix.csv,.*,ok,2035,' bout/summary.csv | grep -q ',0,0$' &&
    fail "the budget mix spends nothing in summary.csv"
"$T" batch sc -o bout2 --years 2035,2025 >/dev/null 2>err; [ $? = 2 ] ||
    fail "batch --years not increasing is not a usage error"
"$T" batch sc -o bout2 --years 2060 >/dev/null 2>err; [ $? = 1 ] ||
    fail "batch --years outside every run does not fail"
grep -q 'no run reported a summary year' err || fail "batch --years 2060: $(cat err)"
[ -e bout2 ] && fail "a refused batch made its folder"

# ---- compare: spending by default, --vars, --years ----
"$T" compare --format csv baseline sc/budget_mix.ini >cmp.csv || fail "compare failed"
grep -q '^spend_cumulative,MSEK,2050,Budget mix,' cmp.csv || fail "compare shows no spending"
grep -q '^population,' cmp.csv || fail "compare dropped the key indicators"
"$T" compare --format csv --vars unemployment_rate,spend_total --years 2025,2045 baseline \
    sc/budget_mix.ini >cmpv.csv || fail "compare --vars failed"
[ "$(cut -d, -f1 cmpv.csv | sort -u | tr '\n' ' ')" = "indicator spend_total unemployment_rate " ] ||
    fail "compare --vars shows other rows: $(cut -d, -f1 cmpv.csv | sort -u | tr '\n' ' ')"
[ "$(cut -d, -f3 cmpv.csv | sort -u | tr '\n' ' ')" = "2025 2045 year " ] || fail "compare --years"
"$T" compare --vars unemployment_rat baseline >/dev/null 2>err; [ $? = 2 ] ||
    fail "compare with an unknown --vars name is not a usage error"
grep -q "did you mean 'unemployment_rate'" err || fail "compare --vars: $(cat err)"

# ---- attribute --years: the split in the years asked for, adding up ----
"$T" attribute sc/budget_mix.ini --years 2025,2040 --vars employment --format csv -j 2 \
    --orders 20 >attr.csv || fail "attribute --years failed"
[ "$(grep -v '^#' attr.csv | cut -d, -f3 | sort -u | tr '\n' ' ')" = "2025 2040 year " ] ||
    fail "attribute --years split other years"
awk -F, '!/^#/ && NR > 1 && $3 == 2040 { sum += $8; change = $6 }
    END { d = sum - change; if (d < 0) d = -d; exit !(d < 1e-6 * (change < 0 ? -change : change) + 1e-9) }' \
    attr.csv || fail "attribute --years: the shares in 2040 do not add up to the change"
"$T" attribute sc/budget_mix.ini --years 2060 >/dev/null 2>err; [ $? = 2 ] ||
    fail "attribute --years outside the run is not a usage error"

# ---- provenance: every file of the base chain pinned; JSON and sidecars carry it ----
mkdir -p chain/sub
cp "$SRC/scenarios/baseline.ini" chain/baseline.ini
printf '[scenario]\nname = Middle\nbase = ../baseline.ini\n[levers]\nadult_training_places = 4000\n' \
    >chain/sub/middle.ini
printf '[scenario]\nname = Top\nbase = sub/middle.ini\n[levers]\nskills_foresight = 1\n' >chain/top.ini
"$T" run chain/top.ini --vars population --to 2021 -o chain.csv || fail "run of a base chain failed"
# A base is named as joined to the folder of the file naming it.
for f in chain/top.ini chain/sub/middle.ini chain/sub/../baseline.ini; do
    s=$(sha256sum "$f" 2>/dev/null | cut -d' ' -f1)
    [ -z "$s" ] || grep -qF "$f" chain.csv && grep -q "^# \(scenario\|base\): $f.* sha256 $s\$" chain.csv ||
        fail "run provenance does not pin $f: $(grep '^# \(scenario\|base\)' chain.csv | tr '\n' '|')"
done
[ "$(grep -c '^# base: ' chain.csv)" = 2 ] || fail "run provenance lacks a line per base file"
"$T" run - --vars population --to 2021 <chain/top.ini 2>/dev/null >stdin.csv &&
    fail "a scenario on stdin found its base beside the current folder's file"
(cd chain && "$T" run - --vars population --to 2021 <top.ini >../stdin.csv) ||
    fail "run - with a base chain failed"
s=$(sha256sum chain/top.ini 2>/dev/null | cut -d' ' -f1)
[ -z "$s" ] || grep -q "^# scenario: <stdin> (Top) sha256 $s\$" stdin.csv ||
    fail "stdin provenance lacks the digest of what was read: $(grep '^# scenario' stdin.csv)"
# A base file is an input too: refused as an output.
"$T" run chain/top.ini -o chain/sub/middle.ini >/dev/null 2>err; [ $? = 2 ] ||
    fail "run -o onto a base file is not a usage error"
grep -q '\[scenario\]' chain/sub/middle.ini || fail "run -o replaced a base file"
"$T" mc chain/top.ini --samples 2 --to 2021 -o chain/baseline.ini >/dev/null 2>&1; [ $? = 2 ] ||
    fail "mc -o onto a base file is not a usage error"
"$T" run chain/top.ini --vars population --to 2021 --format json --columns chain.json >chainj.json ||
    fail "run --format json --columns failed"
"$T" run chain/top.ini --vars population --to 2021 --format json --no-header >plain.json ||
    fail "run --format json --no-header failed"
grep -q '"provenance"' plain.json && fail "--no-header leaves the JSON provenance in"
"$T" mc chain/top.ini --samples 3 --vars population --to 2021 --draws mcd.csv -o mcb.csv \
    --columns mcc.json || fail "mc --columns failed"
"$T" batch chain/top.ini chain/sub/middle.ini --vars population --to 2021 --years 2021 -o bchain ||
    fail "batch of a base chain failed"
[ "$(grep -c '^# base: ' bchain/top.csv)" = 2 ] || fail "batch files lack the base chain"
"$T" batch chain/top.ini -o bsum --summary-only --to 2030 || fail "batch --summary-only failed"
[ -f bsum/columns.json ] || fail "batch --summary-only wrote no columns.json"
if [ $have_python = 1 ]; then
    python3 - chain.csv chainj.json chain.json mcb.csv mcd.csv mcc.json bchain <<'PY' ||
import csv, json, sys
lines = [l[2:].rstrip("\n") for l in open(sys.argv[1]) if l.startswith("# ")]
want = {}
for l in lines:
    k, v = l.split(": ", 1)
    want.setdefault(k, []).append(v)
for path in sys.argv[2:4]:
    prov = json.load(open(path))["provenance"]
    assert prov["base"] == want["base"], (path, prov["base"])
    assert prov["scenario"] == want["scenario"][0], (path, prov["scenario"])
    assert isinstance(prov["program"], str) and prov["command"] == "run"
# mc: every column of the bands and the draws, and every variable, described.
mc = json.load(open(sys.argv[6]))
names = {c["name"] for c in mc["columns"]}
bands = [r for r in csv.reader(open(sys.argv[4])) if not r[0].startswith("#")]
draws = [r for r in csv.reader(open(sys.argv[5])) if not r[0].startswith("#")]
assert set(bands[0]) <= names, set(bands[0]) - names
assert set(draws[0]) <= names, set(draws[0]) - names
assert {r[0] for r in bands[1:]} <= names
assert len(mc["provenance"]["base"]) == 2 and mc["provenance"]["command"] == "mc"
assert isinstance(mc["provenance"]["uncertain"], list)
# batch: columns.json describes the per-scenario files and summary.csv.
out = sys.argv[7]
doc = json.load(open(out + "/columns.json"))
names = {c["name"] for c in doc["columns"]}
for f in ("top.csv", "summary.csv"):
    head = [r for r in csv.reader(open(out + "/" + f)) if not r[0].startswith("#")][0]
    assert set(head) <= names, (f, set(head) - names)
assert doc["provenance"]["command"] == "batch"
PY
        fail "JSON provenance or the sidecars of mc and batch are wrong"
fi

# ---- mc says what it will hold before a large study starts ----
"$T" mc baseline --samples 20 --vars population --to 2021 --max-memory 40K -o /dev/null 2>err ||
    fail "mc within --max-memory failed"
grep -q 'will hold .* of memory until the end (--max-memory is 40.0 kB)' err ||
    fail "mc near its memory limit does not say what it needs: $(cat err)"
"$T" mc baseline --samples 20 --vars population --to 2021 -o /dev/null 2>err ||
    fail "a small mc failed"
[ -s err ] && fail "a small mc printed a memory note: $(cat err)"

# ---- progress: on a terminal only, ending with the time taken ----
"$T" mc baseline --samples 20 --to 2025 -o p.csv 2>err || fail "mc for progress failed"
grep -q '\[#' err && fail "progress drawn on stderr that is not a terminal"
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
    script -qec "'$T' mc baseline --samples 40 --to 2025 -j 2 -o p2.csv" /dev/null >tty.txt 2>&1
    tr '\r' '\n' <tty.txt | grep -Eq '100% 40/40  [0-9]+s' ||
        fail "no progress line with the time taken on a terminal: $(tr '\r' '\n' <tty.txt | tail -n 2)"
fi

if [ "$failures" -gt 0 ]; then
    echo "e2e_analyst: $failures failed" >&2
    exit 1
fi
echo "e2e_analyst: ok"
