#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/mutable_state_check.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void MutableStateCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(varDecl(hasGlobalStorage(), unless(parmVarDecl())).bind("var"), this);
}

void MutableStateCheck::run(const MatchFinder::MatchResult& result) {
    const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var");
    if (var->isConstexpr() || var->getType().isConstQualified() || var->getType()->isReferenceType())
        return;
    if (var->isStaticDataMember() && var->isThisDeclarationADefinition() == clang::VarDecl::DeclarationOnly &&
        var->getDefinition())
        return; // reported at the definition
    const FileFacts& facts = context_.facts(var->getLocation());
    if (!facts.pure())
        return;
    const char* kind = var->getTLSKind() != clang::VarDecl::TLS_None ? "thread_local"
                       : var->isStaticLocal()                        ? "function-static"
                       : var->isStaticDataMember()                   ? "class-static"
                                                                     : "namespace-scope";
    context_.report("purity.mutable-state", {var->getLocation(), var->getLocation()},
                    facts.layer->name + "/ must not keep state between calls: '" + var->getNameAsString() +
                        "' is a mutable " + kind + " variable",
                    var->getNameAsString());
}

} // namespace devos::checks
