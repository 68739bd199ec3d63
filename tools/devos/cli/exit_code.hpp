#pragma once
#include <devos/foundation/error.hpp>
#include <string_view>

namespace devos::cli {

// The exit codes of every command: 0 success, 1 findings or a failed gate, 2 usage or configuration
// error.
enum ExitCode : int { kSuccess = 0, kFindings = 1, kUsage = 2 };

// What a command was doing when an error stopped it.
enum class Stage {
    Setup, // reading its arguments, the repo config and its inputs: nothing was done yet
    Work,  // running, or writing its outputs (the report, the SBOM, the baseline, a gate result)
};

// The one error → exit-code table every command uses:
//   Setup: 2 whatever the kind (a config or input the command cannot use must be fixed first);
//   Work:  foundation::exitCodeOf(kind): 2 for Invalid and NotFound, 1 when the environment failed
//          (Io, Unavailable, Storage: a full disk, a store that is down).
[[nodiscard]] int exitCodeOf(const foundation::Error& error, Stage stage);

// Prints "devos <command>: <the rendered error>" to stderr and returns exitCodeOf(error, stage).
[[nodiscard]] int stopOn(std::string_view command, const foundation::Error& error,
                         Stage stage = Stage::Setup);

// Prints "devos <command>: <message>" to stderr and returns kUsage: a usage error found after parsing.
[[nodiscard]] int usageError(std::string_view command, std::string_view message);

} // namespace devos::cli
