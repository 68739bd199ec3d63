#pragma once
#include <cstddef>
#include <devos/contracts/lint_failure.hpp>
#include <devos/contracts/test_failure.hpp>
#include <string>
#include <vector>

namespace devos::contracts {

// Which stored failures to list that have no vector of `model`: test failures with an id after
// `afterTestId`, then lint failures with an id after `afterLintId`, at most `limit` in all.
struct UnembeddedQuery {
    std::string model;
    std::string afterTestId;
    std::string afterLintId;
    std::size_t limit = 256;
};

// Stored failures without a vector of a model, each list in id order.
struct UnembeddedFailures {
    std::vector<TestFailure> tests;
    std::vector<LintFailure> lints;

    [[nodiscard]] bool empty() const { return tests.empty() && lints.empty(); }
};

} // namespace devos::contracts
