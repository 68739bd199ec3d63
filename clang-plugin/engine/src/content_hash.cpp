#include <cstdio>
#include <devos/engine/content_hash.hpp>

namespace devos::engine {

std::uint64_t fnv1a64(std::string_view data, std::uint64_t hash) {
    for (unsigned char c : data) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::string fnv1a64Hex(std::string_view data) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a64(data)));
    return buf;
}

} // namespace devos::engine
