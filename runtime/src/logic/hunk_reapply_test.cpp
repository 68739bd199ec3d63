#include <devos/logic/hunk_reapply.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

// The fix as it was recorded: rounding.cpp at the fixing commit's parent and at the fix.
const std::string kBuggy = "#include \"rounding.hpp\"\n"
                           "\n"
                           "namespace ledger {\n"
                           "\n"
                           "long roundCents(long tenths) {\n"
                           "    const long whole = tenths / 10;\n"
                           "    return whole;\n"
                           "}\n"
                           "\n"
                           "long scale(long cents) {\n"
                           "    return cents * 100;\n"
                           "}\n"
                           "\n"
                           "} // namespace ledger\n";

std::string fixed(std::string text) {
    const std::string bad = "    return whole;\n";
    text.replace(text.find(bad), bad.size(), "    return whole + (tenths % 10 >= 5 ? 1 : 0);\n");
    return text;
}

FilePatch recordedFix() {
    auto patches =
        parseUnifiedDiff(unifiedDiff(contracts::CodeDiff{"src/logic/rounding.cpp", kBuggy, fixed(kBuggy)}));
    EXPECT_TRUE(patches);
    return patches->front();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

} // namespace

TEST(HunkReapply, ReappliesToTheSameCode) {
    auto r = reapplyFilePatch(recordedFix(), kBuggy);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->after, fixed(kBuggy));
    EXPECT_EQ(r->maxShift, 0);
    EXPECT_FALSE(r->whitespaceDiffered);
    EXPECT_EQ(r->contextMismatches, 0);
}

TEST(HunkReapply, ToleratesMovedLines) {
    const std::string above = "long unrelated(long a) {\n    return a;\n}\n\n";
    std::string today = replaced(kBuggy, "long roundCents", above + above + above + "long roundCents");
    auto r = reapplyFilePatch(recordedFix(), today);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->after, fixed(today));
    EXPECT_EQ(r->maxShift, 12);
}

TEST(HunkReapply, ToleratesChangedWhitespaceAndKeepsTodaysIndentation) {
    std::string today = replaced(kBuggy, "    const long whole = tenths / 10;\n    return whole;\n",
                                 "  const long whole = tenths/10;\n  return  whole;\n");
    auto r = reapplyFilePatch(recordedFix(), today);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r->whitespaceDiffered);
    EXPECT_EQ(r->after,
              replaced(today, "  return  whole;\n", "  return whole + (tenths % 10 >= 5 ? 1 : 0);\n"));
}

TEST(HunkReapply, ToleratesARenamedNeighbour) {
    std::string today = replaced(kBuggy, "long scale(long cents)", "long scaleToMillis(long cents)");
    today = replaced(today, "    const long whole = tenths / 10;",
                     "    const long whole = tenths / 10; // units");
    auto r = reapplyFilePatch(recordedFix(), today);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_GT(r->contextMismatches, 0);
    EXPECT_EQ(r->after,
              replaced(today, "    return whole;\n", "    return whole + (tenths % 10 >= 5 ? 1 : 0);\n"));
}

TEST(HunkReapply, RefusesWhenTheChangedLinesAreGoneOrOnlyPartlyThere) {
    auto gone =
        reapplyFilePatch(recordedFix(), replaced(kBuggy, "    return whole;\n", "    return tenths;\n"));
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().rule, "playbook.no-match");
    // Both lines of a two-line change must match, not one of them.
    auto patch = parseUnifiedDiff(unifiedDiff(
        contracts::CodeDiff{"f.cpp", "a();\nb();\nc();\nd();\ne();\n", "a();\nB();\nC();\nd();\ne();\n"}));
    ASSERT_TRUE(patch);
    auto partial = reapplyFilePatch(patch->front(), "a();\nb();\nx();\nd();\ne();\n");
    ASSERT_FALSE(partial);
    EXPECT_EQ(partial.error().rule, "playbook.no-match");
}

TEST(HunkReapply, RefusesAFixThatIsAlreadyInPlace) {
    auto r = reapplyFilePatch(recordedFix(), fixed(kBuggy));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().rule, "playbook.already-applied");
}

TEST(HunkReapply, RefusesToWriteANameTodaysFileNoLongerHas) {
    const std::string before = "int f(const Order* order) {\n    audit();\n    return order->total;\n}\n";
    const std::string after =
        "int f(const Order* order) {\n    if (order == nullptr)\n        return 0;\n    audit();\n"
        "    return order->total;\n}\n";
    auto patch = parseUnifiedDiff(unifiedDiff(contracts::CodeDiff{"f.cpp", before, after}));
    ASSERT_TRUE(patch);
    const std::string renamed =
        "int f(const Order* current) {\n    audit();\n    return current->total;\n}\n";
    auto r = reapplyFilePatch(patch->front(), renamed);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().rule, "playbook.renamed");
    EXPECT_NE(r.error().message.find("`order`"), std::string::npos);
    EXPECT_TRUE(
        reapplyFilePatch(patch->front(), before)); // a name new to the fix is fine: nullptr was not old
}

TEST(HunkReapply, AUniqueDistinctiveBlockNeedsNoContext) {
    const std::string before = "void a() {\n    first();\n    launchTheRocket(now);\n    second();\n}\n";
    const std::string after = "void a() {\n    first();\n    launchTheRocket(later);\n    second();\n}\n";
    auto patch = parseUnifiedDiff(unifiedDiff(contracts::CodeDiff{"f.cpp", before, after}));
    ASSERT_TRUE(patch);
    const std::string today =
        "void b() {\n    other();\n    launchTheRocket(now);\n    more();\n}\n"; // every neighbour new
    auto r = reapplyFilePatch(patch->front(), today);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->after, "void b() {\n    other();\n    launchTheRocket(later);\n    more();\n}\n");
}

TEST(HunkReapply, RefusesAnAmbiguousPlace) {
    const std::string twice = "void f() {\n    x = 1;\n}\n\nvoid g() {\n    x = 1;\n}\n";
    auto patch = parseUnifiedDiff(
        unifiedDiff(contracts::CodeDiff{"f.cpp", "{\n    x = 1;\n}\n", "{\n    x = 2;\n}\n"}));
    ASSERT_TRUE(patch);
    auto r = reapplyFilePatch(patch->front(), twice);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().rule, "playbook.ambiguous");
}

TEST(HunkReapply, ContextDecidesBetweenTwoCandidates) {
    const std::string twice = "void f() {\n    x = 1;\n}\n\nvoid g() {\n    x = 1;\n}\n";
    auto patch = parseUnifiedDiff(unifiedDiff(
        contracts::CodeDiff{"f.cpp", twice, replaced(twice, "g() {\n    x = 1;", "g() {\n    x = 2;")}));
    ASSERT_TRUE(patch);
    const std::string today = "int y;\n" + twice;
    auto r = reapplyFilePatch(patch->front(), today);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->after, replaced(today, "g() {\n    x = 1;", "g() {\n    x = 2;"));
}

TEST(HunkReapply, PlacesAPureInsertionByItsContext) {
    const std::string before = "int f(int* p) {\n    use(p);\n    return *p;\n}\n";
    const std::string after =
        "int f(int* p) {\n    if (!p)\n        return 0;\n    use(p);\n    return *p;\n}\n";
    auto patch = parseUnifiedDiff(unifiedDiff(contracts::CodeDiff{"f.cpp", before, after}));
    ASSERT_TRUE(patch);
    const std::string today = "// moved\n\n" + before;
    auto r = reapplyFilePatch(patch->front(), today);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->after, "// moved\n\n" + after);
}

TEST(HunkReapply, RefusesNewDeletedRenamedAndBinaryFiles) {
    FilePatch created{"", "src/new.cpp", false, {}};
    EXPECT_EQ(reapplyFilePatch(created, "").error().rule, "playbook.file-kind");
    FilePatch binary{"img.png", "img.png", true, {}};
    EXPECT_EQ(reapplyFilePatch(binary, "").error().rule, "playbook.file-kind");
    FilePatch renamed{"a.cpp", "b.cpp", false, {}};
    EXPECT_EQ(reapplyFilePatch(renamed, "").error().rule, "playbook.file-kind");
}

TEST(HunkReapply, CoveringBlockIsUniqueAndReproducesTheChange) {
    const std::string before = "}\n}\nx = 1;\n}\n}\n";
    const std::string after = "}\n}\nx = 2;\n}\n}\n";
    const auto block = coveringBlock("f.cpp", before, after);
    EXPECT_EQ(block.search, "x = 1;\n");
    EXPECT_EQ(block.replace, "x = 2;\n");
    const std::string repeated = "a\nb\na\nc\n";
    const auto grown = coveringBlock("f.cpp", repeated, "a\nb\nA\nc\n");
    const std::vector<SearchReplaceBlock> blocks{grown};
    const std::vector<contracts::SourceFile> files{{"f.cpp", repeated}};
    auto applied = applySearchReplace(blocks, files);
    ASSERT_TRUE(applied) << applied.error().message;
    EXPECT_EQ(applied->front().after, "a\nb\nA\nc\n");
}

} // namespace devos::logic
