#!/bin/sh
# Runs a systemd unit's ExecStart the way systemd would (CI has no systemd as PID 1): as an
# unprivileged service account, with the unit's Environment pointed at a throwaway /etc and
# /var/lib, stdin closed, the state folder 0700. Passes when the program gets to work ("ready" on
# stdout, or its presence made) and writes its state as that account, readable by it alone.
#   service_as_user.sh UNIT_FILE BUILD_DIR
set -eu
unit=$1 build=$2
[ "$(id -u)" -eq 0 ] || { echo "service_as_user.sh: needs root (to run as the service account)"; exit 1; }
account=wardwatch-ci
id "$account" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$account"
root=$(mktemp -d); trap 'kill "$pid" 2>/dev/null || true; rm -rf "$root"' EXIT
mkdir -p "$root/etc/WardWatch" "$root/var"
chmod 0700 "$root/var"; chown "$account" "$root/var"; chmod 0755 "$root"
# No broker: the program starts all the same and says the broker is lost.
printf '[mqtt]\nport=1\n' > "$root/etc/WardWatch/wardwatch.conf"
chown -R "$account" "$root/etc"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s|/usr/bin/|$build/app/|; s|/var/lib/wardwatch|$root/var|g; s|\${WARDWATCH_ENGINE_ID}|engine-ci|")
echo "as $account: $exec_start"
# shellcheck disable=SC2086 # the unit's command line, split as systemd splits it
runuser -u "$account" -- env -i PATH=/usr/bin:/bin XDG_CONFIG_HOME="$root/etc" XDG_DATA_HOME="$root/var" HOME="$root/var" \
  LC_ALL=C.UTF-8 $exec_start </dev/null >"$root/out" 2>"$root/err" &
pid=$!
# At work: its signing key made, and the headless station also says "ready" (an engine prints nothing).
at_work() {
  [ -n "$(find "$root/var" -name 'signing-*.key')" ] || return 1
  case $unit in *headless*) grep -q '"event":"ready"' "$root/out" ;; esac
}
i=0
while [ $i -lt 150 ]; do
  if at_work; then break; fi
  kill -0 "$pid" 2>/dev/null || { echo "it ended:"; cat "$root/err"; exit 1; }
  sleep 0.2; i=$((i + 1))
done
[ $i -lt 150 ] || { echo "not at work after 30 s:"; cat "$root/err"; exit 1; }
kill "$pid"; wait "$pid" 2>/dev/null || true
# What it wrote belongs to the account and nobody else may read it.
bad=$(find "$root/var" -mindepth 1 \( ! -user "$account" -o -perm /077 \) -type f)
[ -z "$bad" ] || { echo "not the account's alone:"; ls -l $bad; exit 1; }
ls -l "$(find "$root/var" -name 'signing-*.key')"
echo "ran as $account"
