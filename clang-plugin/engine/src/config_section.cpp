#include <devos/engine/config_section.hpp>

namespace devos::engine {

foundation::Expected<std::optional<ConfigSection>>
configSection(const std::string& yamlText, const std::string& origin, const std::string& key) {
    if (yamlText.empty())
        return std::nullopt;
    YamlReader reader(origin);
    auto root = reader.load(yamlText);
    if (!root)
        return std::unexpected(root.error());
    const YAML::Node node = (*root)[key];
    if (!node)
        return std::nullopt;
    return ConfigSection{node, std::move(reader)};
}

} // namespace devos::engine
