#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// purity.clock/random/env/process/io/thread: a pure layer calls, constructs or names a denied symbol.
class DeniedEffectCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
