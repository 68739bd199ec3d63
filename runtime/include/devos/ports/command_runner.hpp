#pragma once
#include <devos/contracts/command.hpp>

namespace devos::ports {

// Runs programs (configure, build, tests, gates) with a time limit.
class CommandRunner {
public:
    virtual ~CommandRunner() = default;
    // Runs to completion, or stops the command and everything it started when the limit passes
    // (then timedOut). Never throws; a program that cannot start exits 127.
    [[nodiscard]] virtual contracts::CommandResult run(const contracts::CommandSpec& command) = 0;
};

} // namespace devos::ports
