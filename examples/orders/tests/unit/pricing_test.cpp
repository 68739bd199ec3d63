#include "logic/pricing.hpp"

#include <gtest/gtest.h>

namespace orders::logic {
namespace {

using contracts::Currency;
using contracts::Money;
using contracts::OrderError;

const contracts::PricingPolicy policy{.taxBasisPoints = 825, .discounts = {{"WELCOME10", 1000}}};

TEST(Pricing, SubtotalSumsUnitPriceTimesQuantity) {
    const std::vector<contracts::OrderLine> lines{{"apple", 2, {1250, Currency::Usd}},
                                                  {"pear", 1, {999, Currency::Usd}}};
    EXPECT_EQ(subtotalCents(lines), 3499);
    EXPECT_EQ(subtotalCents({}), 0);
}

TEST(Pricing, BasisPointsRoundHalfUp) {
    EXPECT_EQ(applyBasisPoints(1000, 825), 83); // 82.5
    EXPECT_EQ(applyBasisPoints(999, 825), 82);  // 82.4175
    EXPECT_EQ(applyBasisPoints(0, 825), 0);
    EXPECT_EQ(applyBasisPoints(1234, 0), 0);
}

TEST(Pricing, BasisPointsDoNotOverflowOnLargeAmounts) {
    EXPECT_EQ(applyBasisPoints(1'000'000'000'000'000, 10'000), 1'000'000'000'000'000);
    EXPECT_EQ(applyBasisPoints(1'000'000'000'000'001, 5'000), 500'000'000'000'001);
}

TEST(Pricing, EmptyDiscountCodeTakesNothingOff) {
    EXPECT_EQ(discountBasisPoints("", policy), 0);
}

TEST(Pricing, UnknownDiscountCodeIsAnError) {
    EXPECT_EQ(discountBasisPoints("FREE", policy), std::unexpected(OrderError::UnknownDiscountCode));
}

TEST(Pricing, TaxIsChargedOnTheDiscountedAmount) {
    const contracts::OrderRequest request{.customer = "Ada",
                                          .currency = Currency::Eur,
                                          .lines = {{"apple", 2, {1250, Currency::Eur}}},
                                          .discountCode = "WELCOME10"};
    const auto totals = priceOrder(request, policy);
    ASSERT_TRUE(totals.has_value());
    EXPECT_EQ(totals->subtotal, (Money{2500, Currency::Eur}));
    EXPECT_EQ(totals->discount, (Money{250, Currency::Eur}));
    EXPECT_EQ(totals->tax, (Money{186, Currency::Eur})); // 8.25 % of 2250 = 185.625
    EXPECT_EQ(totals->total, (Money{2436, Currency::Eur}));
}

} // namespace
} // namespace orders::logic
