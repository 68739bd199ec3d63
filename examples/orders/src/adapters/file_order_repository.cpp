#include "adapters/file_order_repository.hpp"

#include <fstream>
#include <utility>

namespace orders::adapters {

FileOrderRepository::FileOrderRepository(std::filesystem::path path) : path_(std::move(path)) {}

contracts::OrderResult<void> FileOrderRepository::save(const contracts::Order& order) {
    std::ofstream out(path_, std::ios::app);
    const contracts::OrderTotals& totals = order.totals;
    out << order.id << '\t' << order.createdAtEpochSeconds << '\t' << order.customer << '\t'
        << contracts::currencyCode(totals.total.currency) << '\t' << totals.subtotal.cents << '\t'
        << totals.discount.cents << '\t' << totals.tax.cents << '\t' << totals.total.cents;
    for (const contracts::OrderLine& line : order.lines)
        out << '\t' << line.quantity << ' ' << line.unitPrice.cents << ' ' << line.sku;
    out << '\n' << std::flush;
    if (!out)
        return std::unexpected(contracts::OrderError::StorageFailed);
    return {};
}

} // namespace orders::adapters
