// The collector visits template instantiations and compiler-generated code, so a call to `f<long>`,
// to a member of `FlatMap<long, long>` or to an implicit `operator=` finds the body this TU compiled
// (summarised under the same USR the call site names); template patterns are not summarised.
#include <clang/AST/RecursiveASTVisitor.h>
#include <devos/checks/effect_classifier.hpp>
#include <devos/checks/summary_collector.hpp>
#include <devos/checks/symbol_names.hpp>

namespace devos::checks {
namespace {

// The destructor that runs for an object of `type` when it is not trivial, else null.
const clang::CXXDestructorDecl* nonTrivialDestructor(clang::QualType type) {
    const auto* record = type.isNull() ? nullptr : type->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
    if (!record || !record->hasDefinition() || record->hasTrivialDestructor())
        return nullptr;
    return record->getDestructor();
}

bool isLambdaMember(const clang::FunctionDecl* fn) {
    const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(fn);
    return method && method->getParent()->isLambda();
}

class Collector : public clang::RecursiveASTVisitor<Collector> {
public:
    Collector(CheckContext& context) : context_(context), classify_(context.policy().purity) {}

    bool shouldVisitTemplateInstantiations() const { return true; }
    bool shouldVisitImplicitCode() const { return true; }
    // Types, qualifiers and template arguments as written hold nothing that runs: expressions in them
    // are unevaluated or constant (decltype, sizeof, array bounds), and a call's default arguments
    // are visited at the call (CXXDefaultArgExpr).
    bool TraverseTypeLoc(clang::TypeLoc) { return true; }
    bool TraverseType(clang::QualType) { return true; }
    bool TraverseNestedNameSpecifierLoc(clang::NestedNameSpecifierLoc) { return true; }
    bool TraverseTemplateArgumentLoc(const clang::TemplateArgumentLoc&) { return true; }

    bool TraverseFunctionDecl(clang::FunctionDecl* fn) {
        return traverseFunction(fn, [&] { return Base::TraverseFunctionDecl(fn); });
    }
    bool TraverseCXXMethodDecl(clang::CXXMethodDecl* fn) {
        return traverseFunction(fn, [&] { return Base::TraverseCXXMethodDecl(fn); });
    }
    bool TraverseCXXConstructorDecl(clang::CXXConstructorDecl* fn) {
        return traverseFunction(fn, [&] { return Base::TraverseCXXConstructorDecl(fn); });
    }
    bool TraverseCXXDestructorDecl(clang::CXXDestructorDecl* fn) {
        return traverseFunction(fn, [&] { return Base::TraverseCXXDestructorDecl(fn); });
    }
    bool TraverseCXXConversionDecl(clang::CXXConversionDecl* fn) {
        return traverseFunction(fn, [&] { return Base::TraverseCXXConversionDecl(fn); });
    }

    bool VisitCallExpr(clang::CallExpr* call) {
        if (!current_)
            return true;
        const clang::FunctionDecl* callee = call->getDirectCallee();
        if (!callee)
            return true;
        if (const auto& denied = context_.callee(callee).denied)
            addEffect(*denied, call->getBeginLoc());
        if (!isLambdaMember(callee)) // a lambda's body is already part of the function that defines it
            addCall(callee, call->getBeginLoc());
        return true;
    }
    bool VisitCXXConstructExpr(clang::CXXConstructExpr* e) {
        if (!current_)
            return true;
        if (auto hit = classify_.ofType(e->getType()))
            addEffect(*hit, e->getBeginLoc());
        const clang::CXXConstructorDecl* constructor = e->getConstructor();
        if (constructor && !constructor->isTrivial() && !isLambdaMember(constructor))
            addCall(constructor, e->getBeginLoc());
        return true;
    }
    // Destructors run where no call is written: at the end of a local's scope, a temporary's
    // full-expression and a delete.
    bool VisitVarDecl(clang::VarDecl* var) {
        if (current_ && var->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(var))
            addDestructorCall(nonTrivialDestructor(var->getType()), var->getLocation());
        return true;
    }
    bool VisitCXXBindTemporaryExpr(clang::CXXBindTemporaryExpr* e) {
        if (current_)
            addDestructorCall(e->getTemporary()->getDestructor(), e->getBeginLoc());
        return true;
    }
    bool VisitCXXDeleteExpr(clang::CXXDeleteExpr* e) {
        if (current_ && !e->getDestroyedType().isNull())
            addDestructorCall(nonTrivialDestructor(e->getDestroyedType()), e->getBeginLoc());
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

    // A template pattern is not summarised (its instantiations are); a lambda's call operator
    // belongs to the function that writes the lambda; any other definition, including a member of a
    // local class, an instantiation and a compiler-generated special member, gets its own summary.
    template <typename Traverse> bool traverseFunction(clang::FunctionDecl* fn, Traverse traverse) {
        if (fn->isDependentContext())
            return true;
        if (!fn->doesThisDeclarationHaveABody() || (current_ && isLambdaMember(fn)))
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
        engine::FunctionSummary* outer = current_;
        current_ = &summary;
        bool ok = traverse();
        if (const auto* destructor = llvm::dyn_cast<clang::CXXDestructorDecl>(fn))
            addMemberDestructorCalls(*destructor);
        current_ = outer;
        if (!summary.usr.empty())
            functions.push_back(std::move(summary));
        return ok;
    }
    // After its body a destructor destroys the members and bases (member-wise destroy).
    void addMemberDestructorCalls(const clang::CXXDestructorDecl& destructor) {
        const clang::CXXRecordDecl* record = destructor.getParent();
        for (const clang::FieldDecl* field : record->fields())
            addDestructorCall(nonTrivialDestructor(field->getType()), destructor.getLocation());
        for (const clang::CXXBaseSpecifier& base : record->bases())
            addDestructorCall(nonTrivialDestructor(base.getType()), destructor.getLocation());
    }
    void addDestructorCall(const clang::CXXDestructorDecl* destructor, clang::SourceLocation at) {
        if (destructor)
            addCall(destructor, at);
    }
    // A call edge to a first-party callee. A callee declared in a system header (or outside the repo)
    // or a builtin is never summarised: it is on the pure allow-list, or on a deny-list (an effect
    // above), or the per-TU purity.impure-call reports it; an edge to it could never resolve.
    void addCall(const clang::FunctionDecl* callee, clang::SourceLocation at) {
        if (!current_->pureLayer || callee->isTrivial())
            return; // the link follows no call out of other layers; a trivial member runs no code of its own
        const clang::FunctionDecl* canonical = callee->getCanonicalDecl();
        const FileFacts& declared = context_.facts(canonical->getLocation());
        if (declared.system || declared.path.empty())
            return;
        engine::CallSite site;
        site.usr = usrCached(canonical);
        site.name = context_.callee(callee).name;
        site.declFile = declared.path;
        site.at = context_.point(at);
        if (!site.usr.empty())
            current_->calls.push_back(std::move(site));
    }
    const std::string& usrCached(const clang::FunctionDecl* canonical) {
        auto [it, added] = usrs_.try_emplace(canonical);
        if (added)
            it->second = usrOf(canonical);
        return it->second;
    }
    void addEffect(const EffectHit& hit, clang::SourceLocation at) {
        current_->effects.push_back({hit.ruleId, hit.what, context_.point(at).line});
    }

    CheckContext& context_;
    EffectClassifier classify_;
    engine::FunctionSummary* current_ = nullptr;
    llvm::DenseMap<const clang::FunctionDecl*, std::string> usrs_;
};

} // namespace

std::vector<engine::FunctionSummary> collectFunctionSummaries(clang::ASTContext& ast, CheckContext& context) {
    Collector collector(context);
    for (clang::Decl* decl : ast.getTraversalScope())
        collector.TraverseDecl(decl);
    return std::move(collector.functions);
}

} // namespace devos::checks
