#include <devos/logic/pattern_id.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(PatternId, IsTheSha256OfTheCanonicalKey) {
    std::vector<std::string> files = {"src/b.cpp", "src/a.cpp", "src/a.cpp"};
    EXPECT_EQ(patternKey("Boom  42", "f(int)\ng()", files), "boom <n>::f|g::src/a.cpp,src/b.cpp");
    EXPECT_EQ(computePatternId("x", "", {}).size(), 64u);
    EXPECT_EQ(kPatternIdVersion, "v2");
}

TEST(PatternId, FailuresDifferingOnlyInNoiseShareAnId) {
    std::string messageA = "Order 550e8400-e29b-41d4-a716-446655440000 lost at 0x7ffd1234: expected 3 got 4 "
                           "(/tmp/run.abc123/order.db, commit 9f8e7d6c5b)";
    std::string messageB = "order 123e4567-e89b-12d3-a456-426614174000 lost at 0x55aa0000:  expected 7 got 9 "
                           "(/tmp/run.zzz999/order.db, commit 0a1b2c3d4e)";
    std::string traceA =
        "#0 0x4c5d3a in orders::OrderRepo::save(orders::Order const&) /home/alice/w/src/repo.cpp:42:7\n"
        "#1 0x4c5e00 in orders::Checkout::run<int>(int) /home/alice/w/src/checkout.cpp:10\n"
        "#2 0x7f00 in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x29d90)\n";
    std::string traceB =
        "#0 0x1111 in orders::OrderRepo::save(orders::Order const&) /builds/ci/x/src/repo.cpp:44:1\n"
        "#1 0x2222 in orders::Checkout::run<long>(long) /builds/ci/x/src/checkout.cpp:12\n"
        "#2 0x3333 in __libc_start_main (/lib64/libc.so.6+0x1111)\n";
    std::vector<std::string> filesA = {"/home/alice/w/src/repo.cpp:42", "src/checkout.cpp"};
    std::vector<std::string> filesB = {"src/checkout.cpp:99", "/builds/ci/x/src/repo.cpp"};
    EXPECT_EQ(patternKey(messageA, traceA, filesA), patternKey(messageB, traceB, filesB));
    EXPECT_EQ(computePatternId(messageA, traceA, filesA), computePatternId(messageB, traceB, filesB));
}

TEST(PatternId, DifferentFailuresGetDifferentIds) {
    EXPECT_NE(computePatternId("null pointer in save", "", {}),
              computePatternId("null pointer in load", "", {}));
    std::vector<std::string> a = {"src/a.cpp"};
    std::vector<std::string> b = {"src/b.cpp"};
    EXPECT_NE(computePatternId("boom", "", a), computePatternId("boom", "", b));
    EXPECT_NE(computePatternId("boom", "save()", {}), computePatternId("boom", "load()", {}));
}

TEST(PatternId, V2LeavesMangledStandardLibraryFramesOut) {
    // A backtrace_symbols trace of the app binary: the std frame is mangled (_ZNSt...).
    std::string trace = "./app(_ZNSt6vectorIiSaIiEE14_M_range_checkEm+0x3c) [0x55d4c3a1b2c3]\n"
                        "./app(_ZN6orders9OrderRepo4saveERKNS_5OrderE+0x1c) [0x55d4c3a1b2c4]\n"
                        "./app(_ZN6orders8Checkout3runIiEEvT_+0x10) [0x55d4c3a1b2c5]\n";
    EXPECT_EQ(patternKey("boom", trace, {}), "boom::orders::OrderRepo::save|orders::Checkout::run::");
    // v1 kept the std frame (and the template) mangled as in-app frames.
    EXPECT_EQ(patternKey("boom", trace, {}, PatternIdVersion::v1),
              "boom::_ZNSt6vectorIiSaIiEE14_M_range_checkEm|orders::OrderRepo::save|orders::Checkout::run::");
}

TEST(PatternId, OldIdsStayResolvable) {
    std::string trace =
        "./app(_ZNSt6vectorIiSaIiEE14_M_range_checkEm+0x3c) [0x1]\n./app(_ZN1a1bEv+0x1) [0x2]\n";
    std::vector<std::string> files = {"src/a.cpp"};
    auto ids = patternIdsOfEveryVersion("boom", trace, files);
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(ids[0], computePatternId("boom", trace, files));
    EXPECT_EQ(ids[1], computePatternId("boom", trace, files, PatternIdVersion::v1));
    // A failure both versions see alike has one id.
    EXPECT_EQ(patternIdsOfEveryVersion("boom", "a()\nb()", files).size(), 1u);
}

} // namespace devos::logic
