# Inputs for the `devos report` tests. fixture_gate_results <build> <sarif>: a g++ compile database of
# the violations fixture in <build>; `devos check` run as the layering gate the way check-fast runs a
# gate (its SARIF in <sarif>, its time then fixed at 1.25 s), format skipped; both merged by
# `devos gate report` into <build>/devos/fast.sarif.
fixture_gate_results() {
    local build=$1 sarif=$2 gates=$1/devos
    configure_db "$SOURCE/tests/fixtures/hexrepo" "$build" g++
    "$DEVOS" gate skip --name format --result "$gates/format.json" --reason "skipped: no .clang-format"
    expect_rc 0 "$DEVOS" gate run --name layering --result "$gates/layering.json" --sarif "$sarif" \
        -- "$DEVOS" check -p "$build" --format sarif -o "$sarif"
    # The one measured value in the inputs: a fixed time, so the gate-time bars are golden too.
    python3 - "$gates/layering.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["seconds"] = 1.25; json.dump(r, open(sys.argv[1], "w"))
PY
    expect_rc 1 "$DEVOS" gate report --title fast --sarif "$gates/fast.sarif" --junit "$gates/fast.junit.xml" \
        --stamp "$gates/fast.stamp" "$gates/format.json" "$gates/layering.json"
}
