#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/run_metadata.hpp>
#include <devos/ports/embedder.hpp>
#include <devos/ports/failure_vector_cache.hpp>
#include <devos/ports/redactor.hpp>
#include <devos/ports/report_reader.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/services/fix_learner.hpp>
#include <devos/services/id_generator.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::services {

// What one ingest stored.
struct IngestSummary {
    contracts::TestRun run;
    std::vector<contracts::TestFailure> testFailures;
    std::vector<contracts::LintFailure> lintFailures;
    std::string embeddingModel;                       // the model of the failures' stored vectors
    std::vector<contracts::RecordedFix> learnedFixes; // fixes learned from the tests that passed
    std::string learningError;   // why fixes could not be learned (the run itself was stored)
    std::string vectorFileError; // why the vector cache was not updated (the next search rebuilds it)
    bool alreadyStored = false;  // an earlier ingest of the same report stored this run; nothing was added
};

// Report file → telemetry: parse, make every text valid UTF-8 (U+FFFD for invalid bytes) and cap
// messages (16 KiB) and stack traces (64 KiB), redact, compute pattern ids (logic, normalizer v1), assign
// ULIDs, embed each test failure and each lint failure (logic::incidentText of the redacted failure), and
// store the run, its failures and each failure's vector under the embedder's model (owner kind
// test_failure or lint_failure) in one transaction, then append those vectors to the vector cache when
// one is set (a cache that fails is reported, not fatal: the store is the source of truth). Invalid
// input, an embedder that fails or a store interrupted part-way stores nothing; a report already stored
// with the same metadata (the same logic::ingestKey: a retry after an interruption at any point) is not
// stored again, and the summary of the stored run comes back with alreadyStored set. So a retry always
// leaves the run stored once.
// The names of the tests that passed are stored with the run, and a FixLearner (when set) records
// the fixes they reveal.
class IngestService {
public:
    IngestService(ports::TelemetryStore& store, const ports::Redactor& redactor,
                  const ports::Embedder& embedder, IdGenerator& ids)
        : store_(store), redactor_(redactor), embedder_(embedder), ids_(ids) {}

    // After each stored run, learn the fixes of earlier failures that now pass (FixLearner).
    void learnFixesWith(FixLearner& learner) { learner_ = &learner; }
    // After the failures' vectors are stored, append them to `cache` too.
    void cacheVectorsIn(ports::FailureVectorCache& cache) { vectors_ = &cache; }

    // Ingests the report at `path` read by `reader`, stamped with `metadata`.
    [[nodiscard]] contracts::Expected<IngestSummary> ingest(const ports::ReportReader& reader,
                                                            const std::string& path,
                                                            const contracts::RunMetadata& metadata);

private:
    // The summary of the run stored under `ingestKey`, or nullopt when there is none.
    [[nodiscard]] contracts::Expected<std::optional<IngestSummary>>
    storedSummary(const std::string& ingestKey);

    ports::TelemetryStore& store_;
    const ports::Redactor& redactor_;
    const ports::Embedder& embedder_;
    IdGenerator& ids_;
    FixLearner* learner_ = nullptr;
    ports::FailureVectorCache* vectors_ = nullptr;
};

} // namespace devos::services
