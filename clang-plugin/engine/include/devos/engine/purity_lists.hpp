#pragma once
#include <devos/engine/error.hpp>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace devos::engine {

class YamlReader;

// The deny-lists of one purity rule (rules/purity.yml `deny.<rule>`).
struct DenyList {
    std::string ruleId;
    std::vector<std::string> calls;     // qualified function names or prefixes ('*')
    std::vector<std::string> types;     // qualified class (template) names
    std::vector<std::string> variables; // qualified global objects (std::cout)
    std::vector<std::string> headers;   // include spellings
};

// What a pure layer may not touch, and the pure allow-list.
class PurityLists {
public:
    [[nodiscard]] static Expected<PurityLists> parse(const YAML::Node& root, const YamlReader& reader);
    // Adds a repo's `purity:` settings (pure_calls, pure_headers: added to the allow-lists).
    [[nodiscard]] Expected<void> extend(const YAML::Node& purity, const YamlReader& reader);

    // The rule a call to `qualifiedName` breaks, if it is on a deny-list.
    [[nodiscard]] std::optional<std::string> deniedCall(const std::string& qualifiedName) const;
    [[nodiscard]] std::optional<std::string> deniedType(const std::string& qualifiedName) const;
    [[nodiscard]] std::optional<std::string> deniedVariable(const std::string& qualifiedName) const;
    [[nodiscard]] std::optional<std::string> deniedHeader(const std::string& spelling) const;
    [[nodiscard]] bool isPureCall(const std::string& qualifiedName) const;
    [[nodiscard]] bool isPureHeader(const std::string& spelling) const;

private:
    std::vector<DenyList> deny_;
    std::vector<std::string> pureHeaders_;
    std::vector<std::string> pureCalls_;
};

} // namespace devos::engine
