# devos_enable_gates wherever it stands (issue 9, part 1). examples/orders with the call at the top
# of its CMakeLists.txt (as shipped), in the middle, at the end, and in a parent directory whose
# add_subdirectory()s define the targets, each gated from DevOS's build tree under clang-19 (plugin)
# and g++ (devos check edges): every target is gated, a purity violation fails `cmake --build` at
# its line, and check-full exists and passes. A repo with nothing to gate still gets check-fast and
# check-full, which run the gates that need no target and say "nothing to gate" (failed at tier 1,
# skipped at tier 0). The tier is the repo config's alone: an edit re-configures, a TIER that is not the
# config's and a bad tier are errors at the config's line. A second call with other settings is an error;
# the same call twice is one.
# Tier 1 measures no coverage: nothing is compiled with --coverage.
source "$(dirname "$0")/lib.sh"
: "${BUILD:?}"

# make_variant <placement> <repo>: a copy of examples/orders with its DevOS block moved by sed.
make_variant() {
    local repo=$2 list=$2/CMakeLists.txt block=$WORK/gates-block.cmake
    cp -r "$SOURCE/examples/orders" "$repo"
    sed -n '/^# DevOS: layering/,/^endif()/p' "$list" > "$block"
    grep -q 'devos_enable_gates()' "$block" || fail "examples/orders has no DevOS block to move"
    case $1 in
        top) ;;
        middle)
            sed -i '/^# DevOS: layering/,/^endif()/d' "$list"
            sed -i "/^target_link_libraries(orders_core /r $block" "$list" ;;
        end)
            sed -i '/^# DevOS: layering/,/^endif()/d' "$list"
            cat "$block" >> "$list" ;;
        parent) # the call stays at the top; src/ and tests/ define the targets
            sed -n '/^# contracts\/ and ports/,/^if(ORDERS_BUILD_TESTS)/p' "$list" | sed '$d' |
                sed 's# src/# #g; s#INTERFACE src)#INTERFACE .)#' > "$repo/src/CMakeLists.txt"
            sed -n '/^if(ORDERS_BUILD_TESTS)/,/^endif()/p' "$list" | sed '1d;$d;/enable_testing/d' |
                sed 's# tests/# #g; s#PRIVATE tests)#PRIVATE .)#' > "$repo/tests/CMakeLists.txt"
            sed -i '/^# contracts\/ and ports/,$d' "$list"
            printf 'add_subdirectory(src)\nif(ORDERS_BUILD_TESTS)\n    enable_testing()\n    add_subdirectory(tests)\nendif()\n' >> "$list"
            grep -q 'add_library(orders_core' "$repo/src/CMakeLists.txt" || fail "no targets moved to src/" ;;
    esac
    [ "$(grep -c 'devos_enable_gates' "$list")" = 1 ] || fail "$1: devos_enable_gates is not in $list once"
}

# Each placement builds check-full from clean under one compiler (alternating) and fails a build on
# an injected violation under both; the unit tests (GoogleTest, the slowest compile) are built where
# they are a subdirectory of their own.
check_full_with=g++
for placement in top middle end parent; do
    repo=$WORK/$placement
    make_variant $placement "$repo"
    tests=OFF targets="orders_core orders_adapters orders"
    [ $placement = parent ] && tests=ON targets="$targets orders_tests"
    for compiler in clang++-19 g++; do
        build=$WORK/build-$placement-$compiler
        expect_rc 0 cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=$compiler -DORDERS_WITH_DEVOS=ON \
            -DORDERS_BUILD_TESTS=$tests -DDevOS_DIR="$BUILD"
        mode=plugin; [ $compiler = g++ ] && mode=check
        expect_output "DevOS gates: tier 1, $mode mode, targets: $targets"
        expect_no_output "nothing to gate"
        if grep -q -- --coverage "$build/build.ninja"; then fail "tier 1 compiles with --coverage"; fi
        if [ $compiler = $check_full_with ]; then
            expect_rc 0 cmake --build "$build" --target check-full
            expect_output "DevOS FULL gate (tier 1)"
            expect_output "layering       passed"
            expect_output "PASSED: 9 gates"
        fi

        pricing=$repo/src/logic/pricing.cpp
        cp "$pricing" "$WORK/pricing.orig"
        line=$(grep -n '^#include' "$pricing" | tail -1 | cut -d: -f1)
        sed -i "${line}a #include <cstdlib>\nnamespace orders::logic { const char* devosInjectedEnv() { return std::getenv(\"TAX\"); } }" "$pricing"
        expect_rc 1 cmake --build "$build"
        expect_output "src/logic/pricing.cpp:$((line + 2)):"
        expect_output "[devos purity.env] logic/ must be deterministic: 'getenv' reads the process environment"
        cp "$WORK/pricing.orig" "$pricing"

        # An edit to the repo config alone re-checks every source under the new rules (the plugin's
        # policy-hash argument, the check edges' dependencies), and the old rules come back with it.
        if [ $placement = top ]; then
            cp "$repo/.devos/devos.yml" "$WORK/config.orig"
            printf 'tier: 1\nlayers:\n  logic: { paths: ["src/logic/**", "src/services/**"] }\n' > "$repo/.devos/devos.yml"
            expect_rc 1 cmake --build "$build"
            expect_output "src/services/order_service.hpp:6:10: error: [devos layer.include] logic/ may not include ports/"
            cp "$WORK/config.orig" "$repo/.devos/devos.yml"
            expect_rc 0 cmake --build "$build"
        fi
    done
    [ $check_full_with = g++ ] && check_full_with=clang++-19 || check_full_with=g++
done

# Nothing to gate: check-fast and check-full exist, the gates that need no target run, and the
# layering row says why it has nothing to check.
empty=$WORK/empty
mkdir -p "$empty"
cat > "$empty/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(empty CXX)
find_package(DevOS 1.0 REQUIRED)
devos_enable_gates()
add_library(headers INTERFACE)
CMAKE
expect_rc 0 cmake -S "$empty" -B "$empty/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DDevOS_DIR="$BUILD"
tr -s '\n ' '  ' < "$WORK/out.txt" | grep -qF "devos_enable_gates: nothing to gate: no first-party C++ target under $empty" ||
    { cat "$WORK/out.txt" >&2; fail "configure does not say there is nothing to gate"; }
expect_rc 1 cmake --build "$empty/build" --target check-full
expect_output "DevOS FULL gate (tier 1)" # no repo config: the default tier
expect_output "format         skipped"
expect_output "(skipped: no first-party C++ source)"
expect_output "layering       FAILED"
expect_output "(nothing to gate: no first-party C++ target under $empty"
expect_output "unit-tests     passed"
expect_output "targets        passed"
expect_output "secrets        passed"
expect_output "files          passed"
expect_output "FAILED: 1 of 9 gates"
expect_rc 1 cmake --build "$empty/build" --target check-fast
expect_output "FAILED: 1 of 3 gates"

# The tier has one source, the repo config's `tier:`: a new config is read by the next configure,
# and an edit to it re-runs the configure by itself (no cmake -S).
mkdir -p "$empty/.devos"
printf '# the empty repo\ntier: 2\n' > "$empty/.devos/devos.yml"
expect_rc 0 cmake -S "$empty" -B "$empty/build"
expect_rc 1 cmake --build "$empty/build" --target check-fast
expect_output "DevOS FAST gate (tier 2)"
printf '# the empty repo\ntier: 0 # lightweight\n' > "$empty/.devos/devos.yml"
expect_rc 0 cmake --build "$empty/build" --target check-full
expect_output "Re-running CMake"
expect_output "DevOS FULL gate (tier 0)"
expect_output "layering       skipped"
expect_output "(skipped: nothing to gate: no first-party C++ target under $empty"
# TIER only asserts the config's tier: another TIER is an error that names the config's line.
sed -i 's/^devos_enable_gates()$/devos_enable_gates(TIER 2)/' "$empty/CMakeLists.txt"
expect_rc 1 cmake -S "$empty" -B "$empty/build"
tr -s '\n ' '  ' < "$WORK/out.txt" > "$WORK/joined.txt" # CMake wraps its messages
grep -qF "TIER 2 in $empty/CMakeLists.txt is not the repo config's tier 0 ($empty/.devos/devos.yml:2)" "$WORK/joined.txt" ||
    { cat "$WORK/out.txt" >&2; fail "a TIER that is not the config's is not an error naming the config's line"; }
grep -qF "set \`tier: 2\` in $empty/.devos/devos.yml and drop TIER from the call" "$WORK/joined.txt" ||
    { cat "$WORK/out.txt" >&2; fail "the TIER error does not say what to do"; }
sed -i 's/^devos_enable_gates(TIER 2)$/devos_enable_gates(TIER 0)/' "$empty/CMakeLists.txt"
expect_rc 0 cmake -S "$empty" -B "$empty/build"
# A tier the tools would refuse is refused here too, at its line.
printf '# the empty repo\n\ntier: 3\n' > "$empty/.devos/devos.yml"
expect_rc 1 cmake -S "$empty" -B "$empty/build"
tr -s '\n ' '  ' < "$WORK/out.txt" | grep -qF "$empty/.devos/devos.yml:3: tier must be 0, 1 or 2, not '3'" ||
    { cat "$WORK/out.txt" >&2; fail "a bad tier is not an error at its line"; }
expect_rc 2 "$DEVOS" scan files --root "$empty"
expect_output ".devos/devos.yml:3"
expect_output "tier must be 0, 1 or 2, not '3'"
printf 'tier: 0\n' > "$empty/.devos/devos.yml"

# Called twice: the same settings are wired once, other settings are an error naming both calls.
echo 'devos_enable_gates(TIER 0)' >> "$empty/CMakeLists.txt"
expect_rc 0 cmake -S "$empty" -B "$empty/build"
echo 'devos_enable_gates(TARGETS headers)' >> "$empty/CMakeLists.txt"
expect_rc 1 cmake -S "$empty" -B "$empty/build"
tr -s '\n ' '  ' < "$WORK/out.txt" > "$WORK/joined.txt"
grep -qF "called again with other settings: devos_enable_gates(TARGETS headers) in $empty/CMakeLists.txt; the first call was devos_enable_gates(TIER 0) in" \
    "$WORK/joined.txt" || { cat "$WORK/out.txt" >&2; fail "the second call's error does not name both calls"; }
echo PASS
