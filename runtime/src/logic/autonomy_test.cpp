#include <devos/logic/autonomy.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

const std::vector<contracts::CodeDiff> kLogic{{"src/logic/a.cpp", "a\n", "b\n"}};
const std::vector<contracts::CodeDiff> kAdapter{{"src/adapters/a.cpp", "a\n", "b\n"}};

contracts::SelfHealConfig atLevel(int level) {
    contracts::SelfHealConfig c;
    c.autonomy.level = level;
    return c;
}

AutonomyInput good(int tier = 2) {
    return {tier, 95, 12, true, kLogic};
}

} // namespace

TEST(Autonomy, LevelZeroIsAlwaysHumanReview) {
    const auto d = decideAutonomy(atLevel(0), good());
    EXPECT_EQ(d.action, "human_review");
    EXPECT_EQ(d.reason, "autonomy level 0: human review");
}

TEST(Autonomy, LevelOneAutoFixesScopedGreenLowRiskFixes) {
    EXPECT_EQ(decideAutonomy(atLevel(1), good(1)).action, "auto_fix_dev");
    auto red = good(1);
    red.gatesGreen = false;
    EXPECT_NE(decideAutonomy(atLevel(1), red).reason.find("a gate is not green"), std::string::npos);
    auto wide = good(1);
    wide.diffs = kAdapter;
    EXPECT_NE(decideAutonomy(atLevel(1), wide).reason.find("outside logic/ and tests/"), std::string::npos);
    auto risky = good(1);
    risky.riskScore = 30;
    EXPECT_EQ(decideAutonomy(atLevel(1), risky).action, "human_review");
}

TEST(Autonomy, LevelTwoAutoMergesAboveTheThresholds) {
    EXPECT_EQ(decideAutonomy(atLevel(2), good()).action, "auto_merge");
    auto unsure = good();
    unsure.confidence = 89;
    EXPECT_EQ(decideAutonomy(atLevel(2), unsure).action, "auto_fix_dev");
    auto risky = good();
    risky.riskScore = 21;
    EXPECT_EQ(decideAutonomy(atLevel(2), risky).action, "auto_fix_dev");
}

TEST(Autonomy, LevelThreeIsRefusedWithItsReason) {
    const auto d = decideAutonomy(atLevel(3), good());
    EXPECT_EQ(d.action, "human_review");
    EXPECT_EQ(d.level, 3);
    EXPECT_NE(d.reason.find("level 3 (auto-remediation in production) is refused"), std::string::npos);
}

TEST(Autonomy, TheTierCapsTheLevel) {
    EXPECT_EQ(decideAutonomy(atLevel(2), good(1)).action, "human_review");
    EXPECT_NE(decideAutonomy(atLevel(1), good(0)).reason.find("tier 0"), std::string::npos);
}

} // namespace devos::logic
