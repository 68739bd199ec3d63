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
    EXPECT_EQ(e.model, "devos-hash-v1-1024");
    EXPECT_EQ(e.dims(), 1024U);
    EXPECT_NEAR(cosine(e, e), 1.0F, 1e-6F);
}

// Pinned values: a change here changes every stored vector, so it needs a new model name. The text
// has 6 word features (segfault, in, orderrepo::save, order, repo, save) of weight 1 and 25 3-grams of
// weight 0.25, without collisions: norm sqrt(6 + 25/16) = 2.75, so words are +-1/2.75, 3-grams +-1/11.
TEST(HashingEmbedder, OutputValuesAreStable) {
    const auto e = embedded("segfault in OrderRepo::save");
    std::vector<std::pair<std::size_t, float>> words;
    std::size_t trigrams = 0;
    for (std::size_t i = 0; i < e.dims(); ++i) {
        if (std::abs(e.values[i]) > 0.2F) {
            words.emplace_back(i, e.values[i]);
        } else if (e.values[i] != 0.0F) {
            EXPECT_FLOAT_EQ(std::abs(e.values[i]), 1.0F / 11.0F);
            ++trigrams;
        }
    }
    const float w = 1.0F / 2.75F;
    EXPECT_EQ(words, (std::vector<std::pair<std::size_t, float>>{
                         {59, w}, {267, -w}, {343, -w}, {459, w}, {618, -w}, {984, w}}));
    EXPECT_EQ(trigrams, 25U);
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
