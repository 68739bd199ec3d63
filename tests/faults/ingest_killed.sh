# Issue 16 item 2: `devos ingest` killed (kill -9) while it holds the SQLite write transaction stores
# nothing; the retry stores the run, every failure and every failure's vector exactly once (each one
# found by search), and a second retry adds nothing ("already stored").
source "$(dirname "$0")/lib.sh"
unset DEVOS_DATABASE_URL DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL
db=$WORK/telemetry.db
big_report "$WORK/big.xml" 4000
big_report "$WORK/small.xml" 2
expect_rc 0 "$DEVOS" ingest junit "$WORK/small.xml" --db "$db" # migrated: the next write lock is the ingest's

"$DEVOS" ingest junit "$WORK/big.xml" --db "$db" >"$WORK/killed.txt" 2>&1 &
pid=$!
# Wait until the ingest holds the write lock (another writer cannot BEGIN IMMEDIATE), then kill it.
held=no
for _ in $(seq 1 3000); do
    if ! sqlite3 -cmd ".timeout 0" "$db" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; then
        held=yes
        kill -9 "$pid"
        break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
done
wait "$pid" && fail "the ingest finished before it could be killed: $(cat "$WORK/killed.txt")" || true
[ "$held" = yes ] || fail "never saw the ingest's write transaction"
count() { sqlite3 "$db" "SELECT count(*) FROM $1"; }
[ "$(count test_runs)" = 1 ] || fail "a killed ingest left a run: $(count test_runs) runs"
[ "$(count test_failures)" = 2 ] || fail "a killed ingest left failures: $(count test_failures)"
[ "$(count embeddings)" = 2 ] || fail "a killed ingest left vectors: $(count embeddings)"

expect_rc 0 "$DEVOS" ingest junit "$WORK/big.xml" --db "$db"
expect_output "4000 failed"
[ "$(count test_runs)" = 2 ] || fail "retry: $(count test_runs) runs, expected 2"
[ "$(count test_failures)" = 4002 ] || fail "retry: $(count test_failures) failures, expected 4002"
[ "$(count embeddings)" = 4002 ] || fail "retry: $(count embeddings) vectors, expected 4002"
[ "$(sqlite3 "$db" "SELECT count(*) FROM test_failures f LEFT JOIN embeddings e ON e.owner_id = f.failure_id WHERE e.owner_id IS NULL")" = 0 ] \
    || fail "failures without a vector (never found by search)"
expect_rc 0 "$DEVOS" search "order lost its zozzmb discount code" --db "$db" -k 1 --threshold 0
expect_output "LosesDiscount3999"
# The same report again (the process killed after its commit, then retried): nothing added.
expect_rc 0 "$DEVOS" ingest junit "$WORK/big.xml" --db "$db"
expect_output "already stored"
[ "$(count test_runs)" = 2 ] || fail "a second retry duplicated the run"
[ "$(count test_failures)" = 4002 ] || fail "a second retry duplicated failures"
echo PASS
