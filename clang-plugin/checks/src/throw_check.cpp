#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/throw_check.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void ThrowCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(cxxThrowExpr().bind("throw"), this);
}

void ThrowCheck::run(const MatchFinder::MatchResult& result) {
    const auto* expr = result.Nodes.getNodeAs<clang::CXXThrowExpr>("throw");
    const FileFacts& facts = context_.facts(expr->getThrowLoc());
    if (!facts.pure())
        return;
    context_.report("purity.throw", {expr->getThrowLoc(), expr->getThrowLoc()},
                    facts.layer->name + "/ returns errors as values: 'throw' is a hidden second return path",
                    "throw");
}

} // namespace devos::checks
