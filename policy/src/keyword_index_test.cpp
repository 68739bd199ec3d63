#include "keyword_index.hpp"

#include <gtest/gtest.h>

namespace devos::policy {
namespace {

std::vector<char> found(const KeywordIndex& index, std::string_view text, size_t count) {
    std::vector<char> marks(count, 0);
    index.mark(text, marks);
    return marks;
}

TEST(KeywordIndex, FindsEveryKeywordInAnyCaseInOnePass) {
    const KeywordIndex index({"he", "she", "his", "hers", "sk_live_"});
    EXPECT_EQ(found(index, "USHERS", 5), (std::vector<char>{1, 1, 0, 1, 0}));
    EXPECT_EQ(found(index, "this key: SK_LIVE_abc", 5), (std::vector<char>{0, 0, 1, 0, 1}));
    EXPECT_EQ(found(index, "nothing to see", 5), (std::vector<char>{0, 0, 0, 0, 0}));
    EXPECT_EQ(found(index, "", 5), (std::vector<char>{0, 0, 0, 0, 0}));
}

TEST(KeywordIndex, MatchesAcrossFailedPrefixesAndAtTheEnd) {
    const KeywordIndex index({"aab", "ab", "b://"});
    EXPECT_EQ(found(index, "aaab", 3), (std::vector<char>{1, 1, 0}));
    EXPECT_EQ(found(index, "xab://", 3), (std::vector<char>{0, 1, 1}));
}

TEST(KeywordIndex, NoKeywordsMarksNothing) {
    const KeywordIndex index({});
    std::vector<char> marks;
    index.mark("anything", marks);
    EXPECT_TRUE(marks.empty());
}

TEST(KeywordIndex, LowerAsciiLeavesOtherBytes) {
    EXPECT_EQ(lowerAscii("AbZ_\xC3\x89-9"), "abz_\xC3\x89-9");
}

} // namespace
} // namespace devos::policy
