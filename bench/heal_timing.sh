#!/usr/bin/env bash
# Time from `devos heal` to a proposal on examples/orders, split by step: the history of
# tests/e2e/self_heal_lib.sh (a learned fix lost again in a merge), then `devos heal --failure
# <Pricing.BasisPointsRoundHalfUp> -p build` with the playbook, `runs` times (default 3); the previous
# run's branch is deleted first, and every run makes its own worktree and build, as in use.
# Usage: bench/heal_timing.sh [build-dir] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE=$PWD BUILD=$(cd "${1:-build}" && pwd) DEVOS=$(cd "${1:-build}" && pwd)/bin/devos
runs=${2:-3}
export WORK=$(mktemp -d -t devos-heal-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
source tests/e2e/self_heal_lib.sh
make_history "$WORK/orders" --db "$WORK/telemetry.db" >/dev/null
for run in $(seq "$runs"); do
    git -C "$REPO" branch --list 'selfheal/*' --format='%(refname:short)' | xargs -r git -C "$REPO" branch -q -D
    start=$(date +%s.%N)
    (cd "$REPO" && "$DEVOS" heal --failure "$F_ROUND" -p build --db "$WORK/telemetry.db" --format json) >"$WORK/run$run.json"
    end=$(date +%s.%N)
    python3 - "$WORK/run$run.json" "$start" "$end" "$run" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["status"] == "proposed", d
steps = " ".join(f'{s["name"]} {s["milliseconds"] / 1000:.2f}' for s in d["steps"])
print(f"run {sys.argv[4]}: {float(sys.argv[3]) - float(sys.argv[2]):.1f} s wall; {steps}")
PY
done
