#include "heal/fix_list.hpp"

#include <devos/entrypoints/telemetry.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::heal {
namespace {

namespace fs = std::filesystem;

contracts::RecordedFix fix(std::string id, std::string pattern, std::string failure) {
    contracts::RecordedFix f;
    f.id = std::move(id);
    f.ts = 1700000000000;
    f.patternId = std::move(pattern);
    f.failureId = std::move(failure);
    f.suite = "OrderRepoTest";
    f.testName = "SavesOrder";
    f.failingCommit = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    f.fixingCommit = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    f.diff = "--- a/x\n+++ b/x\n";
    return f;
}

TEST(FixList, ListsTheRecordedFixesOfAPatternAndPrintsThem) {
    const fs::path root = fs::temp_directory_path() / ("devos_fix_list_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    const std::string db = (root / "telemetry.db").string();
    {
        auto telemetry = entrypoints::Telemetry::open(entrypoints::repoTelemetryRequest(root.string(), db));
        ASSERT_TRUE(telemetry) << telemetry.error().render();
        for (const auto& f : {fix("01FIXA", "pattern-a", "01FAILA"), fix("01FIXB", "pattern-b", "01FAILB")}) {
            auto recorded = (*telemetry)->store().recordFix(f);
            ASSERT_TRUE(recorded) << recorded.error().render();
        }
    }
    auto all = listFixes({root.string(), db, std::nullopt});
    ASSERT_TRUE(all) << all.error().render();
    EXPECT_EQ(all->storeName, db);
    EXPECT_EQ(all->fixes.size(), 2u);
    auto one = listFixes({root.string(), db, "pattern-b"});
    ASSERT_TRUE(one) << one.error().render();
    ASSERT_EQ(one->fixes.size(), 1u);
    EXPECT_EQ(one->fixes[0].id, "01FIXB");
    EXPECT_EQ(fixListText(*one), "1 recorded fix in " + db +
                                     "\n  01FIXB  SavesOrder  pattern pattern-b  failed at aaaaaaa, fixed by "
                                     "bbbbbbb  (history)\n");
    const auto json = fixListJson(*one);
    EXPECT_EQ(json["store"], db);
    EXPECT_EQ(json["fixes"][0]["pattern_id"], "pattern-b");
    EXPECT_EQ(json["fixes"][0]["fixing_commit"], "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    fs::remove_all(root);
}

} // namespace
} // namespace devos::heal
