#pragma once
#include <devos/ports/event_exporter.hpp>
#include <devos/ports/metric_exporter.hpp>
#include <devos/ports/span_exporter.hpp>
#include <memory>
#include <string>

namespace devos::entrypoints {

// The OTLP/HTTP JSON log exporter for `endpoint` (DEVOS_OTLP_ENDPOINT, e.g. "http://collector:4318"),
// with `serviceName` (OTEL_SERVICE_NAME) as service.name; nullptr when `endpoint` is empty.
// entrypoints::Telemetry reads both variables.
[[nodiscard]] std::unique_ptr<ports::EventExporter> makeOtlpExporter(const std::string& endpoint,
                                                                     const std::string& serviceName);

// The OTLP/HTTP JSON trace (/v1/traces) and metric (/v1/metrics) exporters of one collector.
struct OtlpSignalExporters {
    std::unique_ptr<ports::SpanExporter> spans;
    std::unique_ptr<ports::MetricExporter> metrics;
};

// Both exporters for the collector at `endpoint` with `serviceName` (empty: "devos") as service.name;
// both null when `endpoint` is empty.
[[nodiscard]] OtlpSignalExporters makeOtlpSignalExporters(const std::string& endpoint,
                                                          const std::string& serviceName);

} // namespace devos::entrypoints
