#!/usr/bin/env bash
# `devos search --reindex` over N failures stored under the earlier hashing model (BENCHMARKS.md,
# "Upgrading a store's vectors"): the rate at which a store filled under devos-hash-v1-1024 is
# embedded with the current model.
#
#   bench/reindex_rate.sh <devos binary> <N>...
#
# For each N: takes the store bench/search_scale.sh keeps under /tmp/devos-bench-search/<model>/<N>
# (generating it first when missing), copies it to /tmp/devos-bench-reindex/<N>.db, relabels every
# vector as devos-hash-v1-1024 (what a store filled before the v2 embedder holds), then times
# `devos search --reindex` (which also rebuilds the vector file) and prints failures/s.
set -euo pipefail
devos=$(realpath "$1"); shift
here=$(cd "$(dirname "$0")" && pwd)
probe=$(mktemp -d)
model=$("$devos" search probe --db "$probe/probe.db" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["model"])')
rm -rf "$probe"
mkdir -p /tmp/devos-bench-reindex
for n in "$@"; do
    src=/tmp/devos-bench-search/$model/$n
    [ -f "$src/stored" ] || "$here/search_scale.sh" "$devos" "$n" -r 0 >/dev/null
    db=/tmp/devos-bench-reindex/$n.db
    rm -rf "$db" "$db-wal" "$db-shm" "$db.vectors"
    sqlite3 "$src/telemetry.db" ".backup '$db'"
    sqlite3 "$db" "UPDATE embeddings SET model = 'devos-hash-v1-1024'"
    stats=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$stats" "$devos" search --reindex --db "$db" --format json >"$stats.json"
    read -r wall user sys rss <"$stats"
    python3 - "$n" "$wall" "$user" "$sys" "$rss" "$stats.json" <<'PY'
import json, sys
n, wall, user, sys_, rss, out = sys.argv[1:]
r = json.load(open(out))
print(f"N={n}: embedded {r['embedded']} in {r['batches']} batches, {r['elapsed_ms']:.0f} ms"
      f" ({r['embedded'] / (r['elapsed_ms'] / 1000):.0f} failures/s); wall {float(wall):.2f} s,"
      f" cpu {float(user) + float(sys_):.2f} s, peak RSS {int(rss) / 1024:.0f} MiB")
PY
    rm -f "$stats" "$stats.json"
done
