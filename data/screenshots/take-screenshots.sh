#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the screenshots in this folder from the running application, with a synthetic case
# typed in through the keyboard as a user would. Needs Xvfb, xdotool and imagemagick.
#   data/screenshots/take-screenshots.sh BUILD_DIR
set -euo pipefail
build=$(realpath "${1:-build}")
out=$(dirname "$(realpath "$0")")
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none

Xvfb :77 -screen 0 1920x1200x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
export DISPLAY=:77
sleep 1

shoot () {  # shoot NAME WIDTH HEIGHT [GTK_THEME]
  local name=$1 width=$2 height=$3 theme=${4:-}
  GTK_THEME=$theme "$build/src/hlh-calculator" &
  local app=$!
  local win=""
  for _ in $(seq 50); do
    win=$(xdotool search --sync --name 'HLH Calculator$' 2>/dev/null | head -n 1) && [ -n "$win" ] && break
    sleep 0.1
  done
  xdotool windowsize "$win" "$width" "$height"
  sleep 0.5
  # A synthetic case: an adult with fever, organomegaly, cytopenias and high ferritin; the
  # marrow and sCD25 are still pending, so the HScore is a range.
  xdotool key --delay 60 alt+a; xdotool type --delay 30 "45"
  xdotool key --delay 60 alt+t; xdotool type --delay 30 "39,6"
  # An access key brings the keyboard to the answer given (Unknown); Left, Left answers Yes.
  xdotool key --delay 60 alt+e Left Left alt+o Left Left
  xdotool key --delay 60 alt+h; xdotool type --delay 30 "82"
  xdotool key --delay 60 alt+l; xdotool type --delay 30 "1,9"
  xdotool key --delay 60 alt+n; xdotool type --delay 30 "0,6"
  xdotool key --delay 60 alt+p; xdotool type --delay 30 "48"
  xdotool key --delay 60 alt+f; xdotool type --delay 30 "14 500"
  xdotool key --delay 60 alt+r; xdotool type --delay 30 "3,4"
  xdotool key --delay 60 alt+b; xdotool type --delay 30 "1,3"
  xdotool key --delay 60 alt+s; xdotool type --delay 30 "164"
  xdotool key --delay 60 alt+a
  # The pointer rests on a heading, so no row shows its hover highlight.
  xdotool mousemove --window "$win" 60 210
  sleep 1
  import -window "$win" "$out/$name.png"
  kill "$app"
  wait "$app" 2>/dev/null || true
}

shoot wide-light 1280 800
shoot wide-dark 1280 800 Adwaita:dark
shoot narrow-light 720 900
shoot small-light 1024 600
