#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/logic/ulid.hpp>
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
    IngestService service{*store, *redactor, ids};
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

TEST_F(IngestServiceTest, InvalidInputStoresNothing) {
    auto summary = service.ingest(FakeReader(), "bad.xml", {});
    ASSERT_FALSE(summary);
    EXPECT_EQ(summary.error().line, 7u);
    EXPECT_EQ(store->count(contracts::TelemetryTable::TestRuns).value_or(-1), 0);
    EXPECT_EQ(store->count(contracts::TelemetryTable::AuditLog).value_or(-1), 0);
}

} // namespace
} // namespace devos::services
