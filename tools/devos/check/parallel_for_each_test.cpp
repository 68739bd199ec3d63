#include "check/parallel_for_each.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <stdexcept>

using devos::check::parallelForEach;

TEST(ParallelForEach, CallsEveryIndexOnce) {
    std::vector<std::atomic<int>> calls(100);
    auto errors = parallelForEach(calls.size(), 4, [&](std::size_t i) { ++calls[i]; });
    ASSERT_EQ(errors.size(), 100u);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        EXPECT_EQ(calls[i], 1) << i;
        EXPECT_EQ(errors[i], "") << i;
    }
}

TEST(ParallelForEach, AThrowingCallFailsOnlyItselfAndTheOthersStillRun) {
    std::atomic<int> done{0};
    auto errors = parallelForEach(20, 3, [&](std::size_t i) {
        if (i == 7)
            throw std::runtime_error("clang crashed on b.cpp");
        if (i == 12)
            throw 42;
        ++done;
    });
    EXPECT_EQ(done, 18);
    EXPECT_EQ(errors[7], "clang crashed on b.cpp");
    EXPECT_EQ(errors[12], "an exception that is not a std::exception");
    EXPECT_EQ(errors[0], "");
}

TEST(ParallelForEach, NothingToDoIsNothing) {
    EXPECT_TRUE(parallelForEach(0, 8, [](std::size_t) { FAIL(); }).empty());
}
