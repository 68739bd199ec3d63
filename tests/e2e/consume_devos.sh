# The ways to consume DevOS besides the installed package (package_gates.sh): the build tree
# (DevOS_DIR=<build>), add_subdirectory and FetchContent (DevOS built from source inside the
# consumer's build). Each builds tests/consumer (devos_enable_gates before its targets) with
# check-fast and check-full, and fails on an injected violation.
source "$(dirname "$0")/lib.sh"
: "${BUILD:?}"
# The subdirectory and FetchContent consumers compile the same DevOS sources: share a compiler
# cache between them (paths under $WORK are hashed relative to it).
export CCACHE_DIR=$WORK/ccache CCACHE_BASEDIR=$WORK CCACHE_NOHASHDIR=true
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
for mode in build-tree subdirectory fetchcontent; do
    repo=$WORK/$mode
    cp -r "$SOURCE/tests/consumer" "$repo"
    case $mode in
        build-tree) args=(-DCONSUME=package -DDevOS_DIR="$BUILD") ;;
        *) args=(-DCONSUME=$mode -DDEVOS_SOURCE_DIR="$SOURCE") ;;
    esac
    expect_rc 0 cmake -S "$repo" -B "$repo/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
        -DCMAKE_C_COMPILER=clang-19 "${launcher[@]}" "${args[@]}"
    expect_output "DevOS gates: tier 1, plugin mode, targets: consumer_logic consumer"
    expect_rc 0 cmake --build "$repo/build" --target check-fast
    expect_output "PASSED: 3 gates"
    expect_rc 0 cmake --build "$repo/build" --target check-full
    expect_output "DevOS FULL gate (tier 1)"
    printf '#include <iostream>\n' >> "$repo/src/logic/total.hpp"
    expect_rc 1 cmake --build "$repo/build"
    expect_output "src/logic/total.hpp:8:10: error: [devos purity.io] logic/ must be free of I/O: '<iostream>'"
done
echo "PASS"
