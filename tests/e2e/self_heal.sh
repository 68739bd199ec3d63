#!/usr/bin/env bash
# devos heal end to end on a git repository made from examples/orders (issue 11), SQLite store:
# a learned fix lost again in a merge is re-applied by the playbook, proven in a worktree (fails
# before, passes after, unit tests, check-fast), committed on selfheal/<id> and written up; the chat
# agent (a stand-in server) heals another failure; every malicious answer is rejected with its
# rule; a flaky test is `flaky`; nothing similar is `no_fix_found`; the SLO stops a pattern after N
# attempts; the kill switch and a paused pattern do nothing; bad input is a clear error. After
# every run the user's checkout (HEAD, refs, index, work tree, stash, even a dirty work tree) is
# byte for byte what it was, and no branch is left for a rejected patch.
source "$(dirname "$0")/self_heal_lib.sh"
db=$WORK/telemetry.db
make_history "$WORK/orders" --db "$db"
cd "$REPO"

# A dirty checkout: a stash entry, a staged file and a modified tracked file, all left alone.
echo "scratch" >>README.md && git stash -q && echo "local notes" >NOTES.md && git add NOTES.md && echo "wip" >>README.md

# 1. The playbook re-applies the learned fix.
expect_heal 0 --failure "$F_ROUND" -p build --db "$db" --format json
cp "$WORK/out.txt" "$WORK/playbook.json"
[ "$(field "$WORK/playbook.json" 'd["status"]')" = proposed ] || fail "not proposed"
[ "$(field "$WORK/playbook.json" 'd["proposal"]["agent"]')" = playbook ] || fail "not the playbook"
[ "$(field "$WORK/playbook.json" '" ".join(s["name"] for s in d["steps"])')" = \
    "detect flake slo retrieve propose validate prove branch proposal" ] || fail "wrong steps"
steps=$(field "$WORK/playbook.json" '"\n".join(s["name"] + "  " + s["summary"] for s in d["steps"])')
for line in "flake  failed 3 of 3 reruns on the unpatched code: deterministic" \
    "propose  playbook: re-applies ${C_FIX:0:7}'s change to src/logic/pricing.cpp (context moved 5 lines)" \
    "validate  ok: 1 file, +1 -1, logic/ covered by the failing test; risk 12 (low)" \
    "prove  before: Pricing.BasisPointsRoundHalfUp fails · after: it passes, 19/19 unit tests pass, check-fast passed"; do
    grep -qF "$line" <<<"$steps" || fail "expected the step '$line' in: $steps"
done
branch=$(field "$WORK/playbook.json" 'd["proposal"]["branch"]')
bundle=$REPO/$(field "$WORK/playbook.json" 'd["proposal"]["bundle"]')
[ "$(git rev-parse "$branch^")" = "$C_REGRESSION" ] || fail "the proposal is not on top of the failing commit"
grep -qF "$pricing_fixed" <<<"$(git show "$branch:src/logic/pricing.cpp")" || fail "the branch lacks the fix"
message=$(git log -1 --format=%B "$branch")
grep -q "^DevOS-Pattern: [0-9a-f]\{64\}$" <<<"$message" || fail "no DevOS-Pattern trailer: $message"
grep -q "^DevOS-Proposal: ${branch#selfheal/}$" <<<"$message" || fail "no DevOS-Proposal trailer: $message"
for f in PR.md fix.patch report.json gates.sarif; do [ -s "$bundle/$f" ] || fail "no $f"; done
grep -q 'Labels: `self-heal`, `risk-low`' "$bundle/PR.md" || fail "PR.md lacks the labels"
grep -q '| gate (check-fast) | passed |' "$bundle/PR.md" || fail "PR.md lacks the proof"
node "$SOURCE/tests/sarif/validate-sarif.mjs" --no-multitool --schema "$SCHEMA" "$bundle/gates.sarif" >/dev/null \
    || fail "gates.sarif is not valid SARIF"
git clone -q "$REPO" "$WORK/clone" && git -C "$WORK/clone" checkout -q "$C_REGRESSION"
git -C "$WORK/clone" apply --check "$bundle/fix.patch" || fail "fix.patch does not apply to the failing commit"
[ ! -e "$bundle/worktree" ] && [ ! -e "$bundle/build" ] || fail "the worktree was left behind"
[ "$(sqlite3 "$db" "select status || ' ' || risk_score from selfheal_proposals")" = "proposed 12" ] || fail "no proposed row"
grep -q selfheal.proposed <<<"$(sqlite3 "$db" "select code from application_logs")" || fail "no selfheal.proposed event"
# The same failure again: its proposal is open, so nothing is attempted (text output).
expect_heal 1 --failure "$F_ROUND" -p build --db "$db"
expect_output "stopped   concurrency: failure $F_ROUND already has the open proposal ${branch#selfheal/} on $branch"

# 2. The chat agent (a stand-in server) heals another failure; its key goes into a header only.
: >"$WORK/answer.txt"
python3 "$SOURCE/tests/e2e/chat_standin.py" "$WORK/answer.txt" "$WORK/requests.jsonl" "$WORK/port" &
standin=$!
trap 'kill $standin 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
export DEVOS_AGENT_URL=http://127.0.0.1:$(cat "$WORK/port") DEVOS_AGENT_MODEL=standin-coder DEVOS_AGENT_API_KEY=sk-standin-secret-0042
printf 'src/logic/pricing.cpp\n<<<<<<< SEARCH\n%s\n=======\n%s\n>>>>>>> REPLACE\n' "$pricing_broken" "$pricing_fixed" >"$WORK/answer.txt"
expect_heal 0 --failure "$F_TAX" -p build --db "$db" --agent chat --format json
cp "$WORK/out.txt" "$WORK/chat.json"
[ "$(field "$WORK/chat.json" 'd["proposal"]["agent"] + " " + d["proposal"]["model"]')" = "chat standin-coder" ] || fail "not the chat agent"
chat_bundle=$REPO/$(field "$WORK/chat.json" 'd["proposal"]["bundle"]')
grep -q '"auth": "Bearer sk-standin-secret-0042"' "$WORK/requests.jsonl" || fail "the key was not sent"
grep -q 'TaxIsChargedOnTheDiscountedAmount' "$WORK/requests.jsonl" || fail "the model did not get the failure"
if grep -rq sk-standin-secret "$chat_bundle" "$db" "$WORK/out.txt" "$WORK/err.txt"; then fail "the API key was written"; fi
git -C "$REPO" branch -D -q "$(field "$WORK/chat.json" 'd["proposal"]["branch"]')"
[ "$(selfheal_branches)" = 1 ] || fail "expected only the playbook's branch"

# 3. Malicious or broken answers: each rejected with its rule, no branch, no worktree left.
printf 'enabled: true\nflake:\n  reruns: 0\nslo:\n  maxAttemptsPerPattern: 50\ntimeouts:\n  agent: 2\n' >.devos/self-heal.yml
block() { printf '%s\n<<<<<<< SEARCH\n%s\n=======\n%s\n>>>>>>> REPLACE\n' "$1" "$2" "$3"; }
expect_rejected() { # <rule> <answer>
    printf '%s' "$2" >"$WORK/answer.txt"
    expect_heal 1 --failure "$F_TAX" -p build --db "$db" --agent chat --format json
    [ "$(field "$WORK/out.txt" 'd["rejections"][0]["rule"]')" = "$1" ] || fail "expected rule $1: $(cat "$WORK/out.txt")"
    [ "$(selfheal_branches)" = 1 ] || fail "a branch was left for a rejected patch ($1)"
    [ -z "$(git worktree list | sed 1d)" ] || fail "a worktree was left ($1)"
}
expect_rejected path.outside-repo "$(block ../outside.cpp 'int x;' 'int y;')"
expect_rejected path.outside-repo "$(block /etc/passwd 'root' 'evil')"
expect_rejected path.git-dir "$(block .git/config '[core]' '[core]\n  fsmonitor = evil')"
expect_rejected path.symlink "$(block src/logic/rates_link.cpp '# orders' '# pwned')"
expect_rejected dependency.find-package "$(block CMakeLists.txt '    find_package(GTest REQUIRED)' $'    find_package(GTest REQUIRED)\n    find_package(Boost REQUIRED)')"
expect_rejected dependency.include "$(block src/logic/pricing.cpp '#include <numeric>' $'#include <numeric>\n#include <boost/multiprecision/cpp_int.hpp>')"
expect_rejected logic.untested "$(block src/logic/validation.cpp 'namespace orders::logic {' $'namespace orders::logic {\n// touched')"
expect_rejected answer.format "Sure! Just round half up in pricing.cpp."
[ "$(field "$WORK/out.txt" 'd["reason"]')" = validation_failed ] || fail "garbage is not validation_failed"
printf 'SLEEP' >"$WORK/answer.txt"
expect_heal 1 --failure "$F_TAX" -p build --db "$db" --agent chat --format json
[ "$(field "$WORK/out.txt" 'd["reason"] + " " + d["rejections"][0]["rule"]')" = "no_fix_found agent.timeout" ] \
    || fail "a timeout is not agent.timeout: $(cat "$WORK/out.txt")"

# 4. Nothing similar with a fix: the playbook finds none.
flaky_counter=$WORK/flaky.count && echo 0 >"$flaky_counter"
ORDERS_FLAKY_COUNTER=$flaky_counter run_tests flaky --db "$db"
F_FLAKY=$(failure_of "$WORK/flaky.json" Flaky.FailsEveryOtherRun)
expect_heal 1 --failure "$F_FLAKY" -p build --db "$db" --agent playbook
expect_output "stopped   no_fix_found: playbook: "

# 5. The SLO: two attempts on a pattern, the third is escalated.
printf 'enabled: true\nflake:\n  reruns: 0\nslo:\n  maxAttemptsPerPattern: 2\n  timeWindow: "1 day"\n' >.devos/self-heal.yml
printf 'not an answer' >"$WORK/answer.txt"
for _ in 1 2; do expect_heal 1 --failure "$F_OVERFLOW" -p build --db "$db" --agent chat; expect_output "validation_failed"; done
expect_heal 1 --failure "$F_OVERFLOW" -p build --db "$db" --agent chat
expect_output "stopped   slo_exceeded: 2 attempts for this pattern in 1 day"

# 6. A flaky test is never a fix target.
printf 'enabled: true\n' >.devos/self-heal.yml
ORDERS_FLAKY_COUNTER=$flaky_counter expect_heal 1 --failure "$F_FLAKY" -p build --db "$db"
expect_output "flaky: "
[ "$(sqlite3 "$db" "select status from selfheal_proposals where trigger_id = '$F_FLAKY' order by ts desc limit 1")" = flaky ] \
    || fail "the flaky attempt is not recorded"

# 7. The kill switch and a paused pattern: nothing happens.
rows=$(sqlite3 "$db" "select count(*) from selfheal_proposals")
printf 'enabled: false\n' >.devos/self-heal.yml
expect_heal 1 --failure "$F_TAX" -p build --db "$db"
expect_output "stopped   disabled: self-heal is disabled"
pattern=$(field "$WORK/regression.json" '[f["pattern_id"] for f in d["failures"] if f["test"] == "Pricing.TaxIsChargedOnTheDiscountedAmount"][0]')
printf 'enabled: true\npausedPatterns: ["%s"]\n' "$pattern" >.devos/self-heal.yml
expect_heal 1 --failure "$F_TAX" -p build --db "$db"
expect_output "stopped   paused: pattern $pattern is in pausedPatterns"
[ "$(sqlite3 "$db" "select count(*) from selfheal_proposals")" = "$rows" ] || fail "a skipped heal wrote a row"

# 8. Bad input: clear errors (exit 2) naming the file and line, or the reason (exit 1).
printf 'enabled: true\nslo:\n  maxAttempts: 3\n' >.devos/self-heal.yml
expect_heal 2 --failure "$F_TAX" -p build --db "$db"
grep -q ".devos/self-heal.yml:3: error: unknown key 'slo.maxAttempts'" "$WORK/err.txt" || fail "$(cat "$WORK/err.txt")"
printf 'enabled: true\nflake:\n  reruns: 1\ncommands:\n  configure: "cmake -S {source} -B {build} -DORDERS_WITH_DEVOS=ON -DDevOS_DIR=/nonexistent"\n' >.devos/self-heal.yml
expect_heal 1 --failure "$F_TAX" -p build --db "$db"
expect_output "stopped   not_reproduced: configure failed"
printf 'enabled: true\n' >.devos/self-heal.yml
expect_heal 2 --failure 01NOSUCHFAILURE00000000000 -p build --db "$db"
grep -q "unknown failure id" "$WORK/err.txt" || fail "no message for an unknown id"
expect_heal 2 --failure "$F_TAX" -p "$WORK" --db "$db"
grep -q "is not a configured CMake build" "$WORK/err.txt" || fail "no message for a bad -p"
unset DEVOS_AGENT_URL
expect_heal 2 --failure "$F_TAX" -p build --db "$db" --agent chat
grep -q "needs a chat server" "$WORK/err.txt" || fail "no message for a missing chat server"
nogit=$(mktemp -d) && cd "$nogit"
expect_rc 2 "$DEVOS" heal --latest --db "$db"
expect_output "not inside a git repository"
cd "$REPO" && rm -rf "$nogit"
expect_rc 2 "$DEVOS" heal --failure x --latest
[ "$(selfheal_branches)" = 1 ] || fail "expected only the playbook's branch at the end"

# 9. Outcomes: the playbook's proposal is merged, then reverted; devos heal sync records each once.
proposal_branch=$(git for-each-ref --format='%(refname:short)' refs/heads/selfheal/)
git stash -q # the user's work in progress (section 1) out of the way of the merge
git -c user.name=dev -c user.email=dev@example.com merge -q --no-ff -m "Merge $proposal_branch" "$proposal_branch"
expect_rc 0 "$DEVOS" heal sync --db "$db"
expect_output "proposal ${proposal_branch#selfheal/}  pattern "
expect_output "open -> merged (in $(git rev-parse --short=7 HEAD))"
expect_rc 0 "$DEVOS" heal sync --db "$db"
expect_output "0 changed"
git -c user.name=dev -c user.email=dev@example.com revert --no-edit -m 1 HEAD >/dev/null
expect_rc 0 "$DEVOS" heal sync --db "$db" --format json
[ "$(field "$WORK/out.txt" '[c["to"] + " " + c["reverted_by"] for c in d["changes"] if c["subject"] == "proposal"][0]')" = "reverted $(git rev-parse HEAD)" ] \
    || fail "the revert is not recorded: $(cat "$WORK/out.txt")"
[ "$(sqlite3 "$db" "select outcome from selfheal_proposals where branch = '$proposal_branch'")" = reverted ] \
    || fail "the proposal's row does not say reverted"
echo PASS
