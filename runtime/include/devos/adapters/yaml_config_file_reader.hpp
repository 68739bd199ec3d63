#pragma once
#include <devos/ports/config_file_reader.hpp>

namespace devos::adapters {

// ConfigFileReader over yaml-cpp: nested mappings become dotted keys; a sequence of scalars is a
// list; a sequence holding mappings or sequences is a list entry with no values (the validator
// rejects it where a list of strings is expected).
class YamlConfigFileReader final : public ports::ConfigFileReader {
public:
    [[nodiscard]] contracts::Expected<std::optional<contracts::ConfigDocument>>
    read(const std::string& path, const std::string& shownAs) const override;
};

} // namespace devos::adapters
