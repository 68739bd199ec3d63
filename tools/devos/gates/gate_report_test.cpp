#include "gates/gate_report.hpp"

#include <devos/foundation/files.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

using devos::gates::GateResult;
using devos::gates::GateStatus;
using devos::gates::gateStatusNamed;

namespace {

GateResult result(const std::string& name, const std::string& status, const std::string& note = "") {
    GateResult r;
    r.name = name;
    r.status = *gateStatusNamed(status);
    r.exitCode = status == "failed" ? 1 : 0;
    r.findings = status == "failed" ? 1 : 0;
    r.detail = status == "failed" && note.empty() ? "the command's output\n" : ""; // a command ran
    r.note = note;
    return r;
}

} // namespace

TEST(GateReport, ShowsWhyAGateWasSkippedOrFailedWithoutRunning) {
    auto rows =
        devos::gates::foldResults({result("format", "skipped", "skipped: no .clang-format"),
                                   result("layering", "failed", "nothing to gate: no first-party C++ target"),
                                   result("secrets", "failed")});
    std::string table = devos::gates::renderTable("FULL gate (tier 1)", rows);
    EXPECT_NE(table.find("  format         skipped"), std::string::npos) << table;
    EXPECT_NE(table.find("    (skipped: no .clang-format)\n"), std::string::npos) << table;
    EXPECT_NE(table.find("  layering       FAILED"), std::string::npos) << table;
    EXPECT_NE(table.find("    (nothing to gate: no first-party C++ target)\n"), std::string::npos) << table;
    EXPECT_EQ(table.find("the command's output"), std::string::npos)
        << table; // printed by the edge, not the table
    EXPECT_NE(table.find("FAILED: 2 of 3 gates"), std::string::npos) << table;

    std::string junit = devos::gates::renderJunit("devos", rows);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(junit.c_str())) << junit;
    EXPECT_STREQ(doc.select_node("//testcase[@name='format']/skipped").node().attribute("message").value(),
                 "skipped: no .clang-format")
        << junit;
    EXPECT_NE(junit.find(">nothing to gate: no first-party C++ target\n</failure>"), std::string::npos)
        << junit;
    EXPECT_NE(junit.find(">the command's output\n</failure>"), std::string::npos) << junit;
}

TEST(GateReport, AReasonOfAnotherStatusStaysOutOfTheRow) {
    // A per-file gate whose one part was skipped and another failed: the row failed, not for that reason.
    auto rows = devos::gates::foldResults(
        {result("format", "skipped", "skipped: excluded"), result("format", "failed")});
    ASSERT_EQ(rows.size(), 1u);
    std::string table = devos::gates::renderTable("FAST gate (tier 1)", rows);
    EXPECT_EQ(table.find("excluded"), std::string::npos) << table;
}

TEST(GateResult, KeepsTheNoteThroughItsFile) {
    auto path = std::filesystem::temp_directory_path() / "devos_gate_result_test.json";
    ASSERT_TRUE(
        devos::gates::writeGateResult(path.string(), result("layering", "failed", "nothing to gate")));
    auto read = devos::gates::readGateResult(path.string());
    std::filesystem::remove(path);
    ASSERT_TRUE(read) << read.error().render();
    EXPECT_EQ(read->status, GateStatus::Failed);
    EXPECT_EQ(read->note, "nothing to gate");
    EXPECT_EQ(read->exitCode, 1);
}

// A result whose status is not one of the four words is corrupt: before the status was an enum, any
// other word (a typo, an empty string) folded into a row that was not "failed", a false pass.
TEST(GateResult, AnUnknownStatusIsCorruptNeverAPass) {
    for (auto status : {GateStatus::Passed, GateStatus::Failed, GateStatus::Skipped, GateStatus::Advisory})
        EXPECT_EQ(gateStatusNamed(devos::gates::statusName(status)), status);
    EXPECT_FALSE(gateStatusNamed("fialed"));
    EXPECT_FALSE(gateStatusNamed(""));
    EXPECT_FALSE(gateStatusNamed("FAILED"));
    auto path = std::filesystem::temp_directory_path() / "devos_gate_status_test.json";
    ASSERT_TRUE(
        devos::foundation::writeFileAtomically(path.string(), R"({"name":"layering","status":"fialed"})"));
    auto read = devos::gates::readGateResult(path.string());
    std::filesystem::remove(path);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().file, path.string());
    EXPECT_EQ(read.error().message,
              "corrupt gate result: unknown status 'fialed' (passed, failed, skipped or advisory)");
}

// A gate run with --diagnostics (whatever its name; format was once the only one) becomes a SARIF run
// of its diagnostic lines; a gate without SARIF or diagnostics adds no run.
TEST(GateReport, MergedSarifHasARunForEveryGateRunWithDiagnostics) {
    GateResult tidy = result("tidy", "failed");
    tidy.diagnostics = true;
    tidy.detail = "src/a.cpp:3:5: warning: use auto [modernize-use-auto]\nnot a diagnostic\n";
    auto written = std::filesystem::temp_directory_path() / "devos_gate_diagnostics_test.json";
    ASSERT_TRUE(devos::gates::writeGateResult(written.string(), tidy));
    auto read = devos::gates::readGateResult(written.string());
    std::filesystem::remove(written);
    ASSERT_TRUE(read) << read.error().render();
    EXPECT_TRUE(read->diagnostics) << "kept through its file";
    const auto sarif = nlohmann::json::parse(
        devos::gates::mergeSarif(devos::gates::foldResults({*read, result("unit-tests", "failed")})));
    ASSERT_EQ(sarif["runs"].size(), 1u) << sarif.dump(2);
    const auto& run = sarif["runs"][0];
    EXPECT_EQ(run["automationDetails"]["id"], "devos/tidy/");
    ASSERT_EQ(run["results"].size(), 1u);
    EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
}

TEST(GateReport, JunitIsValidXmlWhateverTheOutputHolds) {
    // Control characters, markup, a long UTF-8 detail and a long name: nothing cut, nothing invalid.
    GateResult failed = result("format-and-some-very-long-gate-name", "failed");
    failed.detail =
        "a.cpp:1:2: error: <b>&\"quoted\"\x01\x1b[31m</b>\n" + std::string(600, 'x') + "\xc3\xa9\n";
    failed.seconds = 1.23456;
    auto rows = devos::gates::foldResults({failed, result("layering", "passed")});
    std::string junit = devos::gates::renderJunit("devos-FAST gate (tier 1)", rows);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(junit.c_str())) << junit;
    auto suite = doc.child("testsuites").child("testsuite");
    EXPECT_STREQ(suite.attribute("name").value(), "devos-FAST gate (tier 1)");
    EXPECT_STREQ(suite.attribute("tests").value(), "2");
    EXPECT_STREQ(suite.attribute("failures").value(), "1");
    auto testcase = suite.find_child_by_attribute("testcase", "name", "format-and-some-very-long-gate-name");
    EXPECT_STREQ(testcase.attribute("time").value(), "1.235");
    std::string text = testcase.child("failure").text().as_string();
    EXPECT_EQ(text, "a.cpp:1:2: error: <b>&\"quoted\"[31m</b>\n" + std::string(600, 'x') + "\xc3\xa9\n");
    EXPECT_EQ(junit.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u) << junit;
}

TEST(GateReport, TheTableKeepsALongGateNameWhole) {
    auto rows = devos::gates::foldResults({result(std::string(300, 'g'), "passed")});
    std::string table = devos::gates::renderTable("FAST gate (tier 1)", rows);
    EXPECT_NE(table.find(std::string(300, 'g') + " passed"), std::string::npos) << table;
    EXPECT_NE(table.find("  gate           status     findings      time\n"), std::string::npos) << table;
}

TEST(GateResult, CountsTheSarifResultsThatAreNotNotes) {
    auto dir = std::filesystem::temp_directory_path() / "devos_gate_sarif_test";
    std::filesystem::create_directories(dir);
    auto write = [&](const std::string& name, const std::string& text) {
        std::string path = (dir / name).string();
        EXPECT_TRUE(devos::foundation::writeFileAtomically(path, text));
        return path;
    };
    auto counted = devos::gates::countSarifFindings(write(
        "ok.sarif",
        R"({"runs": [{"results": [{"level": "error"}, {"level": "note"}, {}]}, {"results": []}, {}]})"));
    ASSERT_TRUE(counted) << counted.error().render();
    EXPECT_EQ(*counted, 2);
}

TEST(GateResult, ASarifThatCannotBeReadIsAnErrorNeverZeroFindings) {
    auto dir = std::filesystem::temp_directory_path() / "devos_gate_sarif_bad_test";
    std::filesystem::create_directories(dir);
    auto missing = devos::gates::countSarifFindings((dir / "none.sarif").string());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, devos::foundation::ErrorKind::NotFound);
    std::string truncated = (dir / "cut.sarif").string();
    ASSERT_TRUE(
        devos::foundation::writeFileAtomically(truncated, "{\n  \"runs\": [\n    {\"results\": [{\"lev"));
    auto cut = devos::gates::countSarifFindings(truncated);
    ASSERT_FALSE(cut);
    EXPECT_EQ(cut.error().line, 3u);
    std::string other = (dir / "other.json").string();
    ASSERT_TRUE(devos::foundation::writeFileAtomically(other, R"({"version": "2.1.0"})"));
    EXPECT_FALSE(devos::gates::countSarifFindings(other));
}
