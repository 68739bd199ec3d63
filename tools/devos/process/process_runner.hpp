#pragma once
#include <string>
#include <vector>

namespace devos::process {

// What a finished child process did.
struct ProcessOutcome {
    int exitCode = -1; // its exit status; 128 + N when signal N ended it; 127 when it could not run
    double seconds = 0;
    std::string output; // standard output and standard error, interleaved; why it could not run
};

// Runs `argv` (argv[0] looked up on PATH) as Ninja runs a build edge: stdin from /dev/null, stdout
// and stderr into one pipe, in a process group of its own, every system call checked and retried on
// EINTR. A SIGINT, SIGTERM or SIGHUP that reaches this process while it waits is passed on to the
// whole group (the command and its children) and then ends this process the same way. Not thread-safe:
// one command at a time.
[[nodiscard]] ProcessOutcome runProcess(const std::vector<std::string>& argv);

} // namespace devos::process
