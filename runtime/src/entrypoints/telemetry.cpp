#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/entrypoints/embedder_factory.hpp>
#include <devos/entrypoints/exporter_factory.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <devos/entrypoints/telemetry.hpp>
#include <devos/entrypoints/vector_index_factory.hpp>
#include <filesystem>

namespace devos::entrypoints {

struct Telemetry::Parts {
    EnvironmentLookup environment;
    OpenedStore store;
    std::string databaseUrl;
    std::unique_ptr<ports::Redactor> redactor;
    adapters::SystemClock clock;
    adapters::SystemEntropy entropy;
    services::IdGenerator ids{clock, entropy};
    std::unique_ptr<ports::EventExporter> events;
    OtlpSignalExporters otlp;
    contracts::Expected<std::string> embeddingModel;
    std::unique_ptr<ports::Embedder> embedder;
    std::unique_ptr<ports::FailureVectorCache> vectors; // null for an in-memory store
    VectorIndexes indexes;
    std::unique_ptr<services::VectorBackfill> backfill;
    std::unique_ptr<services::IncidentSearch> search;
};

namespace {

// The store's error with the option or variable that named the store, unless it says so already.
contracts::Error namingTheStore(contracts::Error error, const TelemetryRequest& request,
                                const std::string& url) {
    std::string source;
    if (request.db)
        source = "--db " + *request.db;
    else if (!url.empty())
        source = "DEVOS_DATABASE_URL";
    if (!source.empty() && !error.message.starts_with(source.substr(0, source.find(' '))))
        error.message = source + ": " + error.message;
    return error;
}

} // namespace

TelemetryRequest repoTelemetryRequest(const std::string& repoRoot, std::optional<std::string> db) {
    TelemetryRequest request;
    request.dataDir = (std::filesystem::path(repoRoot) / ".devos").string();
    request.db = std::move(db);
    return request;
}

contracts::Expected<std::unique_ptr<Telemetry>> Telemetry::open(TelemetryRequest request) {
    std::unique_ptr<Telemetry> telemetry(new Telemetry());
    telemetry->parts_ = std::make_unique<Parts>();
    Parts& p = *telemetry->parts_;
    p.environment = request.environment ? std::move(request.environment) : processEnvironment();
    const std::string url = request.databaseUrl.value_or(p.environment("DEVOS_DATABASE_URL"));
    const std::string defaultPath = (std::filesystem::path(request.dataDir) / "telemetry.db").string();
    std::error_code ec;
    if (request.onlyAnExistingStore && !request.db && url.empty() &&
        !std::filesystem::exists(defaultPath, ec))
        return nullptr;
    auto store = openTelemetryStore(request.db, url, defaultPath);
    if (!store)
        return std::unexpected(namingTheStore(std::move(store.error()), request, url));
    p.store = std::move(*store);
    p.databaseUrl = request.db ? std::string() : url;

    auto redactor =
        adapters::makeRe2Redactor(request.gitleaksConfig.value_or(p.environment("DEVOS_GITLEAKS_CONFIG")));
    if (!redactor)
        return std::unexpected(std::move(redactor.error()));
    p.redactor = std::move(*redactor);

    const std::string endpoint = request.otlpEndpoint.value_or(p.environment("DEVOS_OTLP_ENDPOINT"));
    std::string service =
        request.serviceName.empty() ? p.environment("OTEL_SERVICE_NAME") : request.serviceName;
    if (service.empty())
        service = "devos";
    p.events = makeOtlpExporter(endpoint, service);
    p.otlp = makeOtlpSignalExporters(endpoint, service);

    auto settings = embedderSettingsFrom(p.environment);
    if (settings)
        p.embeddingModel = makeEmbedder(*settings)->model();
    else
        p.embeddingModel = std::unexpected(settings.error());
    if (!request.search)
        return telemetry;
    if (!settings)
        return std::unexpected(settings.error());
    p.embedder = makeEmbedder(*settings);
    p.vectors = openVectorCache(p.store);
    p.backfill = std::make_unique<services::VectorBackfill>(*p.store.store, *p.embedder, p.vectors.get());
    p.search = std::make_unique<services::IncidentSearch>(*p.store.store, *p.embedder, p.indexes, *p.redactor,
                                                          p.vectors.get(), p.backfill.get());
    return telemetry;
}

Telemetry::~Telemetry() = default; // here, where Parts is complete

ports::TelemetryStore& Telemetry::store() {
    return *parts_->store.store;
}

const std::string& Telemetry::storeName() const {
    return parts_->store.name;
}

const std::string& Telemetry::databaseUrl() const {
    return parts_->databaseUrl;
}

ports::Redactor& Telemetry::redactor() {
    return *parts_->redactor;
}

services::IdGenerator& Telemetry::ids() {
    return parts_->ids;
}

ports::EventExporter* Telemetry::events() {
    return parts_->events.get();
}

ports::SpanExporter* Telemetry::spans() {
    return parts_->otlp.spans.get();
}

ports::MetricExporter* Telemetry::metrics() {
    return parts_->otlp.metrics.get();
}

const contracts::Expected<std::string>& Telemetry::embeddingModel() const {
    return parts_->embeddingModel;
}

const EnvironmentLookup& Telemetry::environment() const {
    return parts_->environment;
}

ports::Embedder& Telemetry::embedder() {
    return *parts_->embedder;
}

ports::FailureVectorCache* Telemetry::vectors() {
    return parts_->vectors.get();
}

const ports::VectorIndexFactory& Telemetry::indexes() {
    return parts_->indexes;
}

services::VectorBackfill& Telemetry::backfill() {
    return *parts_->backfill;
}

services::IncidentSearch& Telemetry::search() {
    return *parts_->search;
}

} // namespace devos::entrypoints
