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

namespace {

// resolveAllow over these lines (line 1 first).
AllowResolution resolve(const std::vector<std::string>& lines, unsigned line, const std::string& rule,
                        CommentMarkers markers = CommentMarkers::Cxx) {
    return resolveAllow(
        [&](unsigned n) { return n >= 1 && n <= lines.size() ? lines[n - 1] : std::string(); }, line, rule,
        "2027-01-01", 365, markers);
}

} // namespace

TEST(AllowResolution, AllowedNoneMalformedOrExpiredOnTheLineOrTheLineAbove) {
    using Status = AllowResolution::Status;
    const std::vector<std::string> lines{
        "// devos-allow(purity.clock): legacy job until 2027-06-01", // 1: allows line 1 and 2
        "long t = time(nullptr);",
        "long u = time(nullptr); // devos-allow(purity.clock): old until 2026-12-31", // 3: expired
        "int r = rand(); // devos-allow(purity.random) no reason",                    // 4: malformed
        "int s = rand(); // devos-allow(purity.random): far until 2029-01-01",        // 5: beyond max_days
        "int v = 1;",
        "int w = 2;"};
    auto allowed = resolve(lines, 2, "purity.clock");
    EXPECT_EQ(allowed.status, Status::Allowed);
    EXPECT_EQ(allowed.line, 1u);
    EXPECT_EQ(resolve(lines, 1, "purity.clock").status, Status::Allowed);
    EXPECT_EQ(resolve(lines, 2, "purity.random").status, Status::None) << "another rule's comment";
    EXPECT_EQ(resolve(lines, 7, "purity.clock").status, Status::None);
    auto expired = resolve(lines, 3, "purity.clock");
    EXPECT_EQ(expired.status, Status::Expired);
    EXPECT_EQ(expired.findingRule, "allow.expired");
    EXPECT_EQ(expired.line, 3u);
    EXPECT_EQ(expired.column, 28u);
    EXPECT_NE(expired.message.find("expired on 2026-12-31"), std::string::npos) << expired.message;
    auto malformed = resolve(lines, 4, "purity.clock");
    EXPECT_EQ(malformed.status, Status::Malformed) << "a malformed comment names no rule it allows";
    EXPECT_EQ(malformed.findingRule, "allow.malformed");
    auto tooFar = resolve(lines, 5, "purity.random");
    EXPECT_EQ(tooFar.status, Status::Malformed);
    EXPECT_NE(tooFar.message.find("more than 365 days"), std::string::npos) << tooFar.message;
}

TEST(AllowResolution, HashCommentsCountOnlyWhereTheFileTakesThem) {
    using Status = AllowResolution::Status;
    const std::vector<std::string> lines{
        "find_package(Boost) # devos-allow(dependency.ban): migrating until 2027-02-01",
        "url = \"devos-allow(dependency.ban): not a comment until 2027-02-01\""};
    EXPECT_EQ(resolve(lines, 1, "dependency.ban", CommentMarkers::CxxOrHash).status, Status::Allowed);
    EXPECT_EQ(resolve(lines, 1, "dependency.ban", CommentMarkers::CxxOrHash).column, 23u);
    EXPECT_EQ(resolve(lines, 1, "dependency.ban", CommentMarkers::Cxx).status, Status::None);
    EXPECT_EQ(resolve({lines[1]}, 1, "dependency.ban", CommentMarkers::CxxOrHash).status, Status::None)
        << "a string that mentions devos-allow is not a comment";
    EXPECT_EQ(commentMarkersOf("src/logic/a.cpp"), CommentMarkers::Cxx);
    EXPECT_EQ(commentMarkersOf("include/A.HPP"), CommentMarkers::Cxx);
    EXPECT_EQ(commentMarkersOf("CMakeLists.txt"), CommentMarkers::CxxOrHash);
    EXPECT_EQ(commentMarkersOf(".devos/devos.yml"), CommentMarkers::CxxOrHash);
}
