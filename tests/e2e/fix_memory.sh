#!/usr/bin/env bash
# The fix memory (issue 11 part 2): ingest keeps the tests that passed; a test that failed at one
# commit and passes at a descendant records a fix (the first-party source diff between the two
# commits) that `devos heal fixes` lists; a later pass records nothing new. Against the SQLite
# file and, when DEVOS_TEST_PG_URL is set, against PostgreSQL.
source "$(dirname "$0")/lib.sh"
unset DEVOS_DATABASE_URL DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($2)" <"$1"; }

# junit <file> <status of Pricing.Rounds: fail|pass>: a ctest-style report of two tests.
junit() {
    local rounds='<testcase name="Pricing.Rounds" classname="Pricing.Rounds" time="0.01" status="run"/>'
    [ "$2" = fail ] && rounds='<testcase name="Pricing.Rounds" classname="Pricing.Rounds" time="0.01" status="fail"><failure message="Failed"/><system-out>src/rounding_test.cpp:9: Failure
Expected equality of these values:
  round(15)
    Which is: 1
  2
</system-out></testcase>'
    printf '<testsuite name="orders" tests="2">%s<testcase name="Orders.Save" classname="Orders.Save" time="0.01" status="run"/></testsuite>\n' "$rounds" >"$1"
}

scenario() { # <name>: runs the whole story against the store DEVOS_DATABASE_URL or --db names
    local repo=$WORK/repo-$1 db=(--db "$WORK/$1.db")
    [ -n "${DEVOS_DATABASE_URL:-}" ] && db=()
    mkdir -p "$repo/src" && cd "$repo"
    git init -q -b main && git config user.email t@e && git config user.name t
    echo 'int round(int x) { return (x + 5) / 10; }' >src/rounding.cpp && git add -A && git commit -qm good
    echo 'int round(int x) { return x / 10; }' >src/rounding.cpp && git commit -qam "lose the rounding"
    local bad=$(git rev-parse HEAD)
    junit "$WORK/fail.xml" fail
    expect_rc 0 "$DEVOS" ingest junit "$WORK/fail.xml" "${db[@]}"
    expect_output "FAIL Pricing.Rounds.Pricing.Rounds"
    echo 'int round(int x) { return (x + 5) / 10; }' >src/rounding.cpp && echo notes >NOTES.md
    git add -A && git commit -qm "round half up again"
    local fixed=$(git rev-parse HEAD)
    junit "$WORK/pass.xml" pass
    expect_rc 0 "$DEVOS" ingest junit "$WORK/pass.xml" "${db[@]}"
    expect_output "learned fix "
    expect_output ": Pricing.Rounds failed at ${bad:0:7}, passes at ${fixed:0:7}"
    expect_rc 0 "$DEVOS" heal fixes "${db[@]}" --format json
    cp "$WORK/out.txt" "$WORK/fixes.json"
    [ "$(field "$WORK/fixes.json" 'len(d["fixes"])')" = 1 ] || fail "expected one fix"
    [ "$(field "$WORK/fixes.json" 'd["fixes"][0]["failing_commit"] + " " + d["fixes"][0]["fixing_commit"]')" = "$bad $fixed" ] \
        || fail "wrong commits"
    [ "$(field "$WORK/fixes.json" 'd["fixes"][0]["source"]')" = history ] || fail "not learned from history"
    local diff=$(field "$WORK/fixes.json" 'd["fixes"][0]["diff"]')
    grep -qF -- '+int round(int x) { return (x + 5) / 10; }' <<<"$diff" || fail "the diff lacks the fix"
    if grep -q NOTES <<<"$diff"; then fail "the diff holds a non-source file"; fi
    local pattern=$(field "$WORK/fixes.json" 'd["fixes"][0]["pattern_id"]')
    expect_rc 0 "$DEVOS" heal fixes "${db[@]}" --pattern "$pattern"
    expect_output "1 recorded fix in"
    expect_output "Pricing.Rounds  pattern ${pattern:0:12}  failed at ${bad:0:7}, fixed by ${fixed:0:7}  (history)"
    expect_rc 0 "$DEVOS" heal fixes "${db[@]}" --pattern "$(printf '%064d' 0)"
    expect_output "0 recorded fixes"
    # A later pass learns nothing new: the failure has its fix.
    echo '// more' >>src/rounding.cpp && git commit -qam more
    expect_rc 0 "$DEVOS" ingest junit "$WORK/pass.xml" "${db[@]}"
    expect_no_output "learned fix"
    expect_rc 2 "$DEVOS" heal fixes --format yaml "${db[@]}"
    expect_rc 2 "$DEVOS" heal nonsense "${db[@]}"
}

scenario sqlite
if [ -n "${DEVOS_TEST_PG_URL:-}" ]; then
    psql -q "$DEVOS_TEST_PG_URL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null
    DEVOS_DATABASE_URL=$DEVOS_TEST_PG_URL scenario postgres
fi
echo PASS
