#pragma once
#include "sbom/sbom_package.hpp"

#include <string>
#include <vector>

namespace devos::sbom {

// Everything an SPDX document about one configured repo holds.
struct SbomDocument {
    std::string projectName;           // the root package: the repo
    std::string toolVersion;           // creator "Tool: devos-<version>"
    std::string created;               // ISO 8601 UTC, e.g. "2024-01-01T00:00:00Z"
    std::vector<SbomPackage> packages; // the resolved dependencies, in record order
    std::string recordSource;          // where the record came from ("provider", ...): creationInfo.comment
};

// The SPDX 2.3 JSON document: the repo as the root package (DOCUMENT DESCRIBES it), one package per
// dependency (versionInfo, licenseDeclared, a purl for a Debian package) that the root DEPENDS_ON,
// and hasExtractedLicensingInfos for every LicenseRef. The documentNamespace is a hash of the
// content without `created`: the same input gives the same bytes when `created` is fixed.
[[nodiscard]] std::string renderSpdx(const SbomDocument& document);

// The SPDX id for a name: "SPDXRef-<prefix>-" + name with characters outside [A-Za-z0-9.-] as '-'.
[[nodiscard]] std::string spdxId(const std::string& prefix, const std::string& name);

} // namespace devos::sbom
