#include <devos/engine/glob.hpp>
#include <gtest/gtest.h>

using devos::engine::namePatternMatch;

TEST(GlobMatch, IsTheFoundationsMatcher) {
    EXPECT_TRUE(devos::engine::globMatch("src/logic/**", "src/logic/x/a.cpp"));
}

TEST(NamePattern, GlobalAndPrefixPatterns) {
    EXPECT_TRUE(namePatternMatch("::time", "time"));
    EXPECT_FALSE(namePatternMatch("::time", "orders::time"));
    EXPECT_TRUE(namePatternMatch("std::*", "std::sort"));
    EXPECT_TRUE(namePatternMatch("std::filesystem::*", "std::filesystem::exists"));
    EXPECT_FALSE(namePatternMatch("std::filesystem::*", "std::sort"));
    EXPECT_TRUE(namePatternMatch("::pthread_*", "pthread_create"));
}
