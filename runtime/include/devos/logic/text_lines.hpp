#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace devos::logic {

// A text as lines without their '\n', and whether the last line had one.
struct TextLines {
    std::vector<std::string> lines;
    bool finalNewline = true;

    bool operator==(const TextLines&) const = default;
};

// Splits on '\n' ("a\nb\n" → {a, b}, final newline; "" → no lines). A '\r' before '\n' is kept.
[[nodiscard]] TextLines splitLines(std::string_view text);

// The inverse of splitLines.
[[nodiscard]] std::string joinLines(const TextLines& text);

// `line` without its leading spaces and tabs' indentation: the leading whitespace itself.
[[nodiscard]] std::string_view indentationOf(std::string_view line);

// `line` with every space, tab and '\r' removed: what two lines are compared by when whitespace
// changes must not matter ("a+b" and "a + b" compare equal).
[[nodiscard]] std::string withoutWhitespace(std::string_view line);

} // namespace devos::logic
