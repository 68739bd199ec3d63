#include "check/repo_analysis.hpp"

#include "check/compile_database.hpp"
#include "check/gate_sections.hpp"
#include "check/tu_checker.hpp"

#include <devos/engine/allow_comment.hpp>
#include <devos/engine/allowed_findings.hpp>
#include <devos/engine/content_hash.hpp>
#include <devos/engine/policy.hpp>
#include <devos/engine/purity_linker.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/error.hpp>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;

namespace devos::check {
namespace {

// The running devos binary: a rebuilt tool may judge the same sources differently.
std::string toolIdentity() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return DEVOS_VERSION;
    auto size = fs::file_size(self, ec);
    auto mtime = fs::last_write_time(self, ec).time_since_epoch().count();
    return self.string() + ":" + std::to_string(size) + ":" + std::to_string(mtime);
}

std::string policyKey(const engine::Policy& policy) {
    std::string key = std::string(DEVOS_VERSION) + toolIdentity() + engine::EmbeddedRules::catalog() +
                      engine::EmbeddedRules::layers() + engine::EmbeddedRules::purity() + engine::todayIso();
    key += policy.configText + policy.includedText;
    return engine::contentHash(key);
}

} // namespace

foundation::Expected<Analysis> analyzeRepo(const AnalysisRequest& request) {
    auto database = loadCompileDatabase(request.buildDir);
    if (!database)
        return std::unexpected(database.error());
    if (database->files.empty())
        return foundation::fail(foundation::ErrorKind::Invalid, "the compile database lists no files",
                                database->path, 1,
                                "build a project with at least one C++ source, then re-run cmake");

    Analysis analysis;
    analysis.root = !request.root.empty()    ? fs::weakly_canonical(request.root).string()
                    : !request.files.empty() ? engine::findRepoRoot(request.files.front())
                                             : engine::findRepoRoot(database->files.front());
    auto policy = engine::Policy::forRepo(analysis.root, request.configFile);
    if (!policy)
        return std::unexpected(policy.error());
    if (auto sections = checkGateSections(*policy); !sections)
        return std::unexpected(sections.error());
    analysis.policy = std::make_shared<engine::Policy>(std::move(*policy));

    std::vector<std::string> files;
    if (request.files.empty()) {
        for (const auto& file : database->files)
            if (engine::isInsideRepo(engine::repoRelative(analysis.root, file)))
                files.push_back(file);
    } else {
        for (const auto& file : request.files) {
            std::string absolute = fs::weakly_canonical(fs::absolute(file)).string();
            bool listed = false;
            for (const auto& known : database->files)
                listed = listed || fs::weakly_canonical(known).string() == absolute;
            if (!listed)
                return foundation::fail(foundation::ErrorKind::NotFound,
                                        "this file is not in " + database->path, file, 0,
                                        "add it to a target and re-run cmake, or check the path");
            files.push_back(absolute);
        }
    }

    CheckRequest check;
    check.database = &*database;
    check.files = files;
    check.policy = analysis.policy.get();
    check.repoRoot = analysis.root;
    check.today = engine::todayIso();
    check.policyKey = policyKey(*analysis.policy);
    check.cacheDirectory =
        request.useCache ? (fs::path(request.buildDir) / "devos" / "check-cache").string() : "";
    check.jobs = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
    CheckRun run = checkTranslationUnits(check);

    for (const auto& summary : run.summaries) {
        analysis.findings.insert(analysis.findings.end(), summary.findings.begin(), summary.findings.end());
        analysis.checkedFiles.push_back(summary.tu);
    }
    if (request.link) {
        auto linked = engine::PurityLinker(*analysis.policy).link(run.summaries);
        engine::applyAllowComments(linked, *analysis.policy, analysis.root, check.today);
        analysis.findings.insert(analysis.findings.end(), linked.begin(), linked.end());
    }
    analysis.summaries = std::move(run.summaries);
    analysis.dependencies = std::move(run.dependencies);
    engine::sortAndDeduplicate(analysis.findings);
    analysis.notifications = std::move(run.notifications);
    analysis.failedFiles = std::move(run.failedFiles);
    analysis.translationUnits = static_cast<unsigned>(files.size());
    analysis.fromCache = run.fromCache;
    return analysis;
}

} // namespace devos::check
