#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// layer.main-location: main() defined outside entrypoints/.
class MainLocationCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
