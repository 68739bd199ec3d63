#!/usr/bin/env bash
# devos mcp driven by real MCP clients over stdio: the official SDKs (v1, and v2 in legacy, auto and
# pinned-2026-07-28 modes) call every tool against the violations fixture (a g++ compile database)
# and a telemetry file with ingested failures; a plain JSON-RPC client sends bad input, wrong
# versions and a cancellation.
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
echo "PASS"
