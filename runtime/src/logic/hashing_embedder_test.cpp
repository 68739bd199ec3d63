#include <cmath>
#include <devos/logic/hashing_embedder.hpp>
#include <gtest/gtest.h>
#include <numeric>

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
    EXPECT_EQ(e.model, "devos-hash-v2-1024");
    EXPECT_EQ(e.dims(), 1024U);
    EXPECT_NEAR(cosine(e, e), 1.0F, 1e-6F);
}

// Pinned values: a change here changes every stored vector, so it needs a new model name. The text's
// word features: segfault, orderrepo::save and orderrepo (weight 1), save (1 as a segment + 0.5 as a
// part), order and repo (parts, 0.5), "in" (a function word, 0.3); 25 3-grams of weight 0.25; no
// collisions. Norm sqrt(3 + 2.25 + 0.5 + 0.09 + 25/16) = 2.7208.
TEST(HashingEmbedder, OutputValuesAreStable) {
    const auto e = embedded("segfault in OrderRepo::save");
    const float n = std::sqrt(3.0F + 2.25F + 0.5F + 0.09F + 25.0F / 16.0F);
    std::vector<std::pair<std::size_t, float>> words;
    std::size_t trigrams = 0;
    for (std::size_t i = 0; i < e.dims(); ++i) {
        if (std::abs(std::abs(e.values[i]) - 0.25F / n) < 1e-6F) {
            ++trigrams;
        } else if (e.values[i] != 0.0F) {
            words.emplace_back(i, e.values[i] * n);
        }
    }
    ASSERT_EQ(words.size(), 7U);
    const std::vector<std::pair<std::size_t, float>> expected{
        {59, 0.5F}, {263, 1.0F}, {267, -1.5F}, {343, -1.0F}, {459, 0.5F}, {618, -0.3F}, {984, 1.0F}};
    for (std::size_t i = 0; i < words.size(); ++i) {
        EXPECT_EQ(words[i].first, expected[i].first);
        EXPECT_NEAR(words[i].second, expected[i].second, 1e-5F) << "bucket " << words[i].first;
    }
    EXPECT_EQ(trigrams, 25U);
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
