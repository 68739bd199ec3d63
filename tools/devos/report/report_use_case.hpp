#pragma once
// `devos report`: one self-contained HTML page (or its markdown twin) of the gates, findings and
// telemetry of a build folder. The command file maps options to a ReportRequest and prints the outcome.
#include "report/report_aggregate.hpp"
#include "report/report_inputs.hpp"
#include "report/report_telemetry.hpp"

#include <devos/foundation/error.hpp>
#include <optional>
#include <string>

namespace devos::report {

// Everything `devos report` takes.
struct ReportRequest {
    BuildInputs inputs;
    TelemetrySource telemetry;         // repoRoot empty: the build's repo root (repoRootOf)
    std::string format = "html";       // html or md
    std::optional<std::string> output; // -o: written there (atomically); else returned as text
    std::string caption;               // the line under the title; default "Build folder <build>"
};

// What one report came to.
struct ReportOutcome {
    std::string text;      // the report, when it was not written to a file
    std::string writtenTo; // the file, when it was
    FindingCounts counts;
    std::size_t gates = 0;
    bool telemetry = false;
};

// Reads the build folder and the store, renders, and writes -o. Any input that cannot be read is an
// error naming the file (never an empty report); Invalid for an unknown format.
[[nodiscard]] foundation::Expected<ReportOutcome> makeReport(const ReportRequest& request);

} // namespace devos::report
