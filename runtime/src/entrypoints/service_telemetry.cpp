#include <devos/adapters/jsonl_spool.hpp>
#include <devos/entrypoints/service_telemetry.hpp>
#include <filesystem>

namespace devos::entrypoints {

struct ServiceTelemetry::Parts {
    explicit Parts(std::string spoolDir) : spool(std::move(spoolDir)) {}
    adapters::JsonlSpool spool;
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
    TelemetryRequest request;
    request.dataDir = dir.string();
    request.databaseUrl = std::move(options.databaseUrl);
    request.gitleaksConfig = std::move(options.gitleaksConfig);
    request.otlpEndpoint = std::move(options.otlpEndpoint);
    request.serviceName = std::move(options.serviceName);
    request.search = false;
    auto opened = Telemetry::open(std::move(request));
    if (!opened)
        return std::unexpected(std::move(opened.error()));
    std::unique_ptr<ServiceTelemetry> telemetry(new ServiceTelemetry());
    telemetry->parts_ = std::make_unique<Parts>((dir / "spool").string());
    telemetry->telemetry_ = std::move(*opened);
    Telemetry& t = *telemetry->telemetry_;
    telemetry->client_ = std::make_unique<services::TelemetryClient>(
        t.store(), telemetry->parts_->spool, t.redactor(), t.ids(), options.client, t.events());
    return telemetry;
}

ServiceTelemetry::~ServiceTelemetry() = default; // here, where Parts is complete

} // namespace devos::entrypoints
