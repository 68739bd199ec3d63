#pragma once
#include "dependencies/dependency_record.hpp"
#include "dependencies/dependency_rules.hpp"

#include <devos/engine/finding.hpp>
#include <devos/engine/policy.hpp>
#include <string>
#include <vector>

namespace devos::dependencies {

// The repo's dependency floors and bans (`rules`) against what the configure resolved:
//   dependency.ban    a banned package was found
//   dependency.floor  a package resolved below its floor (a warning when its version is unknown)
// Each finding points at the find_package call (found in the recorded list file) and notes where
// the floor or ban is set. Packages that were looked for but not found are not checked.
[[nodiscard]] std::vector<engine::Finding> checkDependencies(const std::vector<ResolvedDependency>& record,
                                                             const DependencyRules& rules,
                                                             const engine::Policy& policy,
                                                             const std::string& root);

// The 1-based line of the first `find_package(<name>` (or `pkg_check_modules(<name>`,
// `pkg_search_module(<name>`) call in `cmakeText` (case-insensitive command, exact name), or 0.
[[nodiscard]] unsigned findPackageLine(const std::string& cmakeText, const std::string& name);

} // namespace devos::dependencies
