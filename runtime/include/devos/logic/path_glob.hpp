#pragma once
#include <span>
#include <string>
#include <string_view>

namespace devos::logic {

// The first of `patterns` that `path` matches (foundation::globMatch), or "" when none does.
[[nodiscard]] std::string firstMatchingGlob(std::span<const std::string> patterns, std::string_view path);

} // namespace devos::logic
