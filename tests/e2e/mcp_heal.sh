#!/usr/bin/env bash
# devos_propose_fix and devos_apply_proposal end to end through the official MCP SDK client (v1) on
# the self-heal history of e2e.self_heal (examples/orders, SQLite store): the playbook's proposal is
# made, validated and proven over MCP, then applied in its own worktree on selfheal/<id>, applied
# again (already_applied), re-created from its bundle after the branch was deleted, and refused for
# bad or tampered input. main and the user's checkout stay as they were.
source "$(dirname "$0")/self_heal_lib.sh"
clients="$SOURCE/tests/mcp"
[ -d "$clients/node_modules/@modelcontextprotocol/sdk" ] ||
    fail "the MCP client SDKs are not installed: run scripts/setup.sh (npm ci --prefix tests/mcp)"
db=$WORK/telemetry.db
make_history "$WORK/orders" --db "$db"
snapshot "$WORK/before.txt"
export REPO DB="$db" F_ROUND
node "$clients/heal_clients.mjs" || fail "devos_propose_fix / devos_apply_proposal over MCP"
# The proposal's worktree is the one thing apply adds; without it the checkout is what it was.
for wt in "$REPO"/.devos/selfheal/*/worktree; do git -C "$REPO" worktree remove --force "$wt"; done
snapshot "$WORK/after.txt"
diff -u "$WORK/before.txt" "$WORK/after.txt" >&2 || fail "the MCP heal tools changed the user's checkout"
echo "PASS"
