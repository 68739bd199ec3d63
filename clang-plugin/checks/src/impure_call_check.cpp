#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/impure_call_check.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void ImpureCallCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(callExpr(callee(functionDecl().bind("fn"))).bind("call"), this);
}

void ImpureCallCheck::run(const MatchFinder::MatchResult& result) {
    const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
    const auto* fn = result.Nodes.getNodeAs<clang::FunctionDecl>("fn");
    const FileFacts& caller = context_.facts(call->getBeginLoc());
    if (!caller.pure())
        return;
    const CalleeFacts& known = context_.callee(fn);
    if (known.denied)
        return; // a deny-list effect: DeniedEffectCheck names the precise rule
    const FileFacts& callee = context_.facts(fn->getCanonicalDecl()->getLocation());
    const std::string& name = known.name;
    clang::SourceRange range =
        call->getCallee() ? call->getCallee()->getSourceRange() : call->getSourceRange();
    std::string layer = caller.layer->name + "/";
    if (!callee.system && callee.firstParty) {
        if (callee.layer && callee.layer->pure)
            return;
        std::string where =
            callee.layer ? callee.layer->name + "/ (" + callee.path + ")" : callee.path + " (no layer)";
        context_.report("purity.impure-call", range,
                        layer + " may call only contracts/, logic/ and the pure allow-list: '" + name +
                            "' is declared in " + where,
                        name);
        return;
    }
    if (known.pureByList)
        return;
    context_.report("purity.impure-call", range,
                    layer + " may call only contracts/, logic/ and the pure allow-list: '" + name + "' (" +
                        callee.path + ") is not on the pure allow-list",
                    name);
}

} // namespace devos::checks
