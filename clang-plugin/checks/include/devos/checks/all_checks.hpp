#pragma once
#include <devos/checks/rule_check.hpp>
#include <memory>
#include <vector>

namespace devos::checks {

// One instance of every check registered in checks.inc, bound to `context`.
[[nodiscard]] std::vector<std::unique_ptr<RuleCheck>> makeAllChecks(CheckContext& context);

} // namespace devos::checks
