#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace devos::foundation {

// A command to run, and how.
struct ProcessRequest {
    std::vector<std::string> argv;          // argv[0] is looked up on PATH
    std::string cwd;                        // the folder it runs in; empty: this process's
    std::map<std::string, std::string> env; // added to (or replacing in) the inherited environment
    std::chrono::milliseconds timeout{0};   // 0: none; else its process group gets SIGTERM, SIGKILL 2 s later
    std::size_t outputLimit = 0;            // keep only the last outputLimit bytes of output; 0: all
    // Its cancellation token, or none: once it reads true (set from any thread) the command is
    // stopped as a timeout stops it, and the outcome says `stopped`. A token already true stops it at once.
    const std::atomic<bool>* stop = nullptr;
};

// What a finished (or stopped) command did.
struct ProcessOutcome {
    int exitCode = -1; // its exit status; 128 + N when signal N ended it; 127 when it could not run
    bool timedOut = false;
    bool stopped = false; // stopped through the request's `stop` token before it finished
    double seconds = 0;
    std::string output; // stdout and stderr interleaved; or why it could not run
};

// Runs a command as Ninja runs a build edge: stdin from /dev/null, stdout and stderr into one pipe,
// in a process group of its own, every posix_spawn* and system call checked and retried on EINTR.
// A SIGINT, SIGTERM or SIGHUP that reaches this process while it waits is passed on to the command's
// whole group and then ends this process the same way. When the command exits, what it left running
// in its group is killed (it would hold the output open). One command at a time per process (the
// signal forwarding is process-wide); it may run on any thread and be stopped from another.
[[nodiscard]] ProcessOutcome runProcess(const ProcessRequest& request);
// The same for `argv` with the defaults: this process's folder and environment, no timeout, all output.
[[nodiscard]] ProcessOutcome runProcess(std::vector<std::string> argv);

} // namespace devos::foundation
