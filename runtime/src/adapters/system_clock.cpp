#include <chrono>
#include <devos/adapters/system_clock.hpp>

namespace devos::adapters {

contracts::EpochMillis SystemClock::nowMillis() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace devos::adapters
