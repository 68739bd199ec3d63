#include "dependencies/dependency_rules.hpp"

#include <algorithm>
#include <cctype>
#include <devos/engine/yaml_reader.hpp>

namespace devos::dependencies {
namespace {

// The numeric components of a version, stopping at the first character that is neither a digit
// nor a dot.
std::vector<unsigned long> components(const std::string& text) {
    std::vector<unsigned long> out;
    unsigned long value = 0;
    bool inNumber = false;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            value = value * 10 + static_cast<unsigned long>(c - '0');
            inNumber = true;
        } else if (c == '.' && inNumber) {
            out.push_back(value);
            value = 0;
            inNumber = false;
        } else {
            break;
        }
    }
    if (inNumber)
        out.push_back(value);
    return out;
}

} // namespace

bool isVersion(const std::string& text) {
    return !text.empty() && std::isdigit(static_cast<unsigned char>(text[0]));
}

int compareVersions(const std::string& a, const std::string& b) {
    auto x = components(a);
    auto y = components(b);
    for (size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
        unsigned long u = i < x.size() ? x[i] : 0;
        unsigned long v = i < y.size() ? y[i] : 0;
        if (u != v)
            return u < v ? -1 : 1;
    }
    return 0;
}

foundation::Expected<DependencyRules> DependencyRules::parse(const YAML::Node& node,
                                                             const YamlReader& reader) {
    if (auto ok = reader.onlyKeys(node, {"floors", "bans"}, "'dependencies'"); !ok)
        return std::unexpected(ok.error());
    DependencyRules rules;
    if (const YAML::Node floors = node["floors"]) {
        if (!floors.IsMap())
            return reader.error(floors, "'dependencies.floors' must map a find_package name to a version",
                                "e.g. floors: { OpenSSL: \"3.0\" }");
        for (const auto& kv : floors) {
            auto version = reader.string(kv.second, "the floor of '" + kv.first.Scalar() + "'");
            if (!version)
                return std::unexpected(version.error());
            if (!isVersion(*version))
                return reader.error(kv.second,
                                    "the floor of '" + kv.first.Scalar() + "' must be a version, not '" +
                                        *version + "'",
                                    "write dotted numbers, e.g. \"3.0.2\"");
            rules.floors.push_back({kv.first.Scalar(), *version, YamlReader::line(kv.first)});
        }
    }
    if (const YAML::Node bans = node["bans"]) {
        if (!bans.IsMap())
            return reader.error(bans,
                                "'dependencies.bans' must map a find_package name to the reason it is banned",
                                "e.g. bans: { Boost: \"use the standard library\" }");
        for (const auto& kv : bans) {
            auto reason = reader.string(kv.second, "the reason '" + kv.first.Scalar() + "' is banned");
            if (!reason)
                return std::unexpected(reason.error());
            if (reason->empty())
                return reader.error(kv.second, "the ban of '" + kv.first.Scalar() + "' needs a reason",
                                    "say what to use instead; the reason is shown with every finding");
            rules.bans.push_back({kv.first.Scalar(), *reason, YamlReader::line(kv.first)});
        }
    }
    return rules;
}

} // namespace devos::dependencies
