# Issue 16 items 3 and 5: the baseline never grows on CI (whatever the flags), and a translation unit
# that cannot be analysed keeps its entries: `baseline update` fails and leaves the file as it was.
source "$(dirname "$0")/lib.sh"
cp -r "$SOURCE/tests/fixtures/hexrepo" "$WORK/repo"
configure_db "$WORK/repo" "$WORK/db" g++
baseline=$WORK/repo/.devos/baseline.json
unset CI
expect_rc 0 "$DEVOS" baseline create -p "$WORK/db"
expect_output "wrote 55 entries"
cp "$baseline" "$WORK/baseline.before"

# Item 5: CI=true (or any value but false/0) refuses create, with --force too, and leaves the file.
for ci in true 1 yes; do
    expect_rc 2 env CI=$ci "$DEVOS" baseline create --force -p "$WORK/db"
    expect_output "refusing to replace"
    cmp -s "$baseline" "$WORK/baseline.before" || fail "CI=$ci baseline create --force rewrote the baseline"
done
expect_rc 2 env CI=true "$DEVOS" baseline create --force -p "$WORK/db" --baseline "$WORK/new.json"
expect_output "refusing to create"
[ ! -e "$WORK/new.json" ] || fail "CI=true created a baseline"
expect_rc 0 env CI=true "$DEVOS" baseline update -p "$WORK/db" # shrinking stays allowed on CI
expect_rc 0 env CI=false "$DEVOS" baseline create --force -p "$WORK/db"

# Item 3: a TU with accepted findings stops compiling: its entries are not "fixed".
grep -q 'src/logic/state.cpp' "$baseline" || fail "the fixture has no entry in src/logic/state.cpp"
echo 'int broken( {' >>"$WORK/repo/src/logic/state.cpp"
expect_rc 1 "$DEVOS" baseline update -p "$WORK/db"
expect_output "left unchanged: 1 translation unit(s) could not be analysed (src/logic/state.cpp)"
cmp -s "$baseline" "$WORK/baseline.before" || fail "baseline update dropped the entries of a TU it could not analyse"
expect_rc 1 "$DEVOS" baseline create --force -p "$WORK/db"
expect_output "left unchanged"
cmp -s "$baseline" "$WORK/baseline.before" || fail "baseline create wrote a baseline without a TU's findings"
echo PASS
