#include <devos/logic/stack_frame.hpp>
#include <gtest/gtest.h>

namespace devos::logic {

TEST(CleanFunctionName, StripsArgumentsTemplatesAndOffsets) {
    EXPECT_EQ(cleanFunctionName("orders::OrderRepo::save(orders::Order const&)"), "orders::OrderRepo::save");
    EXPECT_EQ(cleanFunctionName("std::vector<int, std::allocator<int> >::at(unsigned long) const"),
              "std::vector::at");
    EXPECT_EQ(cleanFunctionName("_ZN6orders9OrderRepo4saveERKNS_5OrderE"), "orders::OrderRepo::save");
    EXPECT_EQ(cleanFunctionName("(anonymous namespace)::helper[abi:cxx11](int)"), "anon::helper");
    EXPECT_EQ(cleanFunctionName("Foo::operator()(int) const"), "Foo::operator()");
    EXPECT_EQ(cleanFunctionName("run()::{lambda(int)#1}::operator()"), "run::{lambda}::operator()");
    EXPECT_EQ(cleanFunctionName("_ZN3foo3BarC2Ev"), "foo::Bar::Bar");
}

TEST(CleanFunctionName, DemanglesEveryItaniumName) {
    EXPECT_EQ(cleanFunctionName("_ZNSt6vectorIiSaIiEE14_M_range_checkEm"), "std::vector::_M_range_check");
    EXPECT_EQ(cleanFunctionName("_ZNKSt6vectorIiSaIiEE2atEm+0x12"), "std::vector::at");
    EXPECT_EQ(cleanFunctionName("_ZN6orders8Checkout3runIiEEvT_"), "orders::Checkout::run");
    EXPECT_EQ(cleanFunctionName("_ZN12_GLOBAL__N_16helperEv"), "anon::helper");
    EXPECT_EQ(cleanFunctionName("_Z3foov.cold"), "foo");
    EXPECT_EQ(cleanFunctionName("_Znot-a-symbol"), "_Znot-a-symbol");
    EXPECT_EQ(cleanFunctionName("void orders::Checkout::run<int>(int)"), "orders::Checkout::run");
    EXPECT_EQ(cleanFunctionName("_ZN3FoonwEm"), "Foo::operator new");
    // Normalizer v1 decoded nested names only.
    EXPECT_EQ(cleanFunctionName("_ZNSt6vectorIiSaIiEE14_M_range_checkEm", Demangling::NestedNamesOnly),
              "_ZNSt6vectorIiSaIiEE14_M_range_checkEm");
}

TEST(ParseFrame, AMangledStdFrameIsNotInApp) {
    auto frame = parseFrame("./app(_ZNSt6vectorIiSaIiEE14_M_range_checkEm+0x3c) [0x55d4c3a1b2c3]");
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->function, "std::vector::_M_range_check");
    EXPECT_FALSE(frame->inApp);
    EXPECT_TRUE(
        parseFrame("./app(_ZNSt6vectorIiSaIiEE14_M_range_checkEm+0x3c) [0x1]", Demangling::NestedNamesOnly)
            ->inApp);
}

TEST(ParseFrame, ReadsSanitizerGdbAndGlibcFormats) {
    auto asan = parseFrame(
        "    #0 0x4c5d3a in orders::OrderRepo::save(orders::Order const&) /home/u/p/src/repo.cpp:42:7");
    ASSERT_TRUE(asan);
    EXPECT_EQ(asan->function, "orders::OrderRepo::save");
    EXPECT_EQ(asan->file, "src/repo.cpp");
    EXPECT_TRUE(asan->inApp);

    auto gdb = parseFrame("#1  0x0000555555555189 in main () at main.cpp:10");
    ASSERT_TRUE(gdb);
    EXPECT_EQ(gdb->function, "main");
    EXPECT_EQ(gdb->file, "main.cpp");

    auto glibc = parseFrame("./app(_ZN3foo3barEv+0x1c) [0x55d4c3a1b2c3]");
    ASSERT_TRUE(glibc);
    EXPECT_EQ(glibc->function, "foo::bar");

    auto libc = parseFrame("#5 0x7f1 in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x29d90)");
    ASSERT_TRUE(libc);
    EXPECT_FALSE(libc->inApp);
    EXPECT_FALSE(parseFrame("   "));
}

TEST(TopInAppFrames, SkipsChatterAndLibraryFramesAndKeepsFive) {
    std::string trace =
        "==123==ERROR: AddressSanitizer: heap-use-after-free\n"
        "    #0 0x1 in std::vector<int>::at(unsigned long) /usr/include/c++/12/bits/stl_vector.h:1123\n"
        "    #1 0x2 in a() /src/a.cpp:1\n"
        "    #2 0x3 in b() /src/a.cpp:2\n"
        "    #3 0x4 in c() /src/a.cpp:3\n"
        "    #4 0x5 in testing::Test::Run() gtest.cc:9\n"
        "    #5 0x6 in d() /src/a.cpp:4\n"
        "    #6 0x7 in e() /src/a.cpp:5\n"
        "    #7 0x8 in f() /src/a.cpp:6\n";
    EXPECT_EQ(topInAppFrames(trace), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
    EXPECT_EQ(topInAppFrames("OrderRepo::save(Order const&)\n\nmain\n"),
              (std::vector<std::string>{"OrderRepo::save", "main"}));
}

} // namespace devos::logic
