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
