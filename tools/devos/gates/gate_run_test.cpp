// gates::runGate and gates::recordGate, the use cases behind `devos gate run|skip|fail`, with real
// processes and result files.
#include "gates/gate_run.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::gates {
namespace {

namespace fs = std::filesystem;

class GateRunTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("devos_gate_run_test_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    std::string path(const std::string& name) const { return (dir / name).string(); }
    GateRunRequest request(std::vector<std::string> command) const {
        return {.name = "format", .resultFile = path("format.json"), .command = std::move(command)};
    }

    fs::path dir;
};

TEST_F(GateRunTest, APassingCommandIsRecordedPassedWithNoDetail) {
    auto ran = runGate(request({"sh", "-c", "echo fine"}));
    ASSERT_TRUE(ran) << ran.error().render();
    EXPECT_TRUE(ran->ok);
    auto stored = readGateResult(path("format.json"));
    ASSERT_TRUE(stored) << stored.error().render();
    EXPECT_EQ(stored->status, GateStatus::Passed);
    EXPECT_EQ(stored->findings, 0);
    EXPECT_EQ(stored->detail, "");
}

TEST_F(GateRunTest, AFailingCommandIsFailedOrAdvisoryWithItsOutput) {
    auto ran = runGate(request({"sh", "-c", "echo broken; exit 3"}));
    ASSERT_TRUE(ran);
    EXPECT_FALSE(ran->ok);
    EXPECT_EQ(ran->output, "broken\n");
    EXPECT_EQ(ran->result.status, GateStatus::Failed);
    EXPECT_EQ(ran->result.exitCode, 3);
    EXPECT_EQ(ran->result.findings, 1);
    EXPECT_EQ(ran->result.detail, "broken\n");
    auto advisory = request({"false"});
    advisory.advisory = true;
    EXPECT_EQ(runGate(advisory)->result.status, GateStatus::Advisory);
}

TEST_F(GateRunTest, DiagnosticsAreCountedAndAnUnreadableSarifFailsTheGate) {
    auto counted = request({"sh", "-c", "echo 'a.cpp:1:2: warning: x'; echo 'b.cpp:3:4: error: y'"});
    counted.diagnostics = true;
    auto ran = runGate(counted);
    ASSERT_TRUE(ran);
    EXPECT_TRUE(ran->ok);
    EXPECT_EQ(ran->result.findings, 2);
    EXPECT_FALSE(ran->result.detail.empty()) << "--diagnostics keeps the output";

    auto sarif = request({"true"});
    sarif.sarif = path("none.sarif");
    auto unread = runGate(sarif);
    ASSERT_TRUE(unread);
    EXPECT_FALSE(unread->ok) << "an unreadable SARIF is never zero findings";
    EXPECT_EQ(unread->result.status, GateStatus::Failed);
    EXPECT_NE(unread->output.find("none.sarif"), std::string::npos);
}

TEST_F(GateRunTest, AnUnwritableResultIsTheError) {
    auto ran = runGate({.name = "x", .resultFile = "/proc/devos/x.json", .command = {"true"}});
    ASSERT_FALSE(ran);
    EXPECT_EQ(ran.error().file, "/proc/devos/x.json");
}

TEST_F(GateRunTest, RecordedGatesCarryTheirReason) {
    auto skipped = recordGate("coverage", path("coverage.json"), GateStatus::Skipped, "not tier 2");
    ASSERT_TRUE(skipped);
    EXPECT_EQ(skipped->exitCode, 0);
    auto failed = recordGate("deps", path("deps.json"), GateStatus::Failed, "no dependency record");
    ASSERT_TRUE(failed);
    auto stored = readGateResult(path("deps.json"));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->status, GateStatus::Failed);
    EXPECT_EQ(stored->exitCode, 1);
    EXPECT_EQ(stored->findings, 1);
    EXPECT_EQ(stored->note, "no dependency record");
}

} // namespace
} // namespace devos::gates
