#include <devos/engine/allow_comment.hpp>
#include <gtest/gtest.h>

using namespace devos::engine;

TEST(AllowComment, ParsesRulesReasonAndDate) {
    auto a = parseAllowComment(
        "  int x = rand(); // devos-allow(purity.random, purity.clock): legacy seed until 2027-03-01");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->problem, "");
    EXPECT_EQ(a->rules, (std::vector<std::string>{"purity.random", "purity.clock"}));
    EXPECT_EQ(a->reason, "legacy seed");
    EXPECT_EQ(a->until, "2027-03-01");
}

TEST(AllowComment, ReportsWhatIsMissing) {
    EXPECT_FALSE(parseAllowComment("int x = 1; // nothing here"));
    EXPECT_EQ(parseAllowComment("// devos-allow(purity.clock)")->problem,
              "':' and a reason after the rule id");
    EXPECT_EQ(parseAllowComment("// devos-allow(purity.clock): because")->problem,
              "an expiry date ('until YYYY-MM-DD')");
    EXPECT_EQ(parseAllowComment("// devos-allow(purity.clock): until 2027-01-01")->problem,
              "a reason before 'until'");
    EXPECT_EQ(parseAllowComment("// devos-allow(purity.clock): why until 2027-13-01")->problem,
              "a valid date after 'until' (YYYY-MM-DD)");
    EXPECT_EQ(parseAllowComment("// devos-allow(): why until 2027-01-01")->problem,
              "a rule id inside the parentheses");
}

TEST(AllowComment, ExpiryIsInclusive) {
    EXPECT_FALSE(isExpired("2026-11-25", "2026-11-25"));
    EXPECT_TRUE(isExpired("2026-11-24", "2026-11-25"));
}

// Issue 16 item 8: a date that does not exist (2027-02-30) is malformed; it used to be accepted.
TEST(AllowComment, ADateThatDoesNotExistIsMalformed) {
    EXPECT_EQ(parseAllowComment("// devos-allow(purity.clock): why until 2027-02-30")->problem,
              "a valid date after 'until' (YYYY-MM-DD)");
    EXPECT_EQ(parseAllowComment("// devos-allow(purity.clock): why until 2027-04-31")->problem,
              "a valid date after 'until' (YYYY-MM-DD)");
    EXPECT_EQ(parseAllowComment("// devos-allow(purity.clock): why until 2028-02-29")->problem, ""); // leap
    EXPECT_FALSE(isIsoDate("0"));
    EXPECT_FALSE(isIsoDate("2027-02-29"));
    EXPECT_TRUE(isIsoDate("2024-02-29"));
}
