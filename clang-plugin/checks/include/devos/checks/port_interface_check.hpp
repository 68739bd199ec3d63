#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// layer.port-interface: a declaration in ports/ that is not a pure abstract interface.
class PortInterfaceCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    // Only ports/ must be pure interfaces.
    [[nodiscard]] bool canFireIn(const TranslationUnitShape& tu) const override {
        return tu.anyLayer([](const engine::LayerSpec& l) { return l.interfacesOnly; });
    }
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

} // namespace devos::checks
