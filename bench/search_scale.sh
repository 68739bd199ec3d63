#!/usr/bin/env bash
# `devos search` cold (a new process each time) over N stored failures, through the real CLI and the
# embedded SQLite store (BENCHMARKS.md, "Incident memory at scale").
#
#   bench/search_scale.sh <devos binary> <N>... [-r repetitions]
#
# For each N: generates N failures (bench/failure_corpus.py, 10k per JUnit report) and stores them
# with `devos ingest junit` into /tmp/devos-bench-search/<model>/<N>/telemetry.db (one store per
# embedder model, kept for later runs; delete the folder to start over), times the first search (which builds the vector file), then times
# `repetitions` (default 5) more searches, each a new process. Prints wall, CPU (user + sys), peak
# RSS, the search's own elapsed_ms, and the vector file's size, one line per search.
set -euo pipefail
devos=$(realpath "$1"); shift
reps=5
sizes=()
while [ $# -gt 0 ]; do
    case $1 in
    -r) reps=$2; shift 2 ;;
    *) sizes+=("$1"); shift ;;
    esac
done
here=$(cd "$(dirname "$0")" && pwd)
query="segfault in OrderRepo::save"

# one <label> <db>: a single timed search, one line of results.
one() {
    local label=$1 db=$2 stats
    stats=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$stats" "$devos" search "$query" --db "$db" --format json >"$stats.json"
    read -r wall user sys rss <"$stats"
    python3 - "$label" "$wall" "$user" "$sys" "$rss" "$stats.json" <<'EOF'
import json, sys
label, wall, user, sys_, rss, out = sys.argv[1:]
r = json.load(open(out))
print(f"{label:>10}  wall {float(wall)*1000:7.0f} ms  cpu {(float(user)+float(sys_))*1000:7.0f} ms"
      f"  peak RSS {int(rss)/1024:7.0f} MiB  search {r['elapsed_ms']:8.1f} ms  {r['searched']} failures"
      f"  {len(r['hits'])} hits  {r['backend']}")
EOF
    rm -f "$stats" "$stats.json"
}

probe=$(mktemp -d)
model=$("$devos" search probe --db "$probe/probe.db" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["model"])')
rm -rf "$probe"
for n in "${sizes[@]}"; do
    dir=/tmp/devos-bench-search/$model/$n
    db=$dir/telemetry.db
    if [ ! -f "$dir/stored" ]; then
        rm -rf "$dir" && mkdir -p "$dir/reports"
        python3 "$here/failure_corpus.py" reports "$dir/reports" "$n"
        start=$(date +%s)
        for report in "$dir"/reports/*.xml; do
            (cd "$dir" && "$devos" ingest junit "$report" --db "$db" >/dev/null)
        done
        echo "N=$n: stored in $(( $(date +%s) - start )) s" && touch "$dir/stored"
        rm -rf "$dir/reports"
    fi
    rm -rf "$db.vectors"
    echo "N=$n  query: \"$query\"  (page cache warm; each line a new process)"
    one "first" "$db"
    for _ in $(seq "$reps"); do one "cold" "$db"; done
    ls -l "$db.vectors"/*.vectors | awk '{printf "  vector file %.1f MiB\n", $5 / 1048576}'
done
