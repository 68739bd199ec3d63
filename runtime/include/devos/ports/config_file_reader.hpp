#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/self_heal_config.hpp>
#include <optional>
#include <string>

namespace devos::ports {

// Reads a YAML config file into a flat document (dotted keys, scalars or lists of scalars, lines).
class ConfigFileReader {
public:
    virtual ~ConfigFileReader() = default;
    // nullopt when the file does not exist; Invalid (file:line) when it is not YAML or not a mapping.
    [[nodiscard]] virtual contracts::Expected<std::optional<contracts::ConfigDocument>>
    read(const std::string& path, const std::string& shownAs) const = 0;
};

} // namespace devos::ports
