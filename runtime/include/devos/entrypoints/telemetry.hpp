#pragma once
// Telemetry opened from the environment, in one place: the store, the redactor, ids, the OTLP
// exporters and, for searching, the embedder, the vector file, the vector indexes, the backfill and
// the incident search. `devos ingest`, `search`, `heal`, `report`, `mcp` and ServiceTelemetry open
// their telemetry through it instead of wiring the factories by hand.
#include <devos/contracts/error.hpp>
#include <devos/entrypoints/environment.hpp>
#include <devos/ports/embedder.hpp>
#include <devos/ports/event_exporter.hpp>
#include <devos/ports/failure_vector_cache.hpp>
#include <devos/ports/metric_exporter.hpp>
#include <devos/ports/redactor.hpp>
#include <devos/ports/span_exporter.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <devos/ports/vector_index_factory.hpp>
#include <devos/services/id_generator.hpp>
#include <devos/services/incident_search.hpp>
#include <devos/services/vector_backfill.hpp>
#include <memory>
#include <optional>
#include <string>

namespace devos::entrypoints {

// What to open. Unset fields come from `environment`.
struct TelemetryRequest {
    std::string dataDir;                    // the folder of the default store telemetry.db (a repo's .devos)
    std::optional<std::string> db;          // --db: a SQLite file; wins over DEVOS_DATABASE_URL
    std::optional<std::string> databaseUrl; // unset: DEVOS_DATABASE_URL; "" the SQLite file
    std::optional<std::string> gitleaksConfig; // unset: DEVOS_GITLEAKS_CONFIG; "" the built-in rules alone
    std::optional<std::string> otlpEndpoint;   // unset: DEVOS_OTLP_ENDPOINT; "" exports nothing
    std::string serviceName;                   // empty: OTEL_SERVICE_NAME, else "devos"
    bool search = true; // also open the embedder (DEVOS_EMBEDDINGS_*), vector file, backfill and search
    bool onlyAnExistingStore = false; // no --db, no URL and no telemetry.db: open nothing
    EnvironmentLookup environment;    // null: the process environment
};

// The request for the repository at `repoRoot`: its .devos/telemetry.db, unless `db` (--db) or
// DEVOS_DATABASE_URL names another store.
[[nodiscard]] TelemetryRequest repoTelemetryRequest(const std::string& repoRoot,
                                                    std::optional<std::string> db);

// The opened parts, owned together and closed in the right order.
//
//   auto telemetry = Telemetry::open(repoTelemetryRequest(root, db));
//   if (!telemetry) { print(telemetry.error().render()); ... }
//   auto hits = (*telemetry)->search().search(query);
class Telemetry {
public:
    // Errors name the option or variable at fault (--db, DEVOS_DATABASE_URL, DEVOS_EMBEDDINGS_*, the
    // gitleaks configuration's file and line). Null, not an error, with onlyAnExistingStore when no
    // store is named and the default file does not exist.
    [[nodiscard]] static contracts::Expected<std::unique_ptr<Telemetry>> open(TelemetryRequest request);
    ~Telemetry();
    Telemetry(const Telemetry&) = delete;
    Telemetry& operator=(const Telemetry&) = delete;

    [[nodiscard]] ports::TelemetryStore& store();
    // "PostgreSQL" or the SQLite file's path.
    [[nodiscard]] const std::string& storeName() const;
    // The PostgreSQL URL of the store; "" for a SQLite file.
    [[nodiscard]] const std::string& databaseUrl() const;
    [[nodiscard]] ports::Redactor& redactor();
    [[nodiscard]] services::IdGenerator& ids();
    // The OTLP exporters of DEVOS_OTLP_ENDPOINT (logs, traces, metrics); null without one.
    [[nodiscard]] ports::EventExporter* events();
    [[nodiscard]] ports::SpanExporter* spans();
    [[nodiscard]] ports::MetricExporter* metrics();
    // The configured embedder's model, or why DEVOS_EMBEDDINGS_* are invalid (opened with or without
    // `search`).
    [[nodiscard]] const contracts::Expected<std::string>& embeddingModel() const;
    // The environment it was opened from, for what a use case opens later (an agent's URL, a token).
    [[nodiscard]] const EnvironmentLookup& environment() const;

    // Opened with request.search only:
    [[nodiscard]] ports::Embedder& embedder();
    [[nodiscard]] ports::FailureVectorCache* vectors(); // the store's vector file; null for :memory:
    [[nodiscard]] const ports::VectorIndexFactory& indexes();
    [[nodiscard]] services::VectorBackfill& backfill();
    [[nodiscard]] services::IncidentSearch& search();

private:
    Telemetry() = default;
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

} // namespace devos::entrypoints
