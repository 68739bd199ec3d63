#include "support/http_test_server.hpp"

#include <devos/adapters/http/otlp_log_exporter.hpp>
#include <nlohmann/json.hpp>

namespace devos::adapters {
namespace {

using test_support::Request;
using test_support::Response;
using test_support::TestServer;

Response accepted(const Request&) {
    return {200, "{}"};
}

contracts::TelemetryEvent event(int i) {
    contracts::TelemetryEvent e;
    e.id = "01HZX" + std::to_string(i);
    e.ts = 1700000000123;
    e.source = contracts::EventSource::Ci;
    e.kind = contracts::EventKind::Error;
    e.code = "TEST_FAILURE";
    e.message = "segfault in OrderRepo::save #" + std::to_string(i);
    e.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    e.tags = {{"test", "Orders.Saves"}};
    return e;
}

std::string attributeValue(const nlohmann::json& attributes, const std::string& key) {
    for (const auto& a : attributes)
        if (a.at("key") == key)
            return a.at("value").at("stringValue");
    return "<missing>";
}

TEST(OtlpLogExporter, PostsLogRecordsInTheOtlpJsonEncoding) {
    TestServer server(accepted);
    OtlpLogExporter exporter({server.url() + "/", "orders-api", 512, std::chrono::milliseconds(2000)});
    const std::vector<contracts::TelemetryEvent> events{event(1)};
    ASSERT_TRUE(exporter.exportEvents(events));
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1U);
    EXPECT_NE(requests[0].head.find("POST /v1/logs HTTP/1.1"), std::string::npos);
    EXPECT_NE(requests[0].head.find("Content-Type: application/json"), std::string::npos);
    const auto body = nlohmann::json::parse(requests[0].body);
    const auto& resource = body.at("resourceLogs").at(0);
    EXPECT_EQ(attributeValue(resource.at("resource").at("attributes"), "service.name"), "orders-api");
    const auto& scope = resource.at("scopeLogs").at(0);
    EXPECT_EQ(scope.at("scope").at("name"), "devos.runtime");
    const auto& record = scope.at("logRecords").at(0);
    EXPECT_EQ(record.at("timeUnixNano"), "1700000000123000000");
    EXPECT_EQ(record.at("severityNumber"), 17);
    EXPECT_EQ(record.at("severityText"), "ERROR");
    EXPECT_EQ(record.at("body").at("stringValue"), "segfault in OrderRepo::save #1");
    EXPECT_EQ(record.at("traceId"), "4bf92f3577b34da6a3ce929d0e0e4736");
    EXPECT_EQ(attributeValue(record.at("attributes"), "devos.code"), "TEST_FAILURE");
    EXPECT_EQ(attributeValue(record.at("attributes"), "devos.source"), "ci");
    EXPECT_EQ(attributeValue(record.at("attributes"), "test"), "Orders.Saves");
}

TEST(OtlpLogExporter, SplitsIntoBatchesAndKeepsANonOtlpTraceIdAsAnAttribute) {
    TestServer server(accepted);
    OtlpLogExporter exporter({server.url() + "/v1/logs", "svc", 2, std::chrono::milliseconds(2000)});
    std::vector<contracts::TelemetryEvent> events{event(1), event(2), event(3)};
    events[2].traceId = "req-42";
    events[2].kind = contracts::EventKind::Warn;
    ASSERT_TRUE(exporter.exportEvents(events));
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2U);
    EXPECT_NE(requests[1].head.find("POST /v1/logs HTTP/1.1"), std::string::npos);
    const auto last =
        nlohmann::json::parse(requests[1].body)["resourceLogs"][0]["scopeLogs"][0]["logRecords"];
    ASSERT_EQ(last.size(), 1U);
    EXPECT_FALSE(last[0].contains("traceId"));
    EXPECT_EQ(attributeValue(last[0].at("attributes"), "devos.trace_id"), "req-42");
    EXPECT_EQ(last[0].at("severityNumber"), 13);
}

TEST(OtlpLogExporter, ARefusalOrASlowCollectorIsUnavailable) {
    TestServer refusing([](const Request&) { return Response{503, "overloaded"}; });
    const std::vector<contracts::TelemetryEvent> events{event(1)};
    auto refused =
        OtlpLogExporter({refusing.url(), "svc", 512, std::chrono::milliseconds(2000)}).exportEvents(events);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_NE(refused.error().message.find("HTTP 503"), std::string::npos);

    TestServer slow([](const Request&) { return Response{200, "{}", std::chrono::milliseconds(600)}; });
    auto timedOut =
        OtlpLogExporter({slow.url(), "svc", 512, std::chrono::milliseconds(100)}).exportEvents(events);
    ASSERT_FALSE(timedOut);
    EXPECT_EQ(timedOut.error().kind, contracts::ErrorKind::Unavailable);
}

} // namespace
} // namespace devos::adapters
