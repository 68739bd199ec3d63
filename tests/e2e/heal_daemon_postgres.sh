#!/usr/bin/env bash
# devos heal --daemon against the test PostgreSQL: two daemons on one database, woken by LISTEN
# devos_failures, heal many failures each exactly once (one finished claim and one proposal per
# failure, one selfheal branch per proposal), keep their place through a database crash and
# restart, write heartbeat events, and stop cleanly on SIGTERM. The proof runs `commands:` (shell
# one-liners) so no compiler runs; git, the fix memory, the playbook and PostgreSQL are real.
source "$(dirname "$0")/lib.sh"
: "${DEVOS_TEST_PG_URL:?}"
unset DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL DEVOS_AGENT_URL DEVOS_AGENT_MODEL DEVOS_AGENT_API_KEY
psql -q "$DEVOS_TEST_PG_URL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null
export DEVOS_DATABASE_URL=$DEVOS_TEST_PG_URL
sql() { psql -qAt "$DEVOS_TEST_PG_URL" -c "$1"; }
PG=$SOURCE/scripts/pg-test-server.sh
TESTS=4 # failing tests per run

REPO=$WORK/repo && mkdir -p "$REPO/src/logic" "$REPO/tests" "$REPO/.devos" && cd "$REPO"
git init -q -b main && git config user.email dev@example.com && git config user.name dev
printf 'int value();\n' >src/logic/value.hpp
for i in $(seq 1 $TESTS); do
    printf '#include "logic/value.hpp"\n#include <gtest/gtest.h>\nTEST(Value, Case%s) { EXPECT_EQ(value(), 2); }\n' "$i"
done >tests/value_test.cpp
cat >.devos/self-heal.yml <<'YML'
enabled: true
flake:
  reruns: 0
slo:
  maxAttemptsPerPattern: 100
concurrency:
  maxConcurrentProposals: 2
  maxConcurrentPRs: 100
commands:
  configure: "true"
  build: "true"
  test: "grep -q 'return 2' src/logic/value.cpp"
  unitTests: "echo '100% tests passed, 0 tests failed out of 4'"
  gate: "true"
YML
printf '.devos/selfheal/\n' >.gitignore
fixed() { printf '%sint value() {\n    return 2;\n}\n' "${1:-}" >src/logic/value.cpp; }
broken() { printf '%sint value() {\n    return 1;\n}\n' "${1:-}" >src/logic/value.cpp; }

# junit <file> pass|fail: one run of the $TESTS tests; a failure's message names its case. Each run
# takes its own time ($RUN_TIME): an identical report at the same commit is a retried ingest, not a run.
junit() {
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo "<testsuite name=\"Value\" tests=\"$TESTS\" failures=\"$([ "$2" = fail ] && echo $TESTS || echo 0)\">"
        for i in $(seq 1 $TESTS); do
            if [ "$2" = fail ]; then
                echo "<testcase name=\"Case$i\" classname=\"Value\" time=\"${RUN_TIME:-0.01}\"><failure message=\"tests/value_test.cpp:3: Failure case $i: value() is 1, expected 2\"/></testcase>"
            else
                echo "<testcase name=\"Case$i\" classname=\"Value\" time=\"${RUN_TIME:-0.01}\"/>"
            fi
        done
        echo '</testsuite>'
    } >"$1"
}
ingest() { junit "$WORK/$1.xml" "$2" && "$DEVOS" ingest junit "$WORK/$1.xml" >"$WORK/$1.txt" 2>&1 || { cat "$WORK/$1.txt" >&2; fail "ingest $1"; }; }

# History: fixed, broken (failures), fixed again (the fix memory learns each fix), then the regression.
fixed && git add -A && git commit -qm "value" && ingest good pass
broken && git commit -qam "value: 1" && ingest lost fail
fixed && git commit -qam "value: 2 again" && ingest fixed pass
[ "$(sql "select count(*) from selfheal_fixes")" = $TESTS ] || fail "no fixes learned: $(cat "$WORK/fixed.txt")"
broken "// moved on\n\n" && git commit -qam "merge that lost the fix"
C_REGRESSION=$(git rev-parse HEAD)
earlier=$(sql "select count(*) from test_failures") # the first breakage's: healed too (window 1 day)

# Two daemons on one database, then three CI runs of the regression: 3 x $TESTS failures.
daemon() { "$DEVOS" heal --daemon --daemon-id "$1" --poll-ms 2000 --heartbeat-ms 300 >"$WORK/$1.out" 2>"$WORK/$1.err" & }
daemon d1; D1=$!
daemon d2; D2=$!
trap 'kill $D1 $D2 2>/dev/null || true' EXIT
for run in 1 2 3; do RUN_TIME=0.0$((run + 1)) ingest "regression$run" fail; done
total=$((earlier + 3 * TESTS))
# wait_done <n>: until n claims are done (60 s at most).
wait_done() {
    for _ in $(seq 1 300); do
        [ "$(sql "select count(*) from selfheal_claims where state = 'done'")" -ge "$1" ] && return 0
        sleep 0.2
    done
    cat "$WORK/d1.err" "$WORK/d2.err" >&2
    fail "only $(sql "select count(*) from selfheal_claims where state = 'done'") of $1 failures healed"
}
wait_done "$total"

# A database crash while the daemons wait: they keep their place, reconnect, and heal what comes next.
"$PG" kill
sleep 2
"$PG" restart >/dev/null
for _ in $(seq 1 50); do psql -qAt "$DEVOS_TEST_PG_URL" -c 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
RUN_TIME=0.05 ingest regression4 fail
total=$((earlier + 4 * TESTS))
wait_done "$total"
grep -q "store unavailable\|notifications lost" "$WORK/d1.err" "$WORK/d2.err" || fail "no daemon saw the crash"

# SIGTERM: both stop cleanly.
kill -TERM $D1 $D2
wait $D1 || fail "daemon d1 did not exit 0 after SIGTERM: $(tail -5 "$WORK/d1.err")"
wait $D2 || fail "daemon d2 did not exit 0 after SIGTERM: $(tail -5 "$WORK/d2.err")"
trap - EXIT
grep -q "stopped: healed" "$WORK/d1.err" || fail "d1 did not log its stop"

# Each failure healed exactly once: one finished claim each; one proposal (and one branch) at most,
# and every failure of the regression proposed.
[ "$(sql "select count(*) from test_failures")" = "$total" ] || fail "expected $total failures"
[ "$(sql "select count(*) from selfheal_claims where state = 'done'")" = "$total" ] || fail "claims != failures"
[ "$(sql "select count(*) from selfheal_claims c join test_failures f using (failure_id) join test_runs r using (run_id)
         where r.commit_sha = '$C_REGRESSION' and c.status = 'proposed'")" = $((4 * TESTS)) ] \
    || fail "not every regression failure was proposed: $(sql "select status, count(*) from selfheal_claims group by status")"
proposed=$(sql "select count(*) from selfheal_proposals where status = 'proposed'")
[ "$proposed" = "$(sql "select count(*) from selfheal_claims where status = 'proposed'")" ] || fail "proposals != proposed claims"
[ "$(sql "select count(*) from (select trigger_id from selfheal_proposals where status = 'proposed' group by trigger_id having count(*) > 1) t")" = 0 ] \
    || fail "a failure was proposed twice"
[ "$(git for-each-ref refs/heads/selfheal/ | wc -l)" = "$proposed" ] || fail "branches != proposals"
[ -z "$(git worktree list | sed 1d)" ] || fail "a worktree was left"
[ "$(sql "select count(*) from application_logs where code = 'selfheal.daemon.heartbeat'")" -ge 2 ] || fail "no heartbeat events"
# devos heal report: its numbers are the rows' and are recorded as metrics_samples rows.
"$DEVOS" heal report --since 1d --format json >"$WORK/report.json" || fail "devos heal report failed"
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$WORK/report.json"; }
[ "$(field 'd["attempts"]')" = "$(sql "select count(*) from selfheal_proposals")" ] || fail "report attempts != rows: $(sql "select status, count(*) from selfheal_proposals group by status")"
[ "$(field 'd["proposed"]')" = "$proposed" ] || fail "report proposed != rows"
[ "$(field 'd["open"]')" = "$proposed" ] || fail "every proposal is still open"
[ "$(sql "select value::bigint from metrics_samples where name = 'selfheal.report.proposed'")" = "$proposed" ] \
    || fail "the report's metrics row differs"
[ "$(sql "select count(*) from metrics_samples where name = 'selfheal.step.millis' and tags->>'step' = 'prove'")" \
    = "$(sql "select count(*) from selfheal_proposals where status = 'proposed'")" ] || fail "no prove step sample per proposal"
"$DEVOS" heal report --since 1d >"$WORK/report.txt" || fail "devos heal report (text) failed"
grep -q "proposed $proposed · merged 0 (0%)" "$WORK/report.txt" || fail "report text: $(cat "$WORK/report.txt")"
echo "healed by d1: $(sql "select count(*) from selfheal_claims where daemon_id = 'd1'"), by d2: $(sql "select count(*) from selfheal_claims where daemon_id = 'd2'")"
echo PASS
