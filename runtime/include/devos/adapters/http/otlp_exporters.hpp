#pragma once
#include <chrono>
#include <devos/ports/metric_exporter.hpp>
#include <devos/ports/span_exporter.hpp>
#include <string>

namespace devos::adapters {

// Where and how to send OpenTelemetry metrics or traces.
struct OtlpExportOptions {
    std::string endpoint;                    // "http://collector:4318": requests go to <endpoint>/v1/<signal>
    std::string serviceName = "devos";       // the resource's service.name
    std::chrono::milliseconds timeout{5000}; // per request, connection included
};

// Exports spans as OTLP/HTTP JSON traces (POST /v1/traces), all in one request: one resourceSpans
// with service.name, one scopeSpans "devos.runtime", one INTERNAL span per TraceSpan (ids, parent,
// start/end time, attributes, status OK or ERROR with its message). No retries.
class OtlpSpanExporter final : public ports::SpanExporter {
public:
    explicit OtlpSpanExporter(OtlpExportOptions options);

    // Unavailable when the collector cannot be reached or answers other than 2xx.
    [[nodiscard]] contracts::Expected<void> exportSpans(std::span<const contracts::TraceSpan> spans) override;

private:
    OtlpExportOptions options_;
    std::string url_;
};

// Exports samples as OTLP/HTTP JSON metrics (POST /v1/metrics), all in one request: one gauge per
// sample name (in order of first appearance) with one data point per sample (timeUnixNano, asDouble,
// the tags as attributes). No retries.
class OtlpMetricExporter final : public ports::MetricExporter {
public:
    explicit OtlpMetricExporter(OtlpExportOptions options);

    // Unavailable when the collector cannot be reached or answers other than 2xx.
    [[nodiscard]] contracts::Expected<void>
    exportMetrics(std::span<const contracts::MetricSample> samples) override;

private:
    OtlpExportOptions options_;
    std::string url_;
};

} // namespace devos::adapters
