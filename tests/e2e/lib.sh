# Shared helpers for the end-to-end tests. Each test gets DEVOS (the CLI), PLUGIN (the .so),
# SOURCE (the repo root) and WORK (a scratch folder of its own) from ctest.
set -euo pipefail
: "${DEVOS:?}" "${SOURCE:?}" "${WORK:?}"
rm -rf "$WORK" && mkdir -p "$WORK"

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_rc <code> <command...>: runs the command, output to $WORK/out.txt, and checks its exit code.
expect_rc() {
    local want=$1; shift
    set +e; "$@" >"$WORK/out.txt" 2>&1; local got=$?; set -e
    if [ "$got" != "$want" ]; then
        cat "$WORK/out.txt" >&2
        fail "expected exit $want, got $got from: $*"
    fi
}

# expect_output <text>: the last command's output contains <text>.
expect_output() {
    grep -qF -- "$1" "$WORK/out.txt" || { cat "$WORK/out.txt" >&2; fail "output lacks: $1"; }
}
expect_no_output() {
    if grep -qF -- "$1" "$WORK/out.txt"; then cat "$WORK/out.txt" >&2; fail "output has: $1"; fi
}

# configure_db <source-dir> <build-dir> [compiler]: a compile database from a real CMake configure.
configure_db() {
    cmake -S "$1" -B "$2" -G Ninja -DCMAKE_CXX_COMPILER="${3:-g++}" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
}
