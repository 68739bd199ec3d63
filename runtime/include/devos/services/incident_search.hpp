#pragma once
#include <cstddef>
#include <devos/contracts/error.hpp>
#include <devos/contracts/lint_failure.hpp>
#include <devos/contracts/test_failure.hpp>
#include <devos/contracts/test_run.hpp>
#include <devos/ports/embedder.hpp>
#include <devos/ports/redactor.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/ports/vector_index_factory.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace devos::services {

// What to look for: free text, or the stored vector of one test or lint failure (then `text` is ignored).
struct IncidentQuery {
    std::string text;
    std::optional<std::string> failureId;
    std::size_t k = 10;
    float threshold = 0.7F;
};

// One similar past failure (a test failure or a lint failure), its cosine similarity, and its run
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
    std::string backend;      // the index implementation, e.g. "cpu-fp32-avx2"; empty when nothing was stored
    std::size_t searched = 0; // stored test and lint failure vectors compared
    std::vector<IncidentHit> hits;
};

// Similar past test and lint failures: embeds the query (redacted, through logic::incidentText) or
// loads the failure's stored vector, loads every stored test and lint failure vector of the embedder's
// model into a new exact index, and resolves the top-k hits at or above the threshold to failures and
// runs.
class IncidentSearch {
public:
    IncidentSearch(ports::TelemetryStore& store, const ports::Embedder& embedder,
                   const ports::VectorIndexFactory& indexes, const ports::Redactor& redactor)
        : store_(store), embedder_(embedder), indexes_(indexes), redactor_(redactor) {}

    // NotFound when query.failureId has no vector of this model; Invalid for an empty text or k == 0.
    [[nodiscard]] contracts::Expected<IncidentSearchResult> search(const IncidentQuery& query);

private:
    ports::TelemetryStore& store_;
    const ports::Embedder& embedder_;
    const ports::VectorIndexFactory& indexes_;
    const ports::Redactor& redactor_;
};

} // namespace devos::services
