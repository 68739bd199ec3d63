#include <devos/checks/check_context.hpp>
#include <devos/checks/symbol_names.hpp>
#include <devos/engine/allow_comment.hpp>

namespace devos::checks {

CheckContext::CheckContext(const engine::Policy& policy, std::string repoRoot, std::string today,
                           clang::SourceManager& sm, FindingSink& sink)
    : policy_(policy), today_(std::move(today)), sm_(sm), sink_(sink),
      files_(sm, policy.layers, std::move(repoRoot)), classify_(policy.purity) {}

const CalleeFacts& CheckContext::callee(const clang::FunctionDecl* fn) {
    const clang::FunctionDecl* key = fn->getCanonicalDecl();
    auto it = callees_.find(key);
    if (it != callees_.end())
        return it->second;
    CalleeFacts facts;
    facts.name = qualifiedName(fn);
    facts.denied = classify_.ofCall(fn);
    facts.pureByList = facts.denied || fn->getBuiltinID() != 0 || policy_.purity.isPureCall(facts.name);
    return callees_.try_emplace(key, std::move(facts)).first->second;
}

const std::optional<EffectHit>& CheckContext::typeEffect(clang::QualType type) {
    static const std::optional<EffectHit> none;
    if (type.isNull())
        return none;
    const clang::Type* key = type.getCanonicalType().getTypePtr();
    auto it = typeEffects_.find(key);
    if (it != typeEffects_.end())
        return it->second;
    return typeEffects_.try_emplace(key, classify_.ofType(type)).first->second;
}

engine::SourcePoint CheckContext::point(clang::SourceLocation loc) {
    clang::SourceLocation expansion = sm_.getExpansionLoc(loc);
    return {files_.at(expansion).path, sm_.getExpansionLineNumber(expansion),
            sm_.getExpansionColumnNumber(expansion)};
}

std::string CheckContext::lineText(clang::FileID file, unsigned line) const {
    if (line == 0)
        return {};
    bool invalid = false;
    llvm::StringRef buffer = sm_.getBufferData(file, &invalid);
    if (invalid)
        return {};
    clang::SourceLocation start = sm_.translateLineCol(file, line, 1);
    if (start.isInvalid())
        return {};
    size_t offset = sm_.getFileOffset(start);
    size_t end = buffer.find('\n', offset);
    return buffer.substr(offset, end == llvm::StringRef::npos ? llvm::StringRef::npos : end - offset).str();
}

bool CheckContext::allowed(const std::string& ruleId, clang::SourceLocation loc) {
    clang::SourceLocation expansion = sm_.getExpansionLoc(loc);
    clang::FileID file = sm_.getFileID(expansion);
    unsigned line = sm_.getExpansionLineNumber(expansion);
    auto r = engine::resolveAllow([&](unsigned n) { return lineText(file, n); }, line, ruleId, today_,
                                  policy_.allowMaxDays);
    if (r.status == engine::AllowResolution::Status::Malformed ||
        r.status == engine::AllowResolution::Status::Expired)
        report(r.findingRule, sm_.translateLineCol(file, r.line, r.column), std::move(r.message),
               std::move(r.subject));
    return r.status == engine::AllowResolution::Status::Allowed;
}

void CheckContext::report(const std::string& ruleId, clang::SourceRange range, std::string message,
                          std::string subject, std::vector<PendingNote> notes,
                          std::vector<engine::FixIt> fixes) {
    if (range.getBegin().isInvalid())
        return;
    auto built = policy_.finding(ruleId, point(range.getBegin()), std::move(message), std::move(subject));
    if (!built)
        return;
    engine::Finding& f = *built;
    if (range.getEnd().isValid())
        f.end = point(range.getEnd());
    if (f.end.file != f.at.file || f.end.line < f.at.line)
        f.end = f.at;
    f.fixes = std::move(fixes);
    if (!seen_.emplace(f.ruleId, f.at.file, f.at.line, f.at.column, f.message).second)
        return;
    if (ruleId.rfind("allow.", 0) != 0 && allowed(ruleId, range.getBegin()))
        return;
    std::vector<clang::SourceLocation> noteLocations;
    for (auto& n : notes) {
        f.notes.push_back({point(n.at), std::move(n.message), false});
        noteLocations.push_back(n.at);
    }
    // The include chain, so a leak found in a header shows how this translation unit reached it.
    clang::FileID file = sm_.getFileID(sm_.getExpansionLoc(range.getBegin()));
    for (clang::SourceLocation inc = sm_.getIncludeLoc(file); inc.isValid();
         inc = sm_.getIncludeLoc(sm_.getFileID(inc))) {
        f.notes.push_back({point(inc), "included from here", true});
        noteLocations.push_back(inc);
    }
    emit(std::move(*built), range, std::move(noteLocations));
}

void CheckContext::emit(engine::Finding finding, clang::SourceRange range,
                        std::vector<clang::SourceLocation> noteLocations) {
    sink_.emit(finding, range, noteLocations);
}

} // namespace devos::checks
