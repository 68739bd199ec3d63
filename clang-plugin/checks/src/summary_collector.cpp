#include <clang/AST/RecursiveASTVisitor.h>
#include <devos/checks/effect_classifier.hpp>
#include <devos/checks/summary_collector.hpp>
#include <devos/checks/symbol_names.hpp>

namespace devos::checks {
namespace {

class Collector : public clang::RecursiveASTVisitor<Collector> {
public:
    Collector(CheckContext& context) : context_(context), classify_(context.policy().purity) {}

    bool TraverseFunctionDecl(clang::FunctionDecl* fn) { return traverseFunction(fn, [&] { return Base::TraverseFunctionDecl(fn); }); }
    bool TraverseCXXMethodDecl(clang::CXXMethodDecl* fn) { return traverseFunction(fn, [&] { return Base::TraverseCXXMethodDecl(fn); }); }
    bool TraverseCXXConstructorDecl(clang::CXXConstructorDecl* fn) { return traverseFunction(fn, [&] { return Base::TraverseCXXConstructorDecl(fn); }); }
    bool TraverseCXXDestructorDecl(clang::CXXDestructorDecl* fn) { return traverseFunction(fn, [&] { return Base::TraverseCXXDestructorDecl(fn); }); }
    bool TraverseCXXConversionDecl(clang::CXXConversionDecl* fn) { return traverseFunction(fn, [&] { return Base::TraverseCXXConversionDecl(fn); }); }

    bool VisitCallExpr(clang::CallExpr* call) {
        if (!current_)
            return true;
        const clang::FunctionDecl* callee = call->getDirectCallee();
        if (!callee)
            return true;
        const CalleeFacts& known = context_.callee(callee);
        if (known.denied)
            addEffect(*known.denied, call->getBeginLoc());
        if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee); method && method->getParent()->isLambda())
            return true; // a lambda's body is already part of the function that defines it
        const FileFacts& declared = context_.facts(callee->getCanonicalDecl()->getLocation());
        engine::CallSite site;
        site.usr = usrOf(callee->getCanonicalDecl());
        site.name = known.name;
        site.declFile = declared.path;
        site.pureByList = declared.system && known.pureByList;
        site.at = context_.point(call->getBeginLoc());
        if (!site.usr.empty())
            current_->calls.push_back(std::move(site));
        return true;
    }
    bool VisitCXXConstructExpr(clang::CXXConstructExpr* e) {
        if (current_)
            if (auto hit = classify_.ofType(e->getType()))
                addEffect(*hit, e->getBeginLoc());
        return true;
    }
    bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
        if (current_)
            if (auto hit = classify_.ofVariable(llvm::dyn_cast<clang::VarDecl>(ref->getDecl())))
                addEffect(*hit, ref->getBeginLoc());
        return true;
    }
    bool VisitCXXThrowExpr(clang::CXXThrowExpr* e) {
        if (current_)
            addEffect({"purity.throw", "throw"}, e->getThrowLoc());
        return true;
    }
    bool VisitAsmStmt(clang::AsmStmt* s) {
        if (current_)
            addEffect({"purity.asm", "asm"}, s->getAsmLoc());
        return true;
    }

    std::vector<engine::FunctionSummary> functions;

private:
    using Base = clang::RecursiveASTVisitor<Collector>;

    template <typename Traverse> bool traverseFunction(clang::FunctionDecl* fn, Traverse traverse) {
        if (current_ || !fn->doesThisDeclarationHaveABody() || fn->isDependentContext())
            return traverse();
        const FileFacts& facts = context_.facts(fn->getLocation());
        if (facts.system || !facts.firstParty || facts.test)
            return true;
        engine::FunctionSummary summary;
        summary.usr = usrOf(fn->getCanonicalDecl());
        summary.name = qualifiedName(fn);
        summary.file = facts.path;
        summary.line = context_.point(fn->getLocation()).line;
        summary.layer = facts.layer ? facts.layer->name : "";
        summary.pureLayer = facts.pure();
        current_ = &summary;
        bool ok = traverse();
        current_ = nullptr;
        if (!summary.usr.empty())
            functions.push_back(std::move(summary));
        return ok;
    }
    void addEffect(const EffectHit& hit, clang::SourceLocation at) {
        current_->effects.push_back({hit.ruleId, hit.what, context_.point(at).line});
    }

    CheckContext& context_;
    EffectClassifier classify_;
    engine::FunctionSummary* current_ = nullptr;
};

} // namespace

std::vector<engine::FunctionSummary> collectFunctionSummaries(clang::ASTContext& ast, CheckContext& context) {
    Collector collector(context);
    for (clang::Decl* decl : ast.getTraversalScope())
        collector.TraverseDecl(decl);
    return std::move(collector.functions);
}

} // namespace devos::checks
