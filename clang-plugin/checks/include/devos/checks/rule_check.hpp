#pragma once
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <devos/checks/check_context.hpp>
#include <devos/checks/include_recorder.hpp>

namespace devos::checks {

// Base of every check: one class per rule (or per family of rules driven by the same data),
// registered once in checks.inc and run by both the plugin and `devos check`.
class RuleCheck : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
    explicit RuleCheck(CheckContext& context) : context_(context) {}

    // Adds this check's AST matchers; matches arrive in run().
    virtual void registerMatchers(clang::ast_matchers::MatchFinder&) {}
    // Called once after the whole TU was parsed and matched, with every #include the TU saw.
    virtual void finishTranslationUnit(clang::ASTContext&, const IncludeRecorder&) {}
    void run(const clang::ast_matchers::MatchFinder::MatchResult&) override {}

protected:
    CheckContext& context_;
};

} // namespace devos::checks
