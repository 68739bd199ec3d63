#pragma once
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <devos/checks/check_context.hpp>
#include <devos/checks/include_recorder.hpp>

namespace devos::checks {

// What a translation unit holds, as far as deciding which checks can fire in it: the layers of
// its checked first-party files and whether any file is a test. Known once the TU is parsed.
struct TranslationUnitShape {
    std::vector<const engine::LayerSpec*> layers; // distinct, of checked files in a layer
    bool hasTests = false;
    template <typename Predicate> [[nodiscard]] bool anyLayer(Predicate predicate) const {
        for (const auto* layer : layers)
            if (predicate(*layer))
                return true;
        return false;
    }
};

// Base of every check: one class per rule (or per family of rules driven by the same data),
// registered once in checks.inc and run by both the plugin and `devos check`.
class RuleCheck : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
    explicit RuleCheck(CheckContext& context) : context_(context) {}

    // False when no finding of this check is possible in a TU of this shape: its matchers are then
    // not registered at all (matching is most of the plugin's cost).
    [[nodiscard]] virtual bool canFireIn(const TranslationUnitShape&) const { return true; }
    // Adds this check's AST matchers; matches arrive in run().
    virtual void registerMatchers(clang::ast_matchers::MatchFinder&) {}
    // Called once after the whole TU was parsed and matched, with every #include the TU saw.
    virtual void finishTranslationUnit(clang::ASTContext&, const IncludeRecorder&) {}
    void run(const clang::ast_matchers::MatchFinder::MatchResult&) override {}

protected:
    CheckContext& context_;
};

} // namespace devos::checks
