#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orders::contracts {

// The currencies an order may be placed in.
enum class Currency { Usd, Eur, Gbp };

// The ISO 4217 code of `currency`, e.g. "USD".
[[nodiscard]] constexpr std::string_view currencyCode(Currency currency) noexcept {
    switch (currency) {
    case Currency::Usd:
        return "USD";
    case Currency::Eur:
        return "EUR";
    case Currency::Gbp:
        return "GBP";
    }
    return "???";
}

// An amount in integer cents (never floating point) and its currency.
struct Money {
    std::int64_t cents = 0;
    Currency currency = Currency::Usd;

    friend bool operator==(const Money&, const Money&) = default;
};

// One product line of an order: `quantity` units of `sku` at `unitPrice` each.
struct OrderLine {
    std::string sku;
    std::int64_t quantity = 0;
    Money unitPrice;

    friend bool operator==(const OrderLine&, const OrderLine&) = default;
};

// What a customer asks for; `discountCode` is empty when none was given.
struct OrderRequest {
    std::string customer;
    Currency currency = Currency::Usd;
    std::vector<OrderLine> lines;
    std::string discountCode{};
};

// The priced amounts of an order: total = subtotal - discount + tax.
struct OrderTotals {
    Money subtotal;
    Money discount;
    Money tax;
    Money total;

    friend bool operator==(const OrderTotals&, const OrderTotals&) = default;
};

// A placed order, as stored: identity, creation time, what was bought and what it cost.
struct Order {
    std::string id;
    std::int64_t createdAtEpochSeconds = 0;
    std::string customer;
    std::vector<OrderLine> lines;
    OrderTotals totals;

    friend bool operator==(const Order&, const Order&) = default;
};

} // namespace orders::contracts
