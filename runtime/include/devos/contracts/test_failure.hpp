#pragma once
#include <devos/contracts/ulid.hpp>
#include <string>

namespace devos::contracts {

// One failed test of a run (test_failures row; run_id references test_runs, cascade on delete).
struct TestFailure {
    Ulid id;
    Ulid runId;
    EpochMillis ts = 0;
    std::string suite;
    std::string testName;
    std::string file; // repo-relative when known
    unsigned line = 0;
    std::string message; // redacted before storage
    std::string stackTrace;
    std::string patternId; // SHA-256 hex, logic::computePatternId
    long long durationMs = 0;

    bool operator==(const TestFailure&) const = default;
};

} // namespace devos::contracts
