#pragma once
#include <string>
#include <vector>

namespace devos::gates {

// What a finished child process did.
struct ProcessOutcome {
    int exitCode = -1;   // 127 when the program could not be started
    double seconds = 0;
    std::string output;  // standard output and standard error, interleaved
};

// Runs `argv` (argv[0] looked up on PATH), waits for it, and captures its output.
[[nodiscard]] ProcessOutcome runProcess(const std::vector<std::string>& argv);

} // namespace devos::gates
