#pragma once
#include <map>
#include <string>
#include <vector>

namespace devos::contracts {

// A program to run: argv (argv[0] looked up on PATH), its folder, extra environment, a time limit.
struct CommandSpec {
    std::vector<std::string> argv;
    std::string cwd;
    std::map<std::string, std::string> env; // added to (or replacing in) the inherited environment
    int timeoutSeconds = 600;
};

// What a finished (or stopped) command did; output is stdout and stderr interleaved, its last 64 KiB.
struct CommandResult {
    int exitCode = -1; // 127 when it could not be started; 128 + signal when killed
    bool timedOut = false;
    bool stopped = false; // stopped on request (ProcessCommandRunner::stop) before it finished
    long long millis = 0;
    std::string output;
};

} // namespace devos::contracts
