#!/usr/bin/env bash
# devos heal end to end against the test PostgreSQL (DEVOS_DATABASE_URL): the fix memory is learned
# into PostgreSQL, the playbook heals the regression on selfheal/<id>, the attempt row and the
# selfheal.* events are in PostgreSQL, a second heal of the same failure stops on its open proposal,
# and the kill switch does nothing. The checkout is unchanged after each run.
source "$(dirname "$0")/self_heal_lib.sh"
: "${DEVOS_TEST_PG_URL:?}"
psql -q "$DEVOS_TEST_PG_URL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null
export DEVOS_DATABASE_URL=$DEVOS_TEST_PG_URL
sql() { psql -qAt "$DEVOS_TEST_PG_URL" -c "$1"; }
make_history "$WORK/orders"
cd "$REPO"
[ "$(sql "select count(*) from selfheal_fixes where source = 'history'")" = 3 ] || fail "no fixes in PostgreSQL"
expect_rc 0 "$DEVOS" heal fixes
expect_output "3 recorded fixes in PostgreSQL"
expect_heal 0 --failure "$F_ROUND" -p build
expect_output "propose   playbook: re-applies ${C_FIX:0:7}'s change to src/logic/pricing.cpp (context moved 5 lines)"
expect_output "prove     before: Pricing.BasisPointsRoundHalfUp fails · after: it passes, 19/19 unit tests pass, check-fast passed"
expect_output "branch    selfheal/"
[ "$(selfheal_branches)" = 1 ] || fail "no selfheal branch"
[ "$(sql "select status || ' ' || agent || ' ' || risk_score from selfheal_proposals")" = "proposed playbook 12" ] \
    || fail "no proposed row in PostgreSQL"
[ "$(sql "select count(*) from application_logs where code like 'selfheal.%'")" -ge 4 ] || fail "no selfheal events"
expect_heal 1 --failure "$F_ROUND" -p build
expect_output "stopped   concurrency: failure $F_ROUND already has the open proposal"
# Outcomes land in PostgreSQL: the proposal merged (the learned fix recurred at the regression).
proposal_branch=$(git for-each-ref --format='%(refname:short)' refs/heads/selfheal/)
git -c user.name=dev -c user.email=dev@example.com merge -q --no-ff -m "Merge $proposal_branch" "$proposal_branch"
expect_rc 0 "$DEVOS" heal sync
expect_output "open -> merged"
[ "$(sql "select outcome from selfheal_proposals")" = merged ] || fail "no merged outcome in PostgreSQL"
[ "$(sql "select count(*) from selfheal_fixes where outcome = 'recurred'")" -ge 1 ] || fail "no recurred fix in PostgreSQL"
printf 'enabled: false\n' >.devos/self-heal.yml
expect_heal 1 --latest -p build
expect_output "stopped   disabled"
[ "$(sql "select count(*) from selfheal_proposals")" = 1 ] || fail "a skipped heal wrote a row"
echo PASS
