#pragma once
#include "cli/args.hpp"

#include <string>
#include <vector>

namespace devos::cli {

// The options of the commands over a repository's telemetry (ingest, search, heal), declared once:
// --db and --format text|json.
[[nodiscard]] std::vector<Option> telemetryOptions();

// The repository a telemetry command works in: the repo root around the current folder, else the
// folder itself.
[[nodiscard]] std::string currentRepoRoot();

} // namespace devos::cli
