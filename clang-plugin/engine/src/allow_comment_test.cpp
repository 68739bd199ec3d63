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

// The one resolver every gate uses: allowed, another rule, malformed, expired, too far ahead.
TEST(AllowVerdict, JudgesOneCommentForOneRule) {
    using Outcome = AllowVerdict::Outcome;
    auto allow = *parseAllowComment("// devos-allow(purity.clock): legacy job until 2027-06-01");
    EXPECT_EQ(judgeAllowComment(allow, "purity.clock", "2026-12-03", 365).outcome, Outcome::Allowed);
    EXPECT_EQ(judgeAllowComment(allow, "purity.random", "2026-12-03", 365).outcome, Outcome::OtherRule);
    auto expired = judgeAllowComment(allow, "purity.clock", "2027-06-02", 365);
    EXPECT_EQ(expired.outcome, Outcome::Expired);
    EXPECT_EQ(expired.findingRule, "allow.expired");
    EXPECT_EQ(expired.message, "devos-allow(purity.clock) expired on 2027-06-01 (today is 2027-06-02)");
    auto malformed = judgeAllowComment(*parseAllowComment("// devos-allow(purity.clock)"), "purity.random",
                                       "2026-12-03", 365);
    EXPECT_EQ(malformed.outcome, Outcome::Malformed); // malformed whatever rule it names
    EXPECT_EQ(malformed.findingRule, "allow.malformed");
}

// Issue 16 item 8: a far-future expiry is capped (allow.max_days, 365 by default).
TEST(AllowVerdict, AnExpiryBeyondMaxDaysDoesNotAllow) {
    using Outcome = AllowVerdict::Outcome;
    auto far = *parseAllowComment("// devos-allow(purity.clock): forever until 2099-12-31");
    auto verdict = judgeAllowComment(far, "purity.clock", "2026-12-03", kDefaultAllowMaxDays);
    EXPECT_EQ(verdict.outcome, Outcome::TooFar);
    EXPECT_EQ(verdict.findingRule, "allow.malformed");
    EXPECT_NE(verdict.message.find("until 2099-12-31 is more than 365 days after today (2026-12-03)"),
              std::string::npos)
        << verdict.message;
    auto edge = *parseAllowComment("// devos-allow(purity.clock): a year until 2027-12-03");
    EXPECT_EQ(judgeAllowComment(edge, "purity.clock", "2026-12-03", 365).outcome, Outcome::Allowed);
    EXPECT_EQ(judgeAllowComment(edge, "purity.clock", "2026-12-02", 365).outcome, Outcome::TooFar);
    EXPECT_EQ(judgeAllowComment(far, "purity.clock", "2026-12-03", 36500).outcome, Outcome::Allowed);
}

TEST(AllowComment, DayNumbersOfRealDatesOnly) {
    EXPECT_EQ(isoDayNumber("1970-01-02"), 1);
    EXPECT_EQ(*isoDayNumber("2027-12-03") - *isoDayNumber("2026-12-03"), 365);
    EXPECT_FALSE(isoDayNumber("2027-02-30"));
}
