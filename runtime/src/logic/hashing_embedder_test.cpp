#include <cmath>
#include <devos/logic/hashing_embedder.hpp>
#include <gtest/gtest.h>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace devos::logic {
namespace {

float cosine(const contracts::Embedding& a, const contracts::Embedding& b) {
    return std::inner_product(a.values.begin(), a.values.end(), b.values.begin(), 0.0F);
}

contracts::Embedding embedded(std::string_view text) {
    auto e = HashingEmbedder{}.embedOne(text);
    EXPECT_TRUE(e.has_value());
    return e.value_or(contracts::Embedding{});
}

TEST(HashingEmbedder, IsUnitLengthAndNamesItsModel) {
    const auto e = embedded("segfault in OrderRepo::save");
    EXPECT_EQ(e.model, "devos-hash-v3-1024");
    EXPECT_EQ(e.dims(), 1024U);
    EXPECT_NEAR(cosine(e, e), 1.0F, 1e-6F);
}

// Pinned values: a change here changes every stored vector, so it needs a new model name. The text's
// word features (segfault, orderrepo::save, orderrepo, save, order, repo, "in") and its error kind
// (segv, for "segfault") in four buckets each, its 25 3-grams in one: 56 buckets, the first ten here.
TEST(HashingEmbedder, OutputValuesAreStable) {
    const auto e = embedded("segfault in OrderRepo::save");
    std::vector<std::pair<std::size_t, float>> nonZero;
    for (std::size_t i = 0; i < e.dims(); ++i)
        if (e.values[i] != 0.0F)
            nonZero.emplace_back(i, e.values[i]);
    ASSERT_EQ(nonZero.size(), 56U);
    const std::vector<std::pair<std::size_t, float>> expected{
        {25, 0.084383F}, {53, -0.084383F}, {59, 0.084383F},   {68, -0.168766F},  {72, 0.253149F},
        {75, 0.050630F}, {79, -0.168766F}, {124, -0.084383F}, {130, -0.050630F}, {137, -0.084383F}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(nonZero[i].first, expected[i].first);
        EXPECT_NEAR(nonZero[i].second, expected[i].second, 1e-5F) << "bucket " << nonZero[i].first;
    }
}

// A query names a function without its namespace, as people do; the stored frame has it.
TEST(HashingEmbedder, AQualifiedNameMatchesItsUnqualifiedSuffix) {
    const auto frame = embedded("addresssanitizer: segv on unknown address <addr>\norders::OrderRepo::save\n"
                                "billing::PriceCache::load\nmain");
    const auto same = embedded("segv in orderrepo::save");
    const auto caller = embedded("segv in pricecache::load");
    EXPECT_GT(cosine(frame, same), cosine(frame, caller) + 0.1F);
    EXPECT_GT(cosine(frame, same), HashingEmbedder::kDefaultThreshold);
}

// A query's word for an error kind meets the spelling a sanitizer, a signal or a test runner stored:
// of the stored messages of every kind, the query's own kind scores highest.
TEST(HashingEmbedder, ErrorKindSynonymsMeetTheStoredSpelling) {
    const std::vector<std::pair<std::string, std::string>> kinds{
        {"segfault", "AddressSanitizer: SEGV on unknown address <addr> (pc <addr> T0)"},
        {"heap overflow", "AddressSanitizer: heap-buffer-overflow on address <addr> READ of size 4"},
        {"use after free", "AddressSanitizer: heap-use-after-free on address <addr> READ of size 8"},
        {"null deref", "runtime error: member access within null pointer of type 'Order'"},
        {"assert", "Assertion failed: (count > 0), function main"},
        {"timeout", "the test timed out after <n> s"},
        {"leak", "ERROR: LeakSanitizer: detected memory leaks"},
        {"data race", "WARNING: ThreadSanitizer: data race (pid=<n>)"},
        {"integer overflow", "runtime error: signed integer overflow: <n> + <n> cannot be represented"},
        {"exception", "uncaught std::out_of_range thrown in the test body"}};
    for (const auto& [query, _] : kinds) {
        const auto q = embedded(query);
        std::string best;
        float bestScore = -1.0F;
        for (const auto& [kind, stored] : kinds) {
            const float score = cosine(q, embedded(stored));
            if (score > bestScore)
                std::tie(best, bestScore) = std::pair{kind, score};
        }
        EXPECT_EQ(best, query);
    }
    const auto signal = embedded("Program received signal SIGSEGV");
    EXPECT_GT(cosine(embedded("segmentation fault"), signal),
              cosine(embedded("use after free"), signal) + 0.1F);
}

TEST(HashingEmbedder, RarityTermsAreTheWordFeaturesWithoutNumbers) {
    EXPECT_EQ(rarityTerms("segfault in OrderRepo::save at 0x7ffe12, 42 times\nOrderRepo::save"),
              (std::vector<std::string>{"at", "in", "order", "orderrepo", "orderrepo::save", "repo", "save",
                                        "segfault", "times"}));
    EXPECT_TRUE(rarityTerms("0x1f 42 :: --").empty());
}

TEST(HashingEmbedder, RarityWeightsFollowHowManyStoredFailuresHaveAWord) {
    const std::vector<std::string> terms{"zozzmb", "order", "unseen", "some"};
    const auto w = rarityWeights(terms, std::vector<long long>{1, 1000, 0, 50}, 1000);
    EXPECT_NEAR(w.at("zozzmb"), std::log(1016.0 / 2.0) / std::log(1016.0), 1e-5);
    EXPECT_FLOAT_EQ(w.at("order"), 0.1F);
    EXPECT_FLOAT_EQ(w.at("unseen"), 0.3F);
    EXPECT_GT(w.at("zozzmb"), w.at("some"));
    EXPECT_GT(w.at("some"), w.at("order"));
    EXPECT_TRUE(rarityWeights(terms, std::vector<long long>{0, 0, 0, 0}, 0).empty());
    EXPECT_TRUE(weighsByRarity(HashingEmbedder::kModel));
    EXPECT_FALSE(weighsByRarity("BAAI/bge-large-en-v1.5"));
}

// A query weighed by rarity leans on its rare word: of two texts that share its common words, the
// one with its rare word leads the other by more than without weights.
TEST(HashingEmbedder, RarityWeightsLeanAQueryOnItsRareWord) {
    const auto own = embedded("order lost its zozzmb discount code\norders::Pricing::apply7");
    const auto other = embedded("order lost its zozmkb discount code\norders::Pricing::apply8");
    const std::string query = "order lost its zozzmb discount code";
    const RarityWeights rarity{{"order", 0.1F},    {"lost", 0.1F}, {"its", 0.1F},
                               {"discount", 0.1F}, {"code", 0.1F}, {"zozzmb", 0.95F}};
    auto weighed = HashingEmbedder{}.embedOne(query, rarity);
    ASSERT_TRUE(weighed);
    const auto plain = embedded(query);
    EXPECT_GT(cosine(*weighed, own) - cosine(*weighed, other), cosine(plain, own) - cosine(plain, other));
    EXPECT_GT(cosine(*weighed, own), cosine(*weighed, other) + 0.2F);
    auto same = HashingEmbedder{}.embedOne(query, {});
    ASSERT_TRUE(same);
    EXPECT_EQ(same->values, plain.values);
}

TEST(HashingEmbedder, FunctionWordsCountLessThanNames) {
    const auto a = embedded("the order of the day");
    EXPECT_GT(cosine(a, embedded("order day")), cosine(a, embedded("the of the")));
}

TEST(HashingEmbedder, EachModelHasItsDefaultSearchThreshold) {
    EXPECT_FLOAT_EQ(defaultSearchThreshold(HashingEmbedder::kModel, false),
                    HashingEmbedder::kDefaultThreshold);
    EXPECT_FLOAT_EQ(defaultSearchThreshold("devos-hash-v1-1024", false), 0.7F);
    EXPECT_FLOAT_EQ(defaultSearchThreshold("BAAI/bge-large-en-v1.5", false), 0.7F);
    EXPECT_FLOAT_EQ(defaultSearchThreshold(HashingEmbedder::kModel, true), 0.7F);
}

TEST(HashingEmbedder, SplitsIdentifiersSoSpellingsOfOneNameMatch) {
    const auto a = embedded("OrderRepo::saveAll");
    EXPECT_GT(cosine(a, embedded("order_repo save_all")), cosine(a, embedded("payment gateway refund")));
}

TEST(HashingEmbedder, NearDuplicatesScoreHigherThanUnrelatedTexts) {
    const auto a = embedded("segfault in OrderRepo::save at 0x7ffe12 (order_repo.cpp:42)");
    const auto near = embedded("Segfault in OrderRepo::save at 0x55aa90 (order_repo.cpp:57)");
    const auto other = embedded("timeout waiting for database connection after 30s");
    EXPECT_GT(cosine(a, near), 0.7F);
    EXPECT_LT(cosine(a, other), 0.3F);
}

TEST(HashingEmbedder, IsCaseInsensitive) {
    EXPECT_NEAR(cosine(embedded("Null Pointer"), embedded("null pointer")), 1.0F, 1e-6F);
}

TEST(HashingEmbedder, RejectsATextWithoutFeaturesAndNamesIt) {
    const std::vector<std::string> texts{"fine text", " "};
    const auto result = HashingEmbedder{}.embed(texts);
    ASSERT_FALSE(result.has_value());
    EXPECT_NE(result.error().message.find("text 1"), std::string::npos);
}

} // namespace
} // namespace devos::logic
