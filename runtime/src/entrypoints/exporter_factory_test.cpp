#include <cstdlib>
#include <devos/entrypoints/exporter_factory.hpp>
#include <gtest/gtest.h>

namespace devos::entrypoints {
namespace {

TEST(ExporterFactory, NoEndpointMeansNoExporter) {
    EXPECT_EQ(makeOtlpExporter("", "svc"), nullptr);
    EXPECT_NE(makeOtlpExporter("http://127.0.0.1:4318", ""), nullptr);
}

TEST(ExporterFactory, ReadsTheEndpointFromTheEnvironment) {
    ::unsetenv("DEVOS_OTLP_ENDPOINT");
    EXPECT_EQ(makeOtlpExporterFromEnvironment(), nullptr);
    ::setenv("DEVOS_OTLP_ENDPOINT", "http://127.0.0.1:4318", 1);
    EXPECT_NE(makeOtlpExporterFromEnvironment(), nullptr);
    ::unsetenv("DEVOS_OTLP_ENDPOINT");
}

TEST(ExporterFactory, TracesAndMetricsGoToTheSameEndpoint) {
    ::unsetenv("DEVOS_OTLP_ENDPOINT");
    auto none = makeOtlpSignalExportersFromEnvironment();
    EXPECT_EQ(none.spans, nullptr);
    EXPECT_EQ(none.metrics, nullptr);
    ::setenv("DEVOS_OTLP_ENDPOINT", "http://127.0.0.1:4318", 1);
    auto both = makeOtlpSignalExportersFromEnvironment();
    EXPECT_NE(both.spans, nullptr);
    EXPECT_NE(both.metrics, nullptr);
    ::unsetenv("DEVOS_OTLP_ENDPOINT");
}

} // namespace
} // namespace devos::entrypoints
