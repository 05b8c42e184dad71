# Shared by scripts/demo, scripts/test and scripts/bench: packages, build, broker.
# shellcheck shell=bash
# systemd: systemd-analyze and systemd-sysusers for the service tests; dpkg-dev: dpkg-shlibdeps for cpack.
WW_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-charts-dev qt6-positioning-dev qt6-svg-dev
  qt6-multimedia-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite libqcustomplot-dev libqcustomplot2.1-qt6
  libprotobuf-dev protobuf-compiler libmosquitto-dev libsodium-dev mosquitto mosquitto-clients xvfb xauth openssl
  qt6-qpa-plugins fonts-dejavu-core fonts-noto-cjk qt6-translations-l10n systemd dpkg-dev
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring libsecret-tools dbus)

ww_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the Debian packages that are missing (as root, or through sudo).
ww_ensure_packages() {
  local missing=()
  for p in "${WW_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
}

# ww_build PRESET [targets...]
ww_build() {
  local preset=$1; shift
  local root; root=$(ww_root)
  (cd "$root" && cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset" ${1:+--target "$@"})
}
