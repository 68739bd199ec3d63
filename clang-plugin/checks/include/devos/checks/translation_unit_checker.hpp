#pragma once
#include <clang/AST/ASTConsumer.h>
#include <clang/Frontend/CompilerInstance.h>
#include <devos/checks/all_checks.hpp>
#include <devos/engine/effect_summary.hpp>
#include <functional>
#include <memory>

namespace devos::checks {

// How one TU is checked: the policy and where the repo is, and what to do with the results.
struct CheckOptions {
    const engine::Policy* policy = nullptr;
    std::string repoRoot;
    std::string today;                 // YYYY-MM-DD, for allow-comment expiry
    bool collectSummary = true;        // build the effect summary for cross-TU purity
    bool wholeTranslationUnit = false; // traverse system headers too (benchmarks only)
};

// The ASTConsumer both deliveries use: limits traversal to first-party top-level declarations,
// runs every registered check, then hands the TU's effect summary (with its findings) to `done`.
class CheckingConsumer : public clang::ASTConsumer {
public:
    CheckingConsumer(clang::CompilerInstance& ci, CheckOptions options, FindingSink& sink,
                     std::function<void(engine::EffectSummary&&)> done);
    ~CheckingConsumer() override;
    void HandleTranslationUnit(clang::ASTContext& ast) override;

private:
    class Collecting;
    // The layers and tests among the TU's files (the main file and every non-system #include).
    [[nodiscard]] TranslationUnitShape shapeOf(const clang::SourceManager& sm);
    CheckOptions options_;
    std::unique_ptr<Collecting> collecting_;
    std::unique_ptr<CheckContext> context_;
    std::vector<std::unique_ptr<RuleCheck>> checks_;
    IncludeRecorder includes_; // filled through a forwarder the preprocessor owns
    std::function<void(engine::EffectSummary&&)> done_;
};

} // namespace devos::checks
