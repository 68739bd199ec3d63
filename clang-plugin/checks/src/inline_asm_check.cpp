#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/inline_asm_check.hpp>

using namespace clang::ast_matchers;

namespace devos::checks {

void InlineAsmCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(asmStmt().bind("asm"), this);
}

void InlineAsmCheck::run(const MatchFinder::MatchResult& result) {
    const auto* stmt = result.Nodes.getNodeAs<clang::AsmStmt>("asm");
    const FileFacts& facts = context_.facts(stmt->getAsmLoc());
    if (!facts.pure())
        return;
    context_.report("purity.asm", {stmt->getAsmLoc(), stmt->getAsmLoc()},
                    facts.layer->name + "/ must be analysable: inline assembly can perform any effect",
                    "asm");
}

} // namespace devos::checks
