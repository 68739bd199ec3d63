#!/usr/bin/env bash
# devos heal publishing at autonomy level 1 (issue 13 part 3) against a local bare repository as the
# remote: a green, low-risk logic/ fix fast-forwards the remote's integration branch (dev) to the
# selfheal commit and nothing else is written there; when dev moved on, dev stays and the proposal
# falls back to level 0 with the reason in PR.md. GitHub's API (a stand-in) with a missing or wrong
# token: the publish step and devos heal sync name DEVOS_GITHUB_TOKEN and never print the token.
# A git server over smart HTTP (git http-backend) whose pre-receive hook refuses: the publish step
# names the remote and the hook's message, nothing is left on the remote; a missing or wrong
# DEVOS_GIT_TOKEN is named, never printed.
source "$(dirname "$0")/heal_small_repo.sh"
REMOTE=$WORK/remote.git
git init -q --bare "$REMOTE"
make_small_repo "autonomy:
  level: 1
branches:
  integration: dev
publish:
  remote: \"$REMOTE\""
git push -q "$REMOTE" main main:dev
remote_refs() { git -C "$REMOTE" for-each-ref --format='%(refname) %(objectname)' | grep -v refs/heads/selfheal/; }

# 1. Level 1: dev is fast-forwarded to the proven fix; main at the remote is untouched.
main_before=$(git -C "$REMOTE" rev-parse main)
"$DEVOS" heal --failure "$FAILURE" --format json >"$WORK/heal.json" 2>"$WORK/heal.err" || { cat "$WORK/heal.err" >&2; fail "devos heal failed"; }
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
[ "$(field "$WORK/heal.json" 'd["status"]')" = proposed ] || fail "not proposed: $(cat "$WORK/heal.json")"
BRANCH=$(field "$WORK/heal.json" 'd["proposal"]["branch"]')
[ "$(git -C "$REMOTE" rev-parse dev)" = "$(git rev-parse "$BRANCH")" ] || fail "dev was not fast-forwarded to $BRANCH"
[ "$(git -C "$REMOTE" rev-parse main)" = "$main_before" ] || fail "main at the remote moved"
[ "$(git rev-parse "$BRANCH^")" = "$C_REGRESSION" ] || fail "the fix is not on top of the failing commit"
field "$WORK/heal.json" '[s["summary"] for s in d["steps"] if s["name"] == "publish"][0]' | grep -q "dev fast-forwarded ${C_REGRESSION:0:7}.." \
    || fail "publish step: $(cat "$WORK/heal.json")"
grep -q "Autonomy: autonomy level 1: auto-fix on dev" "$REPO/$(field "$WORK/heal.json" 'd["proposal"]["bundle"]')/PR.md" || fail "PR.md lacks level 1"
[ "$(sql "select count(*) from application_logs where code = 'selfheal.integration_pushed'")" = 1 ] || fail "no integration_pushed event"

# 2. dev moved on at the remote (a commit this repository never saw): dev stays, level 0 with why.
git -C "$REMOTE" update-ref refs/heads/dev "$(git -C "$REMOTE" -c user.name=o -c user.email=o@e commit-tree -p main -m "someone else's change" "main^{tree}")"
before=$(remote_refs)
broken "// another regression\n\n" && git commit -qam "lost it again" && ingest regression2 fail 0.05
F2=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['failures'][0]['id'])" "$WORK/regression2.json")
"$DEVOS" heal --failure "$F2" --format json >"$WORK/heal2.json" 2>"$WORK/heal2.err" || { cat "$WORK/heal2.err" >&2; fail "the second heal failed"; }
[ "$(field "$WORK/heal2.json" 'd["status"]')" = proposed ] || fail "not proposed: $(cat "$WORK/heal2.json")"
[ "$(remote_refs)" = "$before" ] || fail "the remote's dev or main changed"
PR=$REPO/$(field "$WORK/heal2.json" 'd["proposal"]["bundle"]')/PR.md
grep -q "autonomy level 1 could not act (.* does not fast-forward dev at $REMOTE: dev is at" "$PR" || fail "PR.md lacks the reason: $(grep Autonomy "$PR")"
grep -q "Human review (draft pull request)" "$PR" || fail "not level 0"
[ "$(sql "select count(*) from application_logs where code = 'selfheal.integration_refused'")" = 1 ] || fail "no integration_refused event"
[ -z "$(git for-each-ref refs/remotes)" ] && [ ! -e .git/FETCH_HEAD ] || fail "a local ref was written"

# 3. A missing, then a wrong GitHub token: named, never printed, nowhere written; the proposal stands.
python3 "$SOURCE/tests/e2e/otlp_standin.py" "$WORK/api.jsonl" "$WORK/port" "$WORK/status" &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
echo '401 {"message": "Bad credentials"}' >"$WORK/status"
sed -i '/^autonomy:/,$d' .devos/self-heal.yml # level 0 now: a draft pull request through the API
printf 'slo:\n  maxAttemptsPerPattern: 100\nconcurrency:\n  maxConcurrentPRs: 100\npublish:\n  remote: "%s"\n  repository: acme/orders\n  api: "http://127.0.0.1:%s"\n' "$REMOTE" "$(cat "$WORK/port")" >>.devos/self-heal.yml
git commit -qam "publish to GitHub"
heal_again() { # <name>: a new regression, healed; its publish step's summary in $WORK/<name>.publish
    broken "// $1\n\n" && git commit -qam "$1" && ingest "$1" fail 0.0$((RANDOM % 9 + 1))
    local failure
    failure=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['failures'][0]['id'])" "$WORK/$1.json")
    "$DEVOS" heal --failure "$failure" --format json >"$WORK/$1.heal.json" 2>"$WORK/$1.heal.err" || { cat "$WORK/$1.heal.err" >&2; fail "heal $1"; }
    [ "$(field "$WORK/$1.heal.json" 'd["status"]')" = proposed ] || fail "$1 not proposed: $(cat "$WORK/$1.heal.json")"
    field "$WORK/$1.heal.json" '[s["summary"] for s in d["steps"] if s["name"] == "publish"][0]' >"$WORK/$1.publish"
}
heal_again no-token
grep -q "pushed selfheal/.*; DEVOS_GITHUB_TOKEN is not set: cannot open a pull request" "$WORK/no-token.publish" || fail "missing token not named: $(cat "$WORK/no-token.publish")"
TOKEN=ghp_e2eWrongTokenValue0042
export DEVOS_GITHUB_TOKEN=$TOKEN
heal_again wrong-token
grep -q "GitHub refused the token in DEVOS_GITHUB_TOKEN (HTTP 401 on POST /repos/acme/orders/pulls): Bad credentials" "$WORK/wrong-token.publish" \
    || fail "wrong token not named: $(cat "$WORK/wrong-token.publish")"
grep -q "\"auth\": \"Bearer $TOKEN\"" "$WORK/api.jsonl" || fail "the token was not sent to the API"
set +e; "$DEVOS" heal sync >"$WORK/sync.out" 2>"$WORK/sync.err"; rc=$?; set -e
[ "$rc" != 0 ] || fail "devos heal sync succeeded with a refused token"
grep -q "GitHub refused the token in DEVOS_GITHUB_TOKEN (HTTP 401 on GET /repos/acme/orders/pulls" "$WORK/sync.err" || fail "sync: $(cat "$WORK/sync.err")"
if grep -rqF "$TOKEN" "$WORK"/*.json "$WORK"/*.err "$WORK"/*.out "$WORK"/*.publish "$REPO/.devos" "$REMOTE"; then
    fail "the token was printed or written"
fi

# 4. A real git server over HTTP: its pre-receive hook refuses; then a missing and a wrong git token.
unset DEVOS_GITHUB_TOKEN
GIT_TOKEN=git-e2e-token-0077
mkdir -p "$WORK/srv" && git init -q --bare "$WORK/srv/hooked.git" && git -C "$WORK/srv/hooked.git" config http.receivepack true
printf '#!/bin/sh\necho "push refused: selfheal branches need a ticket" >&2\nexit 1\n' >"$WORK/srv/hooked.git/hooks/pre-receive"
chmod +x "$WORK/srv/hooked.git/hooks/pre-receive"
python3 "$SOURCE/tests/e2e/git_http_standin.py" "$WORK/srv" "$WORK/git-port" "$GIT_TOKEN" &
gitd=$!
trap 'kill $api $gitd 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -s "$WORK/git-port" ] && break; sleep 0.1; done
HOOKED=http://127.0.0.1:$(cat "$WORK/git-port")/hooked.git
sed -i '/^publish:/,$d' .devos/self-heal.yml
printf 'publish:\n  remote: "%s"\n' "$HOOKED" >>.devos/self-heal.yml
git commit -qam "publish to the hooked remote"
export DEVOS_GIT_TOKEN=$GIT_TOKEN
heal_again hooked
grep -q "the remote $HOOKED refused refs/heads/selfheal/.*: pre-receive hook declined (remote: push refused: selfheal branches need a ticket" "$WORK/hooked.publish" \
    || fail "the hook's refusal is not named: $(cat "$WORK/hooked.publish")"
if grep -q "tries)" "$WORK/hooked.publish"; then fail "a refusal was retried: $(cat "$WORK/hooked.publish")"; fi
[ -z "$(git -C "$WORK/srv/hooked.git" for-each-ref)" ] || fail "the refused push left refs on the remote"
git rev-parse -q --verify "$(field "$WORK/hooked.heal.json" 'd["proposal"]["branch"]')" >/dev/null || fail "the proposal's branch is gone"
unset DEVOS_GIT_TOKEN
heal_again no-git-token
grep -q "cannot push selfheal/.* to $HOOKED: the remote asks for credentials and DEVOS_GIT_TOKEN is not set (check DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN (the token is not shown))" "$WORK/no-git-token.publish" \
    || fail "a missing git token is not named: $(cat "$WORK/no-git-token.publish")"
export DEVOS_GIT_TOKEN=wrong-$GIT_TOKEN
heal_again wrong-git-token
grep -q "cannot push selfheal/.* to $HOOKED: the remote refused the credentials from DEVOS_GIT_USERNAME and DEVOS_GIT_TOKEN" "$WORK/wrong-git-token.publish" \
    || fail "a wrong git token is not named: $(cat "$WORK/wrong-git-token.publish")"
if grep -rqF "$GIT_TOKEN" "$WORK"/*.json "$WORK"/*.err "$WORK"/*.publish "$REPO/.devos" "$REPO/.git/config"; then
    fail "the git token was printed or written"
fi
echo PASS
