#include "commands/build_record_options.hpp"

namespace devos::cli {

std::vector<Option> dependencyRecordOptions() {
    return {value("--build-dir", "DIR", "the configured build directory (required)").withAlias("-p"),
            value("--record", "FILE", "the provider's dependency record to read"),
            choice("--source", "SOURCE", {"auto", "provider", "cmake"},
                   "auto (default: the provider's record when it exists, else CMake's),\nprovider or cmake",
                   "auto"),
            value("--root", "DIR", "repo root (default: found from the current directory)"),
            value("--config", "FILE", "a repo config to use instead of .devos/devos.yml")};
}

dependencies::DependencyGateRequest dependencyRecordRequest(const Args& args) {
    return {.buildDir = args.valueOr("--build-dir", ""),
            .recordFile = args.valueOr("--record", ""),
            .source = args.valueOr("--source", "auto"),
            .root = args.valueOr("--root", ""),
            .configFile = args.valueOr("--config", "")};
}

} // namespace devos::cli
