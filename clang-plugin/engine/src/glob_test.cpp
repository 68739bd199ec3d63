#include <devos/engine/glob.hpp>
#include <gtest/gtest.h>

using devos::engine::globMatch;
using devos::engine::namePatternMatch;

TEST(GlobMatch, DoubleStarSpansSegments) {
    EXPECT_TRUE(globMatch("src/logic/**", "src/logic/a.cpp"));
    EXPECT_TRUE(globMatch("src/logic/**", "src/logic/x/y/a.cpp"));
    EXPECT_FALSE(globMatch("src/logic/**", "src/logical/a.cpp"));
    EXPECT_FALSE(globMatch("src/logic/**", "lib/src/logic/a.cpp"));
}

TEST(GlobMatch, StarStaysInsideOneSegment) {
    EXPECT_TRUE(globMatch("include/*/logic/**", "include/orders/logic/pricing.hpp"));
    EXPECT_FALSE(globMatch("include/*/logic/**", "include/a/b/logic/pricing.hpp"));
    EXPECT_TRUE(globMatch("**/*_test.cpp", "a_test.cpp"));
    EXPECT_TRUE(globMatch("**/*_test.cpp", "src/x/a_test.cpp"));
    EXPECT_FALSE(globMatch("**/*_test.cpp", "src/x/a.cpp"));
    EXPECT_TRUE(globMatch("sys/*.h", "sys/time.h"));
}

TEST(NamePattern, GlobalAndPrefixPatterns) {
    EXPECT_TRUE(namePatternMatch("::time", "time"));
    EXPECT_FALSE(namePatternMatch("::time", "orders::time"));
    EXPECT_TRUE(namePatternMatch("std::*", "std::sort"));
    EXPECT_TRUE(namePatternMatch("std::filesystem::*", "std::filesystem::exists"));
    EXPECT_FALSE(namePatternMatch("std::filesystem::*", "std::sort"));
    EXPECT_TRUE(namePatternMatch("::pthread_*", "pthread_create"));
}
