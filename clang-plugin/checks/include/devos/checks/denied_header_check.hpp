#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// purity.* (headers): a pure layer includes a header on a purity deny-list (<iostream>, <thread> ...).
class DeniedHeaderCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void finishTranslationUnit(clang::ASTContext& ast, const IncludeRecorder& includes) override;
};

} // namespace devos::checks
