# devos check and explain on bad input: a clear message naming the file (and line), exit code 2,
# never a crash.
source "$(dirname "$0")/lib.sh"
expect_rc 2 "$DEVOS" check -p "$WORK/nowhere"
expect_output "the build directory does not exist"
mkdir -p "$WORK/empty"
expect_rc 2 "$DEVOS" check -p "$WORK/empty"
expect_output "no compile database in the build directory"
mkdir -p "$WORK/corrupt"
printf '[\n  {"directory": "/tmp",\n   "file": "a.cpp",\n   "command": "g++ -c a.cpp"\n  },\n  {oops}\n]\n' > "$WORK/corrupt/compile_commands.json"
expect_rc 2 "$DEVOS" check -p "$WORK/corrupt"
expect_output "compile_commands.json:6: error: the compile database is not valid JSON"
expect_rc 2 "$DEVOS" check --format xml
expect_output "--format must be text, json, sarif or agent, not 'xml'"
expect_rc 2 "$DEVOS" check --frobnicate
expect_output "unknown option '--frobnicate'"
expect_rc 2 "$DEVOS" explain purity.nope
expect_output "unknown rule 'purity.nope'"
expect_rc 0 "$DEVOS" explain purity.clock
expect_output "instead: Inject a Clock port"

# A repo config with a typo: file, line and the allowed keys.
cp -r "$SOURCE/tests/fixtures/hexrepo" "$WORK/repo"
printf 'tier: 1\nlayrs:\n  logic: {}\n' > "$WORK/repo/.devos/devos.yml"
configure_db "$WORK/repo" "$WORK/db" g++
expect_rc 2 "$DEVOS" check -p "$WORK/db"
expect_output ".devos/devos.yml:2: error: unknown key 'layrs' in the repo config"

# A compile database written by g++ with a flag clang does not know: dropped and reported.
mkdir -p "$WORK/gccdb"
cat > "$WORK/gccdb/compile_commands.json" <<JSON
[{"directory": "$WORK/repo", "file": "$WORK/repo/src/logic/state.cpp",
  "command": "g++ -std=c++23 -fno-canonical-system-headers -I$WORK/repo/src -c src/logic/state.cpp -o state.o"}]
JSON
printf 'tier: 1\n' > "$WORK/repo/.devos/devos.yml"
expect_rc 1 "$DEVOS" check -p "$WORK/gccdb"
expect_output "dropped -fno-canonical-system-headers (unknown to clang 19)"
expect_output "purity.throw"

# A file that does not parse: reported, the others still checked, exit 1.
cp "$WORK/repo/src/logic/state.cpp" "$WORK/repo/src/logic/broken.cpp"
echo "int broken( {" >> "$WORK/repo/src/logic/broken.cpp"
configure_db "$WORK/repo" "$WORK/db2" g++
expect_rc 1 "$DEVOS" check -p "$WORK/db2"
expect_output "src/logic/broken.cpp could not be analysed"
expect_output "src/logic/clock_and_env.cpp:11:16: error: [devos purity.clock]"
# A gate whose SARIF cannot be read failed (never zero findings), and gate report checks what it writes.
expect_rc 0 "$DEVOS" gate run --name deps --result "$WORK/gate/deps.json" --sarif "$WORK/gate/none.sarif" -- true
expect_rc 0 "$DEVOS" gate run --name format --result "$WORK/gate/format.json" -- true
expect_rc 1 "$DEVOS" gate report --title "FULL gate" --stamp "$WORK/gate/stamp" "$WORK/gate/deps.json" "$WORK/gate/format.json"
expect_output "deps           FAILED"
expect_output "FAILED: 1 of 2 gates"
[ ! -e "$WORK/gate/stamp" ] || fail "a failed report left its stamp"
expect_rc 1 "$DEVOS" gate report --title "FAST gate" --junit /proc/devos/fast.junit.xml --stamp "$WORK/gate/stamp" \
    "$WORK/gate/format.json"
expect_output "/proc/devos/fast.junit.xml: error: cannot write the JUnit report"
[ ! -e "$WORK/gate/stamp" ] || fail "a report that could not write its JUnit left its stamp"
echo "PASS"
