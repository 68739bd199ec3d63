#pragma once
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace devos::dependencies {

using engine::YamlReader;

// A repo's dependency policy (.devos/devos.yml `dependencies:`), checked by check-full against the
// versions CMake actually resolved (build/devos/dependencies.json):
//
//   dependencies:
//     floors: { OpenSSL: "3.0", nlohmann_json: "3.11" }  # lowest acceptable resolved version
//     bans: { Boost: "use the standard library" }        # never, with the reason shown
struct DependencyRules {
    struct Floor {
        std::string package;
        std::string version; // dotted numbers, e.g. "3.0.2"
        unsigned line = 0;   // where the repo config sets it
        bool operator==(const Floor&) const = default;
    };
    struct Ban {
        std::string package;
        std::string reason;
        unsigned line = 0;
        bool operator==(const Ban&) const = default;
    };
    std::vector<Floor> floors;
    std::vector<Ban> bans;
    bool operator==(const DependencyRules&) const = default;
    static constexpr const char* kSection = "dependencies"; // its .devos/devos.yml section

    [[nodiscard]] static foundation::Expected<DependencyRules> parse(const YAML::Node& node,
                                                                     const YamlReader& reader);
    [[nodiscard]] bool empty() const { return floors.empty() && bans.empty(); }
};

// Compares dotted version numbers ("1.10" > "1.9"; "3.0" == "3"); any suffix after the numbers
// ("3.0.2-1", "1.2.3rc1") is ignored. Negative when a < b, 0 when equal, positive when a > b.
[[nodiscard]] int compareVersions(const std::string& a, const std::string& b);
// True when `text` starts with a number ("3", "3.0.2", "1.2.3-debian").
[[nodiscard]] bool isVersion(const std::string& text);

} // namespace devos::dependencies
