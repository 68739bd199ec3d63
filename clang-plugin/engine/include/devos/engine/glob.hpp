#pragma once
#include <devos/foundation/glob.hpp>
#include <string_view>

namespace devos::engine {

// Path globs are the foundation's (one matcher for the engine, the CLI and the runtime).
using foundation::globMatch;

// Matches a qualified C++ name ("std::chrono::system_clock::now", "::time") against a pattern that
// may end in '*' (any suffix). A pattern starting with "::" names the global namespace.
[[nodiscard]] bool namePatternMatch(std::string_view pattern, std::string_view qualifiedName);

} // namespace devos::engine
