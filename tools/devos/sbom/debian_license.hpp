#pragma once
#include <string>

namespace devos::sbom {

// The SPDX license expression for the first line of a DEP-5 `License:` field ("GPL-2+",
// "Expat or GPL-2+", "GPL-3+ with Bison exception"): the common Debian short names map to SPDX
// ids (GPL-2+ -> GPL-2.0-or-later, Expat -> MIT, BSD-3-clause -> BSD-3-Clause), `or`/`and`/`with`
// to OR/AND/WITH; a name without an SPDX id becomes LicenseRef-<name> (letters, digits, '.', '-').
[[nodiscard]] std::string spdxFromDebian(const std::string& debianLicense);

// "LicenseRef-" + `name` with every character SPDX does not allow in an id replaced by '-'.
[[nodiscard]] std::string licenseRef(const std::string& name);

} // namespace devos::sbom
