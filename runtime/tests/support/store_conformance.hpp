#pragma once
// The behaviour every TelemetryStore must have, written once and instantiated per adapter
// (sqlite_store_test.cpp, postgres/postgres_store_test.cpp) with INSTANTIATE_TEST_SUITE_P.
#include <devos/logic/ulid.hpp>
#include <devos/ports/telemetry_store.hpp>
#include <functional>
#include <gtest/gtest.h>
#include <memory>

namespace devos::adapters::testing {

// Opens a fresh, empty, migrated store; a null result with `skipReason` set skips the test.
struct StoreFactory {
    std::string name;
    std::function<contracts::Expected<std::unique_ptr<ports::TelemetryStore>>(std::string& skipReason)> open;
};

// Names the store in test output instead of gtest's byte dump.
inline void PrintTo(const StoreFactory& factory, std::ostream* os) {
    *os << factory.name;
}

inline contracts::Ulid testUlid(std::uint64_t millis, std::uint8_t salt) {
    return logic::encodeUlid(millis, logic::UlidRandom{salt, 1, 2, 3, 4, 5, 6, 7, 8, 9});
}

inline contracts::IngestBatch sampleBatch(std::uint8_t salt, std::size_t failures = 2) {
    contracts::IngestBatch b;
    b.run = {testUlid(1700000000000, salt),
             1700000000000,
             contracts::RunSource::Ci,
             "orders",
             "main",
             "abc123",
             "github",
             "77",
             "ctest",
             10,
             8,
             static_cast<int>(failures),
             0,
             1234};
    for (std::size_t i = 0; i < failures; ++i)
        b.testFailures.push_back({testUlid(1700000000001 + i, salt), b.run.runId,
                                  1700000000001 + static_cast<long long>(i), "OrderRepo",
                                  "saves_" + std::to_string(i), "src/repo.cpp", 42, "expected 1 got 2",
                                  "#0 0x1 in save()", std::string(64, static_cast<char>('a' + i)), 5});
    b.lintFailures.push_back({testUlid(1700000000100, salt), b.run.runId, 1700000000100, "devos",
                              "layer.include", "error", "src/logic/a.cpp", 3, 1, "logic includes an adapter",
                              std::string(64, 'f')});
    return b;
}

inline contracts::FailureQuery failuresWhere(std::optional<contracts::Ulid> runId,
                                             std::optional<std::string> patternId,
                                             std::optional<contracts::Ulid> failureId, int limit = 100) {
    contracts::FailureQuery q;
    q.runId = std::move(runId);
    q.patternId = std::move(patternId);
    q.failureId = std::move(failureId);
    q.limit = limit;
    return q;
}

inline contracts::TelemetryEvent sampleEvent(std::uint64_t millis, std::uint8_t salt) {
    return {testUlid(millis, salt),
            static_cast<long long>(millis),
            contracts::EventSource::Runtime,
            contracts::EventKind::Error,
            "E_SAVE",
            "save failed",
            "trace-1",
            {{"service", "orders"}, {"env", "dev"}},
            R"({"attempt":1})"};
}

class StoreConformance : public ::testing::TestWithParam<StoreFactory> {
protected:
    void SetUp() override {
        std::string skip;
        auto opened = GetParam().open(skip);
        if (!skip.empty())
            GTEST_SKIP() << skip;
        ASSERT_TRUE(opened) << opened.error().render();
        store = std::move(*opened);
    }
    long long rows(contracts::TelemetryTable t) {
        auto n = store->count(t);
        EXPECT_TRUE(n) << n.error().render();
        return n.value_or(-1);
    }
    std::unique_ptr<ports::TelemetryStore> store;
};

TEST_P(StoreConformance, MigrationsAreIdempotentAndCreateEveryTable) {
    ASSERT_TRUE(store->migrate());
    using T = contracts::TelemetryTable;
    for (T t :
         {T::ApplicationLogs, T::TestRuns, T::TestFailures, T::LintFailures, T::SelfhealProposals,
          T::TraceSpans, T::MetricsSamples, T::AuditLog, T::Embeddings, T::TestPasses, T::SelfhealFixes})
        EXPECT_EQ(rows(t), 0) << contracts::tableName(t);
}

TEST_P(StoreConformance, IngestRoundTripsARunWithItsFailures) {
    auto batch = sampleBatch(1);
    ASSERT_TRUE(store->ingest(batch));
    auto run = store->findRun(batch.run.runId);
    ASSERT_TRUE(run && *run);
    EXPECT_EQ(**run, batch.run);
    auto failures = store->queryFailures(failuresWhere(batch.run.runId, {}, {}));
    ASSERT_TRUE(failures);
    ASSERT_EQ(failures->size(), 2u);
    EXPECT_EQ((*failures)[0], batch.testFailures[1]); // newest first
    EXPECT_EQ((*failures)[1], batch.testFailures[0]);
    auto lint = store->lintFailures(batch.run.runId);
    ASSERT_TRUE(lint);
    EXPECT_EQ(*lint, batch.lintFailures);
    auto missing = store->findRun(testUlid(1, 99));
    ASSERT_TRUE(missing);
    EXPECT_FALSE(*missing);
}

TEST_P(StoreConformance, IngestingTheSameBatchTwiceWritesItOnce) {
    auto batch = sampleBatch(2);
    ASSERT_TRUE(store->ingest(batch));
    ASSERT_TRUE(store->ingest(batch));
    EXPECT_EQ(rows(contracts::TelemetryTable::TestRuns), 1);
    EXPECT_EQ(rows(contracts::TelemetryTable::TestFailures), 2);
    EXPECT_EQ(rows(contracts::TelemetryTable::LintFailures), 1);
    auto audit = store->auditRows(10);
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->size(), 2u);
    EXPECT_EQ((*audit)[0].rowCount, 0); // the replay wrote nothing
    EXPECT_EQ((*audit)[1].rowCount, 4);
    EXPECT_EQ((*audit)[1].action, "ingest_run");
    EXPECT_EQ((*audit)[1].subject, batch.run.runId);
}

TEST_P(StoreConformance, AFailedIngestWritesNothing) {
    auto batch = sampleBatch(3);
    batch.testFailures[1].runId = testUlid(5, 5); // no such run: the foreign key rejects it
    EXPECT_FALSE(store->ingest(batch));
    EXPECT_EQ(rows(contracts::TelemetryTable::TestRuns), 0);
    EXPECT_EQ(rows(contracts::TelemetryTable::TestFailures), 0);
    EXPECT_EQ(rows(contracts::TelemetryTable::AuditLog), 0);
}

TEST_P(StoreConformance, RecordEventsIgnoresReplayedIds) {
    std::vector<contracts::TelemetryEvent> events = {
        sampleEvent(1700000000000, 1), sampleEvent(1700000001000, 2), sampleEvent(1700000002000, 3)};
    events[1].payloadJson.clear();
    events[1].tags.clear();
    auto first = store->recordEvents(events);
    ASSERT_TRUE(first) << first.error().render();
    EXPECT_EQ(*first, 3u);
    events.push_back(sampleEvent(1700000003000, 4));
    auto second = store->recordEvents(events);
    ASSERT_TRUE(second);
    EXPECT_EQ(*second, 1u);
    EXPECT_EQ(rows(contracts::TelemetryTable::ApplicationLogs), 4);
    auto recent = store->recentEvents(10);
    ASSERT_TRUE(recent);
    ASSERT_EQ(recent->size(), 4u);
    EXPECT_EQ((*recent)[0], events[3]);
    EXPECT_EQ((*recent)[2], events[1]);
}

TEST_P(StoreConformance, QueryFailuresFiltersByPatternAndLimit) {
    ASSERT_TRUE(store->ingest(sampleBatch(4, 3)));
    auto byPattern = store->queryFailures(failuresWhere({}, std::string(64, 'b'), {}));
    ASSERT_TRUE(byPattern);
    ASSERT_EQ(byPattern->size(), 1u);
    EXPECT_EQ((*byPattern)[0].testName, "saves_1");
    auto limited = store->queryFailures(failuresWhere({}, {}, {}, 2));
    ASSERT_TRUE(limited);
    EXPECT_EQ(limited->size(), 2u);
    auto byId = store->queryFailures(failuresWhere({}, {}, (*byPattern)[0].id));
    ASSERT_TRUE(byId);
    EXPECT_EQ(byId->size(), 1u);
}

TEST_P(StoreConformance, EmbeddingsAreKeyedByOwnerAndModel) {
    ASSERT_TRUE(store->putEmbedding({"test_failure", "A", "hash-1024", {0.5f, -1.25f, 3.0f}}));
    ASSERT_TRUE(store->putEmbedding({"test_failure", "B", "hash-1024", {1.0f, 2.0f, 3.0f}}));
    ASSERT_TRUE(store->putEmbedding({"test_failure", "A", "bge-large", {9.0f}}));
    ASSERT_TRUE(store->putEmbedding({"test_failure", "A", "hash-1024", {0.0f, 1.0f, 0.0f}})); // replaces
    auto hashed = store->loadEmbeddings("hash-1024");
    ASSERT_TRUE(hashed);
    ASSERT_EQ(hashed->size(), 2u);
    EXPECT_EQ((*hashed)[0],
              (contracts::StoredEmbedding{"test_failure", "A", "hash-1024", {0.0f, 1.0f, 0.0f}}));
    EXPECT_EQ((*hashed)[1].ownerId, "B");
    auto bge = store->loadEmbeddings("bge-large");
    ASSERT_TRUE(bge);
    EXPECT_EQ(bge->size(), 1u);
    EXPECT_EQ(rows(contracts::TelemetryTable::Embeddings), 3);
}

TEST_P(StoreConformance, IngestStoresTheFailuresVectorsInTheSameTransaction) {
    auto batch = sampleBatch(11);
    for (const auto& f : batch.testFailures)
        batch.embeddings.push_back({"test_failure", f.id, "hash-3", {1.0f, 0.0f, 0.5f}});
    batch.embeddings.push_back({"lint_failure", batch.lintFailures[0].id, "hash-3", {0.0f, 1.0f, 0.0f}});
    ASSERT_TRUE(store->ingest(batch));
    auto vectors = store->loadEmbeddings("hash-3");
    ASSERT_TRUE(vectors);
    ASSERT_EQ(vectors->size(), 3u);
    EXPECT_EQ((*vectors)[0], batch.embeddings[2]); // lint_failure sorts first
    auto audit = store->auditRows(10);
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->size(), 1u); // one transaction, one audit row
    EXPECT_EQ((*audit)[0].action, "ingest_run");
}

// Rarity: a new failure vector counts each of its terms once per model, in the transaction that
// stores it; a vector already stored, or of another model, does not count again.
TEST_P(StoreConformance, NewFailureVectorsCountTheirTermsPerModel) {
    auto batch = sampleBatch(31);
    const std::string odd = "a\"b\\c,{d}";
    batch.embeddings.push_back(
        {"test_failure", batch.testFailures[0].id, "hash-3", {1.0f, 0.0f}, {"orderrepo", "save"}});
    batch.embeddings.push_back(
        {"test_failure", batch.testFailures[1].id, "hash-3", {0.0f, 1.0f}, {odd, "save"}});
    batch.embeddings.push_back({"lint_failure", batch.lintFailures[0].id, "other", {1.0f, 1.0f}, {"save"}});
    ASSERT_TRUE(store->ingest(batch));
    const std::vector<std::string> asked{"save", odd, "orderrepo", "absent"};
    auto counted = store->termFrequencies("hash-3", asked);
    ASSERT_TRUE(counted) << counted.error().render();
    EXPECT_EQ(counted->failures, 2);
    EXPECT_EQ(counted->withTerm, (std::vector<long long>{2, 1, 1, 0}));

    const std::vector<contracts::StoredEmbedding> more{
        batch.embeddings[0], {"lint_failure", batch.lintFailures[0].id, "hash-3", {0.5f, 0.5f}, {odd}}};
    auto added = store->addEmbeddings(more);
    ASSERT_TRUE(added) << added.error().render();
    EXPECT_EQ(*added, 1u);
    counted = store->termFrequencies("hash-3", asked);
    ASSERT_TRUE(counted) << counted.error().render();
    EXPECT_EQ(counted->failures, 3);
    EXPECT_EQ(counted->withTerm, (std::vector<long long>{2, 2, 1, 0}));

    auto other = store->termFrequencies("other", std::vector<std::string>{"save"});
    ASSERT_TRUE(other);
    EXPECT_EQ(other->failures, 1);
    EXPECT_EQ(other->withTerm, (std::vector<long long>{1}));
    auto none = store->termFrequencies("no-such-model", {});
    ASSERT_TRUE(none);
    EXPECT_EQ(none->failures, 0);
    EXPECT_TRUE(none->withTerm.empty());
}

TEST_P(StoreConformance, AFailedIngestStoresNoVectors) {
    auto batch = sampleBatch(12);
    for (const auto& f : batch.testFailures)
        batch.embeddings.push_back({"test_failure", f.id, "hash-3", {1.0f, 0.0f, 0.5f}});
    batch.testFailures[1].runId = testUlid(5, 5); // no such run: the foreign key rejects it
    EXPECT_FALSE(store->ingest(batch));
    EXPECT_EQ(rows(contracts::TelemetryTable::Embeddings), 0);
    EXPECT_EQ(rows(contracts::TelemetryTable::TestRuns), 0);
}

TEST_P(StoreConformance, ARunIsFoundByItsIngestKeyAndTheKeyIsStoredOnce) {
    auto batch = sampleBatch(13);
    batch.run.ingestKey = std::string(64, 'k');
    ASSERT_TRUE(store->ingest(batch));
    auto found = store->findRunByIngestKey(batch.run.ingestKey);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ(**found, batch.run);
    auto none = store->findRunByIngestKey(std::string(64, 'z'));
    ASSERT_TRUE(none);
    EXPECT_FALSE(*none);
    auto twice = sampleBatch(14); // other ids, the same key: a second copy of the same ingest
    twice.run.ingestKey = batch.run.ingestKey;
    EXPECT_FALSE(store->ingest(twice));
    EXPECT_EQ(rows(contracts::TelemetryTable::TestRuns), 1);
    EXPECT_EQ(rows(contracts::TelemetryTable::TestFailures), 2);
    auto keyless = sampleBatch(15); // runs without a key (stored before keys existed) never clash
    ASSERT_TRUE(store->ingest(keyless));
    ASSERT_TRUE(store->ingest(sampleBatch(16)));
    EXPECT_EQ(rows(contracts::TelemetryTable::TestRuns), 3);
}

TEST_P(StoreConformance, FindsALintFailureById) {
    auto batch = sampleBatch(5);
    batch.lintFailures.push_back({testUlid(1700000000101, 5), batch.run.runId, 1700000000101, "clang-tidy",
                                  "bugprone-use-after-move", "warning", "src/services/b.cpp", 17, 9,
                                  "'order' used after it was moved", std::string(64, 'e')});
    ASSERT_TRUE(store->ingest(batch));
    auto found = store->findLintFailure(batch.lintFailures[1].id);
    ASSERT_TRUE(found) << found.error().render();
    ASSERT_TRUE(*found);
    EXPECT_EQ(**found, batch.lintFailures[1]);
    auto testFailureId = store->findLintFailure(batch.testFailures[0].id); // another table's id
    ASSERT_TRUE(testFailureId);
    EXPECT_FALSE(*testFailureId);
    auto missing = store->findLintFailure(testUlid(1, 98));
    ASSERT_TRUE(missing);
    EXPECT_FALSE(*missing);
}

TEST_P(StoreConformance, TestAndLintFailureVectorsShareAModelAndKeepTheirKind) {
    const std::string test(contracts::kTestFailureOwner), lint(contracts::kLintFailureOwner);
    ASSERT_TRUE(store->putEmbedding({test, "A", "hash-1024", {1.0f, 0.0f}}));
    ASSERT_TRUE(store->putEmbedding({lint, "A", "hash-1024", {0.0f, 1.0f}})); // same id, other kind
    ASSERT_TRUE(store->putEmbedding({lint, "L", "hash-1024", {0.5f, 0.5f}}));
    ASSERT_TRUE(store->putEmbedding({lint, "L", "bge-large", {7.0f}}));
    auto hashed = store->loadEmbeddings("hash-1024");
    ASSERT_TRUE(hashed) << hashed.error().render();
    ASSERT_EQ(hashed->size(), 3u);
    EXPECT_EQ((*hashed)[0], (contracts::StoredEmbedding{lint, "A", "hash-1024", {0.0f, 1.0f}}));
    EXPECT_EQ((*hashed)[1], (contracts::StoredEmbedding{lint, "L", "hash-1024", {0.5f, 0.5f}}));
    EXPECT_EQ((*hashed)[2], (contracts::StoredEmbedding{test, "A", "hash-1024", {1.0f, 0.0f}}));
    auto bge = store->loadEmbeddings("bge-large");
    ASSERT_TRUE(bge);
    ASSERT_EQ(bge->size(), 1u);
    EXPECT_EQ((*bge)[0], (contracts::StoredEmbedding{lint, "L", "bge-large", {7.0f}}));
    EXPECT_EQ(rows(contracts::TelemetryTable::Embeddings), 4);
}

TEST_P(StoreConformance, TheFailureVectorGenerationCountsNewVectorsAndJumpsOnReplacement) {
    const std::string test(contracts::kTestFailureOwner), lint(contracts::kLintFailureOwner);
    auto none = store->failureVectorGeneration("hash-1024");
    ASSERT_TRUE(none) << none.error().render();
    EXPECT_EQ(*none, 0u);
    ASSERT_TRUE(store->putEmbedding({test, "B", "hash-1024", {1.0f, 0.0f}}));
    auto first = store->failureVectorGeneration("hash-1024");
    ASSERT_TRUE(first);
    EXPECT_NE(*first, 0u);
    ASSERT_TRUE(store->putEmbedding({lint, "A", "hash-1024", {0.0f, 1.0f}}));
    ASSERT_TRUE(store->putEmbedding({"selfheal_proposal", "P", "hash-1024", {1.0f, 1.0f}})); // not a failure
    ASSERT_TRUE(store->putEmbedding({test, "C", "bge-large", {7.0f}}));                      // another model
    EXPECT_EQ(*store->failureVectorGeneration("hash-1024"), *first + 1);
    ASSERT_TRUE(store->putEmbedding({test, "B", "hash-1024", {0.5f, 0.5f}})); // replaced: not "one more"
    const auto replaced = *store->failureVectorGeneration("hash-1024");
    EXPECT_EQ(replaced, *first + 1 + (std::uint64_t{1} << 32));

    std::vector<contracts::StoredEmbedding> seen;
    auto visited = store->visitFailureVectors("hash-1024", [&](const contracts::StoredEmbedding& e) {
        seen.push_back(e);
        return contracts::Expected<void>{};
    });
    ASSERT_TRUE(visited) << visited.error().render();
    EXPECT_EQ(*visited, replaced);
    ASSERT_EQ(seen.size(), 2u); // failures only, ordered by (kind, id)
    EXPECT_EQ(seen[0], (contracts::StoredEmbedding{lint, "A", "hash-1024", {0.0f, 1.0f}}));
    EXPECT_EQ(seen[1], (contracts::StoredEmbedding{test, "B", "hash-1024", {0.5f, 0.5f}}));

    auto stopped = store->visitFailureVectors("hash-1024", [](const contracts::StoredEmbedding&) {
        return contracts::Expected<void>(contracts::fail(contracts::ErrorKind::Io, "disk full"));
    });
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.error().message, "disk full");
    ASSERT_TRUE(store->putEmbedding({test, "D", "hash-1024", {1.0f, 0.0f}})); // the store still writes
}

inline contracts::RecordedFix sampleFix(std::uint8_t salt, std::string failureId, long long ts) {
    contracts::RecordedFix f;
    f.id = testUlid(static_cast<std::uint64_t>(ts), salt);
    f.ts = ts;
    f.source = contracts::FixSource::History;
    f.patternId = std::string(64, static_cast<char>('a' + salt % 6));
    f.failureId = std::move(failureId);
    f.suite = "Pricing";
    f.testName = "Pricing.Rounds";
    f.failingRunId = testUlid(1, salt);
    f.fixingRunId = testUlid(2, salt);
    f.failingCommit = "c1";
    f.fixingCommit = "c2";
    f.diff = "--- a/src/x.cpp\n+++ b/src/x.cpp\n@@ -1 +1 @@\n-a\n+b\n";
    return f;
}

inline contracts::SelfHealAttempt sampleAttempt(std::uint64_t ts, std::uint8_t salt, std::string pattern,
                                                std::string status) {
    return {testUlid(ts, salt),
            static_cast<long long>(ts),
            std::move(pattern),
            testUlid(ts, static_cast<std::uint8_t>(salt + 100)),
            std::move(status),
            "",
            0,
            0,
            "",
            "",
            "",
            "",
            "",
            static_cast<long long>(ts),
            {}};
}

TEST_P(StoreConformance, IngestKeepsTheNamesOfThePassedTests) {
    auto batch = sampleBatch(6);
    batch.passedTests = {
        {"Pricing", "Pricing.Rounds"}, {"Orders", "Orders.Save"}, {"Pricing", "Pricing.Rounds"}};
    ASSERT_TRUE(store->ingest(batch));
    auto passed = store->passedTests(batch.run.runId);
    ASSERT_TRUE(passed) << passed.error().render();
    EXPECT_EQ(*passed, (std::vector<contracts::TestCaseName>{{"Orders", "Orders.Save"},
                                                             {"Pricing", "Pricing.Rounds"}}));
    EXPECT_EQ(rows(contracts::TelemetryTable::TestPasses), 2);
    auto none = store->passedTests(testUlid(3, 3));
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST_P(StoreConformance, QueryFailuresFiltersByTest) {
    ASSERT_TRUE(store->ingest(sampleBatch(7, 3)));
    contracts::FailureQuery q;
    q.suite = "OrderRepo";
    q.testName = "saves_2";
    auto found = store->queryFailures(q);
    ASSERT_TRUE(found) << found.error().render();
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ((*found)[0].testName, "saves_2");
    q.suite = "Other";
    EXPECT_TRUE(store->queryFailures(q)->empty());
}

TEST_P(StoreConformance, TheFixMemoryKeepsOneFixPerFailure) {
    const auto first = sampleFix(1, "F1", 1700000000000);
    auto added = store->recordFix(first);
    ASSERT_TRUE(added) << added.error().render();
    EXPECT_TRUE(*added);
    EXPECT_FALSE(*store->recordFix(first)); // replayed
    auto sameFailure = sampleFix(2, "F1", 1700000000500);
    EXPECT_FALSE(*store->recordFix(sameFailure)); // the failure already has its fix
    auto second = sampleFix(3, "F2", 1700000001000);
    second.source = contracts::FixSource::Proposal;
    second.proposalId = "P1";
    second.fixingRunId.clear();
    second.diffTruncated = true;
    ASSERT_TRUE(*store->recordFix(second));
    auto all = store->fixes({});
    ASSERT_TRUE(all) << all.error().render();
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0], second); // newest first
    EXPECT_EQ((*all)[1], first);
    contracts::FixQuery byPattern;
    byPattern.patternId = first.patternId;
    EXPECT_EQ(store->fixes(byPattern)->size(), 1u);
    contracts::FixQuery byFailure;
    byFailure.failureId = "F2";
    EXPECT_EQ(store->fixes(byFailure)->front().id, second.id);
    EXPECT_EQ(rows(contracts::TelemetryTable::SelfhealFixes), 2);
    EXPECT_EQ((*store->auditRows(1))[0].action, "record_fix");
}

TEST_P(StoreConformance, AttemptsAreUpdatedInPlaceAndCountedByPatternWindowAndStatus) {
    const std::string pattern(64, 'c');
    auto started = sampleAttempt(1700000000000, 1, pattern, "started");
    ASSERT_TRUE(store->saveAttempt(started));
    auto done = started;
    done.status = "proposed";
    done.branch = "selfheal/" + started.proposalId;
    done.agent = "playbook";
    done.riskScore = 12;
    done.confidence = 97;
    done.commitSha = "7aa0c3d";
    done.bundle = ".devos/selfheal/" + started.proposalId;
    done.reason = "";
    done.description = "re-apply";
    done.updatedAt = 1700000009000;
    ASSERT_TRUE(store->saveAttempt(done));
    ASSERT_TRUE(store->saveAttempt(sampleAttempt(1700000100000, 2, pattern, "validation_failed")));
    ASSERT_TRUE(store->saveAttempt(sampleAttempt(1700000200000, 3, pattern, "flaky")));
    ASSERT_TRUE(store->saveAttempt(sampleAttempt(1700000300000, 4, std::string(64, 'd'), "proposed")));
    EXPECT_EQ(rows(contracts::TelemetryTable::SelfhealProposals), 4);
    contracts::AttemptQuery q;
    q.patternId = pattern;
    q.statuses = {"proposed", "validation_failed"};
    EXPECT_EQ(*store->countAttempts(q), 2);
    q.since = 1700000050000;
    EXPECT_EQ(*store->countAttempts(q), 1);
    auto listed = store->attempts({});
    ASSERT_TRUE(listed) << listed.error().render();
    ASSERT_EQ(listed->size(), 4u);
    EXPECT_EQ((*listed)[3], done); // oldest last, updated in place
    contracts::AttemptQuery byTrigger;
    byTrigger.triggerId = started.triggerId;
    byTrigger.limit = 1;
    EXPECT_EQ(store->attempts(byTrigger)->size(), 1u);
}

TEST_P(StoreConformance, OutcomesAreRecordedPerProposalAndPerFixAndSurviveAttemptUpdates) {
    auto attempt = sampleAttempt(1700000000000, 1, std::string(64, 'e'), "proposed");
    ASSERT_TRUE(store->saveAttempt(attempt));
    const auto fix = sampleFix(2, "F9", 1700000000000);
    ASSERT_TRUE(*store->recordFix(fix));
    EXPECT_EQ(store->attempts({})->front().outcome, contracts::FixOutcome{}) << "open by default";
    EXPECT_EQ(store->fixes({})->front().outcome, contracts::FixOutcome{});
    contracts::FixOutcome merged{
        contracts::OutcomeState::Merged, 1700000100000, "abc123", "", "", 1700000200000};
    auto written = store->recordOutcome(contracts::OutcomeSubject::Proposal, attempt.proposalId, merged);
    ASSERT_TRUE(written) << written.error().render();
    EXPECT_TRUE(*written);
    EXPECT_EQ((*store->auditRows(1))[0].action, "record_outcome");
    attempt.updatedAt = 1700000300000;
    ASSERT_TRUE(store->saveAttempt(attempt));
    EXPECT_EQ(store->attempts({})->front().outcome, merged) << "saveAttempt leaves the outcome as it is";
    contracts::FixOutcome reverted{
        contracts::OutcomeState::Reverted, 1700000100000, "abc123", "def456", "F10", 1700000400000};
    ASSERT_TRUE(*store->recordOutcome(contracts::OutcomeSubject::Fix, fix.id, reverted));
    EXPECT_EQ(store->fixes({})->front().outcome, reverted);
    EXPECT_FALSE(*store->recordOutcome(contracts::OutcomeSubject::Fix, "NO_SUCH_FIX", reverted));
}

TEST_P(StoreConformance, ClaimsHealEachFailureOnceAndHoldTheCapsAcrossDaemons) {
    ASSERT_TRUE(store->ingest(sampleBatch(21, 3)));
    auto pending = store->pendingFailures(0, 1700000000000, "", 10);
    ASSERT_TRUE(pending) << pending.error().render();
    ASSERT_EQ(pending->size(), 3u);
    const auto a = (*pending)[0].id, b = (*pending)[1].id, c = (*pending)[2].id;
    EXPECT_LT((*pending)[0].ts, (*pending)[1].ts) << "oldest first";
    const long long now = 1700000000000;
    auto req = [&](const std::string& failure, const std::string& daemon, long long at, int inFlight = 5) {
        return contracts::ClaimRequest{failure, daemon, at, 1000, inFlight, 3};
    };
    auto claimed = store->claimFailure(req(a, "d1", now));
    ASSERT_TRUE(claimed) << claimed.error().render();
    EXPECT_EQ(*claimed, contracts::ClaimResult::Claimed);
    EXPECT_EQ(*store->claimFailure(req(a, "d2", now)), contracts::ClaimResult::Taken);
    EXPECT_EQ(*store->claimFailure(req(a, "d1", now + 10)), contracts::ClaimResult::Claimed)
        << "its own: resumed";
    EXPECT_EQ(*store->claimFailure(req(b, "d2", now, 1)), contracts::ClaimResult::AtCapacity)
        << "one live claim, maxConcurrentProposals 1";
    EXPECT_EQ(store->pendingFailures(0, now, "", 10)->size(), 2u) << "a live claim is not pending";
    EXPECT_EQ(store->pendingFailures(0, now, "d1", 10)->size(), 3u)
        << "but it is for its own daemon (resumed)";
    EXPECT_FALSE(*store->finishClaim(a, "d2", "proposed", "P1", now)) << "not d2's claim";
    EXPECT_TRUE(*store->finishClaim(a, "d1", "proposed", "P1", now));
    EXPECT_EQ(*store->claimFailure(req(a, "d2", now + 99999)), contracts::ClaimResult::Done);
    EXPECT_EQ(*store->claimFailure(req(b, "d2", now, 1)), contracts::ClaimResult::Claimed);
    // d2 dies: its lease runs out and d1 takes b over; a renewed lease holds.
    EXPECT_EQ(*store->claimFailure(req(c, "d1", now, 5)), contracts::ClaimResult::Claimed);
    ASSERT_TRUE(store->renewClaims("d1", now + 5000));
    EXPECT_EQ(*store->claimFailure(req(c, "d2", now + 2000)), contracts::ClaimResult::Taken);
    EXPECT_EQ(*store->claimFailure(req(b, "d1", now + 2000)), contracts::ClaimResult::Claimed);
    EXPECT_EQ(store->pendingFailures(0, now + 2000, "", 10)->size(), 0u);
    ASSERT_TRUE(store->releaseClaim(c, "d1"));
    EXPECT_EQ(store->pendingFailures(0, now + 2000, "", 10)->size(), 1u)
        << "a released claim is pending again";
    EXPECT_EQ(store->pendingFailures(now + 99999, now + 2000, "", 10)->size(), 0u) << "older than `since`";
    // maxConcurrentPRs: proposed attempts still open.
    auto open = sampleAttempt(1700000000000, 7, std::string(64, 'f'), "proposed");
    ASSERT_TRUE(store->saveAttempt(open));
    EXPECT_EQ(*store->claimFailure({c, "d3", now + 2000, 1000, 5, 1}), contracts::ClaimResult::AtCapacity);
    EXPECT_EQ(*store->claimFailure({c, "d3", now + 2000, 1000, 5, 2}), contracts::ClaimResult::Claimed);
}

TEST_P(StoreConformance, MetricSamplesRoundTripByNameAndTime) {
    const std::vector<contracts::MetricSample> samples{
        {testUlid(1700000000000, 1), 1700000000000, "selfheal.step.millis", 1234.5, {{"step", "prove"}}},
        {testUlid(1700000001000, 2), 1700000001000, "selfheal.step.millis", 0.25, {{"step", "detect"}}},
        {testUlid(1700000002000, 3), 1700000002000, "selfheal.report.proposed", 3, {}}};
    auto written = store->recordMetrics(samples);
    ASSERT_TRUE(written) << written.error().render();
    EXPECT_EQ(*written, 3u);
    EXPECT_EQ(*store->recordMetrics(samples), 0u) << "replayed ids are ignored";
    auto steps = store->metrics("selfheal.step.millis", 0);
    ASSERT_TRUE(steps) << steps.error().render();
    ASSERT_EQ(steps->size(), 2u);
    EXPECT_EQ((*steps)[0], samples[0]);
    EXPECT_EQ((*steps)[1], samples[1]);
    EXPECT_EQ(store->metrics("selfheal.step.millis", 1700000000500)->size(), 1u);
    EXPECT_EQ(rows(contracts::TelemetryTable::MetricsSamples), 3);
}

} // namespace devos::adapters::testing
