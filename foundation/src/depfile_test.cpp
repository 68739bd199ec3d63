#include <devos/foundation/depfile.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <gtest/gtest.h>

using namespace devos::foundation;
namespace fs = std::filesystem;

namespace {

std::string escaped(std::string_view path) {
    auto out = escapeDepfilePath(path);
    return out ? *out : "<" + out.error().message + ">";
}

} // namespace

TEST(Depfile, EscapesSpacesDollarsAndHashes) {
    EXPECT_EQ(escaped("src/plain.cpp"), "src/plain.cpp");
    EXPECT_EQ(escaped("my dir/a b.cpp"), "my\\ dir/a\\ b.cpp");
    EXPECT_EQ(escaped("cost$1.cpp"), "cost$$1.cpp");
    EXPECT_EQ(escaped("issue#7.cpp"), "issue\\#7.cpp");
}

TEST(Depfile, DoublesTheBackslashesBeforeASpaceAndKeepsTheOthers) {
    EXPECT_EQ(escaped("a\\b"), "a\\b");             // a\b: literal
    EXPECT_EQ(escaped("a\\ b"), "a\\\\\\ b");       // a\ b: 2N+1 backslashes and the space
    EXPECT_EQ(escaped("a\\\\ b"), "a\\\\\\\\\\ b"); // a\\ b
    EXPECT_EQ(escaped("a\\#"), "a\\\\#");           // a\#: the backslash, then \#
    EXPECT_EQ(escaped("even\\\\"), "even\\\\");     // two trailing backslashes end the name
}

TEST(Depfile, RefusesPathsNoDepfileCanHold) {
    for (std::string_view path : {"a\nb", "a\rb", "a\tb", "trailing\\"}) {
        auto out = escapeDepfilePath(path);
        ASSERT_FALSE(out) << path;
        EXPECT_EQ(out.error().kind, ErrorKind::Invalid);
    }
}

TEST(Depfile, WritesTargetAndOneInputPerLine) {
    fs::path dir = fs::path(testing::TempDir()) / "devos-depfile-test";
    fs::remove_all(dir);
    std::string path = (dir / "sub" / "scan.d").string();
    ASSERT_TRUE(writeDepfile(path, "build/devos/scan stamp", {"/r/a b.cpp", "/r/$x"}));
    EXPECT_EQ(readTextFile(path).value_or(""), "build/devos/scan\\ stamp: \\\n  /r/a\\ b.cpp \\\n  /r/$$x\n");
}

TEST(Depfile, AnInputThatCannotBeWrittenNamesTheDepfileAndLeavesNoFile) {
    fs::path dir = fs::path(testing::TempDir()) / "devos-depfile-bad";
    fs::remove_all(dir);
    std::string path = (dir / "x.d").string();
    auto written = writeDepfile(path, "out", {"ok.cpp", "bad\nname.cpp"});
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().file, path);
    EXPECT_NE(written.error().message.find("bad\nname.cpp"), std::string::npos);
    EXPECT_FALSE(fs::exists(path));
}
