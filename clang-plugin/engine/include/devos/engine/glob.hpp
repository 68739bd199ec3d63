#pragma once
#include <string_view>

namespace devos::engine {

// Matches a '/'-separated path against a pattern: '**' spans any number of whole segments
// (including none), '*' any run of characters inside one segment, '?' one character.
[[nodiscard]] bool globMatch(std::string_view pattern, std::string_view path);

// Matches a qualified C++ name ("std::chrono::system_clock::now", "::time") against a pattern that
// may end in '*' (any suffix). A pattern starting with "::" names the global namespace.
[[nodiscard]] bool namePatternMatch(std::string_view pattern, std::string_view qualifiedName);

} // namespace devos::engine
