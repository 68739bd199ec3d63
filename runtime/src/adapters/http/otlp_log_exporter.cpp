// OTLP/HTTP JSON encoding (opentelemetry-proto logs.proto, JSON mapping): 64-bit integers such as
// timeUnixNano are decimal strings, ids are hex strings, AnyValue is {"stringValue": ...}.
#include "otlp_json.hpp"

#include <algorithm>
#include <cctype>
#include <devos/adapters/http/otlp_log_exporter.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using nlohmann::json;

// OTLP SeverityNumber: INFO 9, WARN 13, ERROR 17.
int severityNumber(contracts::EventKind kind) {
    switch (kind) {
    case contracts::EventKind::Error:
        return 17;
    case contracts::EventKind::Warn:
        return 13;
    case contracts::EventKind::Info:
        return 9;
    }
    return 0;
}

bool isTraceId(const std::string& id) {
    return id.size() == 32 &&
           std::ranges::all_of(id, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

json logRecord(const contracts::TelemetryEvent& e) {
    json attributes = json::array({otlpAttribute("devos.event_id", e.id),
                                   otlpAttribute("devos.source", contracts::sourceName(e.source))});
    if (!e.code.empty())
        attributes.push_back(otlpAttribute("devos.code", e.code));
    if (!e.payloadJson.empty())
        attributes.push_back(otlpAttribute("devos.payload", e.payloadJson));
    if (!e.traceId.empty() && !isTraceId(e.traceId))
        attributes.push_back(otlpAttribute("devos.trace_id", e.traceId));
    for (const auto& [key, value] : e.tags)
        attributes.push_back(otlpAttribute(key, value));
    std::string severity = contracts::kindName(e.kind);
    std::ranges::transform(severity, severity.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const std::string nanos = std::to_string(e.ts) + "000000";
    json record = {{"timeUnixNano", nanos},
                   {"observedTimeUnixNano", nanos},
                   {"severityNumber", severityNumber(e.kind)},
                   {"severityText", severity},
                   {"body", {{"stringValue", e.message}}},
                   {"attributes", attributes}};
    if (isTraceId(e.traceId))
        record["traceId"] = e.traceId;
    return record;
}

json logsRequest(std::span<const contracts::TelemetryEvent> events, const std::string& serviceName) {
    json records = json::array();
    for (const auto& e : events)
        records.push_back(logRecord(e));
    return {{"resourceLogs", json::array({{{"resource", otlpResource(serviceName)},
                                           {"scopeLogs", json::array({{{"scope", {{"name", "devos.runtime"}}},
                                                                       {"logRecords", records}}})}}})}};
}

} // namespace

OtlpLogExporter::OtlpLogExporter(OtlpLogExporterOptions options)
    : options_(std::move(options)), url_(otlpSignalUrl(options_.endpoint, "/v1/logs")) {
    options_.batchSize = std::max<std::size_t>(options_.batchSize, 1);
}

contracts::Expected<void> OtlpLogExporter::exportEvents(std::span<const contracts::TelemetryEvent> events) {
    for (std::size_t first = 0; first < events.size(); first += options_.batchSize) {
        const auto batch = events.subspan(first, std::min(options_.batchSize, events.size() - first));
        if (auto sent = postOtlp(url_, logsRequest(batch, options_.serviceName), options_.timeout); !sent)
            return sent;
    }
    return {};
}

} // namespace devos::adapters
