# check-full's secrets and files gates (`devos scan`) in a git repo that consumes DevOS from the
# build tree: a fake AWS key planted in a tracked source fails the secrets gate at its line, and the
# key appears nowhere in the output or the SARIF; a committed .o fails the files gate; removing each
# passes again; an unchanged tree runs no gate edge; a bad `scan:` config names the file and line;
# `scan.exclude` leaves test fixtures out; no output format shows the key; a repo's gitleaks
# configuration adds its own rule, and a mistake in it is an error at its line.
source "$(dirname "$0")/lib.sh"
: "${BUILD:?}"
repo=$WORK/repo
build=$WORK/build
cp -r "$SOURCE/tests/consumer" "$repo"
git_() { git -C "$repo" -c user.name=devos -c user.email=devos@example.invalid "$@" >/dev/null; }
git_ init -q
git_ add -A
git_ commit -q -m init

expect_rc 0 cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DDevOS_DIR="$BUILD"
expect_rc 0 cmake --build "$build" --target check-fast
expect_rc 0 cmake --build "$build" --target check-full
expect_output "secrets        passed"
expect_output "files          passed"
expect_rc 0 cmake --build "$build" --target check-full
expect_output "ninja: no work to do."

# A fake AWS key in a tracked source (assembled here so this script holds none).
key="AKIA""Q3EGRTXYZ7TESTKY" # 20 characters, as AWS access key ids are
total=$repo/src/logic/total.cpp
cp "$total" "$WORK/total.orig"
echo "// deploy with $key" >> "$total"
line=$(wc -l < "$total")
expect_rc 1 cmake --build "$build" --target check-full
expect_output "secrets        FAILED"
expect_output "src/logic/total.cpp:$line:16: error: [devos security.secret] a secret is committed: AWS access key id"
expect_output "matched as '[REDACTED]'"
expect_output "files          passed"
grep -qF "$key" "$WORK/out.txt" && fail "the key is in the check-full output"
grep -rqF "$key" "$build/devos/"*.sarif && fail "the key is in the SARIF"
for sarif in secrets full; do
    node "$SOURCE/tests/sarif/validate-sarif.mjs" --no-multitool --schema "$SCHEMA" "$build/devos/$sarif.sarif" >/dev/null \
        || fail "$sarif.sarif is not valid SARIF"
done
grep -qF '"ruleId": "security.secret"' "$build/devos/full.sarif" || fail "full.sarif lacks the security.secret result"
cp "$WORK/total.orig" "$total"
expect_rc 0 cmake --build "$build" --target check-full
expect_output "secrets        passed"

# A committed object file.
printf '\177ELF\002\001\001\000\000\000' > "$repo/src/logic/total.o"
git_ add src/logic/total.o
expect_rc 1 cmake --build "$build" --target check-full
expect_output "files          FAILED"
expect_output "src/logic/total.o:1:1: error: [devos files.binary] 'src/logic/total.o' is a build output (.o) committed to the repo"
git_ rm -q --cached src/logic/total.o
rm "$repo/src/logic/total.o"
expect_rc 0 cmake --build "$build" --target check-full
expect_output "files          passed"
expect_rc 0 cmake --build "$build" --target check-full
expect_output "ninja: no work to do."

# The config: exclusions, and mistakes named at their line.
mkdir -p "$repo/tests/fixtures" "$repo/.devos"
echo "aws_key=$key" > "$repo/tests/fixtures/fake.env"
git_ add tests/fixtures/fake.env
expect_rc 1 "$DEVOS" scan secrets --root "$repo"
expect_output "tests/fixtures/fake.env:1:9: error: [devos security.secret]"
grep -qF "$key" "$WORK/out.txt" && fail "the key is in devos scan's output"
for format in json agent sarif; do
    expect_rc 1 "$DEVOS" scan secrets --root "$repo" --format "$format"
    expect_output "security.secret"
    grep -qF "$key" "$WORK/out.txt" && fail "the key is in devos scan's $format output"
done
printf 'tier: 1\nscan:\n  exclude: ["tests/fixtures/**"]\n' > "$repo/.devos/devos.yml"
expect_rc 0 "$DEVOS" scan --root "$repo"
printf 'tier: 1\nscan:\n  max_file_kb: lots\n' > "$repo/.devos/devos.yml"
expect_rc 2 "$DEVOS" scan --root "$repo"
expect_output ".devos/devos.yml:3: error: 'scan.max_file_kb' must be an integer"
printf 'tier: 1\nscan:\n  exclude: ["x"]\n  exclud: ["y"]\n' > "$repo/.devos/devos.yml"
expect_rc 2 "$DEVOS" scan --root "$repo"
expect_output ".devos/devos.yml:4: error: unknown key 'exclud' in 'scan'"

# A gitleaks configuration of the repo: its rule finds the repo's own token format, the built-in
# rules still apply (useDefault), and its mistakes are errors at their line.
cat > "$repo/.gitleaks.toml" <<'TOML'
title = "orders"
[extend]
useDefault = true

[[rules]]
id = "orders-api-token"
description = "Orders API token"
regex = '''ordtok_[a-z0-9]{24}'''
keywords = ["ordtok_"]
TOML
token="ordtok_""k3j5h7g9f1d3s5a7q9w1e3r5"
echo "ORDERS_TOKEN=$token" > "$repo/deploy.env"
git_ add deploy.env
printf 'tier: 1\nscan:\n  exclude: ["tests/fixtures/**"]\n  gitleaks_config: .gitleaks.toml\n' > "$repo/.devos/devos.yml"
expect_rc 1 "$DEVOS" scan secrets --root "$repo"
expect_output "deploy.env:1:14: error: [devos security.secret] a secret is committed: Orders API token [orders-api-token]"
grep -qF "$token" "$WORK/out.txt" && fail "the token is in devos scan's output"
echo "AWS_KEY=$key" >> "$repo/deploy.env"
expect_rc 1 "$DEVOS" scan secrets --root "$repo"
expect_output "deploy.env:2:9: error: [devos security.secret] a secret is committed: AWS access key id"
printf '[[rules]]\nid = "orders-api-token"\nregx = "ordtok_"\n' > "$repo/.gitleaks.toml"
expect_rc 2 "$DEVOS" scan secrets --root "$repo"
expect_output ".gitleaks.toml:3: error: unknown key 'regx' in rule 'orders-api-token'"
printf '[[rules]]\nid = "lookahead"\nregex = "ordtok_(?=x)"\n' > "$repo/.gitleaks.toml"
expect_rc 2 "$DEVOS" scan secrets --root "$repo"
expect_output ".gitleaks.toml:3: error: the regex of rule 'lookahead' is not a regex RE2 can compile"
rm "$repo/.gitleaks.toml"
expect_rc 2 "$DEVOS" scan secrets --root "$repo"
expect_output ".devos/devos.yml:4: error: scan.gitleaks_config: cannot read '.gitleaks.toml'"
echo PASS
