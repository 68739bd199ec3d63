#pragma once
#include <devos/contracts/ulid.hpp>

namespace devos::ports {

// The wall clock, injected so that services and tests control time.
class Clock {
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch.
    [[nodiscard]] virtual contracts::EpochMillis nowMillis() const = 0;
};

} // namespace devos::ports
