#pragma once

#include <cstdint>

namespace orders::ports {

// The current time, injected so that services stay deterministic under test.
struct Clock {
    virtual ~Clock() = default;
    // Seconds since the Unix epoch, UTC.
    [[nodiscard]] virtual std::int64_t nowEpochSeconds() const = 0;
};

} // namespace orders::ports
