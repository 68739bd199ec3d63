#include <devos/foundation/text.hpp>
#include <gtest/gtest.h>

using namespace devos::foundation;

TEST(Text, LowerChangesOnlyAsciiLetters) {
    EXPECT_EQ(lower("MIT/Äpfel-GPL_2.0+"), "mit/Äpfel-gpl_2.0+");
}

TEST(Text, TrimRemovesAsciiWhitespaceAtBothEnds) {
    EXPECT_EQ(trim(" \t\r\n a b \f\v\n"), "a b");
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trimLeft("  a "), "a ");
    EXPECT_EQ(trimRight("  a \r"), "  a");
}

TEST(Text, LineOfOffsetCountsTheNewlinesBeforeTheByte) {
    std::string_view text = "ab\ncd\n\nef";
    EXPECT_EQ(lineOfOffset(text, 0), 1u);
    EXPECT_EQ(lineOfOffset(text, 2), 1u); // the newline ending line 1 is on line 1
    EXPECT_EQ(lineOfOffset(text, 3), 2u);
    EXPECT_EQ(lineOfOffset(text, 6), 3u);
    EXPECT_EQ(lineOfOffset(text, 7), 4u);
    EXPECT_EQ(lineOfOffset(text, 100), 4u);
}

TEST(Text, TruncateKeepsWholeUtf8CharactersAndFitsTheMarker) {
    EXPECT_EQ(truncateUtf8("short", 10, "…"), "short");
    // "añb": the cut at 2 would split ñ (2 bytes at offsets 1-2): it moves back to 1.
    EXPECT_EQ(truncateUtf8("añbcdef", 5, "..."), "a...");
    std::string cut = truncateUtf8("ééééé", 7, "…"); // é is 2 bytes, … is 3
    EXPECT_EQ(cut, "éé…");
    EXPECT_LE(cut.size(), 7u);
    EXPECT_EQ(truncateUtf8("abcdef", 3), "abc");
    EXPECT_EQ(truncateUtf8("abcdef", 2, "[cut]"), "[c");
}

TEST(Text, Utf8TailStartsOnACharacterBoundary) {
    EXPECT_EQ(utf8Tail("abc", 10), "abc");
    EXPECT_EQ(utf8Tail("abcdef", 2), "ef");
    EXPECT_EQ(utf8Tail("xéy", 3), "éy");
    EXPECT_EQ(utf8Tail("xéy", 2), "y"); // 2 bytes would start inside é
}

TEST(Text, PercentEncodeKeepsUnreservedAndTheGivenBytes) {
    EXPECT_EQ(percentEncode("a b/c+d:é~"), "a%20b%2Fc%2Bd%3A%C3%A9~");
    EXPECT_EQ(percentEncode("/src/my file.cpp", "/"), "/src/my%20file.cpp");
    EXPECT_EQ(percentEncode("1:2.0+dfsg-1", ":"), "1:2.0%2Bdfsg-1");
}

TEST(Text, ValidUtf8ReplacesEachBadByteAndKeepsValidText) {
    EXPECT_EQ(validUtf8("plain ascii, é, 中, 😀"), "plain ascii, é, 中, 😀");
    EXPECT_EQ(validUtf8("a\xFF"
                        "b"),
              "a\uFFFD"
              "b");                                                       // a byte no sequence starts with
    EXPECT_EQ(validUtf8("\x80"), "\uFFFD");                               // a stray continuation byte
    EXPECT_EQ(validUtf8("\xC3"), "\uFFFD");                               // cut at the end
    EXPECT_EQ(validUtf8("\xC0\xAF"), "\uFFFD\uFFFD");                     // overlong '/'
    EXPECT_EQ(validUtf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");           // a surrogate
    EXPECT_EQ(validUtf8("\xF4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD"); // above U+10FFFF
    EXPECT_EQ(validUtf8(std::string_view("a\0b", 3)), std::string("a\0b", 3));
}

TEST(Text, FirstInvalidUtf8IsTheOffsetOfTheFirstBadByte) {
    EXPECT_EQ(firstInvalidUtf8("plain ascii, é, 中, 😀"), std::nullopt);
    EXPECT_EQ(firstInvalidUtf8(""), std::nullopt);
    EXPECT_EQ(firstInvalidUtf8("ab\xFF"), 2u);
    EXPECT_EQ(firstInvalidUtf8("é\xC3"), 2u);         // cut at the end
    EXPECT_EQ(firstInvalidUtf8("x\xED\xA0\x80"), 1u); // a surrogate
    EXPECT_EQ(firstInvalidUtf8("\xC0\xAF"), 0u);      // overlong '/'
}

TEST(Text, FirstNonTextByteFindsControlBytesAndInvalidUtf8WhicheverComesFirst) {
    EXPECT_EQ(firstNonTextByte("key: value\n\tindented\r\n"), std::nullopt);
    EXPECT_EQ(firstNonTextByte("\xEF\xBB\xBFtier: 1\n"), std::nullopt); // a BOM is text
    EXPECT_EQ(firstNonTextByte(std::string_view("ab\0c", 4)), 2u);
    EXPECT_EQ(firstNonTextByte("a\x7F"), 1u);
    EXPECT_EQ(firstNonTextByte("a\x01\xFF"), 1u);
    EXPECT_EQ(firstNonTextByte("a\xFF\x01"), 1u);
    EXPECT_EQ(firstNonTextByte(",\xA4\x02"), 1u);
}

TEST(Text, IncludeDirectivesSkipCommentsMacrosAndEmptySpellings) {
    const std::string text = "#include \"logic/a.hpp\"\n"
                             "  #  include <vector>\n"
                             "// #include \"adapters/no.hpp\"\n"
                             "/* #include \"adapters/no.hpp\"\n"
                             "   #include \"adapters/no2.hpp\" */\n"
                             "#include MACRO_HEADER\n"
                             "#include_next <x.h>\n"
                             "/* c */ #include \"ports/p.hpp\" // x\r\n";
    std::vector<std::pair<std::string, unsigned>> found;
    for (const auto& directive : includeDirectives(text))
        found.emplace_back(directive.header, directive.line);
    EXPECT_EQ(found, (std::vector<std::pair<std::string, unsigned>>{
                         {"logic/a.hpp", 1}, {"vector", 2}, {"ports/p.hpp", 8}}));
    EXPECT_TRUE(includeDirectives("#include \"\"\n#include <unterminated\n").empty());
}
