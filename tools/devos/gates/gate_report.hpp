#pragma once
#include "gates/gate_result.hpp"

#include <string>
#include <vector>

namespace devos::gates {

// One row of the summary table: the results of one gate, per-file parts folded together.
struct GateRow {
    std::string name;
    GateStatus status = GateStatus::Passed; // the worst status of its parts
    long findings = 0;
    double seconds = 0;
    std::vector<GateResult> parts;
};

// Folds results by gate name, in first-seen order.
[[nodiscard]] std::vector<GateRow> foldResults(const std::vector<GateResult>& results);
// The table every gate run prints: gate, status, findings, time (under a row, the reason a part was
// skipped or failed without running), then a verdict line.
[[nodiscard]] std::string renderTable(const std::string& title, const std::vector<GateRow>& rows);
// One JUnit testsuite with a testcase per gate (failed gates carry their detail).
[[nodiscard]] std::string renderJunit(const std::string& suite, const std::vector<GateRow>& rows);
// One SARIF log with a run per gate that produced SARIF (or compiler-style diagnostics).
[[nodiscard]] std::string mergeSarif(const std::vector<GateRow>& rows);
// True when a row fails the gate run.
[[nodiscard]] bool isFailure(const GateRow& row);

} // namespace devos::gates
