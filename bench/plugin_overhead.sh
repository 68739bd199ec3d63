#!/usr/bin/env bash
# Cost the DevOS plugin adds to a compile, against clang-tidy running the closest equivalent checks
# (as CMAKE_CXX_CLANG_TIDY would: tidy, then the compile), as ratios over the plain compile of the
# same file: the checks alone (summary=off) and the checks plus the effect summary the layering gate
# links (written beside the object file, the default). Instruction counts from `valgrind --tool=callgrind` (repeatable on a noisy machine).
# Then `devos check` vs `clang-tidy` standalone over examples/orders: cold and re-run (wall time).
# Usage: bench/plugin_overhead.sh [build-dir]     (after scripts/test.sh or a build of devos)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
plugin=$build/lib/libDevOSPlugin.so
devos=$build/bin/devos
work=$(mktemp -d -t devos-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read clang-19's DWARF 5: measure a copy without debug info.
cp "$plugin" "$work/libDevOSPlugin.so" && strip --strip-debug "$work/libDevOSPlugin.so"
plugin=$work/libDevOSPlugin.so

tidy_checks='-*,bugprone-unsafe-functions,cert-msc50-cpp,cert-env33-c,concurrency-mt-unsafe,cppcoreguidelines-avoid-non-const-global-variables,portability-restrict-system-includes'
tidy_config="{CheckOptions: {portability-restrict-system-includes.Includes: '*,-iostream,-fstream,-cstdio,-thread,-mutex,-atomic,-filesystem'}}"

# A large generated pure-logic TU: 400 functions over the standard containers and algorithms.
mkdir -p "$work/large/.devos" "$work/large/src/logic"
echo "tier: 1" > "$work/large/.devos/devos.yml"
{
    echo '#include <algorithm>'; echo '#include <map>'; echo '#include <numeric>'; echo '#include <optional>'
    echo '#include <string>'; echo '#include <vector>'; echo '#include <chrono>'; echo '#include <functional>'
    echo 'namespace gen {'
    for i in $(seq 1 400); do
        cat <<CPP
struct Item$i { std::string name; long cents = $i; };
long total$i(const std::vector<Item$i>& items, const std::map<std::string, long>& rates) {
    std::vector<long> values;
    values.reserve(items.size());
    std::transform(items.begin(), items.end(), std::back_inserter(values), [&](const Item$i& it) {
        auto rate = rates.find(it.name);
        return it.cents * (rate == rates.end() ? 1 : rate->second);
    });
    std::sort(values.begin(), values.end());
    return std::accumulate(values.begin(), values.end(), 0L) + static_cast<long>(std::chrono::seconds($i).count());
}
CPP
    done
    echo '}'
} > "$work/large/src/logic/large.cpp"
# A template-heavy pure-logic TU: a header-only hash map, templated algorithms, defaulted members.
bench/template_heavy_repo.sh "$work/heavy" 1

icount() { # icount <out-file> <command...>: total instructions of the command
    local out=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1 || true
    grep -E '^(summary|totals):' "$out" | head -1 | awk '{print $2}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }

orders=$root/examples/orders
declare -a names=("examples/orders src/logic/pricing.cpp" "examples/orders src/services/order_service.cpp" "generated src/logic/large.cpp (400 functions)"
                   "generated template-heavy src/logic/unit_1.cpp")
declare -a files=("$orders/src/logic/pricing.cpp" "$orders/src/services/order_service.cpp" "$work/large/src/logic/large.cpp"
                  "$work/heavy/src/logic/unit_1.cpp")
declare -a incs=("-I$orders/src" "-I$orders/src" "" "-I$work/heavy/src")

echo "| TU | -O0 -c (instructions) | + DevOS plugin | ratio | + plugin, effect summary | ratio | + clang-tidy (CMAKE_CXX_CLANG_TIDY) | ratio |"
echo "|---|---|---|---|---|---|---|---|"
for i in "${!files[@]}"; do
    f=${files[$i]}; inc=${incs[$i]}
    plain=$(icount "$work/cg.plain" clang++-19 -std=c++23 -O0 $inc -c "$f" -o "$work/x.o")
    with=$(icount "$work/cg.plugin" clang++-19 -std=c++23 -O0 $inc -fplugin="$plugin" -fplugin-arg-devos-summary=off -c "$f" -o "$work/x.o")
    summary=$(icount "$work/cg.summary" clang++-19 -std=c++23 -O0 $inc -fplugin="$plugin" -c "$f" -o "$work/x.o")
    tidy=$(icount "$work/cg.tidy" clang-tidy-19 --quiet --checks="$tidy_checks" --config="$tidy_config" "$f" -- -std=c++23 $inc)
    echo "| ${names[$i]} | $plain | $with | $(ratio "$with" "$plain") | $summary | $(ratio "$summary" "$plain") | $((plain + tidy)) | $(ratio $((plain + tidy)) "$plain") |"
done

echo
echo "devos check vs clang-tidy standalone over examples/orders (g++ compile database, wall seconds, -j1):"
cmake -S "$orders" -B "$work/orders-gcc" -G Ninja -DCMAKE_CXX_COMPILER=g++ >/dev/null
mapfile -t sources < <(cd "$orders" && find src tests -name '*.cpp' | sort)
timeit() { local s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; awk -v s="$s" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }'; }
cold=$(timeit "$devos" check -p "$work/orders-gcc" -j1 --no-cache)
"$devos" check -p "$work/orders-gcc" -j1 >/dev/null 2>&1 || true
warm=$(timeit "$devos" check -p "$work/orders-gcc" -j1)
tidy=$(timeit bash -c "cd '$orders' && clang-tidy-19 --quiet -p '$work/orders-gcc' --checks='$tidy_checks' ${sources[*]}")
echo "| tool | cold | re-run, nothing changed |"
echo "|---|---|---|"
echo "| devos check -j1 | $cold s | $warm s |"
echo "| clang-tidy-19 (same files) | $tidy s | $tidy s (no cache) |"
