#pragma once
#include <devos/contracts/ulid.hpp>
#include <string>

namespace devos::contracts {

// One linter or gate finding of a run (lint_failures row; from a SARIF result).
struct LintFailure {
    Ulid id;
    Ulid runId;
    EpochMillis ts = 0;
    std::string tool;
    std::string ruleId;
    std::string level; // SARIF level: error, warning, note
    std::string file;
    unsigned line = 0;
    unsigned column = 0;
    std::string message;
    std::string patternId;

    bool operator==(const LintFailure&) const = default;
};

} // namespace devos::contracts
