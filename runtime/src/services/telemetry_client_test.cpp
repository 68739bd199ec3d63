#include <devos/adapters/jsonl_spool.hpp>
#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/adapters/system_clock.hpp>
#include <devos/adapters/system_entropy.hpp>
#include <devos/services/telemetry_client.hpp>
#include <filesystem>
#include <future>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::services {
namespace {

using contracts::TelemetryTable;

// A store that can be switched off (Unavailable) or made to wait, around a real SQLite store.
class FlakyStore : public ports::TelemetryStore {
public:
    explicit FlakyStore(ports::TelemetryStore& inner) : inner_(inner) {}
    std::atomic<bool> down{false};
    std::shared_future<void> gate; // recordEvents waits on it when valid

    contracts::Expected<void> migrate() override { return inner_.migrate(); }
    contracts::Expected<void> ingest(const contracts::IngestBatch& b) override { return inner_.ingest(b); }
    contracts::Expected<std::size_t>
    recordEvents(std::span<const contracts::TelemetryEvent> events) override {
        if (gate.valid())
            gate.wait();
        if (down)
            return contracts::fail(contracts::ErrorKind::Unavailable, "connection refused");
        return inner_.recordEvents(events);
    }
    contracts::Expected<std::vector<contracts::TelemetryEvent>> recentEvents(int n) override {
        return inner_.recentEvents(n);
    }
    contracts::Expected<std::optional<contracts::TestRun>> findRun(const contracts::Ulid& id) override {
        return inner_.findRun(id);
    }
    contracts::Expected<std::optional<contracts::TestRun>> findRunByIngestKey(const std::string& k) override {
        return inner_.findRunByIngestKey(k);
    }
    contracts::Expected<std::vector<contracts::TestFailure>>
    queryFailures(const contracts::FailureQuery& q) override {
        return inner_.queryFailures(q);
    }
    contracts::Expected<std::vector<contracts::LintFailure>>
    lintFailures(const contracts::Ulid& id) override {
        return inner_.lintFailures(id);
    }
    contracts::Expected<std::optional<contracts::LintFailure>>
    findLintFailure(const contracts::Ulid& id) override {
        return inner_.findLintFailure(id);
    }
    contracts::Expected<long long> count(TelemetryTable t) override { return inner_.count(t); }
    contracts::Expected<std::vector<contracts::AuditEntry>> auditRows(int n) override {
        return inner_.auditRows(n);
    }
    contracts::Expected<void> putEmbedding(const contracts::StoredEmbedding& e) override {
        return inner_.putEmbedding(e);
    }
    contracts::Expected<std::vector<contracts::StoredEmbedding>>
    loadEmbeddings(const std::string& m) override {
        return inner_.loadEmbeddings(m);
    }
    contracts::Expected<contracts::UnembeddedFailures>
    unembeddedFailures(const contracts::UnembeddedQuery& q) override {
        return inner_.unembeddedFailures(q);
    }
    contracts::Expected<std::size_t> addEmbeddings(std::span<const contracts::StoredEmbedding> e) override {
        return inner_.addEmbeddings(e);
    }
    contracts::Expected<contracts::TermFrequencies> termFrequencies(const std::string& m,
                                                                    std::span<const std::string> t) override {
        return inner_.termFrequencies(m, t);
    }
    contracts::Expected<std::uint64_t> failureVectorGeneration(const std::string& m) override {
        return inner_.failureVectorGeneration(m);
    }
    contracts::Expected<std::uint64_t> visitFailureVectors(
        const std::string& m,
        const std::function<contracts::Expected<void>(const contracts::StoredEmbedding&)>& visit) override {
        return inner_.visitFailureVectors(m, visit);
    }

    contracts::Expected<std::vector<contracts::TestCaseName>>
    passedTests(const contracts::Ulid& id) override {
        return inner_.passedTests(id);
    }
    contracts::Expected<bool> recordFix(const contracts::RecordedFix& f) override {
        return inner_.recordFix(f);
    }
    contracts::Expected<std::vector<contracts::RecordedFix>> fixes(const contracts::FixQuery& q) override {
        return inner_.fixes(q);
    }
    contracts::Expected<void> saveAttempt(const contracts::SelfHealAttempt& a) override {
        return inner_.saveAttempt(a);
    }
    contracts::Expected<std::vector<contracts::SelfHealAttempt>>
    attempts(const contracts::AttemptQuery& q) override {
        return inner_.attempts(q);
    }
    contracts::Expected<bool> recordOutcome(contracts::OutcomeSubject s, const contracts::Ulid& id,
                                            const contracts::FixOutcome& o) override {
        return inner_.recordOutcome(s, id, o);
    }
    contracts::Expected<contracts::ClaimResult> claimFailure(const contracts::ClaimRequest& r) override {
        return inner_.claimFailure(r);
    }
    contracts::Expected<bool> finishClaim(const contracts::Ulid& f, const std::string& d,
                                          const std::string& s, const contracts::Ulid& p,
                                          contracts::EpochMillis now) override {
        return inner_.finishClaim(f, d, s, p, now);
    }
    contracts::Expected<void> releaseClaim(const contracts::Ulid& f, const std::string& d) override {
        return inner_.releaseClaim(f, d);
    }
    contracts::Expected<void> renewClaims(const std::string& d, contracts::EpochMillis until) override {
        return inner_.renewClaims(d, until);
    }
    contracts::Expected<std::vector<contracts::TestFailure>> pendingFailures(contracts::EpochMillis since,
                                                                             contracts::EpochMillis now,
                                                                             const std::string& daemonId,
                                                                             int limit) override {
        return inner_.pendingFailures(since, now, daemonId, limit);
    }
    contracts::Expected<std::size_t> recordMetrics(std::span<const contracts::MetricSample> m) override {
        return inner_.recordMetrics(m);
    }
    contracts::Expected<std::vector<contracts::MetricSample>> metrics(const std::string& name,
                                                                      contracts::EpochMillis since) override {
        return inner_.metrics(name, since);
    }
    contracts::Expected<long long> countAttempts(const contracts::AttemptQuery& q) override {
        return inner_.countAttempts(q);
    }

private:
    ports::TelemetryStore& inner_;
};

class TelemetryClientTest : public ::testing::Test {
protected:
    void SetUp() override { std::filesystem::remove_all(spoolDir); }
    void TearDown() override { std::filesystem::remove_all(spoolDir); }

    contracts::TelemetryEvent event(int i) {
        contracts::TelemetryEvent e;
        e.message = "event " + std::to_string(i) + " password=hunter2";
        e.tags = {{"auth", "Bearer abcdef123"}};
        return e;
    }
    long long rows() { return sqlite->count(TelemetryTable::ApplicationLogs).value_or(-1); }
    std::size_t spoolFiles() {
        std::size_t n = 0;
        if (std::filesystem::exists(spoolDir))
            for (const auto& f : std::filesystem::directory_iterator(spoolDir))
                n += f.path().extension() == ".jsonl";
        return n;
    }

    std::string spoolDir =
        (std::filesystem::temp_directory_path() / ("devos_spool_" + std::to_string(::getpid()))).string();
    std::unique_ptr<ports::TelemetryStore> sqlite = std::move(*adapters::openSqliteStore(":memory:"));
    FlakyStore store{*sqlite};
    adapters::JsonlSpool spool{spoolDir};
    std::unique_ptr<ports::Redactor> redactor = std::move(*adapters::makeDefaultRedactor());
    adapters::SystemClock clock;
    adapters::SystemEntropy entropy;
    IdGenerator ids{clock, entropy};
};

TEST_F(TelemetryClientTest, BatchesRedactsAndStoresEveryEvent) {
    TelemetryClient client(store, spool, *redactor, ids, {.queueCapacity = 5000, .batchSize = 64});
    for (int i = 0; i < 1000; ++i)
        ASSERT_TRUE(client.record(event(i)));
    client.flush();
    EXPECT_EQ(rows(), 1000);
    EXPECT_EQ(client.stats().stored, 1000u);
    auto recent = sqlite->recentEvents(1);
    ASSERT_TRUE(recent && !recent->empty());
    EXPECT_EQ((*recent)[0].message.find("hunter2"), std::string::npos);
    EXPECT_EQ((*recent)[0].tags.at("auth"), "Bearer [REDACTED]");
}

// An exporter that keeps what it was sent, or refuses everything.
struct KeepingExporter final : ports::EventExporter {
    contracts::Expected<void> exportEvents(std::span<const contracts::TelemetryEvent> events) override {
        if (refuse)
            return contracts::fail(contracts::ErrorKind::Unavailable, "collector down");
        kept.insert(kept.end(), events.begin(), events.end());
        return {};
    }
    bool refuse = false;
    std::vector<contracts::TelemetryEvent> kept; // read after flush()
};

TEST_F(TelemetryClientTest, ExportsEachRedactedEventOnceAndStoresEvenWhenExportFails) {
    KeepingExporter exporter;
    {
        TelemetryClient client(store, spool, *redactor, ids, {.batchSize = 16}, &exporter);
        for (int i = 0; i < 100; ++i)
            ASSERT_TRUE(client.record(event(i)));
        client.flush();
        EXPECT_EQ(client.stats().exported, 100u);
    }
    ASSERT_EQ(exporter.kept.size(), 100u);
    EXPECT_EQ(exporter.kept[0].message.find("hunter2"), std::string::npos);
    exporter.refuse = true;
    TelemetryClient client(store, spool, *redactor, ids, {.batchSize = 16}, &exporter);
    ASSERT_TRUE(client.record(event(100)));
    client.flush();
    EXPECT_EQ(client.stats().exportFailed, 1u);
    EXPECT_EQ(rows(), 101);
}

TEST_F(TelemetryClientTest, CountsDropsWhenTheQueueIsFull) {
    std::promise<void> release;
    store.gate = release.get_future().share();
    {
        TelemetryClient client(store, spool, *redactor, ids, {.queueCapacity = 10, .batchSize = 1});
        int accepted = 0;
        for (int i = 0; i < 100; ++i)
            accepted += client.record(event(i));
        release.set_value();
        client.flush();
        auto stats = client.stats();
        EXPECT_GT(stats.dropped, 0u);
        EXPECT_EQ(stats.recorded + stats.dropped, 100u);
        EXPECT_EQ(static_cast<std::uint64_t>(accepted), stats.recorded);
        EXPECT_EQ(rows(), static_cast<long long>(stats.recorded));
    }
}

TEST_F(TelemetryClientTest, SpoolsWhileTheStoreIsDownAndReplaysOnce) {
    TelemetryClient client(store, spool, *redactor, ids,
                           {.batchSize = 16,
                            .flushInterval = std::chrono::milliseconds(20),
                            .retryInterval = std::chrono::milliseconds(0)});
    store.down = true;
    for (int i = 0; i < 50; ++i)
        client.record(event(i));
    client.flush();
    EXPECT_EQ(rows(), 0);
    EXPECT_EQ(client.stats().spooled, 50u);
    EXPECT_GT(spoolFiles(), 0u);
    auto before = spool.pending();
    ASSERT_TRUE(before);
    ASSERT_TRUE(spool.append(before->front().events)); // a chunk spooled twice must not double rows

    store.down = false;
    client.record(event(50));
    client.flush();
    EXPECT_EQ(rows(), 51);
    EXPECT_EQ(spoolFiles(), 0u);
    EXPECT_EQ(client.stats().stored, 51u);
}

TEST_F(TelemetryClientTest, ADestroyedClientLeavesNothingBehind) {
    {
        TelemetryClient client(store, spool, *redactor, ids, {.flushInterval = std::chrono::seconds(60)});
        for (int i = 0; i < 10; ++i)
            client.record(event(i));
    }
    EXPECT_EQ(rows(), 10);
}

} // namespace
} // namespace devos::services
