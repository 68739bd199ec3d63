// The child is spawned as Ninja's subprocess-posix.cc does: posix_spawn with its own process group
// (POSIX_SPAWN_SETPGROUP), an empty signal mask and default dispositions, stdin from /dev/null, and
// every posix_spawn* call checked. Because the group is its own, a terminal's Ctrl-C no longer
// reaches it directly: while the child runs, SIGINT, SIGTERM and SIGHUP are caught here, passed on to
// the child's group, and re-raised once it is gone, so the caller ends the way it was asked to.
#include <cerrno>
#include <csignal>
#include <cstring>
#include <devos/foundation/process.hpp>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace devos::foundation {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kForwarded[] = {SIGINT, SIGTERM, SIGHUP};
constexpr auto kKillGrace = std::chrono::seconds(2);

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
    int prepare(int outputFd, const std::string& cwd) {
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
        if (!cwd.empty())
            if (int r = ::posix_spawn_file_actions_addchdir_np(&actions_, cwd.c_str()); r != 0)
                return failed("posix_spawn_file_actions_addchdir_np", r);
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

// The inherited environment with `extra` added or replacing, as NAME=value strings.
std::vector<std::string> environmentWith(const std::map<std::string, std::string>& extra) {
    std::map<std::string, std::string> env;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
        std::string entry = *e;
        if (auto eq = entry.find('='); eq != std::string::npos)
            env[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [name, value] : extra)
        env[name] = value;
    std::vector<std::string> out;
    for (const auto& [name, value] : env)
        out.push_back(name + "=" + value);
    return out;
}

// The command's output pipe, read without blocking: what is there now, until end of file.
class OutputPipe {
public:
    OutputPipe(int fd, std::size_t limit, std::string& output) : fd_(fd), limit_(limit), output_(output) {}
    ~OutputPipe() { ::close(fd_); }
    OutputPipe(const OutputPipe&) = delete;
    OutputPipe& operator=(const OutputPipe&) = delete;

    // Waits up to `wait` for output, then reads what there is; false once the pipe is closed or
    // reading failed (`error` then says why).
    bool readFor(std::chrono::milliseconds wait) {
        if (!open_)
            return false;
        pollfd p{fd_, POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(wait.count()));
        if (ready < 0 && errno != EINTR)
            return fail(errno);
        if (ready <= 0)
            return true;
        char buffer[65536];
        for (;;) {
            ssize_t n = ::read(fd_, buffer, sizeof buffer);
            if (n > 0) {
                output_.append(buffer, static_cast<std::size_t>(n));
                if (limit_ != 0 && output_.size() > 2 * limit_)
                    output_.erase(0, output_.size() - limit_);
            } else if (n == 0) {
                open_ = false;
                return false;
            } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
                return true;
            } else if (errno != EINTR) {
                return fail(errno);
            }
        }
    }
    [[nodiscard]] bool open() const { return open_; }
    std::string error;

private:
    bool fail(int code) {
        error = std::strerror(code);
        open_ = false;
        return false;
    }
    int fd_;
    std::size_t limit_;
    std::string& output_;
    bool open_ = true;
};

// waitpid without blocking, retried on EINTR: true once `pid` has ended (`status` then holds how).
bool ended(pid_t pid, int& status, int& error) {
    for (;;) {
        pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return true;
        if (r == 0)
            return false;
        if (errno != EINTR) {
            error = errno;
            return true;
        }
    }
}

} // namespace

ProcessOutcome runProcess(const ProcessRequest& request) {
    ProcessOutcome outcome;
    const auto start = Clock::now();
    auto finish = [&](int exitCode, const std::string& note) {
        outcome.exitCode = exitCode;
        outcome.output += note;
        if (request.outputLimit != 0 && outcome.output.size() > request.outputLimit)
            outcome.output.erase(0, outcome.output.size() - request.outputLimit);
        outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        return outcome;
    };
    if (request.argv.empty())
        return finish(127, "devos: no command to run\n");
    const std::string& program = request.argv[0];
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return finish(127, cannotRun(program, "pipe2", errno));
    if (::fcntl(pipeFds[0], F_SETFL, O_NONBLOCK) != 0) {
        int error = errno;
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        return finish(127, cannotRun(program, "fcntl", error));
    }
    SpawnSettings settings;
    if (int error = settings.prepare(pipeFds[1], request.cwd); error != 0) {
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        return finish(127, cannotRun(program, settings.failedCall, error));
    }
    std::vector<char*> args;
    for (const auto& a : request.argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env =
        request.env.empty() ? std::vector<std::string>{} : environmentWith(request.env);
    std::vector<char*> envp;
    for (const auto& e : env)
        envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);

    SignalForwarding forwarding;
    pid_t pid = 0;
    int spawned = ::posix_spawnp(&pid, args[0], settings.actions(), settings.attributes(), args.data(),
                                 request.env.empty() ? environ : envp.data());
    ::close(pipeFds[1]);
    if (spawned != 0) {
        ::close(pipeFds[0]);
        return finish(127, cannotRun(program, "", spawned));
    }
    childGroup = pid;
    if (signalCaught != 0) // arrived between the handlers' installation and now
        ::kill(-pid, signalCaught);

    std::string note;
    int status = 0, waitError = 0;
    {
        OutputPipe pipe(pipeFds[0], request.outputLimit, outcome.output);
        const bool limited = request.timeout.count() > 0;
        const auto deadline = start + request.timeout;
        bool exited = false;
        while (!exited) {
            if (pipe.open())
                pipe.readFor(std::chrono::milliseconds(100));
            else
                ::usleep(20'000);
            if (!pipe.error.empty() && note.empty()) {
                note = "devos: reading the output of " + program + " failed: " + pipe.error + "\n";
                ::kill(-pid, SIGTERM); // its output is lost: stop it rather than let it block on a full pipe
            }
            exited = ended(pid, status, waitError);
            const bool stopAsked = request.stop != nullptr && request.stop->load();
            if (!exited && (stopAsked || (limited && Clock::now() > deadline))) {
                outcome.stopped = stopAsked;
                outcome.timedOut = !stopAsked;
                ::kill(-pid, SIGTERM);
                for (auto grace = Clock::now() + kKillGrace; !exited && Clock::now() < grace;) {
                    pipe.readFor(std::chrono::milliseconds(50));
                    exited = ended(pid, status, waitError);
                }
                ::kill(-pid, SIGKILL);
                while (!exited) {
                    pid_t r = ::waitpid(pid, &status, 0);
                    exited = r == pid || (r < 0 && errno != EINTR && (waitError = errno) != 0);
                }
            }
        }
        ::kill(-pid, SIGKILL); // what the command left running in its group would hold the pipe open
        for (auto until = Clock::now() + std::chrono::seconds(1); pipe.open() && Clock::now() < until;)
            pipe.readFor(std::chrono::milliseconds(50));
    }
    if (waitError != 0)
        return finish(127,
                      note + "devos: waiting for " + program + " failed: " + std::strerror(waitError) + "\n");
    int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (!note.empty() && exitCode == 0)
        exitCode = 1; // a command whose output was lost did not succeed
    return finish(exitCode, note);
}

ProcessOutcome runProcess(std::vector<std::string> argv) {
    ProcessRequest request;
    request.argv = std::move(argv);
    return runProcess(request);
}

} // namespace devos::foundation
