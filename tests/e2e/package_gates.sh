# find_package(DevOS) from an installed, then moved, prefix: examples/orders gated under clang-19
# (plugin) and g++ (devos check edges). check-fast passes, a second run executes no gate edge, an
# injected violation fails `cmake --build` at its line and fails check-fast with the table, and
# removing it passes again. Version requests follow SameMajorVersion.
source "$(dirname "$0")/lib.sh"
: "${BUILD:?}"
cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
mv "$WORK/prefix" "$WORK/moved-prefix" # relocatable: nothing may point at the old prefix
prefix=$WORK/moved-prefix
[ -x "$prefix/bin/devos" ] || fail "devos not installed"
[ -f "$prefix/lib/devos/libDevOSPlugin.so" ] || fail "plugin not installed"

for compiler in clang++-19 g++; do
    repo=$WORK/orders-$compiler
    build=$WORK/build-$compiler
    cp -r "$SOURCE/examples/orders" "$repo"
    expect_rc 0 cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=$compiler -DORDERS_WITH_DEVOS=ON \
        -DCMAKE_PREFIX_PATH="$prefix"
    if [ $compiler = g++ ]; then expect_output "DevOS gates: tier 1, check mode"; else expect_output "DevOS gates: tier 1, plugin mode"; fi
    expect_rc 0 cmake --build "$build" --target check-fast
    expect_output "PASSED: 3 gates"
    [ -f "$build/devos/fast.sarif" ] && [ -f "$build/devos/fast.junit.xml" ] || fail "no fast.sarif / fast.junit.xml"
    # The summary ends with the report the same edge wrote: the gates of this run, no network reference.
    [ "$(grep -v '^\[' "$WORK/out.txt" | tail -1)" = "  report: $build/devos/report.html" ] || fail "the summary does not end with the report line"
    grep -q '<td>layering</td><td class="status-passed">passed</td>' "$build/devos/report.html" || fail "report.html lacks the layering gate"
    node "$SOURCE/tests/sarif/validate-sarif.mjs" --no-multitool --schema "$SCHEMA" "$build/devos/fast.sarif" >/dev/null \
        || fail "fast.sarif is not valid SARIF"
    expect_rc 0 cmake --build "$build" --target check-fast
    expect_output "ninja: no work to do."
    expect_rc 0 cmake --build "$build" --target check-full
    expect_output "FULL gate (tier 1)"
    expect_rc 0 cmake --build "$build" --target check-full
    expect_output "ninja: no work to do."

    pricing=$repo/src/logic/pricing.cpp
    cp "$pricing" "$WORK/pricing.orig"
    line=$(grep -n '^#include' "$pricing" | tail -1 | cut -d: -f1)
    sed -i "${line}a #include <cstdlib>\nnamespace orders::logic { const char* devosInjectedEnv() { return std::getenv(\"TAX\"); } }" "$pricing"
    expect_rc 1 cmake --build "$build"
    expect_output "src/logic/pricing.cpp:$((line + 2)):"
    expect_output "[devos purity.env] logic/ must be deterministic: 'getenv' reads the process environment"
    expect_rc 1 cmake --build "$build" --target check-fast
    cp "$WORK/pricing.orig" "$pricing"
    expect_rc 0 cmake --build "$build"
    expect_rc 0 cmake --build "$build" --target check-fast
    expect_output "PASSED: 3 gates"
done

# A failed gate does not stop the others (a format violation leaves the build green), the table
# says which failed, and the next run reports it again without re-running any gate edge.
repo=$WORK/orders-clang++-19
build=$WORK/build-clang++-19
sed -i 's/^namespace orders::logic {$/namespace   orders::logic {/' "$repo/src/logic/validation.cpp"
expect_rc 1 cmake --build "$build" --target check-fast
expect_output "format         FAILED"
expect_output "layering       passed"
expect_output "unit-tests     passed"
expect_output "src/logic/validation.cpp"
expect_rc 1 cmake --build "$build" --target check-fast
expect_output "FAILED: 1 of 3 gates"
expect_no_output "DevOS format"

# Version requests: a range that includes 1.x works, another major does not.
cp -r "$SOURCE/tests/consumer" "$WORK/consumer"
expect_rc 0 cmake -S "$WORK/consumer" -B "$WORK/consumer-range" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
    -DDEVOS_VERSION_REQUEST="1.0...<2.0"
expect_rc 1 cmake -S "$WORK/consumer" -B "$WORK/consumer-v2" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
    -DDEVOS_VERSION_REQUEST="2.0"
expect_output "considered but not accepted"

# DevOS::runtime from the moved prefix: a service links it, records events into the embedded
# store and reads them back; an unknown component fails find_package.
expect_rc 0 cmake -S "$WORK/consumer" -B "$WORK/consumer-runtime" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCONSUMER_WITH_RUNTIME=ON
expect_rc 0 cmake --build "$WORK/consumer-runtime" --target consumer_telemetry
expect_rc 0 "$WORK/consumer-runtime/consumer_telemetry" "$WORK/telemetry" "save failed" "token=ghp_""abcdefghijklmnopqrstuvwxyz0123456789"
expect_output "stored events: 2 in $WORK/telemetry/telemetry.db"
sqlite3 "$WORK/telemetry/telemetry.db" "select message from application_logs" | grep -q ghp_ && fail "a secret reached the store"
printf 'find_package(DevOS 1.0 REQUIRED COMPONENTS nosuch)\n' > "$WORK/nosuch.cmake"
expect_rc 1 cmake -S "$WORK/consumer" -B "$WORK/consumer-nosuch" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES="$WORK/nosuch.cmake"
expect_output "nosuch"
echo "PASS"
