#include <devos/foundation/tier.hpp>
#include <gtest/gtest.h>

using namespace devos::foundation;

TEST(Tier, NamesZeroOneOrTwo) {
    EXPECT_EQ(parseTier("0"), 0);
    EXPECT_EQ(parseTier("1"), 1);
    EXPECT_EQ(parseTier(" 2\t"), 2);
    EXPECT_EQ(kDefaultTier, 1);
}

TEST(Tier, AnythingElseIsInvalidAndSaysWhatIsAllowed) {
    for (const char* bad : {"3", "-1", "01", "1.0", "two", "", "12"}) {
        auto tier = parseTier(bad);
        ASSERT_FALSE(tier) << bad;
        EXPECT_EQ(tier.error().kind, ErrorKind::Invalid);
        EXPECT_EQ(tier.error().message, std::string("tier must be 0, 1 or 2, not '") + bad + "'");
        EXPECT_NE(tier.error().hint.find("2: critical"), std::string::npos);
    }
}
