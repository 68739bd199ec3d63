#include "search/incident_search_use_case.hpp"

#include "ingest/repo_telemetry.hpp"

#include <chrono>

namespace devos::search {
namespace {

double millisSince(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

} // namespace

foundation::Expected<SearchOutcome> searchIncidents(const SearchRequest& request) {
    auto telemetry = ingest::openRepoTelemetry(request.repoRoot, request.db);
    if (!telemetry)
        return std::unexpected(telemetry.error());
    const auto started = std::chrono::steady_clock::now();
    auto result = (*telemetry)->search().search(request.query);
    if (!result)
        return std::unexpected(result.error());
    return SearchOutcome{std::move(*result), request.query.k, millisSince(started)};
}

foundation::Expected<ReindexOutcome> reindexIncidents(const std::string& repoRoot,
                                                      const std::optional<std::string>& db) {
    auto telemetry = ingest::openRepoTelemetry(repoRoot, db);
    if (!telemetry)
        return std::unexpected(telemetry.error());
    const auto started = std::chrono::steady_clock::now();
    auto summary = (*telemetry)->backfill().run();
    if (!summary) {
        foundation::Error stopped = summary.error();
        stopped.message =
            "reindex stopped (the batches stored so far are kept; rerun to go on): " + stopped.message;
        return std::unexpected(std::move(stopped));
    }
    return ReindexOutcome{std::move(*summary), millisSince(started)};
}

} // namespace devos::search
