#!/usr/bin/env bash
# devos ingest embeds every test failure; devos search finds its noisy twin (same failure, other
# addresses and line numbers) first, with the same pattern id, and ranks an unrelated failure below.
# devos ingest sarif embeds every lint failure too; search finds it by text and by id, marked lint,
# with its rule and file:line.
source "$(dirname "$0")/lib.sh"
unset DEVOS_DATABASE_URL DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL
db="$WORK/telemetry.db"

# junit <file> <suite> <test> <message> <trace> [<test> <message> <trace>]: a ctest-style report.
junit() {
    local file=$1 suite=$2; shift 2
    { echo "<testsuites><testsuite name=\"$suite\" tests=\"$(( $# / 3 ))\" failures=\"$(( $# / 3 ))\">"
      while [ $# -gt 0 ]; do
          echo "<testcase name=\"$1\" classname=\"$suite\" time=\"0.1\"><failure message=\"$2\">$3</failure></testcase>"
          shift 3
      done
      echo "</testsuite></testsuites>"; } >"$file"
}
trace() { # <addr> <line>
    printf '#0 0x%s in orders::OrderRepo::save(orders::Order const&amp;) /home/ci/src/order_repo.cpp:%s\n#1 0x%s in orders::PlaceOrder::run() /home/ci/src/place_order.cpp:%s\n' "$1" "$2" "$1" "$(( $2 + 7 ))"
}

junit "$WORK/run1.xml" OrderRepoTest \
    SavesOrder "SEGV on unknown address 0x7ffd5a3c0010 in OrderRepo::save at order_repo.cpp:42 after 3 retries" "$(trace 55d0c0a1 42)" \
    AppliesDiscount "expected total 12.50 but got 13.00 for customer gold tier" "pricing_test.cpp:17: Failure"
junit "$WORK/run2.xml" OrderRepoTest \
    SavesOrderAgain "SEGV on unknown address 0x6020000be0f4 in OrderRepo::save at order_repo.cpp:57 after 11 retries" "$(trace 7f3b9e02 57)"

cd "$WORK"
expect_rc 0 "$DEVOS" ingest junit run1.xml --db "$db" --format json
cp "$WORK/out.txt" "$WORK/run1.json"
expect_rc 0 "$DEVOS" ingest junit run2.xml --db "$db" --format json
cp "$WORK/out.txt" "$WORK/run2.json"
field() { python3 -c "import json,sys; print($2)" <"$1"; }
[ "$(field run1.json 'json.load(sys.stdin)["embedding_model"]')" = devos-hash-v3-1024 ] || fail "no embedding model in ingest output"
twin=$(field run1.json 'json.load(sys.stdin)["failures"][0]["id"]')
twin_pattern=$(field run1.json 'json.load(sys.stdin)["failures"][0]["pattern_id"]')
unrelated=$(field run1.json 'json.load(sys.stdin)["failures"][1]["id"]')
noisy=$(field run2.json 'json.load(sys.stdin)["failures"][0]["id"]')
noisy_pattern=$(field run2.json 'json.load(sys.stdin)["failures"][0]["pattern_id"]')
[ "$twin_pattern" = "$noisy_pattern" ] || fail "the twins have different pattern ids: $twin_pattern $noisy_pattern"

# By failure id: the twin first (with the same pattern id), the unrelated failure after it or not at all.
expect_rc 0 "$DEVOS" search --failure "$noisy" --db "$db" --threshold 0 -k 5 --format json
hits=$(field out.txt '" ".join(h["failure_id"] for h in json.load(sys.stdin)["hits"])')
[ "${hits%% *}" = "$twin" ] || fail "expected $twin first, got: $hits"
case " $hits " in *" $noisy "*) fail "the failure found itself: $hits";; esac
[ "$(field out.txt 'json.load(sys.stdin)["hits"][0]["pattern_id"]')" = "$noisy_pattern" ] || fail "top hit has another pattern id"
[ "$(field out.txt 'json.load(sys.stdin)["hits"][0]["score"] > 0.99')" = True ] || fail "twin score below 0.99"
[ "$(field out.txt 'all(h["score"] < 0.7 for h in json.load(sys.stdin)["hits"] if h["failure_id"] == "'"$unrelated"'")')" = True ] \
    || fail "the unrelated failure scored >= 0.7"

# By text, with the default threshold: both twins, nothing else, scores and timing in the text output.
expect_rc 0 "$DEVOS" search "SEGV on unknown address 0x1 in OrderRepo::save at order_repo.cpp:3 after 5 retries" --db "$db"
expect_output "2 similar incidents among 3 failures of devos-hash-v3-1024"
expect_output "OrderRepoTest.SavesOrder "
expect_output "OrderRepoTest.SavesOrderAgain "
expect_output "pattern ${noisy_pattern:0:12}"
expect_output " ms)"
expect_no_output "AppliesDiscount"

# Plain words naming the error and the function clear the hashing model's own default threshold.
expect_rc 0 "$DEVOS" search "segfault in OrderRepo::save" --db "$db"
expect_output "2 similar incidents among 3 failures of devos-hash-v3-1024"
expect_no_output "AppliesDiscount"

# A store filled by the earlier hashing model (devos-hash-v1-1024): the first search embeds its
# failures with the current model (a note on stderr) and finds them; the old vectors are kept.
cp "$db" "$WORK/other-model.db"
sqlite3 "$WORK/other-model.db" "UPDATE embeddings SET model = 'devos-hash-v1-1024'"
expect_rc 0 "$DEVOS" search "segfault in OrderRepo::save" --db "$WORK/other-model.db"
expect_output "note: embedded 3 of 3 stored failures that had no vector of devos-hash-v3-1024"
expect_output "2 similar incidents among 3 failures of devos-hash-v3-1024"
expect_no_output "AppliesDiscount"
[ "$(sqlite3 "$WORK/other-model.db" "SELECT COUNT(*) FROM embeddings WHERE model = 'devos-hash-v1-1024'")" = 3 ] ||
    fail "the devos-hash-v1-1024 vectors were not kept"
expect_rc 0 "$DEVOS" search "segfault in OrderRepo::save" --db "$WORK/other-model.db"
expect_no_output "note:"

# devos search --reindex embeds them explicitly (and is a no-op once done): here a store filled by
# devos-hash-v2-1024 (before the error-kind synonyms).
cp "$db" "$WORK/reindex.db"
sqlite3 "$WORK/reindex.db" "UPDATE embeddings SET model = 'devos-hash-v2-1024'"
expect_rc 0 "$DEVOS" search --reindex --db "$WORK/reindex.db"
expect_output "embedded 3 stored failures with devos-hash-v3-1024 in 1 batches"
expect_rc 0 "$DEVOS" search --reindex --db "$WORK/reindex.db" --format json
expect_output '"embedded": 0'
expect_rc 2 "$DEVOS" search --reindex "segfault" --db "$WORK/reindex.db"
expect_output "--reindex takes no query"
expect_rc 0 "$DEVOS" search "segfault in OrderRepo::save" --db "$WORK/reindex.db"
expect_output "2 similar incidents among 3 failures of devos-hash-v3-1024"
expect_no_output "note:"

expect_rc 0 "$DEVOS" search "linker error: undefined reference to vtable for Frobnicator" --db "$db"
expect_output "no similar incidents"
inode=$(stat -c %i "$db.vectors/devos-hash-v3-1024.vectors") # the vector file the searches built

# sarif <file> <rule> <uri> <line> <message> ...: a SARIF 2.1.0 log of devos findings.
sarif() {
    local file=$1 sep=""; shift
    { printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "devos"}}, "results": ['
      while [ $# -gt 0 ]; do
          printf '%s{"ruleId": "%s", "level": "error", "message": {"text": "%s"}, "locations": [{"physicalLocation":' "$sep" "$1" "$4"
          printf ' {"artifactLocation": {"uri": "%s"}, "region": {"startLine": %s, "startColumn": 5}}}]}' "$2" "$3"
          sep=", "; shift 4
      done
      printf ']}]}\n'; } >"$file"
}
sarif gate1.sarif \
    purity.clock src/logic/pricing.cpp 6 "logic/ must be deterministic: 'std::chrono::system_clock::now' reads the clock" \
    layer.include src/logic/orders.cpp 3 "logic/ may not include <sqlite3.h>: logic/ may depend only on contracts, logic"
sarif gate2.sarif \
    purity.clock src/logic/stamp.cpp 12 "logic/ must be deterministic: 'std::chrono::steady_clock::now' reads the clock"
sarif gate3.sarif format src/services/checkout.cpp 1 "not formatted: run clang-format -i"
expect_rc 0 "$DEVOS" ingest sarif gate3.sarif --db "$db"
expect_output "embedded 1 failures with devos-hash-v3-1024"
expect_rc 0 "$DEVOS" ingest sarif gate1.sarif --db "$db" --format json
cp "$WORK/out.txt" "$WORK/gate1.json"
expect_rc 0 "$DEVOS" ingest sarif gate2.sarif --db "$db" --format json
clock=$(field gate1.json 'json.load(sys.stdin)["failures"][0]["id"]')
[ "$(field gate1.json 'json.load(sys.stdin)["failures"][0]["kind"]')" = lint_failure ] || fail "ingest does not mark lint failures"
clock_twin=$(field out.txt 'json.load(sys.stdin)["failures"][0]["id"]')

# By text: both clock findings, marked lint with rule and file:line; no test failure.
expect_rc 0 "$DEVOS" search "purity.clock: logic reads the clock with std::chrono::system_clock::now" --db "$db"
expect_output "among 7 failures of devos-hash-v3-1024"
expect_output "lint  purity.clock  src/logic/pricing.cpp:6  pattern"
expect_output "lint  purity.clock  src/logic/stamp.cpp:12  pattern"
expect_no_output "OrderRepoTest"
expect_no_output "checkout.cpp"

# By id: the other clock finding first, as JSON with kind, rule, file and line; test failures say so.
expect_rc 0 "$DEVOS" search --failure "$clock_twin" --db "$db" --threshold -1 -k 10 --format json
[ "$(field out.txt 'json.load(sys.stdin)["hits"][0]["failure_id"]')" = "$clock" ] || fail "expected $clock first"
[ "$(field out.txt '" ".join(str(h[k]) for h in json.load(sys.stdin)["hits"][:1] for k in ("kind", "rule", "file", "line"))')" = \
    "lint_failure purity.clock src/logic/pricing.cpp 6" ] || fail "the lint hit lacks its kind, rule or location"
[ "$(field out.txt '" ".join(sorted({h["kind"] for h in json.load(sys.stdin)["hits"]}))')" = "lint_failure test_failure" ] \
    || fail "expected both kinds among all hits"

# The vector file beside the store: built by the first search, appended to by each later ingest
# (the sarif runs above), searched in place; a damaged or missing file is rebuilt from the store.
vectors="$db.vectors/devos-hash-v3-1024.vectors"
[ -f "$vectors" ] || fail "no vector file at $vectors"
expect_rc 0 "$DEVOS" search "purity.clock: logic reads the clock" --db "$db" --format json
[ "$(field out.txt 'json.load(sys.stdin)["vectors"]')" = "$vectors" ] || fail "the search did not read $vectors"
[ "$(stat -c %i "$vectors")" = "$inode" ] || fail "the ingests rebuilt the vector file instead of appending to it"
cp out.txt before.json
truncate -s 100 "$vectors"
expect_rc 0 "$DEVOS" search "purity.clock: logic reads the clock" --db "$db" --format json
[ "$(field out.txt '[h["failure_id"] for h in json.load(sys.stdin)["hits"]]')" = \
  "$(field before.json '[h["failure_id"] for h in json.load(sys.stdin)["hits"]]')" ] || fail "a rebuilt file found other hits"
rm -rf "$db.vectors"
expect_rc 0 "$DEVOS" search "purity.clock: logic reads the clock" --db "$db"
expect_output "among 7 failures of devos-hash-v3-1024"
[ -f "$vectors" ] || fail "the vector file was not rebuilt"

# Usage and configuration errors.
expect_rc 2 "$DEVOS" search --db "$db"
expect_rc 2 "$DEVOS" search "x" -k 0 --db "$db"
expect_rc 2 "$DEVOS" search --failure 01NOTAFAILURE000000000000 --db "$db"
expect_output "has no stored vector"
DEVOS_EMBEDDINGS_URL=http://127.0.0.1:1 expect_rc 2 "$DEVOS" search "x" --db "$db"
expect_output "DEVOS_EMBEDDINGS_MODEL"
echo PASS
