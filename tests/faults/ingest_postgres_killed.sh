# Issue 16 item 2 on PostgreSQL: the server stopped with `pg_ctl -m immediate` while `devos ingest`
# is inserting stores nothing (the command fails, saying so); after a restart the retry stores the
# run, every failure and every vector exactly once, and a second retry adds nothing.
source "$(dirname "$0")/lib.sh"
: "${DEVOS_TEST_PG_URL:?the pg fixture sets it}"
unset DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL
export DEVOS_DATABASE_URL=$DEVOS_TEST_PG_URL
pg() { psql -qAt "$DEVOS_TEST_PG_URL" -c "$1"; }
pg 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
trap '"$SOURCE/scripts/pg-test-server.sh" restart >/dev/null 2>&1 || true' EXIT
big_report "$WORK/big.xml" 3000
big_report "$WORK/small.xml" 2
expect_rc 0 "$DEVOS" ingest junit "$WORK/small.xml" # migrated

"$DEVOS" ingest junit "$WORK/big.xml" >"$WORK/killed.txt" 2>&1 &
pid=$!
# Wait until the server is inside the ingest's transaction (inserting failures), then crash it.
seen=no
for _ in $(seq 1 2000); do
    if [ "$(pg "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO test_failures%'" 2>/dev/null)" = 1 ]; then
        seen=yes
        "$SOURCE/scripts/pg-test-server.sh" kill
        break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
done
set +e; wait "$pid"; rc=$?; set -e
[ "$seen" = yes ] || fail "never saw the ingest inside its transaction: $(cat "$WORK/killed.txt")"
[ "$rc" = 1 ] || fail "the interrupted ingest exited $rc: $(cat "$WORK/killed.txt")"
grep -qF "nothing was stored" "$WORK/killed.txt" || fail "no 'nothing was stored': $(cat "$WORK/killed.txt")"
"$SOURCE/scripts/pg-test-server.sh" restart
[ "$(pg 'SELECT count(*) FROM test_runs')" = 1 ] || fail "the crash left a run: $(pg 'SELECT count(*) FROM test_runs')"
[ "$(pg 'SELECT count(*) FROM test_failures')" = 2 ] || fail "the crash left failures"
[ "$(pg 'SELECT count(*) FROM embeddings')" = 2 ] || fail "the crash left vectors"

expect_rc 0 "$DEVOS" ingest junit "$WORK/big.xml"
[ "$(pg 'SELECT count(*) FROM test_runs')" = 2 ] || fail "retry: wrong run count"
[ "$(pg 'SELECT count(*) FROM test_failures')" = 3002 ] || fail "retry: $(pg 'SELECT count(*) FROM test_failures') failures"
[ "$(pg 'SELECT count(*) FROM embeddings')" = 3002 ] || fail "retry: $(pg 'SELECT count(*) FROM embeddings') vectors"
expect_rc 0 "$DEVOS" search "order lost its zozmkb discount code" -k 1 --threshold 0
expect_output "LosesDiscount2999"
expect_rc 0 "$DEVOS" ingest junit "$WORK/big.xml"
expect_output "already stored"
[ "$(pg 'SELECT count(*) FROM test_failures')" = 3002 ] || fail "a second retry duplicated failures"
echo PASS
