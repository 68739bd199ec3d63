#include <devos/logic/text_lines.hpp>
#include <devos/logic/unified_diff.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

// Applies parsed hunks at their stated lines (an exact `patch`), to check the diff describes after.
std::string applyExactly(const std::string& before, const FilePatch& patch) {
    TextLines text = splitLines(before);
    std::vector<std::string> out;
    std::size_t next = 0; // 0-based index of the next unconsumed old line
    bool finalNewline = text.finalNewline;
    for (const auto& h : patch.hunks) {
        const std::size_t start =
            h.oldCount == 0 ? static_cast<std::size_t>(h.oldStart) : static_cast<std::size_t>(h.oldStart - 1);
        while (next < start)
            out.push_back(text.lines[next++]);
        for (const auto& l : h.lines) {
            if (l.kind != '+') {
                EXPECT_EQ(text.lines[next], l.text);
                ++next;
            }
            if (l.kind != '-') {
                out.push_back(l.text);
                finalNewline = !l.noNewline;
            }
        }
    }
    while (next < text.lines.size())
        out.push_back(text.lines[next++]);
    return joinLines({out, finalNewline});
}

std::string numbered(int from, int to) {
    std::string s;
    for (int i = from; i <= to; ++i)
        s += "line " + std::to_string(i) + "\n";
    return s;
}

} // namespace

TEST(UnifiedDiff, OneChangedLineWithThreeLinesOfContext) {
    const contracts::CodeDiff d{"src/a.cpp", numbered(1, 10), numbered(1, 4) + "LINE 5\n" + numbered(6, 10)};
    EXPECT_EQ(unifiedDiff(d),
              "diff --git a/src/a.cpp b/src/a.cpp\n--- a/src/a.cpp\n+++ b/src/a.cpp\n"
              "@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+LINE 5\n line 6\n line 7\n line 8\n");
    EXPECT_EQ(unifiedDiff(contracts::CodeDiff{"x", "same\n", "same\n"}), "");
}

TEST(UnifiedDiff, DistantChangesGetTheirOwnHunksAndCloseOnesMerge) {
    std::string after = numbered(1, 30);
    after.replace(after.find("line 2\n"), 7, "two\n");
    after.replace(after.find("line 25\n"), 8, "");
    const contracts::CodeDiff d{"a", numbered(1, 30), after};
    const auto patches = parseUnifiedDiff(unifiedDiff(d));
    ASSERT_TRUE(patches) << patches.error().render();
    ASSERT_EQ(patches->size(), 1u);
    EXPECT_EQ((*patches)[0].hunks.size(), 2u);
    EXPECT_EQ(applyExactly(d.before, (*patches)[0]), d.after);
    std::string close = numbered(1, 30);
    close.replace(close.find("line 10\n"), 8, "ten\n");
    close.replace(close.find("line 15\n"), 8, "fifteen\n");
    const auto merged = parseUnifiedDiff(unifiedDiff(contracts::CodeDiff{"a", numbered(1, 30), close}));
    ASSERT_TRUE(merged);
    EXPECT_EQ((*merged)[0].hunks.size(), 1u);
}

TEST(UnifiedDiff, RoundTripsInsertionsDeletionsAndTheFinalNewline) {
    const std::vector<contracts::CodeDiff> cases{
        {"a", "a\nb\nc\n", "x\na\nb\nc\n"},      // insert at the top
        {"a", "a\nb\nc\n", "a\nb\nc\nd\n"},      // append
        {"a", "a\nb\nc\n", "a\nc\n"},            // delete
        {"a", "a\nb\nc", "a\nb\nc\n"},           // add the final newline
        {"a", "a\nb\nc\n", "a\nb\nC"},           // change the last line and drop the newline
        {"a", "", "new\n"},                      // into an empty file
        {"a", numbered(1, 40), numbered(5, 44)}, // shifted
    };
    for (const auto& d : cases) {
        const std::string text = unifiedDiff(d);
        const auto patches = parseUnifiedDiff(text);
        ASSERT_TRUE(patches) << text;
        ASSERT_EQ(patches->size(), 1u) << text;
        EXPECT_EQ((*patches)[0].oldPath, "a");
        EXPECT_EQ(applyExactly(d.before, (*patches)[0]), d.after) << text;
    }
    EXPECT_NE(unifiedDiff(cases[3]).find("\\ No newline at end of file"), std::string::npos);
}

TEST(UnifiedDiff, StatsCountFilesAndLines) {
    const std::vector<contracts::CodeDiff> diffs{
        {"a", "x\ny\n", "x\nz\n"}, {"b", "p\n", "p\nq\nr\n"}, {"c", "s\n", "s\n"}};
    const auto stats = diffStats(diffs);
    EXPECT_EQ(stats.files, 2);
    EXPECT_EQ(stats.added, 3);
    EXPECT_EQ(stats.removed, 1);
    EXPECT_EQ(unifiedDiff(diffs).find("diff --git a/c"), std::string::npos);
}

TEST(UnifiedDiff, ParsesGitHeadersNewFilesAndBinaryNotes) {
    const auto patches =
        parseUnifiedDiff("diff --git a/src/new.cpp b/src/new.cpp\nnew file mode 100644\n"
                         "index 0000000..e69de29\n--- /dev/null\n+++ b/src/new.cpp\n@@ -0,0 +1,2 @@\n"
                         "+a\n+b\ndiff --git a/img.png b/img.png\nBinary files a/img.png and b/img.png "
                         "differ\ndiff --git a/old.cpp b/old.cpp\ndeleted file mode 100644\n"
                         "--- a/old.cpp\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n");
    ASSERT_TRUE(patches) << patches.error().render();
    ASSERT_EQ(patches->size(), 3u);
    EXPECT_EQ((*patches)[0].oldPath, "");
    EXPECT_EQ((*patches)[0].newPath, "src/new.cpp");
    EXPECT_EQ((*patches)[0].hunks[0].lines.size(), 2u);
    EXPECT_TRUE((*patches)[1].binary);
    EXPECT_EQ((*patches)[2].newPath, "");
    EXPECT_EQ((*patches)[2].hunks[0].oldCount, 1);
}

TEST(UnifiedDiff, RejectsHunksThatDisagreeWithTheirHeader) {
    auto shortHunk = parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n");
    ASSERT_FALSE(shortHunk);
    EXPECT_NE(shortHunk.error().message.find("fewer lines than its header"), std::string::npos);
    EXPECT_FALSE(parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n?b\n"));
    EXPECT_FALSE(parseUnifiedDiff("@@ -1 +1 @@\n-a\n+b\n"));
    EXPECT_FALSE(parseUnifiedDiff("--- a/x\n+++ b/x\n@@ -x +1 @@\n-a\n+b\n"));
    EXPECT_FALSE(parseUnifiedDiff("--- a/x\nnot plus\n"));
}

} // namespace devos::logic
