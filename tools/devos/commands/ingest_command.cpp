// devos ingest junit|sarif <file>: stores test results or gate findings in telemetry (redacted,
// with pattern ids, an embedding per test or lint failure, and run metadata from git and CI variables).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "commands/commands.hpp"
#include "scan/repo_secret_rules.hpp"

#include <cstdio>
#include <cstdlib>
#include <devos/adapters/git/git_repo_history.hpp>
#include <devos/adapters/git/git_repo_inspector.hpp>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/report_readers.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/engine/repo_paths.hpp>
#include <devos/entrypoints/embedder_factory.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/services/ingest_service.hpp>
#include <devos/services/run_metadata_service.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

extern char** environ;

namespace devos::cli {
namespace {

const char* kHelp = R"(usage: devos ingest junit <file> [--db <path>] [--format text|json]
       devos ingest sarif <file> [--db <path>] [--format text|json]

Stores a test report (JUnit XML from `ctest --output-junit` or `--gtest_output=xml`) or gate
findings (SARIF) in telemetry: secrets redacted, a pattern id per failure, the run stamped with
git's HEAD and the CI job. The names of the tests that passed are kept: a test that passes at a
commit descending from the commit of an earlier stored failure of it records that failure's fix
(the first-party source diff between the two commits) for `devos heal`. Each test failure's message and top frames, and each lint failure's
rule and message, are embedded for `devos search`: by the built-in hashing embedder, or by the
OpenAI-compatible server at DEVOS_EMBEDDINGS_URL serving DEVOS_EMBEDDINGS_MODEL (key in
DEVOS_EMBEDDINGS_API_KEY). The store is .devos/telemetry.db under the repo root (SQLite), or the
file given with --db, or PostgreSQL when DEVOS_DATABASE_URL=postgresql://... is set.

Exit codes: 0 stored, 1 the report is invalid or the store or embedder failed (nothing was
written), 2 usage or configuration error.
)";

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

nlohmann::json summaryJson(const services::IngestSummary& s, const std::string& file,
                           const std::string& store) {
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
            {"failures", failures},
            {"learned_fixes", fixes}};
}

} // namespace

int runIngest(const std::vector<std::string>& argv) {
    Args args({"--db", "--format"}, {"--help"}, {{"-h", "--help"}});
    if (!args.parse(argv)) {
        std::fprintf(stderr, "devos ingest: %s\n", args.error().c_str());
        return kUsage;
    }
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kSuccess;
    }
    std::string format = args.valueOr("--format", "text");
    const auto& pos = args.positionals();
    if (pos.size() != 2 || (pos[0] != "junit" && pos[0] != "sarif") ||
        (format != "text" && format != "json")) {
        std::fputs(kHelp, stderr);
        return kUsage;
    }
    std::string repoRoot = engine::findRepoRoot(std::filesystem::current_path().string());
    if (repoRoot.empty())
        repoRoot = std::filesystem::current_path().string();
    const char* url = std::getenv("DEVOS_DATABASE_URL");
    auto store = entrypoints::openTelemetryStore(
        args.value("--db"), url != nullptr ? url : "",
        (std::filesystem::path(repoRoot) / ".devos" / "telemetry.db").string());
    if (!store) {
        std::fprintf(stderr, "devos ingest: %s\n", store.error().render().c_str());
        return store.error().kind == contracts::ErrorKind::Invalid ? kUsage : kFindings;
    }
    const std::string& storeName = store->name;
    auto embedderSettings = entrypoints::embedderSettingsFromEnvironment();
    if (!embedderSettings) {
        std::fprintf(stderr, "devos ingest: %s\n", embedderSettings.error().render().c_str());
        return kUsage;
    }
    const auto embedder = entrypoints::makeEmbedder(*embedderSettings);
    auto gitleaksConfig = scan::repoGitleaksConfigPath(repoRoot);
    if (!gitleaksConfig) {
        std::fprintf(stderr, "devos ingest: %s\n", gitleaksConfig.error().render().c_str());
        return kUsage;
    }
    auto redactor = adapters::makeRe2Redactor(*gitleaksConfig);
    if (!redactor) {
        std::fprintf(stderr, "devos ingest: %s\n", redactor.error().render().c_str());
        return kUsage;
    }
    adapters::SystemClock clock;
    adapters::SystemEntropy entropy;
    services::IdGenerator ids(clock, entropy);
    services::IngestService service(*store->store, **redactor, *embedder, ids);
    adapters::GitRepoHistory history;
    services::FixLearner learner(*store->store, history, ids, repoRoot);
    service.learnFixesWith(learner);
    auto metadata = services::collectRunMetadata(adapters::GitRepoInspector(), repoRoot, environment());
    adapters::JunitReader junit;
    adapters::SarifReader sarif;
    const ports::ReportReader& reader =
        pos[0] == "junit" ? static_cast<const ports::ReportReader&>(junit) : sarif;
    auto summary = service.ingest(reader, pos[1], metadata);
    if (!summary) {
        std::fprintf(stderr, "%s\n  nothing was stored\n", summary.error().render().c_str());
        return kFindings;
    }
    if (!summary->learningError.empty())
        std::fprintf(stderr,
                     "devos ingest: warning: the run was stored, but fixes could not be learned: %s\n",
                     summary->learningError.c_str());
    if (format == "json") {
        std::printf("%s\n", summaryJson(*summary, pos[1], storeName).dump(2).c_str());
        return kSuccess;
    }
    const auto& r = summary->run;
    std::printf("ingested %s into %s: run %s (%s, %d total, %d failed, %d skipped)\n", pos[1].c_str(),
                storeName.c_str(), r.runId.c_str(), r.tool.c_str(), r.total, r.failed, r.skipped);
    for (const auto& f : summary->testFailures)
        std::printf("  FAIL %s.%s  pattern %.12s  %s\n", f.suite.c_str(), f.testName.c_str(),
                    f.patternId.c_str(), f.message.substr(0, f.message.find('\n')).c_str());
    for (const auto& f : summary->lintFailures)
        std::printf("  %-7s %s %s:%u  pattern %.12s\n", f.level.c_str(), f.ruleId.c_str(), f.file.c_str(),
                    f.line, f.patternId.c_str());
    if (const auto embedded = summary->testFailures.size() + summary->lintFailures.size(); embedded > 0)
        std::printf("  embedded %zu failures with %s\n", embedded, summary->embeddingModel.c_str());
    for (const auto& f : summary->learnedFixes)
        std::printf("  learned fix %s: %s failed at %.7s, passes at %.7s%s\n", f.id.c_str(),
                    f.testName.c_str(), f.failingCommit.c_str(), f.fixingCommit.c_str(),
                    f.diffTruncated ? " (diff truncated)" : "");
    return kSuccess;
}

} // namespace devos::cli
