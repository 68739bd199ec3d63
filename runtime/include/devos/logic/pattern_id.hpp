#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

// pattern_id (seed §6.1): one id per kind of failure, so self-heal can count attempts per pattern.
//
// Normalizer v2 (changing any rule below is a new version: ids are stored and compared):
//   message  normalizeMessage: lower-case, whitespace collapsed, uuids/0x addresses/hex hashes/
//            numbers replaced by <uuid>/<addr>/<hash>/<n>, temp paths <tmp>, build paths <build>/…,
//            absolute paths cut to their last source root, `file.cpp:12:3` → `file.cpp`;
//   frames   topInAppFrames(trace, 5): the first five frames outside std::, libc, sanitizers, gtest
//            and system paths, each reduced to its cleaned function name (no arguments, template
//            arguments, offsets, ABI tags), joined with '|'; mangled names are demangled in full
//            (Demangling::Itanium), so a `_ZNSt...` frame is std:: and left out;
//   files    each through normalizePath, de-duplicated, sorted, joined with ',';
//   id       SHA-256 hex of `message::frames::files`.
// v1 differed only in the frames: it decoded simple nested names alone (Demangling::NestedNamesOnly),
// so other mangled frames, std ones included, entered the id. Rows stored under v1 keep their ids;
// patternIdsOfEveryVersion gives both, so a lookup by pattern finds them.
namespace devos::logic {

// A version of the normalizer; ids of different versions differ for a failure whose frames do.
enum class PatternIdVersion { v1, v2 };

// The normalizer version that computePatternId implements by default.
inline constexpr std::string_view kPatternIdVersion = "v2";

// The canonical text that is hashed: `message::frames::files` after normalization.
[[nodiscard]] std::string patternKey(std::string_view message, std::string_view stackTrace,
                                     std::span<const std::string> files,
                                     PatternIdVersion version = PatternIdVersion::v2);

// SHA-256 hex (64 characters) of patternKey.
[[nodiscard]] std::string computePatternId(std::string_view message, std::string_view stackTrace,
                                           std::span<const std::string> files,
                                           PatternIdVersion version = PatternIdVersion::v2);

// The failure's id under every normalizer version, the current (v2) first, each once: what a lookup
// by pattern matches so that rows stored by an older DevOS still count.
[[nodiscard]] std::vector<std::string> patternIdsOfEveryVersion(std::string_view message,
                                                                std::string_view stackTrace,
                                                                std::span<const std::string> files);

// Files normalized for the id: normalizePath each, drop empties and duplicates, sort.
[[nodiscard]] std::vector<std::string> normalizeFiles(std::span<const std::string> files);

} // namespace devos::logic
