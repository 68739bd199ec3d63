#pragma once
// The `devos ingest` use case: a JUnit or SARIF report stored in telemetry (redacted, pattern ids,
// embeddings, run metadata from git and CI variables, fixes learned from the tests that passed), with
// the store, embedder and redactor wired from the environment. Used by `devos ingest` and devos mcp.
#include <devos/contracts/error.hpp>
#include <devos/services/ingest_service.hpp>
#include <devos/services/outcome_sync.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::ingest {

// What was stored, and in which store ("PostgreSQL" or the SQLite file).
struct IngestOutcome {
    services::IngestSummary summary;
    std::string storeName;
    // Self-heal outcomes the new run changed (merged, recurred...: devos heal sync's check, run when
    // the repository has .devos/self-heal.yml and the store holds proposals or fixes).
    std::vector<services::OutcomeChange> outcomeChanges;
    std::string outcomeError; // why the outcomes could not be checked (the run is stored)
};

// The store (`db`: a SQLite file, else DEVOS_DATABASE_URL, else <repoRoot>/.devos/telemetry.db), the
// embedder (DEVOS_EMBEDDINGS_*), the repo's redaction rules, the fix learner and the self-heal
// outcome check, opened once and kept for any number of reports.
class ReportIngester {
public:
    // Errors are the configuration's (Invalid) or the store's.
    [[nodiscard]] static contracts::Expected<std::unique_ptr<ReportIngester>>
    open(const std::string& repoRoot, const std::optional<std::string>& db);
    ~ReportIngester();
    ReportIngester(const ReportIngester&) = delete;
    ReportIngester& operator=(const ReportIngester&) = delete;

    // Stores the report at `path`; `kind` is "junit" or "sarif". An invalid report stores nothing.
    [[nodiscard]] contracts::Expected<IngestOutcome> ingest(const std::string& kind, const std::string& path);

private:
    ReportIngester() = default;
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

// The warnings for stderr: the run was stored, but the vector file, fix learning or the self-heal
// outcome check failed.
[[nodiscard]] std::vector<std::string> ingestWarnings(const IngestOutcome& outcome);

// The outcome as `devos ingest` prints it: "ingested <file> into <store>: run ..." (or "... is already
// stored ..."), then a line per failure, the embedding model, learned fixes and outcome changes.
[[nodiscard]] std::string ingestOutcomeText(const IngestOutcome& outcome, const std::string& file);

// The outcome as `devos ingest --format json` prints it: file, store, run, embedding_model,
// already_stored, failures, learned_fixes.
[[nodiscard]] nlohmann::json ingestOutcomeJson(const IngestOutcome& outcome, const std::string& file);

} // namespace devos::ingest
