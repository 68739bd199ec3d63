#include <algorithm>
#include <devos/logic/proof_commands.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

const char* kCache = R"(# This is the CMakeCache file.
// Build type
CMAKE_BUILD_TYPE:STRING=Debug
CMAKE_CXX_COMPILER:FILEPATH=/usr/bin/clang++-19
CMAKE_CXX_COMPILER-ADVANCED:INTERNAL=1
CMAKE_CXX_COMPILER_LAUNCHER:STRING=ccache
CMAKE_INSTALL_PREFIX:PATH=/usr/local
CMAKE_PREFIX_PATH:UNINITIALIZED=/opt/devos
CMAKE_GENERATOR:INTERNAL=Ninja
CMAKE_HOME_DIRECTORY:INTERNAL=/home/u/orders
DevOS_DIR:UNINITIALIZED=/opt/devos/lib/cmake/DevOS
GTest_DIR:PATH=GTest_DIR-NOTFOUND
ORDERS_WITH_DEVOS:BOOL=ON
ORDERS_TOOLCHAIN:FILEPATH=/home/u/orders/cmake/tc.cmake
FETCHCONTENT_BASE_DIR:PATH=/home/u/orders/build/_deps
SQLITE_LIBRARY:FILEPATH=/usr/lib/libsqlite3.so
SQLITE_LIBRARY-ADVANCED:INTERNAL=1
"QUOTED NAME":STRING=x
orders_BINARY_DIR:STATIC=/home/u/orders/build
)";

} // namespace

TEST(ProofCommands, ParsesCacheEntriesAndAdvancedMarks) {
    const auto entries = parseCMakeCache(kCache);
    EXPECT_EQ(cacheValue(entries, "CMAKE_GENERATOR"), "Ninja");
    EXPECT_EQ(cacheValue(entries, "QUOTED NAME"), "x");
    EXPECT_FALSE(cacheValue(entries, "NOPE"));
    const auto compiler = std::ranges::find(entries, "CMAKE_CXX_COMPILER", &contracts::CMakeCacheEntry::name);
    ASSERT_NE(compiler, entries.end());
    EXPECT_TRUE(compiler->advanced);
    EXPECT_EQ(compiler->type, "FILEPATH");
}

TEST(ProofCommands, ConfiguresTheWorktreeLikeTheUsersBuild) {
    const auto entries = parseCMakeCache(kCache);
    const auto args = configureArguments(entries, "/home/u/orders/build", "/home/u/orders", "/wt");
    EXPECT_EQ(args, (std::vector<std::string>{
                        "-G", "Ninja", "-DCMAKE_BUILD_TYPE:STRING=Debug",
                        "-DCMAKE_CXX_COMPILER:FILEPATH=/usr/bin/clang++-19",
                        "-DCMAKE_CXX_COMPILER_LAUNCHER:STRING=ccache",
                        "-DCMAKE_PREFIX_PATH:UNINITIALIZED=/opt/devos",
                        "-DDevOS_DIR:UNINITIALIZED=/opt/devos/lib/cmake/DevOS", "-DORDERS_WITH_DEVOS:BOOL=ON",
                        "-DORDERS_TOOLCHAIN:FILEPATH=/wt/cmake/tc.cmake", "-DQUOTED NAME:STRING=x"}));
}

TEST(ProofCommands, ExactTestRegexEscapesEverything) {
    EXPECT_EQ(exactTestRegex("Pricing.Rounds"), "^Pricing\\.Rounds$");
    EXPECT_EQ(exactTestRegex("Inst/T.A/0(x)+[y]"), "^Inst/T\\.A/0\\(x\\)\\+\\[y\\]$");
}

TEST(ProofCommands, ReadsCtestSummaries) {
    auto s = parseCtestSummary(
        "...\n100% tests passed, 0 tests failed out of 41\n\nTotal Test time (real) = 1.2 sec\n");
    EXPECT_TRUE(s.found);
    EXPECT_EQ(s.failed, 0);
    EXPECT_EQ(s.total, 41);
    s = parseCtestSummary("67% tests passed, 1 tests failed out of 3\n");
    EXPECT_EQ(s.failed, 1);
    EXPECT_EQ(s.total, 3);
    EXPECT_FALSE(parseCtestSummary("No tests were found!!!\n").found);
    EXPECT_FALSE(parseCtestSummary("").found);
}

TEST(ProofCommands, CommandTemplatesQuoteTheirValues) {
    EXPECT_EQ(shellQuote("it's"), "'it'\\''s'");
    EXPECT_EQ(expandCommand("ctest --test-dir {build} -R {test} # {other}", "/s", "/b x", "A.B"),
              "ctest --test-dir '/b x' -R 'A.B' # {other}");
    EXPECT_EQ(expandCommand("cmake -S {source}", "/s", "", ""), "cmake -S '/s'");
}

TEST(ProofCommands, OutputTailKeepsTheLastLines) {
    EXPECT_EQ(outputTail("a\n\nb\nc\nd\n", 2), "c\nd\n");
    EXPECT_EQ(outputTail("a\n", 5), "a\n");
}

} // namespace devos::logic
