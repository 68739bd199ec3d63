#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace devos::foundation {

inline constexpr std::uint64_t kFnv1a64Seed = 0xcbf29ce484222325ULL;

// FNV-1a, 64 bits: stable across runs, compilers and platforms, for fingerprints stored in files
// (the baseline, the SBOM's namespace). Not cryptographic, and too short for a cache key: use a
// 128-bit hash there. `seed` chains calls: fnv1a64(b, fnv1a64(a)) == fnv1a64(a + b).
[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = kFnv1a64Seed) {
    for (char c : data) {
        seed ^= static_cast<unsigned char>(c);
        seed *= 0x100000001b3ULL;
    }
    return seed;
}

// `value` as 16 lower-case hex digits.
[[nodiscard]] inline std::string hex64(std::uint64_t value) {
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4)
        out[static_cast<std::size_t>(i)] = "0123456789abcdef"[value & 15];
    return out;
}

// fnv1a64(data) as 16 lower-case hex digits.
[[nodiscard]] inline std::string fnv1a64Hex(std::string_view data) {
    return hex64(fnv1a64(data));
}

} // namespace devos::foundation
