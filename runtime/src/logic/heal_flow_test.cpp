#include <devos/logic/heal_flow.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

using contracts::StopReason;

TEST(HealFlow, PassingStepsWalkTheLoopInOrder) {
    std::vector<std::string_view> names;
    for (HealStep s = HealStep::Detect; s != HealStep::Done; s = afterStep(s, StepVerdict::Passed).next) {
        names.push_back(stepName(s));
        EXPECT_EQ(afterStep(s, StepVerdict::Passed).stop, StopReason::None);
    }
    EXPECT_EQ(names, (std::vector<std::string_view>{"detect", "flake", "slo", "retrieve", "propose",
                                                    "validate", "prove", "branch", "proposal"}));
    EXPECT_EQ(afterStep(HealStep::Done, StepVerdict::Passed).next, HealStep::Done);
    EXPECT_EQ(stepName(HealStep::Done), "done");
}

TEST(HealFlow, EveryVerdictStopsWithItsReason) {
    const std::pair<StepVerdict, StopReason> cases[] = {
        {StepVerdict::Disabled, StopReason::Disabled},
        {StepVerdict::Paused, StopReason::Paused},
        {StepVerdict::Busy, StopReason::Concurrency},
        {StepVerdict::Flaky, StopReason::Flaky},
        {StepVerdict::NotReproduced, StopReason::NotReproduced},
        {StepVerdict::SloExceeded, StopReason::SloExceeded},
        {StepVerdict::Escalated, StopReason::Escalated},
        {StepVerdict::NoFix, StopReason::NoFixFound},
        {StepVerdict::Rejected, StopReason::ValidationFailed},
        {StepVerdict::TooRisky, StopReason::RiskTooHigh},
        {StepVerdict::ProofFailed, StopReason::ProofFailed}};
    for (const auto& [verdict, reason] : cases) {
        const auto t = afterStep(HealStep::Validate, verdict);
        EXPECT_EQ(t.next, HealStep::Done);
        EXPECT_EQ(t.stop, reason);
    }
}

TEST(HealFlow, EventsFollowTheSeedList) {
    EXPECT_EQ(eventCode(HealStep::Detect, StepVerdict::Passed), "selfheal.started");
    EXPECT_EQ(eventCode(HealStep::Detect, StepVerdict::Disabled), "");
    EXPECT_EQ(eventCode(HealStep::Detect, StepVerdict::Paused), "");
    EXPECT_EQ(eventCode(HealStep::Detect, StepVerdict::Busy), "");
    EXPECT_EQ(eventCode(HealStep::Flake, StepVerdict::Flaky), "selfheal.flaky");
    EXPECT_EQ(eventCode(HealStep::Flake, StepVerdict::NotReproduced), "selfheal.not_reproduced");
    EXPECT_EQ(eventCode(HealStep::Flake, StepVerdict::Passed), "");
    EXPECT_EQ(eventCode(HealStep::Slo, StepVerdict::SloExceeded), "selfheal.slo_exceeded");
    EXPECT_EQ(eventCode(HealStep::Slo, StepVerdict::Escalated), "selfheal.escalated");
    EXPECT_EQ(eventCode(HealStep::Propose, StepVerdict::NoFix), "selfheal.no_fix_found");
    EXPECT_EQ(eventCode(HealStep::Validate, StepVerdict::Passed), "selfheal.validation_passed");
    EXPECT_EQ(eventCode(HealStep::Validate, StepVerdict::Rejected), "selfheal.validation_failed");
    EXPECT_EQ(eventCode(HealStep::Validate, StepVerdict::TooRisky), "selfheal.risk_too_high");
    EXPECT_EQ(eventCode(HealStep::Prove, StepVerdict::ProofFailed), "selfheal.proof_failed");
    EXPECT_EQ(eventCode(HealStep::Prove, StepVerdict::Passed), "selfheal.proof_passed");
    EXPECT_EQ(eventCode(HealStep::Bundle, StepVerdict::Passed), "selfheal.proposed");
}

TEST(HealFlow, OnlyRealAttemptsWriteARow) {
    EXPECT_FALSE(recordsAttempt(StopReason::Disabled));
    EXPECT_FALSE(recordsAttempt(StopReason::Paused));
    EXPECT_FALSE(recordsAttempt(StopReason::Concurrency));
    EXPECT_TRUE(recordsAttempt(StopReason::Flaky));
    EXPECT_TRUE(recordsAttempt(StopReason::None));
    EXPECT_TRUE(recordsAttempt(StopReason::ValidationFailed));
}

} // namespace devos::logic
