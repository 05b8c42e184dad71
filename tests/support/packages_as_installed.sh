#!/usr/bin/env bash
# The Debian packages tested as a user installs them (docs/operations.md, "Installing the packages"):
# cpack makes them from this build, apt-get installs them offline (every dependency is already on a
# machine that built WardWatch; apt must not download), the installed programs run (the station's
# self-test offscreen, the others' --help), every file the packages list is there, and apt-get
# purge leaves nothing behind: no file of theirs and no new path under /usr or /etc. The account
# wardwatch may remain (Debian policy). Needs root, as CI is. Each failure is named on a FAIL line.
#   packages_as_installed.sh BUILD_DIR [CPACK]
set -uo pipefail
build=$(cd "$1" && pwd)
cpack=${2:-cpack}
started=$(date +%s)
step() { echo "[$(($(date +%s) - started)) s] $*"; }
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
[ "$(id -u)" -eq 0 ] || { echo "FAIL: needs root (apt-get installs into /usr)"; exit 1; }

# One run at a time on this machine, from whichever build tree (RESOURCE_LOCK covers one ctest run).
exec 9>/run/lock/wardwatch-package-test.lock
flock -w 600 9 || { echo "FAIL: another package test has held /run/lock/wardwatch-package-test.lock for 10 min"; exit 1; }

export DEBIAN_FRONTEND=noninteractive
# apt offline: no package sources (only what is installed and the .debs given), so a dependency that
# is not installed fails as unmet instead of being fetched; no package cache written either.
# (apt-get --no-download refuses local .deb files.)
apt_get() {
  apt-get -y -q --no-install-recommends -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$work/no-sources" \
    -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -o DPkg::Lock::Timeout=120 -o Dpkg::Use-Pty=0 "$@"
}
# Our packages in any state but "not-installed" (config-files and half-installed included).
ours() { dpkg-query -W -f='${Package} ${db:Status-Status}\n' 'wardwatch' 'wardwatch-*' 2>/dev/null | awk '$2 != "not-installed" { print $1 }'; }
purge_ours() {
  local left; left=$(ours)
  [ -n "$left" ] || return 0
  # shellcheck disable=SC2086 # package names
  echo "purging $(dpkg-query -W -f='${Package} (${db:Status-Abbrev}) ' $left)"
  # shellcheck disable=SC2086
  dpkg --purge --force-remove-reinstreq --force-depends $left
}

work=$build/package-test
rm -rf "$work"
mkdir -p "$work/debs" "$work/home" "$work/no-sources"
chmod 0700 "$work/home"

# An earlier run aborted (killed, timed out) may have left our packages half installed or unpurged.
if [ -n "$(ours)" ]; then
  step "an earlier run left packages behind"
  purge_ours || { echo "FAIL: could not purge what an earlier run left (dpkg --purge above)"; exit 1; }
fi
audit=$(dpkg --audit 2>&1)
[ -z "$audit" ] || { echo "FAIL: dpkg reports packages in a broken state (run dpkg --configure -a):"; echo "$audit"; exit 1; }
# Whatever happens below, the machine is left without our packages.
trap 'purge_ours >/dev/null 2>&1' EXIT

step "cpack (DEB, one package per component)"
if ! "$cpack" --config "$build/CPackConfig.cmake" -B "$work/debs" >"$work/cpack.log" 2>&1; then
  tail -40 "$work/cpack.log"; echo "FAIL: cpack failed (log: $work/cpack.log)"; exit 1
fi
debs=("$work"/debs/*.deb)
[ -e "${debs[0]}" ] || { echo "FAIL: cpack made no .deb in $work/debs"; exit 1; }
packages=()
for deb in "${debs[@]}"; do
  packages+=("$(dpkg-deb -f "$deb" Package)")
  printf '  %s  %s KB  Depends: %s\n' "${deb##*/}" "$(($(stat -c %s "$deb") / 1024))" "$(dpkg-deb -f "$deb" Depends)"
done
depends() { dpkg-deb -f "$work/debs/$1"_*.deb Depends 2>/dev/null; }
for p in wardwatch wardwatch-server wardwatch-tools; do
  [[ " ${packages[*]} " == *" $p "* ]] || fail "no package $p among: ${packages[*]}"
  depends "$p" | grep -q 'libqt6sql6-sqlite' || fail "$p does not depend on libqt6sql6-sqlite (the alarm log's driver)"
  depends "$p" | grep -q 'libqt6core6' || fail "$p has no shared-library dependencies (shlibdeps did not run)"
done
depends wardwatch | grep -q 'libqt6widgets6' || fail "wardwatch does not depend on libqt6widgets6"
# The Qt Positioning plugin: its own package, installed where Qt looks for position plugins.
[[ " ${packages[*]} " == *" wardwatch-qt-positioning "* ]] || fail "no package wardwatch-qt-positioning among: ${packages[*]}"
dpkg-deb -c "$work"/debs/wardwatch-qt-positioning_*.deb | grep -q '/qt6/plugins/position/libqtposition_wardwatch\.so$' ||
  fail "wardwatch-qt-positioning does not hold qt6/plugins/position/libqtposition_wardwatch.so"
for gui in libqt6widgets6 libqt6charts6 libqt6multimedia6; do
  depends wardwatch-server | grep -q "$gui" && fail "wardwatch-server depends on $gui (a server has no window)"
done

# Every path under /usr and /etc before the packages arrive (caches that other programs write
# there at any time left out).
snapshot() {
  find /usr /etc -xdev 2>/dev/null | grep -v -e '/__pycache__' -e '^/etc/ld\.so\.cache$' -e '^/etc/\.pwd\.lock$' \
    -e '^/etc/\(passwd\|group\|shadow\|gshadow\|subuid\|subgid\)-\?$' | sort
}
snapshot >"$work/before"

step "apt-get install ${debs[*]##*/}"
if ! apt_get install "${debs[@]}" >"$work/install.log" 2>&1; then
  cat "$work/install.log"; echo "FAIL: apt-get install failed (log above; offline: every dependency must be installed already)"; exit 1
fi
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>&1)
  [ "$status" = "ii " ] || fail "$p is not installed after apt-get install: '$status'"
  dpkg -L "$p" | grep -v '^/\.$' >"$work/$p.list"
  while IFS= read -r path; do
    [ -e "$path" ] || [ -L "$path" ] || fail "$p lists $path, which is not there"
  done <"$work/$p.list"
  echo "  $p: $(wc -l <"$work/$p.list") paths, all there"
done

# The installed programs, by the PATH a user has, with nothing of the build tree in the environment.
run() {
  local what=$1 expect=$2; shift 2
  local out rc
  out=$(cd "$work/home" && timeout 60 env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/home" \
        TZ=UTC LC_ALL=C "$@" 2>&1)
  rc=$?
  if [ $rc -ne 0 ] || ! grep -q -- "$expect" <<<"$out" || grep -q '^FAIL' <<<"$out"; then
    echo "$out" | tail -25; fail "$what (exit $rc; expected \"$expect\")"
  else
    step "$what: $(grep -m1 -- "$expect" <<<"$out")"
  fi
}
run "/usr/bin/wardwatch --self-test" "self-test passed" env QT_QPA_PLATFORM=offscreen /usr/bin/wardwatch --self-test
run "/usr/bin/wardctl --help" "usage:" /usr/bin/wardctl --help
run "wardwatch-headless --help" "Usage:" wardwatch-headless --help
run "wardwatch-engine --help" "Usage:" wardwatch-engine --help
run "wardsim --help" "Usage:" wardsim --help
for f in /usr/bin/wardwatch /usr/bin/wardwatch-headless /usr/bin/wardwatch-engine /usr/bin/wardsim /usr/bin/wardctl; do
  readelf -S --wide "$f" 2>/dev/null | grep -q '\.debug_info' && fail "$f is not stripped"
done

# What the server package sets up: the account and the configuration folder.
account=$(getent passwd wardwatch) || fail "wardwatch-server made no account wardwatch"
[ -z "${account:-}" ] || echo "  account: $account"
[ "$(stat -c '%U:%G %a' /etc/wardwatch 2>&1)" = "root:wardwatch 750" ] \
  || fail "/etc/wardwatch is not root:wardwatch 0750: $(stat -c '%U:%G %a' /etc/wardwatch 2>&1)"

step "apt-get purge ${packages[*]}"
if ! apt_get purge "${packages[@]}" >"$work/purge.log" 2>&1; then
  cat "$work/purge.log"; fail "apt-get purge failed (log above)"
fi
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)
  [ -z "$status" ] || [ "$status" = "not-installed" ] || fail "$p is '$status' after apt-get purge"
  while IFS= read -r path; do
    if [ -L "$path" ] || { [ -e "$path" ] && [ ! -d "$path" ]; }; then
      fail "left behind by $p: $path"
    elif [ -d "$path" ] && ! grep -qxF -- "$path" "$work/before"; then
      fail "left behind by $p: the folder $path"
    fi
  done <"$work/$p.list"
done
# Anything else the packages' scripts made (the configuration folder, a cache, a unit link).
snapshot >"$work/after"
while IFS= read -r path; do
  fail "left behind after purge: $path"
done < <(comm -13 "$work/before" "$work/after")

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s); logs in $work"
  exit 1
fi
step "packages installed, ran and purged cleanly: ${packages[*]}"
