#include <devos/logic/risk_score.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

int term(const contracts::RiskAssessment& r, std::string_view name) {
    for (const auto& t : r.terms)
        if (t.name == name)
            return t.points;
    ADD_FAILURE() << "no term " << name;
    return -1;
}

} // namespace

TEST(RiskScore, AOneLinePlaybookFixInLogicIsLow) {
    const std::vector<contracts::CodeDiff> diffs{{"src/logic/rounding.cpp", "a\nb\n", "a\nc\n"}};
    const auto r = assessRisk({diffs, contracts::AgentKind::Playbook, true});
    EXPECT_EQ(r.score, 12); // 2 lines + logic 10
    EXPECT_EQ(r.band, "low");
    EXPECT_EQ(term(r, "changed lines"), 2);
    EXPECT_EQ(term(r, "files"), 0);
    EXPECT_EQ(term(r, "layers"), 10);
    EXPECT_EQ(term(r, "tests changed"), 0);
    EXPECT_EQ(term(r, "agent"), 0);
    EXPECT_EQ(term(r, "past outcome"), 0);
    EXPECT_EQ(r.terms.size(), 6u);
}

TEST(RiskScore, EveryTermAddsUpAndIsCapped) {
    std::string many;
    for (int i = 0; i < 40; ++i)
        many += "x" + std::to_string(i) + "\n";
    const std::vector<contracts::CodeDiff> diffs{{"src/logic/a.cpp", "", many},
                                                 {"src/contracts/b.hpp", "a\n", "b\n"},
                                                 {"src/ports/c.hpp", "a\n", "b\n"},
                                                 {"CMakeLists.txt", "a\n", "b\n"},
                                                 {"tests/unit/a_test.cpp", "a\n", "b\n"}};
    const auto r = assessRisk({diffs, contracts::AgentKind::Chat, false});
    EXPECT_EQ(term(r, "changed lines"), 25);
    EXPECT_EQ(term(r, "files"), 15);
    EXPECT_EQ(term(r, "layers"), 30);
    EXPECT_EQ(term(r, "tests changed"), 10);
    EXPECT_EQ(term(r, "agent"), 15);
    EXPECT_EQ(term(r, "past outcome"), 10);
    EXPECT_EQ(r.score, 100); // 25 + 15 + 30 + 10 + 15 + 10 = 105, capped
}

TEST(RiskScore, Bands) {
    EXPECT_STREQ(riskBand(0), "low");
    EXPECT_STREQ(riskBand(29), "low");
    EXPECT_STREQ(riskBand(30), "medium");
    EXPECT_STREQ(riskBand(59), "medium");
    EXPECT_STREQ(riskBand(60), "high");
    const std::vector<contracts::CodeDiff> adapter{{"src/adapters/db.cpp", "a\n", "b\n"}};
    EXPECT_EQ(assessRisk({adapter, contracts::AgentKind::Chat, false}).score, 2 + 15 + 15 + 10);
}

} // namespace devos::logic
