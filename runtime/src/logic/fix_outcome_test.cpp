#include <devos/logic/fix_outcome.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

using contracts::OutcomeState;

const CommitSummary kFix{
    "9b2e1aa0c0ffee0000000000000000000000beef", 1000, "pricing: round half up\n\nbody\n", {}};
const CommitSummary kMerge{"aaaa000000000000000000000000000000000001", 2000, "Merge selfheal/01J\n", {}};

contracts::FixOutcome merged() {
    return nextOutcome({}, {kMerge, false, std::nullopt, std::nullopt}, 50);
}

} // namespace

TEST(FixOutcome, AnOpenProposalIsMergedWhenItsCommitReachesTheDefaultBranch) {
    const auto o = merged();
    EXPECT_EQ(o.state, OutcomeState::Merged);
    EXPECT_EQ(o.mergedAt, 2000);
    EXPECT_EQ(o.mergedCommit, kMerge.sha);
    EXPECT_EQ(o.changedAt, 50);
    EXPECT_EQ(nextOutcome(o, {kMerge, false, std::nullopt, std::nullopt}, 99), o) << "nothing new: unchanged";
}

TEST(FixOutcome, ClosedUnmergedIsRejectedAndAMergeAfterAllWins) {
    const auto rejected = nextOutcome({}, {std::nullopt, true, std::nullopt, std::nullopt}, 10);
    EXPECT_EQ(rejected.state, OutcomeState::Rejected);
    EXPECT_EQ(rejected.changedAt, 10);
    EXPECT_EQ(nextOutcome({}, {std::nullopt, false, std::nullopt, std::nullopt}, 10).state,
              OutcomeState::Open);
    EXPECT_EQ(nextOutcome(rejected, {kMerge, true, std::nullopt, std::nullopt}, 20).state,
              OutcomeState::Merged);
    EXPECT_EQ(nextOutcome(rejected, {std::nullopt, false, std::string("r"), std::string("f")}, 20).state,
              OutcomeState::Rejected)
        << "an unmerged proposal is neither reverted nor recurred";
}

TEST(FixOutcome, AMergedFixRecursThenIsRevertedAndRevertedStays) {
    const auto recurred =
        nextOutcome(merged(), {std::nullopt, false, std::nullopt, std::string("01FAIL")}, 60);
    EXPECT_EQ(recurred.state, OutcomeState::Recurred);
    EXPECT_EQ(recurred.recurredFailureId, "01FAIL");
    EXPECT_EQ(recurred.mergedAt, 2000);
    const auto reverted = nextOutcome(recurred, {std::nullopt, false, std::string("cafe"), std::nullopt}, 70);
    EXPECT_EQ(reverted.state, OutcomeState::Reverted);
    EXPECT_EQ(reverted.revertedBy, "cafe");
    EXPECT_EQ(reverted.changedAt, 70);
    EXPECT_EQ(nextOutcome(reverted, {kMerge, true, std::nullopt, std::string("x")}, 80), reverted);
}

TEST(FixOutcome, AMergeAndItsRevertSeenInOneSyncEndReverted) {
    const auto o = nextOutcome({}, {kMerge, false, std::string("cafe"), std::nullopt}, 5);
    EXPECT_EQ(o.state, OutcomeState::Reverted);
    EXPECT_EQ(o.mergedAt, 2000);
}

TEST(FixOutcome, GitRevertLinesAndRevertSubjectsFindTheRevertingCommit) {
    const std::vector<CommitSummary> later{{"c1", 3000, "unrelated\n", {}},
                                           {"c2",
                                            4000,
                                            "Revert \"pricing: round half up\"\n\nThis reverts commit "
                                            "9b2e1aa0c0ffee0000000000000000000000beef.\n",
                                            {}}};
    EXPECT_EQ(revertingCommit(kFix, later), "c2");
    const std::vector<CommitSummary> shortSha{{"c3", 3000, "undo\n\nThis reverts commit 9b2e1aa.\n", {}}};
    EXPECT_EQ(revertingCommit(kFix, shortSha), "c3");
    const std::vector<CommitSummary> tooShort{{"c4", 3000, "undo\n\nThis reverts commit 9b2e.\n", {}}};
    EXPECT_EQ(revertingCommit(kFix, tooShort), std::nullopt);
    const std::vector<CommitSummary> subjectOnly{{"c5", 3000, "Revert \"pricing: round half up\"\n", {}}};
    EXPECT_EQ(revertingCommit(kFix, subjectOnly), "c5");
    const std::vector<CommitSummary> other{{"c6", 3000, "This reverts commit 1234567.\n", {}},
                                           {"c7", 3000, "Revert \"pricing: something else\"\n", {}}};
    EXPECT_EQ(revertingCommit(kFix, other), std::nullopt);
}

TEST(FixOutcome, ReversedFixesAreNeverReusedAndMergedOnesRankFirst) {
    contracts::RecordedFix fix;
    EXPECT_TRUE(isReusable(fix));
    fix.outcome.state = OutcomeState::Reverted;
    EXPECT_FALSE(isReusable(fix));
    fix.outcome.state = OutcomeState::Rejected;
    EXPECT_FALSE(isReusable(fix));
    fix.outcome.state = OutcomeState::Recurred;
    EXPECT_TRUE(isReusable(fix));
    EXPECT_LT(outcomeRank(OutcomeState::Merged), outcomeRank(OutcomeState::Open));
    EXPECT_LT(outcomeRank(OutcomeState::Open), outcomeRank(OutcomeState::Recurred));
    EXPECT_LT(outcomeRank(OutcomeState::Recurred), outcomeRank(OutcomeState::Reverted));
}

TEST(FixOutcome, APatternWhoseMergedSelfHealFixRecurredOrWasRevertedIsEscalated) {
    contracts::SelfHealAttempt attempt;
    attempt.proposalId = "01PROP";
    attempt.commitSha = "9b2e1aa0c0ffee";
    std::vector<contracts::SelfHealAttempt> attempts{attempt};
    EXPECT_EQ(escalation(attempts, {}), std::nullopt) << "open: no escalation";
    attempts[0].outcome =
        nextOutcome(merged(), {std::nullopt, false, std::nullopt, std::string("01BACK")}, 9);
    const auto why = escalation(attempts, {});
    ASSERT_TRUE(why);
    EXPECT_NE(why->find("01PROP (9b2e1aa) came back after it merged (failure 01BACK)"), std::string::npos)
        << *why;
    attempts[0].outcome =
        nextOutcome(merged(), {std::nullopt, false, std::string("cafebabe1"), std::nullopt}, 9);
    EXPECT_NE(escalation(attempts, {})->find("reverted by cafebab"), std::string::npos);

    contracts::RecordedFix history;
    history.outcome = attempts[0].outcome;
    const std::vector<contracts::RecordedFix> humanFix{history};
    EXPECT_EQ(escalation({}, humanFix), std::nullopt)
        << "a human's fix coming back is re-applied, not escalated";
    auto fromProposal = humanFix;
    fromProposal[0].source = contracts::FixSource::Proposal;
    fromProposal[0].proposalId = "01ACC";
    EXPECT_NE(escalation({}, fromProposal)->find("self-heal proposal 01ACC"), std::string::npos);
}

} // namespace devos::logic

namespace devos::logic {

TEST(FixOutcome, TheMergeCommitIsTheFirstMergeWithTheFixAsParentElseTheFixItself) {
    const std::vector<CommitSummary> later{{"m0", 2500, "Merge other\n", {"x", "y"}},
                                           {"m1", 3000, "Merge selfheal/01J\n", {"base", kFix.sha}},
                                           {"m2", 3500, "Merge again\n", {"m1", kFix.sha}}};
    EXPECT_EQ(mergeCommitOf(kFix, later).sha, "m1");
    const std::vector<CommitSummary> fastForward{{"n1", 3000, "next\n", {kFix.sha}}};
    EXPECT_EQ(mergeCommitOf(kFix, fastForward).sha, kFix.sha);
    EXPECT_EQ(mergeCommitOf(kFix, {}).time, kFix.time);
}

TEST(FixOutcome, APullRequestClosedUnmergedIsARejection) {
    EXPECT_FALSE(closedUnmerged(std::nullopt));
    EXPECT_FALSE(closedUnmerged(contracts::PullRequestStatus{7, true, false}));
    EXPECT_FALSE(closedUnmerged(contracts::PullRequestStatus{7, false, true})) << "closed by its merge";
    EXPECT_TRUE(closedUnmerged(contracts::PullRequestStatus{7, false, false}));
}

} // namespace devos::logic
