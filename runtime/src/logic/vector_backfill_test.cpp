#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/vector_backfill.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

contracts::UnembeddedFailures twoFailures() {
    contracts::UnembeddedFailures f;
    f.tests.push_back({});
    f.tests[0].id = "T1";
    f.tests[0].suite = "Orders";
    f.tests[0].testName = "saves";
    f.tests[0].message = "SEGV in OrderRepo::save";
    f.lints.push_back({});
    f.lints[0].id = "L1";
    f.lints[0].ruleId = "layer.include";
    f.lints[0].message = "logic includes an adapter";
    return f;
}

TEST(BackfillTexts, AreTheIncidentTextsOfTestsThenLintsWithTheirOwners) {
    const auto failures = twoFailures();
    const auto texts = backfillTexts(failures);
    ASSERT_EQ(texts.texts.size(), 2u);
    EXPECT_EQ(texts.texts[0], incidentText(failures.tests[0]));
    EXPECT_EQ(texts.texts[1], incidentText(failures.lints[0]));
    EXPECT_EQ(texts.owners[0], (std::pair<std::string, std::string>{"test_failure", "T1"}));
    EXPECT_EQ(texts.owners[1], (std::pair<std::string, std::string>{"lint_failure", "L1"}));
    EXPECT_TRUE(backfillTexts({}).texts.empty());
}

TEST(BackfillVectors, PairsEachVectorWithItsOwner) {
    const auto texts = backfillTexts(twoFailures());
    const std::vector<contracts::Embedding> vectors{{"m", {1.0F, 0.0F}}, {"m", {0.0F, 1.0F}}};
    auto stored = backfillVectors(texts.owners, vectors, "m");
    ASSERT_TRUE(stored) << stored.error().render();
    ASSERT_EQ(stored->size(), 2u);
    EXPECT_EQ((*stored)[1], (contracts::StoredEmbedding{"lint_failure", "L1", "m", {0.0F, 1.0F}}));
}

TEST(BackfillVectors, RefusesAnAnswerThatDoesNotFitTheBatch) {
    const auto texts = backfillTexts(twoFailures());
    const std::vector<contracts::Embedding> one{{"m", {1.0F}}};
    auto tooFew = backfillVectors(texts.owners, one, "m");
    ASSERT_FALSE(tooFew);
    EXPECT_NE(tooFew.error().message.find("returned 1 vectors for 2 failures"), std::string::npos);
    const std::vector<contracts::Embedding> otherModel{{"m", {1.0F}}, {"x", {1.0F}}};
    ASSERT_FALSE(backfillVectors(texts.owners, otherModel, "m"));
    const std::vector<contracts::Embedding> ragged{{"m", {1.0F}}, {"m", {1.0F, 2.0F}}};
    auto wrongLength = backfillVectors(texts.owners, ragged, "m");
    ASSERT_FALSE(wrongLength);
    EXPECT_EQ(wrongLength.error().kind, contracts::ErrorKind::Unavailable);
}

TEST(BackfillPolicy, OnlyTheBuiltInHashingModelBackfillsDuringASearch) {
    EXPECT_TRUE(backfillsAutomatically(HashingEmbedder::kModel));
    EXPECT_FALSE(backfillsAutomatically("devos-hash-v1-1024"));
    EXPECT_FALSE(backfillsAutomatically("BAAI/bge-large-en-v1.5"));
}

TEST(BackfillNote, SaysWhatWasEmbeddedOrWhichCommandEmbedsIt) {
    EXPECT_EQ(backfillNote(5, 5, "devos-hash-v3-1024", true),
              "embedded 5 of 5 stored failures that had no vector of devos-hash-v3-1024 (stored by an "
              "earlier embedder)");
    EXPECT_EQ(backfillNote(7, 0, "bge", false),
              "7 stored failures have no vector of bge and are not searched; run `devos search --reindex` "
              "to embed them");
}

} // namespace
} // namespace devos::logic
