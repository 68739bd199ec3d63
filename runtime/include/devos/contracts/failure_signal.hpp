#pragma once
#include <devos/contracts/ulid.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::contracts {

// What kind of failure a signal reports (seed §6.1).
enum class FailureType { TestFailure, CiFailure, RuntimeError, PolicyViolation };

// Where a failure happened and what it said.
struct FailureContext {
    std::string repository;
    std::string branch;
    std::string commitSha;
    std::string errorMessage;
    std::string stackTrace; // may be empty
    std::vector<std::string> affectedFiles;
    std::optional<Ulid> runId; // links to test_runs.run_id
};

// The input of self-heal: one failure with its pattern id (seed §6.1).
struct FailureSignal {
    Ulid id;
    FailureType type = FailureType::TestFailure;
    EpochMillis timestamp = 0;
    std::string patternId; // logic::computePatternId over the context
    FailureContext context;
};

} // namespace devos::contracts
