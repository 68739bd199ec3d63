#!/usr/bin/env bash
# check-fast on a generated repo of N translation units (default 200): from clean, after touching
# one .cpp, after touching a header every TU includes, and with nothing changed — in plugin mode
# (clang-19) and check mode (g++) — versus running the same gates as plain scripts over the whole
# tree (devos check --no-cache, clang-format over every file, ctest). Wall seconds and the number of
# Ninja edges that ran. Usage: bench/gates_incremental.sh [build-dir] [N | orders]
# ("orders": examples/orders itself, touching src/logic/pricing.cpp and src/contracts/order.hpp)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
n=${2:-200}
work=$(mktemp -d -t devos-gates.XXXXXX)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null

repo=$work/repo
if [ "$n" = orders ]; then
    cp -r examples/orders "$repo"
    rm -rf "$repo/build"
    one_cpp=$repo/src/logic/pricing.cpp
    header=$repo/src/contracts/order.hpp
    configure_args=(-DORDERS_WITH_DEVOS=ON)
    label="examples/orders"
else
one_cpp=$repo/src/logic/unit7.cpp
header=$repo/src/contracts/money.hpp
configure_args=()
label="$n TUs"
mkdir -p "$repo/.devos" "$repo/src/contracts" "$repo/src/logic" "$repo/src/entrypoints"
echo "tier: 1" > "$repo/.devos/devos.yml"
cp .clang-format "$repo/"
cat > "$repo/src/contracts/money.hpp" <<'CPP'
#pragma once
#include <string>
#include <vector>

namespace gen {
struct Money {
    long cents = 0;
    std::string currency = "USD";
};
} // namespace gen
CPP
for i in $(seq 1 "$n"); do
    cat > "$repo/src/logic/unit$i.cpp" <<CPP
#include "contracts/money.hpp"

#include <algorithm>
#include <numeric>

namespace gen {
long total$i(const std::vector<Money>& items) {
    std::vector<long> cents;
    for (const auto& m : items)
        cents.push_back(m.cents + $i);
    std::sort(cents.begin(), cents.end());
    return std::accumulate(cents.begin(), cents.end(), 0L);
}
} // namespace gen
CPP
done
cat > "$repo/src/entrypoints/main.cpp" <<'CPP'
int main() { return 0; }
CPP
# Formatted as the repo's own .clang-format says, so the format gate passes and the runs measure a
# green check-fast (a failed gate re-runs its report on every call, by design).
clang-format-19 -i --style=file "$repo"/src/*/*.cpp "$repo"/src/*/*.hpp
cat > "$repo/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(generated CXX)
set(CMAKE_CXX_STANDARD 23)
find_package(DevOS 1.0 REQUIRED)
file(GLOB logic CONFIGURE_DEPENDS src/logic/*.cpp)
add_library(gen_logic STATIC ${logic})
target_include_directories(gen_logic PUBLIC src)
add_executable(gen src/entrypoints/main.cpp)
target_link_libraries(gen PRIVATE gen_logic)
devos_enable_gates(TIER 1)
CMAKE
fi

run() { # run <label> <build-dir>: wall seconds and Ninja edges of one check-fast
    local s e edges
    s=$(date +%s.%N)
    cmake --build "$2" --target check-fast > "$work/out.txt" 2>&1 || { tail -20 "$work/out.txt" >&2; echo "check-fast failed" >&2; }
    e=$(date +%s.%N)
    edges=$(grep -cE '^\[[1-9][0-9]*/[0-9]+\]' "$work/out.txt" || true) # not "[0/2] Re-checking globbed directories"
    printf "| %s | %.2f s | %s |\n" "$1" "$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')" "$edges"
}

for compiler in clang++-19 g++; do
    b=$work/build-$compiler
    cmake -S "$repo" -B "$b" -G Ninja -DCMAKE_CXX_COMPILER=$compiler -DCMAKE_PREFIX_PATH="$work/prefix" \
        "${configure_args[@]}" >/dev/null
    echo
    echo "check-fast, $label, $compiler:"
    echo "| step | wall | Ninja edges run |"
    echo "|---|---|---|"
    run "from clean" "$b"
    touch "$one_cpp"
    run "after touching one .cpp" "$b"
    touch "$header"
    run "after touching the header every TU includes" "$b"
    run "nothing changed" "$b"
    s=$(date +%s.%N); ninja -C "$b" >/dev/null; e=$(date +%s.%N)
    printf "| plain \`ninja\` (nothing changed) | %.2f s | 0 |\n" "$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')"
done

# The same gates as plain scripts over the whole tree, with no incrementality.
b=$work/build-g++
s=$(date +%s.%N)
"$work/prefix/bin/devos" check -p "$b" --no-cache >/dev/null 2>&1 || true
for f in $(find "$repo/src" "$repo/tests" -name '*.cpp' 2>/dev/null); do clang-format-19 --dry-run --Werror --style=file "$f" >/dev/null 2>&1 || true; done
ctest --test-dir "$b" -L unit --no-tests=ignore >/dev/null 2>&1 || true
e=$(date +%s.%N)
echo
printf "Plain scripts over the whole tree (devos check --no-cache + clang-format + ctest): %.2f s on every run\n" "$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')"
