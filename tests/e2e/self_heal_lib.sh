# Shared by the self-heal end-to-end tests: a git repository made from examples/orders with a
# history in which a fix was learned and then lost again, its build, and the checkout snapshot.
#   make_history <repo> <db-args...>   builds the history, ingesting each test run; sets F_ROUND,
#                                       F_TAX, F_OVERFLOW (failure ids at the regression), C_FIX,
#                                       C_REGRESSION (commits)
#   snapshot <file>                     writes what must never change in the user's checkout
#   heal <args...>                      devos heal in the repo, output in $WORK/out.txt
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${BUILD:?}"
unset DEVOS_DATABASE_URL DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL DEVOS_AGENT_URL DEVOS_AGENT_MODEL \
      DEVOS_AGENT_API_KEY ORDERS_FLAKY_COUNTER
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

pricing_fixed='    return whole + (rest + basisPointsPerUnit / 2) / basisPointsPerUnit;'
pricing_broken='    return whole + rest / basisPointsPerUnit;'

# run_tests <name> <db-args...>: build, run every test into $WORK/<name>.xml, ingest it (JSON in <name>.json).
run_tests() {
    local name=$1; shift
    cmake --build "$REPO/build" >"$WORK/$name.build.txt" 2>&1 || { cat "$WORK/$name.build.txt" >&2; fail "the build of $name failed"; }
    ctest --test-dir "$REPO/build" --output-junit "$WORK/$name.xml" >/dev/null 2>&1 || true
    (cd "$REPO" && "$DEVOS" ingest junit "$WORK/$name.xml" "$@" --format json) >"$WORK/$name.json" \
        || fail "ingest of $name failed"
}

failure_of() { # <json> <test>: the id of the test's failure in an ingest's JSON
    python3 -c "import json,sys; print(next(f['id'] for f in json.load(open(sys.argv[1]))['failures'] if f['test'] == sys.argv[2]))" "$1" "$2"
}

make_history() {
    REPO=$1; shift
    cp -r "$SOURCE/examples/orders" "$REPO"
    cd "$REPO"
    printf 'build/\n' >.gitignore
    printf 'enabled: true\n' >.devos/self-heal.yml
    # A test that fails every other run while ORDERS_FLAKY_COUNTER names a counter file.
    cat >tests/unit/flaky_test.cpp <<'CPP'
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>

TEST(Flaky, FailsEveryOtherRun) {
    const char* counter = std::getenv("ORDERS_FLAKY_COUNTER");
    if (counter == nullptr)
        GTEST_SKIP() << "ORDERS_FLAKY_COUNTER is not set";
    int runs = 0;
    std::ifstream(counter) >> runs;
    std::ofstream(counter) << runs + 1;
    EXPECT_EQ(runs % 2, 1) << "run " << runs;
}
CPP
    sed -i 's|    tests/unit/validation_test.cpp)|    tests/unit/validation_test.cpp\n    tests/unit/flaky_test.cpp)|' CMakeLists.txt
    ln -s ../../README.md src/logic/rates_link.cpp
    git init -q -b main && git config user.email dev@example.com && git config user.name dev
    git add -A && git commit -qm "orders"
    cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 -DORDERS_WITH_DEVOS=ON -DDevOS_DIR="$BUILD" \
        >"$WORK/configure.txt" 2>&1 || { cat "$WORK/configure.txt" >&2; fail "the example does not configure"; }
    # The rounding is lost (three tests fail), then fixed again: ingest learns the fix.
    sed -i "s|$pricing_fixed|$pricing_broken|" src/logic/pricing.cpp && git commit -qam "pricing: simpler rounding"
    run_tests lost "$@"
    sed -i "s|$pricing_broken|$pricing_fixed|" src/logic/pricing.cpp && echo "Rounding is half up." >>README.md
    git commit -qam "pricing: round half up again"
    C_FIX=$(git rev-parse HEAD)
    run_tests fixed "$@"
    [ "$(field "$WORK/fixed.json" 'len(d["learned_fixes"])')" = 3 ] || fail "ingest learned no fix: $(cat "$WORK/fixed.json")"
    # Later the code moves on (a new function above), and a merge loses the fix again.
    python3 - <<'PY'
p = "src/logic/pricing.cpp"
s = open(p).read()
s = s.replace("// Splits `cents`", "// Whole cents of `tenths` of a cent, rounded down.\nstd::int64_t wholeCents(std::int64_t tenths) {\n    return tenths / 10;\n}\n\n// Splits `cents`")
open(p, "w").write(s)
PY
    git commit -qam "pricing: wholeCents"
    sed -i "s|$pricing_fixed|$pricing_broken|" src/logic/pricing.cpp && git commit -qam "merge branch 'simplify'"
    C_REGRESSION=$(git rev-parse HEAD)
    run_tests regression "$@"
    F_ROUND=$(failure_of "$WORK/regression.json" Pricing.BasisPointsRoundHalfUp)
    F_TAX=$(failure_of "$WORK/regression.json" Pricing.TaxIsChargedOnTheDiscountedAmount)
    F_OVERFLOW=$(failure_of "$WORK/regression.json" Pricing.BasisPointsDoNotOverflowOnLargeAmounts)
}

# snapshot <file>: HEAD, the branch, every ref but selfheal/*, the index, status, stash, worktrees,
# and the hash of every file outside .git and .devos/selfheal (the user's build folder included).
snapshot() {
    (cd "$REPO" && git rev-parse HEAD && git symbolic-ref HEAD &&
        git for-each-ref --format='%(refname) %(objectname)' | grep -v ' \?refs/heads/selfheal/' | grep -v '^refs/heads/selfheal/' &&
        git ls-files -s && git status --porcelain && git stash list && git worktree list --porcelain &&
        find . -path ./.git -prune -o -path ./.devos/selfheal -prune -o \( -type f -o -type l \) -print0 | sort -z |
        xargs -0 sha256sum) >"$1"
}

# heal <args...>: runs devos heal in the repository and checks that the checkout did not change.
heal() {
    snapshot "$WORK/before.txt"
    set +e; (cd "$REPO" && "$DEVOS" heal "$@") >"$WORK/out.txt" 2>"$WORK/err.txt"; HEAL_RC=$?; set -e
    snapshot "$WORK/after.txt"
    diff -u "$WORK/before.txt" "$WORK/after.txt" >&2 || fail "devos heal $* changed the user's checkout"
}

expect_heal() { # <rc> <args...>
    local want=$1; shift
    heal "$@"
    [ "$HEAL_RC" = "$want" ] || { cat "$WORK/out.txt" "$WORK/err.txt" >&2; fail "expected exit $want, got $HEAL_RC from devos heal $*"; }
}

selfheal_branches() { git -C "$REPO" for-each-ref --format='%(refname:short)' refs/heads/selfheal/ | wc -l; }
