#include "report/sarif_findings.hpp"

#include <gtest/gtest.h>

namespace devos::report {
namespace {

nlohmann::json location(const std::string& uri, unsigned line) {
    return {{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", {{"startLine", line}}}}}};
}

nlohmann::json sampleLog() {
    nlohmann::json call = {
        {"ruleId", "purity.transitive"},
        {"level", "error"},
        {"message", {{"text", "'total' is not pure"}}},
        {"locations", {location("src/logic/a.cpp", 7)}},
        {"partialFingerprints", {{"devos/v1", "abc"}}},
        {"relatedLocations", {location("src/logic/a.cpp", 7), location("src/services/b.cpp", 3)}}};
    call["relatedLocations"][0]["message"] = {{"text", "calls 'now' here"}};
    call["relatedLocations"][1]["message"] = {{"text", "'std::time' is here"}};
    nlohmann::json include = {{"ruleId", "layer.include"},
                              {"message", {{"text", "logic/ may not include adapters/ (\"x.hpp\")"}}},
                              {"locations", {location("include/x.hpp", 2)}},
                              {"relatedLocations", {location("src/logic/c.cpp", 1)}}};
    include["relatedLocations"][0]["message"] = {{"text", "included from here"}};
    return {{"version", "2.1.0"},
            {"runs",
             {{{"tool",
                {{"driver",
                  {{"name", "devos"},
                   {"rules",
                    {{{"id", "purity.transitive"},
                      {"help",
                       {{"text",
                         "Logic stays pure.\n\nWhy: tests.\n\nInstead: a port.\n\nAllowed: none."}}}}}}}}}},
               {"automationDetails", {{"id", "devos/layering/"}}},
               {"results", {call, include}}}}}};
}

TEST(SarifFindings, ReadsResultsChainsAndRuleTexts) {
    auto content = readSarif(sampleLog(), "fast.sarif");
    ASSERT_TRUE(content) << content.error().render();
    ASSERT_EQ(content->findings.size(), 2u);
    const FindingEntry& call = content->findings[0];
    EXPECT_EQ(call.rule, "purity.transitive");
    EXPECT_EQ(call.file, "src/logic/a.cpp");
    EXPECT_EQ(call.line, 7u);
    EXPECT_EQ(call.gate, "layering");
    EXPECT_EQ(call.fingerprint, "abc");
    EXPECT_EQ(call.chainKind, "call");
    ASSERT_EQ(call.steps.size(), 2u);
    EXPECT_EQ(call.steps[1].file, "src/services/b.cpp");
    EXPECT_EQ(call.steps[1].message, "'std::time' is here");
    EXPECT_EQ(content->findings[1].chainKind, "include");
    EXPECT_EQ(content->findings[1].level, "warning"); // SARIF's default level
    ASSERT_EQ(content->rules.size(), 1u);
    EXPECT_EQ(content->rules[0].summary, "Logic stays pure.");
    EXPECT_EQ(content->rules[0].why, "tests.");
    EXPECT_EQ(content->rules[0].instead, "a port.");
    EXPECT_EQ(content->rules[0].allowed, "none.");
}

TEST(SarifFindings, ABrokenLogIsAnErrorNamingTheFileNeverNoFindings) {
    auto noRuns = readSarif(nlohmann::json{{"version", "2.1.0"}}, "build/devos/fast.sarif");
    ASSERT_FALSE(noRuns);
    EXPECT_EQ(noRuns.error().file, "build/devos/fast.sarif");
    EXPECT_NE(noRuns.error().message.find("'runs'"), std::string::npos);
    auto log = sampleLog();
    log["runs"][0]["results"][1].erase("ruleId");
    auto noRule = readSarif(log, "x.sarif");
    ASSERT_FALSE(noRule);
    EXPECT_NE(noRule.error().message.find("runs[0].results[1] has no ruleId"), std::string::npos);
    log = sampleLog();
    log["runs"][0].erase("results");
    EXPECT_FALSE(readSarif(log, "x.sarif"));
    EXPECT_FALSE(readSarif(nlohmann::json::array(), "x.sarif"));
}

TEST(SarifFindings, HelpWithoutParagraphsIsTheSummary) {
    const RuleText plain = ruleTextFromHelp("format", "DevOS format gate");
    EXPECT_EQ(plain.summary, "DevOS format gate");
    EXPECT_EQ(plain.why, "");
}

} // namespace
} // namespace devos::report
