#pragma once
#include <devos/output/report.hpp>
#include <string>

namespace devos::output {

// Compiler-style diagnostics that editors and CI problem matchers parse:
//   file:line:col: error: [devos purity.clock] message
//   file:line:col: note: <what to do instead>
//   file:line:col: note: <each note of the finding>
// then one summary line, e.g. "2 errors, 1 warning (3 baselined) from devos". Baselined findings are
// counted, not printed. `color` adds clang's ANSI colours (bold, red errors, magenta warnings).
[[nodiscard]] std::string renderText(const Report& report, bool color);

} // namespace devos::output
