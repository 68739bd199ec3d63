#include "check/gate_sections.hpp"

#include "coverage/thresholds.hpp"
#include "dependencies/dependency_rules.hpp"
#include "sbom/license_rules.hpp"
#include "scan/scan_rules.hpp"

#include <devos/engine/config_section.hpp>

namespace devos::check {
namespace {

template <class Settings>
foundation::Expected<void> parses(const YAML::Node& root, const engine::YamlReader& reader) {
    auto settings = engine::gateSettings<Settings>(root, reader);
    if (!settings)
        return std::unexpected(settings.error());
    return {};
}

} // namespace

foundation::Expected<void> checkGateSections(const engine::Policy& policy) {
    if (policy.configText.empty())
        return {};
    const engine::YamlReader reader(policy.configFile); // one parse for the four sections
    auto root = reader.load(policy.configText);
    if (!root)
        return std::unexpected(root.error());
    for (auto parse : {parses<coverage::Thresholds>, parses<dependencies::DependencyRules>,
                       parses<sbom::LicenseRules>, parses<scan::ScanRules>})
        if (auto ok = parse(*root, reader); !ok)
            return ok;
    return {};
}

} // namespace devos::check
