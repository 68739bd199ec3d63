#pragma once
#include <atomic>
#include <devos/ports/command_runner.hpp>

namespace devos::adapters {

// CommandRunner over foundation::runProcess: the child leads a process group of its own; on timeout
// the whole group gets SIGTERM, then SIGKILL two seconds later; processes the command left behind are
// killed when it exits. Output (stdout and stderr) keeps its last 64 KiB.
class ProcessCommandRunner final : public ports::CommandRunner {
public:
    [[nodiscard]] contracts::CommandResult run(const contracts::CommandSpec& command) override;
    // Stops the command running now (from another thread) as a timeout would: SIGTERM to its group,
    // SIGKILL two seconds later; its result is then `stopped`. A stop before run() starts is kept.
    void stop() { stopRequested_.store(true); }

private:
    std::atomic<bool> stopRequested_{false};
};

} // namespace devos::adapters
