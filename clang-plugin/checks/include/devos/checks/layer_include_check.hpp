#pragma once
#include <devos/checks/rule_check.hpp>

namespace devos::checks {

// layer.include: an #include edge the layer graph forbids (first-party layers, external libraries, pure
// standard headers).
class LayerIncludeCheck : public RuleCheck {
public:
    using RuleCheck::RuleCheck;
    void finishTranslationUnit(clang::ASTContext& ast, const IncludeRecorder& includes) override;
};

} // namespace devos::checks
