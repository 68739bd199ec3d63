#include <chrono>
#include <devos/adapters/process_command_runner.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

namespace devos::adapters {

TEST(ProcessCommandRunner, CapturesOutputExitCodeFolderAndEnvironment) {
    ProcessCommandRunner runner;
    auto r = runner.run(
        {{"sh", "-c", "echo out; echo err >&2; pwd; echo $DEVOS_X; exit 3"}, "/tmp", {{"DEVOS_X", "y"}}, 10});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_FALSE(r.timedOut);
    EXPECT_NE(r.output.find("out\n"), std::string::npos);
    EXPECT_NE(r.output.find("err\n"), std::string::npos);
    EXPECT_NE(r.output.find("/tmp\ny\n"), std::string::npos);
}

TEST(ProcessCommandRunner, AMissingProgramExits127) {
    auto r = ProcessCommandRunner().run({{"devos-no-such-program"}, "", {}, 10});
    EXPECT_EQ(r.exitCode, 127);
    EXPECT_EQ(ProcessCommandRunner().run({{}, "", {}, 10}).exitCode, 127);
}

TEST(ProcessCommandRunner, ATimeoutKillsTheWholeProcessGroup) {
    const auto marker =
        std::filesystem::temp_directory_path() / ("devos_runner_" + std::to_string(::getpid()));
    std::filesystem::remove(marker);
    const auto start = std::chrono::steady_clock::now();
    // The grandchild would write the marker after 3 s unless it is killed with its group.
    auto r = ProcessCommandRunner().run(
        {{"sh", "-c", "(sleep 3; touch '" + marker.string() + "') & sleep 30"}, "", {}, 1});
    EXPECT_TRUE(r.timedOut);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_FALSE(std::filesystem::exists(marker)) << "a process of the group survived the timeout";
}

TEST(ProcessCommandRunner, StopFromAnotherThreadKillsTheWholeProcessGroup) {
    const auto marker =
        std::filesystem::temp_directory_path() / ("devos_runner_stop_" + std::to_string(::getpid()));
    std::filesystem::remove(marker);
    ProcessCommandRunner runner;
    std::thread stopper([&runner] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        runner.stop();
    });
    const auto start = std::chrono::steady_clock::now();
    auto r = runner.run({{"sh", "-c", "(sleep 3; touch '" + marker.string() + "') & sleep 30"}, "", {}, 60});
    stopper.join();
    EXPECT_TRUE(r.stopped);
    EXPECT_FALSE(r.timedOut);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_FALSE(std::filesystem::exists(marker)) << "a process of the group survived the stop";
}

TEST(ProcessCommandRunner, LeftoverBackgroundProcessesDoNotHoldTheRunner) {
    const auto start = std::chrono::steady_clock::now();
    auto r = ProcessCommandRunner().run({{"sh", "-c", "sleep 30 & echo started"}, "", {}, 60});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.output.find("started"), std::string::npos);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(ProcessCommandRunner, KeepsTheTailOfLongOutput) {
    auto r =
        ProcessCommandRunner().run({{"sh", "-c", "yes abcdefgh | head -c 300000; echo END"}, "", {}, 30});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_LE(r.output.size(), 64u * 1024u);
    EXPECT_TRUE(r.output.ends_with("END\n"));
}

} // namespace devos::adapters
