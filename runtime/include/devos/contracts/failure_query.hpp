#pragma once
#include <devos/contracts/ulid.hpp>
#include <optional>
#include <string>

namespace devos::contracts {

// Which test failures to return, newest first; unset fields do not filter.
struct FailureQuery {
    std::optional<Ulid> runId;
    std::optional<std::string> patternId;
    std::optional<Ulid> failureId;
    std::optional<std::string> suite; // with testName: the failures of one test
    std::optional<std::string> testName;
    int limit = 100;
};

} // namespace devos::contracts
