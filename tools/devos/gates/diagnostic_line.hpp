#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devos::gates {

// A compiler-style diagnostic, as clang, gcc and clang-format print them:
// "file:line:column: error: message" (or warning).
struct DiagnosticLine {
    std::string file;
    unsigned line = 0;
    unsigned column = 0;
    std::string level; // "error" or "warning"
    std::string message;
};

// The diagnostic on `text` (one line, no newline), or nullopt when it is not one.
[[nodiscard]] std::optional<DiagnosticLine> parseDiagnosticLine(std::string_view text);
// Every diagnostic line of a tool's output, in order.
[[nodiscard]] std::vector<DiagnosticLine> diagnosticLines(std::string_view output);

} // namespace devos::gates
