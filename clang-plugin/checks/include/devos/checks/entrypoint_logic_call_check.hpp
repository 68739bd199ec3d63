#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// layer.logic-call: an entrypoint calls a logic/ function directly (discouraged).
class EntrypointLogicCallCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    // Only a layer with discouraged edges (entrypoints/ -> logic/) can make such a call.
    [[nodiscard]] bool canFireIn(const TranslationUnitShape& tu) const override {
        return tu.anyLayer([](const engine::LayerSpec& l) { return !l.discouraged.empty(); });
    }
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
