#include "coverage/coverage_check.hpp"

#include <devos/engine/config_section.hpp>
#include <gtest/gtest.h>

using namespace devos;
using coverage::CoverageSummary;

namespace {

engine::Policy policyWith(const std::string& config) {
    auto policy = engine::Policy::defaults();
    EXPECT_TRUE(policy);
    auto ok = policy->applyRepoConfig(config, "/repo/.devos/devos.yml");
    EXPECT_TRUE(ok) << ok.error().render();
    policy->configFile = "/repo/.devos/devos.yml";
    return *policy;
}

coverage::Thresholds thresholdsOf(const engine::Policy& policy) {
    auto thresholds = engine::gateSettings<coverage::Thresholds>(policy);
    EXPECT_TRUE(thresholds) << thresholds.error().render();
    return thresholds.value_or(coverage::Thresholds{});
}

CoverageSummary summaryOf(std::vector<coverage::FileCoverage> files) {
    CoverageSummary summary;
    for (const auto& f : files) {
        summary.linesTotal += f.linesTotal;
        summary.linesCovered += f.linesCovered;
    }
    summary.files = std::move(files);
    return summary;
}

} // namespace

TEST(CoverageCheck, BelowTheThresholdIsOneFindingAtTheConfigLine) {
    const auto policy = policyWith("tier: 1\nthresholds:\n  coverage: 80\n");
    const auto summary = summaryOf({{"src/a.cpp", 10, 10}, {"src/b.cpp", 10, 2}, {"src/c.cpp", 10, 7}});
    const auto findings = coverage::checkCoverage(summary, thresholdsOf(policy), policy, "/repo");
    ASSERT_EQ(findings.size(), 1u);
    const auto& f = findings[0];
    EXPECT_EQ(f.ruleId, "coverage.threshold");
    EXPECT_EQ(f.level, engine::Level::Error);
    EXPECT_EQ(f.at, (engine::SourcePoint{".devos/devos.yml", 3, 0}));
    EXPECT_EQ(f.message, "line coverage is 63.3% (19 of 30 lines), below the 80% threshold");
    EXPECT_FALSE(f.instead.empty());
    // The files with the most lines no test runs come first; fully covered files are not named.
    ASSERT_EQ(f.notes.size(), 2u);
    EXPECT_EQ(f.notes[0].at.file, "src/b.cpp");
    EXPECT_EQ(f.notes[0].message, "8 lines no test runs: 20.0% (2 of 10 lines)");
    EXPECT_EQ(f.notes[1].at.file, "src/c.cpp");
}

TEST(CoverageCheck, AtOrAboveTheThresholdPasses) {
    const auto policy = policyWith("thresholds: { coverage: 75 }\n");
    EXPECT_TRUE(
        coverage::checkCoverage(summaryOf({{"src/a.cpp", 4, 3}}), thresholdsOf(policy), policy, "/repo")
            .empty());
}

TEST(CoverageCheck, NoThresholdBelowTierTwoChecksNothing) {
    const auto policy = policyWith("tier: 1\n");
    EXPECT_TRUE(
        coverage::checkCoverage(summaryOf({{"src/a.cpp", 10, 1}}), thresholdsOf(policy), policy, "/repo")
            .empty());
}

TEST(CoverageCheck, TierTwoWithoutAThresholdAsksForNinetyPercent) {
    const auto policy = policyWith("tier: 2\n");
    const auto findings =
        coverage::checkCoverage(summaryOf({{"src/a.cpp", 100, 89}}), thresholdsOf(policy), policy, "/repo");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_NE(findings[0].message.find("below the 90% threshold"), std::string::npos);
    EXPECT_TRUE(
        coverage::checkCoverage(summaryOf({{"src/a.cpp", 100, 90}}), thresholdsOf(policy), policy, "/repo")
            .empty());
}

TEST(CoverageCheck, TheRuleCanBeTurnedOff) {
    const auto policy = policyWith("thresholds: { coverage: 80 }\nrules:\n  coverage.threshold: off\n");
    EXPECT_TRUE(
        coverage::checkCoverage(summaryOf({{"src/a.cpp", 10, 1}}), thresholdsOf(policy), policy, "/repo")
            .empty());
}

TEST(CoverageCheck, ManyFilesNameOnlyTheWorstFive) {
    const auto policy = policyWith("thresholds: { coverage: 99 }\n");
    std::vector<coverage::FileCoverage> files;
    for (unsigned long i = 1; i <= 8; ++i)
        files.push_back({"src/f" + std::to_string(i) + ".cpp", 10, 10 - i});
    const auto findings = coverage::checkCoverage(summaryOf(files), thresholdsOf(policy), policy, "/repo");
    ASSERT_EQ(findings.size(), 1u);
    ASSERT_EQ(findings[0].notes.size(), coverage::kLeastCoveredFiles);
    EXPECT_EQ(findings[0].notes[0].at.file, "src/f8.cpp");
}
