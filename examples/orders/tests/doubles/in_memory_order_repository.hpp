#pragma once

#include "ports/order_repository.hpp"

#include <vector>

namespace orders::doubles {

// An OrderRepository that keeps orders in a vector, and can be told to fail like a full disk.
class InMemoryOrderRepository final : public ports::OrderRepository {
public:
    [[nodiscard]] contracts::OrderResult<void> save(const contracts::Order& order) override {
        if (failSaves)
            return std::unexpected(contracts::OrderError::StorageFailed);
        saved.push_back(order);
        return {};
    }

    // Every order saved so far, oldest first.
    std::vector<contracts::Order> saved;
    // When true, save() fails with StorageFailed and keeps nothing.
    bool failSaves = false;
};

} // namespace orders::doubles
