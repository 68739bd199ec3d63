#include <devos/logic/ulid.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(Ulid, EncodesTimeThenRandomness) {
    UlidRandom zero{};
    EXPECT_EQ(encodeUlid(0, zero), "00000000000000000000000000");
    UlidRandom ones;
    ones.fill(0xFF);
    EXPECT_EQ(encodeUlid(0xFFFFFFFFFFFFull, ones), "7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
    // The spec's example time 1469918176385 encodes as 01ARYZ6S41.
    EXPECT_EQ(encodeUlid(1469918176385ull, zero).substr(0, 10), "01ARYZ6S41");
}

TEST(Ulid, IsDeterministicAndSortsByTime) {
    UlidRandom r{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(encodeUlid(1000, r), encodeUlid(1000, r));
    EXPECT_LT(encodeUlid(1000, r), encodeUlid(1001, r));
}

TEST(Ulid, ValidatesAndDecodesTime) {
    UlidRandom r{9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    auto id = encodeUlid(1700000000123ull, r);
    EXPECT_TRUE(isUlid(id));
    EXPECT_EQ(ulidMillis(id), 1700000000123ull);
    EXPECT_FALSE(isUlid("01ARYZ6S41"));
    EXPECT_FALSE(isUlid("01ARYZ6S41TSV4RRFFQ69G5FAU")); // U is not in the alphabet
    EXPECT_FALSE(isUlid("81ARYZ6S41TSV4RRFFQ69G5FAV")); // overflows 128 bits
}

} // namespace devos::logic
