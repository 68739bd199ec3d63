#include "codemodel/call_site.hpp"

#include <gtest/gtest.h>

namespace devos::codemodel {
namespace {

TEST(CallSite, FirstArgumentOfAOneLineCall) {
    EXPECT_EQ(firstCallArgument("project(x)\ntarget_link_libraries(logic PRIVATE db)\n", 2,
                                "target_link_libraries"),
              "logic");
}

TEST(CallSite, FirstArgumentOnTheNextLineAfterAComment) {
    std::string text = "  TARGET_LINK_LIBRARIES ( # why\n  \"core lib\"\n PUBLIC x)\n";
    EXPECT_EQ(firstCallArgument(text, 1, "target_link_libraries"), "core lib");
}

TEST(CallSite, NothingForAVariableAWrongLineOrAnotherCommand) {
    EXPECT_EQ(firstCallArgument("target_link_libraries(${name} PRIVATE db)\n", 1, "target_link_libraries"),
              "");
    EXPECT_EQ(firstCallArgument("target_link_libraries(a b)\n", 3, "target_link_libraries"), "");
    EXPECT_EQ(firstCallArgument("add_library(a b)\n", 1, "target_link_libraries"), "");
    EXPECT_EQ(firstCallArgument("target_link_libraries(a b)\n", 0, "target_link_libraries"), "");
}

TEST(CallSite, EveryArgumentAcrossLinesQuotesAndComments) {
    std::string text = "x()\ntarget_link_libraries(app PRIVATE # the core\n  core \"GTest::gtest_main\"\n"
                       "  ${EXTRA} ZLIB::ZLIB)\nadd_library(b)\n";
    EXPECT_EQ(
        callArguments(text, 2, "target_link_libraries"),
        (std::vector<std::string>{"app", "PRIVATE", "core", "GTest::gtest_main", "${EXTRA}", "ZLIB::ZLIB"}));
    EXPECT_TRUE(callArguments(text, 5, "target_link_libraries").empty());
    EXPECT_TRUE(callArguments("find_package()\n", 1, "find_package").empty());
}

} // namespace
} // namespace devos::codemodel
