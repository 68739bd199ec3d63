#pragma once
#include "dependencies/dependency_record.hpp"

#include <devos/foundation/error.hpp>
#include <string>
#include <vector>

namespace devos::dependencies {

// The dependency record of a configured build and where it came from: the DevOS dependency
// provider's file (exact: every find_package call as it resolved) or, without the provider, what
// the CMake File API reply implies (cmake_record.hpp).
struct BuildRecord {
    std::vector<ResolvedDependency> dependencies;
    std::string source; // kProviderSource or kCMakeSource: what the gate table and SARIF show
};

inline constexpr const char* kProviderSource = "provider";
inline constexpr const char* kCMakeSource = "cmake cache + codemodel";

// The record of `buildDir`: `recordFile` (the provider's format) when it is not empty; else by
// `source`: "provider" reads <buildDir>/devos/dependencies.json, "cmake" derives the record from the
// File API reply, "auto" does the first when that file exists and the second otherwise. An error
// names what is missing and how to get it (the provider, or the File API queries).
[[nodiscard]] foundation::Expected<BuildRecord>
loadBuildRecord(const std::string& buildDir, const std::string& recordFile, const std::string& source);

} // namespace devos::dependencies
