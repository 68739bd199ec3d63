#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/volatile_check.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {
namespace {

bool involvesVolatile(clang::QualType type) {
    for (clang::QualType t = type.getNonReferenceType(); !t.isNull();) {
        if (t.isVolatileQualified())
            return true;
        if (const auto* p = t->getAs<clang::PointerType>())
            t = p->getPointeeType();
        else
            return false;
    }
    return false;
}

} // namespace

void VolatileCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(declaratorDecl(anyOf(varDecl(), fieldDecl())).bind("decl"), this);
}

void VolatileCheck::run(const MatchFinder::MatchResult& result) {
    const auto* decl = result.Nodes.getNodeAs<clang::DeclaratorDecl>("decl");
    if (!involvesVolatile(decl->getType()))
        return;
    const FileFacts& facts = context_.facts(decl->getLocation());
    if (!facts.pure())
        return;
    context_.report("purity.volatile", {decl->getLocation(), decl->getLocation()},
                    facts.layer->name + "/ must not touch devices or asynchronous memory: '" +
                        decl->getNameAsString() + "' is volatile",
                    decl->getNameAsString());
}

} // namespace devos::checks
