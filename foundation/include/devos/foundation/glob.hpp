#pragma once
#include <string_view>

namespace devos::foundation {

// Matches a '/'-separated path against a glob, the semantics of every DevOS setting that names files
// (`.devos/devos.yml` layers, scan excludes, self-heal's sensitive paths): '**' spans any number of
// whole segments (none included: "src/**" matches "src/a.cpp", "**/*_test.cpp" matches
// "a_test.cpp"), '*' any run of characters inside one segment, '?' one character. Pure.
[[nodiscard]] bool globMatch(std::string_view pattern, std::string_view path);

} // namespace devos::foundation
