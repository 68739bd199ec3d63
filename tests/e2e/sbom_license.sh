# devos sbom over a configure (with the dependency provider) that find_package()s real Debian
# packages: the SPDX 2.3 document is schema-valid, names each package's Debian origin, license and
# purl, and is byte-identical across runs under SOURCE_DATE_EPOCH; a denied license fails
# `devos sbom` and check-full's sbom gate at the find_package call, and passes once allowed; a
# malformed record or `licenses:` config is an error naming the file and line. Without the provider,
# check-full derives the record from the CMake cache and codemodel: the SBOM still lists every
# find_package dependency, and a ban on one fails the dependencies gate.
source "$(dirname "$0")/lib.sh"
: "${SPDX_SCHEMA:?}"

mkdir -p "$WORK/src/.devos"
cat > "$WORK/src/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(licensed CXX)
find_package(ZLIB REQUIRED)
find_package(GTest REQUIRED)
find_package(Threads REQUIRED)
CMAKE
cmake -S "$WORK/src" -B "$WORK/build" -G Ninja \
    -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES="$SOURCE/cmake/DevOSDependencyProvider.cmake" >"$WORK/out.txt" 2>&1 ||
    { cat "$WORK/out.txt" >&2; fail "configure with the provider failed"; }
cd "$WORK/src"
sbom=$WORK/build/devos/sbom.spdx.json

export SOURCE_DATE_EPOCH=1700000000
expect_rc 0 "$DEVOS" sbom -p "$WORK/build"
[ -f "$sbom" ] || fail "devos sbom wrote no $sbom"
expect_rc 0 node "$SOURCE/tests/sbom/validate-spdx.mjs" --schema "$SPDX_SCHEMA" "$sbom"
python3 - "$sbom" "$(dpkg --print-architecture)" <<'PY' || fail "the SBOM does not describe what the configure resolved"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["spdxVersion"] == "SPDX-2.3" and doc["name"] == "licensed", doc["name"]
assert doc["creationInfo"]["created"] == "2023-11-14T22:13:20Z", doc["creationInfo"]
assert doc["creationInfo"]["creators"][0].startswith("Tool: devos-")
pkgs = {p["name"]: p for p in doc["packages"]}
root = doc["packages"][0]["SPDXID"]
zlib = pkgs["ZLIB"]
assert zlib["licenseDeclared"] == "Zlib", zlib
purl = zlib["externalRefs"][0]["referenceLocator"]
assert purl.startswith("pkg:deb/debian/zlib1g-dev@") and purl.endswith("?arch=" + sys.argv[2]), purl
gtest = pkgs["GTest"]
assert gtest["licenseDeclared"] == "BSD-3-Clause", gtest
assert "pkg:deb/debian/libgtest-dev@" in gtest["externalRefs"][0]["referenceLocator"], gtest
threads = pkgs["Threads"]  # FindThreads names no library: no Debian package to credit
assert threads["licenseDeclared"] == "NOASSERTION" and "externalRefs" not in threads, threads
rels = {(r["spdxElementId"], r["relationshipType"], r["relatedSpdxElement"]) for r in doc["relationships"]}
assert ("SPDXRef-DOCUMENT", "DESCRIBES", root) in rels, rels
for p in doc["packages"][1:]:
    assert (root, "DEPENDS_ON", p["SPDXID"]) in rels, p["SPDXID"]
PY
cp "$sbom" "$WORK/first.spdx.json"
expect_rc 0 "$DEVOS" sbom -p "$WORK/build" -o "$WORK/second.spdx.json"
cmp -s "$WORK/first.spdx.json" "$WORK/second.spdx.json" || fail "two runs on the same input differ"

# The license policy: a denied license fails at the find_package call, with a note at the deny.
printf 'tier: 1\nlicenses:\n  deny: [GPL-3.0-only, Zlib]\n' > .devos/devos.yml
expect_rc 1 "$DEVOS" sbom -p "$WORK/build"
expect_output "CMakeLists.txt:3:"
expect_output "error: [devos dependency.license] 'ZLIB' is licensed Zlib (Debian package zlib1g-dev), and Zlib is denied in this repo"
expect_output ".devos/devos.yml:3:"
expect_rc 1 "$DEVOS" sbom -p "$WORK/build" --format sarif --sarif-output "$WORK/sbom.sarif"
node "$SOURCE/tests/sarif/validate-sarif.mjs" --no-multitool --schema "$SCHEMA" "$WORK/sbom.sarif" >/dev/null \
    || fail "sbom SARIF is not valid"
printf 'tier: 1\nlicenses:\n  allow: [Zlib, BSD-3-Clause]\n' > .devos/devos.yml
expect_rc 0 "$DEVOS" sbom -p "$WORK/build"
expect_output "warning: [devos dependency.license] the license of 'Threads' is unknown"

# Bad input names the file and the line.
printf 'licenses:\n  allow: [Zlib]\n  deny: MIT\n' > .devos/devos.yml
expect_rc 2 "$DEVOS" sbom -p "$WORK/build"
expect_output ".devos/devos.yml:3: error: 'licenses.deny' must be a list of SPDX license ids"
printf 'licenses:\n  permit: [MIT]\n' > .devos/devos.yml
expect_rc 2 "$DEVOS" sbom -p "$WORK/build"
expect_output ".devos/devos.yml:2: error: unknown key 'permit' in 'licenses'"
rm .devos/devos.yml
printf '{"version": 1,\n "dependencies": [\n  {"name": "ZLIB",, "found": true}\n]}\n' > "$WORK/bad.json"
expect_rc 2 "$DEVOS" sbom -p "$WORK/build" --record "$WORK/bad.json"
expect_output "$WORK/bad.json:3: error: the dependency record is not valid JSON"
expect_rc 2 "$DEVOS" sbom -p "$WORK/nowhere"
expect_output "no dependency record"
cd - >/dev/null

# check-full runs the sbom gate when the provider is in: a denied license fails it at the call.
consumer=$WORK/consumer
cp -r "$SOURCE/tests/consumer" "$consumer"
sed -i '5a find_package(ZLIB REQUIRED)' "$consumer/CMakeLists.txt"
mkdir -p "$consumer/.devos"
printf 'tier: 1\nlicenses:\n  deny: [Zlib]\n' > "$consumer/.devos/devos.yml"
expect_rc 0 cmake -S "$consumer" -B "$consumer/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DDevOS_DIR="$BUILD" \
    -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES="$SOURCE/cmake/DevOSDependencyProvider.cmake"
expect_rc 1 cmake --build "$consumer/build" --target check-full
expect_output "sbom           FAILED"
expect_output "CMakeLists.txt:6:"
expect_output "[devos dependency.license] 'ZLIB' is licensed Zlib"
[ -f "$consumer/build/devos/sbom.spdx.json" ] || fail "check-full wrote no SBOM"
printf 'tier: 1\nlicenses:\n  deny: [GPL-3.0-only]\n' > "$consumer/.devos/devos.yml"
expect_rc 0 cmake --build "$consumer/build" --target check-full
expect_output "sbom           passed"
expect_rc 0 cmake --build "$consumer/build" --target check-full
expect_output "ninja: no work to do."

# Without the provider check-full derives the record from what CMake knows (the cache, the
# codemodel): the SBOM lists every find_package dependency, the table and the SARIF say where the
# record came from, and a ban on one of them fails the dependencies gate at its find_package call.
plain=$WORK/plain
cp -r "$SOURCE/tests/consumer" "$plain"
sed -i '5a find_package(ZLIB REQUIRED)\nfind_package(GTest REQUIRED)' "$plain/CMakeLists.txt"
expect_rc 0 cmake -S "$plain" -B "$plain/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DDevOS_DIR="$BUILD"
expect_rc 0 cmake --build "$plain/build" --target check-full
expect_output "dependencies   passed"
expect_output "sbom           passed"
expect_output "(dependency record: cmake cache + codemodel, no dependency provider)"
python3 - "$plain/build/devos/sbom.spdx.json" "$plain/build/devos/full.sarif" <<'PY' || fail "the SBOM without the provider misses a package or its source"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["creationInfo"]["comment"] == "Packages from the dependency record: cmake cache + codemodel.", doc["creationInfo"]
pkgs = {p["name"]: p for p in doc["packages"][1:]}
assert {"ZLIB", "GTest", "Threads", "DevOS"} <= set(pkgs), sorted(pkgs)
zlib = pkgs["ZLIB"]
assert zlib["licenseDeclared"] == "Zlib" and zlib["versionInfo"].startswith("1."), zlib
assert zlib["externalRefs"][0]["referenceLocator"].startswith("pkg:deb/debian/zlib1g-dev@"), zlib
assert "pkg:deb/debian/libgtest-dev@" in pkgs["GTest"]["externalRefs"][0]["referenceLocator"], pkgs["GTest"]
assert pkgs["DevOS"]["versionInfo"] == "1.0.0", pkgs["DevOS"]
runs = {run["automationDetails"]["id"]: run for run in json.load(open(sys.argv[2]))["runs"]}
for gate in ("dependencies", "sbom"):
    assert runs["devos/%s/" % gate]["properties"]["dependencyRecord"] == "cmake cache + codemodel", runs.keys()
PY
expect_rc 0 node "$SOURCE/tests/sbom/validate-spdx.mjs" --schema "$SPDX_SCHEMA" "$plain/build/devos/sbom.spdx.json"
mkdir -p "$plain/.devos"
printf 'tier: 1\ndependencies:\n  bans: { ZLIB: "this test bans it" }\n' > "$plain/.devos/devos.yml"
expect_rc 1 cmake --build "$plain/build" --target check-full
expect_output "dependencies   FAILED"
expect_output "CMakeLists.txt:6:"
expect_output "[devos dependency.ban] 'ZLIB' is banned in this repo: this test bans it (resolved 1."
echo PASS
