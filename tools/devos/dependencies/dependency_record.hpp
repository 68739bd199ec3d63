#pragma once
#include <devos/engine/error.hpp>
#include <string>
#include <vector>

namespace devos::dependencies {

// One package as the configure resolved it (an entry of build/devos/dependencies.json, written
// by cmake/DevOSDependencyProvider.cmake).
struct ResolvedDependency {
    std::string name;     // the find_package name
    std::string version;  // the resolved version; empty when the package sets none
    bool found = false;
    bool required = false;
    std::string location; // <Name>_DIR or the Find module
    std::string listFile; // the CMakeLists.txt (or .cmake) that called find_package; may be empty
};

// Reads a dependency record; errors name the file and what is wrong with it.
[[nodiscard]] engine::Expected<std::vector<ResolvedDependency>> readDependencyRecord(const std::string& path);

} // namespace devos::dependencies
