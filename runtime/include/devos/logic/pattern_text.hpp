#pragma once
#include <string>
#include <string_view>

namespace devos::logic {

// Normalizes an error message for pattern ids (normalizer v1, see pattern_id.hpp): lower-case,
// whitespace collapsed, and run-specific noise replaced by placeholders: uuids `<uuid>`,
// 0x addresses and offsets `<addr>`, hex hashes of 7+ characters `<hash>`, numbers that do not
// continue an identifier `<n>`, paths through normalizePath, `file.cpp:12:3` line suffixes dropped.
[[nodiscard]] std::string normalizeMessage(std::string_view message);

// Normalizes one path (v1): temp paths (/tmp, /var/tmp, /var/folders, /dev/shm) become `<tmp>`; a
// path through a build folder (build, _build, build-*, build_*, cmake-build-*) becomes
// `<build>/` + the rest; other absolute paths keep the part from their last source root (src,
// include, tests, test, lib, tools, examples) or else the file name; a `:line[:col]` suffix is dropped.
[[nodiscard]] std::string normalizePath(std::string_view path);

// True when `name` ends in a C/C++ (or other common) source-file extension.
[[nodiscard]] bool hasSourceExtension(std::string_view name);

} // namespace devos::logic
