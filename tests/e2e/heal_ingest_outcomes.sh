#!/usr/bin/env bash
# Self-heal outcomes detected at ingest (issue 13 part 4): once the proposal's commit is merged into
# the default branch, the next `devos ingest` records it as merged; when its pattern fails again in a
# run that contains it, the next ingest records it as recurred, and the pattern is escalated.
source "$(dirname "$0")/heal_small_repo.sh"
make_small_repo
outcome() { sql "select outcome from selfheal_proposals where proposal_id = '$ATTEMPT'"; }

"$DEVOS" heal --failure "$FAILURE" --format json >"$WORK/heal.json" 2>"$WORK/heal.err" || { cat "$WORK/heal.err" >&2; fail "devos heal failed"; }
ATTEMPT=$(sql "select proposal_id from selfheal_proposals where status = 'proposed'")
BRANCH=selfheal/$ATTEMPT
[ "$(outcome)" = open ] || fail "a new proposal is open"

# A run before the merge changes nothing.
ingest before-merge fail 0.05
[ "$(outcome)" = open ] || fail "merged before the merge: $(outcome)"

# The fix is merged into main; the next CI run's ingest sees it.
git merge -q --no-ff -m "Merge $BRANCH" "$BRANCH"
ingest merged pass 0.06
[ "$(outcome)" = merged ] || fail "not merged at ingest: $(outcome) $(cat "$WORK/merged.err")"
[ "$(sql "select count(*) from application_logs where code = 'selfheal.merged' and message like 'proposal $ATTEMPT%'")" = 1 ] || fail "no single selfheal.merged event"

# The pattern comes back after the merge: the next ingest records the recurrence.
broken "// lost once more\n\n" && git commit -qam "lost once more"
junit "$WORK/back.xml" fail 0.08 && "$DEVOS" ingest junit "$WORK/back.xml" >"$WORK/back.txt" 2>"$WORK/back.err" || fail "ingest back"
[ "$(outcome)" = recurred ] || fail "not recurred at ingest: $(outcome) $(cat "$WORK/back.err")"
grep -q "proposal $ATTEMPT: merged -> recurred" "$WORK/back.txt" || fail "ingest did not say so: $(cat "$WORK/back.txt")"
echo PASS
