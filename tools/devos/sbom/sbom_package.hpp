#pragma once
#include "dependencies/dependency_record.hpp"
#include "sbom/dpkg_database.hpp"

#include <map>
#include <optional>
#include <string>

namespace devos::sbom {

// One resolved find_package dependency as the SBOM lists it: where it came from and its license.
struct SbomPackage {
    dependencies::ResolvedDependency dependency;
    std::string evidence;                // the file that identifies it (config or library); may be empty
    std::optional<DebianPackage> debian; // the installed package that owns `evidence`
    std::string license = "NOASSERTION"; // SPDX expression (declared)
    std::map<std::string, std::string> licenseTexts; // each LicenseRef-... in `license` -> its text
    std::string licenseSource;                       // the copyright file the license was read from
};

} // namespace devos::sbom
