#include <devos/logic/pattern_text.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(NormalizeMessage, ReplacesRunSpecificNoise) {
    EXPECT_EQ(normalizeMessage("Expected  42,\tgot 41"), "expected <n>, got <n>");
    EXPECT_EQ(normalizeMessage("null deref at 0x7ffd5e8c1a20 (+0x1c)"), "null deref at <addr> (+<addr>)");
    EXPECT_EQ(normalizeMessage("order 550e8400-e29b-41d4-a716-446655440000 missing"), "order <uuid> missing");
    EXPECT_EQ(normalizeMessage("commit 3f9a2c1d broke it"), "commit <hash> broke it");
    EXPECT_EQ(normalizeMessage("took 125ms"), "took <n>ms");
}

TEST(NormalizeMessage, KeepsNumbersInsideIdentifiers) {
    EXPECT_EQ(normalizeMessage("int32_t overflow in test2"), "int32_t overflow in test2");
    EXPECT_EQ(normalizeMessage("added value"), "added value");
}

TEST(NormalizeMessage, DropsLineNumbersAndMachinePaths) {
    EXPECT_EQ(normalizeMessage("order_repo.cpp:123: Failure"), "order_repo.cpp: failure");
    EXPECT_EQ(normalizeMessage("at /home/alice/proj/src/orders/repo.cpp:42:7"), "at src/orders/repo.cpp");
    EXPECT_EQ(normalizeMessage("cannot open /tmp/pgtest.Xa81kd/data/file"), "cannot open <tmp>");
    EXPECT_EQ(normalizeMessage("see /ci/work/build-release/tests/orders_test"),
              "see <build>/tests/orders_test");
}

TEST(NormalizePath, MapsTempBuildAndAbsolutePaths) {
    EXPECT_EQ(normalizePath("/var/tmp/x/y.cpp"), "<tmp>");
    EXPECT_EQ(normalizePath("/w/cmake-build-debug/gen/a.cpp:3"), "<build>/gen/a.cpp");
    EXPECT_EQ(normalizePath("/home/bob/src/app/src/main.cpp"), "src/main.cpp");
    EXPECT_EQ(normalizePath("./src/a.cpp"), "src/a.cpp");
    EXPECT_EQ(normalizePath("/opt/thing.cpp"), "thing.cpp");
}

TEST(HasSourceExtension, KnowsCommonExtensions) {
    EXPECT_TRUE(hasSourceExtension("a.CPP"));
    EXPECT_TRUE(hasSourceExtension("x/y.hpp"));
    EXPECT_FALSE(hasSourceExtension("libc.so"));
    EXPECT_FALSE(hasSourceExtension("README"));
}

} // namespace devos::logic
