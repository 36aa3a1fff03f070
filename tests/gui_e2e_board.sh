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
for tool in Xvfb xdotool xwininfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "skip: $tool not installed (apt-get install xvfb xdotool x11-utils)"
    exit 77
  fi
done

tmp=$(mktemp -d /tmp/transim-gui-board-XXXXXX)
xvfb_pid=
gui_pid=
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  echo "--- transim-gui said:" >&2
  cat "$tmp/gui.log" >&2
  [ -f "$csv" ] && { echo "--- $csv:" >&2; cat "$csv" >&2; }
  echo "--- Xvfb ($(kill -0 "$xvfb_pid" 2>/dev/null && echo running || echo gone)) said:" >&2
  cat "$tmp/xvfb.log" >&2
  exit 1
}

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
export DISPLAY=":$(head -1 "$tmp/display")"
for _ in $(seq 100); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -root >/dev/null 2>&1 || fail "Xvfb on $DISPLAY takes no connection"

# The bundled scenarios as the working directory's scenarios/, and beside
# them the folder the teams saved into.
mkdir -p "$tmp/work/workshop" "$tmp/home"
cp -r "$src/scenarios" "$tmp/work/"
cd "$tmp/work" || exit 1
teams="$tmp/work/workshop"
csv="$teams/scoreboard.csv"
printf '[scenario]\nname = Team Red\nbase = ../scenarios/baseline.ini\n[levers]\nadult_training_places = 6000\n' \
  >"$teams/red.ini"
printf '[scenario]\nname = Team Blue\nbase = ../scenarios/baseline.ini\n[levers]\nadult_training_places = 4000\n[budget]\ncap_msek_per_year = 1\n' \
  >"$teams/blue.ini"
printf '[scenario]\nname = Team Green\nbase = ../scenarios/baseline.ini\n[levers]\nenergy_audits = 400\n' \
  >"$teams/green.ini"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_STATE_HOME="$tmp/home/state"
export XDG_CONFIG_HOME="$tmp/home/config"
export SDL_VIDEODRIVER=x11 ASAN_OPTIONS=detect_leaks=0 # X11's own leaks are not ours
unset SDL_RENDER_DRIVER

# As gui_e2e_save.sh: start, wait for the window, start again (at most
# three times) only when SDL could not reach the server.
win=
for attempt in 1 2 3; do
  "$gui" scenarios/baseline.ini --size 1280x800 >>"$tmp/gui.log" 2>&1 &
  gui_pid=$!
  for _ in $(seq 100); do
    win=$(xdotool search --pid "$gui_pid" --class transim-gui 2>/dev/null | head -1)
    [ -n "$win" ] && break
    kill -0 "$gui_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$win" ] && break
  kill -0 "$gui_pid" 2>/dev/null && fail "no window"
  wait "$gui_pid" 2>/dev/null
  gui_pid=
  tail -1 "$tmp/gui.log" | grep -q "x11 not available" || fail "no window (attempt $attempt)"
  echo "note: no connection to $DISPLAY on attempt $attempt, starting again" >&2
  sleep 1
done
[ -n "$win" ] || fail "no window after 3 attempts"
xdotool windowfocus --sync "$win" 2>/dev/null || true
sleep 0.5

wait_until() {
  for _ in $(seq 200); do "$@" && return 0; sleep 0.1; done
  return 1
}
step() { xdotool "$@"; sleep 0.5; }
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
gone() { ! kill -0 "$gui_pid" 2>/dev/null; }
wait_until gone || fail "Ctrl+Q did not quit"
wait "$gui_pid"
status=$?
gui_pid=
[ "$status" -eq 0 ] || fail "transim-gui exited with $status"
echo "ok: the scoreboard's folder list, ranking and export, checked against transim run"
