# The ratcheting baseline: create accepts today's findings, a fixed finding makes its entry stale
# (exit 1) until `baseline update` drops it, new findings still fail, CI never creates a baseline.
source "$(dirname "$0")/lib.sh"
cp -r "$SOURCE/tests/fixtures/hexrepo" "$WORK/repo"
configure_db "$WORK/repo" "$WORK/db" g++
expect_rc 2 env CI=true "$DEVOS" baseline create -p "$WORK/db"
expect_output "refusing to create"
expect_rc 0 env -u CI "$DEVOS" baseline create -p "$WORK/db"
expect_output "wrote 55 entries"
expect_rc 0 "$DEVOS" check -p "$WORK/db"
expect_output "(55 baselined)"
expect_rc 2 env -u CI "$DEVOS" baseline create -p "$WORK/db"
expect_output "exists"

# Moving code does not invalidate entries (no line numbers in fingerprints).
sed -i '1i // a new first line shifts every finding down' "$WORK/repo/src/logic/state.cpp"
expect_rc 0 "$DEVOS" check -p "$WORK/db"

# Fix one finding: its entry is stale and fails until the baseline is updated.
sed -i 's/^thread_local int perThread = 0;.*$/constexpr int perThread = 0;/' "$WORK/repo/src/logic/state.cpp"
expect_rc 1 "$DEVOS" check -p "$WORK/db"
expect_output "[devos baseline.stale] baseline entry for purity.mutable-state in src/logic/state.cpp ('perThread')"
expect_rc 0 "$DEVOS" baseline update -p "$WORK/db"
expect_output "dropped 1 fixed entries, 54 remain"
expect_rc 0 "$DEVOS" check -p "$WORK/db"

# A new violation is not covered.
echo 'namespace shop { int freshState = 0; }' >> "$WORK/repo/src/logic/state.cpp"
expect_rc 1 "$DEVOS" check -p "$WORK/db"
expect_output "'freshState' is a mutable namespace-scope variable"
# ... and update never adds it.
expect_rc 0 "$DEVOS" baseline update -p "$WORK/db"
expect_rc 1 "$DEVOS" check -p "$WORK/db"

# A corrupt baseline is a configuration error naming the file.
echo '{"version": 1, "entries": [' > "$WORK/repo/.devos/baseline.json"
expect_rc 2 "$DEVOS" check -p "$WORK/db"
expect_output ".devos/baseline.json:2: error: the baseline is not valid JSON"
echo "PASS"
