#include <cstdlib>
#include <devos/adapters/http/otlp_exporters.hpp>
#include <devos/adapters/http/otlp_log_exporter.hpp>
#include <devos/entrypoints/exporter_factory.hpp>

namespace devos::entrypoints {

std::unique_ptr<ports::EventExporter> makeOtlpExporter(const std::string& endpoint,
                                                       const std::string& serviceName) {
    if (endpoint.empty())
        return nullptr;
    adapters::OtlpLogExporterOptions options;
    options.endpoint = endpoint;
    options.serviceName = serviceName.empty() ? "devos" : serviceName;
    return std::make_unique<adapters::OtlpLogExporter>(std::move(options));
}

std::unique_ptr<ports::EventExporter> makeOtlpExporterFromEnvironment() {
    const char* endpoint = std::getenv("DEVOS_OTLP_ENDPOINT");
    const char* service = std::getenv("OTEL_SERVICE_NAME");
    return makeOtlpExporter(endpoint != nullptr ? endpoint : "", service != nullptr ? service : "");
}

OtlpSignalExporters makeOtlpSignalExportersFromEnvironment() {
    const char* endpoint = std::getenv("DEVOS_OTLP_ENDPOINT");
    const char* service = std::getenv("OTEL_SERVICE_NAME");
    if (endpoint == nullptr || *endpoint == '\0')
        return {};
    adapters::OtlpExportOptions options;
    options.endpoint = endpoint;
    if (service != nullptr && *service != '\0')
        options.serviceName = service;
    return {std::make_unique<adapters::OtlpSpanExporter>(options),
            std::make_unique<adapters::OtlpMetricExporter>(options)};
}

} // namespace devos::entrypoints
