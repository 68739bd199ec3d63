#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/logic/ulid.hpp>
#include <devos/services/default_embedder.hpp>
#include <devos/services/ingest_service.hpp>
#include <gtest/gtest.h>

namespace devos::services {
namespace {

struct FixedClock : ports::Clock {
    contracts::EpochMillis nowMillis() const override { return 1700000000000; }
};

struct CountingEntropy : ports::Entropy {
    void fill(std::span<std::uint8_t> out) override {
        for (auto& b : out)
            b = 0;
        out[out.size() - 1] = next++;
    }
    std::uint8_t next = 1;
};

struct FakeReader : ports::ReportReader {
    contracts::Expected<contracts::IngestBatch> read(const std::string& path) const override {
        if (path == "bad.xml")
            return contracts::fail(contracts::ErrorKind::Invalid, "invalid JUnit XML", path, 7);
        contracts::IngestBatch b;
        b.run.tool = "gtest";
        b.run.total = 3;
        b.run.failed = 2;
        b.run.durationMs = 500;
        contracts::TestFailure f;
        f.testName = "Saves";
        f.file = "src/repo_test.cpp";
        f.message = "connect postgresql://app:hunter2@db/orders failed after 3 tries at 0x7ffd0001";
        b.testFailures.push_back(f);
        f.testName = "SavesAgain";
        f.message = "connect postgresql://app:hunter2@db/orders failed after 5 tries at 0x55aa0002";
        b.testFailures.push_back(f);
        contracts::LintFailure l;
        l.ruleId = "purity.clock";
        l.level = "error";
        l.message = "reads the clock; token=abc123";
        b.lintFailures.push_back(l);
        return b;
    }
};

class IngestServiceTest : public ::testing::Test {
protected:
    FixedClock clock;
    CountingEntropy entropy;
    IdGenerator ids{clock, entropy};
    std::unique_ptr<ports::TelemetryStore> store = std::move(*adapters::openSqliteStore(":memory:"));
    std::unique_ptr<ports::Redactor> redactor = std::move(*adapters::makeDefaultRedactor());
    std::unique_ptr<ports::Embedder> embedder = makeDefaultEmbedder();
    IngestService service{*store, *redactor, *embedder, ids};
};

TEST_F(IngestServiceTest, RedactsAssignsIdsAndPatternsAndStoresOneRun) {
    contracts::RunMetadata meta{contracts::RunSource::Ci, "orders", "main", "abc", "github", "9"};
    auto summary = service.ingest(FakeReader(), "report.xml", meta);
    ASSERT_TRUE(summary) << summary.error().render();
    EXPECT_TRUE(logic::isUlid(summary->run.runId));
    EXPECT_EQ(summary->run.branch, "main");
    EXPECT_EQ(summary->run.startedAt, 1700000000000 - 500);
    ASSERT_EQ(summary->testFailures.size(), 2u);
    const auto& a = summary->testFailures[0];
    const auto& b = summary->testFailures[1];
    EXPECT_EQ(a.message.find("hunter2"), std::string::npos) << a.message;
    EXPECT_EQ(a.patternId.size(), 64u);
    EXPECT_EQ(a.patternId, b.patternId); // differ only in numbers and addresses
    EXPECT_NE(a.id, b.id);
    EXPECT_EQ(summary->lintFailures[0].message, "reads the clock; token=[REDACTED]");

    auto stored = store->queryFailures({});
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 2u);
    EXPECT_EQ((*stored)[0].message.find("hunter2"), std::string::npos);
    EXPECT_EQ(store->count(contracts::TelemetryTable::TestRuns).value_or(0), 1);
    EXPECT_EQ(store->count(contracts::TelemetryTable::LintFailures).value_or(0), 1);
}

TEST_F(IngestServiceTest, StoresOneVectorPerTestFailureUnderTheEmbeddersModel) {
    auto summary = service.ingest(FakeReader(), "report.xml", {});
    ASSERT_TRUE(summary) << summary.error().render();
    EXPECT_EQ(summary->embeddingModel, "devos-hash-v1-1024");
    auto vectors = store->loadEmbeddings("devos-hash-v1-1024");
    ASSERT_TRUE(vectors);
    ASSERT_EQ(vectors->size(), 2u);
    for (const auto& v : *vectors) {
        EXPECT_EQ(v.ownerKind, "test_failure");
        EXPECT_EQ(v.vector.size(), 1024u);
    }
    // The two failures differ only in noise: the same text, so the same vector.
    EXPECT_EQ((*vectors)[0].vector, (*vectors)[1].vector);
}

// An embedder whose server is down.
struct DownEmbedder final : ports::Embedder {
    std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string>) const override {
        return contracts::fail(contracts::ErrorKind::Unavailable, "embeddings server down");
    }
    const std::string& model() const override { return name; }
    std::string name = "down";
};

TEST_F(IngestServiceTest, AFailingEmbedderStoresNothing) {
    DownEmbedder down;
    IngestService failing{*store, *redactor, down, ids};
    auto summary = failing.ingest(FakeReader(), "report.xml", {});
    ASSERT_FALSE(summary);
    EXPECT_EQ(summary.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_EQ(store->count(contracts::TelemetryTable::TestRuns).value_or(-1), 0);
}

TEST_F(IngestServiceTest, InvalidInputStoresNothing) {
    auto summary = service.ingest(FakeReader(), "bad.xml", {});
    ASSERT_FALSE(summary);
    EXPECT_EQ(summary.error().line, 7u);
    EXPECT_EQ(store->count(contracts::TelemetryTable::TestRuns).value_or(-1), 0);
    EXPECT_EQ(store->count(contracts::TelemetryTable::AuditLog).value_or(-1), 0);
}

} // namespace
} // namespace devos::services
