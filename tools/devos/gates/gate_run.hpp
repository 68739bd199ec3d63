#pragma once
#include "gates/gate_result.hpp"

#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::gates {

// One gate run as a check-fast / check-full Ninja edge (`devos gate run`).
struct GateRunRequest {
    std::string name{};                 // the gate's row in the table
    std::string resultFile{};           // where its GateResult goes
    std::string sarif{};                // count findings from the SARIF the command wrote; "" for none
    std::string note{};                 // a line the table shows under the gate's row
    bool diagnostics = false;           // count compiler-style diagnostic lines of the output
    bool advisory = false;              // a failure is reported but does not fail the gate run (tier 0)
    std::vector<std::string> command{}; // what the gate runs
};

// What the run recorded, and the output to show when it failed.
struct GateRunOutcome {
    GateResult result{};
    bool ok = false;      // the command succeeded (and its SARIF could be read)
    std::string output{}; // its output, plus why its SARIF could not be read
};

// Runs the command, counts its findings (an unreadable SARIF fails the gate: counting it as none
// would be a false green) and writes the result. The error is the result's write error.
[[nodiscard]] foundation::Expected<GateRunOutcome> runGate(const GateRunRequest& request);

// Records a gate that did not run (`devos gate skip|fail`): `status` Skipped, or Failed with exit
// code 1 and one finding; `reason` is the note the table shows. The error is the write error.
[[nodiscard]] foundation::Expected<GateResult> recordGate(const std::string& name,
                                                          const std::string& resultFile, GateStatus status,
                                                          const std::string& reason);

} // namespace devos::gates
