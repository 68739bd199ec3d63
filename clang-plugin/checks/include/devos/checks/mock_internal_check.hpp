#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// testing.mock-internal: a GoogleMock mock of a class declared under src/, outside tests/external/.
class MockInternalCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    // Mocks live in tests.
    [[nodiscard]] bool canFireIn(const TranslationUnitShape& tu) const override { return tu.hasTests; }
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
