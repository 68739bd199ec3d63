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
    int limit = 100;
};

} // namespace devos::contracts
