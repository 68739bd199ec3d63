#!/usr/bin/env bash
# The main job, on the embedded defaults (no server, no configuration): build DevOS, gate the
# example service with the Clang plugin (clean, then with a violation), check it with `devos check`
# over a g++ compile database, and write SARIF; run check-full; ingest test results and search similar
# failures; heal a regression of a past fix with `devos heal` on a selfheal/* branch. Each step says
# what it did and where its output is.
# Usage: scripts/demo.sh [work-dir]     (run scripts/setup.sh first on a new machine)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${1:-$root/build-demo}
devos_build=$work/devos
mkdir -p "$work"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1. Build DevOS (plugin, CLI) into $devos_build"
cmake -S . -B "$devos_build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 -DDEVOS_BUILD_TESTS=OFF >/dev/null
cmake --build "$devos_build" --target devos DevOSPlugin
plugin=$devos_build/lib/libDevOSPlugin.so
devos=$devos_build/bin/devos
echo "plugin: $plugin"
echo "cli:    $devos"

step "2. Build examples/orders with clang-19 and the plugin: a clean hexagonal service"
rm -rf "$work/orders" && cp -r examples/orders "$work/orders"
cmake -S "$work/orders" -B "$work/orders-build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_CXX_FLAGS="-fplugin=$plugin" -DORDERS_BUILD_TESTS=OFF >/dev/null
cmake --build "$work/orders-build"
echo "built $work/orders-build/orders with zero DevOS findings"

step "3. Inject a clock read into src/logic/pricing.cpp: the build fails at that line"
pricing=$work/orders/src/logic/pricing.cpp
cp "$pricing" "$work/pricing.cpp.orig"
line=$(grep -n '^#include' "$pricing" | tail -1 | cut -d: -f1)
sed -i "${line}a #include <chrono>\nnamespace orders::logic { long stampedNow() { return std::chrono::system_clock::now().time_since_epoch().count(); } }" "$pricing"
if cmake --build "$work/orders-build" 2>&1 | grep -A3 'devos'; then :; fi
if cmake --build "$work/orders-build" >/dev/null 2>&1; then echo "unexpected: the build passed" >&2; exit 1; fi
echo "(the build failed as it should)"

step "4. The same finding from devos check over a g++ compile database, as SARIF"
cmake -S "$work/orders" -B "$work/orders-gcc" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DORDERS_BUILD_TESTS=OFF >/dev/null
"$devos" check -p "$work/orders-gcc" || true
"$devos" check -p "$work/orders-gcc" --format sarif -o "$work/orders.sarif" || true
echo "SARIF for GitHub code scanning: $work/orders.sarif"

step "5. Restore the file: clean again"
cp "$work/pricing.cpp.orig" "$pricing"
cmake --build "$work/orders-build"
"$devos" check -p "$work/orders-gcc"

step "6. Every rule at once: the violations fixture (tests/fixtures/hexrepo), incl. cross-TU purity"
cmake -S tests/fixtures/hexrepo -B "$work/hexrepo-gcc" -G Ninja -DCMAKE_CXX_COMPILER=g++ >/dev/null
"$devos" check -p "$work/hexrepo-gcc" --format agent | cut -c1-160 || true
"$devos" check -p "$work/hexrepo-gcc" --format sarif -o "$work/hexrepo.sarif" || true
echo "SARIF: $work/hexrepo.sarif;  explain a rule: $devos explain purity.transitive"

step "7. Gate the example with find_package(DevOS) + devos_enable_gates(): check-fast, check-full"
cmake --install "$devos_build" --prefix "$work/prefix" >/dev/null
cmake -S "$work/orders" -B "$work/orders-gated" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DORDERS_WITH_DEVOS=ON -DCMAKE_PREFIX_PATH="$work/prefix" | grep DevOS
cmake --build "$work/orders-gated" --target check-full | sed -n '/DevOS FULL/,$p'
echo "a second run with nothing changed:"
cmake --build "$work/orders-gated" --target check-full

step "8. Telemetry on the embedded store: a failing test run ingested, then a similar failure searched"
db=$work/telemetry.db
rm -f "$db"
sed -i 's/return sum + line.unitPrice.cents \* line.quantity;/return sum + line.unitPrice.cents * line.quantity + 1;/' "$pricing"
cmake --build "$work/orders-gated" >/dev/null 2>&1 || true
ctest --test-dir "$work/orders-gated" -L unit --output-junit "$work/run1.xml" >/dev/null 2>&1 || true
"$devos" ingest junit "$work/run1.xml" --db "$db" --format json > "$work/run1.json"
grep -E '"(test|message)"' "$work/run1.json" | sed 's/^ */  /'
first=$(grep -o '"id": "[0-9A-Z]*"' "$work/run1.json" | head -1 | cut -d'"' -f4)
cp "$work/pricing.cpp.orig" "$pricing"
cmake --build "$work/orders-gated" >/dev/null
ctest --test-dir "$work/orders-gated" -L unit --output-junit "$work/run2.xml" >/dev/null
"$devos" ingest junit "$work/run2.xml" --db "$db"
echo "search: the past incidents most like failure $first"
"$devos" search --failure "$first" --db "$db" -k 3
echo "telemetry store: $db (SQLite; set DEVOS_DATABASE_URL=postgresql://... for a shared PostgreSQL)"

step "9. Self-heal: a merge loses a past fix again; devos heal re-applies it on a selfheal/* branch"
heal=$work/heal-orders
rm -rf "$heal" "$work/heal.db" && cp -r examples/orders "$heal" && cd "$heal"
printf 'build/\n' >.gitignore && printf 'enabled: true  # opted in for the demo; devos init writes it disabled\n' >.devos/self-heal.yml
git init -q -b main && git add -A && git -c user.name=demo -c user.email=demo@example.com commit -qm orders
commit() { git -c user.name=demo -c user.email=demo@example.com commit -qam "$1"; }
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DORDERS_WITH_DEVOS=ON -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
run_tests() { # <name> [ingest options]: build, run the tests, ingest the results
    cmake --build build >/dev/null 2>&1 || true
    ctest --test-dir build --output-junit "$work/heal-$1.xml" >/dev/null 2>&1 || true
    "$devos" ingest junit "$work/heal-$1.xml" --db "$work/heal.db" "${@:2}"
}
fixed='    return whole + (rest + basisPointsPerUnit / 2) / basisPointsPerUnit;'
broken='    return whole + rest / basisPointsPerUnit;'
sed -i "s|$fixed|$broken|" src/logic/pricing.cpp && commit "pricing: simpler rounding"
run_tests lost
sed -i "s|$broken|$fixed|" src/logic/pricing.cpp && commit "pricing: round half up again"
echo "the tests pass again: ingest learns the fix from history"
run_tests fixed
sed -i "s|// Splits \`cents\`|// Whole cents of \`tenths\` of a cent, rounded down.\nstd::int64_t wholeCents(std::int64_t tenths) {\n    return tenths / 10;\n}\n\n// Splits \`cents\`|" src/logic/pricing.cpp
commit "pricing: wholeCents" && sed -i "s|$fixed|$broken|" src/logic/pricing.cpp && commit "merge branch 'simplify'"
echo "weeks later a merge loses the fix again:"
run_tests regression --format json >"$work/heal-regression.json"
failure=$(python3 -c "import json,sys; print(next(f['id'] for f in json.load(open(sys.argv[1]))['failures'] if f['test'] == 'Pricing.BasisPointsRoundHalfUp'))" "$work/heal-regression.json")
"$devos" heal --failure "$failure" -p build --db "$work/heal.db"
echo
sed -n '1,/^## References/p' .devos/selfheal/*/PR.md
echo "branch: $(git branch --list 'selfheal/*' --format='%(refname:short)'); your checkout: $(git status --porcelain | wc -l) changed files, HEAD $(git log -1 --format='%h %s')"
cd "$root"
