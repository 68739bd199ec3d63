// The DevOS Clang plugin: `clang++-19 -fplugin=libDevOSPlugin.so ...` runs every DevOS check inside
// the normal compile (AddAfterMainAction: the object file is still produced, errors fail the
// compile) and writes the TU's effect summary beside the object file for cross-TU purity.
#include "diagnostic_sink.hpp"
#include "plugin_options.hpp"

#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendPluginRegistry.h>
#include <devos/checks/translation_unit_checker.hpp>
#include <devos/engine/allow_comment.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>

namespace devos::plugin {
namespace {

// Owns what the checking consumer borrows for the lifetime of one TU.
class PluginConsumer : public clang::ASTConsumer {
public:
    PluginConsumer(clang::CompilerInstance& ci, engine::Policy policy, checks::CheckOptions options,
                   std::string summaryPath)
        : policy_(std::move(policy)), diagnostics_(ci.getDiagnostics()),
          sink_(ci.getDiagnostics(), ci.getSourceManager()), summaryPath_(std::move(summaryPath)) {
        options.policy = &policy_;
        options.collectSummary = !summaryPath_.empty();
        inner_ = std::make_unique<checks::CheckingConsumer>(ci, std::move(options), sink_,
                                                            [this](engine::EffectSummary&& s) { write(s); });
    }
    void HandleTranslationUnit(clang::ASTContext& ast) override { inner_->HandleTranslationUnit(ast); }

private:
    // A summary that cannot be written fails the compile naming the file: the link gate would
    // otherwise report this TU's functions as "unknown effect", far from the cause.
    void write(const engine::EffectSummary& summary) {
        if (summaryPath_.empty())
            return;
        if (auto written = foundation::writeFileAtomically(summaryPath_, engine::toJson(summary),
                                                           {.what = "the DevOS effect summary"});
            !written)
            diagnostics_.Report(
                diagnostics_.getCustomDiagID(clang::DiagnosticsEngine::Error, "[devos summary] %0"))
                << written.error().render();
    }
    engine::Policy policy_;
    clang::DiagnosticsEngine& diagnostics_;
    DiagnosticSink sink_;
    std::string summaryPath_;
    std::unique_ptr<checks::CheckingConsumer> inner_;
};

class DevosAction : public clang::PluginASTAction {
protected:
    std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& ci,
                                                          llvm::StringRef file) override {
        std::string root = options_.root.empty() ? engine::findRepoRoot(file.str()) : options_.root;
        auto policy = engine::Policy::forRepo(root, options_.config, "-fplugin-arg-devos-config=");
        if (!policy) {
            auto& diags = ci.getDiagnostics();
            diags.Report(diags.getCustomDiagID(clang::DiagnosticsEngine::Error, "[devos config] %0"))
                << policy.error().render();
            return std::make_unique<clang::ASTConsumer>();
        }
        for (const auto& [rule, levelText] : options_.levels) {
            engine::Level level;
            if (!engine::parseLevel(levelText, level) || !policy->catalog.setLevel(rule, level)) {
                auto& diags = ci.getDiagnostics();
                diags.Report(
                    diags.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                          "[devos config] -fplugin-arg-devos-rule=%0:%1 names an unknown "
                                          "rule or level (see `devos explain --list`)"))
                    << rule << levelText;
                return std::make_unique<clang::ASTConsumer>();
            }
        }
        std::string summary = options_.summary;
        if (summary.empty()) {
            const std::string& out = ci.getFrontendOpts().OutputFile;
            if (!out.empty() && out != "-")
                summary = out + ".devos.json";
        } else if (summary == "off") {
            summary.clear();
        }
        checks::CheckOptions options;
        options.repoRoot = root;
        options.today = options_.today.empty() ? engine::todayIso() : options_.today;
        return std::make_unique<PluginConsumer>(ci, std::move(*policy), std::move(options), summary);
    }

    bool ParseArgs(const clang::CompilerInstance& ci, const std::vector<std::string>& args) override {
        std::string error;
        if (parsePluginOptions(args, options_, error))
            return true;
        auto& diags = ci.getDiagnostics();
        diags.Report(diags.getCustomDiagID(clang::DiagnosticsEngine::Error, "[devos config] %0")) << error;
        return false;
    }

    ActionType getActionType() override { return AddAfterMainAction; }

private:
    PluginOptions options_;
};

} // namespace
} // namespace devos::plugin

static clang::FrontendPluginRegistry::Add<devos::plugin::DevosAction>
    registration("devos", "DevOS layering and purity gate");
