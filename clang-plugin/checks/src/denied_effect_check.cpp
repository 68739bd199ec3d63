#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/denied_effect_check.hpp>
#include <devos/checks/effect_classifier.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void DeniedEffectCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(callExpr(callee(functionDecl().bind("fn"))).bind("call"), this);
    finder.addMatcher(cxxConstructExpr().bind("construct"), this);
    finder.addMatcher(declaratorDecl(anyOf(fieldDecl(), parmVarDecl(), varDecl())).bind("decl"), this);
    finder.addMatcher(declRefExpr(to(varDecl(hasGlobalStorage()).bind("var"))).bind("ref"), this);
}

void DeniedEffectCheck::run(const MatchFinder::MatchResult& result) {
    // Locate first: only pure-layer files are classified (names are built only there).
    const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
    const auto* construct = result.Nodes.getNodeAs<clang::CXXConstructExpr>("construct");
    const auto* decl = result.Nodes.getNodeAs<clang::DeclaratorDecl>("decl");
    const auto* ref = result.Nodes.getNodeAs<clang::DeclRefExpr>("ref");
    clang::SourceRange range =
        call        ? (call->getCallee() ? call->getCallee()->getSourceRange() : call->getSourceRange())
        : construct ? construct->getSourceRange()
        : decl      ? clang::SourceRange(decl->getLocation(), decl->getLocation())
        : ref       ? ref->getSourceRange()
                    : clang::SourceRange();
    if (range.isInvalid())
        return;
    const FileFacts& facts = context_.facts(range.getBegin());
    if (!facts.pure())
        return;
    std::optional<EffectHit> hit =
        call        ? context_.callee(result.Nodes.getNodeAs<clang::FunctionDecl>("fn")).denied
        : construct ? context_.typeEffect(construct->getType())
        : decl      ? context_.typeEffect(decl->getType())
                    : EffectClassifier(context_.policy().purity)
                     .ofVariable(result.Nodes.getNodeAs<clang::VarDecl>("var"));
    if (!hit)
        return;
    context_.report(hit->ruleId, range, effectMessage(hit->ruleId, facts.layer->name, hit->what), hit->what);
}

} // namespace devos::checks
