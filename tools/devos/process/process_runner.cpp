// The child is spawned as Ninja's subprocess-posix.cc does: posix_spawn with its own process group
// (POSIX_SPAWN_SETPGROUP), an empty signal mask and default dispositions, stdin from /dev/null, and
// every posix_spawn* call checked. Because the group is its own, a terminal's Ctrl-C no longer
// reaches it directly: while the child runs, SIGINT, SIGTERM and SIGHUP are caught here, passed on to
// the child's group, and re-raised once it is gone, so `devos` ends the way its caller asked.
#include "process/process_runner.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace devos::process {
namespace {

constexpr int kForwarded[] = {SIGINT, SIGTERM, SIGHUP};

volatile std::sig_atomic_t childGroup = 0;   // the running child's process group; 0 when none
volatile std::sig_atomic_t signalCaught = 0; // the signal passed on to it, re-raised afterwards

void forwardSignal(int signal) {
    signalCaught = signal;
    if (childGroup > 0)
        ::kill(-static_cast<pid_t>(childGroup), signal);
}

// The child's spawn settings; each call is checked, and what was set up is released on scope exit.
class SpawnSettings {
public:
    // 0, or the errno of the first call that failed (with `failedCall` naming it).
    int prepare(int outputFd) {
        if (int r = ::posix_spawn_file_actions_init(&actions_); r != 0)
            return failed("posix_spawn_file_actions_init", r);
        actionsReady_ = true;
        if (int r = ::posix_spawnattr_init(&attributes_); r != 0)
            return failed("posix_spawnattr_init", r);
        attributesReady_ = true;
        if (int r = ::posix_spawn_file_actions_addopen(&actions_, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
            r != 0)
            return failed("posix_spawn_file_actions_addopen", r);
        for (int fd : {STDOUT_FILENO, STDERR_FILENO})
            if (int r = ::posix_spawn_file_actions_adddup2(&actions_, outputFd, fd); r != 0)
                return failed("posix_spawn_file_actions_adddup2", r);
        sigset_t set;
        sigemptyset(&set);
        if (int r = ::posix_spawnattr_setsigmask(&attributes_, &set); r != 0)
            return failed("posix_spawnattr_setsigmask", r);
        for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD})
            sigaddset(&set, signal);
        if (int r = ::posix_spawnattr_setsigdefault(&attributes_, &set); r != 0)
            return failed("posix_spawnattr_setsigdefault", r);
        if (int r = ::posix_spawnattr_setpgroup(&attributes_, 0); r != 0)
            return failed("posix_spawnattr_setpgroup", r);
        short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP;
        if (int r = ::posix_spawnattr_setflags(&attributes_, flags); r != 0)
            return failed("posix_spawnattr_setflags", r);
        return 0;
    }
    ~SpawnSettings() {
        if (actionsReady_)
            ::posix_spawn_file_actions_destroy(&actions_);
        if (attributesReady_)
            ::posix_spawnattr_destroy(&attributes_);
    }
    const posix_spawn_file_actions_t* actions() const { return &actions_; }
    const posix_spawnattr_t* attributes() const { return &attributes_; }
    const char* failedCall = "";

private:
    int failed(const char* call, int error) {
        failedCall = call;
        return error;
    }
    posix_spawn_file_actions_t actions_{};
    posix_spawnattr_t attributes_{};
    bool actionsReady_ = false;
    bool attributesReady_ = false;
};

// Catches the forwarded signals while a child runs and restores the previous handlers after.
class SignalForwarding {
public:
    SignalForwarding() {
        signalCaught = 0;
        struct sigaction action{};
        action.sa_handler = forwardSignal;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(kForwarded); ++i)
            ::sigaction(kForwarded[i], &action, &previous_[i]);
    }
    ~SignalForwarding() {
        childGroup = 0;
        for (std::size_t i = 0; i < std::size(kForwarded); ++i)
            ::sigaction(kForwarded[i], &previous_[i], nullptr);
        if (signalCaught != 0)
            ::raise(signalCaught); // the caller asked this process to stop: it does, as it would have
    }
    SignalForwarding(const SignalForwarding&) = delete;
    SignalForwarding& operator=(const SignalForwarding&) = delete;

private:
    struct sigaction previous_[std::size(kForwarded)]{};
};

std::string cannotRun(const std::string& program, const std::string& why, int error) {
    return "devos: cannot run " + program + ": " + why + (why.empty() ? "" : ": ") + std::strerror(error) +
           "\n";
}

} // namespace

ProcessOutcome runProcess(const std::vector<std::string>& argv) {
    ProcessOutcome outcome;
    auto start = std::chrono::steady_clock::now();
    auto finish = [&](int exitCode, std::string output) {
        outcome.exitCode = exitCode;
        outcome.output += output;
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return outcome;
    };
    if (argv.empty())
        return finish(127, "devos: no command to run\n");
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return finish(127, cannotRun(argv[0], "pipe2", errno));
    SpawnSettings settings;
    if (int error = settings.prepare(pipeFds[1]); error != 0) {
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        return finish(127, cannotRun(argv[0], settings.failedCall, error));
    }
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    SignalForwarding forwarding;
    pid_t pid = 0;
    int spawned =
        ::posix_spawnp(&pid, args[0], settings.actions(), settings.attributes(), args.data(), environ);
    ::close(pipeFds[1]);
    if (spawned != 0) {
        ::close(pipeFds[0]);
        return finish(127, cannotRun(argv[0], "", spawned));
    }
    childGroup = pid;
    if (signalCaught != 0) // arrived between the handlers' installation and now
        ::kill(-pid, signalCaught);

    std::string readError;
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(pipeFds[0], buffer, sizeof buffer);
        if (n > 0) {
            outcome.output.append(buffer, static_cast<std::size_t>(n));
        } else if (n == 0) {
            break;
        } else if (errno != EINTR) {
            readError = "devos: reading the output of " + argv[0] + " failed: " + std::strerror(errno) + "\n";
            ::kill(-pid, SIGTERM); // its output is lost: stop it rather than let it block on a full pipe
            break;
        }
    }
    ::close(pipeFds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return finish(127, readError + "devos: waiting for " + argv[0] +
                                   " failed: " + std::strerror(errno) + "\n");
    }
    int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (!readError.empty() && exitCode == 0)
        exitCode = 1; // a command whose output was lost did not succeed
    return finish(exitCode, readError);
}

} // namespace devos::process
