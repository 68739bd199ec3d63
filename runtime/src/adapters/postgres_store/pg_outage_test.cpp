// The PostgreSQL server is killed (pg_ctl stop -m immediate) while a client is recording events
// and an ingest is attempted: events spool to disk, the ingest stores nothing, and after a
// restart the spool replays. Row counts must be exact, with no duplicates.
#include "pg_test_server.hpp"

#include <devos/adapters/jsonl_spool.hpp>
#include <devos/adapters/postgres_store.hpp>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/services/telemetry_client.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::adapters::testing {
namespace {

TEST(PostgresOutage, SpoolsDuringACrashAndReplaysExactlyOnce) {
    auto url = testPgUrl();
    if (!url)
        GTEST_SKIP() << kNoServer;
    ASSERT_TRUE(resetDatabase(*url));
    auto opened = openPostgresStore(*url);
    ASSERT_TRUE(opened) << opened.error().render();
    auto& store = **opened;
    auto spoolDir = std::filesystem::temp_directory_path() / ("devos_pg_spool_" + std::to_string(::getpid()));
    std::filesystem::remove_all(spoolDir);
    JsonlSpool spool(spoolDir.string());
    auto redactor = makeDefaultRedactor();
    ASSERT_TRUE(redactor);
    SystemClock clock;
    SystemEntropy entropy;
    services::IdGenerator ids(clock, entropy);
    {
        services::TelemetryClient client(store, spool, **redactor, ids,
                                         {.batchSize = 25,
                                          .flushInterval = std::chrono::milliseconds(10),
                                          .retryInterval = std::chrono::milliseconds(0)});
        auto record = [&](int from, int to) {
            for (int i = from; i < to; ++i) {
                contracts::TelemetryEvent e;
                e.message = "order " + std::to_string(i) + " failed";
                ASSERT_TRUE(client.record(e));
            }
        };
        record(0, 100);
        client.flush();
        ASSERT_EQ(store.count(contracts::TelemetryTable::ApplicationLogs).value_or(-1), 100);

        record(100, 150);
        ASSERT_TRUE(pgServer("kill")); // mid-stream: some of these may be in flight
        record(150, 300);
        client.flush();
        EXPECT_GT(client.stats().spooled, 0u);
        contracts::IngestBatch batch;
        batch.run = {ids.next(), 1, contracts::RunSource::Local, "r", "b", "c", "", "", "ctest", 1, 0, 1,
                     0,          0};
        auto during = store.ingest(batch);
        ASSERT_FALSE(during);
        EXPECT_EQ(during.error().kind, contracts::ErrorKind::Unavailable);

        ASSERT_TRUE(pgServer("restart"));
        record(300, 301);
        client.flush();
        auto stats = client.stats();
        EXPECT_EQ(stats.dropped, 0u);
        EXPECT_EQ(stats.lost, 0u);
    }
    EXPECT_EQ(store.count(contracts::TelemetryTable::ApplicationLogs).value_or(-1), 301);
    EXPECT_EQ(store.count(contracts::TelemetryTable::TestRuns).value_or(-1), 0);
    PgResult distinct(nullptr, PQclear);
    PGconn* conn = PQconnectdb(url->c_str());
    distinct.reset(PQexec(conn, "SELECT count(DISTINCT message) FROM application_logs"));
    EXPECT_EQ(pgText(distinct, 0, 0), "301");
    PQfinish(conn);
    EXPECT_TRUE(std::filesystem::is_empty(spoolDir) || !std::filesystem::exists(spoolDir));
    std::filesystem::remove_all(spoolDir);
}

} // namespace
} // namespace devos::adapters::testing
