#pragma once

#include "contracts/errors.hpp"
#include "contracts/order.hpp"
#include "contracts/pricing_policy.hpp"
#include "ports/clock.hpp"
#include "ports/id_generator.hpp"
#include "ports/order_repository.hpp"

namespace orders::services {

// The "place an order" use case: validates and prices with logic/, stamps and stores through the ports.
class OrderService {
public:
    // Borrows the ports (they must outlive the service) and takes the pricing policy by value.
    OrderService(const ports::Clock& clock, ports::IdGenerator& ids, ports::OrderRepository& repository,
                 contracts::PricingPolicy policy);

    // The stored order, or the first validation, pricing or storage error; nothing is stored on error.
    [[nodiscard]] contracts::OrderResult<contracts::Order> placeOrder(const contracts::OrderRequest& request);

private:
    const ports::Clock& clock_;
    ports::IdGenerator& ids_;
    ports::OrderRepository& repository_;
    contracts::PricingPolicy policy_;
};

} // namespace orders::services
