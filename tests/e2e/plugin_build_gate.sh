# The plugin in a real CMake + Ninja build: a clean tree builds and keeps its objects; a violation
# fails `cmake --build` at the offending line; removing it makes the build pass again. Also: the
# effect summary lands beside the object file, and bad plugin arguments or config are clear errors.
source "$(dirname "$0")/lib.sh"
: "${PLUGIN:?}"
cp -r "$SOURCE/examples/orders" "$WORK/repo"
cmake -S "$WORK/repo" -B "$WORK/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_CXX_FLAGS="-fplugin=$PLUGIN" -DORDERS_BUILD_TESTS=OFF >/dev/null
expect_rc 0 cmake --build "$WORK/build"
summary=$(find "$WORK/build" -name 'pricing.cpp.o.devos.json' | head -1)
[ -n "$summary" ] || fail "no effect summary beside pricing.cpp.o"
grep -q '"devosSummary":1' "$summary" || fail "summary is not a DevOS effect summary"

# Inject a clock read into the pure pricing logic.
pricing="$WORK/repo/src/logic/pricing.cpp"
cp "$pricing" "$WORK/pricing.orig"
line=$(grep -n '^#include' "$pricing" | tail -1 | cut -d: -f1)
sed -i "${line}a #include <chrono>\nnamespace orders::logic { long devosInjectedNow() { return std::chrono::system_clock::now().time_since_epoch().count(); } }" "$pricing"
expect_rc 1 cmake --build "$WORK/build"
expect_output "src/logic/pricing.cpp:$((line + 2)):"
expect_output "error: [devos purity.clock] logic/ must be deterministic: 'std::chrono::system_clock::now' reads the clock"
expect_output "note: Inject a Clock port (ports/)"

cp "$WORK/pricing.orig" "$pricing"
expect_rc 0 cmake --build "$WORK/build"

# A summary that cannot be written fails the compile naming it (not an "unknown effect" later).
expect_rc 1 clang++-19 -std=c++23 -c -fplugin="$PLUGIN" -fplugin-arg-devos-summary="$WORK/gone/pricing.devos.json" \
    -I "$WORK/repo/src" "$pricing" -o "$WORK/pricing.o"
expect_output "[devos summary] $WORK/gone/pricing.devos.json: error: cannot write the DevOS effect summary"

# Bad input: an unknown plugin argument and a malformed repo config are clear errors.
expect_rc 1 clang++-19 -fsyntax-only -fplugin="$PLUGIN" -fplugin-arg-devos-colour=yes -x c++ /dev/null
expect_output "unknown devos plugin argument 'colour=yes'"
expect_rc 1 clang++-19 -fsyntax-only -fplugin="$PLUGIN" -fplugin-arg-devos-policy-hash=XYZ -x c++ /dev/null
expect_output "devos plugin argument 'policy-hash=XYZ' must be lower-case hex"
expect_rc 0 clang++-19 -fsyntax-only -fplugin="$PLUGIN" -fplugin-arg-devos-policy-hash=0123abcd -x c++ /dev/null
printf 'tier: 1\nrules:\n  purity.clok: error\n' > "$WORK/repo/.devos/devos.yml"
expect_rc 1 clang++-19 -std=c++23 -fsyntax-only -fplugin="$PLUGIN" -I "$WORK/repo/src" "$pricing"
expect_output ".devos/devos.yml:3: error: unknown rule id 'purity.clok'"
echo "PASS"
