#include "logic/validation.hpp"

#include <algorithm>
#include <string_view>

namespace orders::logic {
namespace {

bool isControl(char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

bool isValidSku(std::string_view sku) {
    return !sku.empty() && std::ranges::none_of(sku, [](char c) { return c == ' ' || isControl(c); });
}

contracts::OrderResult<void> validateLine(const contracts::OrderLine& line, contracts::Currency currency) {
    if (!isValidSku(line.sku))
        return std::unexpected(contracts::OrderError::InvalidSku);
    if (line.quantity < 1 || line.quantity > maxQuantity)
        return std::unexpected(contracts::OrderError::InvalidQuantity);
    if (line.unitPrice.cents < 0 || line.unitPrice.cents > maxUnitPriceCents)
        return std::unexpected(contracts::OrderError::InvalidPrice);
    if (line.unitPrice.currency != currency)
        return std::unexpected(contracts::OrderError::CurrencyMismatch);
    return {};
}

} // namespace

contracts::OrderResult<void> validateRequest(const contracts::OrderRequest& request) {
    if (request.customer.empty() || std::ranges::any_of(request.customer, isControl))
        return std::unexpected(contracts::OrderError::InvalidCustomer);
    if (request.lines.empty())
        return std::unexpected(contracts::OrderError::EmptyOrder);
    if (request.lines.size() > maxLines)
        return std::unexpected(contracts::OrderError::TooManyLines);
    for (const contracts::OrderLine& line : request.lines)
        if (auto valid = validateLine(line, request.currency); !valid)
            return valid;
    return {};
}

} // namespace orders::logic
