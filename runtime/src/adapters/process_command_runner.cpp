#include <cerrno>
#include <chrono>
#include <csignal>
#include <devos/adapters/process_command_runner.hpp>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace devos::adapters {
namespace {

constexpr std::size_t kMaxOutput = 64 * 1024;

void keepTail(std::string& output) {
    if (output.size() > 2 * kMaxOutput)
        output.erase(0, output.size() - kMaxOutput);
}

std::vector<std::string> environmentWith(const std::map<std::string, std::string>& extra) {
    std::map<std::string, std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry = *e;
        const auto eq = entry.find('=');
        if (eq != std::string::npos)
            env[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [k, v] : extra)
        env[k] = v;
    std::vector<std::string> out;
    for (const auto& [k, v] : env)
        out.push_back(k + "=" + v);
    return out;
}

// Reads what is available now; false at end of file.
bool drain(int fd, std::string& output) {
    char buffer[8192];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            output.append(buffer, static_cast<std::size_t>(n));
            keepTail(output);
            continue;
        }
        if (n == 0)
            return false;
        return errno == EAGAIN || errno == EINTR;
    }
}

} // namespace

contracts::CommandResult ProcessCommandRunner::run(const contracts::CommandSpec& command) {
    contracts::CommandResult result;
    const auto start = std::chrono::steady_clock::now();
    int fds[2];
    if (command.argv.empty() || ::pipe(fds) != 0) {
        result.exitCode = 127;
        result.output = "cannot start an empty command\n";
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (!command.cwd.empty())
        posix_spawn_file_actions_addchdir_np(&actions, command.cwd.c_str());
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    std::vector<char*> argv;
    for (const auto& a : command.argv)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const auto env = environmentWith(command.env);
    std::vector<char*> envp;
    for (const auto& e : env)
        envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(fds[1]);
    if (spawned != 0) {
        ::close(fds[0]);
        result.exitCode = 127;
        result.output = "cannot start " + command.argv[0] + "\n";
        return result;
    }
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    const auto deadline = start + std::chrono::seconds(command.timeoutSeconds);
    int status = 0;
    bool exited = false, open = true;
    while (!exited) {
        pollfd p{fds[0], POLLIN, 0};
        if (open && ::poll(&p, 1, 100) > 0)
            open = drain(fds[0], result.output);
        else if (!open)
            ::usleep(50'000);
        exited = ::waitpid(pid, &status, WNOHANG) == pid;
        const bool stopped = stopRequested_.load();
        if (!exited && (stopped || std::chrono::steady_clock::now() > deadline)) {
            result.stopped = stopped;
            result.timedOut = !stopped;
            ::kill(-pid, SIGTERM);
            for (int i = 0; i < 20 && !exited; ++i) {
                ::usleep(100'000);
                exited = ::waitpid(pid, &status, WNOHANG) == pid;
            }
            ::kill(-pid, SIGKILL);
            if (!exited)
                exited = ::waitpid(pid, &status, 0) == pid;
        }
    }
    ::kill(-pid, SIGKILL); // what the command left running would hold the pipe open
    for (int i = 0; i < 20 && open; ++i) {
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, 50) > 0)
            open = drain(fds[0], result.output);
    }
    ::close(fds[0]);
    if (result.output.size() > kMaxOutput)
        result.output.erase(0, result.output.size() - kMaxOutput);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
            .count();
    return result;
}

} // namespace devos::adapters
