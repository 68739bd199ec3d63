#pragma once
#include <devos/contracts/lint_failure.hpp>
#include <devos/contracts/stored_embedding.hpp>
#include <devos/contracts/test_case.hpp>
#include <devos/contracts/test_failure.hpp>
#include <devos/contracts/test_run.hpp>
#include <vector>

namespace devos::contracts {

// A run with its failures: what one report file yields, stored in one transaction with the failures'
// vectors, so an interrupted ingest stores nothing and a retry stores it once. The tests that passed
// are kept by name, so a later pass of an earlier failure can be recognised as its fix.
struct IngestBatch {
    TestRun run;
    std::vector<TestFailure> testFailures;
    std::vector<LintFailure> lintFailures;
    std::vector<TestCaseName> passedTests;
    // One vector per failure (owner kind test_failure or lint_failure).
    std::vector<StoredEmbedding> embeddings = {};
};

} // namespace devos::contracts
