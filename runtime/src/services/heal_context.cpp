#include "heal_context.hpp"

#include <algorithm>
#include <devos/logic/playbook.hpp>
#include <devos/logic/proposal_validation.hpp>
#include <devos/logic/test_coverage.hpp>

namespace devos::services {
namespace {

constexpr std::size_t kMaxTestSources = 2000;
constexpr std::size_t kMaxFileBytes = 256 * 1024;

} // namespace

HealContext gatherContext(const ports::HealWorkspace& workspace, const std::string& worktree,
                          const std::vector<std::string>& repoFiles, const std::string& testName,
                          const contracts::FailureSignal& signal,
                          const std::vector<contracts::SimilarIncident>& incidents) {
    HealContext context;
    auto read = [&](const std::string& relative) -> std::optional<std::string> {
        if (logic::checkProposedPath(relative) ||
            workspace.pathFact(worktree, relative).kind != contracts::PathKind::Regular)
            return std::nullopt;
        auto text = workspace.readFile(worktree + "/" + relative);
        if (!text || text->size() > kMaxFileBytes)
            return std::nullopt;
        return std::move(*text);
    };
    std::vector<contracts::SourceFile> tests;
    for (const auto& f : repoFiles) {
        if (tests.size() >= kMaxTestSources)
            break;
        if (logic::isCppSource(f) && logic::isTestPath(f))
            if (auto text = read(f))
                tests.push_back({f, std::move(*text)});
    }
    context.testSource = logic::findTestSource(testName, tests);
    std::vector<std::string> wanted;
    if (!context.testSource.empty()) {
        const auto source = std::ranges::find(tests, context.testSource, &contracts::SourceFile::path);
        context.covered = logic::coveredFiles(*source, repoFiles);
        wanted = context.covered;
    }
    for (const auto& f : signal.context.affectedFiles)
        for (const auto& r : repoFiles)
            if (r == f || f.ends_with("/" + r))
                wanted.push_back(r);
    for (const auto& i : incidents)
        if (i.fix)
            for (const auto& f : logic::filesOfFix(*i.fix))
                wanted.push_back(f);
    for (const auto& f : wanted) {
        if (std::ranges::find(context.files, f, &contracts::SourceFile::path) != context.files.end() ||
            std::ranges::find(repoFiles, f) == repoFiles.end())
            continue;
        if (auto text = read(f))
            context.files.push_back({f, std::move(*text)});
    }
    return context;
}

} // namespace devos::services
