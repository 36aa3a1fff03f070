# xvfb_session.sh: what the window's end-to-end tests (tests/gui_e2e_*.sh)
# share; sourced by them once they have set gui (the transim-gui binary) and
# src (the source tree), and, if they have more to print when they fail, a
# function fail_details. It gives:
#   - a skip (exit 77) without Xvfb, xdotool or xwininfo;
#   - $tmp, a folder of the test's own, removed at exit with the window and
#     the server;
#   - a display of its own (1280x800), as $DISPLAY;
#   - $tmp/work as the working directory, holding a copy of the bundled
#     scenarios/, and a home of its own ($HOME and the XDG folders);
#   - fail MESSAGE: says it, with the window's and the server's output, and
#     exits 1;
#   - launch FILE: starts the window on FILE at 1280x800 and waits until it
#     takes keys ($win, $gui_pid);
#   - wait_until COMMAND...: up to 20 s for COMMAND to succeed;
#   - step XDOTOOL-ARGS...: one xdotool action, then $step_pause seconds;
#   - exits_cleanly WHAT: waits for the window to quit after WHAT and
#     fails unless it exited 0.
# Not a test itself: the test glob takes gui_e2e_*.sh only.

for tool in Xvfb xdotool xwininfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "skip: $tool not installed (apt-get install xvfb xdotool x11-utils)"
    exit 77
  fi
done

tmp=$(mktemp -d /tmp/transim-gui-e2e-XXXXXX)
xvfb_pid=
gui_pid=
step_pause=${step_pause:-0.4}
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if declare -F fail_details >/dev/null; then fail_details >&2; fi
  echo "--- window titles:" >&2
  xwininfo -root -tree 2>/dev/null | grep transim-gui >&2
  echo "--- transim-gui said:" >&2
  cat "$tmp/gui.log" >&2
  echo "--- Xvfb ($(kill -0 "$xvfb_pid" 2>/dev/null && echo running || echo gone)) said:" >&2
  cat "$tmp/xvfb.log" >&2
  exit 1
}

# A display of its own: Xvfb picks a free number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
export DISPLAY=":$(head -1 "$tmp/display")"
# The server takes connections a moment after it names its display, later
# on a loaded machine: wait until a client gets in.
for _ in $(seq 100); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -root >/dev/null 2>&1 || fail "Xvfb on $DISPLAY takes no connection"

# A copy of the bundled scenarios as the working directory's scenarios/,
# and a home of its own.
mkdir -p "$tmp/work" "$tmp/home"
cp -r "$src/scenarios" "$tmp/work/"
cd "$tmp/work" || exit 1
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_STATE_HOME="$tmp/home/state"
export XDG_CONFIG_HOME="$tmp/home/config"
export SDL_VIDEODRIVER=x11 ASAN_OPTIONS=detect_leaks=0 # X11's own leaks are not ours
unset SDL_RENDER_DRIVER

# Starts the window on a scenario file and waits until it can take keys.
# A window that could not reach the server (SDL: "x11 not available", seen
# once on a loaded machine under ASan) is started again, at most three times;
# any other early exit fails the test.
launch() {
  win=
  for attempt in 1 2 3; do
    "$gui" "$1" --size 1280x800 >>"$tmp/gui.log" 2>&1 &
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
}

# Waits up to 20 s (a sanitizer build on a busy machine is slow) for a command to succeed.
wait_until() {
  for _ in $(seq 200); do "$@" && return 0; sleep 0.1; done
  return 1
}
step() { xdotool "$@"; sleep "$step_pause"; }

gone() { ! kill -0 "$gui_pid" 2>/dev/null; }
exits_cleanly() {
  wait_until gone || fail "$1 did not quit"
  wait "$gui_pid"
  local status=$?
  gui_pid=
  [ "$status" -eq 0 ] || fail "transim-gui exited with $status"
}
