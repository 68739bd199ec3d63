#include <devos/entrypoints/store_factory.hpp>
#include <filesystem>
#include <gtest/gtest.h>

namespace devos::entrypoints {
namespace {

TEST(StoreFactory, AnExplicitFileWinsOverTheUrl) {
    auto opened = openTelemetryStore(":memory:", "postgresql://nowhere.invalid/db", "unused.db");
    ASSERT_TRUE(opened) << opened.error().render();
    EXPECT_EQ(opened->name, ":memory:");
    EXPECT_TRUE(opened->store->count(contracts::TelemetryTable::TestRuns));
}

TEST(StoreFactory, WithoutAUrlOpensTheDefaultFile) {
    const auto dir = std::filesystem::temp_directory_path() / "devos_store_factory_test";
    std::filesystem::remove_all(dir);
    auto opened = openTelemetryStore(std::nullopt, "", (dir / ".devos" / "telemetry.db").string());
    ASSERT_TRUE(opened) << opened.error().render();
    EXPECT_TRUE(std::filesystem::exists(dir / ".devos" / "telemetry.db"));
    std::filesystem::remove_all(dir);
}

TEST(StoreFactory, AnotherSchemeIsInvalid) {
    auto opened = openTelemetryStore(std::nullopt, "mysql://db", "unused.db");
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, contracts::ErrorKind::Invalid);
}

} // namespace
} // namespace devos::entrypoints
