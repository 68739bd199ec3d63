#pragma once
#include <devos/ports/entropy.hpp>
#include <mutex>
#include <random>

namespace devos::adapters {

// Random bytes from std::random_device (the OS's random source).
class SystemEntropy final : public ports::Entropy {
public:
    void fill(std::span<std::uint8_t> out) override;

private:
    std::mutex mutex_;
    std::random_device device_;
};

} // namespace devos::adapters
