#include "check/tu_checker.hpp"

#include "check/check_cache.hpp"
#include "check/parallel_for_each.hpp"
#include "check/unknown_flags.hpp"

#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>
#include <devos/checks/translation_unit_checker.hpp>
#include <devos/engine/content_hash.hpp>
#include <devos/engine/repo_paths.hpp>
#include <filesystem>
#include <llvm/Support/CrashRecoveryContext.h>
#include <mutex>
#include <optional>
#include <set>

namespace devos::check {
namespace {

class NullSink : public checks::FindingSink {
public:
    void emit(const engine::Finding&, clang::SourceRange,
              const std::vector<clang::SourceLocation>&) override {}
};

// One TU's analysis: the checking consumer plus the list of files the TU read (for the cache).
class CheckAction : public clang::ASTFrontendAction {
public:
    CheckAction(checks::CheckOptions options, std::optional<engine::EffectSummary>& summary,
                std::vector<std::string>& dependencies)
        : options_(std::move(options)), summary_(summary), dependencies_(dependencies) {}

protected:
    std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& ci,
                                                          llvm::StringRef) override {
        return std::make_unique<checks::CheckingConsumer>(
            ci, options_, sink_, [this](engine::EffectSummary&& s) { summary_ = std::move(s); });
    }
    void EndSourceFileAction() override {
        clang::SourceManager& sm = getCompilerInstance().getSourceManager();
        for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it)
            dependencies_.push_back(it->first.getName().str());
    }

private:
    checks::CheckOptions options_;
    NullSink sink_;
    std::optional<engine::EffectSummary>& summary_;
    std::vector<std::string>& dependencies_;
};

class CheckActionFactory : public clang::tooling::FrontendActionFactory {
public:
    CheckActionFactory(checks::CheckOptions options, std::optional<engine::EffectSummary>& summary,
                       std::vector<std::string>& dependencies)
        : options_(std::move(options)), summary_(summary), dependencies_(dependencies) {}
    std::unique_ptr<clang::FrontendAction> create() override {
        return std::make_unique<CheckAction>(options_, summary_, dependencies_);
    }

private:
    checks::CheckOptions options_;
    std::optional<engine::EffectSummary>& summary_;
    std::vector<std::string>& dependencies_;
};

// The one command of a TU that ClangTool runs: a database with the same file listed twice would
// otherwise have it parsed twice.
class OneCommandDatabase : public clang::tooling::CompilationDatabase {
public:
    explicit OneCommandDatabase(clang::tooling::CompileCommand command) : command_(std::move(command)) {}
    std::vector<clang::tooling::CompileCommand> getCompileCommands(llvm::StringRef) const override {
        return {command_};
    }

private:
    clang::tooling::CompileCommand command_;
};

struct Outcome {
    std::optional<engine::EffectSummary> summary;
    bool failed = false;
    std::string failure; // why it failed, when not because it does not compile
    bool cached = false;
    std::vector<std::string> dropped;
    std::vector<std::string> dependencies;
    std::vector<std::string> problems; // what went wrong besides the analysis, e.g. a cache write
};

std::string commandKey(const CheckRequest& request, const clang::tooling::CompileCommand& command) {
    std::string text = request.policyKey + "\n" + command.Directory + "\n" + command.Filename;
    for (const auto& arg : command.CommandLine)
        text += "\n" + arg;
    return engine::contentHash(text);
}

Outcome checkOne(const CheckRequest& request, const std::string& file) {
    Outcome outcome;
    auto commands = request.database->database->getCompileCommands(file);
    if (commands.empty()) {
        outcome.failed = true;
        return outcome;
    }
    const auto& command = commands.front();
    // Clang runs in the entry's directory: LibTooling aborts the whole process when it is missing.
    std::error_code missing;
    if (!std::filesystem::is_directory(command.Directory, missing)) {
        outcome.failed = true;
        outcome.failure =
            "its compile database entry runs in " + command.Directory +
            ", which does not exist (configure the build again to rewrite compile_commands.json)";
        return outcome;
    }
    std::string key = commandKey(request, command);
    CheckCache cache(request.cacheDirectory);
    if (!request.cacheDirectory.empty())
        if (auto hit = cache.lookup(key)) {
            outcome.summary = std::move(*hit);
            outcome.cached = true;
            return outcome;
        }
    outcome.dropped = dropUnknownFlags(command.CommandLine).dropped;

    checks::CheckOptions options;
    options.policy = request.policy;
    options.repoRoot = request.repoRoot;
    options.today = request.today;
    std::vector<std::string>& dependencies = outcome.dependencies;
    CheckActionFactory factory(options, outcome.summary, dependencies);
    OneCommandDatabase oneCommand(command);
    clang::tooling::ClangTool tool(oneCommand, {file});
    tool.appendArgumentsAdjuster([](const clang::tooling::CommandLineArguments& args, llvm::StringRef) {
        auto filtered = dropUnknownFlags(args).arguments;
        filtered.push_back("-w");
        filtered.push_back("-resource-dir=" DEVOS_CLANG_RESOURCE_DIR);
        return filtered;
    });
    tool.setPrintErrorMessage(false);
    // A crash in clang (or a check) on one TU fails that TU, not the run.
    int status = 1;
    llvm::CrashRecoveryContext recovery;
    if (!recovery.RunSafely([&] { status = tool.run(&factory); })) {
        outcome.failed = true;
        outcome.failure = "clang crashed while analysing it";
        outcome.summary.reset();
        return outcome;
    }
    outcome.failed = status != 0 || !outcome.summary;
    if (!outcome.failed && !request.cacheDirectory.empty()) {
        std::vector<Dependency> deps;
        for (const auto& path : dependencies)
            if (auto dep = CheckCache::describe(path))
                deps.push_back(std::move(*dep));
        if (auto stored = cache.store(key, deps, *outcome.summary); !stored)
            outcome.problems.push_back("the result of " + file +
                                       " was not cached: " + stored.error().render());
    }
    return outcome;
}

} // namespace

CheckRun checkTranslationUnits(const CheckRequest& request) {
    llvm::CrashRecoveryContext::Enable();
    std::vector<Outcome> outcomes(request.files.size());
    std::vector<std::string> crashes =
        parallelForEach(request.files.size(), request.jobs,
                        [&](std::size_t i) { outcomes[i] = checkOne(request, request.files[i]); });

    CheckRun run;
    std::set<std::string> droppedSeen;
    for (size_t i = 0; i < outcomes.size(); ++i) {
        auto& o = outcomes[i];
        std::string rel = engine::repoRelative(request.repoRoot, request.files[i]);
        if (!crashes[i].empty()) {
            o.failed = true;
            run.notifications.push_back("checking " + rel + " stopped: " + crashes[i]);
        }
        if (o.failed)
            run.failedFiles.push_back(rel);
        run.notifications.insert(run.notifications.end(), o.problems.begin(), o.problems.end());
        if (!o.failure.empty())
            run.notifications.push_back(rel + " could not be analysed: " + o.failure);
        if (o.summary)
            run.summaries.push_back(std::move(*o.summary));
        run.fromCache += o.cached;
        run.dependencies.insert(run.dependencies.end(), o.dependencies.begin(), o.dependencies.end());
        for (const auto& flag : o.dropped)
            if (droppedSeen.insert(flag).second)
                run.notifications.push_back("dropped " + flag +
                                            " (unknown to clang 19) from the command of " + rel);
    }
    return run;
}

} // namespace devos::check
