#pragma once
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace devos::gates {

// `devos gate report`: every gate result of a check-fast / check-full run folded into one verdict.
struct GateSummaryRequest {
    std::string title{};                    // "FAST gate"
    std::vector<std::string> resultFiles{}; // the gates' GateResult files
    std::optional<std::string> sarif{};     // the merged SARIF
    std::optional<std::string> junit{};     // the JUnit report
    std::optional<std::string> page{};      // the HTML page of `devos report` (needs sarif and buildDir)
    std::string buildDir{};
    std::string stamp{}; // written "passed" only when every required gate passed and every file was written
};

// The table, what was written, and the verdict.
struct GateSummaryOutcome {
    std::string table{}; // the summary table
    std::vector<std::pair<std::string, std::string>>
        written{};                              // ("SARIF", path), ("JUnit", path), ("report", path)
    std::optional<foundation::Error> failure{}; // a file that could not be written (stops there)
    bool passed = false;                        // the stamp was written
};

// Reads the results (an error names the unreadable one), folds them, writes the merged SARIF, the
// JUnit, the page and the stamp. The stamp is removed when a required gate failed or a file could not
// be written, so the next run reports again.
[[nodiscard]] foundation::Expected<GateSummaryOutcome> summarizeGates(const GateSummaryRequest& request);

} // namespace devos::gates
