# Issue 16 items 4 and 6, and invalid bytes in every reader: no input byte crashes the plugin or the
# CLI. A header named with Latin-1 bytes compiles under the plugin and checks clean; invalid UTF-8 in a
# report is stored as U+FFFD and every JSON output of it works; every reader given invalid bytes
# answers with an error naming the file (exit 1 or 2), never "internal error" or a signal.
source "$(dirname "$0")/lib.sh"
unset DEVOS_DATABASE_URL DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL CI

# Item 6: a clean TU that includes a header whose name is not valid UTF-8.
cp -r "$SOURCE/examples/orders" "$WORK/repo"
latin1=$(printf 'caf\xe9.hpp')
printf 'namespace orders { inline int menu() { return 1; } }\n' >"$WORK/repo/src/logic/$latin1"
printf '#include "%s"\nnamespace orders { int dishes() { return menu(); } }\n' "$latin1" >"$WORK/repo/src/logic/dishes.cpp"
expect_rc 0 clang++-19 -std=c++23 -fsyntax-only -fplugin="$PLUGIN" -fplugin-arg-devos-root="$WORK/repo" \
    -fplugin-arg-devos-summary="$WORK/dishes.devos.json" -I"$WORK/repo/src" "$WORK/repo/src/logic/dishes.cpp"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/dishes.devos.json" || fail "the summary is not JSON"
configure_db "$WORK/repo" "$WORK/db" g++
expect_rc 0 "$DEVOS" check -p "$WORK/db" --no-cache
expect_no_output "internal error"
expect_rc 0 "$DEVOS" check -p "$WORK/db" --format json -o "$WORK/check.json"
expect_rc 0 "$DEVOS" check -p "$WORK/db" --format sarif -o "$WORK/check.sarif"

# Item 4: invalid UTF-8 in a JUnit report, ingested and searched with JSON output.
db=$WORK/telemetry.db
printf '<testsuites><testsuite name="Bytes" tests="1" failures="1"><testcase name="Reads\xff" classname="Bytes"><failure message="expected caf\xe9 got \x80">#0 0x1 in read() /src/r\xc3.cpp:3</failure></testcase></testsuite></testsuites>\n' >"$WORK/bytes.xml"
expect_rc 0 "$DEVOS" ingest junit "$WORK/bytes.xml" --db "$db" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "\ufffd" in d["failures"][0]["message"], d' "$WORK/out.txt" \
    || fail "ingest --format json: $(cat "$WORK/out.txt")"
[ "$(sqlite3 "$db" "SELECT message FROM test_failures")" = "expected caf$(printf '\xef\xbf\xbd') got $(printf '\xef\xbf\xbd')" ] \
    || fail "stored bytes are not normalised: $(sqlite3 "$db" "SELECT hex(message) FROM test_failures")"
expect_rc 0 "$DEVOS" search "expected cafe got" --db "$db" --format json --threshold 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["hits"], d' "$WORK/out.txt" \
    || fail "search --format json: $(cat "$WORK/out.txt")"

# Every reader given invalid bytes: an error naming the file, exit 1 or 2, no crash.
garbage() { head -c 3000 /dev/urandom >"$1"; printf '\xff\xfe\xc0\x80' >>"$1"; }
expect_error() { # <file named in the message> <command...>
    local file=$1; shift
    set +e; "$@" >"$WORK/out.txt" 2>&1; local got=$?; set -e
    case $got in 1|2) ;; *) cat "$WORK/out.txt" >&2; fail "exit $got (want 1 or 2) from: $*" ;; esac
    expect_no_output "internal error"
    expect_output "$file"
}
garbage "$WORK/garbage.xml"; expect_error "$WORK/garbage.xml" "$DEVOS" ingest junit "$WORK/garbage.xml" --db "$db"
garbage "$WORK/garbage.sarif"; expect_error "$WORK/garbage.sarif" "$DEVOS" ingest sarif "$WORK/garbage.sarif" --db "$db"
cp "$WORK/db/compile_commands.json" "$WORK/compile_commands.good"
garbage "$WORK/db/compile_commands.json"; expect_error "compile_commands.json" "$DEVOS" check -p "$WORK/db"
cp "$WORK/compile_commands.good" "$WORK/db/compile_commands.json"
garbage "$WORK/repo/.devos/devos.yml"; expect_error ".devos/devos.yml" "$DEVOS" check -p "$WORK/db"
printf 'tier: 1\n' >"$WORK/repo/.devos/devos.yml"
garbage "$WORK/repo/.devos/baseline.json"; expect_error ".devos/baseline.json" "$DEVOS" check -p "$WORK/db"
rm "$WORK/repo/.devos/baseline.json"
garbage "$WORK/not.db"; expect_error "$WORK/not.db" "$DEVOS" search "anything" --db "$WORK/not.db"
garbage "$WORK/summary.devos.json"; expect_error "summary.devos.json" "$DEVOS" link "$WORK/summary.devos.json" --root "$WORK/repo"
echo PASS
