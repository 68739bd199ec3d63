#include <algorithm>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Lex/Preprocessor.h>
#include <devos/checks/summary_collector.hpp>
#include <devos/checks/translation_unit_checker.hpp>

namespace devos::checks {

// Passes findings on and keeps a copy for the TU's summary.
class CheckingConsumer::Collecting : public FindingSink {
public:
    explicit Collecting(FindingSink& next) : next_(next) {}
    void emit(const engine::Finding& finding, clang::SourceRange range,
              const std::vector<clang::SourceLocation>& notes) override {
        findings.push_back(finding);
        next_.emit(finding, range, notes);
    }
    std::vector<engine::Finding> findings;

private:
    FindingSink& next_;
};

CheckingConsumer::CheckingConsumer(clang::CompilerInstance& ci, CheckOptions options, FindingSink& sink,
                                   std::function<void(engine::EffectSummary&&)> done)
    : options_(std::move(options)), collecting_(std::make_unique<Collecting>(sink)), done_(std::move(done)) {
    context_ = std::make_unique<CheckContext>(*options_.policy, options_.repoRoot, options_.today,
                                              ci.getSourceManager(), *collecting_);
    checks_ = makeAllChecks(*context_);
    ci.getPreprocessor().addPPCallbacks(std::make_unique<ForwardingPPCallbacks>(includes_));
}

CheckingConsumer::~CheckingConsumer() = default;

TranslationUnitShape CheckingConsumer::shapeOf(const clang::SourceManager& sm) {
    TranslationUnitShape shape;
    auto add = [&shape](const FileFacts& facts) {
        shape.hasTests = shape.hasTests || (facts.firstParty && !facts.system && facts.test);
        if (facts.checked() && facts.layer &&
            std::find(shape.layers.begin(), shape.layers.end(), facts.layer) == shape.layers.end())
            shape.layers.push_back(facts.layer);
    };
    add(context_->facts(sm.getMainFileID()));
    for (const auto& edge : includes_.edges())
        if (!edge.resolvedPath.empty() && !edge.targetIsSystem)
            add(context_->factsForPath(edge.resolvedPath, false));
    return shape;
}

void CheckingConsumer::HandleTranslationUnit(clang::ASTContext& ast) {
    clang::SourceManager& sm = ast.getSourceManager();
    std::vector<clang::Decl*> firstParty;
    for (clang::Decl* decl : ast.getTranslationUnitDecl()->decls())
        if (options_.wholeTranslationUnit || !sm.isInSystemHeader(sm.getExpansionLoc(decl->getLocation())))
            firstParty.push_back(decl);
    auto previousScope = ast.getTraversalScope();
    ast.setTraversalScope(firstParty);

    const TranslationUnitShape shape = shapeOf(sm);
    clang::ast_matchers::MatchFinder finder;
    for (auto& check : checks_)
        if (check->canFireIn(shape))
            check->registerMatchers(finder);
    finder.matchAST(ast);
    for (auto& check : checks_)
        check->finishTranslationUnit(ast, includes_);

    engine::EffectSummary summary;
    summary.tu = context_->facts(sm.getMainFileID()).path;
    if (options_.collectSummary)
        summary.functions = collectFunctionSummaries(ast, *context_);
    ast.setTraversalScope(previousScope);
    summary.findings = std::move(collecting_->findings);
    if (done_)
        done_(std::move(summary));
}

} // namespace devos::checks
