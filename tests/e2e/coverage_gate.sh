# check-full's coverage gate on examples/orders (DevOS from the build tree), under clang-19 (plugin,
# llvm-cov gcov) and g++ (devos check edges, gcov): with -DDEVOS_COVERAGE=ON the unit-tests gate
# starts from zeroed counters and the coverage gate measures them with gcovr; below
# `thresholds.coverage` check-full fails with coverage.threshold at the config line, naming the
# files with the most lines no test runs; at or above it passes; a second run does nothing. Bad
# thresholds and a build without counters are errors that name the file and say what to do.
source "$(dirname "$0")/lib.sh"
: "${BUILD:?}"

for compiler in clang++-19 g++; do
    repo=$WORK/orders-$compiler
    build=$WORK/build-$compiler
    cp -r "$SOURCE/examples/orders" "$repo"
    # A repo of its own: the scan gates read its git index, not that of the checkout the test runs in.
    git -C "$repo" init -q && git -C "$repo" add -A &&
        git -C "$repo" -c user.name=devos -c user.email=devos@example.invalid commit -qm orders
    printf 'tier: 1\nthresholds:\n  coverage: 40\n' > "$repo/.devos/devos.yml"
    expect_rc 0 cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=$compiler -DORDERS_WITH_DEVOS=ON \
        -DDevOS_DIR="$BUILD" -DDEVOS_COVERAGE=ON
    expect_rc 0 cmake --build "$build" --target check-full
    expect_output "counter files removed"
    grep -Eq '^  coverage +passed' "$WORK/out.txt" || { cat "$WORK/out.txt" >&2; fail "coverage gate did not pass"; }
    python3 - "$build/devos/coverage-summary.json" <<'PY' || fail "the coverage summary does not match what the tests run"
import json, sys
doc = json.load(open(sys.argv[1]))
files = {f["filename"]: f for f in doc["files"]}
# The unit tests run all of logic/ and services/; nothing runs the adapters or main(); tests are left out.
assert files["src/logic/pricing.cpp"]["line_covered"] == files["src/logic/pricing.cpp"]["line_total"] > 0, files
assert files["src/adapters/file_order_repository.cpp"]["line_covered"] == 0, files
assert not any("test" in name for name in files), sorted(files)
assert 40 <= 100.0 * doc["line_covered"] / doc["line_total"] < 99, doc
PY
    expect_rc 0 cmake --build "$build" --target check-full
    expect_output "ninja: no work to do."

    # Above what the tests reach: the gate fails at the config line and names the worst files.
    printf 'tier: 1\nthresholds:\n  coverage: 99\n' > "$repo/.devos/devos.yml"
    expect_rc 1 cmake --build "$build" --target check-full
    grep -Eq '^  coverage +FAILED +1' "$WORK/out.txt" || { cat "$WORK/out.txt" >&2; fail "coverage gate did not fail"; }
    expect_output ".devos/devos.yml:3: error: [devos coverage.threshold] line coverage is"
    expect_output "below the 99% threshold"
    expect_output "src/entrypoints/main.cpp:1: note:"
    expect_output "lines no test runs: 0.0%"
    node "$SOURCE/tests/sarif/validate-sarif.mjs" --no-multitool --schema "$SCHEMA" "$build/devos/coverage.sarif" \
        >/dev/null || fail "coverage.sarif is not valid SARIF"
    grep -q '"ruleId": *"coverage.threshold"' "$build/devos/coverage.sarif" || fail "no coverage.threshold in SARIF"

    # Bad thresholds name the file and line; check-full's gate fails with the same message.
    printf 'tier: 1\nthresholds:\n  coverage: 120\n' > "$repo/.devos/devos.yml"
    (cd "$repo" && expect_rc 2 "$DEVOS" coverage -p "$build")
    expect_output ".devos/devos.yml:3: error: threshold 'coverage' must be between 0 and 100"
    printf 'tier: 1\nthresholds:\n  coverge: 80\n' > "$repo/.devos/devos.yml"
    (cd "$repo" && expect_rc 2 "$DEVOS" coverage -p "$build")
    expect_output ".devos/devos.yml:3: error: unknown key 'coverge' in 'thresholds'"
    printf 'tier: 1\n' > "$repo/.devos/devos.yml"

    # --reset removes the counters; a build without any is an error, not 0% or 100%.
    (cd "$repo" && expect_rc 0 "$DEVOS" coverage --reset -p "$build")
    [ -z "$(find "$build" -name '*.gcda')" ] || fail "--reset left .gcda files"
    (cd "$repo" && expect_rc 2 "$DEVOS" coverage -p "$build")
    expect_output "no coverage data (no .gcda counters)"
done

expect_rc 2 "$DEVOS" coverage -p "$WORK/missing"
expect_output "not a build directory"
echo PASS
