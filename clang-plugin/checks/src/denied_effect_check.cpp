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
    EffectClassifier classify(context_.policy().purity);
    std::optional<EffectHit> hit;
    clang::SourceRange range;
    if (const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call")) {
        hit = classify.ofCall(result.Nodes.getNodeAs<clang::FunctionDecl>("fn"));
        range = call->getSourceRange();
        if (const auto* callee = call->getCallee())
            range = callee->getSourceRange();
    } else if (const auto* construct = result.Nodes.getNodeAs<clang::CXXConstructExpr>("construct")) {
        hit = classify.ofType(construct->getType());
        range = construct->getSourceRange();
    } else if (const auto* decl = result.Nodes.getNodeAs<clang::DeclaratorDecl>("decl")) {
        hit = classify.ofType(decl->getType());
        range = {decl->getLocation(), decl->getLocation()};
    } else if (const auto* ref = result.Nodes.getNodeAs<clang::DeclRefExpr>("ref")) {
        hit = classify.ofVariable(result.Nodes.getNodeAs<clang::VarDecl>("var"));
        range = ref->getSourceRange();
    }
    if (!hit || range.isInvalid())
        return;
    const FileFacts& facts = context_.facts(range.getBegin());
    if (!facts.pure())
        return;
    context_.report(hit->ruleId, range, effectMessage(hit->ruleId, facts.layer->name, hit->what), hit->what);
}

} // namespace devos::checks
