#pragma once
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/error.hpp>
#include <optional>
#include <yaml-cpp/yaml.h>

namespace devos::coverage {

using engine::YamlReader;

// A repo's test thresholds (.devos/devos.yml `thresholds:`), checked by check-full's coverage gate:
//
//   thresholds:
//     coverage: 90   # percent of first-party source lines the unit tests execute (tier 2: 90)
struct Thresholds {
    std::optional<double> coverage; // line coverage, 0..100
    unsigned coverageLine = 0;      // where the repo config sets it
    bool operator==(const Thresholds&) const = default;
    static constexpr const char* kSection = "thresholds"; // its .devos/devos.yml section

    [[nodiscard]] static foundation::Expected<Thresholds> parse(const YAML::Node& node,
                                                                const YamlReader& reader);
};

} // namespace devos::coverage
