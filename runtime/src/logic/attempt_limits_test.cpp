#include <algorithm>
#include <devos/logic/attempt_limits.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(AttemptLimits, TheSloAllowsAttemptsBelowTheMaximum) {
    contracts::SelfHealConfig config;
    const auto first = checkSlo(0, config);
    EXPECT_TRUE(first.allowed);
    EXPECT_EQ(first.attempt, 1);
    EXPECT_EQ(first.summary, "attempt 1 of 3 for this pattern in 1 day");
    EXPECT_TRUE(checkSlo(2, config).allowed);
    const auto exceeded = checkSlo(3, config);
    EXPECT_FALSE(exceeded.allowed);
    EXPECT_NE(exceeded.summary.find("3 attempts for this pattern in 1 day"), std::string::npos);
    EXPECT_NE(exceeded.summary.find("escalate to a human"), std::string::npos);
    EXPECT_EQ(sloWindowStart(100'000'000, config), 100'000'000 - 86'400'000);
}

TEST(AttemptLimits, FlakyAndSkippedRunsDoNotCount) {
    const auto counted = sloCountedStatuses();
    for (const char* s : {"proposed", "validation_failed", "proof_failed", "no_fix_found", "risk_too_high"})
        EXPECT_NE(std::ranges::find(counted, s), counted.end()) << s;
    for (const char* s :
         {"flaky", "not_reproduced", "disabled", "paused", "concurrency", "slo_exceeded", "started"})
        EXPECT_EQ(std::ranges::find(counted, s), counted.end()) << s;
}

TEST(AttemptLimits, ConcurrencyCaps) {
    contracts::SelfHealConfig config;
    EXPECT_FALSE(checkConcurrency(4, 2, config));
    EXPECT_NE(checkConcurrency(5, 0, config)->find("maxConcurrentProposals 5"), std::string::npos);
    EXPECT_NE(checkConcurrency(0, 3, config)->find("maxConcurrentPRs 3"), std::string::npos);
}

} // namespace devos::logic
