// readTelemetry over the runtime's TelemetryStore (SQLite or PostgreSQL).
#include "report/report_aggregate.hpp"
#include "report/report_telemetry.hpp"

#include <devos/entrypoints/telemetry.hpp>
#include <devos/entrypoints/vector_index_factory.hpp>
#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/vector_backfill.hpp>
#include <devos/services/default_embedder.hpp>
#include <devos/services/vector_backfill.hpp>
#include <map>
#include <set>

namespace devos::report {
namespace {

// How many patterns clustering compares (the most frequent), and how many neighbours each may take.
constexpr std::size_t kClusterPatterns = 2000;
constexpr std::size_t kClusterNeighbours = 64;

// Similar-incident clusters of the window's failures: each pattern's newest failure stands for it
// with its stored vector (the embedder's model), an exact CPU index finds each pattern's neighbours
// at the search threshold, and similarIncidentClusters groups them. Failures stored without a vector
// of the model (a store filled by an earlier embedder) are first embedded by the backfill devos
// search runs, with the built-in hashing embedder; without vectors of the model: no clusters and a
// note saying why.
foundation::Expected<void> addClusters(entrypoints::Telemetry& telemetry,
                                       const std::vector<FailureRecord>& window, TelemetrySummary& t) {
    if (!telemetry.embeddingModel())
        return std::unexpected(telemetry.embeddingModel().error());
    const std::string& model = *telemetry.embeddingModel();
    if (logic::backfillsAutomatically(model)) {
        // The built-in embedder only (nothing else backfills by itself). No vector file is passed: the
        // store's generation moves with the new vectors, so the next search rebuilds its file.
        const auto embedder = services::makeDefaultEmbedder();
        if (auto filled = services::VectorBackfill(telemetry.store(), *embedder, nullptr).run(); !filled)
            return std::unexpected(filled.error());
    }
    const auto patterns = patternRepresentatives(window, kClusterPatterns);
    std::map<std::string, std::size_t> patternOfFailure;
    for (std::size_t p = 0; p < patterns.size(); ++p)
        patternOfFailure[window[patterns[p].newest].failureId] = p;
    std::vector<std::vector<float>> vectors(patterns.size());
    auto visited = telemetry.store().visitFailureVectors(
        model, [&](const contracts::StoredEmbedding& e) -> contracts::Expected<void> {
            if (e.ownerKind != contracts::kTestFailureOwner)
                return {};
            if (auto it = patternOfFailure.find(e.ownerId); it != patternOfFailure.end())
                vectors[it->second] = e.vector;
            return {};
        });
    if (!visited)
        return std::unexpected(visited.error());
    std::vector<std::uint64_t> ids;
    std::vector<float> rows;
    std::size_t dims = 0;
    for (std::size_t p = 0; p < patterns.size(); ++p)
        if (!vectors[p].empty() && (dims == 0 || vectors[p].size() == dims)) {
            dims = vectors[p].size();
            ids.push_back(p);
            rows.insert(rows.end(), vectors[p].begin(), vectors[p].end());
        }
    if (ids.size() < 2) {
        if (patterns.size() >= 2 && ids.size() < patterns.size())
            t.clustersNote = "the failures have no stored vectors of the embedder's model " + model +
                             " (they were ingested with another embedder)";
        return {};
    }
    auto index = entrypoints::VectorIndexes(contracts::VectorBackend::Cpu).create(dims, model);
    if (!index)
        return std::unexpected(index.error());
    const contracts::EmbeddingMatrix matrix{model, dims, rows};
    if (auto added = (*index)->add(ids, matrix); !added)
        return std::unexpected(added.error());
    auto hits = (*index)->search(matrix, std::min(kClusterNeighbours, ids.size()),
                                 logic::defaultSearchThreshold(model, /*byFailure=*/true));
    if (!hits)
        return std::unexpected(hits.error());
    std::vector<std::vector<std::size_t>> similar(patterns.size());
    for (std::size_t q = 0; q < ids.size(); ++q)
        for (const auto& hit : (*hits)[q])
            if (hit.id != ids[q])
                similar[ids[q]].push_back(static_cast<std::size_t>(hit.id));
    t.clusters = similarIncidentClusters(window, patterns, similar);
    return {};
}

} // namespace

foundation::Expected<TelemetrySummary> readTelemetry(const TelemetrySource& source) {
    entrypoints::TelemetryRequest request = entrypoints::repoTelemetryRequest(source.repoRoot, source.db);
    request.gitleaksConfig = ""; // nothing is redacted here
    // No search parts (an HTTP embedder, the vector file): the clusters read stored vectors, and a
    // broken embedder setting only costs them a note, never the report.
    request.search = false;
    request.onlyAnExistingStore = true;
    auto opened = entrypoints::Telemetry::open(std::move(request));
    if (!opened)
        return std::unexpected(opened.error());
    if (*opened == nullptr)
        return TelemetrySummary{};
    ports::TelemetryStore& store = (*opened)->store();
    contracts::FailureQuery newest;
    newest.limit = 10000;
    auto failures = store.queryFailures(newest);
    if (!failures)
        return std::unexpected(failures.error());
    std::vector<FailureRecord> records;
    std::set<std::string> runs;
    for (const auto& f : *failures) {
        records.push_back({f.ts, f.runId, f.suite, f.testName, f.patternId, f.message, f.id});
        runs.insert(f.runId);
    }
    std::vector<PassRecord> passes;
    for (const auto& run : runs) {
        auto passed = store.passedTests(run);
        if (!passed)
            return std::unexpected(passed.error());
        for (const auto& p : *passed)
            passes.push_back({run, p.suite, p.testName});
    }
    contracts::AttemptQuery recent;
    recent.limit = 50;
    auto attempts = store.attempts(recent);
    if (!attempts)
        return std::unexpected(attempts.error());
    TelemetrySummary t;
    t.present = true;
    t.source = (*opened)->storeName();
    t.failuresPerDay = failuresPerDay(records, 60);
    t.topPatterns = topPatterns(records, 10);
    t.flakyTests = flakyTests(records, passes);
    // Clusters are an extra: a report is never lost because they could not be drawn.
    if (auto clustered = addClusters(**opened, failuresInWindow(records, 60), t); !clustered)
        t.clustersNote = "similar-incident clusters could not be computed: " + clustered.error().message;
    for (const auto& a : *attempts)
        t.proposals.push_back({a.proposalId, a.status, a.riskScore, a.patternId, a.description, a.branch,
                               contracts::outcomeStateName(a.outcome.state)});
    return t;
}

} // namespace devos::report
