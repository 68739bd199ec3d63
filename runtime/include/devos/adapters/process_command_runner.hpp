#pragma once
#include <devos/ports/command_runner.hpp>

namespace devos::adapters {

// CommandRunner over posix_spawn: the child leads a process group of its own; on timeout the whole
// group gets SIGTERM, then SIGKILL two seconds later; processes the command left behind are killed
// when it exits. Output (stdout and stderr) keeps its last 64 KiB.
class ProcessCommandRunner final : public ports::CommandRunner {
public:
    [[nodiscard]] contracts::CommandResult run(const contracts::CommandSpec& command) override;
};

} // namespace devos::adapters
