#pragma once
#include <clang/AST/ASTContext.h>
#include <devos/checks/effect_classifier.hpp>
#include <devos/checks/file_facts.hpp>
#include <devos/checks/finding_sink.hpp>
#include <devos/engine/policy.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace devos::checks {

// What the purity rules need to know about a callee, computed once per declaration per TU.
struct CalleeFacts {
    std::string name;                // qualified name
    std::optional<EffectHit> denied; // on a deny-list: the rule and the symbol
    bool pureByList = false;         // on the pure allow-list, a deny-list, or a compiler builtin
};

// A note attached to a finding before it is located.
struct PendingNote {
    clang::SourceLocation at;
    std::string message;
};

// Everything a check needs in one translation unit: the policy, file facts, and `report`, which
// applies the configured level, allow comments and de-duplication before a finding reaches the sink.
class CheckContext {
public:
    CheckContext(const engine::Policy& policy, std::string repoRoot, std::string today,
                 clang::SourceManager& sm, FindingSink& sink);

    // Reports a finding of `ruleId` at `range` unless the rule is off or an allow comment covers it.
    void report(const std::string& ruleId, clang::SourceRange range, std::string message, std::string subject,
                std::vector<PendingNote> notes = {}, std::vector<engine::FixIt> fixes = {});

    [[nodiscard]] const FileFacts& facts(clang::SourceLocation loc) { return files_.at(loc); }
    [[nodiscard]] const FileFacts& facts(clang::FileID id) { return files_.of(id); }
    [[nodiscard]] const FileFacts& factsForPath(const std::string& path, bool system) {
        return files_.ofPath(path, system);
    }
    [[nodiscard]] const CalleeFacts& callee(const clang::FunctionDecl* fn);
    // The deny-list hit of a type (a variable, field, parameter or constructed object), computed
    // once per canonical type per TU.
    [[nodiscard]] const std::optional<EffectHit>& typeEffect(clang::QualType type);
    [[nodiscard]] const engine::Policy& policy() const { return policy_; }
    [[nodiscard]] clang::SourceManager& sourceManager() const { return sm_; }
    [[nodiscard]] engine::SourcePoint point(clang::SourceLocation loc);
    [[nodiscard]] const std::string& repoRoot() const { return files_.repoRoot(); }

private:
    [[nodiscard]] bool allowed(const std::string& ruleId, clang::SourceLocation loc);
    [[nodiscard]] std::string lineText(clang::FileID file, unsigned line) const;
    void emit(engine::Finding finding, clang::SourceRange range,
              std::vector<clang::SourceLocation> noteLocations);

    const engine::Policy& policy_;
    std::string today_;
    clang::SourceManager& sm_;
    FindingSink& sink_;
    FileFactsCache files_;
    EffectClassifier classify_;
    llvm::DenseMap<const clang::FunctionDecl*, CalleeFacts> callees_;
    llvm::DenseMap<const clang::Type*, std::optional<EffectHit>> typeEffects_;
    std::set<std::tuple<std::string, std::string, unsigned, unsigned, std::string>> seen_;
};

} // namespace devos::checks
