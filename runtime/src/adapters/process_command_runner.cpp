#include <devos/adapters/process_command_runner.hpp>
#include <devos/foundation/process.hpp>

namespace devos::adapters {

contracts::CommandResult ProcessCommandRunner::run(const contracts::CommandSpec& command) {
    constexpr std::size_t kMaxOutput = 64 * 1024;
    foundation::ProcessRequest request;
    request.argv = command.argv;
    request.cwd = command.cwd;
    request.env = command.env;
    request.timeout = std::chrono::seconds(command.timeoutSeconds);
    request.outputLimit = kMaxOutput;
    request.stop = &stopRequested_;
    auto outcome = foundation::runProcess(request);
    contracts::CommandResult result;
    result.exitCode = outcome.exitCode;
    result.timedOut = outcome.timedOut;
    result.stopped = outcome.stopped;
    result.millis = static_cast<long long>(outcome.seconds * 1000);
    result.output = std::move(outcome.output);
    return result;
}

} // namespace devos::adapters
