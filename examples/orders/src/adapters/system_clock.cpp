#include "adapters/system_clock.hpp"

#include <chrono>

namespace orders::adapters {

std::int64_t SystemClock::nowEpochSeconds() const {
    const auto sinceEpoch = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::seconds>(sinceEpoch).count();
}

} // namespace orders::adapters
