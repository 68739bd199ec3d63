#pragma once
#include <clang/AST/ASTContext.h>
#include <devos/checks/check_context.hpp>
#include <devos/engine/effect_summary.hpp>

namespace devos::checks {

// Walks the first-party function definitions of a TU (within the traversal scope) and records
// what each one does directly (deny-list effects, throw, asm) and which functions it calls: the
// TU's effect summary for cross-TU purity. Lambda bodies count towards their enclosing function.
[[nodiscard]] std::vector<engine::FunctionSummary> collectFunctionSummaries(clang::ASTContext& ast,
                                                                            CheckContext& context);

} // namespace devos::checks
