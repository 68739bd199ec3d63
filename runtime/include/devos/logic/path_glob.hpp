#pragma once
#include <span>
#include <string>
#include <string_view>

namespace devos::logic {

// True when a repo-relative path matches a glob: '*' and '?' within one segment, '**' for any
// number of whole segments ("src/**" matches "src/a.cpp"; "**/auth/**" matches "auth/x.cpp").
[[nodiscard]] bool pathMatchesGlob(std::string_view pattern, std::string_view path);

// The first of `patterns` that `path` matches, or "" when none does.
[[nodiscard]] std::string firstMatchingGlob(std::span<const std::string> patterns, std::string_view path);

} // namespace devos::logic
