#!/usr/bin/env bash
# The self-heal daemon's throughput and idle cost.
#  1. Throughput on examples/orders (proof dominated): the history of tests/e2e/self_heal_lib.sh
#     (a learned fix lost again in a merge: 3 failing tests), the regression ingested `runs` times
#     (3 failures each), then one `devos heal --daemon -p build --max-heals N` on the SQLite store;
#     failures healed per minute of wall time.
#  2. Idle cost: a daemon with nothing to heal for `idle` seconds, on SQLite (polling every 5 s) and,
#     when DEVOS_TEST_PG_URL is set, on PostgreSQL (LISTEN): CPU time (utime + stime) and voluntary
#     context switches (wakeups) per minute, from /proc/<pid>.
# Usage: bench/heal_daemon.sh [build-dir] [runs] [idle-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE=$PWD BUILD=$(cd "${1:-build}" && pwd) DEVOS=$(cd "${1:-build}" && pwd)/bin/devos
runs=${2:-1}
idle=${3:-60}
export WORK=$(mktemp -d -t devos-daemon-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
source tests/e2e/self_heal_lib.sh
db=$WORK/telemetry.db
make_history "$WORK/orders" --db "$db" >/dev/null
cd "$REPO"
# Each further run is its own CI run (its own suite time): the same report at the same commit again is
# a retried ingest, which stores nothing new.
for i in $(seq 2 "$runs"); do
    sed "0,/\([[:space:]]\)time=\"[^\"]*\"/s//\1time=\"$i.5\"/" "$WORK/regression.xml" >"$WORK/regression$i.xml"
    (cd "$REPO" && "$DEVOS" ingest junit "$WORK/regression$i.xml" --db "$db" >/dev/null)
done
printf 'enabled: true\nslo:\n  maxAttemptsPerPattern: 100\nconcurrency:\n  maxConcurrentPRs: 100\n' >.devos/self-heal.yml
pending=$(sqlite3 "$db" "select count(*) from test_failures")
start=$(date +%s.%N)
"$DEVOS" heal --daemon -p build --db "$db" --poll-ms 200 --max-heals "$pending" >"$WORK/daemon.out" 2>"$WORK/daemon.err"
end=$(date +%s.%N)
python3 - "$start" "$end" "$pending" "$(sqlite3 "$db" "select status || ' ' || count(*) from selfheal_claims group by status" | tr '\n' ',')" <<'PY'
import sys
wall = float(sys.argv[2]) - float(sys.argv[1])
n = int(sys.argv[3])
print(f"throughput: {n} failures in {wall:.1f} s = {n * 60 / wall:.2f} failures/min ({sys.argv[4].rstrip(',')})")
PY

# cost <label> <args...>: an idle daemon for $idle seconds.
cost() {
    local label=$1; shift
    "$DEVOS" heal --daemon "$@" >/dev/null 2>"$WORK/idle.err" &
    local pid=$!
    sleep 2
    read -r t0 < <(awk '{print $14 + $15}' "/proc/$pid/stat")
    local w0; w0=$(awk '/^voluntary_ctxt_switches/ {print $2}' "/proc/$pid/status")
    sleep "$idle"
    read -r t1 < <(awk '{print $14 + $15}' "/proc/$pid/stat")
    local w1; w1=$(awk '/^voluntary_ctxt_switches/ {print $2}' "/proc/$pid/status")
    kill -TERM $pid && wait $pid
    local hz; hz=$(getconf CLK_TCK)
    python3 -c "import sys; t=(${t1}-${t0})/${hz}; print(f'idle {sys.argv[1]}: {t*1000*60/${idle}:.1f} ms CPU/min, {(${w1}-${w0})*60/${idle}:.0f} wakeups/min')" "$label"
}
cost "SQLite (poll 5 s)" --db "$db"
if [ -n "${DEVOS_TEST_PG_URL:-}" ]; then
    DEVOS_DATABASE_URL=$DEVOS_TEST_PG_URL cost "PostgreSQL (LISTEN, poll 5 s)"
fi
