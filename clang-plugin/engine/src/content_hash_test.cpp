#include <devos/engine/content_hash.hpp>
#include <gtest/gtest.h>

using devos::engine::contentHash;

TEST(ContentHash, IsXxh3With128BitsInCanonicalHex) {
    // As `xxhsum -H2` prints them (xxHash 0.8).
    EXPECT_EQ(contentHash(""), "99aa06d3014798d86001c324468d497f");
    EXPECT_EQ(contentHash("abc"), "06b05ab6733a618578af5f94892f3950");
    EXPECT_EQ(contentHash("The quick brown fox jumps over the lazy dog"), "ddd650205ca3e7fa24a1cc2e3a8a7651");
}

TEST(ContentHash, OneChangedByteChangesTheKey) {
    EXPECT_NE(contentHash("int f() { return 1; }"), contentHash("int f() { return 2; }"));
    EXPECT_EQ(contentHash("same"), contentHash(std::string("same")));
}
