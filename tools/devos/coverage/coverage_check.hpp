#pragma once
#include "coverage/coverage_summary.hpp"
#include "coverage/thresholds.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::coverage {

// How many files a coverage.threshold finding names in its notes (those with the most lines no test runs).
inline constexpr std::size_t kLeastCoveredFiles = 5;
// The threshold at tier 2 when the repo config sets none.
inline constexpr double kTierTwoCoverage = 90;

// A coverage.threshold finding when the summary's line coverage is below the repo config's
// `thresholds.coverage` (`thresholds`) (tier 2 without one: 90; below tier 2 without one: no check), at that
// config line, with the files that have the most lines no test runs as notes. gcovr's file names are relative
// to `root`, as the findings' are.
[[nodiscard]] std::vector<engine::Finding> checkCoverage(const CoverageSummary& summary,
                                                         const Thresholds& thresholds,
                                                         const engine::Policy& policy,
                                                         const std::string& root);

// "72.4% (1234 of 1705 lines)".
[[nodiscard]] std::string describeCoverage(double percent, unsigned long covered, unsigned long total);

} // namespace devos::coverage
