#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs HLH Calculator under valgrind in a private Xvfb server: open a case file given on the
# command line, edit it through the keyboard (with a refused value), save it, start a new case,
# quit. Prints valgrind's leak and error
# summary; exits non-zero on any error or "definitely lost" block not named in valgrind.supp.
#   tests/valgrind-app.sh BUILD_DIR
set -euo pipefail
build=$(realpath "${1:-build}")
here=$(dirname "$(realpath "$0")")
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none GDK_DEBUG=gl-disable
log=$(mktemp)
work=$(mktemp -d)
cp "$here/../data/teaching/6-early-pending.hlhcase" "$work/case.hlhcase"
Xvfb :78 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$log" "$work"' EXIT
export DISPLAY=:78
sleep 1
valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --error-exitcode=9 --num-callers=30 --suppressions="$here/valgrind.supp" \
  "$build/src/hlh-calculator" "$work/case.hlhcase" >"$log" 2>&1 &
app=$!
xdotool search --sync --name 'case.hlhcase' >/dev/null
sleep 2
xdotool key alt+f; xdotool type --delay 100 "12 000"
xdotool key alt+t; xdotool type --delay 100 "39,6"
xdotool key alt+e
xdotool key alt+l; xdotool type --delay 100 "1,500"
sleep 2
xdotool key ctrl+s
sleep 3
xdotool key ctrl+n
sleep 2
xdotool key ctrl+q
status=0
wait $app || status=$?
grep -E "ERROR SUMMARY|definitely lost|indirectly lost|suppressed:" "$log" | sed 's/^==[0-9]*== *//'
# Where any block was definitely lost, for whoever fixes it.
{ grep -A30 "are definitely lost in loss record" "$log" || true; } | sed "s/^==[0-9]*== *//" | head -150
# The edit reached the file: the case was really opened, edited and saved.
if ! grep -q '^ferritin=12000 ' "$work/case.hlhcase"; then
  echo "the edited case was not saved"; status=1
fi
exit $status
