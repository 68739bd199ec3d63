#pragma once
#include <cstddef>
#include <devos/output/report.hpp>
#include <string>

namespace devos::output {

// The limits GitHub code scanning enforces on an upload (docs: "SARIF results exceed one or more
// limits"), which renderSarif keeps so an upload never fails:
// - results per run: 25,000 (GitHub shows the top 5,000); beyond it, errors are kept first, then
//   warnings, then notes, and a tool execution notification says how many were left out;
// - locations per result: 1,000; we emit one location and cap relatedLocations (notes) at 1,000;
// - tags per rule: 20 (10 shown); rules per run: 25,000 (the catalog is far smaller);
// - rule name: 255 characters; shortDescription, fullDescription: 1,024 characters each;
// - result message: no documented limit; ours is 4,096 bytes, to keep 25,000 results well inside
//   the 10 MB gzipped upload limit (which is not measured here).
// Longer texts are cut at a UTF-8 boundary and end with "…".
struct SarifLimits {
    static constexpr std::size_t resultsPerRun = 25'000;
    static constexpr std::size_t relatedLocationsPerResult = 1'000;
    static constexpr std::size_t tagsPerRule = 20;
    static constexpr std::size_t ruleNameBytes = 255;
    static constexpr std::size_t descriptionBytes = 1'024;
    static constexpr std::size_t messageBytes = 4'096;
};

// A SARIF 2.1.0 log with one run that GitHub code scanning ingests as is: every catalog rule in
// catalog order, one result per finding that is not baselined (GitHub ignores `suppressions`, so
// baselined findings are left out and counted in run.properties), URIs relative to %SRCROOT%
// (= repoRoot), `partialFingerprints` with GitHub's primaryLocationLineHash (from the source file under
// repoRoot; left out when the file cannot be read) and "devos/v1" = stableFingerprint, and the fixes.
[[nodiscard]] std::string renderSarif(const Report& report);

} // namespace devos::output
