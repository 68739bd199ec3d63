#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

// pattern_id (seed §6.1): one id per kind of failure, so self-heal can count attempts per pattern.
//
// Normalizer v1 (changing any rule below is a new version: ids are stored and compared):
//   message  normalizeMessage: lower-case, whitespace collapsed, uuids/0x addresses/hex hashes/
//            numbers replaced by <uuid>/<addr>/<hash>/<n>, temp paths <tmp>, build paths <build>/…,
//            absolute paths cut to their last source root, `file.cpp:12:3` → `file.cpp`;
//   frames   topInAppFrames(trace, 5): the first five frames outside std::, libc, sanitizers, gtest
//            and system paths, each reduced to its cleaned function name (no arguments, template
//            arguments, offsets, ABI tags), joined with '|';
//   files    each through normalizePath, de-duplicated, sorted, joined with ',';
//   id       SHA-256 hex of `message::frames::files`.
namespace devos::logic {

// The normalizer version that computePatternId implements.
inline constexpr std::string_view kPatternIdVersion = "v1";

// The canonical text that is hashed: `message::frames::files` after v1 normalization.
[[nodiscard]] std::string patternKey(std::string_view message, std::string_view stackTrace,
                                     std::span<const std::string> files);

// SHA-256 hex (64 characters) of patternKey.
[[nodiscard]] std::string computePatternId(std::string_view message, std::string_view stackTrace,
                                           std::span<const std::string> files);

// Files normalized for the id: normalizePath each, drop empties and duplicates, sort.
[[nodiscard]] std::vector<std::string> normalizeFiles(std::span<const std::string> files);

} // namespace devos::logic
