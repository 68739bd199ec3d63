# devos targets over the CMake File API of a real configure: a logic library linking an adapters
# library is reported at its target_link_libraries line; the clean layout has no finding; a build
# directory without the File API query exits 2 with the command that fixes it; devos_layer_map
# counts the same build's link and include edges per layer pair.
source "$(dirname "$0")/lib.sh"

repo="$WORK/repo"
mkdir -p "$repo"/src/{contracts,logic,adapters,entrypoints} "$repo/.devos"
echo "tier: 1" > "$repo/.devos/devos.yml" # the repo root (else the enclosing checkout would be)
echo 'struct Order { int total; };' > "$repo/src/contracts/order.hpp"
echo 'int price(int n) { return 2 * n; }' > "$repo/src/logic/pricing.cpp"
echo 'int load() { return 1; }' > "$repo/src/adapters/store.cpp"
echo 'int main() {}' > "$repo/src/entrypoints/main.cpp"
write_cmake() { # $1: the extra libraries orders_logic links
    cat > "$repo/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(shop CXX)
add_library(orders_adapters STATIC src/adapters/store.cpp)
add_library(orders_logic STATIC src/logic/pricing.cpp)
target_link_libraries(orders_logic
  PRIVATE $1)
add_executable(shop src/entrypoints/main.cpp)
target_link_libraries(shop PRIVATE orders_logic orders_adapters)
add_custom_target(docs COMMAND true)
CMAKE
}
configure() {
    mkdir -p "$WORK/build/.cmake/api/v1/query" && touch "$WORK/build/.cmake/api/v1/query/codemodel-v2"
    cmake -S "$repo" -B "$WORK/build" -G Ninja >/dev/null
}

# Clean: logic links nothing first-party.
write_cmake ""
configure
expect_rc 0 "$DEVOS" targets -p "$WORK/build"
expect_output "0 errors"

# A logic target that links an adapters target and sqlite3.
write_cmake "orders_adapters sqlite3"
configure
expect_rc 1 "$DEVOS" targets -p "$WORK/build"
expect_output "CMakeLists.txt:5: error: [devos target.layer-link] target 'orders_logic' (logic) links target 'orders_adapters' (adapters)"
expect_output "CMakeLists.txt:5: error: [devos target.io-library] target 'orders_logic' (logic) links the I/O library 'sqlite3' (-lsqlite3)"
expect_no_output "docs"

expect_rc 1 "$DEVOS" targets -p "$WORK/build" --format json -o "$WORK/targets.json"
python3 -c "
import json, sys
f = json.load(open(sys.argv[1]))['findings']
assert sorted(x['rule'] for x in f) == ['target.io-library', 'target.layer-link'], f
assert all(x['file'] == 'CMakeLists.txt' and x['line'] == 5 for x in f), f
" "$WORK/targets.json"
expect_rc 1 "$DEVOS" targets -p "$WORK/build" --format sarif -o "$WORK/targets.sarif"
if [ -n "${SCHEMA:-}" ] && [ -d "$SOURCE/tests/sarif/node_modules" ]; then
    node "$SOURCE/tests/sarif/validate-sarif.mjs" --schema "$SCHEMA" "$WORK/targets.sarif" >/dev/null ||
        fail "the SARIF of devos targets does not validate"
fi

# devos_layer_map over the same build (a plain JSON-RPC client): the codemodel's direct target links
# and the compile database's includes, per layer pair, with the forbidden ones counted.
echo 'int load();' >"$repo/src/adapters/store.hpp"
printf '#include "adapters/store.hpp"\n#include "contracts/order.hpp"\nint price(int n) { return 2 * n; }\n' >"$repo/src/logic/pricing.cpp"
cmake -S "$repo" -B "$WORK/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
python3 - "$DEVOS" "$repo" "$WORK/build" <<'PY' || fail "devos_layer_map does not count the build's edges"
import json, subprocess, sys
meta = {"io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}}
call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "devos_layer_map", "arguments": {}, "_meta": meta}}
out = subprocess.run([sys.argv[1], "mcp", "--root", sys.argv[2], "-p", sys.argv[3]], input=json.dumps(call) + "\n",
                     capture_output=True, text=True, check=True).stdout
r = json.loads(out.splitlines()[0])["result"]["structuredContent"]
edges = {(e["kind"], e["from"], e["to"]): e for e in r["build_edges"]}
assert r["build"]["targets"] == 3 and r["build"]["files_scanned"] == 5 and r["build"]["notes"] == [], r["build"]
link = edges[("link", "logic", "adapters")]
assert (link["count"], link["violations"], link["example"]) == (1, 1, "target orders_logic -> orders_adapters"), link
assert edges[("link", "entrypoints", "logic")]["violations"] == 0, edges
bad = edges[("include", "logic", "adapters")]
assert (bad["count"], bad["violations"]) == (1, 1) and bad["example"] == "src/logic/pricing.cpp:1 includes adapters/store.hpp", bad
ok = edges[("include", "logic", "contracts")]
assert (ok["count"], ok["violations"]) == (1, 0), ok
assert len(edges) == 4, edges
PY

# The rule level comes from the repo config.
mkdir -p "$repo/.devos" && printf 'rules:\n  target.layer-link: off\n  target.io-library: off\n' > "$repo/.devos/devos.yml"
expect_rc 0 "$DEVOS" targets -p "$WORK/build"
rm -r "$repo/.devos"

# No query file: exit 2 and say how to create it.
cmake -S "$repo" -B "$WORK/noquery" -G Ninja >/dev/null
expect_rc 2 "$DEVOS" targets -p "$WORK/noquery"
expect_output ".cmake/api/v1/query/codemodel-v2"
expect_rc 2 "$DEVOS" targets
expect_rc 0 "$DEVOS" targets --help
echo PASS
