#pragma once
#include <chrono>
#include <cstddef>
#include <devos/ports/event_exporter.hpp>
#include <string>

namespace devos::adapters {

// Where and how to send OpenTelemetry logs.
struct OtlpLogExporterOptions {
    std::string endpoint;                    // "http://collector:4318": requests go to <endpoint>/v1/logs
    std::string serviceName = "devos";       // the resource's service.name
    std::size_t batchSize = 512;             // log records per request
    std::chrono::milliseconds timeout{5000}; // per request, connection included
};

// Exports events as OTLP/HTTP JSON logs (POST /v1/logs): one resourceLogs with service.name, one
// scopeLogs "devos.runtime", one logRecord per event (timeUnixNano, severityNumber/Text, body,
// attributes devos.event_id, devos.source, devos.code, devos.payload and the tags; traceId when it is
// 32 hex digits). Batched; no retries (the store keeps every event).
class OtlpLogExporter final : public ports::EventExporter {
public:
    explicit OtlpLogExporter(OtlpLogExporterOptions options);

    // Unavailable when the collector cannot be reached or answers other than 2xx; the batches before
    // the failing one were sent.
    [[nodiscard]] contracts::Expected<void>
    exportEvents(std::span<const contracts::TelemetryEvent> events) override;

private:
    OtlpLogExporterOptions options_;
    std::string url_;
};

} // namespace devos::adapters
