#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// purity.mutable-state: namespace-scope, class-static, function-static or thread_local mutable variables in a pure layer.
class MutableStateCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
