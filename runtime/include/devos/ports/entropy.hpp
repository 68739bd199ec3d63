#pragma once
#include <cstdint>
#include <span>

namespace devos::ports {

// A source of random bytes (for ULIDs), injected so that tests are deterministic.
class Entropy {
public:
    virtual ~Entropy() = default;
    // Fills `out` with random bytes; thread-safe.
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

} // namespace devos::ports
