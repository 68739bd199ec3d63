#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// layer.symbol: a use of a symbol declared in a layer the user may not depend on.
class LayerSymbolCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    // A forbidden use needs files of two layers (or two components of an independent layer) that may
    // not depend on each other in the same TU.
    [[nodiscard]] bool canFireIn(const TranslationUnitShape& tu) const override;
    void registerMatchers(clang::ast_matchers::MatchFinder& finder) override;
    void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
    void finishTranslationUnit(clang::ASTContext& ast, const IncludeRecorder& includes) override;

private:
    struct Use {
        clang::SourceLocation at;
        const clang::NamedDecl* decl; // named only when reported: most uses are allowed
        clang::SourceLocation declaredAt;
    };
    std::vector<Use> uses_;
    void consider(clang::SourceLocation at, const clang::NamedDecl* decl);
};

} // namespace devos::checks
