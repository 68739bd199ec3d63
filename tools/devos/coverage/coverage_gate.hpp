#pragma once
#include "coverage/coverage_summary.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::coverage {

// What `devos coverage` measures: the unit tests' line coverage of a build compiled with --coverage.
struct CoverageRequest {
    std::string buildDir{};
    std::string root{};        // repo root; "" finds it from the current directory
    std::string configFile{};  // a repo config instead of <root>/.devos/devos.yml; "" for none
    std::string gcov = "gcov"; // the gcov matching the compiler ("llvm-cov-19 gcov")
    std::string gcovr = "gcovr";
    std::string summaryOutput{}; // gcovr's JSON summary; "" for <buildDir>/devos/coverage-summary.json
};

// The measurement and the policy it was checked against.
struct CoverageOutcome {
    engine::Policy policy{};
    std::string root{};
    CoverageSummary summary{};
    std::vector<engine::Finding> findings{}; // coverage.threshold
};

// Runs gcovr over the build's .gcda counters (test sources, tests/ folders and the build folder left
// out) and checks the first-party line coverage against the repo's threshold. A folder that is not
// a build folder, no counters, a gcovr that fails, a summary with no first-party lines or a bad repo
// config is an error naming what to do.
[[nodiscard]] foundation::Expected<CoverageOutcome> measureCoverage(const CoverageRequest& request);

// Deletes the .gcda counters under `buildDir` (before the tests run again); the number removed.
[[nodiscard]] foundation::Expected<long> resetCoverageCounters(const std::string& buildDir);

} // namespace devos::coverage
