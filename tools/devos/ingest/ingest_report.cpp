#include "ingest/ingest_report.hpp"

#include "scan/repo_secret_rules.hpp"

#include <cstdlib>
#include <devos/adapters/git/git_heal_workspace.hpp>
#include <devos/adapters/git/git_repo_history.hpp>
#include <devos/adapters/git/git_repo_inspector.hpp>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/report_readers.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/adapters/yaml_config_file_reader.hpp>
#include <devos/entrypoints/embedder_factory.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/services/fix_learner.hpp>
#include <devos/services/id_generator.hpp>
#include <devos/services/run_metadata_service.hpp>
#include <filesystem>
#include <map>

extern char** environ;

namespace devos::ingest {
namespace {

std::map<std::string, std::string> environment() {
    std::map<std::string, std::string> env;
    for (char** e = environ; e && *e; ++e) {
        std::string entry = *e;
        auto eq = entry.find('=');
        if (eq != std::string::npos)
            env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
    return env;
}

} // namespace

struct ReportIngester::Parts {
    std::string repoRoot;
    entrypoints::OpenedStore store;
    std::unique_ptr<ports::FailureVectorCache> vectors; // null for an in-memory store
    std::unique_ptr<ports::Embedder> embedder;
    std::unique_ptr<ports::Redactor> redactor;
    adapters::SystemClock clock;
    adapters::SystemEntropy entropy;
    std::unique_ptr<services::IdGenerator> ids;
    adapters::GitRepoHistory history;
    std::unique_ptr<services::FixLearner> learner;
    std::unique_ptr<services::IngestService> service;
    adapters::GitHealWorkspace workspace;
    adapters::YamlConfigFileReader config;
    std::unique_ptr<services::OutcomeSync> outcomes; // no pull request host: ingest stays local
};

ReportIngester::~ReportIngester() = default;

contracts::Expected<std::unique_ptr<ReportIngester>>
ReportIngester::open(const std::string& repoRoot, const std::optional<std::string>& db) {
    auto parts = std::make_unique<Parts>();
    parts->repoRoot = repoRoot;
    auto store = entrypoints::openRepoTelemetryStore(db, repoRoot);
    if (!store)
        return std::unexpected(store.error());
    parts->store = std::move(*store);
    auto embedderSettings = entrypoints::embedderSettingsFromEnvironment();
    if (!embedderSettings)
        return std::unexpected(embedderSettings.error());
    parts->embedder = entrypoints::makeEmbedder(*embedderSettings);
    auto gitleaksConfig = scan::repoGitleaksConfigPath(repoRoot);
    if (!gitleaksConfig)
        return std::unexpected(gitleaksConfig.error());
    auto redactor = adapters::makeRe2Redactor(*gitleaksConfig);
    if (!redactor)
        return std::unexpected(redactor.error());
    parts->redactor = std::move(*redactor);
    parts->ids = std::make_unique<services::IdGenerator>(parts->clock, parts->entropy);
    parts->service = std::make_unique<services::IngestService>(*parts->store.store, *parts->redactor,
                                                               *parts->embedder, *parts->ids);
    parts->learner =
        std::make_unique<services::FixLearner>(*parts->store.store, parts->history, *parts->ids, repoRoot);
    parts->service->learnFixesWith(*parts->learner);
    parts->outcomes = std::make_unique<services::OutcomeSync>(*parts->store.store, parts->history,
                                                              parts->workspace, parts->config, *parts->ids);
    parts->vectors = entrypoints::openVectorCache(parts->store);
    if (parts->vectors)
        parts->service->cacheVectorsIn(*parts->vectors);
    std::unique_ptr<ReportIngester> ingester(new ReportIngester());
    ingester->parts_ = std::move(parts);
    return ingester;
}

contracts::Expected<IngestOutcome> ReportIngester::ingest(const std::string& kind, const std::string& path) {
    if (kind != "junit" && kind != "sarif")
        return std::unexpected(contracts::Error{contracts::ErrorKind::Invalid, "", 0,
                                                "unknown report kind '" + kind + "'", "use junit or sarif"});
    auto metadata =
        services::collectRunMetadata(adapters::GitRepoInspector(), parts_->repoRoot, environment());
    adapters::JunitReader junit;
    adapters::SarifReader sarif;
    const ports::ReportReader& reader =
        kind == "junit" ? static_cast<const ports::ReportReader&>(junit) : sarif;
    auto summary = parts_->service->ingest(reader, path, metadata);
    if (!summary)
        return std::unexpected(summary.error());
    IngestOutcome outcome{std::move(*summary), parts_->store.name, {}, {}};
    // Outcomes at ingest, kept cheap: only for a new run with a commit, in a repository that uses
    // self-heal, when the store holds something whose outcome can change.
    std::error_code ec;
    if (outcome.summary.alreadyStored || outcome.summary.run.commitSha.empty() ||
        !std::filesystem::exists(parts_->repoRoot + "/.devos/self-heal.yml", ec))
        return outcome;
    contracts::FixQuery anyFix;
    anyFix.limit = 1;
    auto fixes = parts_->store.store->fixes(anyFix);
    auto attempts = parts_->store.store->countAttempts({});
    if (fixes && attempts && fixes->empty() && *attempts == 0)
        return outcome;
    if (auto synced = parts_->outcomes->sync(parts_->repoRoot); synced)
        outcome.outcomeChanges = std::move(synced->changes);
    else
        outcome.outcomeError = synced.error().render();
    return outcome;
}

nlohmann::json ingestOutcomeJson(const IngestOutcome& outcome, const std::string& file) {
    const services::IngestSummary& s = outcome.summary;
    const std::string& store = outcome.storeName;
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& f : s.testFailures)
        failures.push_back({{"id", f.id},
                            {"kind", contracts::kTestFailureOwner},
                            {"suite", f.suite},
                            {"test", f.testName},
                            {"file", f.file},
                            {"line", f.line},
                            {"message", f.message},
                            {"pattern_id", f.patternId}});
    for (const auto& f : s.lintFailures)
        failures.push_back({{"id", f.id},
                            {"kind", contracts::kLintFailureOwner},
                            {"rule", f.ruleId},
                            {"level", f.level},
                            {"file", f.file},
                            {"line", f.line},
                            {"message", f.message},
                            {"pattern_id", f.patternId}});
    nlohmann::json fixes = nlohmann::json::array();
    for (const auto& f : s.learnedFixes)
        fixes.push_back({{"id", f.id},
                         {"test", f.testName},
                         {"failure_id", f.failureId},
                         {"pattern_id", f.patternId},
                         {"failing_commit", f.failingCommit},
                         {"fixing_commit", f.fixingCommit},
                         {"diff_truncated", f.diffTruncated}});
    const auto& r = s.run;
    return {{"file", file},
            {"store", store},
            {"run",
             {{"id", r.runId},
              {"tool", r.tool},
              {"branch", r.branch},
              {"commit", r.commitSha},
              {"total", r.total},
              {"passed", r.passed},
              {"failed", r.failed},
              {"skipped", r.skipped}}},
            {"embedding_model", s.embeddingModel},
            {"already_stored", s.alreadyStored},
            {"failures", failures},
            {"learned_fixes", fixes}};
}

} // namespace devos::ingest
