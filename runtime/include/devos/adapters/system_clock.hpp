#pragma once
#include <devos/ports/clock.hpp>

namespace devos::adapters {

// std::chrono::system_clock.
class SystemClock final : public ports::Clock {
public:
    [[nodiscard]] contracts::EpochMillis nowMillis() const override;
};

} // namespace devos::adapters
