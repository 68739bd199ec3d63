#pragma once
#include "cli/command_line.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace devos::cli {

// Everything the last step of `devos check` and `devos link` needs: findings in, report out.
struct FindingReport {
    std::vector<engine::Finding> findings;
    const engine::Policy* policy = nullptr;
    std::string root;
    std::vector<std::string> notifications;
    std::vector<std::string> failedFiles;
    std::string format = "text";            // text, json, sarif or agent
    std::optional<std::string> output;      // -o: the report goes there instead of stdout
    std::optional<std::string> sarifOutput; // --sarif-output: SARIF written in addition
    bool useBaseline = true;
    std::optional<std::string> baselinePath; // default: <root>/.devos/baseline.json when it exists
    std::string automationId = "devos/check/";
    std::map<std::string, std::string> runProperties; // added to the SARIF run's properties
};

// The help texts of the shared report options, for a command that words them its own way.
struct ReportOptionHelp {
    std::string format = "text (default), json, sarif or agent";
    std::string output = "write the report to FILE";
};

// The options every findings command shares, declared once: --format (text, json, sarif, agent),
// -o/--output, --sarif-output, --baseline, --no-baseline.
[[nodiscard]] std::vector<Option> findingReportOptions(const ReportOptionHelp& help = {});

// Reads the shared report options (findingReportOptions) from `args` into `report`.
void readReportOptions(const Args& args, FindingReport& report);

// The start every findings command shares: readCommandLine, then the report options into `report`.
// Returns the parsed arguments, or the exit code to stop with (after --help or a usage error).
[[nodiscard]] std::expected<Args, int>
startFindingCommand(const CommandLine& command, const std::vector<std::string>& argv, FindingReport& report);

// Writes `text` to `path` atomically (foundation::writeFileAtomically), creating its folder; on a
// failure the old file is left as it was and the error names `path` and the cause.
[[nodiscard]] foundation::Expected<void> writeOutputFile(const std::string& path, const std::string& text);

// --verify: compares `findings` with the `// expected-* {{...}}` and `// linked-* {{...}}` markers in
// the sources under the repo's first-party roots, prints each mismatch and a count line naming
// `command`; returns 0 when they agree and no file failed (the caller names failed files), else 1.
[[nodiscard]] int verifyAgainstMarkers(const char* command, const FindingReport& report,
                                       unsigned translationUnits);

// Applies the baseline, renders, writes; returns the exit code (0 clean, 1 error-level findings or
// failed files, 2 a bad baseline or an unwritable output).
[[nodiscard]] int reportFindings(FindingReport report);

} // namespace devos::cli
