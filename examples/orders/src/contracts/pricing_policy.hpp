#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orders::contracts {

// A discount code and the share of the subtotal it takes off, in basis points (1 bp = 0.01 %).
struct Discount {
    std::string code;
    std::int64_t basisPoints = 0;
};

// How orders are priced: the tax rate in basis points and the discount codes on offer.
struct PricingPolicy {
    std::int64_t taxBasisPoints = 0;
    std::vector<Discount> discounts;
};

} // namespace orders::contracts
