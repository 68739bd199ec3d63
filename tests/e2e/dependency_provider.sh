# cmake/DevOSDependencyProvider.cmake injected with CMAKE_PROJECT_TOP_LEVEL_INCLUDES: a configure of a
# project that find_package()s GTest, nlohmann_json and Threads writes build/devos/dependencies.json
# with each name, requested and resolved version, found flag and location, sorted; a re-configure
# leaves the file untouched. Then `devos deps` checks the record against floors and bans, and
# check-full of a consumer configured with the provider runs the dependencies gate.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/src/sub"
cat > "$WORK/src/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(deps CXX)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(GTest REQUIRED)
add_subdirectory(sub)
find_package(DevOSNoSuchPackage QUIET)
if(NOT TARGET GTest::gtest OR NOT nlohmann_json_FOUND)
  message(FATAL_ERROR "the provider lost the package's targets or variables")
endif()
CMAKE
echo 'find_package(Threads REQUIRED)' > "$WORK/src/sub/CMakeLists.txt"
configure() {
    cmake -S "$WORK/src" -B "$WORK/build" -G Ninja \
        -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES="$SOURCE/cmake/DevOSDependencyProvider.cmake" >"$WORK/out.txt" 2>&1 ||
        { cat "$WORK/out.txt" >&2; fail "configure with the provider failed"; }
}
configure
json="$WORK/build/devos/dependencies.json"
python3 - "$json" <<'PY' || fail "dependencies.json is not what the configure resolved"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 1
deps = {d["name"]: d for d in doc["dependencies"]}
names = [d["name"] for d in doc["dependencies"]]
assert names == sorted(names), names
assert {"GTest", "nlohmann_json", "Threads", "DevOSNoSuchPackage"} <= set(names), names
nl = deps["nlohmann_json"]
assert nl["requestedVersion"] == "3.11" and nl["version"].startswith("3.11") and nl["found"] and nl["required"], nl
assert nl["location"].endswith("nlohmann_json") and nl["config"].endswith("nlohmann_jsonConfig.cmake"), nl
gt = deps["GTest"]
assert gt["found"] and gt["version"] and gt["requestedVersion"] is None and gt["location"], gt
th = deps["Threads"]
assert th["found"] and th["location"].endswith("FindThreads.cmake"), th
assert th["listFile"].endswith("src/sub/CMakeLists.txt") and nl["listFile"].endswith("src/CMakeLists.txt"), (th, nl)
missing = deps["DevOSNoSuchPackage"]
assert missing["found"] is False and missing["required"] is False and missing["version"] is None, missing
PY

cp "$json" "$WORK/first.json"
touch -d '2000-01-01' "$json"
configure
cmp -s "$WORK/first.json" "$json" || fail "a re-configure changed dependencies.json"
[ "$(stat -c %Y "$json")" = "$(date -d '2000-01-01' +%s)" ] || fail "a re-configure rewrote an unchanged dependencies.json"

# devos deps: floors and bans against the record, at the find_package call.
mkdir -p "$WORK/src/.devos"
cat > "$WORK/src/.devos/devos.yml" <<'YML'
tier: 1
dependencies:
  floors:
    nlohmann_json: "99.0"
    GTest: "1.0"
  bans:
    Threads: use std::jthread from the standard library
YML
cd "$WORK/src"
expect_rc 1 "$DEVOS" deps -p "$WORK/build"
expect_output "CMakeLists.txt:3:"
expect_output "error: [devos dependency.floor] 'nlohmann_json' resolved to 3.11"
expect_output "below the floor 99.0"
expect_output ".devos/devos.yml:4:"
expect_output "sub/CMakeLists.txt:1:"
expect_output "[devos dependency.ban] 'Threads' is banned in this repo: use std::jthread from the standard library"
expect_no_output "GTest"
expect_rc 1 "$DEVOS" deps -p "$WORK/build" --format sarif -o "$WORK/deps.sarif"
node "$SOURCE/tests/sarif/validate-sarif.mjs" --no-multitool --schema "$SCHEMA" "$WORK/deps.sarif" >/dev/null \
    || fail "deps SARIF is not valid"
printf 'tier: 1\ndependencies:\n  floors: { nlohmann_json: "3.0" }\n' > "$WORK/src/.devos/devos.yml"
expect_rc 0 "$DEVOS" deps -p "$WORK/build"
printf 'dependencies:\n  floors: { nlohmann_json: latest }\n' > "$WORK/src/.devos/devos.yml"
expect_rc 2 "$DEVOS" deps -p "$WORK/build"
expect_output ".devos/devos.yml:2: error: the floor of 'nlohmann_json' must be a version"
expect_rc 2 "$DEVOS" deps -p "$WORK/nowhere"
expect_output "no dependency record"
expect_output "DevOSDependencyProvider.cmake"
cd - >/dev/null

# check-full runs the dependencies gate when the provider is in: a ban fails it at the call.
consumer=$WORK/consumer
cp -r "$SOURCE/tests/consumer" "$consumer"
mkdir -p "$consumer/.devos"
printf 'tier: 1\ndependencies:\n  bans: { DevOS: "this test bans it" }\n' > "$consumer/.devos/devos.yml"
expect_rc 0 cmake -S "$consumer" -B "$consumer/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DDevOS_DIR="$BUILD" \
    -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES="$SOURCE/cmake/DevOSDependencyProvider.cmake"
expect_rc 1 cmake --build "$consumer/build" --target check-full
expect_output "dependencies   FAILED"
expect_output "[devos dependency.ban] 'DevOS' is banned in this repo: this test bans it"
printf 'tier: 1\ndependencies:\n  floors: { DevOS: "1.0" }\n' > "$consumer/.devos/devos.yml"
expect_rc 0 cmake --build "$consumer/build" --target check-full
expect_output "dependencies   passed"
expect_output "(dependency record: provider)"
expect_rc 0 cmake --build "$consumer/build" --target check-full
expect_output "ninja: no work to do."
echo PASS
