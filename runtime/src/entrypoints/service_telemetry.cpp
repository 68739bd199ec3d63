#include <cstdlib>
#include <devos/adapters/jsonl_spool.hpp>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/entrypoints/exporter_factory.hpp>
#include <devos/entrypoints/service_telemetry.hpp>
#include <devos/entrypoints/store_factory.hpp>
#include <filesystem>

namespace devos::entrypoints {
namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

} // namespace

struct ServiceTelemetry::Parts {
    explicit Parts(std::string spoolDir) : spool(std::move(spoolDir)) {}
    adapters::JsonlSpool spool;
    std::unique_ptr<ports::Redactor> redactor;
    adapters::SystemClock clock;
    adapters::SystemEntropy entropy;
    services::IdGenerator ids{clock, entropy};
    std::unique_ptr<ports::EventExporter> exporter;
};

contracts::Expected<std::unique_ptr<ServiceTelemetry>>
ServiceTelemetry::open(ServiceTelemetryOptions options) {
    const std::filesystem::path dir = options.dataDir;
    std::error_code ec;
    std::filesystem::create_directories(dir / "spool", ec);
    if (ec)
        return contracts::fail(contracts::ErrorKind::Io,
                               "cannot create the telemetry folder: " + ec.message(),
                               (dir / "spool").string(), 0, "check the folder's permissions or set dataDir");
    std::unique_ptr<ServiceTelemetry> telemetry(new ServiceTelemetry());
    telemetry->parts_ = std::make_unique<Parts>((dir / "spool").string());
    auto redactor =
        adapters::makeRe2Redactor(options.gitleaksConfig.value_or(environment("DEVOS_GITLEAKS_CONFIG")));
    if (!redactor)
        return std::unexpected(std::move(redactor.error()));
    telemetry->parts_->redactor = std::move(*redactor);

    const std::string url = options.databaseUrl.value_or(environment("DEVOS_DATABASE_URL"));
    auto opened = openTelemetryStore(std::nullopt, url, (dir / "telemetry.db").string());
    if (!opened)
        return std::unexpected(std::move(opened.error()));
    telemetry->store_ = std::move(opened->store);
    telemetry->storeName_ = std::move(opened->name);

    const std::string endpoint = options.otlpEndpoint.value_or(environment("DEVOS_OTLP_ENDPOINT"));
    std::string service =
        options.serviceName.empty() ? environment("OTEL_SERVICE_NAME") : options.serviceName;
    telemetry->parts_->exporter = makeOtlpExporter(endpoint, service.empty() ? "devos" : service);

    Parts& parts = *telemetry->parts_;
    telemetry->client_ = std::make_unique<services::TelemetryClient>(
        *telemetry->store_, parts.spool, *parts.redactor, parts.ids, options.client, parts.exporter.get());
    return telemetry;
}

ServiceTelemetry::~ServiceTelemetry() = default; // here, where Parts is complete

} // namespace devos::entrypoints
