#include "check/gate_sections.hpp"

#include "coverage/thresholds.hpp"
#include "dependencies/dependency_rules.hpp"
#include "sbom/license_rules.hpp"
#include "scan/scan_rules.hpp"

#include <devos/engine/config_section.hpp>

namespace devos::check {
namespace {

template <class Settings> foundation::Expected<void> parses(const engine::Policy& policy) {
    auto settings = engine::gateSettings<Settings>(policy);
    if (!settings)
        return std::unexpected(settings.error());
    return {};
}

} // namespace

foundation::Expected<void> checkGateSections(const engine::Policy& policy) {
    for (auto parse : {parses<coverage::Thresholds>, parses<dependencies::DependencyRules>,
                       parses<sbom::LicenseRules>, parses<scan::ScanRules>})
        if (auto ok = parse(policy); !ok)
            return ok;
    return {};
}

} // namespace devos::check
