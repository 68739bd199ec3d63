#pragma once
#include <devos/foundation/error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace devos::foundation {

// `path` escaped for a Makefile-syntax depfile as Ninja's depfile parser (and GNU Make) read it: a
// space as "\ " with the backslashes before it doubled, '#' as "\#", '$' as "$$". Invalid for a path
// that no depfile can hold (a newline, carriage return or tab in it, or an odd run of backslashes at
// its end).
[[nodiscard]] Expected<std::string> escapeDepfilePath(std::string_view path);

// Writes `depfile` (atomically, creating its folder) as "target: input..." with one escaped input
// per line; the error names the path that cannot be escaped or the file that cannot be written.
[[nodiscard]] Expected<void> writeDepfile(const std::string& depfile, const std::string& target,
                                          const std::vector<std::string>& inputs);

} // namespace devos::foundation
