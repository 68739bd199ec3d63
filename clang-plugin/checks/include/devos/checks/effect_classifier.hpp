#pragma once
#include <clang/AST/Decl.h>
#include <devos/engine/purity_lists.hpp>
#include <optional>
#include <string>

namespace devos::checks {

// A denied effect: the purity rule it breaks and the symbol that does it.
struct EffectHit {
    std::string ruleId;
    std::string what;
};

// Classifies calls, types and global objects against the purity deny-lists. Shared by the
// per-TU purity checks and the effect-summary collector, so both see the same effects.
class EffectClassifier {
public:
    explicit EffectClassifier(const engine::PurityLists& lists) : lists_(lists) {}

    [[nodiscard]] std::optional<EffectHit> ofCall(const clang::FunctionDecl* callee) const;
    [[nodiscard]] std::optional<EffectHit> ofType(clang::QualType type) const;
    [[nodiscard]] std::optional<EffectHit> ofVariable(const clang::VarDecl* var) const;

private:
    const engine::PurityLists& lists_;
};

// The message of a deny-list finding: "logic/ must be deterministic: 'std::time' reads the clock".
[[nodiscard]] std::string effectMessage(const std::string& ruleId, const std::string& layer,
                                        const std::string& what);

} // namespace devos::checks
