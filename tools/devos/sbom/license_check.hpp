#pragma once
#include "sbom/license_rules.hpp"
#include "sbom/sbom_package.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <string>
#include <vector>

namespace devos::sbom {

// The repo's license policy (`licenses`, .devos/devos.yml `licenses:`) against the SBOM's packages:
//   dependency.license  a denied license, or with an allow list one not on it (error); a package
//                       whose license is unknown (NOASSERTION) under an allow list (warning)
// Each finding points at the find_package call and notes the config line behind it.
[[nodiscard]] std::vector<engine::Finding> checkLicenses(const std::vector<SbomPackage>& packages,
                                                         const LicenseRules& licenses,
                                                         const engine::Policy& policy,
                                                         const std::string& root);

} // namespace devos::sbom
