#pragma once

#include "ports/clock.hpp"

namespace orders::doubles {

// A Clock that always reads the same instant.
class FixedClock final : public ports::Clock {
public:
    // Reads `epochSeconds` forever; the default is 2025-01-01T00:00:00Z.
    explicit FixedClock(std::int64_t epochSeconds = 1'735'689'600) : epochSeconds_(epochSeconds) {}

    [[nodiscard]] std::int64_t nowEpochSeconds() const override { return epochSeconds_; }

private:
    std::int64_t epochSeconds_;
};

} // namespace orders::doubles
