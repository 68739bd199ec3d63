#pragma once

#include "contracts/errors.hpp"
#include "contracts/order.hpp"

#include <cstddef>
#include <cstdint>

namespace orders::logic {

// The most lines, units per line and cents per unit an order may carry; they keep every sum in int64.
inline constexpr std::size_t maxLines = 1000;
inline constexpr std::int64_t maxQuantity = 10'000;
inline constexpr std::int64_t maxUnitPriceCents = 100'000'000;

// Succeeds when `request` may be priced and stored; otherwise the first rule it breaks.
[[nodiscard]] contracts::OrderResult<void> validateRequest(const contracts::OrderRequest& request);

} // namespace orders::logic
