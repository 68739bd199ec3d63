#include "doubles/in_memory_telemetry_store.hpp"

#include <devos/adapters/cpu_vector_index.hpp>
#include <devos/adapters/vector_file.hpp>
#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/vector_backfill.hpp>
#include <devos/services/default_embedder.hpp>
#include <devos/services/incident_search.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::services {
namespace {

// The CPU index behind the factory port.
struct CpuIndexes final : ports::VectorIndexFactory {
    contracts::Expected<std::unique_ptr<ports::VectorIndex>> create(std::size_t dims,
                                                                    const std::string& model) const override {
        return std::make_unique<adapters::CpuVectorIndex>(dims, model);
    }
    contracts::Expected<std::unique_ptr<ports::VectorIndex>>
    view(const contracts::VectorRows& rows, std::shared_ptr<const void> owner) const override {
        return std::make_unique<adapters::CpuVectorIndex>(rows, std::move(owner));
    }
};

// Replaces the word "hunter2" and remembers what it was asked to redact.
struct WordRedactor final : ports::Redactor {
    std::string redact(std::string_view text) const override {
        std::string out(text);
        if (const auto at = out.find("hunter2"); at != std::string::npos)
            out.replace(at, 7, "[REDACTED]");
        return out;
    }
};

// The default embedder, recording the texts it embeds.
struct RecordingEmbedder final : ports::Embedder {
    std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const override {
        seen.insert(seen.end(), texts.begin(), texts.end());
        return inner->embed(texts);
    }
    const std::string& model() const override { return inner->model(); }
    std::unique_ptr<ports::Embedder> inner = makeDefaultEmbedder();
    mutable std::vector<std::string> seen;
};

IncidentQuery text(std::string t, float threshold = 0.7F, std::size_t k = 10) {
    IncidentQuery q;
    q.text = std::move(t);
    q.k = k;
    q.threshold = threshold;
    return q;
}

IncidentQuery failure(std::string id, float threshold = 0.7F, std::size_t k = 10) {
    IncidentQuery q;
    q.failureId = std::move(id);
    q.k = k;
    q.threshold = threshold;
    return q;
}

// A fresh folder for this test's vector files.
std::string freshVectorDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    std::ranges::replace(name, '/', '_');
    const auto dir =
        std::filesystem::temp_directory_path() / ("devos_vectors_" + std::to_string(::getpid())) / name;
    std::filesystem::remove_all(dir);
    return dir.string();
}

// Every case runs twice: over the store's vectors (false) and over the vector file beside it (true).
class IncidentSearchTest : public ::testing::TestWithParam<bool> {
protected:
    // Stores a failure of run `runId` with its vector, as devos ingest does.
    void addFailure(const std::string& id, const std::string& runId, const std::string& message,
                    const std::string& pattern) {
        contracts::IngestBatch batch;
        batch.run.runId = runId;
        batch.run.branch = "main";
        batch.run.commitSha = "c0ffee";
        contracts::TestFailure f;
        f.id = id;
        f.runId = runId;
        f.suite = "Orders";
        f.testName = "Test" + id;
        f.message = message;
        f.patternId = pattern;
        batch.testFailures.push_back(f);
        ASSERT_TRUE(store.ingest(batch));
        const std::vector<std::string> texts{logic::incidentText(message, "")};
        auto vectors = embedder.embed(texts);
        ASSERT_TRUE(vectors);
        ASSERT_TRUE(store.putEmbedding(
            {std::string(contracts::kTestFailureOwner), id, embedder.model(), vectors->front().values}));
    }

    // Stores a lint failure of run `runId` with its vector, as devos ingest does.
    void addLintFailure(const std::string& id, const std::string& runId, const std::string& rule,
                        const std::string& file, unsigned line, const std::string& message) {
        contracts::IngestBatch batch;
        batch.run.runId = runId;
        batch.run.branch = "lint-branch";
        contracts::LintFailure f;
        f.id = id;
        f.runId = runId;
        f.tool = "devos";
        f.ruleId = rule;
        f.level = "error";
        f.file = file;
        f.line = line;
        f.message = message;
        f.patternId = "L-" + rule;
        batch.lintFailures.push_back(f);
        ASSERT_TRUE(store.ingest(batch));
        const std::vector<std::string> texts{logic::incidentText(f)};
        auto vectors = embedder.embed(texts);
        ASSERT_TRUE(vectors);
        ASSERT_TRUE(store.putEmbedding(
            {std::string(contracts::kLintFailureOwner), id, embedder.model(), vectors->front().values}));
    }

    void SetUp() override {
        addFailure("F1", "R1", "segfault at 0x7ffd1234 in OrderRepo::save after 3 retries", "P1");
        addFailure("F2", "R2", "segfault at 0x55aa9876 in OrderRepo::save after 17 retries", "P1");
        addFailure("F3", "R2", "expected total 12.50 but got 13.00 in PricingTest", "P2");
        embedder.seen.clear();
    }

    // Scores from the vector file's fp16 rows are within this of the fp32 ones.
    float tolerance() const { return GetParam() ? 2e-3F : 1e-5F; }

    doubles::InMemoryTelemetryStore store;
    RecordingEmbedder embedder;
    CpuIndexes indexes;
    WordRedactor redactor;
    std::unique_ptr<ports::FailureVectorCache> cache =
        GetParam() ? adapters::makeVectorFileCache(freshVectorDir(), store) : nullptr;
    IncidentSearch search{store, embedder, indexes, redactor, cache.get()};
};

INSTANTIATE_TEST_SUITE_P(Vectors, IncidentSearchTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "VectorFile" : "Store"; });

TEST_P(IncidentSearchTest, RanksTheNoisyTwinsFirstWithTheirRuns) {
    auto result = search.search(text("segfault at 0xdead in OrderRepo::save after 5 retries", 0.5F));
    ASSERT_TRUE(result) << result.error().render();
    EXPECT_EQ(result->model, "devos-hash-v3-1024");
    EXPECT_EQ(result->searched, 3U);
    // The injected CPU index's own name: fp32 rows from the store, fp16 rows from the vector file, on
    // the instruction set this CPU allows (as a fresh index names it: "cpu-fp32-avx2" or "-scalar").
    const std::string fresh(adapters::CpuVectorIndex(1024, "devos-hash-v3-1024").backend());
    ASSERT_TRUE(fresh.starts_with("cpu-fp32-")) << fresh;
    EXPECT_EQ(result->backend, std::string(GetParam() ? "cpu-fp16-" : "cpu-fp32-") + fresh.substr(9));
    ASSERT_EQ(result->hits.size(), 2U); // the pricing failure is below the threshold
    EXPECT_NEAR(result->hits[0].score, 1.0F, tolerance());
    EXPECT_EQ(result->vectorSource.find("store") == 0, !GetParam()) << result->vectorSource;
    EXPECT_TRUE(result->vectorFileNote.empty()) << result->vectorFileNote;
    EXPECT_EQ(result->hits[0].failureId(), "F1"); // equal scores: the older id first
    EXPECT_EQ(result->hits[1].failureId(), "F2");
    ASSERT_TRUE(result->hits[1].run);
    EXPECT_EQ(result->hits[1].run->commitSha, "c0ffee");
}

TEST_P(IncidentSearchTest, AFailureFindsItsTwinButNotItself) {
    auto result = search.search(failure("F2", 0.0F, 1));
    ASSERT_TRUE(result) << result.error().render();
    ASSERT_EQ(result->hits.size(), 1U);
    EXPECT_EQ(result->hits[0].failureId(), "F1");
    EXPECT_EQ(result->hits[0].patternId(), "P1");
    EXPECT_TRUE(embedder.seen.empty()); // the stored vector was used
}

// Plain words naming the function: above the hashing model's own default threshold for a text (not
// the 0.7 of BGE-class models), which the result reports; a failure id keeps 0.7.
TEST_P(IncidentSearchTest, WithoutAThresholdUsesTheModelsCalibratedOne) {
    IncidentQuery query;
    query.text = "segfault in OrderRepo::save";
    auto result = search.search(query);
    ASSERT_TRUE(result) << result.error().render();
    EXPECT_FLOAT_EQ(result->threshold, logic::HashingEmbedder::kDefaultThreshold);
    ASSERT_EQ(result->hits.size(), 2U); // the pricing failure is below it
    EXPECT_EQ(result->hits[0].patternId(), "P1");
    EXPECT_GE(result->hits[1].score, result->threshold);
    auto explicitOne = search.search(text("segfault in OrderRepo::save", 0.99F));
    ASSERT_TRUE(explicitOne);
    EXPECT_FLOAT_EQ(explicitOne->threshold, 0.99F);
    EXPECT_TRUE(explicitOne->hits.empty());
    IncidentQuery byId;
    byId.failureId = "F2";
    auto twin = search.search(byId);
    ASSERT_TRUE(twin);
    EXPECT_FLOAT_EQ(twin->threshold, 0.7F); // whole failures against whole failures
    ASSERT_EQ(twin->hits.size(), 1U);
    EXPECT_EQ(twin->hits[0].failureId(), "F1");
}

TEST_P(IncidentSearchTest, NeverSearchesVectorsOfAnotherModel) {
    ASSERT_TRUE(store.putEmbedding({"test_failure", "F3", "other-model", std::vector<float>(1024, 1.0F)}));
    auto result = search.search(text("segfault in OrderRepo::save", 0.0F));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->searched, 3U);
    auto unknown = search.search(failure("F9"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, contracts::ErrorKind::NotFound);
}

TEST_P(IncidentSearchTest, WithABackfillAFailureStoredWithoutAVectorIsEmbeddedOnceThenFound) {
    contracts::IngestBatch batch;
    batch.run.runId = "R3";
    contracts::TestFailure unembedded;
    unembedded.id = "F4";
    unembedded.runId = "R3";
    unembedded.suite = "Orders";
    unembedded.testName = "TestF4";
    unembedded.message = "deadlock in InventoryLedger::reserve while holding the stock mutex";
    unembedded.patternId = "P4";
    batch.testFailures.push_back(unembedded);
    ASSERT_TRUE(store.ingest(batch)); // stored by an earlier embedder: no vector of this model
    VectorBackfill backfill(store, embedder, cache.get());
    IncidentSearch filling{store, embedder, indexes, redactor, cache.get(), &backfill};
    auto first = filling.search(text("deadlock in InventoryLedger::reserve", 0.3F));
    ASSERT_TRUE(first) << first.error().render();
    EXPECT_EQ(first->backfillNote, logic::backfillNote(1, 1, embedder.model(), true));
    EXPECT_EQ(first->searched, 4U);
    ASSERT_FALSE(first->hits.empty());
    EXPECT_EQ(first->hits[0].failureId(), "F4");
    auto again = filling.search(text("deadlock in InventoryLedger::reserve", 0.3F));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->backfillNote, "");
    EXPECT_EQ(again->searched, 4U);
}

TEST_P(IncidentSearchTest, WithoutABackfillOrWithARemoteModelTheUnsearchedFailuresAreOnlyNamed) {
    contracts::IngestBatch batch;
    batch.run.runId = "R3";
    contracts::TestFailure unembedded;
    unembedded.id = "F4";
    unembedded.runId = "R3";
    unembedded.message = "deadlock in InventoryLedger::reserve";
    unembedded.patternId = "P4";
    batch.testFailures.push_back(unembedded);
    ASSERT_TRUE(store.ingest(batch));
    auto plain = search.search(text("deadlock in InventoryLedger::reserve", 0.0F));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->backfillNote, ""); // no backfill given: nothing looked for
    struct RemoteModel final : ports::Embedder {
        std::expected<std::vector<contracts::Embedding>, contracts::Error>
        embed(std::span<const std::string> texts) const override {
            auto out = inner.embed(texts);
            if (out)
                for (auto& e : *out)
                    e.model = name;
            return out;
        }
        const std::string& model() const override { return name; }
        RecordingEmbedder inner;
        std::string name = "bge-small-en-v1.5";
    } remote;
    VectorBackfill backfill(store, remote, nullptr);
    IncidentSearch naming{store, remote, indexes, redactor, nullptr, &backfill};
    auto result = naming.search(text("deadlock in InventoryLedger::reserve", 0.0F));
    ASSERT_TRUE(result) << result.error().render();
    EXPECT_EQ(result->searched, 0U);
    EXPECT_EQ(result->backfillNote, logic::backfillNote(4, 0, "bge-small-en-v1.5", false));
    EXPECT_NE(result->backfillNote.find("devos search --reindex"), std::string::npos);
}

TEST_P(IncidentSearchTest, RedactsTheQueryBeforeEmbeddingIt) {
    ASSERT_TRUE(search.search(text("login failed with password hunter2")));
    ASSERT_EQ(embedder.seen.size(), 1U);
    EXPECT_EQ(embedder.seen[0].find("hunter2"), std::string::npos) << embedder.seen[0];
}

TEST_P(IncidentSearchTest, FindsLintFailuresBesideTestFailuresAndSaysWhichIsWhich) {
    addLintFailure("L1", "R3", "purity.clock", "src/logic/pricing.cpp", 6,
                   "logic/ must be deterministic: 'std::chrono::system_clock::now' reads the clock");
    addLintFailure("L2", "R4", "purity.clock", "src/logic/stamp.cpp", 12,
                   "logic/ must be deterministic: 'std::chrono::steady_clock::now' reads the clock");
    auto result = search.search(text("purity.clock: system_clock::now reads the clock in logic", 0.3F));
    ASSERT_TRUE(result) << result.error().render();
    EXPECT_EQ(result->searched, 5U); // three test failures and two lint failures
    ASSERT_GE(result->hits.size(), 2U);
    EXPECT_EQ(result->hits[0].failureId(), "L1");
    EXPECT_EQ(result->hits[0].kind(), contracts::kLintFailureOwner);
    const auto& lint = std::get<contracts::LintFailure>(result->hits[0].failure);
    EXPECT_EQ(lint.ruleId, "purity.clock");
    EXPECT_EQ(lint.file, "src/logic/pricing.cpp");
    EXPECT_EQ(lint.line, 6U);
    EXPECT_EQ(result->hits[0].patternId(), "L-purity.clock");
    ASSERT_TRUE(result->hits[0].run);
    EXPECT_EQ(result->hits[0].run->branch, "lint-branch");
    EXPECT_EQ(result->hits[1].failureId(), "L2");
    for (const auto& hit : result->hits)
        if (hit.kind() == contracts::kTestFailureOwner)
            EXPECT_LT(hit.score, result->hits[1].score);

    embedder.seen.clear();
    auto twins = search.search(failure("L2", 0.0F, 1));
    ASSERT_TRUE(twins) << twins.error().render();
    ASSERT_EQ(twins->hits.size(), 1U);
    EXPECT_EQ(twins->hits[0].failureId(), "L1");
    EXPECT_EQ(twins->hits[0].kind(), contracts::kLintFailureOwner);
    EXPECT_TRUE(embedder.seen.empty()); // the stored vector was used

    auto tests = search.search(text("segfault at 0xdead in OrderRepo::save after 5 retries", 0.5F));
    ASSERT_TRUE(tests);
    ASSERT_EQ(tests->hits.size(), 2U);
    EXPECT_EQ(tests->hits[0].kind(), contracts::kTestFailureOwner);
    EXPECT_EQ(std::get<contracts::TestFailure>(tests->hits[0].failure).testName, "TestF1");
}

TEST_P(IncidentSearchTest, SkipsVectorsOfOtherOwnersAndOfGoneFailures) {
    ASSERT_TRUE(
        store.putEmbedding({"selfheal_proposal", "P9", embedder.model(), std::vector<float>(1024, 1.0F)}));
    ASSERT_TRUE(store.putEmbedding({std::string(contracts::kLintFailureOwner), "L9", embedder.model(),
                                    std::vector<float>(1024, 1.0F)})); // no such lint failure
    auto result = search.search(text("segfault in OrderRepo::save", -1.0F));
    ASSERT_TRUE(result) << result.error().render();
    EXPECT_EQ(result->searched, 4U);
    EXPECT_EQ(result->hits.size(), 3U);
}

// A word of its own per failure, like faults.ingest_killed's: "zo" and four letters.
std::string ownWord(std::size_t i) {
    std::string word = "zo";
    for (int letter = 0; letter < 4; ++letter, i /= 20)
        word += "bcdfghjklmnpqrstvwxz"[i % 20];
    return word;
}

// Issue 12: failures whose messages share every word but one of their own. With the store's term
// counts (ingest stores each vector's logic::rarityTerms), a query of the shared words and one
// failure's own word finds that failure first: the words every failure has weigh little.
TEST(IncidentSearch, AFailuresOwnWordAmongSharedOnesFindsItFirst) {
    doubles::InMemoryTelemetryStore store;
    const auto embedder = makeDefaultEmbedder();
    contracts::IngestBatch batch;
    batch.run.runId = "R1";
    for (std::size_t i = 0; i < 400; ++i) {
        contracts::TestFailure f;
        f.id = "F" + std::to_string(i);
        f.runId = "R1";
        f.suite = "Orders";
        f.testName = "LosesDiscount" + std::to_string(i);
        f.message = "order " + std::to_string(i) + " lost its " + ownWord(i) + " discount code";
        f.stackTrace = "#0 0x1 in orders::Pricing::apply" + std::to_string(i) + "() /src/pricing.cpp:1";
        const std::vector<std::string> texts{logic::incidentText(f)};
        auto vectors = embedder->embed(texts);
        ASSERT_TRUE(vectors);
        batch.embeddings.push_back({std::string(contracts::kTestFailureOwner), f.id, embedder->model(),
                                    vectors->front().values, logic::rarityTerms(texts.front())});
        batch.testFailures.push_back(std::move(f));
    }
    ASSERT_TRUE(store.ingest(batch));
    CpuIndexes indexes;
    WordRedactor redactor;
    IncidentSearch search{store, *embedder, indexes, redactor};
    for (std::size_t i : {0U, 7U, 123U, 398U}) {
        auto result = search.search(text("order lost its " + ownWord(i) + " discount code", 0.0F, 1));
        ASSERT_TRUE(result) << result.error().render();
        ASSERT_EQ(result->hits.size(), 1U);
        EXPECT_EQ(result->hits[0].failureId(), "F" + std::to_string(i)) << ownWord(i);
    }
}

TEST(IncidentSearch, AnEmptyStoreHasNoHitsAndBadQueriesAreInvalid) {
    doubles::InMemoryTelemetryStore store;
    auto embedder = makeDefaultEmbedder();
    CpuIndexes indexes;
    WordRedactor redactor;
    IncidentSearch search{store, *embedder, indexes, redactor};
    auto result = search.search(text("anything"));
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->hits.empty());
    EXPECT_TRUE(result->backend.empty());
    EXPECT_EQ(search.search(text("")).error().kind, contracts::ErrorKind::Invalid);
    EXPECT_EQ(search.search(text("x", 0.7F, 0)).error().kind, contracts::ErrorKind::Invalid);
    store.down = true;
    EXPECT_EQ(search.search(text("anything")).error().kind, contracts::ErrorKind::Unavailable);
}

// Counts the opens of the vector cache it wraps, or fails them when `broken`.
struct CountingCache final : ports::FailureVectorCache {
    explicit CountingCache(std::unique_ptr<ports::FailureVectorCache> wrapped) : inner(std::move(wrapped)) {}
    contracts::Expected<std::shared_ptr<const ports::FailureVectors>>
    open(const std::string& model) override {
        ++opens;
        if (broken)
            return contracts::fail(contracts::ErrorKind::Io, "disk on fire");
        return inner->open(model);
    }
    contracts::Expected<void> appendCommitted(std::span<const contracts::StoredEmbedding> vectors) override {
        return inner->appendCommitted(vectors);
    }
    std::unique_ptr<ports::FailureVectorCache> inner;
    int opens = 0;
    bool broken = false;
};

TEST(IncidentSearchVectorFile, KeepsItsIndexWhileTheStoreIsUnchangedAndSeesNewVectorsAtOnce) {
    doubles::InMemoryTelemetryStore store;
    auto embedder = makeDefaultEmbedder();
    CpuIndexes indexes;
    WordRedactor redactor;
    CountingCache cache(adapters::makeVectorFileCache(freshVectorDir(), store));
    IncidentSearch search{store, *embedder, indexes, redactor, &cache};
    auto put = [&](const std::string& id, const std::string& message) {
        contracts::IngestBatch batch;
        batch.run.runId = "R" + id;
        contracts::TestFailure f;
        f.id = id;
        f.runId = batch.run.runId;
        f.testName = "T" + id;
        f.message = message;
        batch.testFailures.push_back(f);
        ASSERT_TRUE(store.ingest(batch));
        auto vectors = embedder->embed(std::vector{logic::incidentText(message, "")});
        ASSERT_TRUE(vectors);
        ASSERT_TRUE(store.putEmbedding({"test_failure", id, embedder->model(), vectors->front().values}));
    };
    put("F1", "segfault in OrderRepo::save");
    for (int i = 0; i < 3; ++i) {
        auto result = search.search(text("segfault in OrderRepo::save", 0.5F));
        ASSERT_TRUE(result) << result.error().render();
        ASSERT_EQ(result->hits.size(), 1U);
        EXPECT_TRUE(result->vectorFileNote.empty());
    }
    EXPECT_EQ(cache.opens, 1); // one mapping and one index for three searches

    put("F2", "segfault in OrderRepo::save");
    auto result = search.search(text("segfault in OrderRepo::save", 0.5F));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->hits.size(), 2U);
    EXPECT_EQ(cache.opens, 2);

    // a vector file that cannot be opened: the store is searched instead, and the result says why
    put("F3", "segfault in OrderRepo::save");
    cache.broken = true;
    result = search.search(text("segfault in OrderRepo::save", 0.5F));
    ASSERT_TRUE(result) << result.error().render();
    EXPECT_EQ(result->hits.size(), 3U);
    EXPECT_EQ(result->vectorSource, "store");
    EXPECT_NE(result->vectorFileNote.find("disk on fire"), std::string::npos) << result->vectorFileNote;
}

} // namespace
} // namespace devos::services
