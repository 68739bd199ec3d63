#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/main_location_check.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void MainLocationCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(functionDecl(isMain(), isDefinition()).bind("main"), this);
}

void MainLocationCheck::run(const MatchFinder::MatchResult& result) {
    const auto* fn = result.Nodes.getNodeAs<clang::FunctionDecl>("main");
    const FileFacts& facts = context_.facts(fn->getLocation());
    if (!facts.checked() || !facts.layer || facts.layer->mayDefineMain)
        return;
    context_.report("layer.main-location", {fn->getLocation(), fn->getLocation()},
                    "main() is the composition root and belongs in entrypoints/, not in " +
                        facts.layer->name + "/",
                    "main");
}

} // namespace devos::checks
