#!/usr/bin/env bash
# man.sh: writes the man pages transim.1 and transim-gui.1 from the programs'
# own help, so that the page says what `--help` says and cannot drift.
# Usage: man.sh OUTDIR PATH_TO_transim [PATH_TO_transim-gui]
# transim.1 holds `transim --help`, then each command's `--help` as a
# subsection (the commands are those `transim --help` lists). No date, so
# the same programs give the same pages.
set -eu
OUT=$1 T=$2 G=${3:-}
mkdir -p "$OUT"
version=$("$T" --version | head -n 1 | awk '{print $2}')

# roff: the text verbatim (backslashes and hyphens escaped, a line that
# would start a request guarded).
roff() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

commands=$("$T" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }')
{
    printf '.TH TRANSIM 1 "" "transim %s" "User Commands"\n' "$version"
    printf '.SH NAME\ntransim \\- %s\n' "$("$T" --help | sed -n 's/^A \(system-dynamics simulator of industrial transition\).*/\1/p' | head -n 1) in Norra Mellansverige (SE31)"
    printf '.SH SYNOPSIS\n.B transim\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n'
    printf '.SH DESCRIPTION\n.nf\n'
    "$T" --help | roff
    printf '.fi\n.SH COMMANDS\n'
    for c in $commands; do
        printf '.SS %s\n.nf\n' "$c"
        "$T" "$c" --help | roff
        printf '.fi\n'
    done
    printf '.SH EXIT STATUS\n0 on success, 1 on failure, 2 on a usage error.\n'
    printf '.SH FILES\nScenario files are INI files; a name without a slash that is not a file is\nlooked for as scenarios/NAME.ini under the current folder.\n'
    printf '.SH SEE ALSO\n.BR transim\\-gui (1)\n'
} >"$OUT/transim.1"

if [ -n "$G" ]; then
    gversion=$("$G" --version | head -n 1 | awk '{print $2}')
    {
        printf '.TH TRANSIM\\-GUI 1 "" "transim\\-gui %s" "User Commands"\n' "$gversion"
        printf '.SH NAME\ntransim\\-gui \\- the interactive simulator of industrial transition in Norra Mellansverige\n'
        printf '.SH SYNOPSIS\n.B transim\\-gui\n[\\fISCENARIO\\fR] [\\fIOPTIONS\\fR]\n'
        printf '.SH OPTIONS\n.nf\n'
        "$G" --help | roff
        printf '.fi\n.SH SEE ALSO\n.BR transim (1)\n'
    } >"$OUT/transim-gui.1"
fi
