#include "services/order_service.hpp"

#include "logic/pricing.hpp"
#include "logic/validation.hpp"

#include <utility>

namespace orders::services {

OrderService::OrderService(const ports::Clock& clock, ports::IdGenerator& ids,
                           ports::OrderRepository& repository, contracts::PricingPolicy policy)
    : clock_(clock), ids_(ids), repository_(repository), policy_(std::move(policy)) {}

contracts::OrderResult<contracts::Order> OrderService::placeOrder(const contracts::OrderRequest& request) {
    if (auto valid = logic::validateRequest(request); !valid)
        return std::unexpected(valid.error());
    auto totals = logic::priceOrder(request, policy_);
    if (!totals)
        return std::unexpected(totals.error());

    contracts::Order order{
        .id = ids_.nextId(),
        .createdAtEpochSeconds = clock_.nowEpochSeconds(),
        .customer = request.customer,
        .lines = request.lines,
        .totals = *totals,
    };
    if (auto saved = repository_.save(order); !saved)
        return std::unexpected(saved.error());
    return order;
}

} // namespace orders::services
