#!/usr/bin/env bash
# Installs everything Doorstep needs to build, test and run on Debian 12 (bookworm).
# Idempotent and quiet when everything is already present.
set -euo pipefail

# Debian packages we build against. SQLCipher 4 and Catch2 3 only exist in bookworm-backports.
base_packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-qpa-plugins qt6-translations-l10n
  libspdlog-dev libfmt-dev libsodium-dev libical-dev python3-icalendar
  xvfb xauth fonts-noto-cjk imagemagick
  # pdftotext and pdftoppm: the report tests measure the text in the PDFs Doorstep writes.
  poppler-utils
  sqlite3
  # libFuzzer for tests/fuzz (`cmake --preset fuzz`): Debian's clang 19, whose C++23 mode has std::expected
  # with GCC 12's library (the default clang package, clang 14, does not).
  clang-19 libclang-rt-19-dev
  # The static checks of scripts/tidy.sh (.clang-tidy); clang-tidy 14 cannot parse C++23 either.
  clang-tidy-19
)
backport_packages=(libsqlcipher-dev sqlcipher catch2)

missing=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in "${base_packages[@]}"; do have "$p" || missing+=("$p"); done
need_backports=()
for p in "${backport_packages[@]}"; do
  # Backports must win over bookworm's SQLCipher 3.4 and Catch2 2.
  ver=$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || true)
  case "$ver" in *bpo12*) ;; *) need_backports+=("$p") ;; esac
done

if [ ${#missing[@]} -eq 0 ] && [ ${#need_backports[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

echo "bootstrap: installing ${missing[*]} ${need_backports[*]}" >&2
list=/etc/apt/sources.list.d/bookworm-backports.list
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" | $sudo tee "$list" >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ${#need_backports[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends -t bookworm-backports "${need_backports[@]}" >/dev/null
fi
