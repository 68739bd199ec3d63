#pragma once
#include "dependencies/dependency_record.hpp"
#include "sbom/dpkg_database.hpp"
#include "sbom/sbom_package.hpp"

#include <set>
#include <string>
#include <vector>

namespace devos::sbom {

// Where a resolved dependency came from: the file that identifies it (its config file, else the
// library its Find module found), the Debian package that owns that file and the license in that
// package's <docRoot>/<package>/copyright. A dependency no package owns (inside the repo, under
// /usr/local, a Find module with no library such as Threads) keeps NOASSERTION and no purl.
[[nodiscard]] SbomPackage describePackage(const dependencies::ResolvedDependency& dependency,
                                          const DpkgDatabase& dpkg,
                                          const std::string& docRoot = "/usr/share/doc");

// Every path describePackage may ask `dpkg` about for these dependencies: load the database with only
// these (DpkgDatabase::load's `only`).
[[nodiscard]] std::set<std::string>
evidencePaths(const std::vector<dependencies::ResolvedDependency>& dependencies);

} // namespace devos::sbom
