#include <devos/logic/heal_trace.hpp>
#include <devos/logic/ulid.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

using contracts::StepStatus;

constexpr std::uint64_t kStartMillis = 1700000000123ULL;

std::string attemptId() {
    return encodeUlid(kStartMillis, UlidRandom{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
}

contracts::SelfHealOutcome proposedOutcome() {
    contracts::SelfHealOutcome o;
    o.proposed = true;
    o.signal.id = "01FAILURE";
    o.signal.patternId = "3f9a";
    o.testName = "Ledger.RoundsHalfUp";
    o.proposal.emplace();
    o.risk.score = 12;
    o.autonomy.level = 1;
    o.branch = "selfheal/" + attemptId();
    o.steps = {{"detect", StepStatus::Ok, 0, "FAIL Ledger.RoundsHalfUp", 1'000, 250'000},
               {"retrieve", StepStatus::Ok, 3, "2 similar", 300'000, 3'200'000},
               {"prove", StepStatus::Ok, 40, "fails before, passes after", 4'000'000, 40'000'000}};
    return o;
}

TEST(HealTrace, OneRootSpanPerAttemptAndOneChildPerStep) {
    const auto spans = healAttemptSpans(proposedOutcome(), attemptId());
    ASSERT_EQ(spans.size(), 4U);
    const auto& root = spans[0];
    EXPECT_EQ(root.name, "selfheal.attempt");
    EXPECT_EQ(root.traceId, ulidHex(attemptId()));
    EXPECT_EQ(root.traceId.size(), 32U);
    EXPECT_EQ(root.spanId.size(), 16U);
    EXPECT_TRUE(root.parentSpanId.empty());
    const long long start = static_cast<long long>(kStartMillis) * 1'000'000;
    EXPECT_EQ(root.startNanos, start);
    EXPECT_EQ(root.endNanos, start + 44'000'000); // the end of the last step
    EXPECT_FALSE(root.failed);
    EXPECT_EQ(root.attributes.at("devos.status"), "proposed");
    EXPECT_EQ(root.attributes.at("devos.attempt_id"), attemptId());
    EXPECT_EQ(root.attributes.at("devos.failure_id"), "01FAILURE");
    EXPECT_EQ(root.attributes.at("devos.risk_score"), "12");
    EXPECT_EQ(root.attributes.at("devos.autonomy_level"), "1");
    EXPECT_EQ(spans[1].name, "selfheal.detect");
    EXPECT_EQ(spans[2].name, "selfheal.retrieve");
    EXPECT_EQ(spans[3].name, "selfheal.prove");
    for (std::size_t i = 1; i < spans.size(); ++i) {
        EXPECT_EQ(spans[i].traceId, root.traceId);
        EXPECT_EQ(spans[i].parentSpanId, root.spanId);
        EXPECT_NE(spans[i].spanId, root.spanId);
        EXPECT_GT(spans[i].endNanos, spans[i].startNanos);
        EXPECT_GE(spans[i].startNanos, root.startNanos);
        EXPECT_LE(spans[i].endNanos, root.endNanos);
        EXPECT_EQ(spans[i].attributes.at("devos.attempt_id"), attemptId());
        EXPECT_EQ(spans[i].attributes.at("devos.failure_id"), "01FAILURE");
        EXPECT_EQ(spans[i].attributes.at("devos.step.status"), "ok");
    }
    EXPECT_NE(spans[1].spanId, spans[2].spanId);
    EXPECT_EQ(spans[2].startNanos, start + 300'000);
    EXPECT_EQ(spans[2].endNanos, start + 3'500'000);
    EXPECT_EQ(healAttemptSpans(proposedOutcome(), attemptId()), spans); // deterministic
}

TEST(HealTrace, AStopFailsTheRootAndTheFailedStep) {
    auto o = proposedOutcome();
    o.proposed = false;
    o.proposal.reset();
    o.branch.clear();
    o.reason = contracts::StopReason::ProofFailed;
    o.evidence = "the test still fails after the patch\nctest output";
    o.steps[2].status = StepStatus::Failed;
    o.steps[2].summary = "still fails";
    o.steps[2].nanos = 0; // only millis known: 40 ms
    const auto spans = healAttemptSpans(o, attemptId());
    ASSERT_EQ(spans.size(), 4U);
    EXPECT_TRUE(spans[0].failed);
    EXPECT_EQ(spans[0].statusMessage, "proof_failed: the test still fails after the patch");
    EXPECT_EQ(spans[0].attributes.at("devos.status"), "proof_failed");
    EXPECT_FALSE(spans[0].attributes.contains("devos.risk_score"));
    EXPECT_FALSE(spans[1].failed);
    EXPECT_TRUE(spans[3].failed);
    EXPECT_EQ(spans[3].statusMessage, "still fails");
    EXPECT_EQ(spans[3].endNanos - spans[3].startNanos, 40'000'000);
}

TEST(HealTrace, NoSpansWithoutAnAttemptId) {
    EXPECT_TRUE(healAttemptSpans(proposedOutcome(), "").empty());
    EXPECT_TRUE(healAttemptSpans(proposedOutcome(), "not-a-ulid").empty());
}

} // namespace
} // namespace devos::logic
