#include "support/backfill_conformance.hpp"
#include "support/store_conformance.hpp"

#include <devos/adapters/sqlite_store.hpp>
#include <filesystem>
#include <sqlite3.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace devos::adapters::testing {
namespace {

std::string freshPath(const std::string& test) {
    auto dir = std::filesystem::temp_directory_path() / ("devos_sqlite_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto path = dir / (test + ".db");
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    return path.string();
}

StoreFactory sqliteFactory() {
    return {"Sqlite", [](std::string&) {
                auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
                return openSqliteStore(freshPath(info->name()));
            }};
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance, ::testing::Values(sqliteFactory()),
                         [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(Sqlite, BackfillConformance, ::testing::Values(sqliteFactory()),
                         [](const auto& info) { return info.param.name; });

TEST(SqliteStore, UsesWalAndCascadesDeletes) {
    auto path = freshPath("cascade");
    {
        auto store = openSqliteStore(path);
        ASSERT_TRUE(store) << store.error().render();
        auto batch = sampleBatch(9);
        batch.passedTests = {{"OrderRepo", "loads"}};
        ASSERT_TRUE((*store)->ingest(batch));
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    auto scalar = [&](const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        sqlite3_step(stmt);
        std::string value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return value;
    };
    EXPECT_EQ(scalar("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM schema_migrations"), "7");
    sqlite3_exec(db, "PRAGMA foreign_keys=ON; DELETE FROM test_runs", nullptr, nullptr, nullptr);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM test_failures"), "0");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM lint_failures"), "0");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM test_passes"), "0");
    sqlite3_close(db);
}

TEST(SqliteStore, ReportsAnUnopenablePath) {
    auto store = openSqliteStore("/proc/no/such/dir/telemetry.db");
    ASSERT_FALSE(store);
    EXPECT_NE(store.error().render().find("/proc/no/such/dir"), std::string::npos);
}

// Issue 16 item 9: several processes (here threads, each with its own connection) opening a new file
// at once all migrate it: the loser of the write lock sees the migration applied instead of failing
// on "table already exists".
TEST(SqliteStore, ConcurrentOpensOfANewFileAllSucceed) {
    for (int round = 0; round < 5; ++round) {
        auto path = std::filesystem::temp_directory_path() /
                    ("devos_sqlite_race_" + std::to_string(::getpid()) + "_" + std::to_string(round) + ".db");
        std::filesystem::remove(path);
        constexpr int kOpeners = 4;
        std::vector<std::string> errors(kOpeners);
        std::vector<std::thread> threads;
        for (int i = 0; i < kOpeners; ++i)
            threads.emplace_back([&, i] {
                auto store = openSqliteStore(path.string());
                if (!store)
                    errors[static_cast<std::size_t>(i)] = store.error().render();
            });
        for (auto& t : threads)
            t.join();
        for (const auto& e : errors)
            EXPECT_EQ(e, "");
        auto store = openSqliteStore(path.string());
        ASSERT_TRUE(store);
        EXPECT_EQ((*store)->count(contracts::TelemetryTable::TestRuns).value_or(-1), 0);
        std::filesystem::remove(path);
        std::filesystem::remove(path.string() + "-wal");
        std::filesystem::remove(path.string() + "-shm");
    }
}

} // namespace devos::adapters::testing
