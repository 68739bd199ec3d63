#include "adapters/counter_id_generator.hpp"
#include "adapters/file_order_repository.hpp"
#include "adapters/system_clock.hpp"
#include "contracts/errors.hpp"
#include "contracts/order.hpp"
#include "contracts/pricing_policy.hpp"
#include "ports/clock.hpp"
#include "services/order_service.hpp"

#include <charconv>
#include <cstdint>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace {

using namespace orders;

constexpr std::string_view usage =
    "usage: orders CUSTOMER SKU QUANTITY UNIT_CENTS [DISCOUNT_CODE]\n"
    "Places a one-line order in USD, appends it to ./orders.log, prints its total.\n";

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string formatCents(std::int64_t cents) {
    const std::string fraction = std::to_string(cents % 100);
    return std::to_string(cents / 100) + (fraction.size() < 2 ? ".0" : ".") + fraction;
}

// An id prefix of this process's own, so that two runs in the same second never share an id.
std::string processIdPrefix(const ports::Clock& clock) {
    return "ord-" + std::to_string(clock.nowEpochSeconds()) + "-" +
           std::to_string(std::random_device{}() % 100'000);
}

} // namespace

int main(int argc, char* argv[]) {
    const auto quantity = argc >= 5 ? parseInteger(argv[3]) : std::nullopt;
    const auto unitCents = argc >= 5 ? parseInteger(argv[4]) : std::nullopt;
    if (argc > 6 || !quantity || !unitCents) {
        std::cerr << usage;
        return 2;
    }
    const contracts::OrderRequest request{
        .customer = argv[1],
        .currency = contracts::Currency::Usd,
        .lines = {{argv[2], *quantity, {*unitCents, contracts::Currency::Usd}}},
        .discountCode = argc == 6 ? argv[5] : ""};

    adapters::SystemClock clock;
    adapters::CounterIdGenerator ids(processIdPrefix(clock));
    adapters::FileOrderRepository repository("orders.log");
    services::OrderService service(
        clock, ids, repository, {.taxBasisPoints = 825, .discounts = {{"WELCOME10", 1000}, {"VIP25", 2500}}});

    const auto order = service.placeOrder(request);
    if (!order) {
        std::cerr << "orders: cannot place the order: " << contracts::describe(order.error()) << '\n';
        return 1;
    }
    const contracts::OrderTotals& totals = order->totals;
    std::cout << "order " << order->id << " for " << order->customer << ": subtotal "
              << formatCents(totals.subtotal.cents) << ", discount " << formatCents(totals.discount.cents)
              << ", tax " << formatCents(totals.tax.cents) << ", total " << formatCents(totals.total.cents)
              << ' ' << contracts::currencyCode(totals.total.currency) << " (stored in orders.log)\n";
    return 0;
}
