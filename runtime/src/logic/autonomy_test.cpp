#include <devos/logic/autonomy.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

const std::vector<contracts::CodeDiff> kLogic{{"src/logic/a.cpp", "a\n", "b\n"}};
const std::vector<contracts::CodeDiff> kAdapter{{"src/adapters/a.cpp", "a\n", "b\n"}};

contracts::SelfHealConfig atLevel(int level) {
    contracts::SelfHealConfig c;
    c.autonomy.level = level;
    c.branches.integration = "dev";
    return c;
}

// Everything level 2 asks for: a re-applied fix with merged history, confidence 95, risk 12.
AutonomyInput good(int tier = 2) {
    return {tier, 95, 12, true, kLogic, FixClass::PlaybookReapply, true};
}

bool has(const contracts::AutonomyDecision& d, std::string_view text) {
    return d.reason.find(text) != std::string::npos;
}

} // namespace

TEST(Autonomy, LevelZeroIsAlwaysHumanReview) {
    const auto d = decideAutonomy(atLevel(0), good());
    EXPECT_EQ(d.action, "human_review");
    EXPECT_EQ(d.level, 0);
    EXPECT_TRUE(has(d, "autonomy level 0")) << d.reason;
}

TEST(Autonomy, TierZeroGetsNoAutonomy) {
    const auto d = decideAutonomy(atLevel(2), good(0));
    EXPECT_EQ(d.level, 0);
    EXPECT_EQ(d.action, "human_review");
    EXPECT_TRUE(has(d, "tier 0")) << d.reason;
}

TEST(Autonomy, TierOneCapsAtLevelOneAndSaysSo) {
    const auto d = decideAutonomy(atLevel(2), good(1));
    EXPECT_EQ(d.level, 1);
    EXPECT_EQ(d.action, "auto_fix_dev");
    EXPECT_TRUE(has(d, "above what tier 1 allows")) << d.reason;
    EXPECT_TRUE(has(d, "auto-fix on dev")) << d.reason;
}

TEST(Autonomy, LevelOneNeedsScopeGreenGatesRiskBelowThirtyAndAnIntegrationBranch) {
    EXPECT_EQ(decideAutonomy(atLevel(1), good(1)).action, "auto_fix_dev");
    auto red = good(1);
    red.gatesGreen = false;
    EXPECT_TRUE(has(decideAutonomy(atLevel(1), red), "a gate is not green"));
    auto wide = good(1);
    wide.diffs = kAdapter;
    EXPECT_TRUE(has(decideAutonomy(atLevel(1), wide), "outside logic/ and tests/"));
    auto risky = good(1);
    risky.riskScore = 30;
    const auto d = decideAutonomy(atLevel(1), risky);
    EXPECT_EQ(d.level, 0);
    EXPECT_EQ(d.action, "human_review");
    EXPECT_TRUE(has(d, "risk 30 is not below 30")) << d.reason;
    risky.riskScore = 29;
    EXPECT_EQ(decideAutonomy(atLevel(1), risky).level, 1);
    auto noBranch = atLevel(1);
    noBranch.branches.integration.clear();
    const auto none = decideAutonomy(noBranch, good(1));
    EXPECT_EQ(none.level, 0);
    EXPECT_TRUE(has(none, "branches.integration")) << none.reason;
}

TEST(Autonomy, LevelTwoNeedsConfidenceAboveNinetyAndRiskBelowTwenty) {
    const auto d = decideAutonomy(atLevel(2), good());
    EXPECT_EQ(d.level, 2);
    EXPECT_EQ(d.action, "auto_merge");
    auto exactly90 = good();
    exactly90.confidence = 90;
    const auto unsure = decideAutonomy(atLevel(2), exactly90);
    EXPECT_EQ(unsure.level, 1);
    EXPECT_TRUE(has(unsure, "confidence 90 is not above 90")) << unsure.reason;
    auto risk20 = good();
    risk20.riskScore = 20;
    const auto risky = decideAutonomy(atLevel(2), risk20);
    EXPECT_EQ(risky.action, "auto_fix_dev");
    EXPECT_TRUE(has(risky, "risk 20 is not below 20")) << risky.reason;
    risk20.riskScore = 19;
    EXPECT_EQ(decideAutonomy(atLevel(2), risk20).level, 2);
}

TEST(Autonomy, LevelTwoOnlyForFixClassesTheOutcomesSupport) {
    auto novel = good();
    novel.fixClass = FixClass::Novel;
    const auto d = decideAutonomy(atLevel(2), novel);
    EXPECT_EQ(d.level, 1);
    EXPECT_TRUE(has(d, "agent-written fix has no outcome history")) << d.reason;
    auto unmerged = good();
    unmerged.reappliedFixMerged = false;
    const auto u = decideAutonomy(atLevel(2), unmerged);
    EXPECT_EQ(u.level, 1);
    EXPECT_TRUE(has(u, "no merged, unreverted history")) << u.reason;
    auto mechanical = good();
    mechanical.fixClass = FixClass::Mechanical;
    mechanical.reappliedFixMerged = false;
    EXPECT_EQ(decideAutonomy(atLevel(2), mechanical).action, "auto_merge");
}

TEST(Autonomy, LevelThreeIsRefusedWithItsReason) {
    const auto d = decideAutonomy(atLevel(3), good());
    EXPECT_EQ(d.action, "human_review");
    EXPECT_EQ(d.level, 0);
    EXPECT_TRUE(has(d, "level 3 (auto-remediation in production) is refused")) << d.reason;
}

TEST(Autonomy, FixClasses) {
    const std::vector<std::string> refs{"01FIX", "9b2e1aa"};
    const std::vector<contracts::CodeDiff> spaces{{"src/logic/a.cpp", "int a=1;\n", "int a = 1;\n"}};
    EXPECT_EQ(classifyFix(contracts::AgentKind::Chat, {}, spaces), FixClass::Mechanical);
    EXPECT_EQ(classifyFix(contracts::AgentKind::Playbook, refs, kLogic), FixClass::PlaybookReapply);
    EXPECT_EQ(classifyFix(contracts::AgentKind::Playbook, {}, kLogic), FixClass::Novel);
    EXPECT_EQ(classifyFix(contracts::AgentKind::Chat, refs, kLogic), FixClass::Novel);
    EXPECT_EQ(classifyFix(contracts::AgentKind::Chat, {}, {}), FixClass::Novel);
}

TEST(Autonomy, LevelOnePlansAFastForwardOfTheIntegrationBranchOnly) {
    const auto one = decideAutonomy(atLevel(1), good(1));
    ASSERT_EQ(one.level, 1);
    const auto plan = planIntegrationPush(atLevel(1), one, true);
    EXPECT_EQ(plan.branch, "dev");
    EXPECT_TRUE(plan.whyNot.empty());
    // Level 0 and level 2 push nothing to the integration branch.
    const auto zero = planIntegrationPush(atLevel(0), decideAutonomy(atLevel(0), good()), true);
    EXPECT_TRUE(zero.branch.empty() && zero.whyNot.empty());
    const auto two = planIntegrationPush(atLevel(2), decideAutonomy(atLevel(2), good()), true);
    EXPECT_TRUE(two.branch.empty() && two.whyNot.empty());
    // Level 1 without a remote, or aimed at the default branch, cannot act and says why.
    const auto noRemote = planIntegrationPush(atLevel(1), one, false);
    EXPECT_TRUE(noRemote.branch.empty());
    EXPECT_NE(noRemote.whyNot.find("publish.remote is not set"), std::string::npos);
    auto onMain = atLevel(1);
    onMain.branches.integration = "main";
    const auto refused = planIntegrationPush(onMain, one, true);
    EXPECT_TRUE(refused.branch.empty());
    EXPECT_EQ(refused.whyNot, "branches.integration 'main' is the default branch, which DevOS never writes");
}

TEST(Autonomy, AFallBackIsLevelZeroWithWhatWasTriedAndWhy) {
    const auto one = decideAutonomy(atLevel(1), good(1));
    const auto back = fallBackToHumanReview(one, "dev moved on");
    EXPECT_EQ(back.level, 0);
    EXPECT_EQ(back.action, "human_review");
    EXPECT_EQ(back.reason, "autonomy level 1 could not act (dev moved on); it was: " + one.reason +
                               ". Human review (draft pull request)");
}

} // namespace devos::logic
