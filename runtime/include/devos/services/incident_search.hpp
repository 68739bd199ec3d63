#pragma once
#include <cstddef>
#include <devos/contracts/error.hpp>
#include <devos/contracts/lint_failure.hpp>
#include <devos/contracts/test_failure.hpp>
#include <devos/contracts/test_run.hpp>
#include <devos/ports/embedder.hpp>
#include <devos/ports/failure_vector_cache.hpp>
#include <devos/ports/redactor.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/ports/vector_index_factory.hpp>
#include <devos/services/vector_backfill.hpp>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace devos::services {

// What to look for: free text, or the stored vector of one test or lint failure (then `text` is ignored).
// Without a threshold, the one calibrated for the embedder's model and the kind of query applies
// (logic::defaultSearchThreshold).
struct IncidentQuery {
    std::string text;
    std::optional<std::string> failureId;
    std::size_t k = 10;
    std::optional<float> threshold;
};

// One similar past failure (a test failure or a lint failure), its cosine similarity with the query's
// vector (rarity-weighed for a text with the hashing embedder), and its run
// (nullopt if the run is gone).
struct IncidentHit {
    float score = 0.0F;
    std::variant<contracts::TestFailure, contracts::LintFailure> failure;
    std::optional<contracts::TestRun> run;

    // The hit's owner kind: contracts::kTestFailureOwner or contracts::kLintFailureOwner.
    [[nodiscard]] std::string_view kind() const;
    // The failure's id and pattern id, whichever kind it is.
    [[nodiscard]] const contracts::Ulid& failureId() const;
    [[nodiscard]] const std::string& patternId() const;
};

// The hits, best first, and how they were found.
struct IncidentSearchResult {
    std::string model;        // the embedder's model: only vectors of this model were searched
    float threshold = 0.0F;   // the similarity hits were asked for: the query's, else the model's default
    std::string backend;      // the index implementation, e.g. "cpu-fp32-avx2"; empty when nothing was stored
    std::size_t searched = 0; // stored test and lint failure vectors compared
    std::vector<IncidentHit> hits;
    std::string vectorSource;   // where the vectors were read: the vector file's path, or "store"
    std::string vectorFileNote; // why the vector file was not used (the store was searched instead)
    std::string backfillNote;   // stored failures the search first embedded, or could not compare
};

// Similar past test and lint failures: embeds the query (redacted, through logic::incidentText; with
// the built-in hashing embedder its words weighed by their rarity among the stored failures, so a
// word few failures have counts more than one all of them have) or takes the failure's stored vector, finds
// the top-k vectors of the embedder's model at or above the threshold by exact search, and resolves them to
// failures and runs. With a vector cache the index reads the cached file in place, and keeps it between
// searches while the store's generation stays the same (a long-lived process pays the mapping once); without
// one, or when the cache fails (the result says why), every test and lint failure vector is loaded from the
// store into a new index. With a backfill, stored failures that have no vector of the model (a store filled
// by an earlier embedder) are looked for once per store generation: with the built-in hashing embedder
// (logic::backfillsAutomatically) they are embedded before the search, otherwise the result's
// backfillNote names them and the command that embeds them.
// Safe to call from several threads.
class IncidentSearch {
public:
    IncidentSearch(ports::TelemetryStore& store, const ports::Embedder& embedder,
                   const ports::VectorIndexFactory& indexes, const ports::Redactor& redactor,
                   ports::FailureVectorCache* vectors = nullptr, VectorBackfill* backfill = nullptr)
        : store_(store), embedder_(embedder), indexes_(indexes), redactor_(redactor), vectors_(vectors),
          backfill_(backfill) {}

    // NotFound when query.failureId has no vector of this model; Invalid for an empty text or k == 0.
    [[nodiscard]] contracts::Expected<IncidentSearchResult> search(const IncidentQuery& query);

private:
    // The cached vectors of the embedder's model and an index over them, current with the store.
    struct Snapshot {
        std::shared_ptr<const ports::FailureVectors> vectors;
        std::shared_ptr<const ports::VectorIndex> index; // null when there are no vectors
    };
    contracts::Expected<IncidentSearchResult> searchOnce(const IncidentQuery& query);
    // Stored failures without a vector of the model beside the `searched` ones; 0 without counting
    // while the store's vector generation is the one at which none were missing.
    contracts::Expected<std::size_t> unsearched(std::size_t searched);
    contracts::Expected<Snapshot> currentSnapshot();
    contracts::Expected<IncidentSearchResult> searchCached(const IncidentQuery& query,
                                                           const Snapshot& snapshot);
    contracts::Expected<IncidentSearchResult> searchStore(const IncidentQuery& query);

    ports::TelemetryStore& store_;
    const ports::Embedder& embedder_;
    const ports::VectorIndexFactory& indexes_;
    const ports::Redactor& redactor_;
    ports::FailureVectorCache* vectors_;
    VectorBackfill* backfill_;
    std::mutex snapshotMutex_;
    std::optional<std::uint64_t> completeAtGeneration_; // guarded by snapshotMutex_
    Snapshot snapshot_;
};

} // namespace devos::services
