#pragma once
#include <devos/contracts/ulid.hpp>
#include <string>

namespace devos::contracts {

// Where tests ran.
enum class RunSource { Local, Ci };

// One execution of a test suite or a lint/gate pass (test_runs row).
struct TestRun {
    Ulid runId;
    EpochMillis startedAt = 0;
    RunSource source = RunSource::Local;
    std::string repository;
    std::string branch;
    std::string commitSha;
    std::string ciProvider; // "github", "gitlab" ...; empty locally
    std::string ciJobId;
    std::string tool; // "ctest", "gtest", "devos" (SARIF driver name) ...
    int total = 0;
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    long long durationMs = 0;
    // logic::ingestKey of the report and its metadata; empty for runs stored before it existed.
    std::string ingestKey = {};

    bool operator==(const TestRun&) const = default;
};

} // namespace devos::contracts
