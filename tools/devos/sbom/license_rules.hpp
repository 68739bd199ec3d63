#pragma once
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace devos::sbom {

using engine::YamlReader;

// A repo's license policy (.devos/devos.yml `licenses:`), checked by check-full's SBOM gate against
// the licenses of the packages CMake resolved (SPDX license ids):
//
//   licenses:
//     allow: [MIT, BSD-3-Clause, Apache-2.0, Zlib]  # when set, every license must be on it
//     deny: [GPL-3.0-only, AGPL-3.0-or-later]       # never
struct LicenseRules {
    struct Entry {
        std::string license; // an SPDX license id, or a LicenseRef-...
        unsigned line = 0;   // where the repo config lists it
        bool operator==(const Entry&) const = default;
    };
    std::vector<Entry> allow;
    std::vector<Entry> deny;
    unsigned allowLine = 0; // the `allow:` key (a finding for a license not on the list points there)
    bool operator==(const LicenseRules&) const = default;
    static constexpr const char* kSection = "licenses"; // its .devos/devos.yml section

    [[nodiscard]] static foundation::Expected<LicenseRules> parse(const YAML::Node& node,
                                                                  const YamlReader& reader);
    [[nodiscard]] bool empty() const { return allow.empty() && deny.empty(); }
};

} // namespace devos::sbom
