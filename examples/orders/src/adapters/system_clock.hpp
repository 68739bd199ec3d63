#pragma once

#include "ports/clock.hpp"

namespace orders::adapters {

// The Clock port on the host's wall clock.
class SystemClock final : public ports::Clock {
public:
    // Seconds since the Unix epoch, from std::chrono::system_clock.
    [[nodiscard]] std::int64_t nowEpochSeconds() const override;
};

} // namespace orders::adapters
