#pragma once

#include "ports/order_repository.hpp"

#include <filesystem>

namespace orders::adapters {

// The OrderRepository port as an append-only text file, one tab-separated line per order:
// id, created-at, customer, currency, subtotal, discount, tax, total (cents), then one
// "<quantity> <unit cents> <sku>" field per order line. Validated orders hold no tabs or newlines.
class FileOrderRepository final : public ports::OrderRepository {
public:
    // Appends to `path`, creating the file on the first save.
    explicit FileOrderRepository(std::filesystem::path path);

    // Appends one line for `order` and flushes it; StorageFailed when the file cannot be written.
    [[nodiscard]] contracts::OrderResult<void> save(const contracts::Order& order) override;

private:
    std::filesystem::path path_;
};

} // namespace orders::adapters
