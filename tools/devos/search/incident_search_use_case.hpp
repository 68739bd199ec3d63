#pragma once
// `devos search`: the most similar stored failures to a text or a stored failure, and --reindex, over
// the repository's telemetry (ingest::openRepoTelemetry). The command maps options to a request and
// prints the outcome (search/search_output.hpp).
#include <devos/foundation/error.hpp>
#include <devos/services/incident_search.hpp>
#include <devos/services/vector_backfill.hpp>
#include <optional>
#include <string>

namespace devos::search {

// Where to search and what for.
struct SearchRequest {
    std::string repoRoot;          // its .devos/telemetry.db is the default store
    std::optional<std::string> db; // --db
    services::IncidentQuery query;
};

// The hits and how long the search took (the store already open).
struct SearchOutcome {
    services::IncidentSearchResult result;
    std::size_t k = 0;
    double elapsedMs = 0;
};

// Opens the telemetry and searches. Errors: the telemetry's (naming the option or variable), or the
// search's (NotFound for a failure id without a vector of the model, Invalid for an empty query).
[[nodiscard]] foundation::Expected<SearchOutcome> searchIncidents(const SearchRequest& request);

// What --reindex embedded, and how long it took.
struct ReindexOutcome {
    services::BackfillSummary summary;
    double elapsedMs = 0;
};

// Embeds every stored failure without a vector of the configured model (services::VectorBackfill).
// An error after the telemetry opened says the batches stored so far are kept.
[[nodiscard]] foundation::Expected<ReindexOutcome> reindexIncidents(const std::string& repoRoot,
                                                                    const std::optional<std::string>& db);

} // namespace devos::search
