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

} // namespace
} // namespace devos::codemodel
