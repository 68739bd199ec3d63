#pragma once
#include <devos/ports/event_exporter.hpp>
#include <memory>
#include <string>

namespace devos::entrypoints {

// The OTLP/HTTP JSON log exporter for `endpoint` (DEVOS_OTLP_ENDPOINT, e.g. "http://collector:4318"),
// with `serviceName` (OTEL_SERVICE_NAME) as service.name; nullptr when `endpoint` is empty.
[[nodiscard]] std::unique_ptr<ports::EventExporter> makeOtlpExporter(const std::string& endpoint,
                                                                     const std::string& serviceName);

// makeOtlpExporter from DEVOS_OTLP_ENDPOINT and OTEL_SERVICE_NAME (default "devos").
[[nodiscard]] std::unique_ptr<ports::EventExporter> makeOtlpExporterFromEnvironment();

} // namespace devos::entrypoints
