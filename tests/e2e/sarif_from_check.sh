# SARIF from devos check on the violations fixture: valid against the OASIS 2.1.0 schema, repo-relative
# URIs, a primaryLocationLineHash on every result, rules with help.markdown.
source "$(dirname "$0")/lib.sh"
: "${SCHEMA:?}"
configure_db "$SOURCE/tests/fixtures/hexrepo" "$WORK/db" g++
expect_rc 1 "$DEVOS" check -p "$WORK/db" --format sarif -o "$WORK/devos.sarif"
node "$SOURCE/tests/sarif/validate-sarif.mjs" --schema "$SCHEMA" "$WORK/devos.sarif" || fail "schema validation"
node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const run = s.runs[0];
if (s.runs.length !== 1) throw new Error("one run expected");
if (run.results.length !== 55) throw new Error("expected 55 results, got " + run.results.length);
for (const r of run.results) {
  const uri = r.locations[0].physicalLocation.artifactLocation.uri;
  if (uri.startsWith("/") || uri.includes("://")) throw new Error("absolute uri " + uri);
  if (!r.partialFingerprints || !r.partialFingerprints.primaryLocationLineHash) throw new Error("no line hash");
}
for (const rule of run.tool.driver.rules) if (!rule.help || !rule.help.markdown) throw new Error("no help.markdown for " + rule.id);
if (!run.automationDetails || !run.automationDetails.id) throw new Error("no automationDetails.id");
' "$WORK/devos.sarif" || fail "SARIF content checks"
echo "PASS"
