#include <atomic>
#include <chrono>
#include <csignal>
#include <devos/foundation/process.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

using devos::foundation::ProcessRequest;
using devos::foundation::runProcess;

// Whether `pid` is a live process (a zombie waiting for its parent counts as gone).
bool alive(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string pidText, comm, state;
    return stat >> pidText >> comm >> state && state != "Z" && state != "X";
}

void noop(int) {}

} // namespace

TEST(Process, CapturesOutputAndErrorTogetherWithTheExitCode) {
    auto outcome = runProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
    EXPECT_EQ(outcome.exitCode, 3);
    EXPECT_EQ(outcome.output, "out\nerr\n");
    EXPECT_GE(outcome.seconds, 0.0);
}

TEST(Process, AProgramThatCannotRunIs127WithTheReason) {
    auto outcome = runProcess({"devos-no-such-program"});
    EXPECT_EQ(outcome.exitCode, 127);
    EXPECT_EQ(outcome.output, "devos: cannot run devos-no-such-program: No such file or directory\n");
    EXPECT_EQ(runProcess(std::vector<std::string>{}).exitCode, 127);
}

TEST(Process, StdinIsDevNull) {
    auto outcome = runProcess({"sh", "-c", "readlink /proc/self/fd/0; cat"}); // cat ends at once
    EXPECT_EQ(outcome.exitCode, 0);
    EXPECT_EQ(outcome.output, "/dev/null\n");
}

TEST(Process, TheChildLeadsAProcessGroupOfItsOwn) {
    // Field 5 of /proc/<pid>/stat is the process group.
    auto outcome = runProcess({"sh", "-c", "echo $$ $(cut -d' ' -f5 /proc/$$/stat)"});
    ASSERT_EQ(outcome.exitCode, 0);
    std::string pid = outcome.output.substr(0, outcome.output.find(' '));
    EXPECT_EQ(outcome.output, pid + " " + pid + "\n");
    EXPECT_NE(pid, std::to_string(::getpgrp()));
}

TEST(Process, ASignalThatEndsTheChildIs128PlusItsNumber) {
    EXPECT_EQ(runProcess({"sh", "-c", "kill -TERM $$"}).exitCode, 128 + SIGTERM);
}

TEST(Process, InterruptedSystemCallsAreRetried) {
    // A timer interrupts read and waitpid every millisecond (no SA_RESTART): nothing may be lost.
    struct sigaction action{}, previous{};
    action.sa_handler = noop;
    ::sigaction(SIGALRM, &action, &previous);
    itimerval every{{0, 1000}, {0, 1000}}, off{};
    ::setitimer(ITIMER_REAL, &every, nullptr);
    auto outcome = runProcess({"sh", "-c", "sleep 0.2; echo done; sleep 0.1; echo again"});
    ::setitimer(ITIMER_REAL, &off, nullptr);
    ::sigaction(SIGALRM, &previous, nullptr);
    EXPECT_EQ(outcome.exitCode, 0);
    EXPECT_EQ(outcome.output, "done\nagain\n");
}

TEST(Process, ATermReachesTheCommandsChildrenAndThenEndsTheRunner) {
    auto pidFile = std::filesystem::path(testing::TempDir()) / ("devos-runner-" + std::to_string(::getpid()));
    std::filesystem::remove(pidFile);
    pid_t runner = ::fork();
    if (runner == 0) {
        auto outcome = runProcess({"sh", "-c", "sleep 60 & echo $! > " + pidFile.string() + "; wait"});
        ::_exit(outcome.exitCode == 0 ? 0 : 99); // not reached: the TERM ends this process
    }
    pid_t sleeper = 0;
    for (int i = 0; i < 500 && sleeper == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::ifstream in(pidFile);
        in >> sleeper;
    }
    ASSERT_GT(sleeper, 0) << "the command never started";
    ASSERT_TRUE(alive(sleeper));
    ::kill(runner, SIGTERM);
    int status = 0;
    ::waitpid(runner, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << "status " << status;
    bool gone = false;
    for (int i = 0; i < 500 && !gone; ++i) {
        gone = !alive(sleeper);
        if (!gone)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(gone) << "the command's child " << sleeper << " outlived the TERM";
    if (!gone)
        ::kill(sleeper, SIGKILL);
    std::filesystem::remove(pidFile);
}

TEST(Process, RunsInTheFolderWithTheExtraEnvironment) {
    ProcessRequest request;
    request.argv = {"sh", "-c", "pwd; echo $DEVOS_X; echo ${HOME:+home}"};
    request.cwd = "/tmp";
    request.env = {{"DEVOS_X", "y"}};
    auto outcome = runProcess(request);
    EXPECT_EQ(outcome.exitCode, 0);
    EXPECT_EQ(outcome.output, "/tmp\ny\nhome\n") << "the inherited environment stays";
    request.argv = {"true"};
    request.cwd = "/devos/no/such/folder";
    auto missing = runProcess(request);
    EXPECT_EQ(missing.exitCode, 127);
    EXPECT_NE(missing.output.find("No such file or directory"), std::string::npos) << missing.output;
}

TEST(Process, ATimeoutStopsTheWholeGroupAndKeepsTheOutputSoFar) {
    auto marker = std::filesystem::path(testing::TempDir()) / ("devos-timeout-" + std::to_string(::getpid()));
    std::filesystem::remove(marker);
    auto start = std::chrono::steady_clock::now();
    ProcessRequest request;
    request.argv = {"sh", "-c", "echo begun; (sleep 2; touch '" + marker.string() + "') & sleep 30"};
    request.timeout = std::chrono::milliseconds(300);
    auto outcome = runProcess(request);
    EXPECT_TRUE(outcome.timedOut);
    EXPECT_EQ(outcome.exitCode, 128 + SIGTERM);
    EXPECT_EQ(outcome.output, "begun\n");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    EXPECT_FALSE(std::filesystem::exists(marker)) << "a process of the group outlived the timeout";
}

TEST(Process, TheStopTokenStopsTheWholeGroupFromAnotherThread) {
    auto marker = std::filesystem::path(testing::TempDir()) / ("devos-stop-" + std::to_string(::getpid()));
    std::filesystem::remove(marker);
    std::atomic<bool> stop{false};
    std::thread stopper([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop.store(true);
    });
    auto start = std::chrono::steady_clock::now();
    ProcessRequest request;
    request.argv = {"sh", "-c", "echo begun; (sleep 2; touch '" + marker.string() + "') & sleep 30"};
    request.timeout = std::chrono::seconds(60);
    request.stop = &stop;
    auto outcome = runProcess(request);
    stopper.join();
    EXPECT_TRUE(outcome.stopped);
    EXPECT_FALSE(outcome.timedOut);
    EXPECT_EQ(outcome.exitCode, 128 + SIGTERM);
    EXPECT_EQ(outcome.output, "begun\n");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    EXPECT_FALSE(std::filesystem::exists(marker)) << "a process of the group outlived the stop";
}

TEST(Process, AStopTokenAlreadySetStopsTheCommandAtOnce) {
    std::atomic<bool> stop{true};
    ProcessRequest request;
    request.argv = {"sleep", "30"};
    request.stop = &stop;
    auto start = std::chrono::steady_clock::now();
    auto outcome = runProcess(request);
    EXPECT_TRUE(outcome.stopped);
    EXPECT_NE(outcome.exitCode, 0);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Process, KeepsTheLastBytesOfALongOutput) {
    ProcessRequest request;
    request.argv = {"sh", "-c", "yes abcdefgh | head -c 300000; echo END"};
    request.outputLimit = 1000;
    auto outcome = runProcess(request);
    EXPECT_EQ(outcome.exitCode, 0);
    EXPECT_EQ(outcome.output.size(), 1000u);
    EXPECT_TRUE(outcome.output.ends_with("abcdefgh\nabcEND\n"))
        << outcome.output.substr(980); // 300000 = 33333 * 9 + 3
}
