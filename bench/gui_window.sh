#!/usr/bin/env bash
# bench/gui_window.sh: the window's speed in a real X window. Starts Xvfb
# (1920x1080x24) on a free display, runs transim-gui's scripted drag of 300
# frames with the uncertainty bands on (`--window --profile --frames 300
# --size 1920x1080 --uncertainty`) RUNS times with the default renderer,
# and prints each run's median, 95th percentile and time to the first frame,
# and the CPU time the window's thread spent a frame (which the machine's
# other load does not move), then the range over the runs. The same with
# four bundled scenarios compared, and under SDL's dummy driver. Run from
# the repository's root. Figures only; no limits.
# Usage: bench/gui_window.sh [build/transim-gui] [RUNS]   (skips without Xvfb)
set -u
gui=${1:-build/transim-gui}
runs=${2:-5}
if ! command -v Xvfb >/dev/null; then
  echo "gui_window: no Xvfb (apt-get install xvfb); real-window figures skipped"
  exit 0
fi
if [ ! -x "$gui" ]; then
  echo "gui_window: no $gui (build with TRANSIM_GUI=ON); skipped"
  exit 0
fi
disp=""
for n in $(seq 90 130); do
  if [ ! -e /tmp/.X11-unix/X$n ] && [ ! -e /tmp/.X$n-lock ]; then disp=$n; break; fi
done
if [ -z "$disp" ]; then echo "gui_window: no free X display number" >&2; exit 1; fi
Xvfb ":$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$disp ] && break; sleep 0.1; done

# Four bundled scenarios compared, as a workshop's teams would be.
cmp=()
for f in p1_jobs_of_the_future p2_innovation_diffusion p3_entrepreneurship p4_climate_neutral_economy; do
  [ -f "scenarios/$f.ini" ] && cmp+=(--compare "scenarios/$f.ini")
done

# One run; prints "median p95 first renderer cpu_median cpu_p95 first_cpu". The
# arguments before "--" are the environment, after it more options.
one() {
  local envs=() out
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  out=$(env "${envs[@]}" "$gui" --window --profile --frames 300 --size 1920x1080 --uncertainty "$@" 2>/dev/null) || return 1
  awk '/^first frame/ { first = $5; fcpu = $9; sub("[(]", "", fcpu) }
       /^input-to-frame/ { for (i = 1; i <= NF; i++) { if ($i == "median") med = $(i + 1); if ($i == "percentile") p95 = $(i + 1) } }
       /^renderer/ { ren = $2; sub(":", "", ren) }
       /^window thread CPU/ { for (i = 1; i <= NF; i++) { if ($i == "median") cm = $(i + 1); if ($i == "percentile") cp = $(i + 1) } }
       END { printf "%s %s %s %s %s %s %s\n", med, p95, first, ren, cm, cp, fcpu }' <<<"$out"
}

report() {
  local label=$1; shift
  local meds=() p95s=() firsts=() cms=() cps=() fcs=() ren=""
  for r in $(seq "$runs"); do
    read -r med p95 first ren cm cp fc < <(one "$@") || { echo "$label: run $r failed"; continue; }
    printf '%s run %d: median %s ms, p95 %s ms, first frame %s ms (%s ms CPU); window thread CPU a frame median %s ms, p95 %s ms (renderer %s)\n' \
      "$label" "$r" "$med" "$p95" "$first" "$fc" "$cm" "$cp" "$ren"
    meds+=("$med"); p95s+=("$p95"); firsts+=("$first"); cms+=("$cm"); cps+=("$cp"); fcs+=("$fc")
  done
  range() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%s (%s-%s)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
  [ ${#meds[@]} -gt 0 ] || return 0
  printf '%s, %d runs, middle run (range): median %s ms, p95 %s ms, first frame %s ms (CPU %s ms); CPU a frame median %s ms, p95 %s ms\n' "$label" \
    "${#meds[@]}" "$(range "${meds[@]}")" "$(range "${p95s[@]}")" "$(range "${firsts[@]}")" \
    "$(range "${fcs[@]}")" "$(range "${cms[@]}")" "$(range "${cps[@]}")"
}

echo "transim-gui: scripted drag of 300 frames at 1920x1080, bands on (load: $(cut -d' ' -f1-3 /proc/loadavg))"
report "X window (Xvfb, default renderer)" DISPLAY=":$disp"
report "X window, four compared scenarios" DISPLAY=":$disp" -- "${cmp[@]}"
report "dummy driver (no display)" SDL_VIDEODRIVER=dummy
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
