#include <devos/entrypoints/exporter_factory.hpp>
#include <gtest/gtest.h>

namespace devos::entrypoints {
namespace {

TEST(ExporterFactory, NoEndpointMeansNoExporter) {
    EXPECT_EQ(makeOtlpExporter("", "svc"), nullptr);
    EXPECT_NE(makeOtlpExporter("http://127.0.0.1:4318", ""), nullptr);
}

TEST(ExporterFactory, TracesAndMetricsGoToTheSameEndpoint) {
    auto none = makeOtlpSignalExporters("", "svc");
    EXPECT_EQ(none.spans, nullptr);
    EXPECT_EQ(none.metrics, nullptr);
    auto both = makeOtlpSignalExporters("http://127.0.0.1:4318", "");
    EXPECT_NE(both.spans, nullptr);
    EXPECT_NE(both.metrics, nullptr);
}

} // namespace
} // namespace devos::entrypoints
