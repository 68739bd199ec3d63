#include "ingest/ingest_report.hpp"

#include "ingest/repo_telemetry.hpp"

#include <algorithm>
#include <cstdlib>
#include <devos/adapters/git/git_heal_workspace.hpp>
#include <devos/adapters/git/git_repo_history.hpp>
#include <devos/adapters/git/git_repo_inspector.hpp>
#include <devos/adapters/report_readers.hpp>
#include <devos/adapters/yaml_config_file_reader.hpp>
#include <devos/services/fix_learner.hpp>
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
    std::unique_ptr<entrypoints::Telemetry> telemetry;
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
    auto telemetry = openRepoTelemetry(repoRoot, db);
    if (!telemetry)
        return std::unexpected(telemetry.error());
    parts->telemetry = std::move(*telemetry);
    entrypoints::Telemetry& t = *parts->telemetry;
    parts->service =
        std::make_unique<services::IngestService>(t.store(), t.redactor(), t.embedder(), t.ids());
    parts->learner = std::make_unique<services::FixLearner>(t.store(), parts->history, t.ids(), repoRoot);
    parts->service->learnFixesWith(*parts->learner);
    parts->outcomes = std::make_unique<services::OutcomeSync>(t.store(), parts->history, parts->workspace,
                                                              parts->config, t.ids());
    if (t.vectors() != nullptr)
        parts->service->cacheVectorsIn(*t.vectors());
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
    IngestOutcome outcome{std::move(*summary), parts_->telemetry->storeName(), {}, {}};
    // Outcomes at ingest, kept cheap: only for a new run with a commit, in a repository that uses
    // self-heal, when the store holds something whose outcome can change.
    std::error_code ec;
    if (outcome.summary.alreadyStored || outcome.summary.run.commitSha.empty() ||
        !std::filesystem::exists(parts_->repoRoot + "/.devos/self-heal.yml", ec))
        return outcome;
    contracts::FixQuery anyFix;
    anyFix.limit = 1;
    auto fixes = parts_->telemetry->store().fixes(anyFix);
    auto attempts = parts_->telemetry->store().countAttempts({});
    if (fixes && attempts && fixes->empty() && *attempts == 0)
        return outcome;
    if (auto synced = parts_->outcomes->sync(parts_->repoRoot); synced)
        outcome.outcomeChanges = std::move(synced->changes);
    else
        outcome.outcomeError = synced.error().render();
    return outcome;
}

std::vector<std::string> ingestWarnings(const IngestOutcome& outcome) {
    std::vector<std::string> warnings;
    const auto& s = outcome.summary;
    if (!s.vectorFileError.empty())
        warnings.push_back("the run was stored; the vector file will be rebuilt: " + s.vectorFileError);
    if (!s.learningError.empty())
        warnings.push_back("the run was stored, but fixes could not be learned: " + s.learningError);
    if (!outcome.outcomeError.empty())
        warnings.push_back("the run was stored, but self-heal outcomes could not be checked: " +
                           outcome.outcomeError);
    return warnings;
}

std::string ingestOutcomeText(const IngestOutcome& outcome, const std::string& file) {
    const auto& s = outcome.summary;
    const auto& r = s.run;
    const std::string counts = " (" + r.tool + ", " + std::to_string(r.total) + " total, " +
                               std::to_string(r.failed) + " failed, " + std::to_string(r.skipped) +
                               " skipped)";
    if (s.alreadyStored)
        return file + " is already stored in " + outcome.storeName + " as run " + r.runId + counts +
               ": nothing added\n";
    std::string out = "ingested " + file + " into " + outcome.storeName + ": run " + r.runId + counts + "\n";
    for (const auto& f : s.testFailures)
        out += "  FAIL " + f.suite + "." + f.testName + "  pattern " + f.patternId.substr(0, 12) + "  " +
               f.message.substr(0, f.message.find('\n')) + "\n";
    for (const auto& f : s.lintFailures) {
        std::string level = f.level;
        level.resize(std::max<std::size_t>(level.size(), 7), ' ');
        out += "  " + level + " " + f.ruleId + " " + f.file + ":" + std::to_string(f.line) + "  pattern " +
               f.patternId.substr(0, 12) + "\n";
    }
    if (const auto embedded = s.testFailures.size() + s.lintFailures.size(); embedded > 0)
        out += "  embedded " + std::to_string(embedded) + " failures with " + s.embeddingModel + "\n";
    for (const auto& f : s.learnedFixes)
        out += "  learned fix " + f.id + ": " + f.testName + " failed at " + f.failingCommit.substr(0, 7) +
               ", passes at " + f.fixingCommit.substr(0, 7) + (f.diffTruncated ? " (diff truncated)" : "") +
               "\n";
    for (const auto& c : outcome.outcomeChanges)
        out += std::string("  ") + (c.subject == contracts::OutcomeSubject::Proposal ? "proposal" : "fix") +
               " " + c.id + ": " + contracts::outcomeStateName(c.from) + " -> " +
               contracts::outcomeStateName(c.to.state) + "\n";
    return out;
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
