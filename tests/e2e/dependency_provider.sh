# cmake/DevOSDependencyProvider.cmake injected with CMAKE_PROJECT_TOP_LEVEL_INCLUDES: a configure of a
# project that find_package()s GTest, nlohmann_json and Threads writes build/devos/dependencies.json
# with each name, requested and resolved version, found flag and location, sorted; a re-configure
# leaves the file untouched.
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
python3 - "$json" <<'PY'
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
missing = deps["DevOSNoSuchPackage"]
assert missing["found"] is False and missing["required"] is False and missing["version"] is None, missing
PY
[ $? = 0 ] || fail "dependencies.json is not what the configure resolved"

cp "$json" "$WORK/first.json"
touch -d '2000-01-01' "$json"
configure
cmp -s "$WORK/first.json" "$json" || fail "a re-configure changed dependencies.json"
[ "$(stat -c %Y "$json")" = "$(date -d '2000-01-01' +%s)" ] || fail "a re-configure rewrote an unchanged dependencies.json"
echo PASS
