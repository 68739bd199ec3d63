#pragma once
#include <string>
#include <string_view>

namespace devos::engine {

// XXH3, 128 bits, as 32 lower-case hex digits (the canonical big-endian form `xxhsum -H2` prints):
// the content key of `devos check`'s cache, where a collision would serve a stale result, so 64
// bits are not enough. Fast and stable across runs and platforms; not cryptographic. Fingerprints
// stored in files keep foundation::fnv1a64.
[[nodiscard]] std::string contentHash(std::string_view data);

} // namespace devos::engine
