#pragma once

#include "contracts/errors.hpp"
#include "contracts/order.hpp"
#include "contracts/pricing_policy.hpp"

#include <cstdint>
#include <span>
#include <string_view>

namespace orders::logic {

// The sum of unit price times quantity over `lines`, in cents; the lines must be valid.
[[nodiscard]] std::int64_t subtotalCents(std::span<const contracts::OrderLine> lines);

// `basisPoints` / 10000 of `cents`, rounded half up; both must be non-negative.
[[nodiscard]] std::int64_t applyBasisPoints(std::int64_t cents, std::int64_t basisPoints);

// The basis points `code` takes off under `policy`: 0 for an empty code, an error for an unknown one.
[[nodiscard]] contracts::OrderResult<std::int64_t>
discountBasisPoints(std::string_view code, const contracts::PricingPolicy& policy);

// Subtotal, discount, tax (on the discounted amount) and total of a validated request.
[[nodiscard]] contracts::OrderResult<contracts::OrderTotals>
priceOrder(const contracts::OrderRequest& request, const contracts::PricingPolicy& policy);

} // namespace orders::logic
