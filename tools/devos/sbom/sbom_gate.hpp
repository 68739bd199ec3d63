#pragma once
#include "dependencies/dependency_gate.hpp"
#include "sbom/spdx_document.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::sbom {

// What `devos sbom` describes: the packages a configure resolved, for the repo's license policy.
struct SbomRequest {
    dependencies::DependencyGateRequest record{}; // the build folder, its record and the repo
    std::string toolVersion{};                    // the creator line's devos version
    std::string dpkgAdminDir = "/var/lib/dpkg";   // where each package's Debian origin is looked up
};

// The SBOM (not written yet) and the license findings.
struct SbomOutcome {
    engine::Policy policy{};
    std::string root{};
    SbomDocument document{};                 // the repo and each found package, with license and purl
    std::string spdx{};                      // the document as SPDX 2.3 JSON
    std::vector<engine::Finding> findings{}; // dependency.license
};

// Loads the record and the policy (errors as dependencies::loadRecordAndPolicy's), describes each
// found package from the Debian database and checks the licenses. `created` is SOURCE_DATE_EPOCH when
// it is set (reproducible output), else now; the project is CMAKE_PROJECT_NAME from the build's
// cache, else the repo folder's name.
[[nodiscard]] foundation::Expected<SbomOutcome> describeBuild(const SbomRequest& request);

} // namespace devos::sbom
