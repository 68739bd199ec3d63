#pragma once
// VectorBackfill over each real store (instantiated in sqlite_store_test.cpp and
// postgres_store_test.cpp): a store whose failures have vectors of an earlier model only.
#include "support/store_conformance.hpp"

#include <devos/adapters/cpu_vector_index.hpp>
#include <devos/adapters/vector_file.hpp>
#include <devos/logic/hashing_embedder.hpp>
#include <devos/services/default_embedder.hpp>
#include <devos/services/incident_search.hpp>
#include <devos/services/vector_backfill.hpp>
#include <filesystem>
#include <unistd.h>

namespace devos::adapters::testing {

// The CPU index behind the factory port.
struct BackfillCpuIndexes final : ports::VectorIndexFactory {
    contracts::Expected<std::unique_ptr<ports::VectorIndex>> create(std::size_t dims,
                                                                    const std::string& model) const override {
        return std::make_unique<CpuVectorIndex>(dims, model);
    }
    contracts::Expected<std::unique_ptr<ports::VectorIndex>>
    view(const contracts::VectorRows& rows, std::shared_ptr<const void> owner) const override {
        return std::make_unique<CpuVectorIndex>(rows, std::move(owner));
    }
};

// Leaves text as it is.
struct KeepText final : ports::Redactor {
    std::string redact(std::string_view text) const override { return std::string(text); }
};

// The default embedder until `callsLeft` calls are spent, then Unavailable (a server gone mid-run).
struct EmbedderThatStops final : ports::Embedder {
    std::expected<std::vector<contracts::Embedding>, contracts::Error>
    embed(std::span<const std::string> texts) const override {
        if (callsLeft-- <= 0)
            return contracts::fail(contracts::ErrorKind::Unavailable, "the embedding server went away");
        return inner->embed(texts);
    }
    const std::string& model() const override { return inner->model(); }
    std::unique_ptr<ports::Embedder> inner = services::makeDefaultEmbedder();
    mutable int callsLeft = 0;
};

class BackfillConformance : public ::testing::TestWithParam<StoreFactory> {
protected:
    static constexpr const char* kOldModel = "devos-hash-v1-1024";

    void SetUp() override {
        std::string skip;
        auto opened = GetParam().open(skip);
        if (!skip.empty())
            GTEST_SKIP() << skip;
        ASSERT_TRUE(opened) << opened.error().render();
        store = std::move(*opened);
        // Two runs of three test failures and one lint failure each, every vector of the old model.
        for (std::uint8_t salt : {1, 2}) {
            auto batch = sampleBatch(salt, 3);
            batch.testFailures[1].testName = "checkout_total";
            batch.testFailures[1].message = salt == 1 ? "SEGV on unknown address in PriceTable::lookup"
                                                      : "expected 3 items in the basket, got 2";
            for (const auto& f : batch.testFailures)
                batch.embeddings.push_back({"test_failure", f.id, kOldModel, oldVector(f.id)});
            for (const auto& f : batch.lintFailures)
                batch.embeddings.push_back({"lint_failure", f.id, kOldModel, oldVector(f.id)});
            ASSERT_TRUE(store->ingest(batch));
            failures.insert(failures.end(), batch.testFailures.begin(), batch.testFailures.end());
        }
    }

    static std::vector<float> oldVector(const std::string& id) {
        std::vector<float> v(8, 0.0F);
        v[id.back() % 8] = 1.0F;
        return v;
    }

    // The ids of the test failures a store-only search for `text` finds, best first.
    std::vector<std::string> found(const ports::Embedder& embedder, const std::string& text) {
        const BackfillCpuIndexes indexes;
        const KeepText redactor;
        services::IncidentSearch search(*store, embedder, indexes, redactor, nullptr);
        services::IncidentQuery query;
        query.text = text;
        auto result = search.search(query);
        EXPECT_TRUE(result) << result.error().render();
        std::vector<std::string> ids;
        for (const auto& hit : result ? result->hits : std::vector<services::IncidentHit>{})
            ids.push_back(hit.failureId());
        return ids;
    }

    std::unique_ptr<ports::TelemetryStore> store;
    std::vector<contracts::TestFailure> failures;
};

TEST_P(BackfillConformance, EmbedsEveryFailureOfAnEarlierModelAndLeavesItsVectors) {
    const auto embedder = services::makeDefaultEmbedder();
    const auto oldVectors = store->loadEmbeddings(kOldModel);
    ASSERT_TRUE(oldVectors);
    ASSERT_EQ(oldVectors->size(), 8u);
    EXPECT_TRUE(found(*embedder, "SEGV in PriceTable::lookup").empty()) << "no vector of the model yet";

    const auto dir = std::filesystem::temp_directory_path() /
                     ("devos_backfill_" + std::to_string(::getpid()) + "_" + GetParam().name);
    std::filesystem::remove_all(dir);
    auto cache = makeVectorFileCache(dir.string(), *store);
    services::VectorBackfill backfill(*store, *embedder, cache.get(), 3);
    EXPECT_EQ(*backfill.missing(), 8u);
    auto summary = backfill.run();
    ASSERT_TRUE(summary) << summary.error().render();
    EXPECT_EQ(summary->model, embedder->model());
    EXPECT_EQ(summary->embedded, 8u);
    EXPECT_EQ(summary->batches, 3u); // 3 + 3 test failures, then 2 lint failures
    EXPECT_EQ(summary->vectorFileError, "");

    EXPECT_EQ(found(*embedder, "SEGV in PriceTable::lookup"), std::vector<std::string>{failures[1].id});
    EXPECT_EQ(*store->loadEmbeddings(kOldModel), *oldVectors) << "the earlier model's vectors are untouched";
    EXPECT_EQ(store->loadEmbeddings(embedder->model())->size(), 8u);
    auto file = cache->open(embedder->model());
    ASSERT_TRUE(file) << file.error().render();
    EXPECT_EQ((*file)->rows().count, 8u);
    EXPECT_EQ((*file)->generation(), *store->failureVectorGeneration(embedder->model()));

    auto again = backfill.run();
    ASSERT_TRUE(again) << again.error().render();
    EXPECT_EQ(again->embedded, 0u) << "a second run finds nothing to do";
    EXPECT_EQ(*backfill.missing(), 0u);
    std::filesystem::remove_all(dir);
}

TEST_P(BackfillConformance, AnInterruptedRunKeepsItsBatchesAndTheNextOneFinishes) {
    EmbedderThatStops stopping;
    stopping.callsLeft = 2;
    services::VectorBackfill interrupted(*store, stopping, nullptr, 2);
    auto failed = interrupted.run();
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().kind, contracts::ErrorKind::Unavailable);
    EXPECT_EQ(store->loadEmbeddings(stopping.model())->size(), 4u) << "the two stored batches are kept";
    EXPECT_EQ(*interrupted.missing(), 4u);

    stopping.callsLeft = 100;
    auto resumed = interrupted.run();
    ASSERT_TRUE(resumed) << resumed.error().render();
    EXPECT_EQ(resumed->embedded, 4u) << "only the failures still without a vector";
    EXPECT_EQ(resumed->batches, 2u);
    EXPECT_EQ(store->loadEmbeddings(stopping.model())->size(), 8u);
    EXPECT_EQ(store->loadEmbeddings(kOldModel)->size(), 8u);
    const auto hits = found(stopping, "expected 3 items in the basket");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front(), failures[4].id);
}

} // namespace devos::adapters::testing
