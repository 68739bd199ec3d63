#include "scan/file_type.hpp"

#include <gtest/gtest.h>

namespace devos::scan {
namespace {

using namespace std::string_view_literals;

TEST(FileType, ExecutableFormatsByMagic) {
    EXPECT_EQ(executableFormat("\x7f"
                               "ELF\x02\x01\x01\0\0"sv),
              "ELF");
    EXPECT_EQ(executableFormat("MZ\x90\0\x03\0"sv), "PE");
    EXPECT_EQ(executableFormat("MZ is a text file"sv), ""); // no NUL: not a PE image
    EXPECT_EQ(executableFormat("\xcf\xfa\xed\xfe\x07\0\0\x01"sv), "Mach-O");
    EXPECT_EQ(executableFormat("!<arch>\n/               0"sv), "ar archive");
    EXPECT_EQ(executableFormat("int main() {}\n"sv), "");
}

TEST(FileType, BinaryMeansANulByteInTheFirstBytes) {
    EXPECT_TRUE(looksBinary("PNG\0\x1a"sv));
    EXPECT_FALSE(looksBinary("plain text\n"sv));
    std::string late(kBinaryProbeBytes, 'a');
    late += '\0';
    EXPECT_FALSE(looksBinary(late));
}

TEST(FileType, BuildOutputsByExtension) {
    EXPECT_EQ(buildOutputExtension("src/logic/pricing.o"), ".o");
    EXPECT_EQ(buildOutputExtension("lib/LIBX.A"), ".a");
    EXPECT_EQ(buildOutputExtension("lib/libx.so.1.2.3"), ".so");
    EXPECT_EQ(buildOutputExtension("pch/all.hpp.gch"), ".gch");
    EXPECT_EQ(buildOutputExtension("tool.exe"), ".exe");
    EXPECT_EQ(buildOutputExtension("src/logic/pricing.cpp"), "");
    EXPECT_EQ(buildOutputExtension("docs/so.md"), "");
    EXPECT_EQ(buildOutputExtension(".o"), ""); // a dot file, not an object
    EXPECT_TRUE(isCxxSource("src/a.CPP"));
    EXPECT_TRUE(isCxxSource("include/x/y.hpp"));
    EXPECT_FALSE(isCxxSource("CMakeLists.txt"));
}

TEST(FileType, CrlfAndInvalidUtf8AreFoundWithTheirPosition) {
    EXPECT_EQ(firstCrlf("a\nbc\r\nd\r\n"), (TextPosition{2, 3}));
    EXPECT_FALSE(firstCrlf("a\nb"));
    EXPECT_FALSE(firstInvalidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n"));
    EXPECT_EQ(firstInvalidUtf8("ok\ncaf\xe9\n"), (TextPosition{2, 4})); // Latin-1
    EXPECT_EQ(firstInvalidUtf8("\xc0\xaf"), (TextPosition{1, 1}));      // overlong '/'
    EXPECT_EQ(firstInvalidUtf8("x\xed\xa0\x80"), (TextPosition{1, 2})); // a surrogate
    EXPECT_EQ(firstInvalidUtf8("abc\xe2\x82"), (TextPosition{1, 4}));   // cut short
    EXPECT_EQ(lineAt("one\r\ntwo\nthree", 2), "two");
    EXPECT_EQ(lineAt("one", 3), "");
}

} // namespace
} // namespace devos::scan
