#pragma once
// The I/O half of `devos report` over a build folder: the gate results and merged SARIF that
// check-fast / check-full leave in <build>/devos, the repo's baseline and devos-allow comments, and
// its layer policy.
#include "report/report_data.hpp"

#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <vector>

namespace devos::report {

// Where the report's inputs are.
struct BuildInputs {
    std::string buildDir;             // as given (-p); its devos/ folder holds the gate results
    std::optional<std::string> sarif; // a SARIF log to read instead of <build>/devos/{full,fast}.sarif
    std::optional<std::string> root;  // the repo root; default: the build's CMAKE_HOME_DIRECTORY
    std::vector<std::string> results; // the gate result files to read; empty: every one in <build>/devos
};

// The repo root of `inputs`: --root, else CMAKE_HOME_DIRECTORY from <build>/CMakeCache.txt, else the
// repository around the current folder.
[[nodiscard]] std::string repoRootOf(const BuildInputs& inputs);

// Everything but the telemetry: gates, findings (new from the SARIF, baselined from the repo's
// baseline, allowed from unexpired devos-allow comments in first-party sources), rule texts, layers
// and edges, and the files read (relative to the build folder where they are inside it). NotFound when
// the build folder does not exist or holds neither gate results nor a SARIF log; Invalid (naming the
// file) for a SARIF, gate result or baseline that cannot be read.
[[nodiscard]] foundation::Expected<ReportData> readBuildInputs(const BuildInputs& inputs);

} // namespace devos::report
