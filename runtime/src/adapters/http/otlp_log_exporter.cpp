// OTLP/HTTP JSON encoding (opentelemetry-proto logs.proto, JSON mapping): 64-bit integers such as
// timeUnixNano are decimal strings, ids are hex strings, AnyValue is {"stringValue": ...}.
#include "http_post.hpp"

#include <algorithm>
#include <cctype>
#include <devos/adapters/http/otlp_log_exporter.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using nlohmann::json;

json attribute(const std::string& key, const std::string& value) {
    return {{"key", key}, {"value", {{"stringValue", value}}}};
}

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
    json attributes = json::array(
        {attribute("devos.event_id", e.id), attribute("devos.source", contracts::sourceName(e.source))});
    if (!e.code.empty())
        attributes.push_back(attribute("devos.code", e.code));
    if (!e.payloadJson.empty())
        attributes.push_back(attribute("devos.payload", e.payloadJson));
    if (!e.traceId.empty() && !isTraceId(e.traceId))
        attributes.push_back(attribute("devos.trace_id", e.traceId));
    for (const auto& [key, value] : e.tags)
        attributes.push_back(attribute(key, value));
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
    return {{"resourceLogs",
             json::array(
                 {{{"resource", {{"attributes", json::array({attribute("service.name", serviceName)})}}},
                   {"scopeLogs",
                    json::array({{{"scope", {{"name", "devos.runtime"}}}, {"logRecords", records}}})}}})}};
}

} // namespace

OtlpLogExporter::OtlpLogExporter(OtlpLogExporterOptions options) : options_(std::move(options)) {
    options_.batchSize = std::max<std::size_t>(options_.batchSize, 1);
    url_ = options_.endpoint;
    while (url_.ends_with('/'))
        url_.pop_back();
    if (!url_.ends_with("/v1/logs"))
        url_ += "/v1/logs";
}

contracts::Expected<void> OtlpLogExporter::exportEvents(std::span<const contracts::TelemetryEvent> events) {
    for (std::size_t first = 0; first < events.size(); first += options_.batchSize) {
        const auto batch = events.subspan(first, std::min(options_.batchSize, events.size() - first));
        auto reply = postJson(url_, logsRequest(batch, options_.serviceName).dump(), {}, options_.timeout);
        if (!reply) {
            reply.error().hint = "check DEVOS_OTLP_ENDPOINT and that the collector is running";
            return std::unexpected(std::move(reply.error()));
        }
        if (reply->status < 200 || reply->status >= 300)
            return contracts::fail(contracts::ErrorKind::Unavailable,
                                   "POST " + url_ + " answered HTTP " + std::to_string(reply->status) + ": " +
                                       reply->body.substr(0, 200),
                                   {}, 0, "check the collector's OTLP/HTTP receiver and its log");
    }
    return {};
}

} // namespace devos::adapters
