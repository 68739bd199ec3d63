#pragma once
#include "cli/args.hpp"
#include "dependencies/dependency_gate.hpp"

#include <vector>

namespace devos::cli {

// The options of the commands that read a build's dependency record (deps, sbom), declared once:
// -p/--build-dir, --record, --source, --root, --config.
[[nodiscard]] std::vector<Option> dependencyRecordOptions();

// The request those options describe.
[[nodiscard]] dependencies::DependencyGateRequest dependencyRecordRequest(const Args& args);

} // namespace devos::cli
