#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// purity.impure-call: a pure layer calls a function whose body lives outside the pure layers and off the allow-list.
class ImpureCallCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
