#include "sample_report.hpp"
#include "sarif_parts.hpp"

#include <cstdlib>
#include <devos/output/line_hash.hpp>
#include <devos/output/sarif_writer.hpp>
#include <devos/output/stable_fingerprint.hpp>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace devos::output;
using devos::engine::Finding;
using devos::engine::Level;
using Json = nlohmann::json;

namespace {

constexpr const char* goldenFile = DEVOS_OUTPUT_TESTDATA "/golden.sarif";
constexpr const char* normalizedRootUri = "file:///repo-root/";

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The SARIF with the machine-specific root URI replaced by file:///repo-root/.
std::string normalizedSarif(const Report& report) {
    std::string sarif = renderSarif(report);
    const std::string rootUri = sarif::directoryUri(report.repoRoot);
    for (auto at = sarif.find(rootUri); at != std::string::npos; at = sarif.find(rootUri, at))
        sarif.replace(at, rootUri.size(), normalizedRootUri);
    return sarif;
}

Finding findingAt(const std::string& file, unsigned line, Level level) {
    Finding finding;
    finding.ruleId = "purity.io";
    finding.level = level;
    finding.at = {file, line, 1};
    finding.message = "logic function 'f' writes to stdout";
    finding.subject = file + ":" + std::to_string(line);
    return finding;
}

// Every URI in the results: locations, related locations and fixes.
std::vector<std::string> resultUris(const Json& run) {
    std::vector<std::string> uris;
    for (const auto& result : run["results"]) {
        for (const char* kind : {"locations", "relatedLocations"})
            for (const auto& location : result.value(kind, Json::array()))
                uris.push_back(location["physicalLocation"]["artifactLocation"]["uri"]);
        for (const auto& fix : result.value("fixes", Json::array()))
            for (const auto& change : fix["artifactChanges"])
                uris.push_back(change["artifactLocation"]["uri"]);
    }
    return uris;
}

} // namespace

// To accept a deliberate change: DEVOS_UPDATE_GOLDEN=1 ctest -R SarifWriter.MatchesTheGoldenFile
TEST(SarifWriter, MatchesTheGoldenFile) {
    std::string actual = normalizedSarif(samples::sampleReport());
    if (std::getenv("DEVOS_UPDATE_GOLDEN") != nullptr)
        std::ofstream(goldenFile, std::ios::binary) << actual;
    EXPECT_EQ(actual, readText(goldenFile)) << "rerun with DEVOS_UPDATE_GOLDEN=1 to accept the new output";
}

TEST(SarifWriter, DescribesEveryCatalogRuleInCatalogOrder) {
    Report report = samples::sampleReport();
    Json run = Json::parse(renderSarif(report))["runs"][0];
    const auto& rules = run["tool"]["driver"]["rules"];
    ASSERT_EQ(rules.size(), report.catalog->rules().size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const auto& rule = report.catalog->rules()[i];
        EXPECT_EQ(rules[i]["id"], rule.id);
        EXPECT_EQ(rules[i]["help"]["markdown"], report.catalog->helpMarkdown(rule));
        EXPECT_EQ(rules[i]["properties"]["precision"], "very-high");
    }
    for (const auto& result : run["results"])
        EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], result["ruleId"]);
}

TEST(SarifWriter, LeavesBaselinedFindingsOutAndCountsThem) {
    Json run = Json::parse(renderSarif(samples::sampleReport()))["runs"][0];
    EXPECT_EQ(run["results"].size(), 4u);
    for (const auto& result : run["results"])
        EXPECT_NE(result["ruleId"], "purity.env");
    EXPECT_EQ(run["properties"]["baselinedResults"], 1);
    EXPECT_EQ(run["properties"]["omittedResults"], 0);
}

TEST(SarifWriter, AddsTheRunPropertiesItIsGiven) {
    Report report = samples::sampleReport();
    report.runProperties["dependencyRecord"] = "cmake cache + codemodel";
    Json run = Json::parse(renderSarif(report))["runs"][0];
    EXPECT_EQ(run["properties"]["dependencyRecord"], "cmake cache + codemodel");
    EXPECT_EQ(run["properties"]["baselinedResults"], 1);
}

TEST(SarifWriter, FingerprintsTheSourceLineLikeGitHub) {
    Report report = samples::sampleReport();
    Json run = Json::parse(renderSarif(report))["runs"][0];
    const std::string source = readText(report.repoRoot + "/src/logic/pricing.cpp");
    const auto& clock = run["results"][2];
    ASSERT_EQ(clock["ruleId"], "purity.clock");
    EXPECT_EQ(clock["partialFingerprints"]["primaryLocationLineHash"], lineFingerprint(source, 9));
    EXPECT_EQ(clock["partialFingerprints"]["devos/v1"], stableFingerprint(report.findings[2]));
}

TEST(SarifWriter, WritesNoAbsolutePathInResultUris) {
    Report report = samples::sampleReport();
    Finding absolute = findingAt(report.repoRoot + "/src/logic/pricing.cpp", 3, Level::Error);
    report.findings.push_back(absolute);
    Json run = Json::parse(renderSarif(report))["runs"][0];
    for (const std::string& uri : resultUris(run)) {
        EXPECT_FALSE(uri.starts_with("/")) << uri;
        EXPECT_EQ(uri.find(':'), std::string::npos) << uri;
        EXPECT_EQ(uri.find(report.repoRoot), std::string::npos) << uri;
    }
    EXPECT_EQ(run["results"].back()["locations"][0]["physicalLocation"]["artifactLocation"],
              (Json{{"uri", "src/logic/pricing.cpp"}, {"uriBaseId", "%SRCROOT%"}}));
}

TEST(SarifWriter, GivesFilesOutsideTheRepoAFileUri) {
    Report report = samples::sampleReport();
    report.findings = {findingAt("/usr/include/my lib.h", 3, Level::Error)};
    Json location =
        Json::parse(renderSarif(report))["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"], (Json{{"uri", "file:///usr/include/my%20lib.h"}}));
}

TEST(SarifWriter, MakesEveryRegionAtLeastOneColumnWide) {
    Report report = samples::sampleReport();
    report.findings = {findingAt("src/logic/pricing.cpp", 3, Level::Error)};
    Json region = Json::parse(
        renderSarif(report))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    EXPECT_EQ(region, (Json{{"startLine", 3}, {"startColumn", 1}, {"endLine", 3}, {"endColumn", 2}}));
}

TEST(SarifWriter, KeepsGitHubsResultLimitErrorsFirst) {
    Report report = samples::sampleReport();
    report.findings.clear();
    report.findings.push_back(findingAt("src/a.cpp", 1, Level::Warning));
    report.findings.push_back(findingAt("src/a.cpp", 2, Level::Note));
    for (unsigned i = 0; i < SarifLimits::resultsPerRun - 1; ++i)
        report.findings.push_back(findingAt("src/b.cpp", i + 1, Level::Error));
    ASSERT_EQ(report.findings.size(), 25'001u);

    Json run = Json::parse(renderSarif(report))["runs"][0];
    ASSERT_EQ(run["results"].size(), 25'000u);
    EXPECT_EQ(run["results"][0]["level"], "warning");
    EXPECT_EQ(run["results"][1]["level"], "error");
    EXPECT_EQ(run["properties"]["omittedResults"], 1);
    const auto& notifications = run["invocations"][0]["toolExecutionNotifications"];
    ASSERT_EQ(notifications.size(), 2u);
    EXPECT_EQ(notifications[1]["message"]["text"].get<std::string>().rfind("1 of 25001 results left out", 0),
              0u);
}

TEST(SarifWriter, CapsRelatedLocationsTagsAndTexts) {
    auto parsed = devos::engine::RuleCatalog::parse(
        "version: 1\nrules:\n  big.rule:\n    level: note\n    name: " + std::string(300, 'N') +
            "\n    summary: " + std::string(2000, 's') +
            "\n    why: w\n    instead: i\n    allowed: a\n    tags: [" +
            [] {
                std::string tags;
                for (int i = 0; i < 25; ++i)
                    tags += (i == 0 ? "t" : ", t") + std::to_string(i);
                return tags;
            }() +
            "]\n",
        "test");
    ASSERT_TRUE(parsed) << parsed.error().render();
    Report report;
    report.catalog = &*parsed;
    Finding many = findingAt("src/a.cpp", 1, Level::Note);
    many.ruleId = "big.rule";
    for (unsigned i = 0; i < 1'200; ++i)
        many.notes.push_back({{"src/a.cpp", i + 1, 1}, "step"});
    report.findings = {many};

    Json run = Json::parse(renderSarif(report))["runs"][0];
    const auto& rule = run["tool"]["driver"]["rules"][0];
    EXPECT_EQ(rule["name"].get<std::string>().size(), SarifLimits::ruleNameBytes);
    EXPECT_EQ(rule["shortDescription"]["text"].get<std::string>().size(), SarifLimits::descriptionBytes);
    EXPECT_TRUE(rule["shortDescription"]["text"].get<std::string>().ends_with("\xE2\x80\xA6"));
    EXPECT_EQ(rule["properties"]["tags"].size(), SarifLimits::tagsPerRule);
    EXPECT_EQ(rule["properties"]["problem.severity"], "recommendation");
    EXPECT_EQ(run["results"][0]["relatedLocations"].size(), SarifLimits::relatedLocationsPerResult);
    EXPECT_EQ(run["results"][0]["ruleIndex"], 0);
}

TEST(SarifWriter, CutsTextAtAUtf8Boundary) {
    std::string text = "a";
    for (int i = 0; i < 10; ++i)
        text += "\xC3\xA9";
    std::string cut = sarif::truncated(text, 9);
    EXPECT_EQ(cut, "a\xC3\xA9\xC3\xA9\xE2\x80\xA6");
    EXPECT_EQ(sarif::truncated("short", 9), "short");
}
