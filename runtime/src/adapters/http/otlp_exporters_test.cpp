#include "support/http_test_server.hpp"

#include <devos/adapters/http/otlp_exporters.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using test_support::Request;
using test_support::Response;
using test_support::TestServer;

Response accepted(const Request&) {
    return {200, "{}"};
}

std::string attributeValue(const nlohmann::json& attributes, const std::string& key) {
    for (const auto& a : attributes)
        if (a.at("key") == key)
            return a.at("value").at("stringValue");
    return "<missing>";
}

std::vector<contracts::TraceSpan> attemptSpans() {
    contracts::TraceSpan root{"018bcfe5687b9a0807060504030201ff",
                              "00f1e2d3c4b5a697",
                              "",
                              "selfheal.attempt",
                              1700000000123000000,
                              1700000000168000000,
                              {{"devos.attempt_id", "01HZX"}},
                              true,
                              "proof_failed: still fails"};
    contracts::TraceSpan step{root.traceId,
                              "1122334455667788",
                              root.spanId,
                              "selfheal.prove",
                              1700000000124000000,
                              1700000000168000000,
                              {{"devos.step.status", "ok"}},
                              false,
                              ""};
    return {root, step};
}

TEST(OtlpSpanExporter, PostsSpansInTheOtlpJsonEncoding) {
    TestServer server(accepted);
    OtlpSpanExporter exporter({server.url() + "/", "orders-api", std::chrono::milliseconds(2000)});
    const auto spans = attemptSpans();
    ASSERT_TRUE(exporter.exportSpans(spans));
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1U);
    EXPECT_NE(requests[0].head.find("POST /v1/traces HTTP/1.1"), std::string::npos);
    const auto body = nlohmann::json::parse(requests[0].body);
    const auto& resource = body.at("resourceSpans").at(0);
    EXPECT_EQ(attributeValue(resource.at("resource").at("attributes"), "service.name"), "orders-api");
    const auto& scope = resource.at("scopeSpans").at(0);
    EXPECT_EQ(scope.at("scope").at("name"), "devos.runtime");
    const auto& out = scope.at("spans");
    ASSERT_EQ(out.size(), 2U);
    EXPECT_EQ(out[0].at("traceId"), "018bcfe5687b9a0807060504030201ff");
    EXPECT_EQ(out[0].at("spanId"), "00f1e2d3c4b5a697");
    EXPECT_FALSE(out[0].contains("parentSpanId"));
    EXPECT_EQ(out[0].at("name"), "selfheal.attempt");
    EXPECT_EQ(out[0].at("kind"), 1);
    EXPECT_EQ(out[0].at("startTimeUnixNano"), "1700000000123000000");
    EXPECT_EQ(out[0].at("endTimeUnixNano"), "1700000000168000000");
    EXPECT_EQ(out[0].at("status").at("code"), 2);
    EXPECT_EQ(out[0].at("status").at("message"), "proof_failed: still fails");
    EXPECT_EQ(attributeValue(out[0].at("attributes"), "devos.attempt_id"), "01HZX");
    EXPECT_EQ(out[1].at("parentSpanId"), "00f1e2d3c4b5a697");
    EXPECT_EQ(out[1].at("status").at("code"), 1);
    EXPECT_EQ(attributeValue(out[1].at("attributes"), "devos.step.status"), "ok");
    ASSERT_TRUE(exporter.exportSpans({})); // nothing to send: no request
    EXPECT_EQ(server.requests().size(), 1U);
}

TEST(OtlpMetricExporter, PostsOneGaugePerNameWithOneDataPointPerSample) {
    TestServer server(accepted);
    OtlpMetricExporter exporter({server.url() + "/v1/metrics", "svc", std::chrono::milliseconds(2000)});
    const std::vector<contracts::MetricSample> samples{
        {"01A", 1700000000123, "selfheal.report.proposed", 33, {{"window", "30 days"}}},
        {"01B", 1700000000123, "selfheal.report.stopped", 5, {{"reason", "flaky"}}},
        {"01C", 1700000000123, "selfheal.report.stopped", 2, {{"reason", "slo_exceeded"}}}};
    ASSERT_TRUE(exporter.exportMetrics(samples));
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1U);
    EXPECT_NE(requests[0].head.find("POST /v1/metrics HTTP/1.1"), std::string::npos);
    const auto metrics =
        nlohmann::json::parse(requests[0].body)["resourceMetrics"][0]["scopeMetrics"][0]["metrics"];
    ASSERT_EQ(metrics.size(), 2U);
    EXPECT_EQ(metrics[0].at("name"), "selfheal.report.proposed");
    const auto& point = metrics[0]["gauge"]["dataPoints"][0];
    EXPECT_EQ(point.at("timeUnixNano"), "1700000000123000000");
    EXPECT_EQ(point.at("asDouble"), 33.0);
    EXPECT_EQ(attributeValue(point.at("attributes"), "window"), "30 days");
    EXPECT_EQ(metrics[1].at("name"), "selfheal.report.stopped");
    ASSERT_EQ(metrics[1]["gauge"]["dataPoints"].size(), 2U);
    EXPECT_EQ(attributeValue(metrics[1]["gauge"]["dataPoints"][1].at("attributes"), "reason"),
              "slo_exceeded");
}

TEST(OtlpExporters, ARefusalOrAnUnreachableCollectorIsUnavailable) {
    TestServer refusing([](const Request&) { return Response{400, "bad span"}; });
    auto refused = OtlpSpanExporter({refusing.url(), "svc", std::chrono::milliseconds(2000)})
                       .exportSpans(attemptSpans());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(refused.error().message.find("/v1/traces answered HTTP 400"), std::string::npos);
    const std::vector<contracts::MetricSample> one{{"01A", 1, "selfheal.report.attempts", 1, {}}};
    auto unreachable =
        OtlpMetricExporter({"http://127.0.0.1:1", "svc", std::chrono::milliseconds(500)}).exportMetrics(one);
    ASSERT_FALSE(unreachable);
    EXPECT_EQ(unreachable.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(unreachable.error().hint.find("DEVOS_OTLP_ENDPOINT"), std::string::npos);
}

} // namespace
} // namespace devos::adapters
