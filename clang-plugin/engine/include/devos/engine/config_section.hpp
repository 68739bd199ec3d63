#pragma once
#include <devos/engine/policy.hpp>
#include <devos/engine/yaml_reader.hpp>
#include <devos/foundation/error.hpp>
#include <optional>
#include <string>
#include <yaml-cpp/yaml.h>

namespace devos::engine {

// A section of a repo config that its gate parses (kGateSections; the engine only knows the name):
// the section's node, and a reader whose errors name the config file and the line.
struct ConfigSection {
    YAML::Node node;
    YamlReader reader;
};

// The `key` section of repo config YAML text; nullopt when the text has none. `origin` names the
// file in errors (a file that is not valid YAML is one, at its line).
[[nodiscard]] foundation::Expected<std::optional<ConfigSection>>
configSection(const std::string& yamlText, const std::string& origin, const std::string& key);

// A gate's settings from repo config YAML text: `Settings::parse` of its `Settings::kSection`
// section, or `Settings{}` (the defaults) when there is no such section.
template <class Settings>
[[nodiscard]] foundation::Expected<Settings> gateSettings(const std::string& yamlText,
                                                          const std::string& origin) {
    auto section = configSection(yamlText, origin, Settings::kSection);
    if (!section)
        return std::unexpected(section.error());
    if (!*section)
        return Settings{};
    return Settings::parse((*section)->node, (*section)->reader);
}

// A gate's settings from a config document already loaded with `reader` (several gates, one parse).
template <class Settings>
[[nodiscard]] foundation::Expected<Settings> gateSettings(const YAML::Node& root, const YamlReader& reader) {
    const YAML::Node node = root[Settings::kSection];
    if (!node)
        return Settings{};
    return Settings::parse(node, reader);
}

// A gate's settings from the repo config `policy` applied (the defaults without one).
template <class Settings> [[nodiscard]] foundation::Expected<Settings> gateSettings(const Policy& policy) {
    return gateSettings<Settings>(policy.configText, policy.configFile);
}

} // namespace devos::engine
