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
};

// Report file → telemetry: parse, redact, compute pattern ids (logic, normalizer v1), assign ULIDs,
// embed each test failure and each lint failure (logic::incidentText of the redacted failure), store
// the run with its failures in one transaction, then each failure's vector under the embedder's model
// (owner kind test_failure or lint_failure), then appends those vectors to the vector cache when one
// is set (a cache that fails is reported, not fatal: the store is the source of truth). Invalid input
// or an embedder that fails stores nothing.
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
    ports::TelemetryStore& store_;
    const ports::Redactor& redactor_;
    const ports::Embedder& embedder_;
    IdGenerator& ids_;
    FixLearner* learner_ = nullptr;
    ports::FailureVectorCache* vectors_ = nullptr;
};

} // namespace devos::services
