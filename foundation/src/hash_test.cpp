#include <devos/foundation/hash.hpp>
#include <gtest/gtest.h>

using namespace devos::foundation;

TEST(Hash, Fnv1a64MatchesThePublishedVectors) {
    // From the FNV reference test suite (draft-eastlake-fnv, "FNV-1a 64").
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
    EXPECT_EQ(fnv1a64Hex("foobar"), "85944171f73967e8");
}

TEST(Hash, ChainingIsHashingTheConcatenation) {
    EXPECT_EQ(fnv1a64("bar", fnv1a64("foo")), fnv1a64("foobar"));
}

TEST(Hash, Hex64PadsToSixteenDigits) {
    EXPECT_EQ(hex64(0xabcULL), "0000000000000abc");
}
