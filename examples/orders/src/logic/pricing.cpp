#include "logic/pricing.hpp"

#include <algorithm>
#include <numeric>

namespace orders::logic {
namespace {

constexpr std::int64_t basisPointsPerUnit = 10'000;

} // namespace

std::int64_t subtotalCents(std::span<const contracts::OrderLine> lines) {
    return std::accumulate(lines.begin(), lines.end(), std::int64_t{0},
                           [](std::int64_t sum, const contracts::OrderLine& line) {
                               return sum + line.unitPrice.cents * line.quantity;
                           });
}

// Splits `cents` into whole units of 10000 and a remainder so the product never overflows int64.
std::int64_t applyBasisPoints(std::int64_t cents, std::int64_t basisPoints) {
    const std::int64_t whole = cents / basisPointsPerUnit * basisPoints;
    const std::int64_t rest = cents % basisPointsPerUnit * basisPoints;
    return whole + (rest + basisPointsPerUnit / 2) / basisPointsPerUnit;
}

contracts::OrderResult<std::int64_t> discountBasisPoints(std::string_view code,
                                                         const contracts::PricingPolicy& policy) {
    if (code.empty())
        return 0;
    const auto found = std::ranges::find(policy.discounts, code, &contracts::Discount::code);
    if (found == policy.discounts.end())
        return std::unexpected(contracts::OrderError::UnknownDiscountCode);
    return found->basisPoints;
}

contracts::OrderResult<contracts::OrderTotals> priceOrder(const contracts::OrderRequest& request,
                                                          const contracts::PricingPolicy& policy) {
    const auto discountPoints = discountBasisPoints(request.discountCode, policy);
    if (!discountPoints)
        return std::unexpected(discountPoints.error());
    const std::int64_t subtotal = subtotalCents(request.lines);
    const std::int64_t discount = applyBasisPoints(subtotal, *discountPoints);
    const std::int64_t tax = applyBasisPoints(subtotal - discount, policy.taxBasisPoints);
    const auto money = [&](std::int64_t cents) { return contracts::Money{cents, request.currency}; };
    return contracts::OrderTotals{money(subtotal), money(discount), money(tax),
                                  money(subtotal - discount + tax)};
}

} // namespace orders::logic
