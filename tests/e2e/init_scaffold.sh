# devos init in a temp dir: every file of an adopting repo; a second run creates nothing; an existing
# CMakeLists.txt and README.md get their lines appended once; the generated config loads.
source "$(dirname "$0")/lib.sh"

repo="$WORK/repo"
mkdir -p "$repo"
printf 'cmake_minimum_required(VERSION 3.25)\nproject(shop CXX)\n' > "$repo/CMakeLists.txt"
printf '# Shop\n' > "$repo/README.md"
expect_rc 0 "$DEVOS" init "$repo" --tier 2
expect_output "appended    CMakeLists.txt"
expect_output "created     .devos/devos.yml"
for f in src/{contracts,logic,ports,services,adapters,entrypoints}/.gitkeep .devos/devos.yml .devos/self-heal.yml \
         .clang-format .github/ISSUE_TEMPLATE/{bet,idea,bug_report}.yml; do
    [ -f "$repo/$f" ] || fail "devos init did not create $f"
done
grep -qx 'find_package(DevOS 1.0 REQUIRED)' "$repo/CMakeLists.txt" || fail "no find_package(DevOS) in CMakeLists.txt"
grep -qx 'devos_enable_gates()' "$repo/CMakeLists.txt" || fail "no devos_enable_gates() (the tier is the config's)"
grep -qx 'project(shop CXX)' "$repo/CMakeLists.txt" || fail "the existing CMakeLists.txt was not kept"
grep -qx '## Architecture gates (DevOS)' "$repo/README.md" || fail "no README section"
grep -qx 'tier: 2' "$repo/.devos/devos.yml" || fail "the config does not say tier 2"
grep -q '^enabled: false' "$repo/.devos/self-heal.yml" || fail "self-heal is not disabled"
diff -u "$SOURCE/.clang-format" "$repo/.clang-format" || fail ".clang-format differs from DevOS's own"

# Valid YAML everywhere; the issue forms have GitHub's required keys and the bet's appetite options.
python3 - "$repo" <<'PY'
import sys, yaml, pathlib
root = pathlib.Path(sys.argv[1])
for f in [".devos/devos.yml", ".devos/self-heal.yml", ".clang-format"]:
    yaml.safe_load((root / f).read_text())
forms = {p.name: yaml.safe_load(p.read_text()) for p in (root / ".github/ISSUE_TEMPLATE").glob("*.yml")}
assert sorted(forms) == ["bet.yml", "bug_report.yml", "idea.yml"], sorted(forms)
for name, form in forms.items():
    assert {"name", "description", "body"} <= form.keys(), name
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids)), name
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}, (name, item)
        assert "label" in item["attributes"] or item["type"] == "markdown", (name, item)
bet = {item.get("id"): item for item in forms["bet.yml"]["body"]}
assert [o.split()[0] for o in bet["appetite"]["attributes"]["options"]] == ["Small", "Medium", "Large"]
assert "scope" in bet and bet["ai-readiness"]["type"] == "checkboxes"
PY

# The config loads (it is validated by every command run inside the repo).
(cd "$repo" && "$DEVOS" explain --list >/dev/null) || fail "devos explain --list fails in the scaffolded repo"
# So do the check-full policies it shows in comments, once uncommented.
cp "$repo/.devos/devos.yml" "$WORK/devos.yml.orig"
sed -i -E 's/^# (dependencies|licenses|scan):/\1:/' "$repo/.devos/devos.yml"
[ "$(grep -cE '^(dependencies|licenses|scan):' "$repo/.devos/devos.yml")" = 3 ] || fail "the config shows no policies"
(cd "$repo" && "$DEVOS" explain --list >/dev/null) || fail "the config's example policies do not load"
cp "$WORK/devos.yml.orig" "$repo/.devos/devos.yml"

# Idempotent: the second run writes nothing and changes nothing.
cp -r "$repo" "$WORK/before"
expect_rc 0 "$DEVOS" init "$repo"
expect_output "devos init: 0 written, 15 skipped"
diff -r "$WORK/before" "$repo" || fail "the second devos init changed files"

# devos heal validates the generated self-heal.yml and stops at its kill switch: nothing happens.
if "$DEVOS" --help | grep -q '^  heal'; then
    (cd "$repo" && git init -q && git config user.email t@e && git config user.name t && git add -A && git commit -qm init)
    (cd "$repo" && expect_rc 1 "$DEVOS" heal --latest --db "$WORK/telemetry.db")
    expect_output "stopped   disabled: self-heal is disabled (enabled: false in .devos/self-heal.yml)"
    [ ! -e "$repo/.devos/selfheal" ] || fail "a disabled heal wrote .devos/selfheal"
fi

# --force rewrites the files init owns, never the appended ones twice.
echo 'tier: 0' > "$repo/.devos/devos.yml"
expect_rc 0 "$DEVOS" init "$repo" --force --tier 1
expect_output "overwritten .devos/devos.yml"
grep -qx 'tier: 1' "$repo/.devos/devos.yml" || fail "--force did not rewrite the config"
[ "$(grep -c 'find_package(DevOS' "$repo/CMakeLists.txt")" = 1 ] || fail "find_package(DevOS) appended twice"

# A fresh folder gets a minimal CMakeLists.txt; bad input exits 2.
expect_rc 0 "$DEVOS" init "$WORK/fresh" --tier 0
grep -qx 'devos_enable_gates()' "$WORK/fresh/CMakeLists.txt" || fail "no minimal CMakeLists.txt"
grep -qx 'tier: 0' "$WORK/fresh/.devos/devos.yml" || fail "the config does not say tier 0"
expect_rc 2 "$DEVOS" init "$WORK/fresh" --tier 3
expect_output "--tier must be 0, 1 or 2"
expect_rc 0 "$DEVOS" init --help

# --dashboards writes the Grafana dashboards and provisioning files, byte for byte those of the repo,
# and only them; a second run keeps them.
expect_rc 0 "$DEVOS" init --dashboards "$WORK/grafana"
expect_output "created     devos-telemetry.json"
expect_output "created     provisioning/datasources/devos-postgres.yaml"
diff -r "$SOURCE/dashboards/grafana" "$WORK/grafana" || fail "init --dashboards differs from dashboards/grafana"
expect_rc 0 "$DEVOS" init --dashboards "$WORK/grafana"
expect_output "devos init: 0 written, 4 skipped"
expect_rc 2 "$DEVOS" init "$WORK/fresh" --dashboards "$WORK/grafana"
echo PASS
