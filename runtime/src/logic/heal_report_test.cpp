#include <devos/logic/heal_report.hpp>
#include <gtest/gtest.h>

namespace devos::logic {
namespace {

using contracts::OutcomeState;

contracts::SelfHealAttempt attempt(std::string id, std::string status, std::string pattern,
                                   std::string trigger, OutcomeState state = OutcomeState::Open,
                                   long long mergedAt = 0) {
    contracts::SelfHealAttempt a;
    a.proposalId = std::move(id);
    a.status = std::move(status);
    a.patternId = std::move(pattern);
    a.triggerId = std::move(trigger);
    a.commitSha = "9b2e1aa0c0ffee";
    a.outcome.state = state;
    a.outcome.mergedAt = mergedAt;
    return a;
}

contracts::MetricSample step(std::string name, double millis) {
    return {"", 0, "selfheal.step.millis", millis, {{"step", std::move(name)}}};
}

HealReportInput sample() {
    HealReportInput in;
    const std::string p1(64, 'a'), p2(64, 'b');
    in.attempts = {attempt("P1", "proposed", p1, "F1", OutcomeState::Merged, 60'000 + 10 * 60'000),
                   attempt("P2", "proposed", p1, "F2", OutcomeState::Reverted, 60'000 + 30 * 60'000),
                   attempt("P3", "proposed", p2, "F3", OutcomeState::Rejected),
                   attempt("P4", "proposed", p2, "F4"),
                   attempt("P5", "flaky", p2, "F5"),
                   attempt("P6", "flaky", p2, "F6"),
                   attempt("P7", "slo_exceeded", p1, "F7"),
                   attempt("P8", "started", p1, "F8")};
    in.attempts[1].outcome.revertedBy = "cafe123";
    in.failureTimes = {{"F1", 60'000}, {"F2", 60'000}, {"H1", 0}, {"H2", 0}};
    contracts::RecordedFix human1, human2;
    human1.source = human2.source = contracts::FixSource::History;
    human1.patternId = p1;
    human1.failureId = "H1";
    human1.ts = 6 * 3'600'000;
    human2.patternId = p2;
    human2.failureId = "H2";
    human2.ts = 1'000;
    in.fixes = {human1, human2};
    in.patternFailures = {{p1, 3}};
    in.steps = {step("prove", 100), step("prove", 300), step("prove", 200), step("detect", 4)};
    return in;
}

} // namespace

TEST(HealReport, CountsStatusesOutcomesAndStopReasons) {
    const auto r = buildHealReport(sample());
    EXPECT_EQ(r.attempts, 8);
    EXPECT_EQ(r.proposed, 4);
    EXPECT_EQ(r.merged, 2) << "a merged fix that was later reverted was still merged";
    EXPECT_EQ(r.reverted, 1);
    EXPECT_EQ(r.rejected, 1);
    EXPECT_EQ(r.open, 1);
    EXPECT_EQ(r.stopped, 3);
    ASSERT_EQ(r.stopReasons.size(), 2u);
    EXPECT_EQ(r.stopReasons[0], (std::pair<std::string, long long>{"flaky", 2}));
    EXPECT_EQ(r.stopReasons[1], (std::pair<std::string, long long>{"slo_exceeded", 1}));
    EXPECT_DOUBLE_EQ(r.acceptanceRate, 0.5);
}

TEST(HealReport, MttrComparesSelfHealWithHumanFixesOfTheSamePatterns) {
    const auto r = buildHealReport(sample());
    ASSERT_TRUE(r.mttrWithMillis);
    EXPECT_DOUBLE_EQ(*r.mttrWithMillis, 20 * 60'000) << "median of 10 and 30 minutes";
    EXPECT_EQ(r.mttrWithCount, 2);
    ASSERT_TRUE(r.mttrWithoutMillis);
    EXPECT_TRUE(r.samePatterns);
    EXPECT_DOUBLE_EQ(*r.mttrWithoutMillis, 6 * 3'600'000) << "only the human fix of the merged pattern";
    EXPECT_EQ(r.mttrWithoutCount, 1);
    auto none = sample();
    none.fixes[0].patternId = std::string(64, 'c');
    const auto all = buildHealReport(none);
    EXPECT_FALSE(all.samePatterns);
    EXPECT_EQ(all.mttrWithoutCount, 2);
}

TEST(HealReport, RecurringPatternsAndStepTimes) {
    const auto r = buildHealReport(sample());
    ASSERT_EQ(r.recurring.size(), 1u);
    EXPECT_EQ(r.recurring[0].failures, 3);
    EXPECT_EQ(r.recurring[0].what, "proposal P2 reverted");
    EXPECT_TRUE(r.recurring[0].escalated);
    ASSERT_EQ(r.steps.size(), 2u);
    EXPECT_EQ(r.steps[0].step, "detect") << "loop order";
    EXPECT_EQ(r.steps[1].step, "prove");
    EXPECT_DOUBLE_EQ(r.steps[1].medianMillis, 200);
    EXPECT_DOUBLE_EQ(r.steps[1].totalMillis, 600);
    const auto text = healReportText(r, "30d");
    EXPECT_NE(text.find("proposals 8 · proposed 4 · merged 2 (50%) · rejected 1 · reverted 1"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("stopped 3 (flaky 2, slo_exceeded 1)"), std::string::npos) << text;
    EXPECT_NE(text.find("median 20 min with self-heal (2), 6.0 h without (1 human fixes, same patterns)"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("(3 times: proposal P2 reverted — escalated to a human)"), std::string::npos) << text;
}

TEST(HealReport, TheSamplesCarryTheSameNumbers) {
    const auto r = buildHealReport(sample());
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < healReportSampleCount(r); ++i)
        ids.push_back("ID" + std::to_string(i));
    const auto samples = healReportSamples(r, 99, {{"window", "30d"}}, ids);
    ASSERT_EQ(samples.size(), ids.size());
    const auto value = [&](const std::string& name, const std::string& tag = {},
                           const std::string& tagValue = {}) {
        for (const auto& s : samples)
            if (s.name == "selfheal.report." + name && (tag.empty() || s.tags.at(tag) == tagValue))
                return s.value;
        return -1.0;
    };
    EXPECT_EQ(value("proposed"), 4);
    EXPECT_EQ(value("merged"), 2);
    EXPECT_EQ(value("acceptance_rate"), 0.5);
    EXPECT_EQ(value("stopped_by_reason", "reason", "flaky"), 2);
    EXPECT_EQ(value("mttr_millis", "with", "selfheal"), 20 * 60'000);
    EXPECT_EQ(value("mttr_millis", "with", "human"), 6 * 3'600'000);
    EXPECT_EQ(value("step_median_millis", "step", "prove"), 200);
    EXPECT_EQ(samples.back().id, ids.back());
    EXPECT_EQ(samples.front().tags.at("window"), "30d");
    EXPECT_EQ(samples.front().ts, 99);
}

TEST(HealReport, AnEmptyWindowIsAllZero) {
    const auto r = buildHealReport({});
    EXPECT_EQ(r.attempts, 0);
    EXPECT_EQ(r.acceptanceRate, 0);
    EXPECT_FALSE(r.mttrWithMillis);
    EXPECT_NE(healReportText(r, "30d").find("no merged self-heal fix yet"), std::string::npos);
}

} // namespace devos::logic
