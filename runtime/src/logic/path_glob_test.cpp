#include <devos/logic/path_glob.hpp>
#include <gtest/gtest.h>
#include <vector>

namespace devos::logic {

TEST(PathGlob, DoubleStarSpansWholeSegments) {
    EXPECT_TRUE(pathMatchesGlob("src/**", "src/a.cpp"));
    EXPECT_TRUE(pathMatchesGlob("src/**", "src/x/y/a.cpp"));
    EXPECT_TRUE(pathMatchesGlob("**/auth/**", "auth/token.cpp"));
    EXPECT_TRUE(pathMatchesGlob("**/auth/**", "src/adapters/auth/token.cpp"));
    EXPECT_FALSE(pathMatchesGlob("**/auth/**", "src/author.cpp"));
    EXPECT_TRUE(pathMatchesGlob("**/*.pem", "certs/server.pem"));
    EXPECT_TRUE(pathMatchesGlob("**/*.pem", "server.pem"));
}

TEST(PathGlob, StarAndQuestionMarkStayInOneSegment) {
    EXPECT_TRUE(pathMatchesGlob("src/*.cpp", "src/a.cpp"));
    EXPECT_FALSE(pathMatchesGlob("src/*.cpp", "src/x/a.cpp"));
    EXPECT_TRUE(pathMatchesGlob("src/?.cpp", "src/a.cpp"));
    EXPECT_FALSE(pathMatchesGlob("src/?.cpp", "src/ab.cpp"));
    EXPECT_FALSE(pathMatchesGlob("src", "src/a.cpp"));
    EXPECT_FALSE(pathMatchesGlob("", "a"));
    EXPECT_TRUE(pathMatchesGlob("", ""));
}

TEST(PathGlob, FirstMatchingGlobNamesThePattern) {
    const std::vector<std::string> patterns{".github/**", "**/payment/**"};
    EXPECT_EQ(firstMatchingGlob(patterns, "src/payment/card.cpp"), "**/payment/**");
    EXPECT_EQ(firstMatchingGlob(patterns, "src/logic/pricing.cpp"), "");
}

} // namespace devos::logic
