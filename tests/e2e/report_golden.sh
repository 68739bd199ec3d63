# devos report over the violations fixture: the findings of `devos check`'s SARIF recorded as the
# layering gate the way check-fast records it, rendered as HTML and markdown and compared byte for byte
# with tests/report/golden (UPDATE_GOLDEN=1 rewrites them); the same inputs give the same bytes; bad
# input is an error naming the file, never a report.
source "$(dirname "$0")/lib.sh"
unset DEVOS_DATABASE_URL
export DEVOS_TODAY=2026-06-01
golden="$SOURCE/tests/report/golden"
source "$(dirname "$0")/report_lib.sh"
fixture_gate_results "$WORK/build" "$WORK/check.sarif"

cd "$WORK"
expect_rc 0 "$DEVOS" report -p build -o report.html
expect_output "report: report.html (2 gates, 56 findings: 55 new, 0 baselined, 1 allowed)"
expect_rc 0 "$DEVOS" report -p build --format md -o report.md
"$DEVOS" report -p build >again.html
cmp report.html again.html || fail "two runs over the same inputs differ"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$golden" && cp report.html "$golden/violations.html" && cp report.md "$golden/violations.md"
fi
diff -u "$golden/violations.md" report.md || fail "report.md differs from tests/report/golden/violations.md (UPDATE_GOLDEN=1 to accept)"
cmp "$golden/violations.html" report.html || fail "report.html differs from tests/report/golden/violations.html (UPDATE_GOLDEN=1 to accept)"
# The numbers agree with the SARIF: every result is a new finding, once.
python3 - check.sarif report.md <<'PY' || fail "report counts differ from the SARIF"
import json, sys
results = sum(len(r["results"]) for r in json.load(open(sys.argv[1]))["runs"])
md = open(sys.argv[2]).read()
row = md.split("|---:|---:|---:|---:|---:|---:|---:|---:|\n")[1].split("\n")[0]
cells = [c.strip() for c in row.strip("|").split("|")]
assert cells[3] == str(results), (cells, results)
assert md.count("\n- `") - 1 == results, "one list item per new finding plus the allowed one"
PY

# Trends from a seeded store (a devos with the runtime): two failures whose pattern ids differ but
# whose messages are near-duplicates form one similar-incident cluster; a recurring pattern; a flaky
# test. The stored times are fixed afterwards so trends.html and trends.md are golden too.
if "$DEVOS" ingest --help >/dev/null 2>&1; then
    junit() { # junit <file> <Totals fails?>
        local totals='<failure message="expected total 12.50 but got 13.00">order_test.cpp:17: Failure</failure>'
        [ "$2" = pass ] && totals=''
        cat >"$1" <<XML
<testsuites><testsuite name="Store" tests="3" failures="3">
<testcase name="SavesOrder" classname="OrderStore"><failure message="connection refused while saving the order to the orders database on db.internal">store.cpp:40</failure></testcase>
<testcase name="SavesInvoice" classname="InvoiceStore"><failure message="connection refused while saving the invoice to the orders database on db.internal">store.cpp:52</failure></testcase>
<testcase name="Totals" classname="OrderTest">$totals</testcase>
</testsuite></testsuites>
XML
    }
    junit run1.xml fail
    junit run2.xml pass
    expect_rc 0 "$DEVOS" ingest junit run1.xml --db telemetry.db
    expect_rc 0 "$DEVOS" ingest junit run2.xml --db telemetry.db
    python3 - telemetry.db <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select failure_id from test_failures order by run_id, suite, test_name").fetchall()
for i, (fid,) in enumerate(rows):  # 2026-05-20T08:00Z, one failure every 7 hours
    db.execute("update test_failures set ts = ? where failure_id = ?", (1779264000000 + i * 7 * 3600000, fid))
db.commit()
PY
    expect_rc 0 "$DEVOS" report -p build --db telemetry.db -o trends.html
    expect_rc 0 "$DEVOS" report -p build --db telemetry.db --format md -o trends.md
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        cp trends.html "$golden/trends.html" && cp trends.md "$golden/trends.md"
    fi
    diff -u "$golden/trends.md" trends.md || fail "trends.md differs from tests/report/golden/trends.md (UPDATE_GOLDEN=1 to accept)"
    cmp "$golden/trends.html" trends.html || fail "trends.html differs from tests/report/golden/trends.html (UPDATE_GOLDEN=1 to accept)"
    grep -q '| similar-incident cluster |' trends.md || fail "no similar-incident cluster in trends.md"
    [ "$(grep -c '^| `[0-9a-f]\{12\}` `[0-9a-f]\{12\}` | 4 | ' trends.md)" = 1 ] ||
        fail "expected one cluster joining the two near-duplicate patterns (4 failures): $(grep -A3 'similar-incident' trends.md)"
    # A store filled under an earlier embedder model (its vectors relabelled, the vector files gone):
    # the report embeds the failures with the current model first and draws the same clusters.
    mkdir -p upgraded && cp telemetry.db upgraded/telemetry.db
    sqlite3 upgraded/telemetry.db "UPDATE embeddings SET model = 'devos-hash-v2-1024'"
    expect_rc 0 "$DEVOS" report -p build --db upgraded/telemetry.db --format md -o upgraded.md
    diff -u trends.md <(sed 's#^From upgraded/telemetry.db:#From telemetry.db:#' upgraded.md) ||
        fail "a store of an earlier model reports other trends than trends.md"
    [ "$(sqlite3 upgraded/telemetry.db "SELECT COUNT(*) FROM embeddings WHERE model = 'devos-hash-v2-1024'")" = \
      "$(sqlite3 upgraded/telemetry.db "SELECT COUNT(*) FROM embeddings WHERE model <> 'devos-hash-v2-1024'")" ] ||
        fail "the report did not embed every failure of the earlier model once"
    # A broken embedder setting costs the clusters a note, never the report.
    DEVOS_EMBEDDINGS_URL=http://127.0.0.1:9 expect_rc 0 "$DEVOS" report -p build --db telemetry.db --format md \
        -o noclusters.md
    grep -qF "similar-incident clusters could not be computed: DEVOS_EMBEDDINGS_URL is set but DEVOS_EMBEDDINGS_MODEL is not" \
        noclusters.md || fail "a broken embedder setting is not a note on the clusters: $(grep -i cluster noclusters.md)"
fi

# Bad input: an error naming what to fix, exit 2, and no report file.
expect_rc 2 "$DEVOS" report -p missing -o bad.html
expect_output "missing: error: the build folder does not exist"
mkdir -p empty
expect_rc 2 "$DEVOS" report -p empty -o bad.html
expect_output "no gate results and no merged SARIF"
expect_output "build check-fast or check-full first"
cp -r build broken
head -c 100 build/devos/fast.sarif >broken/devos/fast.sarif
expect_rc 2 "$DEVOS" report -p broken -o bad.html
expect_output "broken/devos/fast.sarif:"
expect_output "not valid JSON"
echo '{"version":"2.1.0"}' >broken/devos/fast.sarif
expect_rc 2 "$DEVOS" report -p broken -o bad.html
expect_output "not a SARIF log the report can read: it has no 'runs' list"
echo '{"name":"layering","status":' >broken/devos/layering.json
expect_rc 2 "$DEVOS" report -p broken --sarif check.sarif -o bad.html
expect_output "layering.json"
expect_rc 2 "$DEVOS" report -p build --format pdf
expect_output "unknown report format 'pdf'"
[ ! -e bad.html ] || fail "a failed report left bad.html"
echo "PASS"
