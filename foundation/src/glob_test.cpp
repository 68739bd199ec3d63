#include <devos/foundation/glob.hpp>
#include <gtest/gtest.h>

using devos::foundation::globMatch;

TEST(Glob, DoubleStarSpansWholeSegments) {
    EXPECT_TRUE(globMatch("src/logic/**", "src/logic/a.cpp"));
    EXPECT_TRUE(globMatch("src/logic/**", "src/logic/x/y/a.cpp"));
    EXPECT_FALSE(globMatch("src/logic/**", "src/logical/a.cpp"));
    EXPECT_FALSE(globMatch("src/logic/**", "lib/src/logic/a.cpp"));
    EXPECT_TRUE(globMatch("**/auth/**", "auth/token.cpp"));
    EXPECT_TRUE(globMatch("**/auth/**", "src/adapters/auth/token.cpp"));
    EXPECT_FALSE(globMatch("**/auth/**", "src/author.cpp"));
    EXPECT_TRUE(globMatch("**/*.pem", "certs/server.pem"));
    EXPECT_TRUE(globMatch("**/*.pem", "server.pem"));
}

TEST(Glob, StarAndQuestionMarkStayInsideOneSegment) {
    EXPECT_TRUE(globMatch("include/*/logic/**", "include/orders/logic/pricing.hpp"));
    EXPECT_FALSE(globMatch("include/*/logic/**", "include/a/b/logic/pricing.hpp"));
    EXPECT_TRUE(globMatch("**/*_test.cpp", "a_test.cpp"));
    EXPECT_TRUE(globMatch("**/*_test.cpp", "src/x/a_test.cpp"));
    EXPECT_FALSE(globMatch("**/*_test.cpp", "src/x/a.cpp"));
    EXPECT_TRUE(globMatch("sys/*.h", "sys/time.h"));
    EXPECT_TRUE(globMatch("src/?.cpp", "src/a.cpp"));
    EXPECT_FALSE(globMatch("src/?.cpp", "src/ab.cpp"));
    EXPECT_FALSE(globMatch("src", "src/a.cpp"));
    EXPECT_FALSE(globMatch("", "a"));
    EXPECT_TRUE(globMatch("", ""));
}
