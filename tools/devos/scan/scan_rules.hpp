#pragma once
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace devos::scan {

using engine::YamlReader;

// A repo's settings for the FULL gate's secret scan and file-type hygiene (.devos/devos.yml
// `scan:`), read by `devos scan`:
//
//   scan:
//     exclude: ["tests/fixtures/**"]   # repo-relative globs neither scan looks at
//     max_file_kb: 1024                # larger tracked files are files.size findings
//     allow_extensions: [".png"]       # binary files of these types may be committed
//     gitleaks_config: .gitleaks.toml  # secret rules in gitleaks' format, repo-relative
struct ScanRules {
    std::vector<std::string> exclude;
    unsigned long maxFileKb = 1024;
    std::vector<std::string> allowExtensions; // with the dot, lower case: ".png"
    std::string gitleaksConfig;               // as written; empty: the built-in rules alone
    unsigned gitleaksConfigLine = 0;          // its line in the repo config, for errors
    bool operator==(const ScanRules&) const = default;
    static constexpr const char* kSection = "scan"; // its .devos/devos.yml section

    [[nodiscard]] static foundation::Expected<ScanRules> parse(const YAML::Node& node,
                                                               const YamlReader& reader);
    // True when a repo-relative path matches one of the `exclude` globs.
    [[nodiscard]] bool excludes(const std::string& path) const;
    // True when the path's extension (case-insensitive) is on `allow_extensions`.
    [[nodiscard]] bool allowsExtensionOf(const std::string& path) const;
};

} // namespace devos::scan
