#pragma once

#include <expected>
#include <string_view>

namespace orders::contracts {

// Every way placing an order can fail; business errors are values, never exceptions.
enum class OrderError {
    InvalidCustomer,
    EmptyOrder,
    TooManyLines,
    InvalidSku,
    InvalidQuantity,
    InvalidPrice,
    CurrencyMismatch,
    UnknownDiscountCode,
    StorageFailed,
};

// The result of an operation that can fail with an OrderError.
template <typename T> using OrderResult = std::expected<T, OrderError>;

// A short English explanation of `error`, for messages to the user.
[[nodiscard]] constexpr std::string_view describe(OrderError error) noexcept {
    switch (error) {
    case OrderError::InvalidCustomer:
        return "the customer is empty or contains control characters";
    case OrderError::EmptyOrder:
        return "the order has no lines";
    case OrderError::TooManyLines:
        return "the order has more than 1000 lines";
    case OrderError::InvalidSku:
        return "a SKU is empty or contains whitespace or control characters";
    case OrderError::InvalidQuantity:
        return "a quantity is not between 1 and 10000";
    case OrderError::InvalidPrice:
        return "a unit price is negative or above 1000000.00";
    case OrderError::CurrencyMismatch:
        return "a line is priced in another currency than the order";
    case OrderError::UnknownDiscountCode:
        return "the discount code is not known";
    case OrderError::StorageFailed:
        return "the order could not be stored";
    }
    return "unknown error";
}

} // namespace orders::contracts
