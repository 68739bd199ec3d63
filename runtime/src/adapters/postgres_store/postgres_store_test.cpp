#include "pg_test_server.hpp"
#include "support/backfill_conformance.hpp"
#include "support/store_conformance.hpp"

#include <devos/adapters/postgres_store.hpp>

namespace devos::adapters::testing {
namespace {

StoreFactory postgresFactory() {
    return {"Postgres", [](std::string& skip) -> contracts::Expected<std::unique_ptr<ports::TelemetryStore>> {
                auto url = testPgUrl();
                if (!url) {
                    skip = kNoServer;
                    return contracts::fail(contracts::ErrorKind::Unavailable, skip);
                }
                if (!resetDatabase(*url))
                    return contracts::fail(contracts::ErrorKind::Unavailable,
                                           "cannot reset the test database", *url);
                return openPostgresStore(*url);
            }};
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Postgres, StoreConformance, ::testing::Values(postgresFactory()),
                         [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(Postgres, BackfillConformance, ::testing::Values(postgresFactory()),
                         [](const auto& info) { return info.param.name; });

class PostgresStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto found = testPgUrl();
        if (!found)
            GTEST_SKIP() << kNoServer;
        url = *found;
        ASSERT_TRUE(resetDatabase(url));
        auto opened = openPostgresStore(url);
        ASSERT_TRUE(opened) << opened.error().render();
        store = std::move(*opened);
    }
    PgResult sql(const std::string& text) {
        conn.reset(PQconnectdb(url.c_str()));
        return PgResult(PQexec(conn.get(), text.c_str()), PQclear);
    }
    std::string url;
    std::unique_ptr<ports::TelemetryStore> store;
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn{nullptr, PQfinish};
};

TEST_F(PostgresStoreTest, NotifiesNewFailuresOnce) {
    auto listener = listenForFailures(url);
    ASSERT_TRUE(listener) << listener.error().render();
    auto batch = sampleBatch(7);
    ASSERT_TRUE(store->ingest(batch));
    auto first = (*listener)->next(std::chrono::seconds(5));
    ASSERT_TRUE(first);
    ASSERT_TRUE(*first);
    EXPECT_EQ(**first, batch.run.runId);
    ASSERT_TRUE(store->ingest(batch)); // a replay adds no failures, so no notification
    auto second = (*listener)->next(std::chrono::milliseconds(300));
    ASSERT_TRUE(second);
    EXPECT_FALSE(*second);
}

TEST_F(PostgresStoreTest, PartitionsLogsByMonthAndCascadesRunDeletes) {
    std::vector<contracts::TelemetryEvent> events = {
        sampleEvent(1700000000000, 1),  // 2023-11
        sampleEvent(1704067200000, 2),  // 2024-01-01 00:00 UTC
        sampleEvent(1704067199999, 3)}; // 2023-12-31 23:59:59.999
    ASSERT_TRUE(store->recordEvents(events));
    auto parts = sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                     "WHERE i.inhparent = 'application_logs'::regclass ORDER BY 1");
    ASSERT_TRUE(pgOk(parts));
    ASSERT_EQ(PQntuples(parts.get()), 3);
    EXPECT_EQ(pgText(parts, 0, 0), "application_logs_2023_11");
    EXPECT_EQ(pgText(parts, 2, 0), "application_logs_2024_01");
    auto in2024 = sql("SELECT count(*) FROM application_logs_2024_01");
    EXPECT_EQ(pgText(in2024, 0, 0), "1");

    auto batch = sampleBatch(8);
    batch.passedTests = {{"OrderRepo", "loads"}};
    ASSERT_TRUE(store->ingest(batch));
    ASSERT_TRUE(pgOk(sql("DELETE FROM test_runs")));
    EXPECT_EQ(store->count(contracts::TelemetryTable::TestFailures).value_or(-1), 0);
    EXPECT_EQ(store->count(contracts::TelemetryTable::LintFailures).value_or(-1), 0);
    EXPECT_EQ(store->count(contracts::TelemetryTable::TestPasses).value_or(-1), 0);
    auto versions = sql("SELECT count(*) FROM schema_migrations");
    EXPECT_EQ(pgText(versions, 0, 0), "8");
}

TEST(PostgresStore, AnUnreachableServerIsUnavailable) {
    auto store = openPostgresStore("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2");
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, contracts::ErrorKind::Unavailable);
}

} // namespace devos::adapters::testing
