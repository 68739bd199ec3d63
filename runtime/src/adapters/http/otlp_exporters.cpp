// OTLP/HTTP JSON encoding of traces (trace.proto) and metrics (metrics.proto): 64-bit integers are
// decimal strings, ids lower-case hex, SpanKind INTERNAL = 1, StatusCode OK = 1 and ERROR = 2.
#include "otlp_json.hpp"

#include <devos/adapters/http/otlp_exporters.hpp>

namespace devos::adapters {
namespace {

using nlohmann::json;

json spanJson(const contracts::TraceSpan& s) {
    json span = {{"traceId", s.traceId},
                 {"spanId", s.spanId},
                 {"name", s.name},
                 {"kind", 1},
                 {"startTimeUnixNano", std::to_string(s.startNanos)},
                 {"endTimeUnixNano", std::to_string(s.endNanos)},
                 {"attributes", otlpAttributes(s.attributes)},
                 {"status", s.failed ? json{{"code", 2}, {"message", s.statusMessage}} : json{{"code", 1}}}};
    if (!s.parentSpanId.empty())
        span["parentSpanId"] = s.parentSpanId;
    return span;
}

json tracesRequest(std::span<const contracts::TraceSpan> spans, const std::string& serviceName) {
    json out = json::array();
    for (const auto& s : spans)
        out.push_back(spanJson(s));
    return {{"resourceSpans",
             json::array({{{"resource", otlpResource(serviceName)},
                           {"scopeSpans",
                            json::array({{{"scope", {{"name", "devos.runtime"}}}, {"spans", out}}})}}})}};
}

json metricsRequest(std::span<const contracts::MetricSample> samples, const std::string& serviceName) {
    json metrics = json::array();
    std::map<std::string, std::size_t> index; // name -> position in `metrics`
    for (const auto& s : samples) {
        auto [at, added] = index.try_emplace(s.name, metrics.size());
        if (added)
            metrics.push_back({{"name", s.name}, {"gauge", {{"dataPoints", json::array()}}}});
        metrics[at->second]["gauge"]["dataPoints"].push_back(
            {{"timeUnixNano", std::to_string(s.ts) + "000000"},
             {"asDouble", s.value},
             {"attributes", otlpAttributes(s.tags)}});
    }
    return {{"resourceMetrics",
             json::array({{{"resource", otlpResource(serviceName)},
                           {"scopeMetrics", json::array({{{"scope", {{"name", "devos.runtime"}}},
                                                          {"metrics", metrics}}})}}})}};
}

} // namespace

OtlpSpanExporter::OtlpSpanExporter(OtlpExportOptions options)
    : options_(std::move(options)), url_(otlpSignalUrl(options_.endpoint, "/v1/traces")) {}

contracts::Expected<void> OtlpSpanExporter::exportSpans(std::span<const contracts::TraceSpan> spans) {
    if (spans.empty())
        return {};
    return postOtlp(url_, tracesRequest(spans, options_.serviceName), options_.timeout);
}

OtlpMetricExporter::OtlpMetricExporter(OtlpExportOptions options)
    : options_(std::move(options)), url_(otlpSignalUrl(options_.endpoint, "/v1/metrics")) {}

contracts::Expected<void>
OtlpMetricExporter::exportMetrics(std::span<const contracts::MetricSample> samples) {
    if (samples.empty())
        return {};
    return postOtlp(url_, metricsRequest(samples, options_.serviceName), options_.timeout);
}

} // namespace devos::adapters
