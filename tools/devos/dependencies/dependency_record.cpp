#include "dependencies/dependency_record.hpp"

#include <algorithm>
#include <devos/foundation/json.hpp>
#include <nlohmann/json.hpp>

namespace devos::dependencies {
namespace {

std::string text(const nlohmann::json& entry, const char* key) {
    auto it = entry.find(key);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

bool flag(const nlohmann::json& entry, const char* key) {
    auto it = entry.find(key);
    return it != entry.end() && it->is_boolean() && it->get<bool>();
}

} // namespace

foundation::Expected<std::vector<ResolvedDependency>> readDependencyRecord(const std::string& path) {
    const char* how = "configure again with -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/"
                      "DevOSDependencyProvider.cmake";
    auto doc = foundation::readJsonFile(path, "the dependency record", how);
    if (!doc && doc.error().kind == foundation::ErrorKind::NotFound)
        return foundation::fail(foundation::ErrorKind::NotFound, "no dependency record", path, 0, how);
    if (!doc)
        return std::unexpected(doc.error());
    if (!doc->is_object() || doc->value("version", 0) != 1 || !doc->contains("dependencies") ||
        !(*doc)["dependencies"].is_array())
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "not a version 1 dependency record (an object with a 'dependencies' array)",
                                path, 0, how);
    std::vector<ResolvedDependency> out;
    for (const auto& entry : (*doc)["dependencies"]) {
        if (!entry.is_object() || text(entry, "name").empty())
            return foundation::fail(foundation::ErrorKind::Invalid, "a dependency record entry has no name",
                                    path, 0, how);
        out.push_back({.name = text(entry, "name"),
                       .version = text(entry, "version"),
                       .found = flag(entry, "found"),
                       .required = flag(entry, "required"),
                       .location = text(entry, "location"),
                       .listFile = text(entry, "listFile"),
                       .config = text(entry, "config"),
                       .library = text(entry, "library")});
    }
    return out;
}

} // namespace devos::dependencies
