#!/bin/sh
# Runs a command in a private D-Bus session whose Secret Service is a GNOME Keyring with an unlocked
# login keyring, kept in a throwaway folder (never the user's keyrings): the keyring tests of the
# settings dialog (tests/ui/tst_keyring.cpp). Usage: with_keyring.sh COMMAND [ARGS...]
set -eu
command -v dbus-run-session >/dev/null || { echo "with_keyring.sh: dbus-run-session is missing (package dbus-daemon)" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "with_keyring.sh: gnome-keyring-daemon is missing (package gnome-keyring)" >&2; exit 1; }
data=$(mktemp -d "${TMPDIR:-/tmp}/ww-keyring.XXXXXX")
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data/data" XDG_RUNTIME_DIR="$data/run"
mkdir -m 700 -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
# Inside the session: the daemon made with its login keyring unlocked by a throwaway password, its
# control socket exported, then the command.
dbus-run-session -- sh -c '
  eval "$(printf %s ww-test-keyring | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@"
  rc=$?
  [ -n "${GNOME_KEYRING_PID:-}" ] && kill "$GNOME_KEYRING_PID" 2>/dev/null
  exit $rc' sh "$@"
