#!/usr/bin/env bash
# gui_e2e_save.sh: the real window under Xvfb, driven with xdotool as a user
# would, checking the files on disk: Ctrl+S on a bundled scenario writes
# nothing; clicking Save as's name field saves nothing; the name typed there
# names a new file in the user's folder; Save as onto an existing file asks,
# and Return on that question (Cancel) leaves the file as it was; Return on
# the unsaved-changes question saves nothing and quits nothing; a clean exit
# leaves no recovery copy; export onto existing files asks; a crashed
# session's copy, restored, saves back to its own file with Ctrl+S; a
# read-only file is never replaced.
# Skips (77) without Xvfb or xdotool.
#   usage: gui_e2e_save.sh BUILD/transim-gui SOURCE_DIR
set -u
gui=$1
src=$2
. "$(dirname "$0")/xvfb_session.sh"
userdir="$XDG_DATA_HOME/transim/scenarios"
baseline="$tmp/work/scenarios/baseline.ini"

launch scenarios/baseline.ini

title() { xwininfo -root -tree | grep transim-gui | sed -n 's/^ *0x[0-9a-f]* "\(.*\)": (.*/\1/p' | head -1; }
title_is() { [ "$(title)" = "$1" ]; }
title_marked() { case "$(title)" in "•"*) return 0 ;; *) return 1 ;; esac; }
bundled_unchanged() { cmp -s "$baseline" "$src/scenarios/baseline.ini" || fail "$1: the bundled baseline.ini changed"; }
# The dialogs are centred: Save as's name field 49 px above the middle of the
# 1280x800 window, its file field 11 px below.
name_field() { step mousemove 640 351 click 1; }
file_field() { step mousemove 640 411 click 1; }

wait_until title_is "Baseline — transim" || fail "title at start: '$(title)'"

# A lever moved with the keyboard marks the scenario unsaved in the title.
for _ in 1 2 3 4 5 6; do xdotool key --delay 0 Tab; done
step key Right Right
wait_until title_is "• Baseline — transim" || fail "title after a change: '$(title)'"

# Ctrl+S on a bundled scenario is Save as: nothing written.
step key ctrl+s
bundled_unchanged "Ctrl+S"
step key Escape

# Save as: clicking the name field (and the file field) saves nothing.
step key ctrl+shift+s
name_field
file_field
name_field
bundled_unchanged "a click on a field"
[ -z "$(ls -A "$userdir" 2>/dev/null)" ] || fail "a click saved: $(ls "$userdir")"
case "$(title)" in "•"*) ;; *) fail "a click saved: title '$(title)'" ;; esac

# The typed name names a new file in the user's folder; Return saves.
step key ctrl+a
step type --delay 20 "Team Blue"
step key Return
wait_until test -f "$userdir/team-blue.ini" || fail "no $userdir/team-blue.ini: $(ls -R "$XDG_DATA_HOME")"
grep -q "^name = Team Blue" "$userdir/team-blue.ini" || fail "the saved file does not carry the name"
bundled_unchanged "Save as"
wait_until title_is "Team Blue — transim" || fail "title after saving: '$(title)'"
[ "$(ls "$userdir")" = "team-blue.ini" ] || fail "other files saved: $(ls "$userdir")"

# Save as onto an existing file asks; Return on the question is Cancel.
for _ in 1 2 3 4 5 6; do xdotool key --delay 0 Tab; done
step key Right
step key ctrl+shift+s
file_field
step key ctrl+a
step type --delay 5 "$baseline"
step key Return
step key Return
bundled_unchanged "Return on the overwrite question"
saved=$(md5sum <"$userdir/team-blue.ini")
file_field
step key ctrl+a
step type --delay 5 "$userdir/team-blue.ini"
step key Return
step key Return
[ "$(md5sum <"$userdir/team-blue.ini")" = "$saved" ] || fail "Return on the overwrite question replaced team-blue.ini"
step key Escape
step key Escape

# The unsaved-changes question: Return and Escape cancel (nothing saved,
# still running); Discard changes (Shift+Tab from Cancel) quits.
wait_until title_marked || fail "expected unsaved changes: '$(title)'"
step key ctrl+q
step key Return
sleep 1
kill -0 "$gui_pid" 2>/dev/null || fail "Return on the unsaved-changes question quit"
[ "$(md5sum <"$userdir/team-blue.ini")" = "$saved" ] || fail "Return on the unsaved-changes question saved"
step key ctrl+q
step key Escape
sleep 1
kill -0 "$gui_pid" 2>/dev/null || fail "Escape on the unsaved-changes question quit"
has_copy() { ls "$XDG_STATE_HOME/transim/recovery/"session-*.ini >/dev/null 2>&1; }
wait_until has_copy || fail "no recovery copy of the unsaved work"
step key ctrl+q
step key shift+Tab
xdotool key Return
exits_cleanly "Discard changes"
[ "$(md5sum <"$userdir/team-blue.ini")" = "$saved" ] || fail "discarding saved"
bundled_unchanged "the session"
[ "$(ls "$userdir")" = "team-blue.ini" ] || fail "other files saved: $(ls "$userdir")"
if ls "$XDG_STATE_HOME/transim/recovery/"session-*.ini >/dev/null 2>&1; then
  fail "a clean exit left its recovery copy"
fi
# Export onto files that exist asks first; Return on the question (Cancel)
# leaves them as they were.
launch "$userdir/team-blue.ini"
wait_until title_is "Team Blue — transim" || fail "title on team-blue.ini: '$(title)'"
out="$tmp/work/graphs"
step key ctrl+e
step key ctrl+a
step type --delay 5 "$out"
step key Return
wait_until test -s "$out.png" || fail "export wrote no $out.png: $(ls "$tmp/work")"
[ -s "$out.csv" ] || fail "export wrote no $out.csv"
echo "the user's own table" >"$out.csv"
echo "the user's own picture" >"$out.png"
step key ctrl+e
step key ctrl+a
step type --delay 5 "$out.csv"
step key Return
step key Return
sleep 1
[ "$(cat "$out.csv")" = "the user's own table" ] || fail "export replaced $out.csv without asking"
[ "$(cat "$out.png")" = "the user's own picture" ] || fail "export replaced $out.png without asking"
step key Escape
step key Escape

# A crash keeps the work; restored, it belongs to its file again: the title
# names it and Ctrl+S writes there (no Save as).
for _ in 1 2 3 4 5 6; do xdotool key --delay 0 Tab; done
step key Right Right
wait_until title_marked || fail "expected unsaved changes on team-blue.ini: '$(title)'"
wait_until has_copy || fail "no recovery copy of the work on team-blue.ini"
kill -9 "$gui_pid"
wait "$gui_pid" 2>/dev/null
gui_pid=
launch scenarios/baseline.ini
wait_until title_is "Baseline — transim" || fail "title at the restart: '$(title)'"
step key Return # Restore: the question's default
wait_until title_is "• Team Blue — transim" || fail "title after restoring: '$(title)'"
[ "$(md5sum <"$userdir/team-blue.ini")" = "$saved" ] || fail "restoring wrote team-blue.ini"
step key ctrl+s
wait_until title_is "Team Blue — transim" || fail "Ctrl+S after restoring: title '$(title)'"
[ "$(md5sum <"$userdir/team-blue.ini")" != "$saved" ] || fail "Ctrl+S after restoring did not write team-blue.ini"
[ "$(ls "$userdir")" = "team-blue.ini" ] || fail "restoring saved other files: $(ls "$userdir")"

# A read-only file stays as it is: Ctrl+S opens Save as, and Save as onto
# it is refused (a rename would replace it silently, even for root).
chmod 444 "$userdir/team-blue.ini"
saved=$(md5sum <"$userdir/team-blue.ini")
for _ in 1 2 3 4 5 6; do xdotool key --delay 0 Tab; done
step key Right
wait_until title_marked || fail "expected unsaved changes: '$(title)'"
step key ctrl+s
file_field
step key ctrl+a
step type --delay 5 "$userdir/team-blue.ini"
step key Return
step key Return
sleep 1
[ "$(md5sum <"$userdir/team-blue.ini")" = "$saved" ] || fail "a read-only file was replaced"
[ "$(ls "$userdir")" = "team-blue.ini" ] || fail "other files saved: $(ls "$userdir")"
step key Escape
step key Escape
step key ctrl+q
step key shift+Tab
xdotool key Return
exits_cleanly "Discard changes"
if ls "$XDG_STATE_HOME/transim/recovery/"session-* >/dev/null 2>&1; then
  fail "recovery files left after a clean exit: $(ls "$XDG_STATE_HOME/transim/recovery/")"
fi
echo "ok: save as, export, the overwrite and unsaved-changes questions and a restored copy keep every file"
