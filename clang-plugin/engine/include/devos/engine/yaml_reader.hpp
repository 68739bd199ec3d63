#pragma once
#include <devos/foundation/error.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace devos::engine {

// Small helpers that read typed values from yaml-cpp nodes and turn every mismatch into an Error
// that names the file, the 1-based line and the expected shape.
class YamlReader {
public:
    explicit YamlReader(std::string origin) : origin_(std::move(origin)) {}

    [[nodiscard]] foundation::Expected<YAML::Node> load(const std::string& text) const;
    // The 1-based line a node starts on; 0 for a node that is not in the document.
    [[nodiscard]] static unsigned line(const YAML::Node& node);
    [[nodiscard]] foundation::Expected<std::string> string(const YAML::Node& node,
                                                           const std::string& what) const;
    [[nodiscard]] foundation::Expected<std::vector<std::string>> strings(const YAML::Node& node,
                                                                         const std::string& what) const;
    [[nodiscard]] foundation::Expected<bool> boolean(const YAML::Node& node, const std::string& what) const;
    [[nodiscard]] foundation::Expected<long> integer(const YAML::Node& node, const std::string& what) const;
    // Fails when `map` has a key not in `known`, naming the key and the keys that are allowed.
    [[nodiscard]] foundation::Expected<void>
    onlyKeys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& what) const;
    [[nodiscard]] std::unexpected<foundation::Error> error(const YAML::Node& at, std::string message,
                                                           std::string hint = {}) const;
    [[nodiscard]] const std::string& origin() const { return origin_; }

private:
    std::string origin_;
};

} // namespace devos::engine
