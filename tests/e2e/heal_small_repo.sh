# Shared by the quick self-heal end-to-end tests: a one-test repository whose value() lost its fix
# again, with a SQLite store (<repo>/.devos/telemetry.db) that learned the fix from history, and a
# self-heal config whose proof runs shell one-liners (no compiler runs; git and SQLite are real).
#   make_small_repo [extra self-heal.yml]   sets REPO, FAILURE (the regression's failure id), C_REGRESSION
#   sql <query>                             runs a query on the store
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
unset DEVOS_DATABASE_URL DEVOS_EMBEDDINGS_URL DEVOS_EMBEDDINGS_MODEL DEVOS_AGENT_URL DEVOS_AGENT_MODEL \
      DEVOS_AGENT_API_KEY DEVOS_OTLP_ENDPOINT OTEL_SERVICE_NAME DEVOS_GIT_USERNAME DEVOS_GIT_TOKEN DEVOS_GITHUB_TOKEN

fixed() { printf '%sint value() {\n    return 2;\n}\n' "${1:-}" >src/logic/value.cpp; }
broken() { printf '%sint value() {\n    return 1;\n}\n' "${1:-}" >src/logic/value.cpp; }
junit() { # <file> pass|fail <time>
    {
        echo '<?xml version="1.0" encoding="UTF-8"?><testsuite name="Value" tests="1">'
        if [ "$2" = fail ]; then
            echo "<testcase name=\"IsTwo\" classname=\"Value\" time=\"$3\"><failure message=\"tests/value_test.cpp:3: Failure: value() is 1, expected 2\"/></testcase>"
        else
            echo "<testcase name=\"IsTwo\" classname=\"Value\" time=\"$3\"/>"
        fi
        echo '</testsuite>'
    } >"$1"
}
ingest() { junit "$WORK/$1.xml" "$2" "$3" && "$DEVOS" ingest junit "$WORK/$1.xml" --format json >"$WORK/$1.json" 2>"$WORK/$1.err" || { cat "$WORK/$1.err" >&2; fail "ingest $1"; }; }
sql() { python3 -c "import sqlite3,sys; print('\n'.join('|'.join(str(c) for c in r) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))" "$REPO/.devos/telemetry.db" "$1"; }

make_small_repo() {
    REPO=$WORK/repo && mkdir -p "$REPO/src/logic" "$REPO/tests" "$REPO/.devos" && cd "$REPO"
    git init -q -b main && git config user.email dev@example.com && git config user.name dev
    printf 'int value();\n' >src/logic/value.hpp
    printf '#include "logic/value.hpp"\n#include <gtest/gtest.h>\nTEST(Value, IsTwo) { EXPECT_EQ(value(), 2); }\n' >tests/value_test.cpp
    cat >.devos/self-heal.yml <<YML
enabled: true
flake:
  reruns: 0
commands:
  configure: "true"
  build: "true"
  test: "grep -q 'return 2' src/logic/value.cpp"
  unitTests: "echo '100% tests passed, 0 tests failed out of 1'"
  gate: "true"
${1:-}
YML
    printf '.devos/selfheal/\n.devos/telemetry.db*\n' >.gitignore
    # History: fixed, broken, fixed (the fix memory learns the fix), then the regression.
    fixed && git add -A && git commit -qm "value" && ingest good pass 0.01
    broken && git commit -qam "value: 1" && ingest lost fail 0.02
    fixed && git commit -qam "value: 2 again" && ingest fixed pass 0.03
    broken "// moved on\n\n" && git commit -qam "merge that lost the fix" && ingest regression fail 0.04
    C_REGRESSION=$(git rev-parse HEAD)
    FAILURE=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['failures'][0]['id'])" "$WORK/regression.json")
}
