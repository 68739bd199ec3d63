#include "sample_report.hpp"

#include <devos/output/json_writer.hpp>
#include <devos/output/stable_fingerprint.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace devos::output;

TEST(JsonWriter, ListsEveryFindingWithItsFieldsInAStableOrder) {
    Report report = samples::sampleReport();
    std::string text = renderJson(report);
    auto json = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(json["version"], 1);
    ASSERT_EQ(json["findings"].size(), 5u);

    const auto& clock = json["findings"][2];
    std::vector<std::string> keys;
    for (const auto& [key, value] : clock.items())
        keys.push_back(key);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"rule", "level", "file", "line", "column", "endLine", "endColumn",
                                        "message", "instead", "notes", "fixes", "fingerprint", "baselined"}));
    EXPECT_EQ(clock["rule"], "purity.clock");
    EXPECT_EQ(clock["level"], "error");
    EXPECT_EQ(clock["file"], "src/logic/pricing.cpp");
    EXPECT_EQ(clock["line"], 9);
    EXPECT_EQ(clock["column"], 12);
    EXPECT_EQ(clock["endLine"], 9);
    EXPECT_EQ(clock["endColumn"], 42);
    EXPECT_EQ(clock["fingerprint"], stableFingerprint(report.findings[2]));
    EXPECT_EQ(clock["baselined"], false);
    EXPECT_EQ(json["findings"][3]["rule"], "purity.env");
    EXPECT_EQ(json["findings"][3]["baselined"], true);
    EXPECT_EQ(json["summary"],
              (nlohmann::ordered_json{{"errors", 3}, {"warnings", 1}, {"notes", 0}, {"baselined", 1}}));
    EXPECT_EQ(text.rfind("{\n  \"version\": 1,\n  \"findings\": [", 0), 0u);
}

TEST(JsonWriter, WritesNotesAndFixes) {
    auto json = nlohmann::json::parse(renderJson(samples::sampleReport()));
    EXPECT_EQ(json["findings"][0]["notes"][0],
              (nlohmann::json{{"file", "src/logic/pricing.cpp"},
                              {"line", 12},
                              {"column", 6},
                              {"message", "'discounted' is declared in logic/"}}));
    EXPECT_EQ(json["findings"][1]["fixes"][0], (nlohmann::json{{"file", "src/logic/pricing.cpp"},
                                                               {"line", 3},
                                                               {"column", 1},
                                                               {"endLine", 4},
                                                               {"endColumn", 1},
                                                               {"replacement", ""}}));
}

TEST(JsonWriter, ReplacesInvalidUtf8InsteadOfFailing) {
    Report report;
    devos::engine::Finding finding;
    finding.ruleId = "purity.io";
    finding.message = "bad \xFF byte";
    report.findings = {finding};
    auto json = nlohmann::json::parse(renderJson(report));
    EXPECT_EQ(json["findings"][0]["message"], "bad \xEF\xBF\xBD byte");
}

// Issue 16 item 7: a file that could not be analysed was missing from the JSON report (text and
// SARIF named it); the run's notifications are listed.
TEST(JsonWriter, ListsTheRunsNotifications) {
    Report report = samples::sampleReport();
    report.toolNotifications.push_back("src/a.cpp could not be analysed: clang crashed while analysing it");
    auto json = nlohmann::json::parse(renderJson(report));
    ASSERT_TRUE(json["notifications"].is_array());
    EXPECT_EQ(json["notifications"].back(),
              "src/a.cpp could not be analysed: clang crashed while analysing it");
    EXPECT_EQ(json["notifications"].size(), report.toolNotifications.size());
}
