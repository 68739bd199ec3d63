# DevOS gates DevOS: tools/devos and clang-plugin/engine are compiled under DevOS's own plugin with
# their own .devos/devos.yml. In a copy of each tree, a violation injected into a source is compiled
# with the exact command of DevOS's own build (its compile database, -fplugin included; the include
# folders of the two trees point at the copies): the clean copy compiles, an I/O call in a pure
# (logic) file and an include against the layer graph fail it.
source "$(dirname "$0")/lib.sh"
: "${BUILD:?}"
db="$BUILD/compile_commands.json"
[ -f "$db" ] || fail "no compile database in $BUILD"
mkdir -p "$WORK/src/tools" "$WORK/src/clang-plugin"
cp -r "$SOURCE/tools/devos" "$WORK/src/tools/"
cp -r "$SOURCE/clang-plugin/engine" "$WORK/src/clang-plugin/"
mkdir -p "$WORK/src/foundation" # the configs include foundation/purity.yml
cp "$SOURCE/foundation/purity.yml" "$WORK/src/foundation/"

# compile <repo-relative source>: DevOS's own build command for it, run on the copy.
compile() {
    python3 - "$db" "$SOURCE" "$WORK/src" "$1" "$WORK/out.o" >"$WORK/cmd" <<'PY'
import json, shlex, sys
db, source, copy, rel, out = sys.argv[1:]
for entry in json.load(open(db)):
    if entry["file"] == f"{source}/{rel}":
        args = shlex.split(entry["command"])
        if args[0].endswith("ccache"):
            args = args[1:]
        args = [a for a in args if not a.startswith("-M")]
        args = [f"{copy}/{rel}" if a == entry["file"] else a for a in args]
        for tree in ("tools/devos", "clang-plugin/engine"):  # the copy's headers, not the originals
            args = [a.replace(f"{source}/{tree}", f"{copy}/{tree}") for a in args]
        args[args.index("-o") + 1] = out
        if not any(a.startswith("-fplugin=") for a in args):
            sys.exit(f"{rel} is not compiled under the DevOS plugin: {entry['command']}")
        print(entry["directory"])
        print(shlex.join(args))
        break
else:
    sys.exit(f"{rel} is not in {db}")
PY
    local dir cmd
    dir=$(sed -n 1p "$WORK/cmd"); cmd=$(sed -n 2p "$WORK/cmd")
    (cd "$dir" && eval "$cmd")
}

# The clean copies compile.
for rel in tools/devos/scan/file_type.cpp tools/devos/gates/gate_result.cpp clang-plugin/engine/src/finding.cpp; do
    expect_rc 0 compile "$rel"
done

# An I/O call in a pure part of the CLI (scan/file_type is logic).
file_type="$WORK/src/tools/devos/scan/file_type.cpp"
echo '#include <fstream>
namespace devos::scan { bool devosInjectedRead() { return std::ifstream("x").good(); } }' >> "$file_type"
expect_rc 1 compile tools/devos/scan/file_type.cpp
expect_output "error: [devos purity.io] logic/ must be free of I/O"
expect_output "tools/devos/scan/file_type.cpp:"

# A use case (gates/ is a service) that includes a command (an entrypoint).
gate_result="$WORK/src/tools/devos/gates/gate_result.cpp"
sed -i '1i #include "../commands/commands.hpp"' "$gate_result"
expect_rc 1 compile tools/devos/gates/gate_result.cpp
expect_output "gates/gate_result.cpp:1:10: error: [devos layer.include] services/ may not include entrypoints/"

# The engine: a pure value type (finding is logic) that includes the policy (a service).
finding="$WORK/src/clang-plugin/engine/src/finding.cpp"
sed -i '1i #include "../include/devos/engine/policy.hpp"' "$finding"
expect_rc 1 compile clang-plugin/engine/src/finding.cpp
expect_output "src/finding.cpp:1:10: error: [devos layer.include] logic/ may not include services/"

# An edit to a config re-checks the sources it governs: each gated compile carries the hash of its
# own config (and of the lists it includes), and the configs are configure dependencies.
python3 - "$db" "$SOURCE" <<'PY' || fail "the gated compiles do not carry their config's hash"
import json, sys
db, source = sys.argv[1:]
commands = {e["file"]: e["command"] for e in json.load(open(db)) if "-fplugin=" in e["command"]}  # the gated one
hashes = {}
for rel in ("tools/devos/scan/file_type.cpp", "tools/devos/gates/gate_result.cpp",
            "clang-plugin/engine/src/finding.cpp", "runtime/src/logic/ulid.cpp"):
    args = [a for a in commands[f"{source}/{rel}"].split() if a.startswith("-fplugin-arg-devos-policy-hash=")]
    if len(args) != 1:
        sys.exit(f"{rel}: {len(args)} policy-hash arguments")
    hashes[rel] = args[0]
assert hashes["tools/devos/scan/file_type.cpp"] == hashes["tools/devos/gates/gate_result.cpp"], hashes
assert len(set(hashes.values())) == 3, f"three configs, three hashes: {hashes}"
empty = "-fplugin-arg-devos-policy-hash=e3b0c44298fc1c14"  # SHA-256 of no text: no config was found
assert empty not in hashes.values(), f"a compile's config was not found: {hashes}"
PY
rerun=$(grep '^build build.ninja:' "$BUILD/build.ninja")
for config in runtime/.devos/devos.yml tools/devos/.devos/devos.yml clang-plugin/engine/.devos/devos.yml \
              foundation/purity.yml; do
    grep -qF "$SOURCE/$config" <<<"$rerun" || fail "$config is not a configure dependency of DevOS's build"
done
echo "PASS"
