#include "gates/diagnostic_line.hpp"

#include <gtest/gtest.h>

using namespace devos::gates;

TEST(DiagnosticLine, ReadsFileLineColumnLevelAndMessage) {
    auto d = parseDiagnosticLine(
        "src/logic/a.cpp:12:3: error: code should be clang-formatted [-Wclang-format-violations]");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->file, "src/logic/a.cpp");
    EXPECT_EQ(d->line, 12u);
    EXPECT_EQ(d->column, 3u);
    EXPECT_EQ(d->level, "error");
    EXPECT_EQ(d->message, "code should be clang-formatted [-Wclang-format-violations]");
    EXPECT_EQ(parseDiagnosticLine("b.hpp:1:1: warning: x")->level, "warning");
}

TEST(DiagnosticLine, OtherLinesAreNotDiagnostics) {
    for (std::string_view text : {"", "a.cpp:1: error: no column", "a.cpp:x:1: error: m",
                                  "a.cpp:1:2: note: see here", ":1:2: error: no file", "    int x = 1;",
                                  "a.cpp:1:2:error: no space", "C:\\src\\a.cpp:1:2: error: drive letter"})
        EXPECT_FALSE(parseDiagnosticLine(text)) << text;
}

TEST(DiagnosticLine, FindsEveryDiagnosticOfAnOutput) {
    auto lines = diagnosticLines("a.cpp:1:2: error: one\nb.cpp:3:4: warning: two\n"
                                 "    ^\nc.cpp:5:6: error: three");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].file, "a.cpp");
    EXPECT_EQ(lines[1].message, "two");
    EXPECT_EQ(lines[2].line, 5u);
}
