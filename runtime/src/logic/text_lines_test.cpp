#include <devos/logic/text_lines.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(TextLines, SplitAndJoinRoundTrip) {
    for (std::string_view text : {"", "a\n", "a\nb\n", "a\nb", "\n\n", "x"}) {
        EXPECT_EQ(joinLines(splitLines(text)), text) << text;
    }
    EXPECT_EQ(splitLines("a\nb\n").lines, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(splitLines("a\nb\n").finalNewline);
    EXPECT_FALSE(splitLines("a\nb").finalNewline);
    EXPECT_TRUE(splitLines("").lines.empty());
}

TEST(TextLines, WhitespaceHelpers) {
    EXPECT_EQ(indentationOf("\t  x = 1;"), "\t  ");
    EXPECT_EQ(indentationOf("x"), "");
    EXPECT_EQ(withoutWhitespace("  return a + b;\r"), "returna+b;");
    EXPECT_EQ(withoutWhitespace("return a+b;"), "returna+b;");
}

} // namespace devos::logic
