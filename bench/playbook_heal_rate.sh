#!/usr/bin/env bash
# The playbook agent's heal rate and wrong-fix count on generated regressions of learned fixes
# (bench/bench_playbook.cpp). Usage: bench/playbook_heal_rate.sh [bench-build-dir] [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDEVOS_WITH_PLUGIN=OFF -DDEVOS_BUILD_TESTS=OFF -DDEVOS_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target devos_bench_playbook >/dev/null
"$build/bench/devos_bench_playbook" "${@:2}"
