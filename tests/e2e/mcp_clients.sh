#!/usr/bin/env bash
# devos mcp driven by real MCP clients over stdio: the official SDKs (v1, and v2 in legacy, auto and
# pinned-2026-07-28 modes) call every tool against the violations fixture (a g++ compile database)
# and a telemetry file with ingested failures; a plain JSON-RPC client sends bad input, wrong
# versions and a cancellation; the MCP Inspector CLI lists, calls and reads with JSON output.
source "$(dirname "$0")/lib.sh"
unset DEVOS_DATABASE_URL DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL
clients="$SOURCE/tests/mcp"
[ -d "$clients/node_modules/@modelcontextprotocol/sdk" ] && [ -d "$clients/node_modules/@modelcontextprotocol/client" ] ||
    fail "the MCP client SDKs are not installed: run scripts/setup.sh (npm ci --prefix tests/mcp)"

# A copy of the violations fixture: devos_allow writes into it.
cp -r "$SOURCE/tests/fixtures/hexrepo" "$WORK/hexrepo"
export REPO="$WORK/hexrepo" BUILD="$WORK/db" DB="$WORK/telemetry.db"
printf 'dependencies:\n  floors: { nlohmann_json: "99.0" }\n  bans: { Threads: use std::jthread }\n' >>"$REPO/.devos/devos.yml"
configure_db "$REPO" "$BUILD" g++

cat >"$WORK/run1.xml" <<'XML'
<testsuites><testsuite name="OrderRepoTest" tests="2" failures="2">
<testcase name="SavesOrder" classname="OrderRepoTest" time="0.1"><failure message="SEGV on unknown address 0x7ffd5a3c0010 in OrderRepo::save at order_repo.cpp:42 after 3 retries">#0 0x55d0c0a1 in orders::OrderRepo::save(orders::Order const&amp;) /home/ci/src/order_repo.cpp:42</failure></testcase>
<testcase name="AppliesDiscount" classname="OrderRepoTest" time="0.1"><failure message="expected total 12.50 but got 13.00 for customer gold tier">pricing_test.cpp:17: Failure</failure></testcase>
</testsuite></testsuites>
XML
cat >"$BUILD/run2.xml" <<'XML'
<testsuites><testsuite name="CartTest" tests="1" failures="1">
<testcase name="Totals" classname="CartTest" time="0.1"><failure message="expected 3 items but got 2">cart_test.cpp:9: Failure</failure></testcase>
</testsuite></testsuites>
XML
cd "$WORK"
expect_rc 0 "$DEVOS" ingest junit run1.xml --db "$DB" --format json
FAILURE_ID=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["failures"][0]["id"])' <"$WORK/out.txt")
export FAILURE_ID

# A tiny gated project: check-fast records one gate the way devos_enable_gates does; check-full runs
# a child that writes its pid and sleeps, for the cancellation.
export GATED="$WORK/gated" GATED_BUILD="$WORK/gated/build"
mkdir -p "$GATED"
cat >"$GATED/slow.sh" <<'SH'
echo $$ > "$1"; sleep 60
SH
cat >"$GATED/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(gated NONE)
set(dir \${CMAKE_BINARY_DIR}/devos)
add_custom_target(check-fast
  COMMAND "$DEVOS" gate run --name demo --result \${dir}/demo.json -- true
  COMMAND "$DEVOS" gate report --title fast --sarif \${dir}/fast.sarif --junit \${dir}/fast.junit.xml --stamp \${dir}/fast.stamp \${dir}/demo.json)
add_custom_target(check-full COMMAND sh \${CMAKE_SOURCE_DIR}/slow.sh \${CMAKE_BINARY_DIR}/slow.pid)
CMAKE
cmake -S "$GATED" -B "$GATED_BUILD" -G Ninja >/dev/null
node "$clients/gate_run.mjs" || fail "gate run and cancellation"

node "$clients/raw_protocol.mjs" || fail "raw protocol client"
node "$clients/sdk_clients.mjs" || fail "SDK clients"

# The MCP Inspector CLI (pinned in tests/mcp's lockfile, run offline from node_modules), scripted: its
# JSON output for tools/list, a call, resources, a prompt, and bad input.
inspector() { # <method> <args...>: the Inspector's JSON on stdout in $WORK/inspector.json
    local method=$1; shift
    HOME="$WORK/inspector-home" "$clients/node_modules/.bin/mcp-inspector" --cli "$DEVOS" mcp --root "$REPO" -p "$BUILD" \
        --db "$DB" --method "$method" "$@" >"$WORK/inspector.json" 2>"$WORK/inspector.err"
}
[ -x "$clients/node_modules/.bin/mcp-inspector" ] ||
    fail "the MCP Inspector is not installed: run scripts/setup.sh (npm ci --prefix tests/mcp)"
inspector tools/list || fail "inspector tools/list: $(cat "$WORK/inspector.err")"
"$DEVOS" mcp --list-tools >"$WORK/list-tools.json"
python3 - "$WORK/inspector.json" "$WORK/list-tools.json" <<'PY' || fail "inspector tools/list differs from devos mcp --list-tools"
import json, sys
seen, listed = json.load(open(sys.argv[1]))["tools"], json.load(open(sys.argv[2]))["tools"]
assert [t["name"] for t in seen] == [t["name"] for t in listed], ([t["name"] for t in seen], [t["name"] for t in listed])
for t in seen:
    assert set(t["annotations"]) >= {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"}, t["name"]
    assert t["outputSchema"]["type"] == "object", t["name"]
PY
inspector tools/call --tool-name devos_check_edge --tool-arg from=src/logic/pricing.cpp --tool-arg to=adapters/pg_repo.hpp ||
    fail "inspector tools/call: $(cat "$WORK/inspector.err")"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); s=r["structuredContent"]; assert r.get("isError") is not True and s["allowed"] is False and s["rule"] == "layer.include", r' \
    "$WORK/inspector.json" || fail "inspector: devos_check_edge did not refuse logic -> adapters: $(cat "$WORK/inspector.json")"
inspector resources/list || fail "inspector resources/list: $(cat "$WORK/inspector.err")"
grep -q '"devos://rules/layer.include"' "$WORK/inspector.json" || fail "inspector: no devos://rules/layer.include resource"
inspector prompts/get --prompt-name triage_failure --prompt-args "failure_id=$FAILURE_ID" || fail "inspector prompts/get"
grep -q "devos_get_incident" "$WORK/inspector.json" || fail "inspector: the triage prompt does not name devos_get_incident"
inspector tools/call --tool-name devos_check_edge --tool-arg from=7 --tool-arg to=x || true # an isError result exits non-zero
grep -q 'argument `from` must be string' "$WORK/inspector.json" || fail "inspector: no isError result for a wrong type: $(cat "$WORK/inspector.json")"
if inspector tools/call --tool-name devos_nope; then fail "inspector: an unknown tool succeeded"; fi
grep -q "devos_nope" "$WORK/inspector.json" "$WORK/inspector.err" || fail "inspector: the unknown tool's error does not name it"
echo "PASS"
