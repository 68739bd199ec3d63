#pragma once

#include "contracts/errors.hpp"
#include "contracts/order.hpp"

namespace orders::ports {

// Where placed orders are kept.
struct OrderRepository {
    virtual ~OrderRepository() = default;
    // Stores `order` durably; StorageFailed when it could not.
    [[nodiscard]] virtual contracts::OrderResult<void> save(const contracts::Order& order) = 0;
};

} // namespace orders::ports
