#include <clang/ASTMatchers/ASTMatchers.h>
#include <devos/checks/include_edge.hpp>
#include <devos/checks/layer_symbol_check.hpp>
#include <devos/checks/symbol_names.hpp>
#include <set>

using namespace clang::ast_matchers;

namespace devos::checks {

bool LayerSymbolCheck::canFireIn(const TranslationUnitShape& tu) const {
    const auto& layers = context_.policy().layers;
    for (const auto* from : tu.layers)
        for (const auto* to : tu.layers)
            if (!layers.mayInclude(*from, *to))
                return true;
    return false;
}

void LayerSymbolCheck::registerMatchers(MatchFinder& finder) {
    finder.addMatcher(declRefExpr(to(namedDecl().bind("target"))).bind("use"), this);
    finder.addMatcher(memberExpr(member(namedDecl().bind("target"))).bind("use"), this);
    finder.addMatcher(declaratorDecl().bind("typed"), this);
    finder.addMatcher(cxxRecordDecl(isDefinition()).bind("derived"), this);
}

// Keeps only uses that cross a forbidden layer edge; the include edges needed to tell a direct
// include (layer.include's finding) from a transitive one are known at the end of the TU.
void LayerSymbolCheck::consider(clang::SourceLocation at, const clang::NamedDecl* decl) {
    if (!decl || at.isInvalid())
        return;
    const FileFacts& from = context_.facts(at);
    if (!from.checked() || !from.layer)
        return;
    clang::SourceLocation declaredAt = decl->getCanonicalDecl()->getLocation();
    const FileFacts& to = context_.facts(declaredAt);
    if (to.system || !to.firstParty || !to.layer || to.test || to.path == from.path ||
        context_.policy().layers.mayInclude(*from.layer, *to.layer) ||
        (from.layer == to.layer && engine::sameComponent(from.path, to.path, to.layer->name)))
        return;
    uses_.push_back({at, decl, declaredAt});
}

void LayerSymbolCheck::run(const MatchFinder::MatchResult& result) {
    if (const auto* use = result.Nodes.getNodeAs<clang::Expr>("use")) {
        consider(use->getExprLoc(), result.Nodes.getNodeAs<clang::NamedDecl>("target"));
    } else if (const auto* typed = result.Nodes.getNodeAs<clang::DeclaratorDecl>("typed")) {
        clang::QualType t = typed->getType().getNonReferenceType();
        while (const auto* p = t->getAs<clang::PointerType>())
            t = p->getPointeeType();
        if (const auto* record = t->getAsTagDecl())
            consider(typed->getTypeSpecStartLoc(), record);
    } else if (const auto* derived = result.Nodes.getNodeAs<clang::CXXRecordDecl>("derived")) {
        for (const auto& base : derived->bases())
            if (const auto* record = base.getType()->getAsCXXRecordDecl())
                consider(base.getBaseTypeLoc(), record);
    }
}

void LayerSymbolCheck::finishTranslationUnit(clang::ASTContext&, const IncludeRecorder& includes) {
    if (uses_.empty())
        return;
    const auto& layers = context_.policy().layers;
    clang::SourceManager& sm = context_.sourceManager();
    // Direct include edges (including file, included path): such a use is layer.include's finding.
    // A use is reported only from a checked file in a layer, so only those files' edges matter.
    std::set<std::pair<std::string, std::string>> direct;
    for (const auto& inc : checkedIncludes(context_, includes))
        direct.emplace(inc.from.path, inc.to.path);
    std::set<std::pair<std::string, std::string>> reported;
    for (const auto& use : uses_) {
        const FileFacts& from = context_.facts(use.at);
        const FileFacts& to = context_.facts(use.declaredAt);
        if (direct.contains({from.path, to.path}) || !reported.emplace(from.path, to.path).second)
            continue;
        std::string name = qualifiedName(use.decl);
        clang::SourceLocation at = sm.getExpansionLoc(use.at);
        context_.report("layer.symbol", {at, at},
                        from.layer->name + "/ may not use '" + name + "', declared in " + to.layer->name +
                            "/ (" + to.path + "): " + from.layer->name + "/ may depend only on " +
                            layers.allowedList(*from.layer),
                        name, {{use.declaredAt, "'" + name + "' is declared here"}});
    }
    uses_.clear();
}

} // namespace devos::checks
