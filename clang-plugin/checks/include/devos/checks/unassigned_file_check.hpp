#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// layer.unassigned: a first-party file under src/ that belongs to no layer.
class UnassignedFileCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void finishTranslationUnit(clang::ASTContext& ast, const IncludeRecorder& includes) override;
};

} // namespace devos::checks
