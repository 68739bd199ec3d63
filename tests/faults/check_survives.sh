# Issue 16 item 7: one bad compile-database entry or one TU that crashes clang does not end
# `devos check`: that entry is reported as failed, naming why, the others are checked, exit 1.
source "$(dirname "$0")/lib.sh"
cp -r "$SOURCE/tests/fixtures/hexrepo" "$WORK/repo"
printf 'namespace shop { int crashes(); }\n#pragma clang __debug crash\n' >"$WORK/repo/src/logic/crash.cpp"
printf 'namespace shop { int gone() { return 1; } }\n' >"$WORK/repo/src/logic/gone.cpp"
configure_db "$WORK/repo" "$WORK/db" g++
python3 - "$WORK/db/compile_commands.json" "$WORK/repo" <<'PY'
import json, sys
path, repo = sys.argv[1], sys.argv[2]
db = json.load(open(path))
base = next(e for e in db if e["file"].endswith("src/logic/state.cpp"))
def entry(name, directory):
    e = dict(base)
    e["file"] = f"{repo}/src/logic/{name}"
    e["directory"] = directory
    e["command"] = base["command"].replace("src/logic/state.cpp", f"src/logic/{name}")
    return e
db = [e for e in db if not e["file"].endswith(("crash.cpp", "gone.cpp"))]
db.append(entry("gone.cpp", "/nonexistent/build/dir"))
db.append(entry("crash.cpp", base["directory"]))
db.append(dict(base))  # a duplicate entry: parsed once, counted once
json.dump(db, open(path, "w"), indent=1)
PY
expect_rc 1 "$DEVOS" check -p "$WORK/db" --no-cache
expect_output "src/logic/gone.cpp could not be analysed: its compile database entry runs in /nonexistent/build/dir, which does not exist"
expect_output "src/logic/crash.cpp could not be analysed: clang crashed while analysing it"
expect_output "src/logic/clock_and_env.cpp:11:16: error: [devos purity.clock]" # the rest is checked
expect_no_output "Cannot chdir"
# The same in JSON: both files listed as failed, the findings of the others present.
expect_rc 1 "$DEVOS" check -p "$WORK/db" --no-cache --format json -o "$WORK/report.json"
python3 - "$WORK/report.json" <<'PY' || fail "the JSON report lacks the failed files or the findings"
import json, sys
r = json.load(open(sys.argv[1]))
text = json.dumps(r)
assert "gone.cpp" in text and "crash.cpp" in text, text[:2000]
assert any(f.get("rule") == "purity.clock" or f.get("ruleId") == "purity.clock" for f in r.get("findings", [])), list(r)
PY
echo PASS
