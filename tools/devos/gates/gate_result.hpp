#pragma once
#include <devos/foundation/error.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devos::gates {

// How a gate ended. Advisory: it failed, but the tier does not require it (tier 0).
enum class GateStatus { Passed, Failed, Skipped, Advisory };

// "passed", "failed", "skipped" or "advisory": the word results, tables and reports use.
[[nodiscard]] std::string_view statusName(GateStatus status);
// The status `name` names; nullopt for any other word (a result that says something else is corrupt,
// never a pass).
[[nodiscard]] std::optional<GateStatus> gateStatusNamed(std::string_view name);

// How one gate (or one file of a per-file gate, such as format) ended.
struct GateResult {
    std::string name; // "format", "layering", "unit-tests" ...
    GateStatus status = GateStatus::Passed;
    int exitCode = 0;
    double seconds = 0;
    long findings = 0;
    std::string sarif;        // the gate's SARIF file, if it writes one
    bool diagnostics = false; // its findings are the compiler-style diagnostic lines of `detail`
    std::string detail;       // the tail of its output when it failed (or ran with --diagnostics)
    std::string note; // shown under its row: why it was skipped or failed without running, or what it read
};

// The JSON files under <build>/devos that may be gate results (one per gate, per file for format),
// sorted; the effect summaries (tu/) and the check cache are left out.
[[nodiscard]] std::vector<std::filesystem::path> gateResultFiles(const std::filesystem::path& gateDir);
[[nodiscard]] std::string toJson(const GateResult& result);
[[nodiscard]] foundation::Expected<GateResult> readGateResult(const std::string& path);
[[nodiscard]] foundation::Expected<void> writeGateResult(const std::string& path, const GateResult& result);
// The findings in a gate's SARIF: its results that are not notes. An error (naming the file and, for
// broken JSON, the line) when it is missing, not JSON, or not a log with a 'runs' list.
[[nodiscard]] foundation::Expected<long> countSarifFindings(const std::string& path);

} // namespace devos::gates
