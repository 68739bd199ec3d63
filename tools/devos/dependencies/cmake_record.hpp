#pragma once
#include "codemodel/file_api.hpp"
#include "dependencies/dependency_record.hpp"

#include <string>
#include <vector>

namespace devos::dependencies {

// What a configure left behind about the packages it resolved, for a build configured without the
// DevOS dependency provider (read from the CMake File API reply).
struct CMakeKnowledge {
    std::vector<codemodel::CacheEntry> cache;
    codemodel::Codemodel codemodel;
    std::vector<std::string> listFiles; // the project's own CMake files, the top CMakeLists.txt first
};

// The dependency record CMake's knowledge implies, sorted by name, one entry per package:
// - find_package's result line (FIND_PACKAGE_MESSAGE_DETAILS_<Name>): found, the version, and the
//   config file or library it names;
// - <Name>_DIR (with find_package's help string): the config folder, its config file and the
//   version its version file sets; <Name>_DIR-NOTFOUND alone: looked for, not found;
// - <prefix>_FOUND of a pkg_check_modules / pkg_search_module call in the project: found, with
//   <prefix>_VERSION and the pkgcfg_lib_<prefix>_* library;
// - <Name>_VERSION, <Name>_VERSION_STRING (also upper-case) and <Name>_LIBRARY[_RELEASE] entries
//   fill what is still missing, and the Find module in CMake's modules is the location;
// - the codemodel's link items: a library an imported target brought in is the library of the
//   package whose find_package call created it; a library a target_link_libraries call names
//   through exactly one package's imported targets (`Ns::name`) is that package's, and such a
//   namespace no cache entry knows is a package of its own (found, version unknown).
// `listFile` is the first project file with a find_package / pkg_check_modules call naming it.
[[nodiscard]] std::vector<ResolvedDependency> deriveDependencyRecord(const CMakeKnowledge& known);

// Reads the File API reply of `buildDir` (queries cache-v2, codemodel-v2 and cmakeFiles-v1) and
// derives the record; an error names the missing reply and how to get it.
[[nodiscard]] foundation::Expected<std::vector<ResolvedDependency>>
readCMakeDependencyRecord(const std::string& buildDir);

} // namespace devos::dependencies
