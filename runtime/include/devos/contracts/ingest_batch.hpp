#pragma once
#include <devos/contracts/lint_failure.hpp>
#include <devos/contracts/test_failure.hpp>
#include <devos/contracts/test_run.hpp>
#include <vector>

namespace devos::contracts {

// A run with its failures: what one report file yields, stored in one transaction.
struct IngestBatch {
    TestRun run;
    std::vector<TestFailure> testFailures;
    std::vector<LintFailure> lintFailures;
};

} // namespace devos::contracts
