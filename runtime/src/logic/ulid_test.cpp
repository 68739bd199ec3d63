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

TEST(Ulid, HexIsTheTimeThenTheRandomBytes) {
    UlidRandom r{0x9a, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0xff};
    // 1700000000123 = 0x018bcfe5687b: 48 bits of time, then the 80 random bits as they are.
    EXPECT_EQ(ulidHex(encodeUlid(1700000000123ull, r)), "018bcfe5687b9a0807060504030201ff");
    UlidRandom ones;
    ones.fill(0xFF);
    EXPECT_EQ(ulidHex(encodeUlid(0xFFFFFFFFFFFFull, ones)), std::string(32, 'f'));
    EXPECT_EQ(ulidHex(encodeUlid(0, UlidRandom{})), std::string(32, '0'));
}

} // namespace devos::logic
