#!/usr/bin/env bash
# Installs every Debian package DevOS needs to build and test. Idempotent: a second run installs nothing.
# Usage: scripts/setup.sh            (as root on Debian 12)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  clang-19 libclang-19-dev llvm-19-dev clang-format-19 clang-tidy-19 libclang-rt-19-dev gcovr
  nlohmann-json3-dev libyaml-cpp-dev libre2-dev libtomlplusplus-dev libpugixml-dev libxxhash-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 libgit2-dev libcurl4-openssl-dev
  libopenblas-dev googletest libgtest-dev libgmock-dev libbenchmark-dev libfaiss-dev
  nodejs npm valgrind python3 python3-yaml ccache chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs from another source may provide npm itself.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))

if [ ${#missing[@]} -gt 0 ]; then
  echo "devos setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "devos setup: all Debian packages present" >&2
fi
[ -d "$(dirname "$0")/../tests/sarif/node_modules" ] || npm ci --prefix "$(dirname "$0")/../tests/sarif" --no-audit --no-fund
# The newest pinned package decides: a checkout installed before it was added installs again.
[ -d "$(dirname "$0")/../tests/mcp/node_modules/@modelcontextprotocol/inspector" ] || npm ci --prefix "$(dirname "$0")/../tests/mcp" --no-audit --no-fund
[ -d "$(dirname "$0")/../tests/report/node_modules" ] || npm ci --prefix "$(dirname "$0")/../tests/report" --no-audit --no-fund
