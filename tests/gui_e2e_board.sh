#!/usr/bin/env bash
# gui_e2e_board.sh: a workshop's scoreboard in the real window under Xvfb,
# driven with xdotool as a facilitator would: Ctrl+B opens it on the
# scenario's folder; a click on Up and on the teams' folder walks there
# (no path typed); a click on each team's file puts it on the board; a
# click on the Team column's head ranks the teams A to Z; Export writes
# scoreboard.csv and scoreboard.png into the teams' folder. Checks the CSV:
# provenance, the baseline then the teams in the order ranked, their files,
# their figures in both years against `transim run`, the cap and the amount
# over it; and that the PNG holds the whole table (wider than the window).
# Skips (77) without Xvfb or xdotool.
#   usage: gui_e2e_board.sh BUILD/transim-gui SOURCE_DIR
set -u
gui=$1
src=$2
cli=$(dirname "$gui")/transim
step_pause=0.5
fail_details() { [ -f "${csv:-}" ] && { echo "--- $csv:"; cat "$csv"; }; }
. "$(dirname "$0")/xvfb_session.sh"

# Beside the bundled scenarios, the folder the teams saved into.
mkdir -p "$tmp/work/workshop"
teams="$tmp/work/workshop"
csv="$teams/scoreboard.csv"
printf '[scenario]\nname = Team Red\nbase = ../scenarios/baseline.ini\n[levers]\nadult_training_places = 6000\n' \
  >"$teams/red.ini"
printf '[scenario]\nname = Team Blue\nbase = ../scenarios/baseline.ini\n[levers]\nadult_training_places = 4000\n[budget]\ncap_msek_per_year = 1\n' \
  >"$teams/blue.ini"
printf '[scenario]\nname = Team Green\nbase = ../scenarios/baseline.ini\n[levers]\nenergy_audits = 400\n' \
  >"$teams/green.ini"

launch scenarios/baseline.ini

# The scoreboard fills the 1280x800 window: its folder list's rows are 28 px
# apart from y = 158 (row 0: Up), at x = 120; the Team head at (380, 66);
# Export at (1142, 760).
row() { step mousemove 120 $((158 + 28 * $1)) click 1; }

step key ctrl+b
row 0 # Up: the working directory, with scenarios/ and workshop/
row 2 # workshop/: Up, blue.ini, green.ini, red.ini
row 3 # red.ini
row 2 # green.ini
row 1 # blue.ini: ticked Red, Green, Blue
step mousemove 380 66 click 1 # rank on the team: Blue, Green, Red
step mousemove 1142 760 click 1
wait_until test -s "$teams/scoreboard.png" || fail "no scoreboard.png in $teams: $(ls "$teams")"
[ -s "$csv" ] || fail "no $csv"

# Provenance first, then the machine names, the head row and the rows.
head -1 "$csv" | grep -q "^# Scoreboard: 3$" || fail "first line: $(head -1 "$csv")"
grep -q "^# Folder: $teams$" "$csv" || fail "no folder line"
grep -q "^# columns: rank,team,file,.*cost_total,spend_peak,budget_cap,over_cap,budget_status$" "$csv" ||
  fail "no machine names"
body=$(sed -n '/^# columns:/,$p' "$csv" | tail -n +2) # the head row's first field is "#"
[ "$(echo "$body" | wc -l)" -eq 5 ] || fail "expected a head, the baseline and 3 teams"
names=$(echo "$body" | tail -n +2 | cut -d, -f1,2 | tr '\n' '|')
[ "$names" = ",Baseline|1,Team Blue|2,Team Green|3,Team Red|" ] || fail "order: $names"
echo "$body" | grep -q "^1,Team Blue,$teams/blue.ini," || fail "Team Blue's file"
# Team Blue spends beyond its cap of 1 MSEK a year; Red has no cap.
blue=$(echo "$body" | grep "^1,Team Blue,")
red=$(echo "$body" | grep "^3,Team Red,")
ncol=$(echo "$blue" | awk -F, '{print NF}')
[ "$(echo "$blue" | cut -d, -f$((ncol - 2)))" = "1" ] || fail "Team Blue's cap: $blue"
awk -F, -v c=$((ncol - 1)) '{exit !($c > 0)}' <<<"$blue" || fail "Team Blue is not over its cap: $blue"
awk -F, -v c=$((ncol - 1)) '{exit !($c == 0)}' <<<"$red" || fail "Team Red is over a cap: $red"
# The figures are the model's: each key indicator in 2030 and 2050 as
# `transim run` gives it, in the unit shown (percent, thousands...).
if [ -x "$cli" ]; then
  keys=$(grep '^# columns:' "$csv" | sed 's/^# columns: //' | tr ',' '\n' | grep ':20[0-9][0-9]$')
  i=3
  for key in $keys; do
    i=$((i + 1))
    var=${key%%:*}
    year=${key##*:}
    want=$("$cli" run "$teams/red.ini" --vars "$var" 2>/dev/null |
      awk -F, -v y="$year" '$1 == y {print $2}')
    got=$(echo "$red" | cut -d, -f$i)
    [ -n "$want" ] || continue
    # The same number in the unit shown: as it is, in percent, in thousands or millions.
    awk -v w="$want" -v g="$got" 'BEGIN {
      if (w == 0) exit !(g == 0);
      n = split("1 100 0.001 0.000001", s, " ");
      for (i = 1; i <= n; i++) { r = g / (w * s[i]) - 1; if (r < 0) r = -r; if (r < 1e-4) exit 0 }
      exit 1 }' ||
      fail "Team Red's $key: $got on the board, $want from transim run"
    checked=$((${checked:-0} + 1))
  done
  [ "${checked:-0}" -ge 4 ] || fail "compared only ${checked:-0} figures with transim run"
fi

# The PNG holds the whole table: wider than the window that pages it.
pw=$(od -An -tu1 -j16 -N4 "$teams/scoreboard.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
[ "$pw" -gt 1280 ] || fail "scoreboard.png is $pw px wide: not the whole table"
step key Escape
step key ctrl+q
exits_cleanly "Ctrl+Q"
echo "ok: the scoreboard's folder list, ranking and export, checked against transim run"
