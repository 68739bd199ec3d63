#pragma once
#include <optional>
#include <string>

namespace devos::engine {

// The whole content of a file, byte for byte; nullopt when it cannot be opened.
[[nodiscard]] std::optional<std::string> readTextFile(const std::string& path);

} // namespace devos::engine
