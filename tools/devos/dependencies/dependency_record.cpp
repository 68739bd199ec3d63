#include "dependencies/dependency_record.hpp"

#include <fstream>
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

engine::Expected<std::vector<ResolvedDependency>> readDependencyRecord(const std::string& path) {
    const char* how = "configure again with -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/DevOS/"
                      "DevOSDependencyProvider.cmake";
    std::ifstream in(path);
    if (!in)
        return engine::fail(path, 0, "no dependency record", how);
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        return engine::fail(path, 0, std::string("the dependency record is not valid JSON: ") + e.what(), how);
    }
    if (!doc.is_object() || doc.value("version", 0) != 1 || !doc.contains("dependencies") ||
        !doc["dependencies"].is_array())
        return engine::fail(path, 0, "not a version 1 dependency record (an object with a 'dependencies' array)",
                            how);
    std::vector<ResolvedDependency> out;
    for (const auto& entry : doc["dependencies"]) {
        if (!entry.is_object() || text(entry, "name").empty())
            return engine::fail(path, 0, "a dependency record entry has no name", how);
        out.push_back({text(entry, "name"), text(entry, "version"), flag(entry, "found"), flag(entry, "required"),
                       text(entry, "location"), text(entry, "listFile")});
    }
    return out;
}

} // namespace devos::dependencies
