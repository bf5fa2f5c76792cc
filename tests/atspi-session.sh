#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command in a D-Bus session of its own. The session's services (the accessibility bus
# and its registry, which greets on standard output) write to standard error, so that standard
# output is the command's alone: the TAP that meson reads.
#   atspi-session.sh COMMAND [ARGUMENT...]
exec 3>&1 1>&2
exec dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' sh "$@"
