#pragma once
#include <functional>
#include <string>

namespace devos::entrypoints {

// Reads one environment variable: its value, or "" when it is unset. The entrypoints take one so a
// caller (or a test) decides what the environment is.
using EnvironmentLookup = std::function<std::string(const std::string& name)>;

// The process environment (std::getenv).
[[nodiscard]] EnvironmentLookup processEnvironment();

} // namespace devos::entrypoints
