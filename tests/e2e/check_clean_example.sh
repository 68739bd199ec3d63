# examples/orders is clean: zero findings through devos check on a g++ database and through the
# plugin in a real clang-19 build (which also runs the example's unit tests).
source "$(dirname "$0")/lib.sh"
: "${PLUGIN:?}"
configure_db "$SOURCE/examples/orders" "$WORK/gcc" g++
expect_rc 0 "$DEVOS" check -p "$WORK/gcc"
expect_output "0 errors, 0 warnings from devos"
cmake -S "$SOURCE/examples/orders" -B "$WORK/clang" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_CXX_FLAGS="-fplugin=$PLUGIN" >/dev/null
expect_rc 0 cmake --build "$WORK/clang"
expect_no_output "[devos"
expect_rc 0 ctest --test-dir "$WORK/clang" -L unit
echo "PASS"
