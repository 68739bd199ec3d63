#!/usr/bin/env bash
# devos report at scale: a SARIF of N findings (default 10000: 20 rules over 500 files, every third with a
# 3-step call chain) recorded as the layering gate, rendered by `devos report` (time, size), then opened
# in Debian's chromium (tests/report's playwright-core): load until the first page of rows is drawn, a
# filter by rule, a sort by file, the next page.
# usage: bench/report_scale.sh <build-dir> [N]     (after scripts/setup.sh and a build of devos)
set -euo pipefail
build=$(cd "${1:?usage: bench/report_scale.sh <build-dir> [N]}" && pwd)
n=${2:-10000}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/findings.sarif" "$n" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
rules = [f"purity.rule{i:02d}" for i in range(20)]
def loc(f, line, msg=None):
    l = {"physicalLocation": {"artifactLocation": {"uri": f}, "region": {"startLine": line}}}
    if msg: l["message"] = {"text": msg}
    return l
results = []
for i in range(n):
    f = f"src/logic/module{i % 500:03d}/file{i % 7}.cpp"
    r = {"ruleId": rules[i % 20], "level": "error" if i % 5 else "warning",
         "message": {"text": f"'fn{i}' is not pure: fn{i}() -> helper{i}() [src/services/s{i % 50}.cpp] -> time"},
         "locations": [loc(f, 1 + i % 400)], "partialFingerprints": {"devos/v1": f"{i:016x}"}}
    if i % 3 == 0:
        r["relatedLocations"] = [loc(f, 1 + i % 400, f"calls 'helper{i}' here"),
                                 loc(f"src/services/s{i % 50}.cpp", 10, "calls 'now' here"),
                                 loc("src/adapters/clock.cpp", 3, "'std::time' is here")]
    results.append(r)
driver = {"name": "devos", "rules": [{"id": r, "help": {"text": f"{r}.\n\nWhy: w.\n\nInstead: i.\n\nAllowed: a."}} for r in rules]}
json.dump({"version": "2.1.0", "runs": [{"tool": {"driver": driver}, "automationDetails": {"id": "devos/layering/"},
           "results": results}]}, open(path, "w"))
PY
devos=$build/bin/devos
mkdir -p "$work/build/devos"
"$devos" gate run --name layering --result "$work/build/devos/layering.json" --sarif "$work/findings.sarif" -- true
"$devos" gate report --title FULL --sarif "$work/build/devos/full.sarif" --stamp "$work/build/devos/full.stamp" \
    "$work/build/devos/layering.json" >/dev/null
root="$source_dir/tests/fixtures/hexrepo"
start=$(date +%s.%N)
"$devos" report -p "$work/build" --root "$root" -o "$work/report.html" >/dev/null
end=$(date +%s.%N)
"$devos" report -p "$work/build" --root "$root" --format md -o "$work/report.md" >/dev/null
printf 'findings %d  devos report %.2f s  report.html %d bytes  report.md %d bytes\n' "$n" \
    "$(echo "$end - $start" | bc)" "$(stat -c %s "$work/report.html")" "$(stat -c %s "$work/report.md")"
node "$source_dir/bench/report_scale.mjs" "$work/report.html"
