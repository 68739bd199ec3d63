#include "gates/gate_report.hpp"

#include <filesystem>
#include <gtest/gtest.h>

using devos::gates::GateResult;

namespace {

GateResult result(const std::string& name, const std::string& status, const std::string& note = "") {
    GateResult r;
    r.name = name;
    r.status = status;
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
    EXPECT_NE(junit.find("<skipped message=\"skipped: no .clang-format\"/>"), std::string::npos) << junit;
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
    EXPECT_EQ(read->status, "failed");
    EXPECT_EQ(read->note, "nothing to gate");
    EXPECT_EQ(read->exitCode, 1);
}
