#pragma once
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::dependencies {

// One package as the configure resolved it (an entry of build/devos/dependencies.json, written
// by cmake/DevOSDependencyProvider.cmake).
struct ResolvedDependency {
    std::string name;    // the find_package name
    std::string version; // the resolved version; empty when the package sets none
    bool found = false;
    bool required = false;
    std::string location; // <Name>_DIR or the Find module
    std::string listFile; // the CMakeLists.txt (or .cmake) that called find_package; may be empty
    std::string config;   // the <Name>Config.cmake file (config mode); may be empty
    std::string library;  // a library file the Find module found (module mode); may be empty
};

// Reads a dependency record; errors name the file, the line (of invalid JSON) and what is wrong.
[[nodiscard]] foundation::Expected<std::vector<ResolvedDependency>>
readDependencyRecord(const std::string& path);

} // namespace devos::dependencies
