#include <devos/adapters/re2_redactor.hpp>
#include <devos/adapters/report_readers.hpp>
#include <devos/adapters/sqlite_store.hpp>
#include <devos/logic/ulid.hpp>
#include <devos/services/default_embedder.hpp>
#include <devos/services/ingest_service.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>
#include <utility>

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
        f.message = "connect postgresql://app:"
                    "hunter2"
                    "@db/orders failed after 3 tries at 0x7ffd0001";
        b.testFailures.push_back(f);
        f.testName = "SavesAgain";
        f.message = "connect postgresql://app:"
                    "hunter2"
                    "@db/orders failed after 5 tries at 0x55aa0002";
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

TEST_F(IngestServiceTest, StoresOneVectorPerTestAndLintFailureUnderTheEmbeddersModel) {
    auto summary = service.ingest(FakeReader(), "report.xml", {});
    ASSERT_TRUE(summary) << summary.error().render();
    EXPECT_EQ(summary->embeddingModel, "devos-hash-v3-1024");
    auto vectors = store->loadEmbeddings("devos-hash-v3-1024");
    ASSERT_TRUE(vectors);
    ASSERT_EQ(vectors->size(), 3u); // ordered by owner kind: lint_failure before test_failure
    for (const auto& v : *vectors)
        EXPECT_EQ(v.vector.size(), 1024u);
    EXPECT_EQ((*vectors)[0].ownerKind, "lint_failure");
    EXPECT_EQ((*vectors)[0].ownerId, summary->lintFailures[0].id);
    EXPECT_EQ((*vectors)[1].ownerKind, "test_failure");
    EXPECT_EQ((*vectors)[2].ownerKind, "test_failure");
    // The two test failures differ only in noise: the same text, so the same vector.
    EXPECT_EQ((*vectors)[1].vector, (*vectors)[2].vector);
    EXPECT_NE((*vectors)[0].vector, (*vectors)[1].vector);
}

// A `ctest --output-junit` report of one GoogleTest failure; `size`, `id` and `address` are the
// run-specific values of its assertion lines.
std::string ctestReport(const std::string& size, const std::string& id, const std::string& address) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="Linux-c++" tests="1" failures="1" disabled="0" skipped="0" hostname="" time="0">
  <testcase name="Repo.Saves" classname="Repo.Saves" time="0.01" status="fail">
    <failure message="Failed"/>
    <system-out>Running main() from gtest_main.cc
[ RUN      ] Repo.Saves
/home/ci/orders/src/repo_test.cpp:42: Failure
Expected equality of these values:
  repo.size()
    Which is: )" +
           size + R"(
  3
/home/ci/orders/src/repo_test.cpp:47: Failure
Value of: repo.contains()" +
           id + R"()
  Actual: false
Expected: true
order at )" +
           address + R"( was not saved
[  FAILED  ] Repo.Saves (0 ms)
</system-out>
  </testcase>
</testsuite>
)";
}

std::string writeReport(const std::string& name, const std::string& content) {
    auto path =
        (std::filesystem::temp_directory_path() / ("devos_ingest_" + std::to_string(::getpid()) + name))
            .string();
    std::ofstream(path) << content;
    return path;
}

TEST_F(IngestServiceTest, AssertionBlocksThatDifferOnlyInNumbersShareAPatternId) {
    const adapters::JunitReader junit;
    std::vector<std::string> patterns;
    for (const auto& [name, report] : {std::pair{"a.xml", ctestReport("2", "17", "0x7ffd5a3c0010")},
                                       std::pair{"b.xml", ctestReport("5", "4242", "0x55d0c0a1b2c8")},
                                       std::pair{"c.xml", ctestReport("2", "order.id", "0x7ffd5a3c0010")}}) {
        auto summary = service.ingest(junit, writeReport(name, report), {});
        ASSERT_TRUE(summary) << summary.error().render();
        ASSERT_EQ(summary->testFailures.size(), 1u);
        EXPECT_NE(summary->testFailures[0].message.find("Which is: "), std::string::npos);
        patterns.push_back(summary->testFailures[0].patternId);
    }
    EXPECT_EQ(patterns[0], patterns[1]); // only numbers and addresses differ
    EXPECT_NE(patterns[0], patterns[2]); // another expression is another assertion
    auto stored = store->loadEmbeddings("devos-hash-v3-1024");
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 3u);
    EXPECT_EQ((*stored)[0].vector, (*stored)[1].vector);
}

// Issue 16 item 2: a store that fails on the second vector (a full disk, a lost server) used to keep
// the run and its failures (committed before the vectors), so a retry doubled the run and the failures
// without vectors were never found. Now nothing is stored, and the retry stores everything once.
TEST_F(IngestServiceTest, AStoreFailingPartWayStoresNothingAndTheRetryStoresEverythingOnce) {
    auto path =
        std::filesystem::temp_directory_path() / ("devos_ingest_tx_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    auto opened = adapters::openSqliteStore(path.string());
    ASSERT_TRUE(opened) << opened.error().render();
    auto& fileStore = **opened;
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    auto exec = [&](const char* sql) {
        return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    };
    ASSERT_TRUE(
        exec("CREATE TABLE vector_count (n INTEGER); INSERT INTO vector_count VALUES (0);"
             "CREATE TRIGGER second_vector_fails BEFORE INSERT ON embeddings BEGIN"
             " UPDATE vector_count SET n = n + 1;"
             " SELECT RAISE(ABORT, 'database or disk is full') WHERE (SELECT n FROM vector_count) = 2;"
             " END"));
    IngestService onFile{fileStore, *redactor, *embedder, ids};
    auto interrupted = onFile.ingest(FakeReader(), "report.xml", {});
    ASSERT_FALSE(interrupted);
    EXPECT_NE(interrupted.error().message.find("disk is full"), std::string::npos)
        << interrupted.error().render();
    using T = contracts::TelemetryTable;
    for (T t : {T::TestRuns, T::TestFailures, T::LintFailures, T::Embeddings, T::AuditLog})
        EXPECT_EQ(fileStore.count(t).value_or(-1), 0) << contracts::tableName(t);

    ASSERT_TRUE(exec("DROP TRIGGER second_vector_fails"));
    auto retried = onFile.ingest(FakeReader(), "report.xml", {});
    ASSERT_TRUE(retried) << retried.error().render();
    EXPECT_EQ(fileStore.count(T::TestRuns).value_or(-1), 1);
    EXPECT_EQ(fileStore.count(T::TestFailures).value_or(-1), 2);
    EXPECT_EQ(fileStore.count(T::LintFailures).value_or(-1), 1);
    EXPECT_EQ(fileStore.count(T::Embeddings).value_or(-1), 3); // every failure searchable
    sqlite3_close(db);
    std::filesystem::remove(path);
}

// Issue 16 item 2: a retry after an ingest that did store (the process killed before it answered)
// finds the stored run instead of storing it twice; the same report at another commit is a new run.
TEST_F(IngestServiceTest, ARetryOfAStoredReportStoresNothingNewAndAnotherCommitIsANewRun) {
    contracts::RunMetadata meta{contracts::RunSource::Ci, "orders", "main", "abc", "github", "9"};
    auto first = service.ingest(FakeReader(), "report.xml", meta);
    ASSERT_TRUE(first) << first.error().render();
    EXPECT_FALSE(first->alreadyStored);
    auto retry = service.ingest(FakeReader(), "report.xml", meta);
    ASSERT_TRUE(retry) << retry.error().render();
    EXPECT_TRUE(retry->alreadyStored);
    EXPECT_EQ(retry->run, first->run);
    ASSERT_EQ(retry->testFailures.size(), 2u);
    EXPECT_EQ(retry->testFailures[0].id, first->testFailures[0].id);
    EXPECT_EQ(retry->testFailures[1].id, first->testFailures[1].id);
    ASSERT_EQ(retry->lintFailures.size(), 1u);
    using T = contracts::TelemetryTable;
    EXPECT_EQ(store->count(T::TestRuns).value_or(-1), 1);
    EXPECT_EQ(store->count(T::TestFailures).value_or(-1), 2);
    EXPECT_EQ(store->count(T::Embeddings).value_or(-1), 3);
    meta.commitSha = "def";
    auto later = service.ingest(FakeReader(), "report.xml", meta);
    ASSERT_TRUE(later) << later.error().render();
    EXPECT_FALSE(later->alreadyStored);
    EXPECT_EQ(store->count(T::TestRuns).value_or(-1), 2);
}

// Issue 16 item 4: invalid UTF-8 in a report (SQLite kept it, PostgreSQL refused it, and every JSON
// output of it failed) is stored as U+FFFD in both stores; a huge stack trace is capped.
struct InvalidBytesReader : ports::ReportReader {
    contracts::Expected<contracts::IngestBatch> read(const std::string&) const override {
        contracts::IngestBatch b;
        b.run.tool = "ctest";
        b.run.total = 1;
        b.run.failed = 1;
        contracts::TestFailure f;
        f.suite = "Bytes\xC3";
        f.testName = "Reads\xFF";
        f.message = "expected caf\xE9 got \x80";
        f.stackTrace = std::string(1024 * 1024, 'x');
        b.testFailures.push_back(f);
        return b;
    }
};

TEST_F(IngestServiceTest, InvalidUtf8IsStoredAsReplacementCharactersAndHugeTracesAreCapped) {
    auto summary = service.ingest(InvalidBytesReader(), "bytes.xml", {});
    ASSERT_TRUE(summary) << summary.error().render();
    auto stored = store->queryFailures({});
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 1u);
    const auto& f = (*stored)[0];
    EXPECT_EQ(f.suite, "Bytes\uFFFD");
    EXPECT_EQ(f.testName, "Reads\uFFFD");
    EXPECT_EQ(f.message, "expected caf\uFFFD got \uFFFD");
    EXPECT_LE(f.stackTrace.size(), 64u * 1024);
    EXPECT_NE(f.stackTrace.find("cut by devos ingest"), std::string::npos);
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
