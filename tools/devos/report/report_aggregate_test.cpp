#include "report/report_aggregate.hpp"

#include <gtest/gtest.h>

namespace devos::report {
namespace {

FindingEntry finding(std::string rule, std::string file, unsigned line,
                     FindingState state = FindingState::New, std::string message = "m",
                     std::string level = "error") {
    FindingEntry f;
    f.rule = std::move(rule);
    f.file = std::move(file);
    f.line = line;
    f.state = state;
    f.message = std::move(message);
    f.level = std::move(level);
    return f;
}

TEST(ReportAggregate, SortsNewFirstThenByFileLineRule) {
    std::vector<FindingEntry> f = {
        finding("b", "z.cpp", 1, FindingState::Allowed), finding("b", "a.cpp", 9), finding("a", "a.cpp", 9),
        finding("c", "a.cpp", 2, FindingState::Baselined), finding("a", "a.cpp", 3)};
    sortFindings(f);
    std::vector<std::string> order;
    for (const auto& x : f)
        order.push_back(x.rule + "@" + x.file + ":" + std::to_string(x.line));
    EXPECT_EQ(order,
              (std::vector<std::string>{"a@a.cpp:3", "a@a.cpp:9", "b@a.cpp:9", "c@a.cpp:2", "b@z.cpp:1"}));
}

TEST(ReportAggregate, CountsByStateLevelRuleAndFile) {
    std::vector<FindingEntry> f = {
        finding("a", "x.cpp", 1), finding("a", "y.cpp", 1, FindingState::New, "m", "warning"),
        finding("b", "x.cpp", 2, FindingState::Baselined), finding("a", "x.cpp", 3, FindingState::Allowed)};
    const FindingCounts c = countFindings(f);
    EXPECT_EQ(c.total, 4);
    EXPECT_EQ(c.fresh, 2);
    EXPECT_EQ(c.baselined, 1);
    EXPECT_EQ(c.allowed, 1);
    EXPECT_EQ(c.errors, 1);
    EXPECT_EQ(c.warnings, 1);
    EXPECT_EQ(c.byRule, (std::vector<std::pair<std::string, long>>{{"a", 3}, {"b", 1}}));
    EXPECT_EQ(c.byFile, (std::vector<std::pair<std::string, long>>{{"x.cpp", 3}, {"y.cpp", 1}}));
}

TEST(ReportAggregate, LayerEdgesJoinThePolicyAndTheViolations) {
    const std::vector<LayerNode> layers = {
        {"contracts", {}}, {"logic", {"contracts"}}, {"adapters", {"contracts", "logic"}}};
    std::vector<FindingEntry> f = {
        finding("layer.include", "src/logic/a.cpp", 1, FindingState::New,
                "logic/ may not include adapters/ (\"db.hpp\"): logic/ may include only contracts"),
        finding("layer.include", "src/logic/b.cpp", 1, FindingState::New,
                "logic/ may not include adapters/ (\"x\")"),
        finding("layer.include", "src/logic/c.cpp", 1, FindingState::Baselined,
                "logic/ may not include adapters/ (\"x\")"),
        finding("layer.include", "src/logic/d.cpp", 1, FindingState::New,
                "logic/ may not include the external library <x>"),
        finding("purity.clock", "src/logic/e.cpp", 1, FindingState::New,
                "logic/ may not include adapters/ (\"x\")")};
    EXPECT_EQ(violatedEdge(f[0]), std::optional(std::pair<std::string, std::string>("logic", "adapters")));
    EXPECT_FALSE(violatedEdge(f[3]));
    EXPECT_FALSE(violatedEdge(f[4])); // not a layering rule
    const auto edges = layerEdges(layers, f);
    ASSERT_EQ(edges.size(), 4u);
    EXPECT_EQ(edges[0].from, "adapters");
    EXPECT_TRUE(edges[0].allowed);
    const LayerEdge& bad =
        edges[2]; // (from, to) order: adapters>contracts, adapters>logic, logic>adapters, ...
    EXPECT_EQ(bad.from + ">" + bad.to, "logic>adapters");
    EXPECT_FALSE(bad.allowed);
    EXPECT_EQ(bad.violations, 2); // the baselined one is not new
}

TEST(ReportAggregate, FailuresPerDayFillTheDaysBetween) {
    constexpr long long day = 86'400'000;
    const long long jan1 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    EXPECT_EQ(utcDay(jan1), "2026-01-01");
    EXPECT_EQ(utcDay(jan1 - 1), "2025-12-31");
    std::vector<FailureRecord> f = {{jan1 + 5, "r1", "S", "a", "p1", "x", ""},
                                    {jan1 + 2 * day + 7, "r2", "S", "a", "p1", "x", ""},
                                    {jan1 + 2 * day + 9, "r2", "S", "b", "p2", "y", ""}};
    const auto days = failuresPerDay(f, 60);
    ASSERT_EQ(days.size(), 3u);
    EXPECT_EQ(days[0].day, "2026-01-01");
    EXPECT_EQ(days[1].failures, 0);
    EXPECT_EQ(days[2].failures, 2);
    EXPECT_EQ(failuresPerDay(f, 2).front().day, "2026-01-02");
    EXPECT_TRUE(failuresPerDay({}, 60).empty());
}

TEST(ReportAggregate, TopPatternsAreTheRecurringOnesWithTheNewestExample) {
    std::vector<FailureRecord> f = {
        {1, "r1", "S", "a", "p1", "old\nstack", ""}, {3, "r2", "S", "b", "p1", "new\nstack", ""},
        {2, "r1", "S", "c", "p2", "once", ""},       {4, "r3", "T", "d", "p3", "z", ""},
        {5, "r4", "T", "d", "p3", "z", ""},          {6, "r5", "T", "d", "p3", "z", ""}};
    const auto top = topPatterns(f, 10);
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(top[0].patternId, "p3");
    EXPECT_EQ(top[0].occurrences, 3);
    EXPECT_EQ(top[1].example, "S.b: new");
    EXPECT_EQ(topPatterns(f, 1).size(), 1u);
}

TEST(ReportAggregate, FlakyTestsFailedInOneRunAndPassedInAnother) {
    std::vector<FailureRecord> f = {{1, "r1", "S", "flaky", "p", "x", ""},
                                    {2, "r2", "S", "broken", "p", "x", ""},
                                    {3, "r3", "S", "broken", "p", "x", ""}};
    std::vector<PassRecord> p = {{"r2", "S", "flaky"}, {"r3", "S", "flaky"}, {"r1", "S", "other"}};
    const auto flaky = flakyTests(f, p);
    ASSERT_EQ(flaky.size(), 1u);
    EXPECT_EQ(flaky[0].test, "S.flaky");
    EXPECT_EQ(flaky[0].failed, 1);
    EXPECT_EQ(flaky[0].passed, 2);
}

TEST(ReportAggregate, WindowKeepsTheLastDaysUpToTheNewestFailure) {
    constexpr long long day = 86'400'000;
    const long long jan1 = 1'767'225'600'000;
    std::vector<FailureRecord> f = {{jan1 + 3 * day, "r3", "S", "a", "p1", "x", ""},
                                    {jan1, "r1", "S", "a", "p1", "x", ""},
                                    {jan1 + 2 * day, "r2", "S", "b", "p2", "y", ""}};
    const auto window = failuresInWindow(f, 2);
    ASSERT_EQ(window.size(), 2u);
    EXPECT_EQ(window[0].runId, "r3");
    EXPECT_EQ(window[1].runId, "r2");
    EXPECT_EQ(failuresInWindow(f, 60).size(), 3u);
    EXPECT_TRUE(failuresInWindow(f, 0).empty());
}

TEST(ReportAggregate, PatternRepresentativesAreTheNewestFailureOfEachPatternMostFrequentFirst) {
    std::vector<FailureRecord> f = {{5, "r1", "S", "a", "pb", "x", ""},
                                    {9, "r2", "S", "b", "pa", "y", ""},
                                    {7, "r3", "S", "c", "pb", "x", ""},
                                    {1, "r4", "S", "d", "pc", "z", ""}};
    const auto reps = patternRepresentatives(f, 10);
    ASSERT_EQ(reps.size(), 3u);
    EXPECT_EQ(reps[0].patternId, "pb");
    EXPECT_EQ(reps[0].failures, 2);
    EXPECT_EQ(reps[0].newest, 2u);
    EXPECT_EQ(reps[1].patternId, "pa"); // one failure each: by pattern id
    EXPECT_EQ(reps[2].patternId, "pc");
    EXPECT_EQ(patternRepresentatives(f, 1).size(), 1u);
}

TEST(ReportAggregate, LeaderClusteringJoinsSimilarPatternsOnce) {
    constexpr long long day = 86'400'000;
    const long long jan1 = 1'767'225'600'000;
    std::vector<FailureRecord> f = {
        {jan1 + 2 * day, "r1", "Db", "save", "p1", "connection refused: orders\nat", ""},
        {jan1, "r2", "Db", "save", "p1", "connection refused: orders", ""},
        {jan1 + day, "r3", "Db", "load", "p2", "connection refused: invoices", ""},
        {jan1 + day, "r3", "Ui", "draw", "p3", "null widget", ""},
        {jan1 + day, "r3", "Ui", "size", "p4", "null widget size", ""},
        {jan1, "r3", "Ui", "tick", "p5", "timer", ""}};
    const auto patterns = patternRepresentatives(f, 10); // p1 (2), then p2, p3, p4, p5
    ASSERT_EQ(patterns.size(), 5u);
    // p1 ~ p2, p3 ~ p4, and p2 ~ p3 as well: p3 stays out of p1's cluster (p2 is no leader).
    std::vector<std::vector<std::size_t>> similar = {{1}, {0, 2}, {3, 1}, {2}, {}};
    const auto clusters = similarIncidentClusters(f, patterns, similar);
    ASSERT_EQ(clusters.size(), 2u);
    EXPECT_EQ(clusters[0].failures, 3);
    EXPECT_EQ(clusters[0].patternIds, (std::vector<std::string>{"p1", "p2"}));
    EXPECT_EQ(clusters[0].example, "Db.save: connection refused: orders");
    EXPECT_EQ(clusters[0].firstSeen, "2026-01-01");
    EXPECT_EQ(clusters[0].lastSeen, "2026-01-03");
    EXPECT_EQ(clusters[1].failures, 2);
    EXPECT_EQ(clusters[1].patternIds, (std::vector<std::string>{"p3", "p4"}));
    EXPECT_EQ(clusters[1].firstSeen, "2026-01-02");
    EXPECT_TRUE(similarIncidentClusters(f, patterns, {{}, {}, {}, {}, {}}).empty());
}

} // namespace
} // namespace devos::report
