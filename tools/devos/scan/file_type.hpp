#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// What a tracked file's name and bytes say about its type: the pure half of `devos scan files`.
namespace devos::scan {

// How many leading bytes the binary checks look at (git's own heuristic looks at 8000).
inline constexpr size_t kBinaryProbeBytes = 8192;

// The object or executable format the first bytes announce: "ELF", "PE", "Mach-O", "ar archive",
// or "" for none.
[[nodiscard]] std::string_view executableFormat(std::string_view head);
// True when the first kBinaryProbeBytes bytes hold a NUL byte.
[[nodiscard]] bool looksBinary(std::string_view bytes);
// The build-output extension of a path (".o", ".a", ".so", ".dylib", ".dll", ".exe", ".obj", ".pch",
// ".gch", case-insensitive; "libx.so.1.2" counts as ".so"), or "" when it has none.
[[nodiscard]] std::string buildOutputExtension(std::string_view path);
// True for C and C++ sources and headers (.c .cc .cpp .cxx .h .hh .hpp .hxx .ipp .inl .tpp .cu .cuh).
[[nodiscard]] bool isCxxSource(std::string_view path);

// A 1-based line and column (in bytes) in a text.
struct TextPosition {
    unsigned line = 1;
    unsigned column = 1;
    bool operator==(const TextPosition&) const = default;
};
[[nodiscard]] TextPosition positionOf(std::string_view text, size_t offset);
// Where the first "\r\n" line ending is (at its '\r'), if any.
[[nodiscard]] std::optional<TextPosition> firstCrlf(std::string_view text);
// Where the first byte that is not valid UTF-8 is (overlong forms and surrogates included), if any.
[[nodiscard]] std::optional<TextPosition> firstInvalidUtf8(std::string_view text);
// The text of 1-based line `line` (without its line ending), or "" past the end.
[[nodiscard]] std::string_view lineAt(std::string_view text, unsigned line);

} // namespace devos::scan
