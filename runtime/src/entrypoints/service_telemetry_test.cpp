#include <devos/entrypoints/service_telemetry.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::entrypoints {
namespace {

std::filesystem::path freshDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
}

// The embedded store under `dir`, whatever the environment says.
ServiceTelemetryOptions embeddedIn(const std::filesystem::path& dir) {
    ServiceTelemetryOptions options;
    options.dataDir = dir.string();
    options.databaseUrl = "";
    options.otlpEndpoint = "";
    options.gitleaksConfig = "";
    return options;
}

contracts::TelemetryEvent errorEvent(std::string message) {
    contracts::TelemetryEvent event;
    event.kind = contracts::EventKind::Error;
    event.code = "ORDER_SAVE";
    event.message = std::move(message);
    return event;
}

TEST(ServiceTelemetry, RecordsRedactedEventsIntoTheEmbeddedStore) {
    const auto dir = freshDir("devos_service_telemetry");
    {
        auto telemetry = ServiceTelemetry::open(embeddedIn(dir / ".devos"));
        ASSERT_TRUE(telemetry) << telemetry.error().render();
        EXPECT_EQ((*telemetry)->storeName(), (dir / ".devos" / "telemetry.db").string());
        for (int i = 0; i < 3; ++i)
            EXPECT_TRUE((*telemetry)->client().record(errorEvent("save failed, password=hunter2")));
        (*telemetry)->client().flush();
        auto count = (*telemetry)->store().count(contracts::TelemetryTable::ApplicationLogs);
        ASSERT_TRUE(count) << count.error().render();
        EXPECT_EQ(*count, 3);
        auto events = (*telemetry)->store().recentEvents(1);
        ASSERT_TRUE(events && events->size() == 1);
        EXPECT_EQ(events->front().message.find("hunter2"), std::string::npos) << events->front().message;
        EXPECT_EQ((*telemetry)->client().stats().stored, 3u);
    }
    EXPECT_TRUE(std::filesystem::is_directory(dir / ".devos" / "spool"));
    std::filesystem::remove_all(dir);
}

TEST(ServiceTelemetry, TheRedactorAddsTheRulesOfAGitleaksConfiguration) {
    const auto dir = freshDir("devos_service_telemetry_rules");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "gitleaks.toml") << "[[rules]]\nid = \"order-key\"\nregex = '''ORD-[0-9]{8}'''\n";
    auto options = embeddedIn(dir / ".devos");
    options.gitleaksConfig = (dir / "gitleaks.toml").string();
    {
        auto telemetry = ServiceTelemetry::open(options);
        ASSERT_TRUE(telemetry) << telemetry.error().render();
        EXPECT_TRUE((*telemetry)->client().record(errorEvent("order ORD-12345678 failed, password=hunter2")));
        (*telemetry)->client().flush();
        auto events = (*telemetry)->store().recentEvents(1);
        ASSERT_TRUE(events && events->size() == 1);
        EXPECT_EQ(events->front().message, "order [REDACTED] failed, password=[REDACTED]");
    }
    options.gitleaksConfig = (dir / "missing.toml").string();
    auto missing = ServiceTelemetry::open(options);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, contracts::ErrorKind::NotFound);
    std::filesystem::remove_all(dir);
}

TEST(ServiceTelemetry, EventsQueuedAtShutdownAreStoredNotLost) {
    const auto dir = freshDir("devos_service_telemetry_shutdown");
    {
        auto telemetry = ServiceTelemetry::open(embeddedIn(dir / ".devos"));
        ASSERT_TRUE(telemetry) << telemetry.error().render();
        for (int i = 0; i < 50; ++i)
            (*telemetry)->client().record(errorEvent("event " + std::to_string(i)));
    } // destroyed without flush()
    auto reopened = ServiceTelemetry::open(embeddedIn(dir / ".devos"));
    ASSERT_TRUE(reopened) << reopened.error().render();
    auto count = (*reopened)->store().count(contracts::TelemetryTable::ApplicationLogs);
    ASSERT_TRUE(count);
    EXPECT_EQ(*count, 50);
    std::filesystem::remove_all(dir);
}

TEST(ServiceTelemetry, AnUnusableFolderIsAClearError) {
    auto telemetry = ServiceTelemetry::open(embeddedIn("/proc/devos-cannot-exist"));
    ASSERT_FALSE(telemetry);
    EXPECT_NE(telemetry.error().render().find("/proc/devos-cannot-exist"), std::string::npos)
        << telemetry.error().render();
}

TEST(ServiceTelemetry, AnotherDatabaseSchemeIsRefused) {
    const auto dir = freshDir("devos_service_telemetry_scheme");
    ServiceTelemetryOptions options = embeddedIn(dir / ".devos");
    options.databaseUrl = "mysql://db";
    auto telemetry = ServiceTelemetry::open(options);
    ASSERT_FALSE(telemetry);
    EXPECT_EQ(telemetry.error().kind, contracts::ErrorKind::Invalid);
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace devos::entrypoints
