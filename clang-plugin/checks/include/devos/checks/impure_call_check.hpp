#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// purity.impure-call: a pure layer calls a function whose body lives outside the pure layers and off the
// allow-list.
class ImpureCallCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    // Purity applies to pure layers only (contracts/, logic/).
    [[nodiscard]] bool canFireIn(const TranslationUnitShape& tu) const override {
        return tu.anyLayer([](const engine::LayerSpec& l) { return l.pure; });
    }
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
