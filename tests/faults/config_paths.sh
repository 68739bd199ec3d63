# Issue 16 item 8: every config path that cannot be used is an error naming the file and what to do,
# never a silent run with the defaults: .devos/devos.yml as a dangling symlink, a symlink loop or a
# folder, an unreadable .devos/, --config <folder>, a key written twice, a NaN threshold; the plugin's
# root=<not a folder> and today=<not a date>; allow comments with impossible dates;
# devos scan --root <missing>, devos link with no input, devos search on a corrupt database; allow
# comments further ahead than allow.max_days; usage errors that name the argument (item 10).
source "$(dirname "$0")/lib.sh"
unset CI DEVOS_DATABASE_URL
cp -r "$SOURCE/tests/fixtures/hexrepo" "$WORK/repo"
configure_db "$WORK/repo" "$WORK/db" g++
config=$WORK/repo/.devos/devos.yml
cp "$config" "$WORK/devos.yml.good"
restore() { rm -rf "$config"; cp "$WORK/devos.yml.good" "$config"; chmod -R u+rwX "$WORK/repo/.devos"; }

rm "$config" && ln -s "$WORK/nowhere.yml" "$config"
expect_rc 2 "$DEVOS" check -p "$WORK/db"
expect_output ".devos/devos.yml"
expect_output "dangling"
restore
rm "$config" && ln -s "$config" "$config"
expect_rc 2 "$DEVOS" check -p "$WORK/db"
expect_output ".devos/devos.yml"
restore
rm "$config" && mkdir "$config"
expect_rc 2 "$DEVOS" check -p "$WORK/db"
expect_output ".devos/devos.yml"
expect_output "not a file"
restore
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then # root reads anything: try as nobody
    chmod 000 "$WORK/repo/.devos"
    chmod -R a+rX "$WORK/db" && chmod a+x "$WORK" "$WORK/repo" 2>/dev/null || true
    expect_rc 2 runuser -u nobody -- "$DEVOS" check -p "$WORK/db" --no-cache
    expect_output ".devos/devos.yml"
    restore
fi
expect_rc 2 "$DEVOS" check -p "$WORK/db" --config "$WORK/repo/.devos"
expect_output "$WORK/repo/.devos"
printf 'tier: 1\ntier: 2\n' >"$config"
expect_rc 2 "$DEVOS" check -p "$WORK/db"
expect_output ".devos/devos.yml:2: error: the key 'tier' is written twice"
printf 'tier: 1\nthresholds:\n  coverage: .nan\n' >"$config"
expect_rc 2 "$DEVOS" check -p "$WORK/db"
expect_output ".devos/devos.yml:3: error: threshold 'coverage' must be between 0 and 100"
restore

# The plugin's arguments.
src=$WORK/repo/src/logic/state.cpp
expect_rc 1 clang++-19 -std=c++23 -fsyntax-only -fplugin="$PLUGIN" -fplugin-arg-devos-root="$WORK/nowhere" -I"$WORK/repo/src" "$src"
expect_output "root=$WORK/nowhere' is not a folder"
expect_rc 1 clang++-19 -std=c++23 -fsyntax-only -fplugin="$PLUGIN" -fplugin-arg-devos-today=0 -I"$WORK/repo/src" "$src"
expect_output "today=0' must be a date"

# An allow comment with a date that does not exist, and one further ahead than allow.max_days.
printf 'namespace shop { int impossible = 0; // devos-allow(purity.mutable-state): legacy until 2027-02-30\n}\n' >"$WORK/repo/src/logic/dates.cpp"
printf 'namespace shop { int later = 0; // devos-allow(purity.mutable-state): legacy until 2027-06-01\n}\n' >"$WORK/repo/src/logic/far.cpp"
configure_db "$WORK/repo" "$WORK/db2" g++
expect_rc 1 env DEVOS_TODAY=2026-12-03 "$DEVOS" check -p "$WORK/db2" --no-baseline
expect_output "src/logic/dates.cpp:1:"
expect_output "devos-allow comment is missing a valid date after 'until' (YYYY-MM-DD)"
expect_no_output "src/logic/far.cpp"
printf 'tier: 1\nallow:\n  max_days: 30\n' >"$config"
expect_rc 1 env DEVOS_TODAY=2026-12-03 "$DEVOS" check -p "$WORK/db2" --no-baseline
expect_output "src/logic/far.cpp:1:"
expect_output "devos-allow(purity.mutable-state) until 2027-06-01 is more than 30 days after today (2026-12-03)"
printf 'tier: 1\nallow:\n  max_days: 0\n' >"$config"
expect_rc 2 "$DEVOS" check -p "$WORK/db2"
expect_output ".devos/devos.yml:3: error: allow.max_days must be 1 to 36600 days, not 0"
restore

# Commands given nothing to work on.
expect_rc 2 "$DEVOS" scan --root "$WORK/nonexistent"
expect_output "$WORK/nonexistent: error: the folder to scan does not exist"
expect_rc 2 "$DEVOS" link
expect_output "nothing to link"
head -c 4096 /dev/urandom >"$WORK/corrupt.db"
set +e; "$DEVOS" search "anything" --db "$WORK/corrupt.db" >"$WORK/out.txt" 2>&1; rc=$?; set -e
[ "$rc" != 0 ] || { cat "$WORK/out.txt"; fail "search on a corrupt database exited 0"; }
expect_output "$WORK/corrupt.db"
# Item 10: a usage error names the argument and what is accepted, not the whole usage text.
expect_rc 2 "$DEVOS" scan nope
expect_output "devos scan: unknown part 'nope' (use secrets or files"
expect_rc 2 "$DEVOS" explain
expect_output "devos explain: give a rule id, or --list"
expect_rc 2 "$DEVOS" init --format xml
expect_output "devos init: --format must be text or json, not 'xml'"
expect_rc 2 "$DEVOS" heal --latest --agent oracle
expect_output "devos heal: --agent must be playbook, chat or auto, not 'oracle'"
expect_rc 2 "$DEVOS" heal
expect_output "devos heal: give exactly one of --failure <id> and --latest"
for command in sbom coverage deps targets; do
    expect_rc 2 "$DEVOS" "$command"
    expect_output "devos $command: give the CMake build folder with -p <build-dir>"
    expect_rc 2 "$DEVOS" "$command" stray -p "$WORK/db"
    expect_output "devos $command: unexpected argument 'stray'"
done
echo PASS
