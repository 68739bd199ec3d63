#pragma once
#include <devos/foundation/error.hpp>
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
    bool operator==(const DenyList&) const = default;
};

// What a pure layer may not touch, and the pure allow-list.
class PurityLists {
public:
    // The lists as plain data (what rules/purity.yml says), so they can be compiled in.
    struct Data {
        std::vector<DenyList> deny;
        std::vector<std::string> pureHeaders;
        std::vector<std::string> pureCalls;
        bool operator==(const Data&) const = default;
    };
    PurityLists() = default;
    explicit PurityLists(Data data) : data_(std::move(data)) {}
    [[nodiscard]] const Data& data() const { return data_; }
    bool operator==(const PurityLists&) const = default;

    [[nodiscard]] static foundation::Expected<PurityLists> parse(const YAML::Node& root,
                                                                 const YamlReader& reader);
    // Adds a repo's `purity:` settings (pure_calls, pure_headers: added to the allow-lists).
    [[nodiscard]] foundation::Expected<void> extend(const YAML::Node& purity, const YamlReader& reader);

    // The rule a call to `qualifiedName` breaks, if it is on a deny-list.
    [[nodiscard]] std::optional<std::string> deniedCall(const std::string& qualifiedName) const;
    [[nodiscard]] std::optional<std::string> deniedType(const std::string& qualifiedName) const;
    [[nodiscard]] std::optional<std::string> deniedVariable(const std::string& qualifiedName) const;
    [[nodiscard]] std::optional<std::string> deniedHeader(const std::string& spelling) const;
    [[nodiscard]] bool isPureCall(const std::string& qualifiedName) const;
    [[nodiscard]] bool isPureHeader(const std::string& spelling) const;

private:
    Data data_;
};

} // namespace devos::engine
