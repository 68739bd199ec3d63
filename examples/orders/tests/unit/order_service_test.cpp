#include "doubles/fixed_clock.hpp"
#include "doubles/in_memory_order_repository.hpp"
#include "doubles/seq_id.hpp"
#include "services/order_service.hpp"

#include <gtest/gtest.h>

namespace orders::services {
namespace {

using contracts::Currency;
using contracts::Money;
using contracts::OrderError;

class OrderServiceTest : public ::testing::Test {
protected:
    doubles::FixedClock clock{1'735'689'600};
    doubles::SeqId ids{"order"};
    doubles::InMemoryOrderRepository repository;
    OrderService service{clock, ids, repository, {.taxBasisPoints = 825, .discounts = {{"WELCOME10", 1000}}}};
    contracts::OrderRequest request{
        .customer = "Ada", .currency = Currency::Usd, .lines = {{"apple", 2, {1250, Currency::Usd}}}};
};

TEST_F(OrderServiceTest, StampsPricesAndStoresTheOrder) {
    const auto order = service.placeOrder(request);

    ASSERT_TRUE(order.has_value()) << contracts::describe(order.error());
    EXPECT_EQ(order->id, "order-1");
    EXPECT_EQ(order->createdAtEpochSeconds, 1'735'689'600);
    EXPECT_EQ(order->customer, "Ada");
    EXPECT_EQ(order->lines, request.lines);
    EXPECT_EQ(order->totals.total, (Money{2706, Currency::Usd})); // 2500 + 8.25 % tax (206.25)
    EXPECT_EQ(repository.saved, std::vector{*order});
}

TEST_F(OrderServiceTest, EachOrderGetsTheNextId) {
    ASSERT_TRUE(service.placeOrder(request).has_value());
    EXPECT_EQ(service.placeOrder(request)->id, "order-2");
    EXPECT_EQ(repository.saved.size(), 2U);
}

TEST_F(OrderServiceTest, InvalidRequestIsRejectedAndNotStored) {
    request.lines.clear();
    EXPECT_EQ(service.placeOrder(request), std::unexpected(OrderError::EmptyOrder));
    EXPECT_TRUE(repository.saved.empty());
}

TEST_F(OrderServiceTest, UnknownDiscountCodeIsRejectedAndNotStored) {
    request.discountCode = "FREE";
    EXPECT_EQ(service.placeOrder(request), std::unexpected(OrderError::UnknownDiscountCode));
    EXPECT_TRUE(repository.saved.empty());
}

TEST_F(OrderServiceTest, StorageFailureIsReported) {
    repository.failSaves = true;
    EXPECT_EQ(service.placeOrder(request), std::unexpected(OrderError::StorageFailed));
}

} // namespace
} // namespace orders::services
