#include "logic/validation.hpp"

#include <gtest/gtest.h>

namespace orders::logic {
namespace {

using contracts::Currency;
using contracts::OrderError;
using contracts::OrderRequest;

OrderRequest validRequest() {
    return {.customer = "Ada Lovelace",
            .currency = Currency::Usd,
            .lines = {{"apple", 2, {1250, Currency::Usd}}}};
}

std::unexpected<OrderError> fails(OrderError error) {
    return std::unexpected(error);
}

TEST(Validation, AcceptsAWellFormedRequest) {
    EXPECT_TRUE(validateRequest(validRequest()).has_value());
}

TEST(Validation, CustomerMustBeNonEmptyWithoutControlCharacters) {
    auto request = validRequest();
    request.customer = "";
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidCustomer));
    request.customer = "Ada\tLovelace";
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidCustomer));
}

TEST(Validation, LineCountMustBeBetweenOneAndTheMaximum) {
    auto request = validRequest();
    request.lines.clear();
    EXPECT_EQ(validateRequest(request), fails(OrderError::EmptyOrder));
    request.lines.assign(maxLines + 1, validRequest().lines.front());
    EXPECT_EQ(validateRequest(request), fails(OrderError::TooManyLines));
}

TEST(Validation, SkuMustBeNonEmptyWithoutWhitespace) {
    auto request = validRequest();
    request.lines[0].sku = "";
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidSku));
    request.lines[0].sku = "green apple";
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidSku));
}

TEST(Validation, QuantityMustBeWithinLimits) {
    auto request = validRequest();
    request.lines[0].quantity = 0;
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidQuantity));
    request.lines[0].quantity = maxQuantity + 1;
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidQuantity));
}

TEST(Validation, UnitPriceMustBeWithinLimits) {
    auto request = validRequest();
    request.lines[0].unitPrice.cents = -1;
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidPrice));
    request.lines[0].unitPrice.cents = maxUnitPriceCents + 1;
    EXPECT_EQ(validateRequest(request), fails(OrderError::InvalidPrice));
}

TEST(Validation, LinesMustBePricedInTheOrderCurrency) {
    auto request = validRequest();
    request.lines[0].unitPrice.currency = Currency::Gbp;
    EXPECT_EQ(validateRequest(request), fails(OrderError::CurrencyMismatch));
}

} // namespace
} // namespace orders::logic
