#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// purity.throw: a pure layer throws.
class ThrowCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
