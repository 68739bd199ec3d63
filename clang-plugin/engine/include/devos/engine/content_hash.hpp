#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace devos::engine {

// FNV-1a, 64 bits: a fast, stable (across runs, compilers and platforms) hash for cache keys and
// fingerprints. Not cryptographic.
[[nodiscard]] std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);
// The same hash as 16 lower-case hex digits.
[[nodiscard]] std::string fnv1a64Hex(std::string_view data);

} // namespace devos::engine
