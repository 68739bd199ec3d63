#include <devos/logic/search_replace.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

const std::vector<contracts::SourceFile> kFiles{
    {"src/logic/rounding.cpp",
     "int round(int x) {\n    return x / 2;\n}\n\nint twice(int x) {\n    return x * 2;\n}\n"},
    {"src/logic/dup.cpp", "a;\nb;\na;\n"}};

contracts::Rejection rejectionOf(std::string_view answer) {
    auto parsed = parseSearchReplace(answer);
    EXPECT_FALSE(parsed);
    return parsed ? contracts::Rejection{} : parsed.error();
}

} // namespace

TEST(SearchReplace, ParsesBlocksWithFencesAndBlankLines) {
    auto blocks =
        parseSearchReplace("```\nsrc/a.cpp\n<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\n```\n\n"
                           "src/b.cpp\n<<<<<<< SEARCH\nx\ny\n=======\n>>>>>>> REPLACE\n");
    ASSERT_TRUE(blocks) << blocks.error().message;
    ASSERT_EQ(blocks->size(), 2u);
    EXPECT_EQ((*blocks)[0], (SearchReplaceBlock{"src/a.cpp", "old\n", "new\n", 2}));
    EXPECT_EQ((*blocks)[1], (SearchReplaceBlock{"src/b.cpp", "x\ny\n", "", 10}));
}

TEST(SearchReplace, RejectsAnythingButBlocks) {
    auto prose =
        rejectionOf("Sure! Here is the fix:\nsrc/a.cpp\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n");
    EXPECT_EQ(prose.rule, "answer.format");
    EXPECT_EQ(prose.line, 1u);
    EXPECT_NE(prose.message.find("answer line 1: expected a file path"), std::string::npos);
    EXPECT_EQ(rejectionOf("").message, "answer line 1: the answer holds no search/replace block");
    EXPECT_NE(rejectionOf("src/a.cpp\n<<<<<<< SEARCH\na\n").message.find("no '=======' line"),
              std::string::npos);
    EXPECT_NE(rejectionOf("src/a.cpp\n<<<<<<< SEARCH\na\n=======\nb\n").message.find("no '>>>>>>> REPLACE'"),
              std::string::npos);
    EXPECT_NE(
        rejectionOf("src/a.cpp\n<<<<<<< SEARCH\n=======\nb\n>>>>>>> REPLACE\n").message.find("is empty"),
        std::string::npos);
    EXPECT_NE(
        rejectionOf("<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n").message.find("without a file path"),
        std::string::npos);
    EXPECT_NE(
        rejectionOf("src/a.cpp\n<<<<<<< SEARCH\na\n<<<<<<< SEARCH\n").message.find("expected '======='"),
        std::string::npos);
    EXPECT_NE(rejectionOf("src/a.cpp\n<<<<<<< SEARCH\na\n=======\n=======\n")
                  .message.find("expected '>>>>>>> REPLACE'"),
              std::string::npos);
    EXPECT_EQ(rejectionOf("diff --git a/x b/x\n--- a/x\n+++ b/x\n").rule, "answer.format");
}

TEST(SearchReplace, AppliesBlocksInOrderAndComputesWholeFiles) {
    auto blocks = parseSearchReplace(
        "src/logic/rounding.cpp\n<<<<<<< SEARCH\n    return x / 2;\n=======\n"
        "    return (x + 1) / 2;\n>>>>>>> REPLACE\nsrc/logic/rounding.cpp\n"
        "<<<<<<< SEARCH\n    return x * 2;\n=======\n    return x + x;\n>>>>>>> REPLACE\n");
    ASSERT_TRUE(blocks);
    auto diffs = applySearchReplace(*blocks, kFiles);
    ASSERT_TRUE(diffs) << diffs.error().message;
    ASSERT_EQ(diffs->size(), 1u);
    EXPECT_EQ((*diffs)[0].path, "src/logic/rounding.cpp");
    EXPECT_EQ((*diffs)[0].before, kFiles[0].content);
    EXPECT_EQ((*diffs)[0].after,
              "int round(int x) {\n    return (x + 1) / 2;\n}\n\nint twice(int x) {\n    return x + x;\n}\n");
}

TEST(SearchReplace, SearchMustMatchExactlyOnce) {
    std::vector<SearchReplaceBlock> missing{{"src/logic/rounding.cpp", "return x / 2;\n", "y\n", 1}};
    auto notFound = applySearchReplace(missing, kFiles); // indentation differs: not the same lines
    ASSERT_FALSE(notFound);
    EXPECT_EQ(notFound.error().rule, "answer.search-not-found");
    std::vector<SearchReplaceBlock> twice{{"src/logic/dup.cpp", "a;\n", "c;\n", 4}};
    auto ambiguous = applySearchReplace(twice, kFiles);
    ASSERT_FALSE(ambiguous);
    EXPECT_EQ(ambiguous.error().rule, "answer.search-ambiguous");
    EXPECT_NE(ambiguous.error().message.find("occurs 2 times"), std::string::npos);
    std::vector<SearchReplaceBlock> unknown{{"src/other.cpp", "a;\n", "c;\n", 1}};
    EXPECT_EQ(applySearchReplace(unknown, kFiles).error().rule, "answer.unknown-file");
}

TEST(SearchReplace, ABlockThatChangesNothingYieldsNoDiff) {
    std::vector<SearchReplaceBlock> same{{"src/logic/dup.cpp", "b;\n", "b;\n", 1}};
    auto diffs = applySearchReplace(same, kFiles);
    ASSERT_TRUE(diffs);
    EXPECT_TRUE(diffs->empty());
}

TEST(SearchReplace, RenderedBlocksParseBack) {
    const std::vector<SearchReplaceBlock> blocks{{"a.cpp", "x\n", "y\n", 1}, {"b.cpp", "p\nq\n", "", 8}};
    auto parsed = parseSearchReplace(renderSearchReplace(blocks));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, blocks);
}

} // namespace devos::logic
