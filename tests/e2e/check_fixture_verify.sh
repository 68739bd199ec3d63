# devos check over a g++ compile database of the violations fixture: every inline expectation
# (expected-* and the cross-TU linked-*) must match, and nothing else may be reported.
source "$(dirname "$0")/lib.sh"
configure_db "$SOURCE/tests/fixtures/hexrepo" "$WORK/db" g++
expect_rc 0 "$DEVOS" check -p "$WORK/db" --verify --no-cache
expect_output "0 mismatches"
# The same findings in the default (compiler-style) format, with exit code 1.
expect_rc 1 "$DEVOS" check -p "$WORK/db"
expect_output "src/logic/clock_and_env.cpp:11:16: error: [devos purity.clock] logic/ must be deterministic: 'std::chrono::system_clock::now' reads the clock"
expect_output "src/logic/clock_and_env.cpp:11:16: note: Inject a Clock port (ports/)"
expect_output "[devos purity.transitive] 'shop::stamped' is not pure: shop::stamped() → shop::currentEpochSeconds() [src/adapters/stamp_impl.cpp] → time [purity.clock]"
# A second run with nothing changed is served from the cache.
expect_rc 1 "$DEVOS" check -p "$WORK/db" --format json -o "$WORK/findings.json"
grep -q '"rule": *"purity.clock"' "$WORK/findings.json" || fail "json output lacks purity.clock"
# One file only.
expect_rc 1 "$DEVOS" check -p "$WORK/db" "$SOURCE/tests/fixtures/hexrepo/src/logic/state.cpp"
expect_output "purity.throw"
expect_no_output "purity.clock"
# The agent format: one line per finding.
expect_rc 1 "$DEVOS" check -p "$WORK/db" --format agent
expect_output "rule=purity.clock"
echo "PASS"
