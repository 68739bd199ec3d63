#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// layer.adapter-include: an adapter includes another adapter.
class AdapterIncludeCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void finishTranslationUnit(clang::ASTContext& ast, const IncludeRecorder& includes) override;
};

} // namespace devos::checks
