#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/entrypoint_logic_call_check.hpp>
#include <devos/checks/symbol_names.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void EntrypointLogicCallCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(callExpr(callee(functionDecl().bind("fn"))).bind("call"), this);
}

void EntrypointLogicCallCheck::run(const MatchFinder::MatchResult& result) {
    const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
    const FileFacts& caller = context_.facts(call->getBeginLoc());
    if (!caller.checked() || !caller.layer || caller.layer->discouraged.empty())
        return;
    const auto* fn = result.Nodes.getNodeAs<clang::FunctionDecl>("fn");
    const FileFacts& callee = context_.facts(fn->getCanonicalDecl()->getLocation());
    if (callee.system || !callee.layer ||
        !context_.policy().layers.isDiscouraged(*caller.layer, *callee.layer))
        return;
    std::string name = qualifiedName(fn);
    clang::SourceRange range =
        call->getCallee() ? call->getCallee()->getSourceRange() : call->getSourceRange();
    context_.report("layer.logic-call", range,
                    caller.layer->name + "/ should call services, not " + callee.layer->name +
                        "/ directly: '" + name + "' is in " + callee.path,
                    name);
}

} // namespace devos::checks
