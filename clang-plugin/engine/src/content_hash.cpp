#include <devos/engine/content_hash.hpp>
#include <devos/foundation/hash.hpp>
#include <xxhash.h>

namespace devos::engine {

std::string contentHash(std::string_view data) {
    XXH128_hash_t hash = XXH3_128bits(data.data(), data.size());
    return foundation::hex64(hash.high64) + foundation::hex64(hash.low64);
}

} // namespace devos::engine
