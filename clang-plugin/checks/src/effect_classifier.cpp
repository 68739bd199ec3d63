#include <clang/AST/DeclCXX.h>
#include <devos/checks/effect_classifier.hpp>
#include <devos/checks/symbol_names.hpp>

namespace devos::checks {

std::optional<EffectHit> EffectClassifier::ofCall(const clang::FunctionDecl* callee) const {
    if (!callee)
        return std::nullopt;
    std::string name = qualifiedName(callee);
    if (auto rule = lists_.deniedCall(name))
        return EffectHit{*rule, name};
    if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee)) {
        std::string owner = recordName(clang::QualType(method->getParent()->getTypeForDecl(), 0));
        if (auto rule = lists_.deniedType(owner))
            return EffectHit{*rule, name};
    }
    return std::nullopt;
}

std::optional<EffectHit> EffectClassifier::ofType(clang::QualType type) const {
    std::string name = recordName(type);
    if (name.empty())
        return std::nullopt;
    if (auto rule = lists_.deniedType(name))
        return EffectHit{*rule, name};
    return std::nullopt;
}

std::optional<EffectHit> EffectClassifier::ofVariable(const clang::VarDecl* var) const {
    if (!var || !var->hasGlobalStorage())
        return std::nullopt;
    std::string name = qualifiedName(var);
    if (auto rule = lists_.deniedVariable(name))
        return EffectHit{*rule, name};
    return std::nullopt;
}

std::string effectMessage(const std::string& ruleId, const std::string& layer, const std::string& what) {
    std::string l = layer + "/";
    std::string w = "'" + what + "'";
    if (ruleId == "purity.clock")
        return l + " must be deterministic: " + w + " reads the clock";
    if (ruleId == "purity.random")
        return l + " must be deterministic: " + w + " draws randomness from outside its inputs";
    if (ruleId == "purity.env")
        return l + " must be deterministic: " + w + " reads the process environment";
    if (ruleId == "purity.process")
        return l + " must not control the process: " + w + " ends, spawns or signals processes";
    if (ruleId == "purity.io")
        return l + " must be free of I/O: " + w + " performs file, network or console I/O";
    if (ruleId == "purity.thread")
        return l + " must be single-threaded and value-based: " + w + " is a thread, lock or atomic";
    return l + " must be pure: " + w + " breaks " + ruleId;
}

} // namespace devos::checks
