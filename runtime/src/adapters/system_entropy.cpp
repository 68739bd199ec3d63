#include <devos/adapters/system_entropy.hpp>

namespace devos::adapters {

void SystemEntropy::fill(std::span<std::uint8_t> out) {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < out.size(); i += 4) {
        auto word = device_();
        for (std::size_t k = 0; k < 4 && i + k < out.size(); ++k)
            out[i + k] = static_cast<std::uint8_t>(word >> (8 * k));
    }
}

} // namespace devos::adapters
