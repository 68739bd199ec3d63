#!/usr/bin/env bash
# Builds DevOS and runs every test (unit, fixtures through the plugin and `devos check`, integration).
# Usage: scripts/test.sh [build-dir]     (run scripts/setup.sh first on a new machine)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
jobs=$(nproc)
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
  -DDEVOS_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" -j "$jobs"
ctest --test-dir "$build" --output-on-failure -j "$jobs"
