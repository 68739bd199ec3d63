#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Small text helpers every part of DevOS uses: ASCII case and whitespace, line numbers, UTF-8-safe
// cuts and percent-encoding. Pure: no I/O, no locale.
namespace devos::foundation {

// `text` with ASCII letters in lower case; other bytes (UTF-8 included) unchanged.
[[nodiscard]] std::string lower(std::string_view text);

// `text` without leading and trailing ASCII whitespace (space, \t, \n, \r, \f, \v).
[[nodiscard]] std::string_view trim(std::string_view text);
// `text` without leading ASCII whitespace.
[[nodiscard]] std::string_view trimLeft(std::string_view text);
// `text` without trailing ASCII whitespace.
[[nodiscard]] std::string_view trimRight(std::string_view text);

// The 1-based line that holds the byte at `offset` (the line after the last one when past the end).
[[nodiscard]] unsigned lineOfOffset(std::string_view text, std::size_t offset);

// `text` when it fits in `maxBytes`; else its head cut on a UTF-8 character boundary with `marker`
// appended, `maxBytes` bytes at most in all (the marker alone when it does not fit).
[[nodiscard]] std::string truncateUtf8(std::string_view text, std::size_t maxBytes,
                                       std::string_view marker = {});

// The last `maxBytes` bytes of `text` at most, starting on a UTF-8 character boundary.
[[nodiscard]] std::string_view utf8Tail(std::string_view text, std::size_t maxBytes);

// Every byte of `text` as %XX (upper-case hex) but the RFC 3986 unreserved characters
// (A-Z a-z 0-9 - . _ ~) and the bytes in `keep` (e.g. "/" for a URI path, ":" for a purl version).
[[nodiscard]] std::string percentEncode(std::string_view text, std::string_view keep = {});

// `text` as valid UTF-8: each byte that does not start a well-formed sequence (a stray continuation
// byte, a truncated or overlong sequence, a surrogate, a code point above U+10FFFF) becomes U+FFFD, so
// every JSON writer and PostgreSQL accept it; valid text comes back unchanged.
[[nodiscard]] std::string validUtf8(std::string_view text);

// One `#include "x"` / `#include <x>` of a C++ text: the spelling without quotes or brackets, and its
// 1-based line.
struct IncludeDirective {
    std::string header;
    unsigned line = 0;
};

// The #include directives of a C++ text, in order; lines inside /* */ comments and after // are not
// directives, and neither is `#include MACRO` nor an empty spelling.
[[nodiscard]] std::vector<IncludeDirective> includeDirectives(std::string_view text);

// The byte offset of the first byte of `text` that does not start a well-formed UTF-8 sequence, or
// nullopt when all of `text` is valid UTF-8.
[[nodiscard]] std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// The byte offset of the first byte that cannot be in a text file a person wrote (a configuration, a
// JSON or YAML document): invalid UTF-8, NUL or another C0 control but tab, LF and CR, or DEL.
[[nodiscard]] std::optional<std::size_t> firstNonTextByte(std::string_view text);

} // namespace devos::foundation
