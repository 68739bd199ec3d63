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

OtlpSignalExporters makeOtlpSignalExporters(const std::string& endpoint, const std::string& serviceName) {
    if (endpoint.empty())
        return {};
    adapters::OtlpExportOptions options;
    options.endpoint = endpoint;
    if (!serviceName.empty())
        options.serviceName = serviceName;
    return {std::make_unique<adapters::OtlpSpanExporter>(options),
            std::make_unique<adapters::OtlpMetricExporter>(options)};
}

} // namespace devos::entrypoints
